"""The store in Datasette: the readable views and the canned queries, served by the real Datasette in process.

The store is the seed article's gold claims and gold links (tests/test_store.py: seed_store), so every
expected row below can be checked by hand against fixtures/baghouz.gold.json. Gold ids map to claim ids
c1 -> 1 ... c7 -> 7; the links are 1: c5 denies c4, 2: c3 conflicts with c4 (method state), 3: c1 agrees
with c2, 4: c4 agrees with c1.
"""

from __future__ import annotations

import asyncio
import html
import json
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from datasette.app import Datasette
from typer.testing import CliRunner

from claimcheck.audit import audit_source
from claimcheck.cli import app
from claimcheck.datasette import METADATA_PATH, database_name, metadata
from claimcheck.store import MIGRATIONS, applied_migrations, open_store

from .conftest import SEED_TEXT
from .test_store import seed_store

C4 = "IS al zou zijn verslagen en de luchtaanvallen waren gestopt"
C5 = ("berichten van de Amerikaanse nieuwszender Fox News, donderdag, dat IS al zou zijn verslagen en de "
      "luchtaanvallen waren gestopt")
C3 = "hevige gevechten die een einde moesten maken ‘aan wat er nog over is van IS'"
VIEWS = ["agreements_view", "claims_view", "conflicts_view", "first_reports_view", "sources_view"]


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    """The seed store, with one more spelling for Fox News ("FOX"), closed so Datasette opens it afresh."""
    path = tmp_path / "seed.db"
    store, _ = seed_store(path)
    fox = store.find_source("Fox News")
    with store.transaction():
        store.add_alias(fox.id, "FOX", "fox")
    store.close()
    return path


def fetch(path: Path, *urls: str) -> list[Any]:
    """Serve the store with its metadata in a real Datasette and GET each URL: parsed JSON, else the HTML."""

    async def run() -> list[Any]:
        ds = Datasette([str(path)], metadata=metadata(database_name(path)))
        await ds.invoke_startup()
        found = []
        for url in urls:
            response = await ds.client.get(url)
            assert response.status_code == 200, (url, response.text[:500])
            found.append(response.json() if ".json" in url else response.text)
        return found

    return asyncio.run(run())


# --- the views ---------------------------------------------------------------------------------------------


def test_the_conflicts_view_lists_both_conflicts_with_both_texts_and_the_reason(seed: Path) -> None:
    [rows] = fetch(seed, "/seed/conflicts_view.json?_shape=array")
    # Equal confidence (0, the seed's links carry none) and equal date: the link judged last comes first.
    assert [(r["id"], r["method"], r["a_claim"], r["b_claim"]) for r in rows] == [(2, "state", 3, 4),
                                                                                (1, "denial", 5, 4)]
    denial = rows[1]
    assert denial == {
        "id": 1, "confidence": 0.0, "method": "denial", "reason": "explicit denial: Bali denies the Fox News report",
        "date": "2019-03-22", "score": 0.9,
        "a_claim": 5, "a_source": "Mustefa Bali", "a_affiliation": "SDF", "a_date": "2019-03-22",
        "a_stance": "deny", "a_hedged": 0, "a_text": C5, "a_article": "baghouz", "a_title": None, "a_url": None,
        "b_claim": 4, "b_source": "Fox News", "b_affiliation": None, "b_date": "2019-03-21",
        "b_stance": "assert", "b_hedged": 1, "b_text": C4, "b_article": "baghouz", "b_title": None, "b_url": None,
    }
    assert (rows[0]["a_text"], rows[0]["a_date"], rows[0]["b_date"]) == (C3, "2019-03-22", "2019-03-21")


def test_the_agreements_claims_and_sources_views(seed: Path) -> None:
    agreements, claims, sources, found = fetch(
        seed,
        "/seed/agreements_view.json?_shape=array",
        "/seed/claims_view.json?_shape=array",
        "/seed/sources_view.json?_shape=array",
        "/seed/claims_view.json?_shape=array&_search=luchtaanvallen",
    )
    assert [(r["a_source"], r["b_source"], r["reason"]) for r in agreements] == [
        ("Fox News", "SDF", "Fox News reported the defeat two days before the SDF announced it"),
        ("SDF", "Mustefa Bali", "same announcement: the caliphate is destroyed"),
    ]
    # Newest first; within a day by id. c6 has no source ("Aangenomen wordt").
    assert [(r["id"], r["date"], r["source"]) for r in claims] == [
        (1, "2019-03-23", "SDF"), (2, "2019-03-23", "Mustefa Bali"), (6, "2019-03-23", None),
        (3, "2019-03-22", "Mustefa Bali"), (5, "2019-03-22", "Mustefa Bali"), (4, "2019-03-21", "Fox News"),
        (7, "2014-06-29", "ISIL"),
    ]
    fox = next(r for r in claims if r["id"] == 4)
    assert (fox["cue"], fox["content"], fox["stance"], fox["hedged"], fox["article"], fox["published"],
            fox["copy_of"]) == ("berichten", C4, "assert", 1, "baghouz", "2019-03-23", None)
    assert [(r["name"], r["kind"], r["claims"], r["aliases"]) for r in sources] == [
        ("Mustefa Bali", "person", 3, None),
        ("Fox News", "outlet", 1, "FOX"),
        ("ISIL", "organisation", 1, "Islamitische Staat in Irak en de Levant"),
        ("SDF", "organisation", 1, None),
    ]
    # The view is searchable through the claims' full-text index (metadata fts_table): c4 and c5 say it.
    assert sorted(r["id"] for r in found) == [4, 5]


def test_first_reports_view_follows_the_audit(seed: Path) -> None:
    # The agree group {c1, c2, c4}: Fox News on the 21st, the SDF and Bali both on the 23rd. Only Fox News
    # came strictly before every other source; the SDF and Bali said it the same day, so neither was first.
    [rows] = fetch(seed, "/seed/first_reports_view.json?_shape=array")
    assert rows == [{
        "claim": 4, "date": "2019-03-21", "source": "Fox News", "affiliation": None, "content": C4,
        "article": "baghouz", "title": None, "next_date": "2019-03-23", "later_sources": "SDF, Mustefa Bali",
        "later_claims": 2,
    }]
    with open_store(seed) as store:
        for name in ("Fox News", "SDF", "Mustefa Bali"):
            expected = [row["claim"] for row in rows if row["source"] == name]
            assert audit_source(store, name).to_dict()["first_to_report"] == expected, name


# --- the canned queries ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Fox News", [2, 1]),
        ("fox news", [2, 1]),  # case does not matter
        ("FOX", [2, 1]),  # another spelling of the source
        (" Mustefa Bali ", [2, 1]),
        ("SDF", []),  # Bali speaks for the SDF, but the SDF's own claim (c1) conflicts with nothing
        ("Islamitische Staat in Irak en de Levant", []),
        ("nobody", []),
    ],
)
def test_conflicts_of_a_source(seed: Path, source: str, expected: list[int]) -> None:
    [rows] = fetch(seed, "/seed/conflicts_of_source.json?_shape=array&" + urlencode({"source": source}))
    assert [r["id"] for r in rows] == expected


def test_conflicts_of_a_source_gives_the_whole_rows(seed: Path) -> None:
    [rows] = fetch(seed, "/seed/conflicts_of_source.json?_shape=array&source=FOX")
    [view] = fetch(seed, "/seed/conflicts_view.json?_shape=array")
    assert rows == view


@pytest.mark.parametrize(
    ("source", "expected"),
    [("", [(4, "Fox News", "SDF, Mustefa Bali")]), ("fox", [(4, "Fox News", "SDF, Mustefa Bali")]),
     ("SDF", []), ("Mustefa Bali", [])],
)
def test_first_to_report(seed: Path, source: str, expected: list[tuple[int, str, str]]) -> None:
    [rows] = fetch(seed, "/seed/first_to_report.json?_shape=array&" + urlencode({"source": source}))
    assert [(r["claim"], r["source"], r["later_sources"]) for r in rows] == expected


def test_first_to_report_without_the_parameter_lists_every_source(seed: Path) -> None:
    [rows] = fetch(seed, "/seed/first_to_report.json?_shape=array")
    assert [r["claim"] for r in rows] == [4]


def test_claims_of_an_article_and_denials(seed: Path) -> None:
    claims, none, denials = fetch(
        seed,
        "/seed/claims_of_article.json?_shape=array&article=baghouz",
        "/seed/claims_of_article.json?_shape=array&article=other",
        "/seed/denials.json?_shape=array",
    )
    assert [r["id"] for r in claims] == [1, 2, 3, 4, 5, 6, 7]
    assert none == []
    assert denials == [{
        "id": 1, "confidence": 0.0, "reason": "explicit denial: Bali denies the Fox News report",
        "denied_by": "Mustefa Bali", "denied_on": "2019-03-22", "denial": C5,
        "source_denied": "Fox News", "reported_on": "2019-03-21", "report": C4, "article": "baghouz",
    }]


def test_a_denial_stored_the_other_way_round_still_names_the_denier(tmp_path: Path) -> None:
    path = tmp_path / "seed.db"
    store, _ = seed_store(path)
    with store.transaction():
        store.db.execute("UPDATE links SET a = 4, b = 5 WHERE id = 1")
    store.close()
    [denials] = fetch(path, "/seed/denials.json?_shape=array")
    assert [(r["denied_by"], r["source_denied"], r["denial"]) for r in denials] == [("Mustefa Bali", "Fox News", C5)]


# --- the metadata ------------------------------------------------------------------------------------------


def test_titles_descriptions_and_queries_are_served(seed: Path) -> None:
    served, database, view_page, query_page = fetch(
        seed, "/-/metadata.json", "/seed.json", "/seed/conflicts_view", "/seed/first_to_report?source=Fox+News")
    assert served == metadata("seed")
    assert served["title"] == "claimcheck"
    assert {q["name"]: q["title"] for q in database["queries"]} == {
        "conflicts_of_source": "Conflicts of a source",
        "first_to_report": "First to report",
        "claims_of_article": "Claims of an article",
        "denials": "Denials",
    }
    assert sorted(v["name"] for v in database["views"]) == VIEWS
    page = html.unescape(view_page)
    assert "<h1>Conflicts (view)</h1>" in page
    assert "Pairs of claims that conflict, with both texts, sources, dates and articles, and the reason" in page
    assert "Why the two claims conflict, in words." in page  # a column description
    page = html.unescape(query_page)
    assert "First to report" in page
    assert "every claim reached from it through agree links" in page


def test_every_view_and_query_is_described() -> None:
    shipped = json.loads(METADATA_PATH.read_text(encoding="utf-8"))
    described = shipped["databases"]["claims"]
    for view in VIEWS:
        table = described["tables"][view]
        assert table["title"] and table["description"] and table["columns"], view
    for name, query in described["queries"].items():
        assert query["title"] and query["description"] and query["sql"], name


def test_the_views_describe_every_column_they_have(seed: Path) -> None:
    described = metadata()["databases"]["claims"]["tables"]
    conn = sqlite3.connect(seed)
    for view in VIEWS:
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({view})")]
        assert list(described[view]["columns"]) == columns, view


def test_a_store_made_before_the_views_gets_them_on_opening(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    for view in VIEWS:
        conn.execute(f"DROP VIEW {view}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '005_readable_views'")
    conn.commit()
    conn.close()
    with open_store(path) as store:
        views = sorted(r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'view'"))
        applied = applied_migrations(store.db)
    assert views == VIEWS
    assert sorted(applied) == [number for number, _, _ in MIGRATIONS]


# --- the command, and a store ingested the ordinary way -------------------------------------------------------


def test_the_metadata_command_names_the_store(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["datasette-metadata", "--db", str(tmp_path / "demo.db")])
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout) == metadata("demo")
    assert list(json.loads(result.stdout)["databases"]) == ["demo"]
    assert not (tmp_path / "demo.db").exists()  # it only names the store
    helped = runner.invoke(app, ["datasette-metadata", "--help"])
    assert helped.exit_code == 0
    assert "Example: claimcheck datasette-metadata --db demo.db > demo.json" in " ".join(helped.stdout.split())


def test_an_ingested_store_shows_the_denial_of_the_fox_news_report(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = CliRunner().invoke(app, ["ingest", str(SEED_TEXT), "--db", str(db), "--model", "fake"])
    assert result.exit_code == 0, result.stderr
    denials, conflicts = fetch(db, "/demo/denials.json?_shape=array",
                               "/demo/conflicts_of_source.json?_shape=array&source=Fox+News")
    assert [(r["denied_by"], r["source_denied"], r["report"]) for r in denials] == [
        ("Mustefa Bali", "Fox News", C4)]
    assert {r["method"] for r in conflicts} >= {"denial"}
