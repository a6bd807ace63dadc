"""Score extracted statements against gold attributions: cue, content (exact and overlap), source+content.

Gold comes as brat standoff (PolNeAR: `DIR/text/*.txt` and `DIR/attributions/*.ann`, one .ann per
annotator, each scored as its own document) or as claimcheck's gold JSON (`{"docs": {id: {"text_file",
"published", "lang", "attributions": [{"source", "cue", "content", "stance", "date"}]}}}`, spans as lists of
[start, end] pairs, see fixtures/baghouz.gold.json).

A predicted span matches a gold span when their characters overlap by at least half of each (`overlap`),
or when they cover the same characters (`exact`). Edges are trimmed of spaces, quote marks and closing
punctuation before comparing, since annotators differ on those. Predictions and gold are paired one to
one, best overlap first.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError

Pieces = tuple[tuple[int, int], ...]
_EDGE = " \t\n\r\"“”‘’'„«»,.:;"


@dataclass(frozen=True)
class Attribution:
    """One attribution as the scorer sees it: character pieces per role; source None when unnamed."""

    cue: Pieces
    content: Pieces
    source: Pieces | None
    stance: str | None = None
    date: str | None = None


@dataclass
class GoldDoc:
    id: str
    text: str
    attributions: list[Attribution]
    published: str | None = None
    lang: str | None = None


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Counts per measure; `stance` and `date` count agreement on content-overlap matches."""

    docs: int = 0
    gold: int = 0
    predicted: int = 0
    measures: dict[str, Tally] = field(default_factory=dict)
    stance_right: int = 0
    date_right: int = 0
    matched: int = 0

    def rows(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for name, tally in self.measures.items():
            out.append(
                {
                    "measure": name,
                    "precision": round(tally.precision, 3),
                    "recall": round(tally.recall, 3),
                    "f1": round(tally.f1, 3),
                    "tp": tally.tp,
                    "fp": tally.fp,
                    "fn": tally.fn,
                }
            )
        return out


MEASURES = ("cue", "content_exact", "content_overlap", "source_content")


# --- reading gold -------------------------------------------------------------------------------------


def load_gold(path: str | Path) -> list[GoldDoc]:
    """Gold documents from a brat folder (PolNeAR split) or a gold JSON file."""
    path = Path(path)
    if path.is_dir():
        return load_brat(path)
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    return load_gold_json(path)


def load_gold_json(path: Path) -> list[GoldDoc]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        docs = data["docs"]
    except (json.JSONDecodeError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a gold JSON file ({exc})") from None
    out = []
    for doc_id, doc in docs.items():
        text_path = path.parent / doc["text_file"]
        try:
            text = text_path.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{text_path}: cannot read gold text ({exc.strerror})") from None
        attributions = [
            Attribution(
                cue=_pieces(a["cue"]),
                content=_pieces(a["content"]),
                source=_pieces(a["source"]) if a.get("source") else None,
                stance=a.get("stance"),
                date=a.get("date"),
            )
            for a in doc["attributions"]
        ]
        out.append(GoldDoc(doc_id, text, attributions, doc.get("published"), doc.get("lang")))
    return out


def _pieces(spans: Iterable[Iterable[int]] | None) -> Pieces:
    """Spans as sorted pieces; a gold `"cue": null` (a quote with no cue word) has none."""
    return tuple(sorted((int(s), int(e)) for s, e in spans or ()))


_BRAT_SPAN = re.compile(r"^([\w-]+) ([\d ;]+)$")


def load_brat(folder: Path) -> list[GoldDoc]:
    """PolNeAR: text/NAME.txt with attributions/NAME_ANNOTATOR.ann (one document per .ann file)."""
    ann_dir, text_dir = folder / "attributions", folder / "text"
    if not ann_dir.is_dir() or not text_dir.is_dir():
        raise InputError(f"{folder}: expected brat folders 'attributions' and 'text' inside")
    published = _polnear_dates(folder.parent / "metadata.tsv")
    out = []
    for ann in sorted(ann_dir.glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        text_file = text_dir / f"{name}.txt"
        if not text_file.exists():
            continue
        text = text_file.read_text(encoding="utf-8")
        out.append(GoldDoc(name, text, parse_brat(ann), published.get(name), "en"))
    if not out:
        raise InputError(f"{folder}: no .ann file has a matching text file")
    return out


def parse_brat(path: Path) -> list[Attribution]:
    spans: dict[str, tuple[str, Pieces]] = {}
    events: list[dict[str, list[str]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            match = _BRAT_SPAN.match(parts[1])
            if not match:
                raise InputError(f"{path}:{number}: cannot read span {parts[1]!r}")
            pieces = tuple(
                (int(a), int(b)) for a, b in (chunk.split() for chunk in match.group(2).split(";"))
            )
            spans[parts[0]] = (match.group(1), pieces)
        elif line.startswith("E") and len(parts) >= 2:
            roles: dict[str, list[str]] = {}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                roles.setdefault(re.sub(r"\d+$", "", role), []).append(ref)
            events.append(roles)
    out = []
    for roles in events:
        cue, content, source = (_role_pieces(roles, spans, role) for role in ("Cue", "Content", "Source"))
        if cue and content:
            out.append(Attribution(cue, content, source or None))
    return out


def _role_pieces(roles: dict[str, list[str]], spans: dict[str, tuple[str, Pieces]], role: str) -> Pieces:
    return tuple(sorted(p for ref in roles.get(role, []) if ref in spans for p in spans[ref][1]))


def _polnear_dates(metadata: Path) -> dict[str, str]:
    if not metadata.exists():
        return {}
    dates = {}
    lines = metadata.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    name_col, date_col = header.index("filename"), header.index("publication_date")
    for line in lines[1:]:
        cols = line.split("\t")
        if len(cols) > max(name_col, date_col):
            dates[cols[name_col]] = cols[date_col]
    return dates


# --- reading predictions ------------------------------------------------------------------------------


def load_predictions(path: str | Path) -> dict[str, list[Attribution]]:
    """Predictions as printed by `claimcheck extract --jsonl`, keyed by document stem."""
    out: dict[str, list[Attribution]] = {}
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            out.setdefault(doc_key(str(record["doc"])), []).append(attribution_from_json(record))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{path}:{number}: not a claimcheck statement ({exc})") from None
    return out


def attribution_from_json(record: dict[str, Any]) -> Attribution:
    def pieces(span: dict[str, Any] | None) -> Pieces | None:
        if not span:
            return None
        return _pieces(span.get("spans") or [[span["start"], span["end"]]])

    cue, content = pieces(record["cue"]), pieces(record["content"])
    if cue is None or content is None:
        raise ValueError("cue and content are required")
    return Attribution(cue, content, pieces(record.get("source")), record.get("stance"), record.get("date"))


def doc_key(doc: str) -> str:
    name = Path(doc).name
    return name[:-4] if name.endswith(".txt") else name


# --- scoring ------------------------------------------------------------------------------------------


def chars(text: str, pieces: Pieces) -> frozenset[int]:
    """The characters a span covers, edges trimmed of spaces, quote marks and punctuation."""
    covered: set[int] = set()
    for start, end in pieces:
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        covered.update(range(start, end))
    if not covered:
        # A span of punctuation only (a transcript's ":" cue) is compared as it stands.
        covered = {i for start, end in pieces for i in range(start, end)}
    return frozenset(covered)


def overlap_score(a: frozenset[int], b: frozenset[int]) -> float:
    """min(|a∩b|/|a|, |a∩b|/|b|): at least 0.5 counts as a match."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    return min(common / len(a), common / len(b))


Matcher = Callable[[str, Attribution, Attribution], float]


def _cue(text: str, g: Attribution, p: Attribution) -> float:
    return overlap_score(chars(text, g.cue), chars(text, p.cue))


def _content_overlap(text: str, g: Attribution, p: Attribution) -> float:
    return overlap_score(chars(text, g.content), chars(text, p.content))


def _content_exact(text: str, g: Attribution, p: Attribution) -> float:
    return 1.0 if chars(text, g.content) == chars(text, p.content) else 0.0


def _source_content(text: str, g: Attribution, p: Attribution) -> float:
    content = _content_overlap(text, g, p)
    if content < 0.5:
        return 0.0
    if g.source is None or p.source is None:
        return content if g.source is None and p.source is None else 0.0
    source = overlap_score(chars(text, g.source), chars(text, p.source))
    return min(content, source) if source >= 0.5 else 0.0


MATCHERS: dict[str, Matcher] = {
    "cue": _cue,
    "content_exact": _content_exact,
    "content_overlap": _content_overlap,
    "source_content": _source_content,
}


def match(text: str, gold: list[Attribution], predicted: list[Attribution], matcher: Matcher
          ) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) scoring at least 0.5, best first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            score = matcher(text, g, p)
            if score >= 0.5:
                candidates.append((score, gi, pi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


def score(docs: list[GoldDoc], predictions: dict[str, list[Attribution]]) -> Report:
    report = Report(measures={name: Tally() for name in MEASURES})
    for doc in docs:
        predicted = predictions.get(doc.id, [])
        report.docs += 1
        report.gold += len(doc.attributions)
        report.predicted += len(predicted)
        for name, matcher in MATCHERS.items():
            pairs = match(doc.text, doc.attributions, predicted, matcher)
            tally = report.measures[name]
            tally.tp += len(pairs)
            tally.fp += len(predicted) - len(pairs)
            tally.fn += len(doc.attributions) - len(pairs)
            if name == "content_overlap":
                for gi, pi in pairs:
                    g, p = doc.attributions[gi], predicted[pi]
                    report.matched += 1
                    report.stance_right += g.stance is None or g.stance == p.stance
                    report.date_right += g.date == p.date
    return report


def predict(docs: list[GoldDoc], lang: str | None = None) -> dict[str, list[Attribution]]:
    """Run the extractor on every gold text."""
    from .extract import extract_statements

    out: dict[str, list[Attribution]] = {}
    for doc in docs:
        if doc.id in out:
            continue
        statements = extract_statements(doc.text, lang or doc.lang, doc.published)
        out[doc.id] = [attribution_from_json(s.to_dict(doc.id, "")) for s in statements]
    return out


def evaluate(gold_path: str | Path, predictions_path: str | Path | None = None,
             lang: str | None = None) -> Report:
    """Score a predictions file (or, without one, the extractor itself) against gold."""
    docs = load_gold(gold_path)
    predictions = load_predictions(predictions_path) if predictions_path else predict(docs, lang)
    return score(docs, predictions)
