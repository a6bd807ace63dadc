"""Text -> attributed statements.

Stages: the engine (`engine/`) reads the text into one document model, runs the language's grammar
(`grammars/nl.py`, `grammars/en.py`: cue, source and content spans with the cue's stance) and settles, the
same way for both languages, span edges, nesting, hedging and confidence; `credits` drops what it read from
picture credits and bylines; then shared stages fill in what the whole article tells: `speakers` resolves
pronouns and descriptions to the named source, `dates` resolves when each statement was made, `channels`
names the medium.

Where things are: "volgens X" / "according to X" in the grammars (`according_before`, `_according`); the
document model `engine/doc.py`; "Dat meldt X" / "That is what X said" `engine/frames.py`; nesting
`engine/nesting.py`; hedging `engine/stance.py`; span edges `engine/assemble.py`; frames and their
confidence `engine/found.py` and the lexicon's [engine] table.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import ClaimcheckError
from ..lexicon import LANGUAGES
from ..records import Article, Statement
from . import channels, credits, dates, engine, speakers
from .language import article_language, refusal

Extractor = Callable[[str, "str | None"], list[Statement]]


def extractor_for(lang: str) -> Extractor:
    """The engine with the grammar of `lang`, as a function of (text, published); `published` is not used
    by the engine (the dates stage reads it)."""
    if lang not in LANGUAGES:
        raise ClaimcheckError(f"unsupported language {lang!r}; claimcheck reads {', '.join(LANGUAGES)}")
    engine.grammar(lang)

    def extract(text: str, published: str | None = None) -> list[Statement]:
        return engine.extract(text, lang)

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
