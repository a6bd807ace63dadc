from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
SEED_TEXT = FIXTURES / "baghouz-2019-03-23.nl.txt"
SEED_GOLD = FIXTURES / "baghouz.gold.json"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test (with the reason shown) when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"evaluation data {path} is absent (../shared is not beside this checkout)")
    return path
