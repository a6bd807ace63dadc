"""`claimcheck report`: the store (or a filtered part of it) as one HTML page that opens without a network."""

from __future__ import annotations

from typing import Annotated

import typer

from ..reader import check_date_range
from .app import app, user_errors
from .store import DbOption, SinceFilter, SourceFilter, UntilFilter, open_store


@app.command()
def report(
    db: DbOption = None,
    output: Annotated[str, typer.Option("--output", "-o", help="The HTML file to write (replaced whole).")] = (
        "report.html"),
    source: SourceFilter = None,
    search: Annotated[
        str | None, typer.Option("--search", help="Only stories with a claim containing these words.")
    ] = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
) -> None:
    """Write one self-contained HTML report: conflicts highlighted in their articles with the reason, a
    timeline per story of who claimed what when, source audits, and a graph of agree and conflict links.

    The page loads nothing from the network. Example:

        claimcheck report --db demo.db -o kalifaat.html --search kalifaat --since 2019-03-01
    """
    from ..report import ReportFilter, write_report

    with user_errors():
        since, until = check_date_range(since, until)
        with open_store(db, create=False) as store:
            made = write_report(store, output, ReportFilter(source, search, since, until))
    shown = f" ({len(made.conflicts)} shown)" if len(made.conflicts) < made.conflicts_total else ""
    typer.echo(
        f"Wrote {output}: {_count(made.counts['claims'], 'claim')}, {_count(made.conflicts_total, 'conflict')}"
        f"{shown}, {_count(len(made.stories), 'story timeline')}, {_count(len(made.audits), 'source audit')}, "
        f"{_count(len(made.nodes), 'source')} in the graph"
    )


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"
