from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

runner = CliRunner()

# confidence by hand: negation base 0.55 - 0.15 + 0.30 * strength, strength 0.5 (cosine far past 0.5) +
# 0.5 * (coverage 1.0 * 0.5 + 4 shared words * 0.05) = 0.85, so 0.655.
NEGATED = (
    '{"relation": "conflict", "confidence": 0.655, "score": 0.8452, "method": "negation", '
    '"reason": "B says \'geen\' to what A asserts: '
    "'Er is geen man die gitaar speelt op straat' vs 'Een man speelt gitaar op straat'\"}\n"
)


def test_two_texts_give_one_json_object() -> None:
    result = runner.invoke(app, ["relate", "--model", "fake", "Een man speelt gitaar op straat",
                                 "Er is geen man die gitaar speelt op straat"])
    assert (result.exit_code, result.output) == (0, NEGATED)


def test_pairs_file_gives_one_line_per_pair(tmp_path: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    lines = [{"a": "Een man speelt gitaar op straat", "b": "Er is geen man die gitaar speelt op straat"},
             {"a": "Het regent", "b": "The sun is shining"}]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")
    result = runner.invoke(app, ["relate", "--model", "fake", "--pairs", str(path)])
    assert (result.exit_code, result.output) == (
        0, NEGATED + '{"relation": "none", "confidence": 0.0, "score": 0.0, "method": "similarity", '
        '"reason": "not about the same thing"}\n'
    )


@pytest.mark.parametrize(("content", "message"), [
    ('{"a": "x", "b": "y"}\n{"a": 1}\n', 'pairs.jsonl:2: expected {"a": text, "b": text}'),
    ('{"a": "x", "b": "y"}\n\n[1, 2]\n', 'pairs.jsonl:3: expected {"a": text, "b": text}'),
    ('{"a": "x", "b": \n', "pairs.jsonl:1: not a JSON object: Expecting value"),
])
def test_malformed_line_is_named(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "pairs.jsonl"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["relate", "--model", "fake", "--pairs", str(path)])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"Error: {tmp_path}/{message}\n")


def test_missing_pairs_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["relate", "--pairs", str(tmp_path / "absent.jsonl")])
    assert (result.exit_code, result.stderr) == (1, f"Error: {tmp_path}/absent.jsonl: no such file\n")


def test_unknown_model_path() -> None:
    result = runner.invoke(app, ["relate", "--model", "./no/model", "a", "b"])
    assert (result.exit_code, result.stderr) == (1, "Error: model path ./no/model does not exist\n")


@pytest.mark.parametrize("args", [["relate"], ["relate", "only one"], ["relate", "a", "b", "--pairs", "x.jsonl"]])
def test_bad_usage_exits_2(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "give two texts A B, or --pairs FILE" in result.stderr or "not both" in result.stderr


@pytest.mark.model
def test_default_model_relates_across_languages() -> None:
    result = runner.invoke(app, ["relate", "Er is geen man die gitaar speelt", "A man is playing a guitar"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["relation"] == "conflict"
