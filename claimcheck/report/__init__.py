"""`claimcheck report`: one self-contained HTML page on a store, or on the part of it a filter selects.

`build_report` reads what the page shows (conflicts in their article context, a timeline per story, source
audits, a graph of agree and conflict links between sources); `render_html` writes the page; `write_report`
does both into a file.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ClaimcheckError
from ..store import Store
from .data import Report, ReportFilter, build_report, excerpts_of
from .html import render_html


class ReportError(ClaimcheckError):
    """The report cannot be written where it was asked for."""


def write_report(store: Store, output: str | Path, chosen: ReportFilter | None = None) -> Report:
    """Build the report on `store` (filtered by `chosen`) and write it to `output`, replacing it whole.

    Raises ReportError when the output's folder does not exist or cannot be written, StoreError for a bad filter.
    """
    path = Path(output)
    if path.is_dir():
        raise ReportError(f"{path}: is a folder; name the HTML file to write")
    if not path.parent.exists():
        raise ReportError(f"{path}: folder {path.parent} does not exist")
    report = build_report(store, chosen)
    page = render_html(report)
    try:
        # A page half written over an old one would be worse than either: write beside it, then rename.
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_text(page, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        raise ReportError(f"{path}: cannot write ({exc.strerror})") from None
    return report


__all__ = ["Report", "ReportError", "ReportFilter", "build_report", "excerpts_of", "render_html", "write_report"]
