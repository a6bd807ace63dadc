"""Read SICK-NL (evaluation only: read from ../shared, never copied into the project).

Columns used: sentence_A, sentence_B (Dutch), sentence_B_original (English), entailment_label,
relatedness_score (1-5) and SemEval_set (TRAIN or TRIAL).
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "sick_nl" / "SICK_NL.train_trial.tsv"


@dataclass(frozen=True)
class Pair:
    id: str
    a: str
    b: str
    b_english: str
    label: str
    relatedness: float
    split: str


def read_pairs(path: str | Path = DEFAULT) -> list[Pair]:
    path = Path(path)
    if not path.exists():
        sys.exit(f"{path} is absent: nothing to measure")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            Pair(
                row["pair_ID"],
                row["sentence_A"].strip(),
                row["sentence_B"].strip(),
                row["sentence_B_original"].strip(),
                row["entailment_label"].strip(),
                float(row["relatedness_score"]),
                row["SemEval_set"].strip().lower(),
            )
            for row in rows
        ]
