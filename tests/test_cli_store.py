from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from claimcheck.cli import app

from .conftest import SEED_TEXT
from .test_store import seed_store

runner = CliRunner()
STORE_COMMANDS = ["ingest", "sources", "sources list", "sources merge", "claims", "conflicts", "audit"]


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    """A store with the seed's gold claims and links, closed again so the CLI opens it afresh."""
    path = tmp_path / "seed.db"
    store, _ = seed_store(path)
    store.close()
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("name", STORE_COMMANDS)
def test_every_store_command_has_help(name: str) -> None:
    command = typer.main.get_command(app)
    for part in name.split():
        command = command.commands[part]  # type: ignore[attr-defined]
    assert (command.help or "").strip()
    assert runner.invoke(app, [*name.split(), "--help"]).exit_code == 0


def test_ingest_then_reingest_adds_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    code, out, err = run("ingest", str(SEED_TEXT), "--db", db, "--no-link")
    assert (code, err) == (0, "")
    assert out.startswith("1 of 1 articles stored (0 already there): ")
    conn = sqlite3.connect(db)
    before = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "claims", "sources")]
    code, out, err = run("ingest", str(SEED_TEXT), "--db", db, "--no-link")
    assert code == 0
    assert out.startswith(
        "0 of 1 articles stored (1 already there): 0 claims (0 copies of stored ones), 0 new sources, 0 links in ")
    after = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "claims", "sources")]
    assert after == before


def test_ingest_json_summary(tmp_path: Path) -> None:
    code, out, _ = run("ingest", str(SEED_TEXT), "--db", str(tmp_path / "c.db"), "--no-link", "--json")
    summary = json.loads(out)[0]
    assert code == 0
    assert list(summary) == ["articles", "added", "skipped", "new_ids", "claims", "sources", "links", "copies",
                             "unsupported", "seconds"]
    assert (summary["articles"], summary["added"]) == (1, 1)


def test_ingest_with_the_fake_model_stores_vectors(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    code, out, err = run("ingest", str(SEED_TEXT), "--db", str(db), "--model", "fake")
    assert code == 0, err
    conn = sqlite3.connect(db)
    models = [r[0] for r in conn.execute("SELECT DISTINCT model FROM embeddings")]
    assert models == ["fake:char3-64"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": 1, "text": "Hij zei het."}\n{"id": 2, "text": \n',
         "a.jsonl:2: malformed JSON (Expecting value at column 19)"),
        ('{"id": 1, "text": "Hij zei het."}\n{"text": "x"}\n', "a.jsonl:2: record has no 'id'"),
        ('{"id": 1, "text": "x", "published_at": "23-03-2019"}\n',
         "a.jsonl:1: published_at: '23-03-2019' is not a date of the form YYYY-MM-DD"),
    ],
)
def test_malformed_input_is_an_error_and_stores_nothing_after_it(tmp_path: Path, content: str, message: str) -> None:
    source = tmp_path / "a.jsonl"
    source.write_text(content, encoding="utf-8")
    db = tmp_path / "c.db"
    code, out, err = run("ingest", str(source), "--db", str(db), "--no-link")
    assert code == 1
    assert out == ""
    assert err == f"Error: {source.parent}/{message}\n"
    assert not db.exists()  # the input is checked before the store is even opened


def test_a_db_in_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    db = tmp_path / "missing" / "c.db"
    code, out, err = run("ingest", str(SEED_TEXT), "--db", str(db), "--no-link")
    assert (code, out, err) == (1, "", f"Error: {db}: folder {db.parent} does not exist\n")
    code, _, err = run("conflicts", "--db", str(db), "--json")
    assert (code, err) == (1, f"Error: {db}: folder {db.parent} does not exist\n")


def test_a_db_that_is_not_a_store_is_an_error(tmp_path: Path) -> None:
    db = tmp_path / "notes.txt"
    db.write_text("not a database")
    code, out, err = run("claims", "--db", str(db), "--json")
    assert (code, out, err) == (1, "", f"Error: {db}: not a SQLite database, so not a claimcheck store\n")


def test_listing_an_empty_place_says_to_ingest_first(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    code, _, err = run("sources", "--db", str(db), "--json")
    assert (code, err) == (1, f"Error: {db}: no claim store here yet; run `claimcheck ingest` first\n")


def test_the_db_comes_from_the_environment(seeded: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_DB", str(seeded))
    code, out, _ = run("sources", "--csv")
    assert code == 0
    assert out == (
        "name,kind,affiliation,claims,aliases\n"
        "Mustefa Bali,person,SDF,3,\n"
        "Fox News,outlet,,1,\n"
        "ISIL,organisation,,1,Islamitische Staat in Irak en de Levant\n"
        "SDF,organisation,,1,\n"
    )


def test_sources_table(seeded: Path) -> None:
    code, out, _ = run("sources", "list", "--db", str(seeded), "--table", "--search", "bali")
    assert code == 0
    assert out == (
        "name          kind    affiliation  claims  aliases\n"
        "------------  ------  -----------  ------  -------\n"
        "Mustefa Bali  person  SDF          3\n"
    )


def test_sources_merge(seeded: Path) -> None:
    code, out, err = run("sources", "merge", "Mustefa Bali", "SDF", "--db", str(seeded))
    assert (code, out, err) == (0, "Merged 'SDF' into Mustefa Bali; spellings: SDF\n", "")
    code, out, _ = run("sources", "--db", str(seeded), "--json")
    assert [(s["name"], s["claims"]) for s in json.loads(out)] == [("Mustefa Bali", 4), ("Fox News", 1), ("ISIL", 1)]
    code, _, err = run("sources", "merge", "Mustefa Bali", "Nobody", "--db", str(seeded))
    assert (code, err) == (1, "Error: no source named 'Nobody'; see `claimcheck sources`\n")


def test_claims_search_json(seeded: Path) -> None:
    code, out, _ = run("claims", "verslagen", "--db", str(seeded), "--json")
    assert code == 0
    rows = json.loads(out)
    assert [r["source"] for r in rows] == ["Fox News", "Mustefa Bali"]
    assert list(rows[0]) == ["id", "date", "source", "affiliation", "cue", "content", "stance", "hedged", "channel",
                             "article", "title", "start", "end"]


def test_claims_with_hostile_text(seeded: Path) -> None:
    code, out, _ = run("claims", "\"'; DROP TABLE claims; --", "--db", str(seeded), "--json")
    assert (code, out) == (0, "[]\n")
    code, out, _ = run("claims", "--db", str(seeded), "--json")
    assert len(json.loads(out)) == 7


def test_claims_bad_date_is_an_error(seeded: Path) -> None:
    code, _, err = run("claims", "--db", str(seeded), "--since", "2019-3-1")
    assert (code, err) == (1, "Error: --since: '2019-3-1' is not a date of the form YYYY-MM-DD\n")
    code, _, err = run("claims", "--db", str(seeded), "--since", "2019-03-02", "--until", "2019-03-01")
    assert (code, err) == (1, "Error: --since 2019-03-02 is after --until 2019-03-01\n")


def test_conflicts_json_and_csv(seeded: Path) -> None:
    code, out, _ = run("conflicts", "--db", str(seeded), "--json", "--source", "Fox News", "--since", "2019-03-22")
    rows = json.loads(out)
    assert code == 0
    assert [(r["method"], r["a"]["source"], r["b"]["source"], r["b"]["date"]) for r in rows] == [
        ("state", "Mustefa Bali (SDF)", "Fox News", "2019-03-21"),
        ("denial", "Mustefa Bali (SDF)", "Fox News", "2019-03-21"),
    ]
    code, out, _ = run("conflicts", "--db", str(seeded), "--csv", "--search", "gevechten")
    assert out.splitlines()[0] == (
        "date,confidence,score,method,reason,a_id,a_source,a_date,a_article,a_stance,a_content,b_id,b_source,b_date,b_article,"
        "b_stance,b_content"
    )
    assert len(out.splitlines()) == 2


def test_conflicts_bad_order_is_a_usage_error(seeded: Path) -> None:
    assert runner.invoke(app, ["conflicts", "--db", str(seeded), "--order", "loudest"]).exit_code == 2


def test_audit_fox_news_table(seeded: Path) -> None:
    code, out, _ = run("audit", "Fox News", "--db", str(seeded), "--table")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Fox News (outlet): 1 claim"
    events = [line.split("  ")[0:3] for line in lines[3:]]
    assert len(events) == 5
    assert "denied by Mustefa Bali (SDF) on 2019-03-22" in out
    assert "corroborated by SDF on 2019-03-23" in out
    assert "reported first on 2019-03-21" in out


def test_audit_json_is_one_record(seeded: Path) -> None:
    code, out, _ = run("audit", "fox news", "--db", str(seeded), "--json")
    record = json.loads(out)
    assert code == 0
    assert (record["source"], record["denied_by"], record["corroborated_by"]) == (
        "Fox News", ["Mustefa Bali (SDF)"], ["SDF"])
    assert len(record["first_to_report"]) == 1


def test_audit_unknown_source(seeded: Path) -> None:
    code, out, err = run("audit", "Fox Nws", "--db", str(seeded))
    assert (code, out, err) == (1, "", "Error: no source named 'Fox Nws'; did you mean 'Fox News'?\n")


def test_ingest_with_another_model_is_refused_unless_re_embedding(seeded: Path, tmp_path: Path) -> None:
    import numpy as np

    from claimcheck.store import open_store

    with open_store(seeded) as store, store.transaction():
        store.insert_vectors("old-model", [1, 2], np.ones((2, 4), dtype=np.float32))
    other = tmp_path / "other.txt"
    other.write_text("De minister zei dat het goed ging.", encoding="utf-8")
    code, out, err = run("ingest", str(other), "--db", str(seeded), "--model", "fake")
    assert (code, out) == (1, "")
    assert err == (
        "Error: the store's vectors come from model old-model, not fake:char3-64; ingest with that model, "
        "or re-embed the whole store with the new one (claimcheck ingest --re-embed)\n"
    )
    code, out, err = run("ingest", str(other), "--db", str(seeded), "--model", "fake", "--re-embed")
    assert code == 0, err
    conn = sqlite3.connect(seeded)
    assert [r[0] for r in conn.execute("SELECT DISTINCT model FROM embeddings")] == ["fake:char3-64"]
    assert conn.execute("SELECT count(*) FROM embeddings").fetchone()[0] == conn.execute(
        "SELECT count(*) FROM claims").fetchone()[0]


def test_sources_db_before_the_subcommand(seeded: Path) -> None:
    code, out, err = run("sources", "--db", str(seeded), "merge", "ISIL", "Islamitische Staat in Irak en de Levant")
    assert (code, err) == (
        1, "Error: 'ISIL' and 'Islamitische Staat in Irak en de Levant' are already the same source (ISIL)\n")
    code, out, _ = run("sources", "--db", str(seeded), "list", "--json", "--search", "fox")
    assert (code, [s["name"] for s in json.loads(out)]) == (0, ["Fox News"])
