"""`claimcheck export`: claims as ClaimReview JSON-LD for fact-checkers, or claims and links as JSON-lines or CSV."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..reader import check_date_range
from .app import app, fail, user_errors
from .store import DbOption, SinceFilter, SourceFilter, UntilFilter, open_store


class ExportFormat(StrEnum):
    claimreview = "claimreview"
    jsonl = "jsonl"
    csv = "csv"


class What(StrEnum):
    claims = "claims"
    links = "links"
    all = "all"


@app.command()
def export(
    db: DbOption = None,
    format_: Annotated[
        ExportFormat,
        typer.Option("--format", help="claimreview: schema.org ClaimReview JSON-LD, one review per claim, "
                     "unrated; jsonl: one JSON object per claim or link, read back by claimcheck.export.read_jsonl; "
                     "csv: a table with a header row."),
    ] = ExportFormat.claimreview,
    what: Annotated[
        What,
        typer.Option("--what", help="claims, links (those touching the exported claims) or all (claims then links; "
                     "jsonl only). ClaimReview is of claims; their conflicts are inside each review."),
    ] = What.claims,
    source: SourceFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.",
                                  dir_okay=False, show_default=False)
    ] = None,
) -> None:
    """Export claims for fact-checkers: ClaimReview JSON-LD with each claim's source, date, article, first
    appearance and the claims it conflicts with, the rating left to the fact-checker; or claims and links as
    JSON-lines or CSV.

    Example: claimcheck export --db claims.db --format claimreview > claims.jsonld

    Example: claimcheck export --db claims.db --format jsonl --what all -o claims.jsonl
    """
    from ..export import CLAIM_FIELDS, LINK_FIELDS, claim_reviews, csv_text, export_records, jsonl_lines, link_rows

    if format_ is ExportFormat.claimreview and what is not What.claims:
        raise typer.BadParameter("ClaimReview exports claims only; use --format jsonl or csv for links",
                                 param_hint="--what")
    if format_ is ExportFormat.csv and what is What.all:
        raise typer.BadParameter("a CSV holds one kind of record; export claims and links separately",
                                 param_hint="--what")
    with user_errors():
        since, until = check_date_range(since, until)
        with open_store(db, create=False) as store:
            if format_ is ExportFormat.claimreview:
                text = json.dumps(claim_reviews(store, source, since, until), ensure_ascii=False, indent=2) + "\n"
            else:
                exported = export_records(store, source, since, until)
                if format_ is ExportFormat.jsonl:
                    lines = jsonl_lines(exported, claims=what is not What.links, links=what is not What.claims)
                    text = "".join(line + "\n" for line in lines)
                elif what is What.claims:
                    text = csv_text(exported.claims, CLAIM_FIELDS)
                else:
                    text = csv_text(link_rows(exported.links), LINK_FIELDS)
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror})")
