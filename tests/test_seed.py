"""The founding example: the Baghouz article (published 2019-03-23) against its hand-checked gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimcheck.extract import dates, extract_statements
from claimcheck.records import Statement

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TEXT = (FIXTURES / "baghouz-2019-03-23.nl.txt").read_text(encoding="utf-8")
GOLD: list[dict[str, Any]] = json.loads((FIXTURES / "baghouz.gold.json").read_text(encoding="utf-8"))[
    "docs"]["baghouz-2019-03-23.nl"]["attributions"]
BY_ID = {a["id"]: a for a in GOLD}


def _pieces(spans: list[list[int]]) -> tuple[tuple[int, int], ...]:
    return tuple(sorted((s, e) for s, e in spans))


@pytest.fixture(scope="module")
def statements() -> list[Statement]:
    return extract_statements(TEXT, "nl", "2019-03-23")


def _find(statements: list[Statement], gold_id: str) -> Statement:
    cue = _pieces(BY_ID[gold_id]["cue"])
    found = [s for s in statements if s.cue.pieces() == cue]
    assert found, f"{gold_id}: no statement with cue {BY_ID[gold_id]['cue_text']!r}"
    return found[0]


def test_all_seven_and_nothing_else(statements: list[Statement]) -> None:
    assert sorted(s.cue.pieces() for s in statements) == sorted(_pieces(a["cue"]) for a in GOLD)


@pytest.mark.parametrize("gold_id", [a["id"] for a in GOLD])
def test_spans_and_stance(statements: list[Statement], gold_id: str) -> None:
    gold = BY_ID[gold_id]
    statement = _find(statements, gold_id)
    assert statement.content.pieces() == _pieces(gold["content"])
    if gold["source"] is None:
        assert statement.source is None
    else:
        assert statement.source is not None
        assert statement.source.pieces() == _pieces(gold["source"])
        assert statement.source.text == gold["source_text"]
    assert statement.stance == gold["stance"]
    assert statement.hedged is gold.get("hedged", False)


def test_by_hand(statements: list[Statement]) -> None:
    """The values a reader checks first, written out rather than read from the gold file."""
    c4, c5, c6, c7 = (_find(statements, i) for i in ("c4", "c5", "c6", "c7"))
    assert c5.stance == "deny" and c5.content.text.startswith("berichten van de Amerikaanse nieuwszender")
    assert c5.content.start <= c4.cue.start and c4.content.end <= c5.content.end  # c4 nests in c5
    assert c4.source is not None and c4.source.text == "de Amerikaanse nieuwszender Fox News"
    assert c4.content.text == "IS al zou zijn verslagen en de luchtaanvallen waren gestopt" and c4.hedged
    assert c6.source is None and c6.cue.text == "Aangenomen wordt"
    assert [TEXT[a:b] for a, b in c7.cue.pieces()] == ["kondigden", "aan"]
    assert [TEXT[a:b] for a, b in c7.content.pieces()] == [
        "de oprichting", "van een ‘islamitisch kalifaat’ in de veroverde gebieden van Irak en Syrië"]


def test_channel(statements: list[Statement]) -> None:
    assert _find(statements, "c2").channel == "Twitter"
    assert [s.channel for s in statements if s.channel] == ["Twitter"]


@pytest.mark.parametrize(("gold_id", "day"), [
    ("c3", "2019-03-22"),  # "gisteren"
    ("c5", "2019-03-22"),  # "daarmee": the same act as c3, the sentence before
    ("c4", "2019-03-21"),  # "donderdag": the Thursday before Saturday 23 March
    ("c7", "2014-06-29"),  # "Op 29 juni 2014"
])
def test_dates_said_in_the_text(statements: list[Statement], gold_id: str, day: str) -> None:
    assert _find(statements, gold_id).date == day == BY_ID[gold_id]["date"]


def test_undated_present_tense_follows_the_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    """c1 "meldt", c2 "zegt", c6 "Aangenomen wordt" name no day. The default rule (the Dutch gold guide:
    a date only when the article says when) leaves them empty; the seed gold's convention gives them the
    publication date, which `[rule] present_tense = "published"` in dates.toml selects."""
    undated = ("c1", "c2", "c6")
    statements = extract_statements(TEXT, "nl", "2019-03-23")
    assert [_find(statements, i).date for i in undated] == [None, None, None]
    monkeypatch.setitem(dates._words()["rule"], "present_tense", "published")
    statements = extract_statements(TEXT, "nl", "2019-03-23")
    assert [_find(statements, i).date for i in undated] == [BY_ID[i]["date"] for i in undated]
    assert _find(statements, "c3").date == "2019-03-22"  # past tense keeps its own day


def test_speakers(statements: list[Statement]) -> None:
    """c3's "Hij" and c5's "Bali" are Mustefa Bali; the Fox News report is Fox News's."""
    assert _find(statements, "c2").speaker == "Mustefa Bali"
    assert _find(statements, "c2").affiliation == "SDF"
    assert _find(statements, "c3").speaker == "Mustefa Bali"
    assert _find(statements, "c5").speaker == "Mustefa Bali"
    assert _find(statements, "c4").speaker == "Fox News"
    assert _find(statements, "c6").speaker is None
    # the descriptions name organisations the article spells out: the gold's source_entity
    assert _find(statements, "c1").speaker == "SDF"
    assert _find(statements, "c7").speaker == "ISIL"
