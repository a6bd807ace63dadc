"""Judges: what decides the relation of candidate pairs. The rule judge (claimcheck.link.rules) is the
offline default; `NLIRuleJudge` adds an NLI cross-encoder a user has (claimcheck.nli) to the rule evidence.

How the two combine: the rules' evidence for a conflict or an agreement stands, but an NLI model that is
confident of the opposite relation (entailment against a rule conflict, contradiction against a rule
agreement) vetoes it; where the rules find nothing, a pair about the same event (evidence.overlap) is
linked when the model is confident (method "nli"). The model is asked only about such pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from ..records import Claim
from .calibration import Thresholds, confidence
from .evidence import overlap
from .reading import read_claim
from .rules import NONE, Judgement, assess

if TYPE_CHECKING:
    from ..nli import NLIJudge

Pair = tuple[Claim, Claim, float]  # two claims and the cosine of their embeddings


class Judge(Protocol):
    name: str

    def judge_pairs(self, pairs: Sequence[Pair], thresholds: Thresholds) -> list[Judgement]: ...


class RuleJudge:
    """The word and record rules of claimcheck.link.rules, pair by pair."""

    name = "rules"

    def judge_pairs(self, pairs: Sequence[Pair], thresholds: Thresholds) -> list[Judgement]:
        return [assess(a, b, similarity, thresholds) for a, b, similarity in pairs]


NLI_DECIDES = 0.8  # probability at which the model's label links a pair the rules left alone
NLI_VETO = 0.9  # probability of the opposite label at which the model overrules a rule


class NLIRuleJudge:
    """The rules, then an NLI cross-encoder on the pairs about one event (see the module docstring)."""

    def __init__(self, nli: NLIJudge) -> None:
        self.nli = nli
        self.name = f"rules+{nli.model_id}"

    def judge_pairs(self, pairs: Sequence[Pair], thresholds: Thresholds) -> list[Judgement]:
        judged = RuleJudge().judge_pairs(pairs, thresholds)
        asked = [
            i for i, ((a, b, similarity), found) in enumerate(zip(pairs, judged, strict=True))
            if found.method != "copy" and similarity >= thresholds.related
            and overlap(read_claim(a.text, a.lang), read_claim(b.text, b.lang)).same_event
        ]
        scores = self.nli.scores([(pairs[i][0].text, pairs[i][1].text) for i in asked])
        for i, score in zip(asked, scores, strict=True):
            found, similarity = judged[i], pairs[i][2]
            if found.relation == "conflict" and score.entailment >= NLI_VETO:
                judged[i] = Judgement(NONE, similarity, f"the NLI model reads entailment ({score.entailment:.2f}), "
                                      f"overruling: {found.reason}", "nli")
            elif found.relation == "agree" and score.contradiction >= NLI_VETO:
                judged[i] = Judgement(NONE, similarity, f"the NLI model reads contradiction "
                                      f"({score.contradiction:.2f}), overruling: {found.reason}", "nli")
            elif found.relation == NONE and found.method != "state":
                if score.contradiction >= NLI_DECIDES:
                    judged[i] = Judgement("conflict", similarity, f"the NLI model reads contradiction "
                                          f"({score.contradiction:.2f})", "nli",
                                          confidence("nli", (score.contradiction - NLI_DECIDES) / (1 - NLI_DECIDES)))
                elif score.entailment >= NLI_DECIDES:
                    judged[i] = Judgement("agree", similarity, f"the NLI model reads entailment "
                                          f"({score.entailment:.2f})", "nli",
                                          confidence("nli", (score.entailment - NLI_DECIDES) / (1 - NLI_DECIDES)))
        return judged


def get_judge(nli_model: str | None = None) -> Judge:
    """The rule judge, or with `nli_model` (a cross-encoder's local path or cached hub name) the combination."""
    if nli_model is None:
        return RuleJudge()
    from ..nli import get_nli_judge

    return NLIRuleJudge(get_nli_judge(nli_model))
