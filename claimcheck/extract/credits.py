"""Picture credits and bylines ("Image: John Lubbock (flickr)", "Foto: ANP", "Door Jan de Vries", "(ANP)"):
lines that name who made the picture or the article, never attributed statements.

`drop` runs between a grammar and the shared stages: a statement whose cue or source lies in a credit is
dropped, and content that runs on into a credit ends before it. The words are in lexicon/credits.toml.
Not handled: a caption itself ("Protesters at the march."), which holds no cue, and a credit that is not
marked by a label, a byline word or an agency name ("John Lubbock/flickr").
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..lexicon import load_table
from ..records import Span, Statement

# A capitalised word, whatever the pattern's flags say about case.
_NAME = r"(?-i:[A-ZÀ-ÖØ-Þ][\w.'’-]*)"


def _alternatives(words: list[str]) -> str:
    # Longest first, so "photo credit" wins over "photo"; a space in a phrase takes any run of spaces.
    ordered = sorted({str(w).lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in ordered)


def _first_letters(words: list[str]) -> str:
    # A lookahead on the first letter lets the scan skip most positions at once (twice as fast on news text).
    letters = sorted({str(w)[0].lower() for w in words} | {str(w)[0].upper() for w in words})
    return "(?=[" + re.escape("".join(letters)) + "])"


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    table = load_table("credits")
    joints, labels, agencies = (_alternatives(table[key]) for key in ("name_joints", "labels", "agencies"))
    # "Jan de Vries en Anne Jansen", "Evan Vucci/AP", "John Lubbock (flickr)"
    names = (rf"{_NAME}(?:(?:[ \t]*[,/][ \t]*|[ \t]+)(?:(?:{joints})[ \t]+)*{_NAME})*"
             r"(?:[ \t]*\([^()\n]{1,40}\))?")
    return (
        # a label and a colon: in brackets, "(Image: CDCR)"; else after a line start, a sentence end or a
        # caption's words, to the end of the line
        re.compile(rf"{_first_letters(['(', *table['labels']])}"
                   rf"(?:\((?P<word>{labels})[ \t]*:[^()\n]*\)|(?<!\S)(?P<other>{labels})[ \t]*:[^\n]*)",
                   re.IGNORECASE),
        # a byline, or a label and names without a colon ("Beeld ANP"): the whole line
        re.compile(rf"^[ \t]*(?P<word>{_alternatives([*table['bylines'], *table['labels']])})[ \t]+{names}"
                   r"[ \t]*\.?[ \t]*$",
                   re.IGNORECASE | re.MULTILINE),
        # an agency, bracketed or after ©, alone on its line or after a sentence's end
        re.compile(rf"{_first_letters(['(', '©', *table['agencies']])}(?:^|(?<=[.!?\"”]\s))"
                   rf"(?:\((?P<word>{agencies})\)|©[ \t]*(?P<other>{agencies})|(?P<alone>{agencies}))[ \t]*$",
                   re.IGNORECASE | re.MULTILINE),
    )


@cache
def _gates() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A label's last word at the end of a stretch, an agency's last word (bracketed or not) at the end of a
    line: without one before a colon, or at a line's end, the label or the agency pattern cannot match, and
    both scan every position of the text."""
    table = load_table("credits")
    labels, agencies = ("|".join(sorted({re.escape(str(w).split()[-1]) for w in table[key]}, key=len, reverse=True))
                        for key in ("labels", "agencies"))
    return (re.compile(rf"(?:{labels})\Z", re.IGNORECASE),
            re.compile(rf"(?:^|\W)(?:{agencies})\)?\Z", re.IGNORECASE))


def _may_hold(text: str, pattern: int) -> bool:
    """False when pattern number `pattern` of `_patterns()` cannot match in `text`: no colon after a label's
    last word (0), no line that ends in an agency's last word (2)."""
    label_end, agency_end = _gates()
    if pattern == 0:
        colon = text.find(":")
        while colon >= 0:
            end = colon
            while end > 0 and text[end - 1] in " \t":
                end -= 1
            if label_end.search(text, max(0, end - 20), end):
                return True
            colon = text.find(":", colon + 1)
        return False
    if pattern == 2:
        return any(agency_end.search(line.rstrip(" \t")[-40:]) for line in text.split("\n"))
    return True


def credit_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the credits and bylines in `text`, in text order."""
    found: list[tuple[int, int]] = []
    for number, pattern in enumerate(_patterns()):
        if not _may_hold(text, number):
            continue
        for match in pattern.finditer(text):
            word = next((w for w in match.groupdict().values() if w), "")
            if word[:1].islower():
                continue  # "het beeld: tien zetels" is a sentence, not a credit
            found.append((match.start(), match.end()))
    return sorted(found)


def drop(text: str, statements: list[Statement]) -> list[Statement]:
    """`statements` without those read from a credit, their content cut before a credit it runs into."""
    spans = credit_spans(text)
    if not spans:
        return statements
    kept = []
    for statement in statements:
        marks = [statement.cue.start, statement.content.start]
        if statement.source is not None:
            marks.append(statement.source.start)
        if any(start <= mark < end for mark in marks for start, end in spans):
            continue
        cut = next((start for start, _ in spans if statement.content.start < start < statement.content.end), None)
        if cut is not None:
            statement = replace(statement, content=_cut(text, statement.content, cut))
        kept.append(statement)
    return kept


def _cut(text: str, span: Span, cut: int) -> Span:
    pieces = [(s, min(e, cut)) for s, e in span.pieces() if s < cut]
    end = pieces[-1][1]
    while end > pieces[-1][0] and text[end - 1].isspace():
        end -= 1
    pieces[-1] = (pieces[-1][0], end)
    return Span.joined(text, pieces)
