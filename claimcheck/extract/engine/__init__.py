"""The extraction engine: text -> attributed statements, the same stages for every language.

1. `doc.Doc`: one tokenisation, the sentences and the quoted passages (offsets throughout).
2. The language's grammar (`extract/grammars/nl.py`, `extract/grammars/en.py`) finds the readings: each a
   statement (cue, content and source spans, stance) with the frame that found it (`found.FRAMES`),
   using the shared frames of `frames.py` (quotes that run on; "Dat meldt X" / "That is what X said";
   "volgens X" / "according to X", where the grammar answers `frames.Around`: where its source and clause end);
   `assemble.tidy` trims the edges of their spans the same way for both.
3. `nesting.resolve`: which readings are kept when one lies inside another's content (a statement nested
   in a denial is always kept).
4. `stance.mark`: hedging, by one rule over the lexicon's [hedges] table.
5. Confidence: each statement gets its frame's measured precision (lexicon [engine.confidence]).

After the engine, `extract/__init__.py` runs the stages that read the whole article: credits, speakers,
dates and channels.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import import_module

from ...errors import ClaimcheckError
from ...lexicon import LANGUAGES, load
from ...records import Statement
from . import assemble, nesting, stance
from .doc import Doc
from .found import FRAMES, Found

Finder = Callable[[Doc], list[Found]]


@dataclass(frozen=True)
class Settings:
    """How the engine treats one language: its nesting convention, the shortest content it keeps (characters)
    and the confidence of each frame."""

    nesting: str
    min_content: int
    max_content: int
    confidence: dict[str, float]


@cache
def settings(lang: str) -> Settings:
    table = load(lang).get("engine")
    if table is None:
        raise ClaimcheckError(f"lexicon {lang}.toml: no [engine] table")
    confidence = {str(frame): float(value) for frame, value in table.get("confidence", {}).items()}
    unknown = sorted(set(confidence) - set(FRAMES))
    if unknown:
        raise ClaimcheckError(f"lexicon {lang}.toml: unknown frames in [engine.confidence]: {', '.join(unknown)}")
    if table.get("nesting") not in nesting.POLICIES:
        raise ClaimcheckError(f"lexicon {lang}.toml: [engine] nesting must be one of {', '.join(nesting.POLICIES)}")
    return Settings(nesting=str(table["nesting"]), min_content=int(table["min_content"]),
                    max_content=int(table["max_content"]), confidence=confidence)


@cache
def grammar(lang: str) -> Finder:
    """The `find` of the language's grammar module."""
    if lang not in LANGUAGES:
        raise ClaimcheckError(f"unsupported language {lang!r}; claimcheck reads {', '.join(LANGUAGES)}")
    finder: Finder = import_module(f"{__package__.rpartition('.')[0]}.grammars.{lang}").find
    return finder


def extract(text: str, lang: str) -> list[Statement]:
    """The statements the grammar of `lang` finds in `text`, nesting settled and confidence set."""
    rules = settings(lang)
    doc = Doc(text)
    found = [f for f in grammar(lang)(doc) if assemble.tidy(text, f.statement, rules.min_content, rules.max_content)]
    found = nesting.resolve(found, rules.nesting)
    stance.mark(doc, found, lang)
    for f in found:
        if f.frame not in rules.confidence:
            raise ClaimcheckError(f"lexicon {lang}.toml: no confidence for frame {f.frame!r} in [engine.confidence]")
        f.statement.confidence = rules.confidence[f.frame]
    return [f.statement for f in found]
