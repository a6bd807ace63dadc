"""The date a statement was made, from the words around its cue, resolved against the publication date.

For each statement the stage reads the sentence that holds the cue, minus the statement's content (a date
inside the content dates the event reported, not the saying): "gisteren", "donderdag", "vorige week
vrijdag", "op 29 juni 2014", "eergisteren", "vanochtend", and in English "yesterday", "on Thursday", "last
Friday", "March 3". A weekday is the most recent such day before the publication date; "vorige week
vrijdag" is the Friday of the week (Monday to Sunday) before the publication week; a day and month without
a year take the publication year, or the year before if that would fall after publication.

When those words name no day, a past-tense statement whose cue stands in the sentence right after a dated
statement of the same source takes that date ("Hij meldde gisteren ... Bali ontkende daarmee ..."); a
present-tense one ("..., aldus Loggen") does not, as the Dutch gold has it. Otherwise the
date follows `[rule] present_tense` in `lexicon/dates.toml`: "null" (the default, the Dutch gold guide's
convention: a date only when the article says when) or "published" (present-tense cues get the
publication date, as in the seed fixture's c1, c2 and c6).

Not handled: dates written only as numbers ("29-06-2014"), "last month"/"vorige maand", and ranges.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta
from functools import cache
from typing import Any

from ..lexicon import load, load_table
from ..records import Statement
from .segment import sentences


@cache
def _words() -> dict[str, Any]:
    return load_table("dates")


@cache
def _pattern(lang: str) -> tuple[re.Pattern[str], dict[str, Any]]:
    table = _words()[lang]
    months = table["months"] + table["months_short"]
    weekday = "|".join(table["weekdays"])
    parts = "|".join(table["day_parts"])
    weekday_word = rf"(?:{weekday})(?:{parts})?" if parts else rf"(?:{weekday})"
    month = "|".join(sorted(months, key=len, reverse=True))
    relative = "|".join(sorted((re.escape(w) for w in table["relative"]), key=len, reverse=True))
    last_week = "|".join(re.escape(w) for w in table["last_week"])
    last = "|".join(re.escape(w) for w in table["last"])
    # A lookahead on the first character lets the scan skip most positions at once.
    firsts = sorted({str(w)[0].lower() for w in [*months, *table["weekdays"], *table["relative"], *table["last_week"],
                                                 *table["last"]]})
    first = "(?=[" + re.escape("".join(firsts)) + r"\d])"
    pattern = re.compile(
        rf"{first}\b(?:(?P<day>\d{{1,2}})\s+(?P<month>{month})\.?(?:\s+(?P<year>\d{{4}}))?"
        rf"|(?P<month2>{month})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year2>\d{{4}}))?"
        rf"|(?P<lastweek>{last_week})\s+(?P<lwday>{weekday_word})"
        rf"|(?:(?P<last>{last})\s+)?(?P<weekday>{weekday_word})"
        rf"|(?P<relative>{relative}))\b",
        re.IGNORECASE,
    )
    return pattern, table


def resolve(text: str, statements: list[Statement], lang: str, published: str | None = None) -> None:
    """Set `statement.date` (YYYY-MM-DD) where the text or the rule gives one; leave None otherwise."""
    anchor = parse_iso(published)
    if lang not in _words():
        return
    bounds = [(s.start, s.end) for s in sentences(text)]
    starts = [s for s, _ in bounds]
    present_rule = _words()["rule"]["present_tense"]
    previous: Statement | None = None
    previous_said: str | None = None  # the date the text gave the previous statement, not the rule
    previous_sentence = -2
    scanned: dict[tuple[int, int], list[re.Match[str]]] = {}  # statements share sentences: scan each once
    for statement in sorted(statements, key=lambda s: s.cue.start):
        number = max(bisect_right(starts, statement.cue.start) - 1, 0)
        found = None
        if bounds:
            found = _date_in(text, bounds[number], statement, lang, anchor, scanned)
        if found is None and previous is not None and previous_said and number - previous_sentence <= 1 and \
                _same_source(previous, statement, lang) and not _present_tense(statement, lang):
            found = previous_said
        said = found
        if found is None and present_rule == "published" and anchor and _present_tense(statement, lang):
            found = anchor.isoformat()
        statement.date = found
        previous, previous_said, previous_sentence = statement, said, number


def _date_in(text: str, sentence: tuple[int, int], statement: Statement, lang: str,
             anchor: date | None, scanned: dict[tuple[int, int], list[re.Match[str]]]) -> str | None:
    pattern, table = _pattern(lang)
    start, end = sentence
    start = min(start, statement.cue.start)
    end = max(end, statement.cue.end)
    matches = scanned.get((start, end))
    if matches is None:
        matches = scanned[start, end] = list(pattern.finditer(text, start, end))
    if not matches:
        return None
    pieces = statement.content.pieces()
    for match in matches:
        if any(a <= match.start() < b for a, b in pieces):
            continue
        day = _resolve(match, table, anchor)
        if day is not None:
            return day.isoformat()
    return None


def _resolve(match: re.Match[str], table: dict[str, Any], anchor: date | None) -> date | None:
    groups = match.groupdict()
    months = table["months"]
    short = table["months_short"]

    def month_number(word: str) -> int:
        word = word.lower()
        return (months.index(word) if word in months else short.index(word)) + 1

    if groups["day"] or groups["day2"]:
        day = int(groups["day"] or groups["day2"])
        month = month_number(groups["month"] or groups["month2"])
        year_text = groups["year"] or groups["year2"]
        if year_text:
            year = int(year_text)
        elif anchor is not None:
            year = anchor.year
        else:
            return None
        try:
            found = date(year, month, day)
        except ValueError:
            return None
        if not year_text and anchor is not None and found > anchor:
            # A day later in the year than publication was said last year; 29 February may not exist then.
            try:
                found = found.replace(year=year - 1)
            except ValueError:
                return None
        return found
    if anchor is None:
        return None
    if groups["relative"]:
        back = {k.lower(): v for k, v in table["relative"].items()}[" ".join(groups["relative"].lower().split())]
        return anchor - timedelta(days=back)
    weekdays = table["weekdays"]
    if groups["lastweek"]:
        wanted = _weekday_index(groups["lwday"], weekdays)
        monday = anchor - timedelta(days=anchor.weekday())
        return monday - timedelta(days=7) + timedelta(days=wanted)
    if groups["weekday"]:
        wanted = _weekday_index(groups["weekday"], weekdays)
        back = (anchor.weekday() - wanted) % 7 or 7
        return anchor - timedelta(days=back)
    return None


def _weekday_index(word: str, weekdays: list[str]) -> int:
    word = word.lower()
    for index, name in enumerate(weekdays):
        if word.startswith(name):
            return index
    raise ValueError(word)


def _pronouns(lang: str) -> frozenset[str]:
    table = load(lang).get("pronouns", {})
    return frozenset(p.lower() for key in ("person", "group") for p in table.get(key, []))


def _same_source(a: Statement, b: Statement, lang: str) -> bool:
    """Same speaker by last name, or a pronoun where the speakers stage left one unresolved."""
    names = [s.speaker or (s.source.text if s.source else "") for s in (a, b)]
    if not names[0] or not names[1]:
        return False
    last = [n.split()[-1].lower() for n in names]
    pronouns = _pronouns(lang)
    return last[0] == last[1] or last[0] in pronouns or last[1] in pronouns


def _present_tense(statement: Statement, lang: str) -> bool:
    first = statement.cue.text.split()[0].lower() if statement.cue.text.split() else ""
    if lang == "en":
        return first.endswith("s") and not first.endswith("ss")
    words = statement.cue.text.lower().split()
    return any(w in ("wordt", "is") or (w.endswith("t") and not w.startswith("ge")) for w in words[:2]) \
        or first in ("volgens", "aldus")


def parse_iso(value: str | None) -> date | None:
    """The day of an ISO date or timestamp ("2019-03-23", "2019-03-23T10:00"); None for anything else."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
