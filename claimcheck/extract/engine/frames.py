"""Frames both grammars read the same way. (The rest of each frame is in the grammars: see `found.FRAMES`.)

- `quotes_after`: a quote that goes on after a statement's content with no cue of its own is more of the
  same content ("“A,” she said. “B.”", ",,A'', zei hij. ,,B.''"): the quotes that follow, each separated from
  what comes before only by whitespace, sentence punctuation and quote marks, across at most one paragraph
  break and then only when the quote opens its paragraph. The grammar says when a quote has a cue of its
  own (Dutch: a cue right after it or a statement inside it; English: a cue word later in its sentence).
- `previous_sentence`: the content of "Dat meldt X.", "Dat heeft X gezegd.", "That is what X said.", "So X
  said.": the sentence before, as its quote when it opens with one (quote marks left out), else its words
  without the closing punctuation. The grammars decide when a sentence is such a frame (Dutch: a
  pronoun or pronominal adverb before the finite verb, "Daarover schrijft X"; English: "That/This/So …"
  with a cue that takes no content of its own).

- `according`: "Volgens X, C", "C, volgens X", "According to X, C", "C, according to X, C2", "C, aldus X":
  the source is the phrase right after the cue words; the content is what stands around it in its clause,
  less a relative clause about the source ("Volgens X, die …, is …").
  The grammar says where that phrase and that clause end (`Around`): a Dutch source is a noun phrase and
  the verb may follow it at once ("Volgens X is …"); an English one runs to its comma.

What it does not handle: a content that runs over more than the one sentence before ("… twee zinnen …
Dat meldt X." takes only the last); a quote that opens the sentence before but does not fill it.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from .doc import END_PUNCT, Doc

_GAP = " \xa0\t\r\n.,!?“”„«»‘’\"'"


def quotes_after(doc: Doc, pos: int, own_cue: Callable[[int], bool]) -> list[tuple[int, int]]:
    """The quotes that run on from character `pos` (the end of a content or of its sentence), as pieces."""
    text = doc.text
    pieces: list[tuple[int, int]] = []
    q = bisect.bisect_left(doc.quotes, (pos, pos))
    while q < len(doc.quotes):
        qs, qe = doc.quotes[q]
        gap = text[pos:qs]
        if gap.strip(_GAP):
            break
        if gap.count("\n\n") > 1 or ("\n" in gap and text[text.rfind("\n", 0, qs) + 1 : qs].strip(_GAP)):
            break
        if own_cue(q):
            break
        pieces.append((qs, qe))
        pos = qe
        q += 1
    return pieces


def previous_sentence(doc: Doc, number: int) -> tuple[list[tuple[int, int]], bool] | None:
    """The content pieces for a frame in sentence `number` that points back at the sentence before, and
    whether they are a quote; None for the first sentence or an empty one."""
    if number == 0:
        return None
    pa, pb = doc.sentences[number - 1]
    if pb <= pa:
        return None
    if doc.quote_of[pa + 1 if pa + 1 < pb else pa] >= 0 and pa in doc.opener_of:
        return [doc.quotes[doc.opener_of[pa]]], True
    end = pb
    while end > pa and doc.low[end - 1] in END_PUNCT:
        end -= 1
    if end <= pa:
        return None
    return [doc.chars(pa, end)], False


class Around(Protocol):
    """What a grammar tells the shared frames about the words around a cue, in token indices of its own
    view of a sentence (`a`, `b`: the sentence's first token and one past its last). Content pieces are
    character ranges."""

    relatives: frozenset[str]  # relative pronouns ("die", "who"): lexicon [pronouns] relative

    def low(self, k: int) -> str:
        """Token k, lower-cased."""

    def is_word(self, k: int) -> bool:
        """Token k is a word (not punctuation or a quote mark)."""

    def source_after(self, cue: tuple[int, int], sentence: tuple[int, int]) -> int | None:
        """One past the last token of the source phrase that starts right after the cue words, or None."""

    def past_source(self, end: int, b: int) -> int:
        """Where the content after a source ending at `end` starts: past its comma and an apposition."""

    def before(self, i: int, a: int, trailing: bool) -> list[tuple[int, int]]:
        """The content that stands before cue token i in its clause (`trailing`: the cue only ever closes
        what was said, like "aldus", so a quote before it is all of it)."""

    def after(self, k: int, b: int) -> list[tuple[int, int]]:
        """The content from token k to the end of its clause."""


@dataclass
class Reading:
    """A frame's reading in token indices (cue, source) and character ranges (content)."""

    cue: tuple[int, int]
    source: tuple[int, int]
    content: list[tuple[int, int]]


def according(grammar: Around, cue: tuple[int, int], sentence: tuple[int, int], *,
              trailing: bool = False) -> Reading | None:
    """The statement of an "according to" phrase at `cue`: "Volgens X, C" / "C, according to X" / "C, aldus X"."""
    (i, j), (a, b) = cue, sentence
    end = grammar.source_after(cue, sentence)
    if end is None or end <= j:
        return None
    k = grammar.past_source(end, b)
    if k > end and grammar.low(k - 1) == "," and k < b and grammar.low(k) in grammar.relatives:
        # "Volgens X, die …, is …" / "According to X, who …, the …": the relative clause says who X is;
        # what X said follows its comma
        close = next((m for m in range(k + 1, b) if grammar.low(m) == ","), None)
        if close is not None:
            k = close + 1
    # "…, volgens X is dat overdreven": after a comma and with its verb right after the source, the phrase
    # opens a clause of its own; what stands before the comma is another statement.
    own_clause = not trailing and i > a and grammar.low(i - 1) == "," and k == end < b and grammar.is_word(k)
    pieces = [] if own_clause else grammar.before(i, a, trailing)
    if not trailing:
        pieces += grammar.after(k, b)
    if not pieces:
        return None
    return Reading((i, j), (j, end), pieces)
