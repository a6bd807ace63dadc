"""Stance and hedging, the same rules for every language, read from the lexicon's [hedges] table.

Stance (assert, deny, question, predict) comes with the cue: each grammar looks its cue up in the lexicon
(Dutch by verb form, English by lemma) and turns a negated asserting cue into a denial where its language
does ("wil niet dat …"). This module decides whether a statement is hedged, in one way for both languages:

- a statement found by an impersonal frame ("Naar verluidt …", "Aangenomen wordt dat …") is hedged;
- so is one whose cue reports without vouching ([hedges] cues: "claimed", "alleged");
- so is one with a hedge word or phrase ([hedges] words, phrases: "reportedly", "zou", "naar verluidt") in
  its own words (the cue, what stands between it and a source before it, and the content), leaving
  out the cue word itself ("CNN reported" does not hedge), the source ("the alleged gunman said" hedges
  the gunman, not what he said), the statements nested in
  it (their hedges are theirs) and, where the language says so (`in_quotes = false`),
  the quoted words: Dutch "zou" in indirect speech is the writer's reportative hedge, inside a quote it is
  the speaker's own conditional;
- so is one with a modal in its content ([hedges] modals, matched case-sensitively so "May" stays a month).

What it does not do: it reads no scope ("not likely" is hedged like "likely"), and a hedge word anywhere in
a long content hedges the whole of it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache
from itertools import compress, count, repeat
from operator import or_

from ...lexicon import load
from ...records import Statement
from .doc import Doc
from .found import Found


@dataclass(frozen=True)
class Hedges:
    words: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    modals: frozenset[str]
    cues: frozenset[str]
    in_quotes: bool

    @property
    def first_words(self) -> frozenset[str]:
        return self.words | frozenset(p[0] for p in self.phrases)


@cache
def hedges(lang: str) -> Hedges:
    table = load(lang)["hedges"]
    return Hedges(
        words=frozenset(w.lower() for w in table.get("words", [])),
        phrases=tuple(sorted((tuple(p.lower().split()) for p in table.get("phrases", [])), key=len, reverse=True)),
        modals=frozenset(table.get("modals", [])),
        cues=frozenset(w.lower() for w in table.get("cues", [])),
        in_quotes=bool(table.get("in_quotes", True)),
    )


def mark(doc: Doc, found: list[Found], lang: str) -> None:
    """Set `hedged` on every statement found in `doc`."""
    rules = hedges(lang)
    by_cue = sorted((f.statement for f in found), key=lambda s: s.cue.start)
    cue_starts = [s.cue.start for s in by_cue]
    # The few tokens that could hedge, found once for the whole text; each statement looks only at these.
    first_words = rules.first_words
    # (compress and map make the pass over every token in C; the rules then look at the few it keeps)
    lows = doc.low
    hedge_at = [i for i in compress(count(), map(first_words.__contains__, lows)) if _hedge_at(doc, i, rules)]
    modal_lows = frozenset(m.lower() for m in rules.modals)
    maybe = map(or_, map(modal_lows.__contains__, lows), map(str.__contains__, lows, repeat("'")))
    modal_at = [
        i for i in compress(count(), maybe)
        if (lows[i] in modal_lows or "'" in lows[i] and lows[i].split("'", 1)[0] in modal_lows)
        and _modal(doc.word(i)) in rules.modals
    ] if modal_lows else []
    for f in found:
        statement = f.statement
        if f.frame == "impersonal" or f.cue_key in rules.cues:
            statement.hedged = True
            continue
        own = statement.content
        # Only statements whose cue lies within this content can be nested in it.
        nested = [
            (min(o.cue.start, o.content.start), max(o.cue.end, o.content.end))
            for o in by_cue[bisect.bisect_left(cue_starts, own.start) : bisect.bisect_right(cue_starts, own.end)]
            if o is not statement and o.content.end <= own.end
        ]
        # Not the source ("the alleged gunman said" hedges the gunman), nor the cue word ("CNN reported").
        skip = nested + ([(statement.source.start, statement.source.end)] if statement.source else [])
        skip += [f.head] if f.head else list(statement.cue.pieces())
        statement.hedged = _any_in(doc, hedge_at, _own_words(statement), rules, skip) or _any_in(
            doc, modal_at, list(own.pieces()), rules, skip)


def _any_in(doc: Doc, positions: list[int], pieces: list[tuple[int, int]], rules: Hedges,
            skip: list[tuple[int, int]]) -> bool:
    """A token at one of `positions` (sorted token indices) inside the pieces, not skipped."""
    for s, e in pieces:
        first = bisect.bisect_left(positions, doc.token_at(s))
        last = bisect.bisect_left(positions, doc.token_at(e))
        for i in positions[first:last]:
            if not rules.in_quotes and doc.quote_of[i] >= 0:
                continue
            at = doc.starts[i]
            for a, b in skip:
                if a <= at < b:
                    break
            else:
                return True
    return False


def _own_words(statement: Statement) -> list[tuple[int, int]]:
    """The content pieces, and the stretch from a source before the cue to the end of the cue ("X zou
    hebben gezegd", "X reportedly said"); not what stands between the cue and a content further on ("waarschuwen
    voor de mogelijk desastreuze gevolgen: …"), nor the gaps between content pieces, which hold other
    attributions ("“A,” she said, adding that B. “C”")."""
    cue = statement.cue
    start = min(cue.start, statement.source.start) if statement.source else cue.start
    return [(start, cue.end), *statement.content.pieces()]


def _modal(word: str) -> str:
    """The word without a contracted ending: "could've" -> "could"."""
    return word.replace("’", "'").split("'", 1)[0]


def _hedge_at(doc: Doc, i: int, rules: Hedges) -> bool:
    low = doc.low[i]
    if low in rules.words:
        return True
    return any(tuple(doc.low[i : i + len(phrase)]) == phrase for phrase in _by_first(rules.phrases).get(low, ()))


@cache
def _by_first(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases by their first word: "is", "was", "are" start many, and only those can match there."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        out.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(group) for first, group in out.items()}
