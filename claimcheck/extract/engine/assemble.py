"""Statement assembly: the edges of every span tidied the same way in both languages.

A content piece loses the whitespace and the clause punctuation (",", ";", ":") at its edges; pieces left
empty are dropped; a statement whose content holds no letter or digit ("…"), or fewer characters than the
language's `min_content` ([engine]: Dutch 3, as "zeggen op", "wil ze" are misreadings; English 2, as PolNeAR
marks "It was declared by X" with the content "It"), or more than its `max_content` (a quote run on past its
end: an opening ' closed by "), is no statement. The cue and
the source lose the whitespace at their edges. Quote marks and full stops at the edges stay as the grammar
cut them: where the quote marks go is a span convention (PolNeAR keeps a closing full stop inside quotes).

What it does not do: it never moves a span past a word; which words a span holds is the grammar's call.
"""

from __future__ import annotations

from ...records import Span, Statement

_EDGE = ",;:"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The piece text[start:end] without whitespace and clause punctuation at its edges."""
    while start < end and (text[start].isspace() or text[start] in _EDGE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE):
        end -= 1
    return start, end


def tidy(text: str, statement: Statement, min_content: int, max_content: int) -> bool:
    """Tidy the statement's spans in place; False when too little content is left to keep it, or so much
    that a quote ran on past its end."""
    pieces = [trim(text, s, e) for s, e in statement.content.pieces()]
    pieces = [p for p in pieces if p[1] > p[0]]
    if not min_content <= sum(e - s for s, e in pieces) <= max_content:
        return False
    if not any(text[i].isalnum() for s, e in pieces for i in range(s, e)):
        return False
    if pieces != list(statement.content.pieces()):
        statement.content = Span.joined(text, pieces)
    statement.cue = _stripped(text, statement.cue)
    if statement.source is not None:
        statement.source = _stripped(text, statement.source)
    return True


def _stripped(text: str, span: Span) -> Span:
    pieces = []
    for s, e in span.pieces():
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        pieces.append((s, e))
    if pieces == list(span.pieces()):
        return span
    return Span.joined(text, pieces)
