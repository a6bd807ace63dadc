"""`claimcheck datasette-metadata`: what Datasette needs to browse the store."""

from __future__ import annotations

import json

import typer

from .app import app
from .store import DbOption


@app.command("datasette-metadata")
def datasette_metadata(db: DbOption = None) -> None:
    """Print Datasette metadata for the store as JSON: titles, descriptions and canned queries for its
    views. Datasette matches metadata to a database by file name, so the JSON names the store of --db, else
    $CLAIMCHECK_DB, else claims.db in the user data folder.

    Example: claimcheck datasette-metadata --db demo.db > demo.json && datasette demo.db -m demo.json
    """
    from ..datasette import database_name, metadata
    from ..store import resolve_db_path

    path, _ = resolve_db_path(db)
    typer.echo(json.dumps(metadata(database_name(path)), ensure_ascii=False, indent=2))
