"""Nesting: what happens when one statement's cue lies inside another statement's content.

"Bali denied reports by Fox News that …" holds two statements: the denial, and the report it denies. Both
are kept, in both languages, so that the denial can later be linked to the claim it denies. Beyond denials
the grammar's corpus convention decides (`nesting` in the lexicon's [engine] table):

- "all": every nested statement is kept as its own statement (the Dutch gold annotates them separately);
- "outer": within a sentence, competing readings are settled outer-first, as PolNeAR keeps only the outer
  attribution: an "according to" frame first ("X said …, according to Y"), then the reading whose content
  holds the most other cues, then text order; a statement whose cue lies inside the content of one already
  kept is dropped, unless that one is a denial. A cue inside an earlier sentence's kept content (a quote
  that runs on, a transcript paragraph) is dropped the same way.

What it does not do: it never splits or trims a content around the statement nested in it; the hedging
stage skips nested statements when it reads the outer content.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...records import Statement
from .found import Found

POLICIES = ("all", "outer")


def cue_inside(inner: Statement, outer: Statement) -> bool:
    """The cue of `inner` starts inside a piece of `outer`'s content."""
    start = inner.cue.start
    return any(s <= start < e for s, e in outer.content.pieces())


def _blocks(outer: Statement, inner: Statement) -> bool:
    return outer.stance != "deny" and cue_inside(inner, outer)


def resolve(found: list[Found], policy: str) -> list[Found]:
    """The statements kept under `policy` ("all" or "outer"), in sentence order."""
    if policy == "all":
        return found
    if policy not in POLICIES:
        raise ValueError(f"nesting policy {policy!r}: expected one of {', '.join(POLICIES)}")
    kept: list[Found] = []
    claimed: list[tuple[int, int]] = []  # content pieces of the kept statements that are no denials
    for sentence in _by_sentence(found):
        # A piece that ends before this sentence's first cue cannot hold a cue of this or a later sentence.
        first_cue = min(f.statement.cue.start for f in sentence)
        claimed = [p for p in claimed if p[1] > first_cue]
        for candidate in _outer_first(sentence):
            cue = candidate.statement.cue.start
            if any(s <= cue < e for s, e in claimed):
                continue
            kept.append(candidate)
            if candidate.statement.stance != "deny":
                claimed.extend(candidate.statement.content.pieces())
    return kept


def _by_sentence(found: Iterable[Found]) -> list[list[Found]]:
    groups: dict[int, list[Found]] = {}
    for f in found:
        groups.setdefault(f.sentence, []).append(f)
    return [groups[n] for n in sorted(groups)]


def _outer_first(candidates: list[Found]) -> list[Found]:
    def holds(f: Found) -> int:
        return sum(cue_inside(other.statement, f.statement) for other in candidates)

    accepted: list[Found] = []
    for candidate in sorted(candidates, key=lambda f: (f.frame != "according", -holds(f), f.order)):
        statement = candidate.statement
        if any(_blocks(other.statement, statement) or _blocks(statement, other.statement) for other in accepted):
            continue
        accepted.append(candidate)
    return accepted
