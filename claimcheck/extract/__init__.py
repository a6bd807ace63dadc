"""Text -> attributed statements. One module per language holds the rules; shared stages live beside them.

`extract_statements(text, lang=None, published=None)` detects the language when none is given and returns
Statement records whose spans are offsets into `text`.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from ..lexicon import LANGUAGES
from ..records import Article, Statement
from .language import detect_language

Extractor = Callable[[str, "str | None"], list[Statement]]


def extractor_for(lang: str) -> Extractor:
    if lang not in LANGUAGES:
        from ..errors import ClaimcheckError

        raise ClaimcheckError(f"unsupported language {lang!r}; claimcheck reads {', '.join(LANGUAGES)}")
    module = import_module(f"{__name__}.{lang}")
    extract: Extractor = module.extract
    return extract


def extract_statements(text: str, lang: str | None = None, published: str | None = None) -> list[Statement]:
    return extractor_for(lang or detect_language(text))(text, published)


def extract_article(article: Article, lang: str | None = None) -> tuple[str, list[Statement]]:
    """The article's language (forced, from the record, or detected) and its statements."""
    chosen = lang or article.lang or detect_language(article.text)
    return chosen, extractor_for(chosen)(article.text, article.published)
