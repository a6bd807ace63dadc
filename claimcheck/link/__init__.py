"""Which claims agree or conflict, and why.

The stages, one module each: `reading` (what a claim text says: negations, states, numbers, names),
`evidence` (whether two claims are about the same thing), `rules` (the relation and its reason),
`calibration` (thresholds per embedding model, confidence per method), `judges` (rules, or rules with an
NLI cross-encoder), `index` (exact and HNSW vector search) and `linker` (the one linking path: candidate
pairs for new claims, judged, copies set apart).
"""

from .calibration import Thresholds, thresholds_for
from .index import ExactIndex, HNSWIndex, VectorIndex, candidate_pairs, new_index
from .judges import Judge, NLIRuleJudge, RuleJudge, get_judge
from .linker import Linking, StoreLinker, link_claims, relate_many, relate_texts
from .reading import Reading, read_claim
from .rules import Judgement, assess, is_copy, judge

__all__ = [
    "ExactIndex", "HNSWIndex", "Judge", "Judgement", "Linking", "NLIRuleJudge", "Reading", "RuleJudge",
    "StoreLinker", "Thresholds", "VectorIndex", "assess", "candidate_pairs", "get_judge", "is_copy", "judge",
    "link_claims", "new_index", "read_claim", "relate_many", "relate_texts", "thresholds_for",
]
