"""Datasette metadata for a claim store: titles, descriptions and canned queries for its readable views.

The views themselves (conflicts_view, agreements_view, claims_view, sources_view, first_reports_view) are
part of the store's schema (store.py, migration 5); this package only describes them. Datasette applies
metadata to a database by name, and takes the name from the file name (claims.db is "claims"), so
`metadata(name)` keys the shipped file to the store being browsed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

METADATA_PATH = Path(__file__).with_name("metadata.json")
SHIPPED_NAME = "claims"  # the database the shipped file describes: claims.db, the default store


def database_name(store: str | Path) -> str:
    """The name Datasette gives the store at this path: its file name without the extension."""
    return Path(store).stem


def metadata(database: str = SHIPPED_NAME) -> dict[str, Any]:
    """The shipped metadata, describing the database named `database`."""
    data: dict[str, Any] = json.loads(METADATA_PATH.read_text(encoding="utf-8"))
    data["databases"] = {database: data["databases"][SHIPPED_NAME]}
    return data
