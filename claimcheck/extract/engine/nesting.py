"""Nesting: what happens when one statement's cue lies inside another statement's content.

"Bali denied reports by Fox News that …" holds two statements: the denial, and the report it denies. Both
are kept, in both languages, so that the denial can later be linked to the claim it denies. Beyond denials
the grammar's corpus convention decides (`nesting` in the lexicon's [engine] table):

- "all": every nested statement is kept as its own statement (the Dutch gold annotates them separately);
- "outer": within a sentence, competing readings are settled outer-first, as PolNeAR keeps only the outer
  attribution: an "according to" frame first ("X said …, according to Y"), then the reading whose content
  holds the most other cues, then text order; a statement whose cue lies inside the content of one already
  kept is dropped, unless that one is a denial, or unless it is a plain report (its cue is "say", `REPORTS`)
  inside a frame other than speech, address or "according to" ("X criticized the plan, which Y said would
  fail", "Polling shows that voters …, said Z" keep both readings), or a speech reading whose cue lies
  `FAR` characters or more past the outer one's cue (a content that runs that far has mostly run past its
  end). On the PolNeAR training split, a "say" nested in such a frame is a gold cue of its own 6 times in 10
  (its content 5 in 10), a far speech reading 4.5 in 10 (content 4 in 10); a "say" nested in a speech,
  address or "according to" frame 3 in 10 (content 2 in 10), a near speech reading 3 in 10, and any other
  nested cue 2 in 10: too few to pay for the readings that are wrong (cue F1 is 0.69). A cue
  inside an earlier sentence's kept content (a quote that runs on, a transcript paragraph) is dropped the
  same way.

What it does not do: it never splits or trims a content around the statement nested in it; the hedging
stage skips nested statements when it reads the outer content.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...records import Statement
from .found import Found

POLICIES = ("all", "outer")
# The cue keys of a plain report, as the grammars key them (an English lemma), and the frames of the readings
# that cannot hold one: a report nested in another frame stays under the "outer" policy.
REPORTS = frozenset({"say"})
_HOLDS_REPORTS = frozenset({"speech", "address", "according"})
# How far (characters) past the outer cue a nested speech cue stays.
FAR = 100


def cue_inside(inner: Statement, outer: Statement) -> bool:
    """The cue of `inner` starts inside a piece of `outer`'s content."""
    start = inner.cue.start
    return any(s <= start < e for s, e in outer.content.pieces())


def _blocks(outer: Found, inner: Found) -> bool:
    return outer.statement.stance != "deny" and cue_inside(inner.statement, outer.statement) and \
        not _kept_inside(inner, outer)


def _kept_inside(inner: Found, outer: Found) -> bool:
    """A plain report stays when nested in a frame other than a speech frame, a speech reading when far from
    the outer cue."""
    return inner.cue_key in REPORTS and outer.frame not in _HOLDS_REPORTS or \
        inner.frame == "speech" and inner.statement.cue.start - outer.statement.cue.start >= FAR


def resolve(found: list[Found], policy: str) -> list[Found]:
    """The statements kept under `policy` ("all" or "outer"), in sentence order."""
    if policy == "all":
        return found
    if policy not in POLICIES:
        raise ValueError(f"nesting policy {policy!r}: expected one of {', '.join(POLICIES)}")
    kept: list[Found] = []
    # content pieces of the kept statements that are no denials, with the statement that claims them
    claimed: list[tuple[int, int, Found]] = []
    for sentence in _by_sentence(found):
        # A piece that ends before this sentence's first cue cannot hold a cue of this or a later sentence.
        first_cue = min(f.statement.cue.start for f in sentence)
        claimed = [p for p in claimed if p[1] > first_cue]
        for candidate in _outer_first(sentence):
            cue = candidate.statement.cue.start
            if any(s <= cue < e and not _kept_inside(candidate, outer) for s, e, outer in claimed):
                continue
            kept.append(candidate)
            if candidate.statement.stance != "deny":
                claimed.extend((s, e, candidate) for s, e in candidate.statement.content.pieces())
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
        if any(_blocks(other, candidate) or _blocks(candidate, other) for other in accepted):
            continue
        accepted.append(candidate)
    return accepted
