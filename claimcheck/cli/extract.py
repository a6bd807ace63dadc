"""`claimcheck extract` and `claimcheck eval`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import UnsupportedLanguage
from ..evaluate import evaluate
from ..extract import extract_article
from ..lexicon import check_language
from ..reader import read_articles
from ..render import cell
from .app import (
    CsvFlag,
    Format,
    JsonFlag,
    JsonlFlag,
    TableFlag,
    app,
    choose_format,
    render,
    user_errors,
    warn,
)

STATEMENT_COLUMNS = ["doc", "speaker", "cue", "content", "stance", "hedged", "date", "channel"]

LangOption = Annotated[
    str | None, typer.Option("--lang", help="Language of the input (nl or en); detected per article if not given.")
]


def _statement_cell(column: str, value: Any) -> str:
    if isinstance(value, dict):
        text, start = str(value["text"]), int(value["start"])
        pieces = value.get("spans") or [[start, value["end"]]]
        return " … ".join(text[s - start : e - start] for s, e in pieces)
    return cell(column, value)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Text files, folders or JSON-lines files.", show_default=False)],
    published: Annotated[
        str | None,
        typer.Option(help="Publication date YYYY-MM-DD of text files (JSON-lines records carry their own)."),
    ] = None,
    lang: LangOption = None,
    jsonl: JsonlFlag = False,
    json_: JsonFlag = False,
    csv_: CsvFlag = False,
    table: TableFlag = False,
) -> None:
    """Extract attributed statements: who said what, when, through which channel.

    Text files take their publication date from --published, else from a YYYY-MM-DD in the file name.

    Example:

    ```
    claimcheck extract fixtures/baghouz-2019-03-23.nl.txt --table
    ```
    """
    fmt = choose_format(json_, jsonl, csv_, table)
    if fmt is Format.json and not json_:
        fmt = Format.jsonl
    with user_errors():
        if lang is not None:
            lang = check_language(lang)

        def statements() -> Any:
            for article in read_articles(paths, published):
                for warning in article.warnings:
                    warn(warning)
                try:
                    chosen, found = extract_article(article, lang)
                except UnsupportedLanguage as exc:
                    warn(exc.skipped(article.origin or article.id))
                    continue
                for statement in found:
                    yield statement.to_dict(article.id, chosen)

        render(statements(), fmt, STATEMENT_COLUMNS, _statement_cell)


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold: a gold JSON file or a brat folder (text/, attributions/).")],
    predictions: Annotated[
        Path | None,
        typer.Argument(help="Predictions from `extract --jsonl`; without it, extraction runs on the gold texts."),
    ] = None,
    lang: LangOption = None,
    json_: Annotated[bool, typer.Option("--json", help="Scores as JSON.")] = False,
) -> None:
    """Score extraction against gold: precision, recall and F1 for cue, content and source+content.

    Example:

    ```
    claimcheck eval fixtures/baghouz.gold.json
    ```
    """
    with user_errors():
        report = evaluate(gold, predictions, lang)
    rows = report.rows()
    if json_:
        render(rows, Format.json)
        return
    render(rows, Format.table)
    typer.echo(f"\n{report.docs} documents, {report.gold} gold and {report.predicted} predicted statements")
    if report.matched:
        typer.echo(
            f"on {report.matched} content matches: stance right {report.stance_right / report.matched:.0%}, "
            f"date right {report.date_right / report.matched:.0%}"
        )
