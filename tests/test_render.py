"""claimcheck.render: the display strings made from stored records."""

from __future__ import annotations

from typing import Any

import pytest

from claimcheck.ingest import IngestReport
from claimcheck.render import (
    audit_heading,
    cell,
    claim_row,
    claim_source,
    flat_link_row,
    ingest_summary,
    known_source,
    link_row,
    merged,
    source_display,
    table,
)
from claimcheck.store import KnownSource


@pytest.mark.parametrize(
    ("name", "affiliation", "shown"),
    [
        ("Mustefa Bali", "SDF", "Mustefa Bali (SDF)"),
        ("SDF", None, "SDF"),
        ("SDF", "SDF", "SDF"),  # a source is not shown as affiliated with itself
        (None, "SDF", None),
    ],
)
def test_source_display(name: str | None, affiliation: str | None, shown: str | None) -> None:
    assert source_display(name, affiliation) == shown


def test_a_known_source_and_a_claims_source() -> None:
    bali = KnownSource(3, "Mustefa Bali", "person", "SDF", ["Mustefa Bali", "Bali"])
    assert known_source(bali) == "Mustefa Bali (SDF)"
    assert claim_source({"source": None, "affiliation": None}) == "an unnamed source"
    assert merged("M. Bali", bali) == "Merged 'M. Bali' into Mustefa Bali (SDF); spellings: Bali"
    assert audit_heading(bali, 1) == "Mustefa Bali (SDF) (person): 1 claim"
    assert audit_heading(bali, 3) == "Mustefa Bali (SDF) (person): 3 claims"


def test_a_claim_row_keeps_its_keys_in_reading_order() -> None:
    stored: dict[str, Any] = {
        "id": 4, "article": 1, "doc": "baghouz", "title": None, "publisher": None, "published": "2019-03-23",
        "source_id": 2, "source": "Fox News", "affiliation": None, "source_text": "Fox News", "cue": "berichten",
        "content": "IS al zou zijn verslagen", "content_start": 10, "content_end": 34, "span_start": 0,
        "span_end": 34, "stance": "assert", "hedged": 1, "stated_on": "2019-03-21", "date": "2019-03-21",
        "channel": None, "language": "nl", "topic": "",
    }
    assert claim_row(stored) == {
        "id": 4, "date": "2019-03-21", "source": "Fox News", "affiliation": None, "cue": "berichten",
        "content": "IS al zou zijn verslagen", "stance": "assert", "hedged": True, "channel": None,
        "article": "baghouz", "title": None, "start": 10, "end": 34,
    }


def test_a_link_row_nests_both_claims_and_flattens_back() -> None:
    stored: dict[str, Any] = {"id": 1, "relation": "conflict", "score": 0.87654, "confidence": 0.9, "method": "denial",
                              "reason": "denied", "date": ""}
    for side, source, affiliation in (("a", "Mustefa Bali", "SDF"), ("b", None, None)):
        stored |= {f"{side}_id": 5, f"{side}_content": "tekst", f"{side}_date": "2019-03-22",
                   f"{side}_stance": "deny", f"{side}_source": source, f"{side}_affiliation": affiliation,
                   f"{side}_article": "baghouz"}
    row = link_row(stored)
    assert list(row) == ["date", "confidence", "score", "method", "reason", "a", "b"]
    assert (row["date"], row["score"], row["a"]["source"], row["b"]["source"]) == (
        None, 0.877, "Mustefa Bali (SDF)", None)
    flat = flat_link_row(row)
    assert list(flat)[:5] == ["date", "confidence", "score", "method", "reason"]
    assert flat["a_source"] == "Mustefa Bali (SDF)" and flat["b_article"] == "baghouz"


def test_cells_and_tables() -> None:
    assert [cell("c", v) for v in (None, False, True, 3, {"text": "zegt"}, ["a", None])] == [
        "", "", "yes", "3", "zegt", "a; "]
    rows = [{"who": "SDF", "said": "x" * 70, "n": 1}, {"who": "Mustefa Bali", "said": "kort\n  en  bondig", "n": None}]
    assert table(rows, ["n", "who", "said"]).split("\n") == [
        "n  who           said",
        "-  ------------  " + "-" * 60,
        "1  SDF           " + "x" * 59 + "…",
        "   Mustefa Bali  kort en bondig",
    ]
    assert table([], ["id", "content"]) == "id  content\n--  -------"


def test_the_ingest_summary() -> None:
    report = IngestReport(articles=3, added=2, skipped=1, new_ids=1, claims=9, sources=4, links=5, copies=2,
                          seconds=1.25)
    assert ingest_summary(report) == (
        "2 of 3 articles stored (1 already there; 1 under a new id, recorded as another id of the stored article): "
        "9 claims (2 copies of stored ones), 4 new sources, 5 links in 1.2 s")
