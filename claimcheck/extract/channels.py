"""The channel a statement came through, where the text names it: "op Twitter", "tegen de Volkskrant",
"in een verklaring", "told CNN", "on Facebook", "in an interview with X", "in a statement".

The stage reads the sentence that holds the cue, minus the statement's content (a platform mentioned inside
what was said is not the channel), and takes, in this order: a platform ("Twitter"), an outlet the source
spoke to (after "tegen"/"told": a name after a media noun, "de Russische krant The Moscow Times"; an article
and a capitalised name, "de Volkskrant"; or a known outlet, "CNN" - but not a person, "tegen Chuck Schumer"),
a kind of document ("verklaring", "statement"). A cue that names its platform ("twitterde", "tweeted") gives
it directly.
Word lists live in `lexicon/channels.toml`.

Not handled: channels named in another sentence ("In een verklaring op de website schrijft ... . Hij
zegt ..."), and outlets written in lower case.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from typing import Any

from ..lexicon import load_table
from ..records import Statement
from .segment import sentences


@cache
def _words() -> dict[str, Any]:
    return load_table("channels")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _first(words: list[str], fold: bool) -> str:
    # A lookahead on the first character lets the scan skip most positions at once.
    letters = {w[0].lower() if fold else w[0] for w in words}
    return "(?=[" + re.escape("".join(sorted(letters))) + "])"


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    table = _words()[lang]
    names = _words()["platforms"]["names"]
    platform = re.compile(
        rf"{_first(table['platform_before'], True)}"
        rf"\b(?:{_alternation(table['platform_before'])})\s+(?P<name>{_alternation(names)})\b", re.IGNORECASE
    )
    # The outlet: a name after a media noun ("de Russische krant The Moscow Times"), an article and a
    # capitalised name ("de Volkskrant", "the Associated Press") or a known outlet ("CNN", "NOS").
    name = r"[A-Z][\w.&'/-]*(?:\s+(?:(?:van|of|voor|della)\s+(?:(?:de|het|the)\s+)?)?[A-Z][\w.&'/-]*)*"
    outlet = re.compile(
        rf"{_first(table['outlet_before'], False)}\b(?:{_alternation(table['outlet_before'])})\s+"
        rf"(?:(?:(?:de|het|een|the|a|an)\s+)?(?:[A-Z][\w-]*\s+)*(?:{_alternation(table['media_nouns'])})\s+"
        rf"(?P<media>{name})"
        rf"|(?P<known>{_alternation(_words()['outlets']['names'])})\b"
        rf"|(?P<det>(?:[Dd]e|[Hh]et|[Tt]he)\s+{name}))"
    )
    document = re.compile(
        rf"{_first(table['document_before'], True)}"
        rf"\b(?:{_alternation(table['document_before'])})\s+(?:\w+\s+)?(?P<name>{_alternation(table['documents'])})\b",
        re.IGNORECASE,
    )
    return platform, outlet, document


def resolve(text: str, statements: list[Statement], lang: str, *args: object) -> None:
    """Set `statement.channel` where the words around the cue name one; leave it as it is otherwise."""
    if lang not in _words():
        return
    platforms = {w.lower(): w for w in _words()["platforms"]["names"]}
    cue_platforms = _words()["platforms"]["cues"]
    bounds = [(s.start, s.end) for s in sentences(text)]
    starts = [s for s, _ in bounds]
    scanned: dict[tuple[int, int], list[list[re.Match[str]]]] = {}  # statements share sentences: scan each once
    for statement in statements:
        named = next((cue_platforms[w] for w in statement.cue.text.lower().split() if cue_platforms.get(w)), None)
        if named:
            statement.channel = named
            continue
        if not bounds:
            continue
        number = max(bisect_right(starts, statement.cue.start) - 1, 0)
        start, end = bounds[number]
        found = _channel(text, min(start, statement.cue.start), max(end, statement.cue.end), statement, lang,
                         scanned)
        if found is not None:
            statement.channel = platforms.get(found.lower(), found)


def _channel(text: str, start: int, end: int, statement: Statement, lang: str,
             scanned: dict[tuple[int, int], list[list[re.Match[str]]]]) -> str | None:
    platform, outlet, document = _patterns(lang)
    found_by = scanned.get((start, end))
    if found_by is None:
        found_by = scanned[start, end] = [list(p.finditer(text, start, end)) for p in (platform, outlet, document)]
    if not any(found_by):
        return None
    adjectives = tuple(_words()[lang].get("adjective_endings", []))
    pieces = statement.content.pieces()
    for pattern, matches in zip((platform, outlet, document), found_by, strict=True):
        for match in matches:
            if any(a <= match.start() < b for a, b in pieces):
                continue
            if pattern is outlet:
                found = match.group("media") or match.group("known") or match.group("det")
                words = found.split()
                if match.group("det") and adjectives and words[1].lower().endswith(adjectives):
                    continue  # "tegen de Britse regering": an adjective, no outlet
            else:
                found = match.group("name")
            return " ".join(found.split()).rstrip(".")
    return None
