"""Whether two claims are about the same thing: the names and words they share, before any relation rule.

News is full of claims that look alike and are not about the same event ("Pijn deed het niet" / "Het deed
me pijn", two trials each with a prison term). A conflict or an agreement needs the two claims to share
what makes an event particular: a name (a person, place, party, company; matched across spellings and
languages) together with some of its words, or, for short claims with no names, nearly all of their words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from .reading import Reading

NAME_SIMILARITY = 85  # rapidfuzz ratio at which two names are one spelled two ways (Istanbul / Istanboel)


@dataclass(frozen=True)
class Overlap:
    names: frozenset[str]  # names both claims mention
    words: int  # content words shared (the smaller count seen from either side; 0 across languages)
    coverage: float  # the smaller of the two shares of a claim's content words found in the other
    crosslingual: bool
    nameless: bool = False  # neither claim names anyone or anything (short generic sentences)

    @property
    def same_event(self) -> bool:
        if self.crosslingual:
            # No words to compare across languages: a shared name, or two claims with no names at all,
            # where the embedding alone has to say it.
            return bool(self.names) or self.nameless
        if self.names and self.words >= 2:
            return True
        # No name in common: only claims that say nearly the same words are about the same thing.
        return self.words >= 2 and self.coverage >= 0.6

    @property
    def same_topic(self) -> bool:
        """Looser than same_event, for rules whose own words are the difference ("leeg" / "vol",
        "verslagen" / "gevechten"): a name in common, or half the words."""
        return self.same_event or bool(self.names) or (self.words >= 1 and self.coverage >= 0.5)

    @property
    def strength(self) -> float:
        """0 .. 1: how surely the two claims are about one event."""
        if not self.same_event:
            return 0.0
        words = 0.0 if self.crosslingual else 0.05 * self.words
        return min(1.0, 0.25 * len(self.names) + 0.5 * self.coverage + words)


def _same_name(x: str, y: str) -> bool:
    if x == y:
        return True
    if min(len(x), len(y)) >= 4 and (x.startswith(y) or y.startswith(x)) and abs(len(x) - len(y)) <= 2:
        return True  # "erdogan" / "erdogans", "trump" / "trumps"
    return min(len(x), len(y)) >= 5 and fuzz.ratio(x, y) >= NAME_SIMILARITY


def shared_names(a: Reading, b: Reading) -> frozenset[str]:
    return frozenset(x for x in a.names if any(_same_name(x, y) for y in b.names))


STORY_NAMES = 1  # names two articles' openings must share to tell the same story


@lru_cache(maxsize=65536)
def same_story(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two articles tell one story: the names of their titles and openings (`story_names`) overlap.
    News claims from two stories may look alike ("Pijn deed het niet"); their articles' names tell them apart.
    Cached: a new claim meets many claims of one article."""
    shared = [x for x in a if any(_same_name(x, y) for y in b)]
    return len(shared) >= min(STORY_NAMES, len(a), len(b)) > 0


def overlap(a: Reading, b: Reading) -> Overlap:
    names = shared_names(a, b)
    if a.lang != b.lang:
        return Overlap(names, 0, 0.0, True, not a.names and not b.names)
    words_a, words_b = a.counted, b.counted
    shared_a = sum(1 for keys in words_a if not keys.isdisjoint(b.content))
    shared_b = sum(1 for keys in words_b if not keys.isdisjoint(a.content))
    coverage = min(shared_a / len(words_a) if words_a else 0.0, shared_b / len(words_b) if words_b else 0.0)
    return Overlap(names, min(shared_a, shared_b), coverage, False, not a.names and not b.names)

