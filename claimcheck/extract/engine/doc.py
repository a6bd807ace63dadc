"""The document model every grammar reads: one tokenisation, the sentences and the quoted passages of a text.

A `Doc` holds the tokens of the whole text with their character offsets, the sentences as token ranges, and
for each token the quote it lies in; the opening and closing marks of each quote are known by token. Both
grammars work on this one model, so a token, a sentence and a quote mean the same thing in Dutch and English.

Tokens: words (with inner hyphens, apostrophes, full stops and ampersands: "Jean-Claude", "Trump's",
"U.S.", "AT&T"; numbers with a decimal or thousands comma, "9,8"), the Dutch clitics "'s", "'t", "'n"
before a space, the two-character quote marks ",,", "''", "’’" and "``", and every other non-space character
alone. The lower-cased form (`low`) writes the typographic apostrophe ’ as ', so a word list needs one
spelling only.

What it does not do: it tags no part of speech and parses nothing; sentence and quote boundaries come from
`segment` (punctuation rules, an abbreviation list, quote pairing).
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property
from itertools import compress, count, repeat
from operator import and_, itemgetter
from typing import NamedTuple

from ..segment import Sentence, quotes, sentences

# A comma between digits belongs to the number ("9,8 miljard", "1,200"): it must never break a clause.
_TOKEN = re.compile(r"['’][stn](?=\s)|\w+(?:[-'’.&]\w+|(?<=\d),\d+)*|,,|''|’’|``|[^\w\s]", re.UNICODE)
# Punctuation that closes a clause or a sentence, as tokens.
END_PUNCT = frozenset(".,;:!?")
# First characters of the tokens that are words only sometimes ("_x", the clitic "'t").
_ODD_FIRSTS = frozenset("_'’")
# Marks that open or close a quote, as tokens (lower-cased, ’ written ').
QUOTE_MARKS = frozenset(["“", "”", "„", "«", "»", "‘", "'", '"', ",,", "''", "``"])


class Tok(NamedTuple):
    start: int
    end: int
    low: str  # lower-cased, ’ written '
    word: bool  # a word (or the clitic "'t"), not punctuation
    upper: bool  # a word that starts with a capital


def _is_word(form: str) -> bool:
    first = form[0]
    return first.isalnum() or first == "_" or (len(form) == 2 and first in "'’" and form[1].isalpha())


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """The tokens of text[start:end], with offsets into `text`."""
    out = []
    for m in _TOKEN.finditer(text, start, len(text) if end is None else end):
        form = m.group()
        word = _is_word(form)
        out.append(Tok(m.start(), m.end(), form.lower().replace("’", "'"), word, word and form[0].isupper()))
    return out


class Doc:
    """A text as tokens, sentences and quotes, all by offset.

    `tokens[i]` is token i; `low`, `spans` and `starts` are the same tokens as plain columns (the rules
    index them in tight loops). `sentences[n]` is the token range (a, b) of sentence n
    and `sentence_spans[n]` its character offsets; `quotes[q]` is the inner character span of quote q,
    `quote_of[i]` the quote that token i lies in (-1 outside quotes), `opener_of`/`closer_of` map the token
    of an opening/closing mark to its quote.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = [m.span() for m in _TOKEN.finditer(text)]
        lowered = text.lower()
        if len(lowered) == len(text):
            # no character lower-cases to two ("İ"), so the offsets hold in the lowered text: slice it
            lowered = lowered.replace("’", "'")
            self.low = [lowered[s:e] for s, e in self.spans]
        else:
            self.low = [text[s:e].lower().replace("’", "'") for s, e in self.spans]
        self.starts = [s for s, _ in self.spans]
        self.quotes = quotes(text)
        n = len(self.spans)
        self.quote_of = [-1] * n
        self.opener_of: dict[int, int] = {}
        self.closer_of: dict[int, int] = {}
        for q, (qs, qe) in enumerate(self.quotes):
            first = bisect.bisect_left(self.starts, qs)
            last = bisect.bisect_left(self.starts, qe)
            self.quote_of[first:last] = [q] * (last - first)
            if first > 0:
                self.opener_of[first - 1] = q
            if last < n and self.low[last] in QUOTE_MARKS:
                self.closer_of[last] = q
        self.sentence_spans: list[Sentence] = sentences(text)
        self.sentences: list[tuple[int, int]] = []
        self.sentence_of = [0] * n
        for number, sentence in enumerate(self.sentence_spans):
            a = bisect.bisect_left(self.starts, sentence.start)
            b = bisect.bisect_left(self.starts, sentence.end)
            self.sentences.append((a, b))
            self.sentence_of[a:b] = [number] * (b - a)

    def word(self, i: int) -> str:
        s, e = self.spans[i]
        return self.text[s:e]

    @cached_property
    def tokens(self) -> list[Tok]:
        """The tokens as records, built on first use (the English grammar reads these; the Dutch one reads the
        columns and asks `is_word` and `capitalised` of the few tokens it needs to know it of)."""
        text = self.text
        ends = list(map(itemgetter(1), self.spans))
        firsts = list(map(text.__getitem__, self.starts))
        # _is_word over first characters: the common case (alphanumeric) tested in C, the few that start with
        # "_" or an apostrophe in Python; the tuples made directly (Tok's own __new__ is a Python call): this
        # runs once per token of every English article.
        words = list(map(str.isalnum, firsts))
        for i in compress(count(), map(_ODD_FIRSTS.__contains__, firsts)):
            s, e = self.spans[i]
            words[i] = firsts[i] == "_" or (e - s == 2 and text[s + 1].isalpha())
        upper = list(map(and_, words, map(str.isupper, firsts)))
        return list(map(tuple.__new__, repeat(Tok), zip(self.starts, ends, self.low, words, upper, strict=True)))

    def is_word(self, i: int) -> bool:
        s, e = self.spans[i]
        return _is_word(self.text[s:e])

    def capitalised(self, i: int) -> bool:
        """A word that starts with a capital (what `Tok.upper` holds)."""
        return self.text[self.spans[i][0]].isupper()

    def token_at(self, pos: int) -> int:
        """The index of the first token that starts at or after character `pos`."""
        return bisect.bisect_left(self.starts, pos)

    def chars(self, a: int, b: int) -> tuple[int, int]:
        """The character span of tokens a..b (b exclusive)."""
        return (self.spans[a][0], self.spans[b - 1][1])
