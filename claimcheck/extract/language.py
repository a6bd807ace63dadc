"""Tell Dutch from English by counting frequent function words."""

from __future__ import annotations

import re

from ..lexicon import LANGUAGES, word_set

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SAMPLE_CHARS = 4000


def detect_language(text: str, default: str = "en") -> str:
    """The language (one of LANGUAGES) whose stopwords are most frequent in the start of `text`."""
    tokens = [w.lower() for w in _WORD.findall(text[:SAMPLE_CHARS])]
    best, best_count = default, 0
    for lang in LANGUAGES:
        stopwords = word_set(lang, "language", "stopwords")
        count = sum(1 for token in tokens if token in stopwords)
        if count > best_count:
            best, best_count = lang, count
    return best
