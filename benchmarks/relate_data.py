"""Read the real-news claim pairs of ../shared/data/relate (evaluation only: never copied into the project).

Each pair references two spans of DpgMedia2019 or Wikinews articles; the texts are rebuilt here from the
shared corpora with the offsets as given, as `build_pairs.py` beside the gold does.
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
GOLD = SHARED / "relate" / "dev.gold.jsonl"


@dataclass(frozen=True)
class Side:
    corpus: str
    doc: str
    start: int
    end: int
    text: str
    published: str | None
    topic: str  # the article's title and first 400 characters, as the store gives them (store.TOPIC_CHARS)


@dataclass(frozen=True)
class RelatePair:
    id: str
    label: str  # agree, conflict, unrelated
    lang: str  # nl-nl, nl-en
    a: Side
    b: Side

    @property
    def same_article(self) -> bool:
        return (self.a.corpus, self.a.doc) == (self.b.corpus, self.b.doc)

    @property
    def group(self) -> str:
        """The article the pair comes from (its first side): folds keep one article's pairs together."""
        return f"{self.a.corpus}:{self.a.doc}"


Document = tuple[str, str | None, str]  # text, publication date, title


def _corpora() -> dict[str, dict[str, Document]]:
    dpg: dict[str, Document] = {}
    with (SHARED / "dpg2019" / "articles.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                dpg[str(record["id"])] = (record["text"] or "", (record.get("published_at") or "")[:10] or None,
                                          record.get("title") or "")
    csv.field_size_limit(sys.maxsize)
    wikinews: dict[str, Document] = {}
    with (SHARED / "wikinews" / "wikinews_2019.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            wikinews[row["url"]] = (row["text"], (row.get("date") or "")[:10] or None, row["title"])
    return {"dpg": dpg, "wikinews": wikinews}


def read_relate_pairs(path: Path = GOLD) -> list[RelatePair]:
    if not path.exists():
        sys.exit(f"{path} is absent: nothing to measure")
    corpora = _corpora()
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        sides = []
        for key in ("a", "b"):
            ref = record[key]
            text, published, title = corpora[ref["corpus"]][ref["doc"]]
            sides.append(Side(ref["corpus"], ref["doc"], ref["start"], ref["end"], text[ref["start"] : ref["end"]],
                              published, f"{title} {text[:400]}"))
        pairs.append(RelatePair(record["id"], record["label"], record["lang"], sides[0], sides[1]))
    return pairs
