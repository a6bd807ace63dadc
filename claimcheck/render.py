"""Every string meant for people that is made from stored records: source names, listing rows, table cells
and the CLI's one-line summaries.

The store hands out column dicts and typed records; this module turns them into what the CLI prints and the
report shows. It never prints and never imports typer: the CLI (claimcheck.cli) prints what it returns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .ingest import IngestReport
    from .store import KnownSource

UNNAMED = "an unnamed source"
MAX_CELL = 60  # table cells longer than this are clipped with an ellipsis


# --- sources -------------------------------------------------------------------------------------------------


def source_display(name: str | None, affiliation: str | None) -> str | None:
    """"Mustefa Bali (SDF)": a source's name with its affiliation when it has another one; None for no one."""
    if name is None:
        return None
    return f"{name} ({affiliation})" if affiliation and affiliation != name else name


def known_source(source: KnownSource) -> str:
    """A stored source as people read it: its canonical name with its affiliation."""
    return source_display(source.name, source.affiliation) or source.name


def claim_source(row: dict[str, Any]) -> str:
    """Who made a stored claim (a `Store.claim_rows` row): the source with its affiliation, else "an unnamed source"."""
    return source_display(row["source"], row["affiliation"]) or UNNAMED


# --- listing rows --------------------------------------------------------------------------------------------


def claim_row(row: dict[str, Any]) -> dict[str, Any]:
    """A stored claim (a `Store.list_claims` row) for listing: stable keys, in the order people read them."""
    return {
        "id": row["id"],
        "date": row["date"],
        "source": row["source"],
        "affiliation": row["affiliation"],
        "cue": row["cue"],
        "content": row["content"],
        "stance": row["stance"],
        "hedged": bool(row["hedged"]),
        "channel": row["channel"],
        "article": row["doc"],
        "title": row["title"],
        "start": row["content_start"],
        "end": row["content_end"],
    }


def link_row(row: dict[str, Any]) -> dict[str, Any]:
    """A stored pair (a `Store.list_links` row) for listing: the link, then each claim under `a` and `b`."""

    def side(prefix: str) -> dict[str, Any]:
        return {
            "id": row[f"{prefix}_id"],
            "source": source_display(row[f"{prefix}_source"], row[f"{prefix}_affiliation"]),
            "date": row[f"{prefix}_date"],
            "article": row[f"{prefix}_article"],
            "stance": row[f"{prefix}_stance"],
            "content": row[f"{prefix}_content"],
        }

    return {
        "date": row["date"] or None,
        "confidence": round(float(row["confidence"]), 3),
        "score": round(float(row["score"]), 3),
        "method": row["method"],
        "reason": row["reason"],
        "a": side("a"),
        "b": side("b"),
    }


def flat_link_row(row: dict[str, Any]) -> dict[str, Any]:
    """A `link_row` with its two claims spread into `a_...` and `b_...` columns, for a table or CSV."""
    flat = {key: value for key, value in row.items() if key not in ("a", "b")}
    for side in ("a", "b"):
        for key, value in row[side].items():
            flat[f"{side}_{key}"] = value
    return flat


# --- tables --------------------------------------------------------------------------------------------------


def cell(column: str, value: Any) -> str:
    """One value as a table or CSV cell: a flag is "yes" or blank (JSON keeps true/false), None is blank."""
    if value is None or value is False:
        return ""
    if value is True:
        return "yes"
    if isinstance(value, dict):
        return str(value.get("text", value))
    if isinstance(value, list):
        return "; ".join(cell(column, v) for v in value)
    return str(value)


def clip(text: str, max_width: int = MAX_CELL) -> str:
    """Text on one line, shortened with an ellipsis to at most `max_width` characters."""
    text = " ".join(text.split())
    return text if len(text) <= max_width else text[: max_width - 1] + "…"


def table(rows: Iterable[dict[str, Any]], columns: list[str], show: Callable[[str, Any], str] = cell,
          max_width: int = MAX_CELL) -> str:
    """A plain-text table of `columns` in that order, cells as `show` makes them, long cells clipped."""
    from tabulate import tabulate

    cells = [[clip(show(c, row.get(c)), max_width) for c in columns] for row in rows]
    # The header goes in as the first row: tabulate then sizes every column to its widest cell, header
    # included, with no extra header padding, and draws the rule above it; the rule is moved below it.
    text = tabulate([columns, *cells], tablefmt=_rule_above(), disable_numparse=True, stralign="left")
    rule, header, *body = text.split("\n")
    return "\n".join(line.rstrip() for line in (header, rule, *body))


def _rule_above() -> Any:
    from tabulate import DataRow, Line, TableFormat

    row = DataRow("", "  ", "")
    return TableFormat(lineabove=Line("", "-", "  ", ""), linebelowheader=None, linebetweenrows=None, linebelow=None,
                       headerrow=row, datarow=row, padding=0, with_header_hide=None)


# --- one-line summaries --------------------------------------------------------------------------------------


def merged(other: str, source: KnownSource) -> str:
    """What `sources merge` did: OTHER folded into the kept source, and the spellings it now has."""
    spellings = ", ".join(a for a in source.aliases if a != source.name)
    return f"Merged {other!r} into {known_source(source)}" + (f"; spellings: {spellings}" if spellings else "")


def audit_heading(source: KnownSource, claims: int) -> str:
    """The line above an audit table: "Fox News (outlet): 1 claim"."""
    return f"{known_source(source)} ({source.kind}): {claims} claim{'' if claims == 1 else 's'}"


def ingest_summary(report: IngestReport) -> str:
    """What an ingest stored, in one line."""
    again = f"{report.skipped} already there"
    if report.new_ids:
        again += f"; {report.new_ids} under a new id, recorded as another id of the stored article"
    if report.unsupported:
        again += f"; {report.unsupported} in neither Dutch nor English, skipped"
    return (
        f"{report.added} of {report.articles} articles stored ({again}): "
        f"{report.claims} claims ({report.copies} copies of stored ones), {report.sources} new sources, "
        f"{report.links} links in {report.seconds:.1f} s"
    )


def ingest_interrupted(report: IngestReport, total: int) -> str:
    """Why an interrupted ingest stopped and how to finish it."""
    return (
        f"interrupted: {report.added} of {total} articles stored ({report.skipped} already there; a batch is "
        "stored whole or not at all); run the same command again to store the rest"
    )
