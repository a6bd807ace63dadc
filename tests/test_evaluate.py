from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.errors import InputError
from claimcheck.evaluate import (
    Attribution,
    chars,
    load_brat,
    load_gold,
    load_predictions,
    overlap_score,
    score,
)

from .conftest import SEED_GOLD, shared_path

TEXT = "“Het is voorbij”, zegt Bali. Hij meldde gisteren nog gevechten."


def test_overlap_needs_half_of_both_spans() -> None:
    assert overlap_score(frozenset(range(0, 10)), frozenset(range(5, 10))) == 0.5
    assert overlap_score(frozenset(range(0, 10)), frozenset(range(6, 30))) == pytest.approx(4 / 24)
    assert overlap_score(frozenset(), frozenset(range(3))) == 0.0


def test_edges_are_trimmed_of_quotes_and_punctuation() -> None:
    assert chars(TEXT, ((0, 17),)) == frozenset(range(1, 15))


def test_a_span_of_punctuation_only_is_kept_whole() -> None:
    assert chars("TRUMP: We will win.", ((5, 6),)) == frozenset({5})


def test_gold_scored_against_itself_is_perfect() -> None:
    docs = load_gold(SEED_GOLD)
    report = score(docs, {doc.id: doc.attributions for doc in docs})
    assert {row["measure"]: row["f1"] for row in report.rows()} == {
        "cue": 1.0, "content_exact": 1.0, "content_overlap": 1.0, "source_content": 1.0,
    }
    assert (report.matched, report.stance_right, report.date_right) == (7, 7, 7)


def test_partial_overlap_counts_for_overlap_but_not_exact(tmp_path: Path) -> None:
    gold_file = tmp_path / "g.json"
    (tmp_path / "t.txt").write_text(TEXT, encoding="utf-8")
    gold = {"docs": {"t": {"text_file": "t.txt", "attributions": [
        {"source": [[23, 27]], "cue": [[18, 22]], "content": [[1, 15]], "stance": "assert"},
        {"source": [[29, 32]], "cue": [[33, 39]], "content": [[40, 63]], "stance": "assert"},
    ]}}}
    gold_file.write_text(json.dumps(gold), encoding="utf-8")
    predictions = tmp_path / "p.jsonl"
    rows = [  # the first exactly right; the second with content cut short and a wrong source
        {"doc": "t.txt", "source": {"start": 23, "end": 27}, "cue": {"start": 18, "end": 22},
         "content": {"start": 1, "end": 15}, "stance": "assert"},
        {"doc": "t.txt", "source": {"start": 0, "end": 3}, "cue": {"start": 33, "end": 39},
         "content": {"start": 49, "end": 63}, "stance": "deny"},
    ]
    predictions.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    report = score(load_gold(gold_file), load_predictions(predictions))
    f1 = {row["measure"]: (row["tp"], row["fp"], row["fn"]) for row in report.rows()}
    assert f1 == {
        "cue": (2, 0, 0),
        "content_exact": (1, 1, 1),
        "content_overlap": (2, 0, 0),
        "source_content": (1, 1, 1),
    }
    assert report.stance_right == 1


def test_null_source_must_be_predicted_null() -> None:
    gold = Attribution(cue=((0, 3),), content=((4, 9),), source=None)
    named = Attribution(cue=((0, 3),), content=((4, 9),), source=((10, 12),))
    docs = load_gold(SEED_GOLD)
    docs[0].attributions = [gold]
    report = score(docs, {docs[0].id: [named]})
    assert report.measures["source_content"].tp == 0
    assert report.measures["content_overlap"].tp == 1


def test_bad_prediction_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text('{"doc": "a", "cue": {"start": 0, "end": 1}, "content": {"start": 1, "end": 2}}\n{"doc": 1}\n')
    with pytest.raises(InputError, match=r"p.jsonl:2: not a claimcheck statement"):
        load_predictions(path)


def test_polnear_brat_reader_pairs_roles() -> None:
    docs = load_brat(shared_path("data", "polnear", "dev"))
    assert len(docs) == 94
    for doc in docs[:20]:
        for attribution in doc.attributions:
            assert attribution.cue and attribution.content
            for start, end in attribution.cue + attribution.content + (attribution.source or ()):
                assert 0 <= start < end <= len(doc.text)
