"""What a report shows, read from the store: conflicts in their article context, stories, audits, a source graph.

Everything here is plain data; `claimcheck.report.html` turns it into the page. Lists are capped (the most
confident conflicts, the stories with most links, the sources with most links) so a store of many thousands of
claims still gives a page a browser opens at once; the page says what it left out.

A story is a group of articles joined by links between their claims (an article with no links is a story of
its own); its timeline is who claimed what when, across those articles. Claims that copy a stored claim's text
(one report republished) are left out of timelines, as they are left out of links.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..audit import SourceAudit, audit_source
from ..errors import StoreError
from ..records import Link
from ..render import source_display
from ..store import Store

MAX_CONFLICTS = 200
MAX_STORIES = 30
MAX_STORY_CLAIMS = 60
MAX_AUDITS = 15
MAX_GRAPH_SOURCES = 40
MAX_SCOPE_CLAIMS = 20_000
CONTEXT_CHARS = 220  # article text shown on either side of the highlighted claims
MAX_JOINED_SPAN = 1_200  # two claims further apart than this in one article get an excerpt each


@dataclass(frozen=True)
class ReportFilter:
    """Which part of the store a report covers; every field None means the whole store."""

    source: str | None = None
    search: str | None = None
    since: str | None = None
    until: str | None = None

    def describe(self) -> str:
        parts = []
        if self.source:
            parts.append(f"source {self.source}")
        if self.search:
            parts.append(f"story words “{self.search}”")
        if self.since or self.until:
            parts.append(f"dated {self.since or '…'} to {self.until or '…'}")
        return "; ".join(parts) or "the whole store"

    @property
    def empty(self) -> bool:
        return not (self.source or self.search or self.since or self.until)


@dataclass
class Segment:
    """A run of article text and the marks on it: "a"/"b" (a claim's content), "a-attr"/"b-attr" (who said it)."""

    text: str
    marks: frozenset[str]


@dataclass
class Excerpt:
    article: str
    title: str | None
    segments: list[Segment]
    cut_before: bool
    cut_after: bool


@dataclass
class Side:
    """One claim of a conflict."""

    id: int
    source: str | None
    date: str | None
    stance: str
    hedged: bool
    cue: str
    content: str
    article: str
    title: str | None


@dataclass
class ConflictEntry:
    a: Side
    b: Side
    confidence: float
    score: float
    method: str
    reason: str
    excerpts: list[Excerpt]


@dataclass
class TimelineEntry:
    id: int
    date: str | None
    source: str | None
    cue: str
    content: str
    stance: str
    hedged: bool
    article: str
    relations: list[tuple[str, int, str | None]]  # (relation, other claim id, other source)


@dataclass
class Story:
    title: str
    articles: list[str]
    entries: list[TimelineEntry]
    conflicts: int
    agreements: int
    sources: list[str]
    left_out: int  # claims of the story not shown


@dataclass
class GraphNode:
    name: str
    x: float
    y: float
    agree: int
    conflict: int


@dataclass
class GraphEdge:
    a: int  # node indexes
    b: int
    agree: int
    conflict: int


@dataclass
class Report:
    title: str
    filter: ReportFilter
    counts: dict[str, int]
    conflicts: list[ConflictEntry]
    conflicts_total: int
    stories: list[Story]
    stories_total: int
    audits: list[SourceAudit]
    audits_total: int
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    graph_sources_total: int
    notes: list[str] = field(default_factory=list)


def build_report(store: Store, chosen: ReportFilter | None = None, title: str | None = None) -> Report:
    """Gather a report on the claims `chosen` selects (the whole store by default).

    Raises StoreError for an unknown --source (naming close spellings) or an inverted date range.
    """
    chosen = chosen or ReportFilter()
    if chosen.since and chosen.until and chosen.since > chosen.until:
        raise StoreError(f"--since {chosen.since} is after --until {chosen.until}")
    scope = _scope_claims(store, chosen)
    # A link counts when either of its claims is selected (as `claimcheck conflicts` filters).
    links = store.links_touching(scope) if scope else []
    rows = store.claim_rows(set(scope) | {x for link in links for x in (link.a, link.b)})
    articles = _ArticleTexts(store)

    conflicts_all = [link for link in links if link.relation == "conflict"]
    # Most confident first; among equals the newer (by the later claim's date), then the later judged.
    conflicts_all.sort(key=lambda link: (_later(rows, link), link.a, link.b), reverse=True)
    conflicts_all.sort(key=lambda link: -link.confidence)
    conflicts = [_conflict(link, rows, articles) for link in conflicts_all[:MAX_CONFLICTS]]

    stories, stories_total = _stories(store, scope, links, rows, chosen)
    audits, audits_total = _audits(store, links, rows, chosen)
    nodes, edges, graph_total = _graph(links, rows)
    notes = []
    if len(scope) >= MAX_SCOPE_CLAIMS:
        notes.append(f"Only the first {MAX_SCOPE_CLAIMS:,} claims selected were read; narrow the filter for the rest.")
    return Report(
        title=title or f"claimcheck report: {store.path.name}",
        filter=chosen,
        counts={
            "claims": len(scope),
            "articles": len({rows[i]["article"] for i in scope if i in rows}),
            "sources": len({rows[i]["source_id"] for i in scope if i in rows and rows[i]["source_id"] is not None}),
            "conflicts": len(conflicts_all),
            "agreements": sum(1 for link in links if link.relation == "agree"),
        },
        conflicts=conflicts,
        conflicts_total=len(conflicts_all),
        stories=stories,
        stories_total=stories_total,
        audits=audits,
        audits_total=audits_total,
        nodes=nodes,
        edges=edges,
        graph_sources_total=graph_total,
        notes=notes,
    )


# --- scope ---------------------------------------------------------------------------------------------------


def _scope_claims(store: Store, chosen: ReportFilter) -> list[int]:
    if chosen.empty:
        # The whole store: ids straight from the table, without list_claims's per-row dictionaries.
        return store.claim_ids(MAX_SCOPE_CLAIMS)
    found = store.list_claims(search=chosen.search, source=chosen.source, since=chosen.since, until=chosen.until,
                              limit=MAX_SCOPE_CLAIMS)
    return [row["id"] for row in found]


def _in_range(row: dict[str, Any], chosen: ReportFilter) -> bool:
    date = row.get("date")
    if chosen.since and (not date or date < chosen.since):
        return False
    return not (chosen.until and (not date or date > chosen.until))


def _later(rows: dict[int, dict[str, Any]], link: Link) -> str:
    return max((rows[i]["date"] or "" for i in (link.a, link.b) if i in rows), default="")


class _ArticleTexts:
    """Article rows by id, each read once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.cache: dict[int, dict[str, Any] | None] = {}

    def get(self, article_id: int) -> dict[str, Any] | None:
        if article_id not in self.cache:
            self.cache[article_id] = self.store.article(article_id)
        return self.cache[article_id]


# --- conflicts -----------------------------------------------------------------------------------------------


def _side(row: dict[str, Any]) -> Side:
    return Side(
        id=row["id"], source=source_display(row["source"], row["affiliation"]) or row["source_text"],
        date=row["date"], stance=row["stance"], hedged=bool(row["hedged"]), cue=row["cue"], content=row["content"],
        article=row["doc"], title=row["title"],
    )


def _conflict(link: Link, rows: dict[int, dict[str, Any]], articles: _ArticleTexts) -> ConflictEntry:
    a, b = rows[link.a], rows[link.b]
    ranges_by_article: dict[int, list[tuple[str, int, int]]] = defaultdict(list)
    for label, row in (("a", a), ("b", b)):
        ranges_by_article[row["article"]].append((label, row["content_start"], row["content_end"]))
        ranges_by_article[row["article"]].append((f"{label}-attr", row["span_start"], row["span_end"]))
    excerpts: list[Excerpt] = []
    for article_id, ranges in ranges_by_article.items():
        article = articles.get(article_id)
        if article is None:
            continue
        excerpts.extend(excerpts_of(article["text"], ranges, article["doc"], article["title"]))
    return ConflictEntry(_side(a), _side(b), float(link.confidence), float(link.score), link.method, link.reason,
                         excerpts)


def excerpts_of(text: str, ranges: list[tuple[str, int, int]], article: str = "",
                title: str | None = None) -> list[Excerpt]:
    """Windows of `text` around the labelled character ranges, cut into segments by the marks on them.

    Ranges close together share one window; a range outside the text is dropped rather than guessed at.
    """
    valid = sorted((r for r in ranges if 0 <= r[1] < r[2] <= len(text)), key=lambda r: (r[1], r[2]))
    groups: list[list[tuple[str, int, int]]] = []
    for item in valid:
        if groups and item[1] - max(r[2] for r in groups[-1]) <= MAX_JOINED_SPAN:
            groups[-1].append(item)
        else:
            groups.append([item])
    out = []
    for group in groups:
        low = min(r[1] for r in group)
        high = max(r[2] for r in group)
        start, end = _snap(text, low - CONTEXT_CHARS, high + CONTEXT_CHARS)
        cuts = sorted({start, end} | {max(start, min(end, p)) for r in group for p in r[1:]})
        segments = []
        for left, right in zip(cuts, cuts[1:], strict=False):
            if right <= left:
                continue
            marks = frozenset(label for label, s, e in group if s <= left and right <= e)
            segments.append(Segment(text[left:right], marks))
        out.append(Excerpt(article, title, segments, start > 0, end < len(text)))
    return out


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """The window widened or narrowed to whole words (and to a paragraph start when one is near)."""
    start, end = max(0, start), min(len(text), end)
    if start > 0:
        paragraph = text.rfind("\n", start - 80, start)
        if paragraph >= 0:
            start = paragraph + 1
        else:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < start + 40 else start
    if end < len(text):
        space = text.rfind(" ", end - 40, end)
        end = space if space > 0 else end
    return start, end


# --- stories -------------------------------------------------------------------------------------------------


def _stories(store: Store, scope: list[int], links: list[Link], rows: dict[int, dict[str, Any]],
             chosen: ReportFilter) -> tuple[list[Story], int]:
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for claim in scope:
        if claim in rows:
            find(rows[claim]["article"])
    for link in links:
        if link.a in rows and link.b in rows:
            parent[find(rows[link.a]["article"])] = find(rows[link.b]["article"])
    members: dict[int, set[int]] = defaultdict(set)
    for article in list(parent):
        members[find(article)].add(article)
    link_count: Counter[int] = Counter()
    for link in links:
        if link.a in rows:
            link_count[find(rows[link.a]["article"])] += 1
    scope_count: Counter[int] = Counter(find(rows[c]["article"]) for c in scope if c in rows)
    ranked = sorted(members, key=lambda root: (-link_count[root], -scope_count[root], -len(members[root]), root))
    stories = [_story(store, members[root], links, chosen) for root in ranked[:MAX_STORIES]]
    return [s for s in stories if s.entries], len(ranked)


def _story(store: Store, articles: set[int], links: list[Link], chosen: ReportFilter) -> Story:
    ids = store.original_claim_ids(sorted(articles))
    rows = store.claim_rows(ids)
    kept = [rows[i] for i in ids if i in rows and _in_range(rows[i], chosen)]
    kept.sort(key=lambda r: (r["date"] or "9999", r["article"], r["content_start"]))
    own = {row["id"] for row in kept}
    relations: dict[int, list[tuple[str, int, str | None]]] = defaultdict(list)
    story_links = [link for link in links if link.a in own or link.b in own]
    others = store.claim_rows({x for link in story_links for x in (link.a, link.b)} - own)
    names = {i: source_display(r["source"], r["affiliation"]) for i, r in {**rows, **others}.items()}
    for link in story_links:
        for mine, other in ((link.a, link.b), (link.b, link.a)):
            if mine in own:
                relations[mine].append((link.relation, other, names.get(other)))
    entries = [
        TimelineEntry(
            id=row["id"], date=row["date"], source=source_display(row["source"], row["affiliation"]),
            cue=row["cue"], content=row["content"], stance=row["stance"], hedged=bool(row["hedged"]),
            article=row["doc"], relations=relations[row["id"]],
        )
        for row in kept
    ]
    # Linked claims first when the story is too long to show whole, then back into date order.
    if len(entries) > MAX_STORY_CLAIMS:
        chosen_ids = {e.id for e in sorted(entries, key=lambda e: not e.relations)[:MAX_STORY_CLAIMS]}
        shown = [e for e in entries if e.id in chosen_ids]
    else:
        shown = entries
    article_rows = sorted(
        {(r["published"] or "9999", r["doc"], r["title"]) for r in rows.values() if r["id"] in own})
    title = next((t for _, _, t in article_rows if t), Path(article_rows[0][1]).name if article_rows else "")
    return Story(
        title=title,
        articles=list(dict.fromkeys(doc for _, doc, _ in article_rows)),
        entries=shown,
        conflicts=sum(1 for link in story_links if link.relation == "conflict"),
        agreements=sum(1 for link in story_links if link.relation == "agree"),
        sources=list(dict.fromkeys(e.source for e in entries if e.source)),
        left_out=len(entries) - len(shown),
    )


# --- audits --------------------------------------------------------------------------------------------------


def _audits(store: Store, links: list[Link], rows: dict[int, dict[str, Any]],
            chosen: ReportFilter) -> tuple[list[SourceAudit], int]:
    linked: Counter[str] = Counter()
    for link in links:
        for claim in (link.a, link.b):
            if claim in rows and rows[claim]["source"]:
                linked[rows[claim]["source"]] += 1
    names = [name for name, _ in sorted(linked.items(), key=lambda item: (-item[1], item[0]))]
    if chosen.source:
        wanted = store.find_source(chosen.source).name
        names = [wanted] + [n for n in names if n != wanted]
    audits: list[SourceAudit] = []
    seen: set[int] = set()
    for name in names[:MAX_AUDITS]:
        audit = audit_source(store, name)
        if audit.source.id not in seen:
            seen.add(audit.source.id)
            audits.append(audit)
    return audits, len(names)


# --- graph ---------------------------------------------------------------------------------------------------


def _graph(links: Iterable[Link], rows: dict[int, dict[str, Any]]) -> tuple[list[GraphNode], list[GraphEdge], int]:
    pairs: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    degree: Counter[str] = Counter()
    for link in links:
        a, b = rows.get(link.a), rows.get(link.b)
        if a is None or b is None:
            continue
        name_a = source_display(a["source"], a["affiliation"])
        name_b = source_display(b["source"], b["affiliation"])
        if not name_a or not name_b or name_a == name_b:
            continue
        key = (min(name_a, name_b), max(name_a, name_b))
        pairs[key][link.relation] += 1
        degree[name_a] += 1
        degree[name_b] += 1
    shown = [name for name, _ in sorted(degree.items(), key=lambda item: (-item[1], item[0]))[:MAX_GRAPH_SOURCES]]
    index = {name: i for i, name in enumerate(shown)}
    nodes = [GraphNode(name, *circle_position(i, len(shown)), 0, 0) for i, name in enumerate(shown)]
    edges = []
    for (name_a, name_b), counts in sorted(pairs.items()):
        if name_a in index and name_b in index:
            edges.append(GraphEdge(index[name_a], index[name_b], counts["agree"], counts["conflict"]))
            for name in (name_a, name_b):
                nodes[index[name]].agree += counts["agree"]
                nodes[index[name]].conflict += counts["conflict"]
    return nodes, edges, len(degree)


def circle_position(i: int, n: int) -> tuple[float, float]:
    """Node i of n on the unit circle, the first at the top, going clockwise (one node sits at the centre,
    two side by side)."""
    import math

    if n <= 1:
        return 0.0, 0.0
    if n == 2:
        return (-1.0, 0.0) if i == 0 else (1.0, 0.0)
    angle = -math.pi / 2 + 2 * math.pi * i / n
    return math.cos(angle), math.sin(angle)
