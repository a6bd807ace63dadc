"""Placeholder for the speakers stage (being written)."""

from __future__ import annotations

from ..records import Statement


def resolve(text: str, statements: list[Statement], lang: str, *args: object) -> None:
    return None
