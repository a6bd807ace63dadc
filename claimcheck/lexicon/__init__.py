"""Word lists per language (reporting verbs, denial cues, titles, date words, ...), kept as TOML data.

The extractors read these tables; the logic holds no words of its own. `load("nl")` returns the parsed
`nl.toml`, cached.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from ..errors import ClaimcheckError

LANGUAGES = ("nl", "en")


@cache
def load(lang: str) -> dict[str, Any]:
    if lang not in LANGUAGES:
        raise ClaimcheckError(f"unsupported language {lang!r}; claimcheck reads {', '.join(LANGUAGES)}")
    with resources.files(__package__).joinpath(f"{lang}.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def load_table(name: str) -> dict[str, Any]:
    """A language-neutral word table, `NAME.toml` beside this module (abbreviations, ...)."""
    with resources.files(__package__).joinpath(f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def word_set(lang: str, *keys: str) -> frozenset[str]:
    """The lower-cased words under a (nested) key, e.g. word_set("nl", "language", "stopwords")."""
    table: Any = load(lang)
    for key in keys:
        table = table[key]
    return frozenset(str(word).lower() for word in table)


def check_language(lang: str) -> str:
    """A language a user asked for (`--lang`), lower-cased, once its word lists are known to exist.

    Raises ClaimcheckError naming the languages claimcheck reads.
    """
    lang = lang.lower()
    load(lang)
    return lang
