"""Placeholder: the rules for this language are being written."""

from __future__ import annotations

from ..records import Statement


def extract(text: str, published: str | None) -> list[Statement]:
    return []
