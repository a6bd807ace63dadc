"""The Typer app and what every command shares: error handling and output formats.

Commands live in sibling modules (extract.py, store.py, link.py); each parses options, calls one library
function and renders the result. Only this package imports typer or prints.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import ClaimcheckError
from ..render import cell, table

if TYPE_CHECKING:
    from ..embed import Embedder

# `-h` as well as `--help`, on every command (sub-groups pass these on to their commands).
HELP_OPTIONS: dict[str, Any] = {"help_option_names": ["-h", "--help"]}

app = typer.Typer(
    name="claimcheck",
    help="Extract attributed statements from news, store them, link agreeing and conflicting claims, "
    "and audit sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Markdown: a paragraph is re-flowed to the terminal, and an indented block (an example) is kept as written.
    rich_markup_mode="markdown",
    context_settings=HELP_OPTIONS,
)


# The output options every listing command shares.
JsonFlag = Annotated[bool, typer.Option("--json", help="A JSON array.")]
JsonlFlag = Annotated[bool, typer.Option("--jsonl", help="One JSON object per line.")]
CsvFlag = Annotated[bool, typer.Option("--csv", help="CSV with a header row.")]
TableFlag = Annotated[bool, typer.Option("--table", help="A table for people (default on a terminal).")]


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    table = "table"

def fail(message: str) -> None:
    """Print `Error: message` on stderr and exit 1."""
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(1)


def warn(message: str) -> None:
    typer.echo(f"Warning: {message}", err=True)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn a ClaimcheckError into `Error: ...` and exit code 1."""
    try:
        yield
    except ClaimcheckError as exc:
        fail(str(exc))


def load_embedder(model: str | None) -> Embedder:
    """The embedder `model` names (None: the default), its warnings (a fallback model) shown as `Warning: ...`."""
    import warnings

    from ..embed import get_embedder

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        embedder = get_embedder(model)
    for warning in caught:
        if issubclass(warning.category, UserWarning):
            warn(str(warning.message))
    return embedder


def choose_format(json_: bool = False, jsonl: bool = False, csv_: bool = False, table: bool = False) -> Format:
    if json_:
        return Format.json
    if jsonl:
        return Format.jsonl
    if csv_:
        return Format.csv
    if table:
        return Format.table
    return Format.table if sys.stdout.isatty() else Format.json


def dumps(record: Any) -> str:
    return json.dumps(record, ensure_ascii=False)


def render(rows: Iterable[dict[str, Any]], fmt: Format, columns: list[str] | None = None,
           cell_of: Callable[[str, Any], str] | None = None) -> None:
    """Print rows in one format. Key order of each row is kept; `columns` picks and orders table/csv columns."""
    if fmt is Format.jsonl:
        for row in rows:
            typer.echo(dumps(row))
        return
    rows = list(rows)
    if fmt is Format.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    columns = columns or (list(rows[0]) if rows else [])
    show = cell_of or cell
    if fmt is Format.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([show(c, row.get(c)) for c in columns])
        typer.echo(buffer.getvalue(), nl=False)
        return
    typer.echo(table(rows, columns, show))
