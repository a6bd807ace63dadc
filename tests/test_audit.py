from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.audit import audit_source
from claimcheck.errors import StoreError
from claimcheck.records import Link
from claimcheck.render import known_source

from .test_store import seed_store


def test_fox_news_on_the_seed(tmp_path: Path) -> None:
    store, ids = seed_store(tmp_path / "c.db")
    record = audit_source(store, "Fox News")
    assert record.summary() == [
        f"claim {ids['c4']} (2019-03-21): reported first on 2019-03-21; later reported by SDF, Mustefa Bali (SDF)",
        f"claim {ids['c4']} (2019-03-21): denied by Mustefa Bali (SDF) on 2019-03-22",
        f"claim {ids['c4']} (2019-03-21): contradicted by Mustefa Bali (SDF) on 2019-03-22",
        f"claim {ids['c4']} (2019-03-21): corroborated by SDF on 2019-03-23",
    ]
    as_dict = record.to_dict()
    assert as_dict["denied_by"] == ["Mustefa Bali (SDF)"]
    assert as_dict["corroborated_by"] == ["SDF"]
    assert as_dict["first_to_report"] == [ids["c4"]]
    assert as_dict["denials"] == []


def test_bali_on_the_seed_issued_the_denial(tmp_path: Path) -> None:
    store, ids = seed_store(tmp_path / "c.db")
    record = audit_source(store, "Bali")
    assert known_source(record.source) == "Mustefa Bali (SDF)"
    assert [c.id for c in record.claims] == [ids["c3"], ids["c5"], ids["c2"]]
    denials = record.to_dict()["denials"]
    assert [(d["claim"], d["by"], d["on"], d["summary"]) for d in denials] == [
        (ids["c5"], "Fox News", "2019-03-21", "denied a claim by Fox News of 2019-03-21")
    ]
    # c2 agrees with the SDF's announcement of the same day: neither is first, neither corroborates.
    assert record.to_dict()["corroborated_by"] == []
    assert [e.summary() for e in record.events("agreed")] == ["agreed with SDF on 2019-03-23"]
    assert record.to_dict()["first_to_report"] == []


def test_agreeing_with_an_earlier_claim_is_repeating_it(tmp_path: Path) -> None:
    store, ids = seed_store(tmp_path / "c.db")
    record = audit_source(store, "SDF")
    events = [(e.kind, e.by, e.on) for c in record.claims for e in c.events]
    assert ("repeated", "Fox News", "2019-03-21") in events


def test_agreement_within_one_source_is_not_corroboration(tmp_path: Path) -> None:
    store, ids = seed_store(tmp_path / "c.db")
    with store.transaction():
        store.insert_links([Link(ids["c2"], ids["c3"], "agree", 0.7, "same speaker", "similarity")])
    record = audit_source(store, "Mustefa Bali")
    assert all(e.other_claim != ids["c3"] for c in record.claims for e in c.events if e.claim == ids["c2"])


def test_rows_for_a_table(tmp_path: Path) -> None:
    store, ids = seed_store(tmp_path / "c.db")
    rows = audit_source(store, "fox news").rows()
    assert [(r["event"], r["summary"]) for r in rows] == [
        ("claim", "assert (hedged)"),
        ("first to report", "reported first on 2019-03-21; later reported by SDF, Mustefa Bali (SDF)"),
        ("denied", "denied by Mustefa Bali (SDF) on 2019-03-22"),
        ("contradicted", "contradicted by Mustefa Bali (SDF) on 2019-03-22"),
        ("corroborated", "corroborated by SDF on 2019-03-23"),
    ]


def test_an_unknown_source_names_the_closest(tmp_path: Path) -> None:
    store, _ = seed_store(tmp_path / "c.db")
    with pytest.raises(StoreError, match="no source named 'Fox'; did you mean 'Fox News'"):
        audit_source(store, "Fox")
