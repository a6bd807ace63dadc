"""Which language a text is in, by counting frequent function words; refuses what claimcheck cannot read.

Each language has a short list of its most frequent function words: Dutch and English under [language] in
nl.toml and en.toml, look-alikes that claimcheck does not read (German, French, Afrikaans, ...) in
languages.toml. The share of a text's words in each list scores the language. `identify` names the best one,
or none when no list covers enough of the text (a language not listed); `article_language` refuses an article
that is not Dutch or English with UnsupportedLanguage. Texts shorter than MIN_WORDS words (a title, a claim)
tell too little to refuse: they get the better of Dutch and English, as `detect_language` does for any text.

Not handled: mixed-language texts (the start decides), and languages not listed that share many
function words with a listed one (Norwegian reads as Danish).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..errors import ClaimcheckError
from ..lexicon import LANGUAGES, load, load_table, word_set

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SAMPLE_CHARS = 4000
# Below this many words a text is not refused: a title or a one-line claim holds too few function words.
MIN_WORDS = 25
# In news prose the best list covers a sixth to a half of the words (0.17 at the least in PolNeAR, 0.20 in
# DpgMedia2019); under this share the text is in a language none of the lists describes, or is no prose.
MIN_SHARE = 0.12
# Prose has most of its words in lower case. A list of names, results or song titles (DpgMedia2019 has a few)
# has few function words in any language: it is not refused as a language not recognised.
MIN_LOWER_CASE = 0.6


class UnsupportedLanguage(ClaimcheckError):
    """An article in a language the grammars do not read; `lang` is its code when recognised."""

    def __init__(self, lang: str | None, name: str | None = None) -> None:
        self.lang, self.name = lang, name
        readable = " or ".join(_names()[code] for code in LANGUAGES)
        said = f"in {name} ({lang})" if lang and name else "in a language not recognised"
        super().__init__(f"article {said}, not {readable}")


@dataclass(frozen=True)
class Identified:
    """The best-scoring language (None when no list covers MIN_SHARE of the words) and the evidence: the
    share of the words in its list, how many words were read and the share of them in lower case."""

    lang: str | None
    share: float
    words: int
    lower_case: float

    @property
    def supported(self) -> bool:
        return self.lang in LANGUAGES


@cache
def _names() -> dict[str, str]:
    names = {code: str(load(code)["language"]["name"]) for code in LANGUAGES}
    names.update({code: str(entry["name"]) for code, entry in load_table("languages").items()})
    return names


@cache
def _profiles() -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    """The language codes (the readable ones first) and, for each listed word, the indexes of its languages."""
    codes = (*LANGUAGES, *load_table("languages"))
    languages: dict[str, list[int]] = {}
    for index, code in enumerate(codes):
        words = word_set(code, "language", "stopwords") if code in LANGUAGES else _other_words(code)
        for word in words:
            languages.setdefault(word, []).append(index)
    return codes, {word: tuple(indexes) for word, indexes in languages.items()}


def _other_words(code: str) -> frozenset[str]:
    return frozenset(str(word).lower() for word in load_table("languages")[code]["stopwords"])


def _counts(text: str) -> tuple[list[int], int, int]:
    """Per language, how many words of the start of `text` are in its list; the words; those in lower case."""
    codes, languages = _profiles()
    counts = [0] * len(codes)
    words = lower = 0
    for match in _WORD.finditer(text[:SAMPLE_CHARS]):
        word = match.group()
        words += 1
        lower += word[0].islower()
        for index in languages.get(word.lower(), ()):
            counts[index] += 1
    return counts, words, lower


def identify(text: str) -> Identified:
    """The language of `text` among all listed ones, from the function words of its start."""
    codes, _ = _profiles()
    counts, words, lower = _counts(text)
    best = max(range(len(codes)), key=lambda i: counts[i])  # ties go to the readable languages, listed first
    share = counts[best] / words if words else 0.0
    return Identified(codes[best] if share >= MIN_SHARE else None, share, words, lower / words if words else 0.0)


def detect_language(text: str, default: str = "en") -> str:
    """The readable language (one of LANGUAGES) whose function words are most frequent in the start of `text`."""
    counts = _counts(text)[0]
    best, best_count = default, 0
    for index, lang in enumerate(LANGUAGES):
        if counts[index] > best_count:
            best, best_count = lang, counts[index]
    return best


def article_language(text: str) -> str:
    """The language the grammars should read `text` in; raises UnsupportedLanguage for any other.

    A text shorter than MIN_WORDS words, or in no listed language and mostly capitalised (a list of names),
    is not refused: it gets `detect_language`'s guess.
    """
    found = identify(text)
    if found.words < MIN_WORDS or (found.lang is None and found.lower_case < MIN_LOWER_CASE):
        return detect_language(text)
    if found.lang in LANGUAGES:
        return found.lang
    raise UnsupportedLanguage(found.lang, language_name(found.lang) if found.lang else None)


def language_name(lang: str) -> str | None:
    """"German" for "de": the English name of a listed language."""
    return _names().get(lang)
