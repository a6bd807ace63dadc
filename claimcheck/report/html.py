"""The report as one self-contained HTML page: inline CSS, inline SVG and a little inline JS, nothing fetched.

A Content-Security-Policy in the page itself forbids every load from elsewhere, so opening it makes no network
request even if a later change slipped one in. Every piece of store text goes through `html.escape`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime
from html import escape

from ..audit import SourceAudit
from ..extract.dates import parse_iso
from .data import ConflictEntry, Excerpt, GraphEdge, GraphNode, Report, Side, Story, TimelineEntry

CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
       "base-uri 'none'; form-action 'none'")
MAX_AUDIT_CLAIMS = 25
MAX_LANES = 10


def e(value: object) -> str:
    """Text (or None) as escaped HTML, quotes included, so it is safe in content and attribute values."""
    return "" if value is None else escape(str(value), quote=True)


def render_html(report: Report, generated: datetime | None = None) -> str:
    generated = generated or datetime.now(UTC)
    shown = _claim_anchors(report)
    body = "\n".join([
        _header(report, generated),
        "<main>",
        _conflicts(report, shown),
        _graph(report),
        _timelines(report, shown),
        _audits(report),
        "</main>",
    ])
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{e(report.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n"
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


def _claim_anchors(report: Report) -> set[int]:
    """Claims that have an anchor on the page (their timeline line), so links to them never dangle."""
    return {entry.id for story in report.stories for entry in story.entries}


def _claim_ref(claim: int, shown: set[int]) -> str:
    return f'<a href="#claim-{claim}">#{claim}</a>' if claim in shown else f"#{claim}"


# --- header --------------------------------------------------------------------------------------------------


def _header(report: Report, generated: datetime) -> str:
    counts = " · ".join(f"<b>{n:,}</b> {e(what if n != 1 else what.removesuffix('s'))}"
                        for what, n in report.counts.items())
    notes = "".join(f'<p class="note">{e(note)}</p>' for note in report.notes)
    return f"""<header class="top">
<h1>{e(report.title)}</h1>
<p class="scope">Covers {e(report.filter.describe())}: {counts}. Made {e(generated.strftime("%Y-%m-%d %H:%M UTC"))}.</p>
{notes}<nav><a href="#conflicts">Conflicts</a> <a href="#graph">Source graph</a> <a href="#timelines">Timelines</a>
<a href="#audits">Source audits</a>
<label>Find on this page <input id="find" type="search" placeholder="a name or a word" autocomplete="off"></label>
</nav>
</header>"""


def _shown_of(shown: int, total: int, one: str, many: str) -> str:
    if shown >= total:
        return f"{total:,} {one if total == 1 else many}"
    return f"the first {shown:,} of {total:,} {many}"


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


# --- conflicts -----------------------------------------------------------------------------------------------


def _conflicts(report: Report, shown: set[int]) -> str:
    cards = [_conflict(i, c, shown) for i, c in enumerate(report.conflicts, 1)]
    intro = _shown_of(len(report.conflicts), report.conflicts_total, "conflict", "conflicts, most confident first")
    empty = '<p class="empty">No conflicts in this selection.</p>' if not cards else ""
    return (f'<section id="conflicts"><h2>Conflicts</h2><p class="intro">{e(intro.capitalize())}. Claim A is '
            f'<mark class="hl hl-a">marked so</mark>, claim B <mark class="hl hl-b">so</mark>, who said it '
            f'<span class="attr attr-a">underlined</span>.</p>{empty}' + "\n".join(cards) + "</section>")


def _conflict(number: int, item: ConflictEntry, shown: set[int]) -> str:
    excerpts = "".join(_excerpt(x) for x in item.excerpts)
    return f"""<article class="card conflict" id="conflict-{number}" data-find>
<p class="meta"><span class="method">{e(item.method)}</span> confidence <b>{item.confidence:.2f}</b>
 · similarity {item.score:.2f}</p>
<div class="pair">{_side("a", item.a, shown)}{_side("b", item.b, shown)}</div>
<p class="reason"><b>Why:</b> {e(item.reason)}</p>
{excerpts}
</article>"""


def _side(label: str, side: Side, shown: set[int]) -> str:
    stance = side.stance + (", hedged" if side.hedged else "")
    return f"""<div class="claim side-{label}"><span class="tag tag-{label}">{label.upper()}</span>
<b>{e(side.source or "an unnamed source")}</b> <i>{e(side.cue)}</i> ({e(stance)}), {e(side.date or "undated")}:
<q>{e(side.content)}</q>
<span class="ref">{_claim_ref(side.id, shown)} in {e(side.title or side.article)}</span></div>"""


def _excerpt(excerpt: Excerpt) -> str:
    parts = ["…" if excerpt.cut_before else ""]
    for segment in excerpt.segments:
        text = e(segment.text).replace("\n", "<br>")
        claims = sorted(m for m in segment.marks if m in ("a", "b"))
        attrs = sorted(m for m in segment.marks if m.endswith("-attr"))
        if claims:
            classes = " ".join(f"hl-{m}" for m in claims)
            parts.append(f'<mark class="hl {classes}">{text}</mark>')
        elif attrs:
            classes = " ".join(f"attr-{m[0]}" for m in attrs)
            parts.append(f'<span class="attr {classes}">{text}</span>')
        else:
            parts.append(text)
    parts.append("…" if excerpt.cut_after else "")
    cite = excerpt.title or excerpt.article
    doc = f" <span class=\"doc\">{e(excerpt.article)}</span>" if excerpt.title else ""
    return f'<blockquote class="excerpt"><cite>{e(cite)}{doc}</cite><p>{"".join(parts)}</p></blockquote>'


# --- graph ---------------------------------------------------------------------------------------------------


GRAPH_W, GRAPH_H, GRAPH_R = 960, 620, 230
Place = Callable[[GraphNode], tuple[float, float]]


def _graph(report: Report) -> str:
    title = '<section id="graph"><h2>Sources linked by agreement and conflict</h2>'
    if not report.edges:
        return title + '<p class="empty">No links between two named sources in this selection.</p></section>'
    intro = _shown_of(len(report.nodes), report.graph_sources_total, "source with links",
                      "sources with links, most linked first")
    # A few sources need little room: the drawing shrinks with them.
    height = GRAPH_H if len(report.nodes) > 6 else 320
    cx, cy = GRAPH_W / 2, height / 2
    radius = GRAPH_R if len(report.nodes) > 6 else 110

    def at(node: GraphNode) -> tuple[float, float]:
        return cx + radius * node.x, cy + radius * node.y

    edges = "".join(_edge(report.nodes, edge, at) for edge in report.edges)
    nodes = "".join(_node(i, node, at, cx, cy) for i, node in enumerate(report.nodes))
    return (f"{title}<p class=\"intro\">{e(intro.capitalize())}. <span class=\"key agree\">agree</span> "
            f"<span class=\"key conflict\">conflict</span>; line width grows with the number of links. Point at a "
            f"source to see its links; click it to find it on the page.</p>"
            f'<svg id="graph-svg" role="img" aria-label="graph of sources" viewBox="0 0 {GRAPH_W} {height}" '
            f'xmlns="http://www.w3.org/2000/svg">{edges}{nodes}</svg></section>')


def _edge(nodes: list[GraphNode], edge: GraphEdge, at: Place) -> str:
    (x1, y1), (x2, y2) = at(nodes[edge.a]), at(nodes[edge.b])
    out = []
    both = edge.agree and edge.conflict
    for relation, count, bend in (("agree", edge.agree, 18), ("conflict", edge.conflict, -18)):
        if not count:
            continue
        # Two relations between one pair bend apart so both stay visible.
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        offset = bend if both else 0
        qx = (x1 + x2) / 2 - offset * (y2 - y1) / length
        qy = (y1 + y2) / 2 + offset * (x2 - x1) / length
        width = min(8.0, 1.5 + math.log2(count) * 1.5)
        names = f"{nodes[edge.a].name} and {nodes[edge.b].name}"
        out.append(
            f'<path class="edge {relation}" data-a="{edge.a}" data-b="{edge.b}" stroke-width="{width:.1f}" '
            f'd="M{x1:.1f},{y1:.1f} Q{qx:.1f},{qy:.1f} {x2:.1f},{y2:.1f}">'
            f"<title>{e(names)}: {count} {relation} link{'s' if count > 1 else ''}</title></path>")
    return "".join(out)


def _node(i: int, node: GraphNode, at: Place, cx: float, cy: float) -> str:
    x, y = at(node)
    size = 4 + min(10.0, 2 * math.sqrt(node.agree + node.conflict))
    anchor = "start" if x > cx + 5 else "end" if x < cx - 5 else "middle"
    dx = size + 4 if anchor == "start" else -(size + 4) if anchor == "end" else 0
    dy = 4 if anchor != "middle" else (-(size + 6) if y <= cy else size + 14)
    kind = "conflict" if node.conflict >= node.agree else "agree"
    label = node.name if len(node.name) <= 34 else node.name[:33] + "…"
    return (f'<g class="node {kind}" data-i="{i}" data-name="{e(node.name)}" tabindex="0">'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{size:.1f}"></circle>'
            f'<text x="{x + dx:.1f}" y="{y + dy:.1f}" text-anchor="{anchor}">{e(label)}</text>'
            f"<title>{e(node.name)}: {node.conflict} conflict, {node.agree} agree links</title></g>")


# --- timelines -----------------------------------------------------------------------------------------------


def _timelines(report: Report, shown: set[int]) -> str:
    intro = _shown_of(len(report.stories), report.stories_total, "story", "stories, most linked first")
    cards = "\n".join(_story(story, shown) for story in report.stories)
    empty = '<p class="empty">No claims in this selection.</p>' if not report.stories else ""
    return (f'<section id="timelines"><h2>Who claimed what when</h2><p class="intro">{e(intro.capitalize())}: a '
            f"story is the articles joined by links between their claims.</p>{empty}{cards}</section>")


def _story(story: Story, shown: set[int]) -> str:
    meta = [_count(len(story.articles), "article"), _count(len(story.sources), "source")]
    if story.conflicts:
        meta.append(_count(story.conflicts, "conflict"))
    if story.agreements:
        meta.append(_count(story.agreements, "agreement"))
    rows = "".join(_entry(entry, shown) for entry in story.entries)
    more = f'<p class="more">{_count(story.left_out, "more claim")} not shown.</p>' if story.left_out else ""
    return f"""<article class="card story" data-find>
<h3>{e(story.title)}</h3><p class="meta">{e(" · ".join(meta))}</p>
{_lanes(story)}
<ol class="timeline">{rows}</ol>{more}
</article>"""


def _entry(entry: TimelineEntry, shown: set[int]) -> str:
    relations = "".join(
        f'<span class="rel {e(relation)}">{"conflicts with" if relation == "conflict" else "agrees with"} '
        f"{e(other_source or 'an unnamed source')} {_claim_ref(other, shown)}</span>"
        for relation, other, other_source in entry.relations)
    hedged = " hedged" if entry.hedged else ""
    return (f'<li id="claim-{entry.id}" class="stance-{e(entry.stance)}"><time>{e(entry.date or "undated")}</time> '
            f'<b>{e(entry.source or "unnamed")}</b> <i>{e(entry.cue)}</i>'
            f'<span class="stance">{e(entry.stance)}{hedged}</span> {e(entry.content)} {relations}</li>')


def _lanes(story: Story) -> str:
    """A strip per source, a dot per dated claim, lines between linked claims: the story at a glance."""
    dated = [(entry, day) for entry in story.entries if (day := parse_iso(entry.date)) is not None]
    if not dated:
        return ""
    lanes = list(dict.fromkeys(entry.source or "unnamed" for entry, _ in dated))
    if len(lanes) > MAX_LANES:
        lanes = lanes[: MAX_LANES - 1] + ["others"]
    first = min(day for _, day in dated)
    last = max(day for _, day in dated)
    span = max(1, (last - first).days)
    left, right, lane_h, top = 190, 930, 22, 26
    height = top + lane_h * len(lanes) + 8

    def lane(entry: TimelineEntry) -> int:
        name = entry.source or "unnamed"
        return lanes.index(name) if name in lanes else len(lanes) - 1

    place: dict[int, tuple[float, float]] = {}
    stacked: dict[tuple[int, int], int] = {}
    for entry, day in dated:
        row = lane(entry)
        # Claims of one source on one day sit side by side rather than on top of each other.
        column = stacked[(row, day.toordinal())] = stacked.get((row, day.toordinal()), -1) + 1
        x = left + (right - left) * ((day - first).days / span if last != first else 0.5) + 7 * column
        place[entry.id] = (min(x, right + 20), top + lane_h * row + lane_h / 2)
    parts = [f'<svg class="lanes" viewBox="0 0 960 {height}" xmlns="http://www.w3.org/2000/svg" role="img" '
             f'aria-label="timeline">']
    for i, name in enumerate(lanes):
        y = top + lane_h * i + lane_h / 2
        label = name if len(name) <= 28 else name[:27] + "…"
        parts.append(f'<line class="lane" x1="{left}" x2="{right}" y1="{y}" y2="{y}"></line>'
                     f'<text x="{left - 8}" y="{y + 4}" text-anchor="end">{e(label)}</text>')
    parts.append(f'<text class="day" x="{left}" y="14">{e(first.isoformat())}</text>')
    if last != first:
        parts.append(f'<text class="day" x="{right}" y="14" text-anchor="end">{e(last.isoformat())}</text>')
    drawn: set[tuple[int, int]] = set()
    for entry, _ in dated:
        for relation, other, _source in entry.relations:
            pair = (min(entry.id, other), max(entry.id, other))
            if other in place and pair not in drawn:
                drawn.add(pair)
                (x1, y1), (x2, y2) = place[entry.id], place[other]
                parts.append(f'<line class="tie {e(relation)}" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" '
                             f'y2="{y2:.1f}"></line>')
    for entry, day in dated:
        x, y = place[entry.id]
        tip = f"{entry.source or 'unnamed'}, {day.isoformat()}, {entry.cue}: {entry.content}"
        parts.append(f'<a href="#claim-{entry.id}"><circle class="dot stance-{e(entry.stance)}" cx="{x:.1f}" '
                     f'cy="{y:.1f}" r="5"><title>{e(tip)}</title></circle></a>')
    parts.append("</svg>")
    return "".join(parts)


# --- audits --------------------------------------------------------------------------------------------------


def _audits(report: Report) -> str:
    intro = _shown_of(len(report.audits), report.audits_total, "source with links",
                      "sources with links, most linked first")
    cards = "\n".join(_audit(audit) for audit in report.audits)
    empty = '<p class="empty">No source in this selection has links.</p>' if not report.audits else ""
    return (f'<section id="audits"><h2>Source audits</h2><p class="intro">{e(intro.capitalize())}; each is the '
            f"source's whole record in the store.</p>{empty}{cards}</section>")


def _audit(audit: SourceAudit) -> str:
    record = audit.to_dict()
    who = " · ".join(x for x in (audit.source.kind, audit.source.affiliation or "") if x and x != "unknown")
    facts = [_count(len(audit.claims), "claim")]
    for key, words in (("denied_by", "denied by"), ("contradicted_by", "contradicted by"),
                       ("corroborated_by", "corroborated by")):
        if record[key]:
            facts.append(f"{words} {', '.join(record[key])}")
    if record["first_to_report"]:
        facts.append(f"first to report {len(record['first_to_report'])}")
    if record["denials"]:
        facts.append(f"{_count(len(record['denials']), 'denial')} issued")
    aliases = record["aliases"]
    spelled = f'<p class="meta">Also written {e("; ".join(aliases))}</p>' if aliases else ""
    claims = sorted(audit.claims, key=lambda c: not c.events)[:MAX_AUDIT_CLAIMS]
    claims.sort(key=lambda c: (c.date or "9999", c.id))
    rows = "".join(
        f"<tr><td>{e(c.date or 'undated')}</td><td><span class=\"stance\">{e(c.stance)}"
        f"{' hedged' if c.hedged else ''}</span> {e(c.content)}</td><td>"
        + ("<ul>" + "".join(f"<li>{e(ev.summary())}</li>" for ev in c.events) + "</ul>" if c.events else "—")
        + "</td></tr>"
        for c in claims)
    more = len(audit.claims) - len(claims)
    tail = f'<p class="more">{_count(more, "more claim")}, none linked, not shown.</p>' if more > 0 else ""
    return f"""<article class="card audit" data-find>
<h3>{e(audit.source.name)} <small>{e(who)}</small></h3>{spelled}
<p class="facts">{e(" · ".join(facts))}</p>
<table><thead><tr><th>date</th><th>claim</th><th>what became of it</th></tr></thead><tbody>{rows}</tbody></table>{tail}
</article>"""


STYLE = """
:root { --a: #ffd54a; --b: #7fc8ff; --agree: #2e7d32; --conflict: #c62828; --ink: #1d1d1f; --muted: #5f6368;
  --line: #dadce0; --card: #fff; --bg: #f5f6f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--bg); }
header.top { background: #20242c; color: #fff; padding: 18px 28px 12px; }
header.top h1 { margin: 0 0 4px; font-size: 21px; }
header.top .scope, header.top .note { margin: 0 0 8px; color: #cfd3da; }
nav a { color: #9fd0ff; margin-right: 14px; }
nav label { margin-left: 12px; color: #cfd3da; }
nav input { margin-left: 6px; padding: 3px 6px; border-radius: 4px; border: 0; min-width: 16em; }
main { max-width: 1060px; margin: 0 auto; padding: 8px 20px 40px; }
h2 { margin: 28px 0 4px; font-size: 19px; }
.intro, .meta, .more, .empty { color: var(--muted); margin: 2px 0 10px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px;
  margin: 12px 0; }
.card h3 { margin: 0 0 2px; font-size: 16px; }
.card h3 small { color: var(--muted); font-weight: normal; }
.method { background: #eceff1; border-radius: 4px; padding: 1px 6px; font-weight: 600; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
@media (max-width: 760px) { .pair { grid-template-columns: 1fr; } }
.claim { border-left: 4px solid var(--a); padding: 2px 10px; }
.claim.side-b { border-left-color: var(--b); }
.tag { display: inline-block; min-width: 1.4em; text-align: center; border-radius: 3px; font-weight: 700; }
.tag-a { background: var(--a); } .tag-b { background: var(--b); }
.ref { color: var(--muted); font-size: 13px; }
.reason { margin: 8px 0; }
blockquote.excerpt { margin: 8px 0 0; padding: 8px 12px; background: #fafafa; border: 1px solid #eee;
  border-radius: 6px; font-family: Georgia, "Times New Roman", serif; }
blockquote.excerpt cite { display: block; font: italic 13px system-ui, sans-serif; color: var(--muted); }
blockquote.excerpt p { margin: 4px 0 0; }
mark.hl { padding: 0 1px; border-radius: 2px; color: inherit; }
mark.hl-a { background: var(--a); }
mark.hl-b { background: var(--b); }
mark.hl-a.hl-b { background: repeating-linear-gradient(135deg, var(--a) 0 6px, var(--b) 6px 12px); }
.attr { text-decoration: underline 2px; text-underline-offset: 3px; }
.attr-a { text-decoration-color: #c79a00; } .attr-b { text-decoration-color: #1e88e5; }
.key { padding: 0 6px; border-radius: 3px; color: #fff; }
.key.agree { background: var(--agree); } .key.conflict { background: var(--conflict); }
#graph-svg { width: 100%; height: auto; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
.edge { fill: none; opacity: .75; }
.edge.agree { stroke: var(--agree); }
.edge.conflict { stroke: var(--conflict); stroke-dasharray: 7 4; }
#graph-svg.focus .edge { opacity: .08; } #graph-svg.focus .edge.on { opacity: 1; }
.node circle { stroke: #fff; stroke-width: 1.5; cursor: pointer; }
.node.conflict circle { fill: var(--conflict); } .node.agree circle { fill: var(--agree); }
.node text { font-size: 12px; fill: var(--ink); cursor: pointer; }
.node.on text { font-weight: 700; }
svg.lanes { width: 100%; height: auto; margin: 6px 0; }
svg.lanes text { font-size: 11px; fill: var(--muted); }
.lane { stroke: #e3e5e8; }
.tie { stroke-width: 2; } .tie.agree { stroke: var(--agree); }
.tie.conflict { stroke: var(--conflict); stroke-dasharray: 4 3; }
.dot { fill: #546e7a; stroke: #fff; } .dot.stance-deny { fill: var(--conflict); }
.dot.stance-predict { fill: #8e24aa; } .dot.stance-question { fill: #ef6c00; }
ol.timeline { list-style: none; padding: 0; margin: 6px 0 0; }
ol.timeline li { padding: 4px 0 4px 8px; border-top: 1px solid #f0f0f0; }
ol.timeline li:target { background: #fff8d6; }
ol.timeline time { font-variant-numeric: tabular-nums; color: var(--muted); margin-right: 6px; }
.stance { font-size: 12px; background: #eceff1; border-radius: 3px; padding: 0 4px; margin: 0 4px; }
li.stance-deny .stance { background: #ffcdd2; }
.rel { display: inline-block; font-size: 12px; border-radius: 3px; padding: 0 5px; margin-left: 4px; color: #fff; }
.rel.conflict { background: var(--conflict); } .rel.agree { background: var(--agree); }
.rel a { color: #fff; }
.audit table { border-collapse: collapse; width: 100%; font-size: 14px; }
.audit th, .audit td { text-align: left; vertical-align: top; border-top: 1px solid #eee; padding: 4px 6px; }
.audit td:first-child { white-space: nowrap; color: var(--muted); }
.audit ul { margin: 0; padding-left: 16px; }
.facts { margin: 4px 0 8px; }
[hidden] { display: none !important; }
"""

SCRIPT = """
(function () {
  "use strict";
  var find = document.getElementById("find");
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-find]"));
  function filter() {
    var words = find.value.trim().toLowerCase();
    items.forEach(function (item) {
      item.hidden = words !== "" && item.textContent.toLowerCase().indexOf(words) < 0;
    });
  }
  find.addEventListener("input", filter);
  var svg = document.getElementById("graph-svg");
  if (!svg) { return; }
  var edges = Array.prototype.slice.call(svg.querySelectorAll(".edge"));
  Array.prototype.slice.call(svg.querySelectorAll(".node")).forEach(function (node) {
    var i = node.getAttribute("data-i");
    function focus() {
      svg.classList.add("focus");
      node.classList.add("on");
      edges.forEach(function (edge) {
        edge.classList.toggle("on", edge.getAttribute("data-a") === i || edge.getAttribute("data-b") === i);
      });
    }
    function blur() {
      svg.classList.remove("focus");
      node.classList.remove("on");
    }
    node.addEventListener("mouseenter", focus);
    node.addEventListener("focus", focus);
    node.addEventListener("mouseleave", blur);
    node.addEventListener("blur", blur);
    node.addEventListener("click", function () {
      find.value = node.getAttribute("data-name");
      filter();
      document.getElementById("conflicts").scrollIntoView();
    });
  });
})();
"""


__all__ = ["render_html", "CSP"]
