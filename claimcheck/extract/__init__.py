"""Text -> attributed statements.

Stages: a language module (`nl.py`, `en.py`) finds cue, source and content spans with stance and hedging;
`credits` drops what it read from picture credits and bylines; then shared stages fill in what the whole
article tells: `speakers` resolves pronouns and descriptions to the named source, `dates` resolves when each
statement was made, `channels` names the medium.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from ..errors import ClaimcheckError
from ..lexicon import LANGUAGES
from ..records import Article, Statement
from . import channels, credits, dates, speakers
from .language import article_language, refusal

Extractor = Callable[[str, "str | None"], list[Statement]]


def extractor_for(lang: str) -> Extractor:
    if lang not in LANGUAGES:
        raise ClaimcheckError(f"unsupported language {lang!r}; claimcheck reads {', '.join(LANGUAGES)}")
    module = import_module(f"{__name__}.{lang}")
    extract: Extractor = module.extract
    return extract


def extract_statements(text: str, lang: str | None = None, published: str | None = None) -> list[Statement]:
    """Attributed statements in `text`, in text order. `published` (YYYY-MM-DD) anchors relative dates.

    Without `lang`, raises UnsupportedLanguage when `text` is in neither Dutch nor English.
    """
    lang = lang or article_language(text)
    statements = credits.drop(text, extractor_for(lang)(text, published))
    speakers.resolve(text, statements, lang)
    dates.resolve(text, statements, lang, published)
    channels.resolve(text, statements, lang)
    statements.sort(key=lambda s: (min(s.cue.start, s.content.start), s.cue.start))
    return statements


def extract_article(article: Article, lang: str | None = None) -> tuple[str, list[Statement]]:
    """The article's language (forced, from the record, or detected) and its statements.

    Raises UnsupportedLanguage when that language is neither Dutch nor English (unless forced with `lang`).
    """
    if not lang and article.lang and article.lang.lower() not in LANGUAGES:
        raise refusal(article.lang)
    # The title helps an article whose text is a line or two.
    chosen = lang or (article.lang or "").lower() or article_language(f"{article.title or ''}\n{article.text}")
    return chosen, extract_statements(article.text, chosen, article.published)
