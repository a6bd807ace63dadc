"""A source's track record, read from its claims and the links between claims.

How links are read (a claim's date is the day it was made, else its article's publication date):
- a `conflict` link with method `denial` from claim a to claim b: a's source denied b (b's source, when
  only b has the stance "deny");
- any other `conflict` link: the two claims contradict each other;
- an `agree` link with a claim of another source made later: that source corroborated the claim later;
  made earlier: the claim repeated what that source had reported; made the same day: they agreed;
- first to report: the claim is dated strictly before every other source's claim in its group of claims
  joined by `agree` links.

Other sources are named by canonical name with their affiliation: "denied by Mustefa Bali (SDF) on 2019-03-22".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .records import Link
from .render import claim_source
from .store import KnownSource, Store

# An agree-group larger than this is a topic, not a story: stop walking it (first-to-report stays exact
# for groups up to this size).
MAX_GROUP = 2000
EVENT_ORDER = ("first to report", "denied", "contradicted", "corroborated", "agreed", "repeated", "denial issued")


@dataclass
class Event:
    """Something that happened to (or was done by) one of the audited source's claims."""

    claim: int
    kind: str  # one of EVENT_ORDER
    by: str | None
    on: str | None
    other_claim: int | None
    other_text: str | None
    reason: str

    def summary(self) -> str:
        when = f" on {self.on}" if self.on else ""
        if self.kind == "denied":
            return f"denied by {self.by}{when}"
        if self.kind == "contradicted":
            return f"contradicted by {self.by}{when}"
        if self.kind == "corroborated":
            return f"corroborated by {self.by}{when}"
        if self.kind == "agreed":
            return f"agreed with {self.by}{when}"
        if self.kind == "repeated":
            return f"repeated what {self.by} reported{when}"
        if self.kind == "denial issued":
            return f"denied a claim by {self.by}{' of ' + self.on if self.on else ''}"
        return f"reported first{when}; later reported by {self.by}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": self.kind, "summary": self.summary(), "by": self.by, "on": self.on,
            "other_claim": self.other_claim, "other_content": self.other_text, "reason": self.reason,
        }


@dataclass
class AuditedClaim:
    id: int
    date: str | None
    article: str
    content: str
    stance: str
    hedged: bool
    events: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "date": self.date, "article": self.article, "content": self.content,
            "stance": self.stance, "hedged": self.hedged, "events": [e.to_dict() for e in self.events],
        }


@dataclass
class SourceAudit:
    source: KnownSource
    claims: list[AuditedClaim]

    def events(self, kind: str) -> list[Event]:
        return [e for c in self.claims for e in c.events if e.kind == kind]

    def summary(self) -> list[str]:
        """One line per event, in claim order: what a reader asks of a source's record."""
        return [f"claim {c.id} ({c.date or 'undated'}): {e.summary()}" for c in self.claims for e in c.events]

    def to_dict(self) -> dict[str, Any]:
        def names(kind: str) -> list[str]:
            return list(dict.fromkeys(e.by for e in self.events(kind) if e.by))

        return {
            "source": self.source.name,
            "kind": self.source.kind,
            "affiliation": self.source.affiliation,
            "aliases": [a for a in self.source.aliases if a != self.source.name],
            "claims": [c.to_dict() for c in self.claims],
            "denied_by": names("denied"),
            "contradicted_by": names("contradicted"),
            "corroborated_by": names("corroborated"),
            "first_to_report": [e.claim for e in self.events("first to report")],
            "denials": [e.to_dict() | {"claim": e.claim} for e in self.events("denial issued")],
            "summary": self.summary(),
        }

    def rows(self) -> list[dict[str, Any]]:
        """Flat rows for a table or CSV: each claim, then one row per event."""
        rows: list[dict[str, Any]] = []
        for claim in self.claims:
            rows.append({"claim": claim.id, "date": claim.date, "event": "claim", "by": None, "on": None,
                         "summary": f"{claim.stance}{' (hedged)' if claim.hedged else ''}", "content": claim.content})
            for event in claim.events:
                rows.append({"claim": claim.id, "date": claim.date, "event": event.kind, "by": event.by,
                             "on": event.on, "summary": event.summary(), "content": event.other_text})
        return rows


def audit_source(store: Store, name: str) -> SourceAudit:
    """The record of the source a user names (any spelling): its claims and what became of them.

    Raises StoreError (with close spellings) when no source has that name.
    """
    source = store.find_source(name)
    own_ids = store.source_claim_ids(source.id)
    links = store.links_touching(own_ids)
    rows = store.claim_rows(own_ids + [x for link in links for x in (link.a, link.b)])
    own = set(own_ids)
    claims = {
        claim_id: AuditedClaim(claim_id, rows[claim_id]["date"], rows[claim_id]["doc"], rows[claim_id]["content"],
                               rows[claim_id]["stance"], bool(rows[claim_id]["hedged"]))
        for claim_id in own_ids
    }
    for link in links:
        for mine, other in ((link.a, link.b), (link.b, link.a)):
            if mine in own and other not in own:
                event = _event(link, mine, other, rows)
                if event is not None:
                    claims[mine].events.append(event)
    for claim_id in own_ids:
        first = _first_report(store, claim_id, rows, source.id)
        if first is not None:
            claims[claim_id].events.append(first)
    for claim in claims.values():
        claim.events.sort(key=lambda e: (EVENT_ORDER.index(e.kind), e.on or "", e.other_claim or 0))
    return SourceAudit(source, [claims[i] for i in own_ids])


def _event(link: Link, mine: int, other: int, rows: dict[int, dict[str, Any]]) -> Event | None:
    me, them = rows[mine], rows[other]
    by, on = claim_source(them), them["date"]
    if link.relation == "conflict":
        if link.method != "denial":
            kind = "contradicted"
        else:
            kind = "denial issued" if denier(link, rows) == mine else "denied"
        return Event(mine, kind, by, on, other, them["content"], link.reason)
    if them["source_id"] is None or them["source_id"] == me["source_id"]:
        return None
    if me["date"] and on and on > me["date"]:
        kind = "corroborated"
    elif me["date"] and on and on < me["date"]:
        kind = "repeated"
    else:
        # Same day (or undated): neither came later, so neither corroborates the other.
        kind = "agreed"
    return Event(mine, kind, by, on, other, them["content"], link.reason)


def denier(link: Link, rows: dict[int, dict[str, Any]]) -> int:
    """Which claim of a denial link issued the denial: a, unless only b has the stance "deny"."""
    if rows[link.a]["stance"] != "deny" and rows[link.b]["stance"] == "deny":
        return link.b
    return link.a


def _first_report(store: Store, claim_id: int, rows: dict[int, dict[str, Any]], source_id: int) -> Event | None:
    """Whether `claim_id` is dated before every other source's claim it is joined to by agree links."""
    group = agree_group(store, claim_id)
    others = store.claim_rows(group - {claim_id})
    rows.update(others)
    mine = rows[claim_id]["date"]
    rivals = [r for r in others.values() if r["source_id"] is not None and r["source_id"] != source_id]
    if not mine or not rivals:
        return None
    if any(not r["date"] or r["date"] <= mine for r in rivals):
        return None
    later = sorted(rivals, key=lambda r: (r["date"], r["id"]))
    names = list(dict.fromkeys(claim_source(r) for r in later))
    return Event(claim_id, "first to report", ", ".join(names), mine, later[0]["id"], later[0]["content"],
                 "earliest claim among those that agree")


def agree_group(store: Store, start: int) -> set[int]:
    """The claims joined to `start` by agree links, either way, `start` included (at most MAX_GROUP)."""
    seen = {start}
    frontier = [start]
    while frontier and len(seen) < MAX_GROUP:
        found = store.links_touching(frontier)
        frontier = []
        for link in found:
            if link.relation != "agree":
                continue
            for claim in (link.a, link.b):
                if claim not in seen:
                    seen.add(claim)
                    frontier.append(claim)
    return seen
