"""Split text into paragraphs, sentences and words, and find quoted passages, all as character offsets.

Hand-written rather than a model: it has to run at hundreds of articles a second, and news text is regular
enough that punctuation rules, an abbreviation list and quote pairing get sentences and quotes right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import load_table

WORD = re.compile(r"\w+(?:[-'’.]\w+)*", re.UNICODE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\s*[-•*]\s)")
# A sentence ends at . ! ? (possibly followed by closing quotes/brackets) before whitespace and a capital,
# a digit, an opening quote (Dutch ,, included) or a dash; or at a single newline.
_SENTENCE_END = re.compile(r"""[.!?…]+['"’”»)\]]*(?=\s+(?:,,|''|['"“‘„«(\[])?[\w])|\n""")
_ABBREVIATIONS = frozenset(word.lower() for word in load_table("abbreviations")["words"])

OPENING_DOUBLE = "“„«"
CLOSING_DOUBLE = "”»"
_QUOTE_CANDIDATE = re.compile("[“„«\"'‘’,]")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-blank paragraphs, separated by blank lines."""
    out: list[tuple[int, int]] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        out.extend(_strip(text, start, match.start()))
        start = match.end()
    out.extend(_strip(text, start, len(text)))
    return out


def sentences(text: str) -> list[Sentence]:
    """Sentence offsets, whitespace trimmed. Sentences never cross a paragraph break."""
    return list(_sentences_cached(text))


@lru_cache(maxsize=8)
def _sentences_cached(text: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    for p_start, p_end in paragraphs(text):
        start = p_start
        for match in _SENTENCE_END.finditer(text, p_start, p_end):
            if match.group() != "\n" and _ends_in_abbreviation(text, start, match.start()):
                continue
            if match.group().startswith(".") and _lower_follows(text, match.end()):
                # "Sen. Bernie Sanders (I-Vt.) said": a full stop before a lower-case word ends no sentence.
                continue
            end = match.end() if match.group() != "\n" else match.start()
            for s, e in _strip(text, start, end):
                out.append(Sentence(s, e))
            start = match.end()
        for s, e in _strip(text, start, p_end):
            out.append(Sentence(s, e))
    return tuple(out)


def _lower_follows(text: str, end: int) -> bool:
    following = text[end : end + 3].lstrip(" ")
    return following[:1].islower()


def _ends_in_abbreviation(text: str, start: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > start and not text[word_start - 1].isspace() and text[word_start - 1] not in "(\"“":
        word_start -= 1
    written = text[word_start:dot]
    word = written.lower()
    # An acronym in capitals is a name, not an abbreviation: "door de VS. Dat land" ends a sentence ("vs."
    # is "versus"), as does "Holding BV. De".
    if word in _ABBREVIATIONS and not (len(written) > 1 and written.isupper() and "." not in written):
        return True
    # Single initials ("J. Smith") and dotted acronyms ("U.S.") do not end a sentence.
    if len(word) == 1 and word.isalpha():
        return True
    # Nor does a dotted acronym before a lower-case word ("the W.T.O. represented").
    following = text[dot + 1 : dot + 3].lstrip()
    return "." in word and all(len(part) == 1 for part in word.split(".")) and following[:1].islower()


def _strip(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if end > start else []


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Offsets of the words in text[start:end]."""
    return [m.span() for m in WORD.finditer(text, start, len(text) if end is None else end)]


def quotes(text: str) -> list[tuple[int, int]]:
    """Inner offsets (quote marks excluded) of the quoted passages, in order.

    Handles curly and straight double quotes, Dutch „…” and ‘…’/’’ closers, and guillemets. A quote left
    open at the end of a paragraph closes there (news style repeats the opener on the next paragraph).
    Single quotes count only where they open after a space and close before a space or punctuation, so
    apostrophes ("Trump's", "zo'n") are not taken for quotes.
    """
    found: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs(text):
        found.extend(_quotes_in(text, p_start, p_end))
    return found


def _quotes_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    i = start
    while i < end:
        # Jump to the next character that could open a quote; the rest cannot.
        candidate = _QUOTE_CANDIDATE.search(text, i, end)
        if candidate is None:
            break
        i = candidate.start()
        ch = text[i]
        if _opens_double_comma(text, i, start):
            # Dutch newspaper style: ,,Tekst.'' (two commas open, two apostrophes or a quote mark close).
            close = _find_double_close(text, i + 2, end, ch)
            if close is not None and close > i + 2:
                found.append((i + 2, close))
                i = close + _closer_length(text, close)
                continue
        if _opens_double_apostrophe(text, i, start):
            # English newspaper style: ''Text,'' (two apostrophes open and close).
            close = _find_double_close(text, i + 2, end, "'")
            if close is not None and close > i + 2:
                found.append((i + 2, close))
                i = close + _closer_length(text, close)
                continue
        if _opens_double(text, i, start):
            close = _find_double_close(text, i + 1, end, ch)
            inner_end = close if close is not None else end
            if inner_end > i + 1:
                found.append((i + 1, inner_end))
            i = (close + _closer_length(text, close)) if close is not None else end
            continue
        if ch in "‘'" and _opens_single(text, i, start):
            close = _find_single_close(text, i + 1, end)
            if close is not None and close > i + 1:
                found.append((i + 1, close))
                i = close + 1
                continue
        i += 1
    return found


def _opens_double(text: str, i: int, start: int) -> bool:
    ch = text[i]
    if ch in OPENING_DOUBLE:
        return True
    if ch == '"':
        before = text[i - 1] if i > start else " "
        return before.isspace() or before in "([—–-:,"
    if ch == "’" and text[i + 1 : i + 2] == "’":
        return False
    return False


def _opens_double_comma(text: str, i: int, start: int) -> bool:
    if not text.startswith(",,", i) or i + 2 >= len(text) or text[i + 2].isspace():
        return False
    return i == start or text[i - 1].isspace() or text[i - 1] in "(["


def _opens_double_apostrophe(text: str, i: int, start: int) -> bool:
    if not text.startswith("''", i) or i + 2 >= len(text) or text[i + 2].isspace():
        return False
    return i == start or text[i - 1].isspace() or text[i - 1] in "([—–-"


# The characters `_find_double_close` stops at; the scan jumps over all others.
_DOUBLE_CLOSE_CANDIDATE = re.compile("[" + CLOSING_DOUBLE + "\"’'“]")


def _find_double_close(text: str, i: int, end: int, opener: str) -> int | None:
    while i < end:
        candidate = _DOUBLE_CLOSE_CANDIDATE.search(text, i, end)
        if candidate is None:
            return None
        i = candidate.start()
        ch = text[i]
        if ch in CLOSING_DOUBLE or ch == '"':
            return i
        if ch in "’'" and text[i + 1 : i + 2] == ch and opener in ",'":
            return i
        if ch == "’" and text[i + 1 : i + 2] == "’":
            return i
        if ch == "“" and opener == "“" and i + 1 < end and text[i - 1].isspace():
            # A new opener before any closer: the previous quote was left open; close it before this one.
            j = i - 1
            while j > 0 and text[j - 1].isspace():
                j -= 1
            return j
        i += 1
    return None


def _closer_length(text: str, close: int) -> int:
    if text[close] in "’'" and text[close + 1 : close + 2] == text[close]:
        return 2
    return 1 if text[close] in CLOSING_DOUBLE + '"' else 0


def _opens_single(text: str, i: int, start: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i + 1 : i + 2] in ("s", "t", "n") and text[i + 2 : i + 3] in (" ", "-"):
        return False  # Dutch clitics: 's nachts, 't is, 'n paar
    return (before.isspace() or before in "([“\"") and (after.isalnum() or after in "“\"")


_SINGLE_CLOSE_CANDIDATE = re.compile("[’']")


def _find_single_close(text: str, i: int, end: int) -> int | None:
    while i < end:
        candidate = _SINGLE_CLOSE_CANDIDATE.search(text, i, end)
        if candidate is None:
            return None
        i = candidate.start()
        if text[i] in "’'":
            before = text[i - 1]
            after = text[i + 1] if i + 1 < len(text) else " "
            if not before.isspace() and (after.isspace() or after in ".,;:!?)”\"’") and not (
                after == "s" and before.isalpha()
            ):
                return i
        i += 1
    return None
