from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.errors import StoreError
from claimcheck.ingest import ingest
from claimcheck.records import Article, Link, Span, Statement
from claimcheck.render import link_row
from claimcheck.store import (
    MIGRATION_SET,
    MIGRATIONS,
    Store,
    applied_migrations,
    default_db_path,
    fts_query,
    open_store,
)

from .conftest import SEED_GOLD, SEED_TEXT

SEED_DOC = "baghouz-2019-03-23.nl"


# --- helpers other store tests import ---------------------------------------------------------------------


def seed_gold() -> dict:
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))["docs"][SEED_DOC]


def seed_statements() -> tuple[list[str], list[Statement]]:
    """The seed article's gold attributions as the extractor would hand them over, with their gold ids."""
    text = SEED_TEXT.read_text(encoding="utf-8")

    def span(pieces: list[list[int]]) -> Span:
        return Span.joined(text, [(a, b) for a, b in pieces])

    ids, statements = [], []
    for gold in seed_gold()["attributions"]:
        ids.append(gold["id"])
        statements.append(Statement(
            cue=span(gold["cue"]),
            content=span(gold["content"]),
            source=span(gold["source"]) if gold["source"] else None,
            speaker=gold.get("source_entity"),
            stance=gold["stance"],
            hedged=gold.get("hedged", False),
            date=gold["date"],
            channel=gold.get("channel"),
        ))
    return ids, statements


def seed_article() -> Article:
    return Article(id="baghouz", text=SEED_TEXT.read_text(encoding="utf-8"), published="2019-03-23")


def seed_links(claim_ids: dict[str, int]) -> list[Link]:
    """The gold links; the explicit denial (c5 -> c4) by method 'denial', the rest as the linker might say."""
    methods = {("c5", "c4"): "denial", ("c3", "c4"): "state"}
    return [
        Link(claim_ids[g["a"]], claim_ids[g["b"]], g["relation"], 0.9 if g["relation"] == "conflict" else 0.8,
             g["why"], methods.get((g["a"], g["b"]), "similarity"))
        for g in seed_gold()["links"]
    ]


def seed_store(path: Path) -> tuple[Store, dict[str, int]]:
    """A store holding the seed article's gold claims and gold links; returns it and gold id -> claim id."""
    ids, statements = seed_statements()
    store = open_store(path)
    ingest(store, [seed_article()], extract=lambda article, lang: ("nl", statements))
    claim_ids = {gold: number for gold, number in zip(ids, range(1, len(ids) + 1), strict=True)}
    with store.transaction():
        store.insert_links(seed_links(claim_ids))
    return store, claim_ids


# --- opening and migrations ----------------------------------------------------------------------------------


def test_a_new_store_has_every_migration(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.db") as store:
        applied = applied_migrations(store.db)
        tables = set(store.db.table_names())
        mode = store.db.execute("PRAGMA journal_mode").fetchone()[0]
    assert applied == [number for number, _, _ in MIGRATIONS]
    assert {"articles", "sources", "source_aliases", "claims", "embeddings", "links", "claims_fts"} <= tables
    assert mode == "wal"


def test_a_new_store_opens_while_another_process_is_writing_it(tmp_path: Path) -> None:
    """Switching to WAL fails at once, without SQLite's busy wait, while another connection holds the write
    lock of a rollback-journal file (two ingests creating one store); opening waits for it instead."""
    import threading

    path = tmp_path / "c.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("PRAGMA user_version = 1")
    threading.Timer(0.3, lambda: other.execute("COMMIT")).start()
    with open_store(path) as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert applied_migrations(store.db) == [number for number, _, _ in MIGRATIONS]
    other.close()


def test_reopening_applies_nothing(tmp_path: Path) -> None:
    open_store(tmp_path / "c.db").close()
    with open_store(tmp_path / "c.db") as store:
        from claimcheck.store import migrate

        assert migrate(store.db) == []


def test_a_store_from_a_newer_claimcheck_is_refused(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.db") as store:
        store.db["_sqlite_migrations"].insert({"migration_set": "claimcheck", "name": "099_future", "applied_at": "x"})
    with pytest.raises(StoreError, match="schema version 99, newer than this claimcheck knows"):
        open_store(tmp_path / "c.db")


def test_a_path_in_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "nope" / "c.db"
    with pytest.raises(StoreError) as caught:
        open_store(path)
    assert str(caught.value) == f"{path}: folder {path.parent} does not exist"
    assert not path.parent.exists()


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes\n")
    with pytest.raises(StoreError) as caught:
        open_store(path)
    assert str(caught.value) == f"{path}: not a SQLite database, so not a claimcheck store"
    assert path.read_text() == "these are my notes\n"


def test_another_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE birds (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="a SQLite database, but not a claimcheck store"):
        open_store(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["birds"]


def test_reading_a_store_that_does_not_exist_says_so(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    with pytest.raises(StoreError, match="no claim store here yet; run `claimcheck ingest` first"):
        open_store(path, create=False)
    assert not path.exists()


def test_the_default_path_comes_from_the_environment_then_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMCHECK_DB", str(tmp_path / "env.db"))
    assert default_db_path() == tmp_path / "env.db"
    monkeypatch.delenv("CLAIMCHECK_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setitem(__import__("sys").modules, "platformdirs", None)
    assert default_db_path() == tmp_path / "data" / "claimcheck" / "claims.db"
    with open_store() as store:
        assert store.path == tmp_path / "data" / "claimcheck" / "claims.db"
    assert store.path.exists()


# --- queries ---------------------------------------------------------------------------------------------------


def test_sources_of_the_seed(tmp_path: Path) -> None:
    store, _ = seed_store(tmp_path / "c.db")
    rows = [(r["name"], r["kind"], r["affiliation"], r["claims"]) for r in store.list_sources()]
    assert rows == [
        ("Mustefa Bali", "person", "SDF", 3),
        ("Fox News", "outlet", None, 1),
        ("ISIL", "organisation", None, 1),
        ("SDF", "organisation", None, 1),
    ]


def test_conflicts_newest_first_with_both_sides(tmp_path: Path) -> None:
    store, ids = seed_store(tmp_path / "c.db")
    rows = [link_row(row) for row in store.list_conflicts()]
    # Same date, same score: the pair linked last comes first.
    assert [(r["a"]["id"], r["b"]["id"]) for r in rows] == [(ids["c3"], ids["c4"]), (ids["c5"], ids["c4"])]
    first = rows[0]
    assert first["date"] == "2019-03-22"
    assert first["a"]["source"] == "Mustefa Bali (SDF)"
    assert first["b"] == {
        "id": ids["c4"], "source": "Fox News", "date": "2019-03-21", "article": "baghouz", "stance": "assert",
        "content": "IS al zou zijn verslagen en de luchtaanvallen waren gestopt",
    }
    assert first["reason"] == "heavy fighting on 2019-03-22 contradicts 'IS already defeated' on 2019-03-21"


def test_conflict_filters(tmp_path: Path) -> None:
    store, _ = seed_store(tmp_path / "c.db")
    assert len(store.list_conflicts(source="fox news")) == 2
    assert len(store.list_conflicts(source="SDF")) == 0
    assert len(store.list_conflicts(since="2019-03-22")) == 2
    assert len(store.list_conflicts(since="2019-03-23")) == 0
    assert len(store.list_conflicts(until="2019-03-20")) == 0
    assert len(store.list_conflicts(since="2019-03-21", until="2019-03-21")) == 2
    assert [r["method"] for r in store.list_conflicts(search="ontkende berichten")] == []
    assert [r["method"] for r in store.list_conflicts(search="gevechten")] == ["state"]
    store.db.execute("UPDATE links SET score = 0.95 WHERE method = 'state'")
    assert [r["method"] for r in store.list_conflicts(search="luchtaanvallen", order="strongest")] == [
        "state", "denial"]
    with pytest.raises(StoreError, match="unknown order 'loudest'; use confidence, newest, strongest"):
        store.list_conflicts(order="loudest")
    assert len(store.list_conflicts(limit=1)) == 1


def test_claims_search_source_and_dates(tmp_path: Path) -> None:
    store, ids = seed_store(tmp_path / "c.db")
    assert sorted(r["id"] for r in store.list_claims(search="kalifaat")) == [ids["c1"], ids["c2"], ids["c7"]]
    assert [r["id"] for r in store.list_claims(search="kalifaat martelaren")] == [ids["c2"]]
    assert [r["id"] for r in store.list_claims(source="Bali")] == [ids["c2"], ids["c3"], ids["c5"]]
    assert [r["id"] for r in store.list_claims(until="2019-01-01")] == [ids["c7"]]
    assert [r["id"] for r in store.list_claims(stance="deny")] == [ids["c5"]]
    # Accents need not be typed: "geevacueerd" finds nothing here, but "Syrische" and "syrische" both do.
    assert store.list_claims(search="SYRISCHE") == store.list_claims(search="syrische")


@pytest.mark.parametrize(
    "hostile",
    ["x'; DROP TABLE claims; --", '"', 'kalifaat" OR "x', "NOT", "a*", "col:value", "(", "NEAR(a b)", "%", "_", "\\"],
)
def test_user_text_is_never_sql(tmp_path: Path, hostile: str) -> None:
    store, _ = seed_store(tmp_path / "c.db")
    store.list_claims(search=hostile)
    store.list_conflicts(search=hostile)
    store.list_sources(search=hostile)
    with pytest.raises(StoreError, match="no source named"):
        store.list_claims(source=hostile)
    assert store.count("claims") == 7


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=30))
def test_any_search_text_is_a_valid_fts_query(tmp_path: Path, text: str) -> None:
    with open_store(tmp_path / "fts.db") as store:
        store.list_claims(search=text)
        store.list_conflicts(search=text)


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('IS "al" OR verslagen*') == '"IS" "al" "OR" "verslagen*"'
    assert fts_query('  "  ') == ""
    assert fts_query("a\x00b") == '"a" "b"'


def test_merge_moves_claims_and_spellings(tmp_path: Path) -> None:
    store, ids = seed_store(tmp_path / "c.db")
    merged = store.merge_sources("SDF", "Mustefa Bali")
    assert merged.name == "SDF"
    assert "Mustefa Bali" in merged.aliases
    assert [r["id"] for r in store.list_claims(source="SDF")] == sorted([ids["c1"], ids["c2"], ids["c3"], ids["c5"]])
    assert store.find_source("Mustefa Bali").name == "SDF"
    with pytest.raises(StoreError, match="already the same source"):
        store.merge_sources("SDF", "Mustefa Bali")
    with pytest.raises(StoreError, match="no source named 'Fox Nws'; did you mean 'Fox News'"):
        store.merge_sources("SDF", "Fox Nws")


def test_find_source_prefers_the_name_as_written(tmp_path: Path) -> None:
    with open_store(tmp_path / "n.db") as store:
        dog = store.add_source("Nu", "unknown", None)
        store.add_alias(dog, "Nu", "nu")
        union = store.add_source("NU", "organisation", None)
        store.add_alias(union, "NU", "nu")  # the key is the dog's: ignored
        assert store.find_source("NU").id == union
        assert store.find_source("Nu").id == dog
        assert store.find_source("nu").id == dog


def test_vectors_from_two_models_are_refused(tmp_path: Path) -> None:
    import numpy as np

    store, ids = seed_store(tmp_path / "c.db")
    with store.transaction():
        store.insert_vectors("model-a", [ids["c1"]], np.ones((1, 4), dtype=np.float32))
    store.check_model("model-a")
    with pytest.raises(StoreError, match="vectors come from model model-a, not model-b"):
        store.check_model("model-b")
    [(stored_ids, vectors)] = list(store.iter_vectors("model-a"))
    assert list(stored_ids) == [ids["c1"]]
    assert vectors.shape == (1, 4)
    assert store.vector_count("model-a") == 1 and store.vector_count("model-b") == 0


def test_an_older_store_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    store, _ = seed_store(path)
    # Wind the store back to schema 2: the indexes migration 3 replaces, and no record of 3.
    store.db.execute("DROP INDEX links_relation_date_score")
    store.db.execute("DROP INDEX links_relation_score_date")
    store.db.execute("CREATE INDEX links_relation_date ON links(relation, date)")
    store.db.execute("DELETE FROM _sqlite_migrations WHERE name = '003_links_order_indexes'")
    store.close()
    with open_store(path) as upgraded:
        indexes = {row[0] for row in upgraded.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "links_relation_date_score" in indexes and "links_relation_date" not in indexes
        assert upgraded.count("links") == 4


def legacy_store(path: Path, numbers: list[int], applied_at: str = "2025-01-02T03:04:05+00:00") -> None:
    """A store as claimcheck made it before sqlite-utils' Migrations: the migrations `numbers` applied, and
    recorded in its own `migrations` table (number, name, applied_at)."""
    import sqlite_utils

    db = sqlite_utils.Database(sqlite3.connect(path))
    for number, _, apply in MIGRATIONS:
        if number in numbers:
            apply(db)
    db.execute("CREATE TABLE migrations (number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    names = {number: name for number, name, _ in MIGRATIONS}
    for number in numbers:
        db.execute("INSERT INTO migrations VALUES (?, ?, ?)", [number, names.get(number, "future"), applied_at])
    db.execute("INSERT INTO articles (doc, content_hash, text, ingested_at) VALUES ('old', 'h', 'Oude tekst.', 'x')")
    db.conn.commit()
    db.close()


def test_a_store_with_the_old_migrations_table_opens_and_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    legacy_store(path, [1, 2, 3, 4, 5])
    with open_store(path) as store:
        applied = [(m.name, m.applied_at) for m in MIGRATION_SET.applied(store.db)]
        tables = set(store.db.table_names())
        assert store.add_article_alias("old-2", "h")
        assert store.count("articles") == 1
    old = "2025-01-02T03:04:05+00:00"
    assert applied[:5] == [("001_schema", old), ("002_claims_fts", old), ("003_links_order_indexes", old),
                           ("004_confidence_and_copies", old), ("005_readable_views", old)]
    assert applied[5][0] == "006_article_aliases"
    assert "migrations" not in tables and {"_sqlite_migrations", "article_aliases"} <= tables
    with open_store(path) as store:
        assert applied_migrations(store.db) == [1, 2, 3, 4, 5, 6]


def test_a_store_with_the_old_table_from_a_newer_claimcheck_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    legacy_store(path, [1, 2, 3, 4, 5, 6, 7])
    with pytest.raises(StoreError, match="schema version 7, newer than this claimcheck knows"):
        open_store(path)
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT number FROM migrations")] == [1, 2, 3, 4, 5, 6, 7]
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_sqlite_migrations'").fetchone()


def test_reading_does_not_wait_for_a_writer(tmp_path: Path) -> None:
    import time

    path = tmp_path / "c.db"
    store, _ = seed_store(path)
    with store.transaction():  # a long ingest batch holds the write lock
        started = time.perf_counter()
        with open_store(path, create=False) as reader:
            assert len(reader.list_conflicts()) == 2
        assert time.perf_counter() - started < 2
