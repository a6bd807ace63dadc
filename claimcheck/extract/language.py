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
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from ..errors import UnsupportedLanguage
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


@dataclass(frozen=True)
class Identified:
    """The best-scoring language (None when no list covers MIN_SHARE of the words), the share of the words
    in its list, and how many words were read."""

    lang: str | None
    share: float
    words: int
    counts: tuple[int, ...] = field(default=(), repr=False, compare=False)  # per language, readable ones first

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
    others = load_table("languages")
    codes = (*LANGUAGES, *others)
    languages: dict[str, list[int]] = {}
    for index, code in enumerate(codes):
        words = word_set(code, "language", "stopwords") if code in LANGUAGES else others[code]["stopwords"]
        for word in {str(word).lower() for word in words}:
            languages.setdefault(word, []).append(index)
    return codes, {word: tuple(indexes) for word, indexes in languages.items()}


def identify(text: str) -> Identified:
    """The language of `text` among all listed ones, from the function words of its start."""
    codes, languages = _profiles()
    words = Counter(_WORD.findall(text[:SAMPLE_CHARS].lower()))
    counts = [0] * len(codes)
    for word in words.keys() & languages.keys():
        for index in languages[word]:
            counts[index] += words[word]
    total = words.total()
    best = max(range(len(codes)), key=counts.__getitem__)  # ties go to the readable languages, listed first
    share = counts[best] / total if total else 0.0
    return Identified(codes[best] if share >= MIN_SHARE else None, share, total, tuple(counts))


def detect_language(text: str, default: str = "en") -> str:
    """The readable language (one of LANGUAGES) whose function words are most frequent in the start of `text`."""
    return _best_readable(identify(text), default)


def _best_readable(found: Identified, default: str = "en") -> str:
    best, best_count = default, 0
    for lang, count in zip(LANGUAGES, found.counts, strict=False):
        if count > best_count:
            best, best_count = lang, count
    return best


def article_language(text: str) -> str:
    """The language the grammars should read `text` in; raises UnsupportedLanguage for any other.

    A text shorter than MIN_WORDS words, or in no listed language and mostly capitalised (a list of names),
    is not refused: it gets `detect_language`'s guess.
    """
    found = identify(text)
    if found.lang is not None and found.supported:
        return found.lang
    if found.words < MIN_WORDS or (found.lang is None and _lower_case_share(text) < MIN_LOWER_CASE):
        return _best_readable(found)
    raise refusal(found.lang)


def refusal(lang: str | None) -> UnsupportedLanguage:
    """The error for an article in `lang` (None: a language not recognised)."""
    readable = " or ".join(_names()[code] for code in LANGUAGES)
    name = _names().get(lang) if lang else None
    said = f"in {name} ({lang})" if name else f"in {lang!r}" if lang else "in a language not recognised"
    return UnsupportedLanguage(f"article {said}, not {readable}", lang)


def _lower_case_share(text: str) -> float:
    words = _WORD.findall(text[:SAMPLE_CHARS])
    return sum(word[0].islower() for word in words) / len(words) if words else 0.0
