"""`claimcheck report` without a browser: what the page says, that it escapes store text, that it loads nothing."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.embed import FakeEmbedder
from claimcheck.errors import StoreError
from claimcheck.ingest import default_linker, ingest
from claimcheck.reader import read_articles
from claimcheck.records import Article, Span, Statement
from claimcheck.report import ReportFilter, build_report, excerpts_of, render_html, write_report
from claimcheck.store import Store, open_store

from .conftest import SEED_TEXT
from .test_store import seed_store

runner = CliRunner()
BALI_DENIAL = "berichten van de Amerikaanse nieuwszender Fox News, donderdag, dat IS al zou zijn verslagen en de " \
              "luchtaanvallen waren gestopt"
FOX_REPORT = "IS al zou zijn verslagen en de luchtaanvallen waren gestopt"


class Page(HTMLParser):
    """The parts of a report page the tests look at: marked text by class, tags with their attributes."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.marked: dict[str, list[str]] = {"hl-a": [], "hl-b": []}
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._open: list[list[str]] = []
        self.scripts = 0
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.scripts += tag == "script"
        if tag == "mark":
            self._open.append((dict(attrs).get("class") or "").split())

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for classes in self._open:
            for name in ("hl-a", "hl-b"):
                if name in classes:
                    self.marked[name].append(data)


def conflict_marks(page: str) -> dict[str, str]:
    """The text marked A and B inside the first conflict card (the legend above the cards is left out)."""
    card = page[page.index('<article class="card conflict"'):]
    card = card[: card.index("</article>")]
    parsed = Page(card)
    return {name: "".join(parts) for name, parts in parsed.marked.items()}


@pytest.fixture
def seed(tmp_path: Path) -> Store:
    """The seed article as `claimcheck ingest --model fake` stores it: extracted, embedded, linked."""
    store = open_store(tmp_path / "seed.db")
    ingest(store, read_articles([str(SEED_TEXT)]), embedder=FakeEmbedder(), linker=default_linker())
    yield store
    store.close()


@pytest.fixture
def gold(tmp_path: Path) -> Store:
    """The seed's gold claims with the gold links: two conflicts and two agreements."""
    store, _ = seed_store(tmp_path / "gold.db")
    yield store
    store.close()


def test_the_fox_news_conflict_has_both_claims_highlighted_in_the_article(seed: Store) -> None:
    report = build_report(seed)
    [conflict] = report.conflicts
    assert (conflict.a.source, conflict.b.source) == ("Mustefa Bali (SDF)", "Fox News")
    assert (conflict.method, conflict.reason) == ("denial", "Mustefa Bali denies the report by Fox News")
    page = render_html(report)
    # The Fox News report sits inside Bali's denial: the overlap is marked as both.
    assert conflict_marks(page) == {"hl-a": BALI_DENIAL, "hl-b": FOX_REPORT}
    assert "Mustefa Bali denies the report by Fox News" in page
    assert "2019-03-21" in page and "2019-03-22" in page


def test_the_page_loads_nothing_from_elsewhere(seed: Store) -> None:
    page = render_html(build_report(seed))
    parsed = Page(page)
    for tag, attrs in parsed.tags:
        for name in ("src", "href", "data", "poster", "srcset", "action"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//", "ws:", "wss:")), (tag, name, value)
        assert not (tag == "link" and attrs.get("rel") == "stylesheet")
    assert not re.search(r"@import|url\(|fetch\(|XMLHttpRequest|WebSocket|<iframe|<link\b", page, re.IGNORECASE)
    csp = next(attrs["content"] for tag, attrs in parsed.tags
               if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy")
    assert csp is not None and "default-src 'none'" in csp


def test_store_text_is_escaped(tmp_path: Path) -> None:
    text = 'Bron <b>X</b> zegt dat "<script>alert(1)</script>" & \'niets\' waar is.'
    content_start = text.index('"<script>')
    statement = Statement(cue=Span.of(text, text.index("zegt"), text.index("zegt") + 4),
                          content=Span.of(text, content_start, len(text) - 1),
                          source=Span.of(text, 0, text.index(" zegt")), speaker="Bron <b>X</b>")
    with open_store(tmp_path / "x.db") as store:
        ingest(store, [Article(id="x", text=text, published="2019-03-01", title="</title><script>alert(2)</script>")],
               extract=lambda article, lang: ("nl", [statement]))
        page = render_html(build_report(store))
    assert Page(page).scripts == 1  # the page's own
    assert "<script>alert" not in page and "<b>X</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in page


def test_the_gold_seed_has_a_graph_timeline_and_audits(gold: Store) -> None:
    report = build_report(gold)
    names = {node.name for node in report.nodes}
    assert names == {"SDF", "Mustefa Bali (SDF)", "Fox News"}
    relations = {(report.nodes[edge.a].name, report.nodes[edge.b].name): (edge.agree, edge.conflict)
                 for edge in report.edges}
    assert relations == {("Fox News", "SDF"): (1, 0), ("Fox News", "Mustefa Bali (SDF)"): (0, 2),
                         ("Mustefa Bali (SDF)", "SDF"): (1, 0)}
    [story] = report.stories
    assert [entry.date for entry in story.entries] == sorted(entry.date or "9999" for entry in story.entries)
    assert ("conflict", 5, "Mustefa Bali (SDF)") in next(e for e in story.entries if e.source == "Fox News").relations
    assert [audit.source.name for audit in report.audits][:1] == ["Fox News"]
    page = render_html(report)
    assert "denied by Mustefa Bali (SDF) on 2019-03-22" in page
    assert page.count('class="edge conflict"') == 1 and page.count('class="edge agree"') == 2
    assert 'id="claim-4"' in page and 'href="#claim-4"' in page


def test_filters_narrow_the_report(gold: Store) -> None:
    fox = build_report(gold, ReportFilter(source="Fox News"))
    assert fox.counts["claims"] == 1 and fox.audits[0].source.name == "Fox News"
    assert fox.conflicts_total == 2
    later = build_report(gold, ReportFilter(since="2019-03-23"))
    assert {c.a.date for c in later.conflicts} | {c.b.date for c in later.conflicts} <= {"2019-03-21", "2019-03-22"}
    assert later.conflicts_total == 0 and later.counts["agreements"] == 2
    nothing = build_report(gold, ReportFilter(search="bananen"))
    assert (nothing.counts["claims"], nothing.stories, nothing.conflicts) == (0, [], [])
    assert "No claims in this selection." in render_html(nothing)
    with pytest.raises(StoreError, match="after --until"):
        build_report(gold, ReportFilter(since="2019-03-23", until="2019-03-01"))
    with pytest.raises(StoreError, match="did you mean 'Fox News'"):
        build_report(gold, ReportFilter(source="Fox Newz"))


def test_excerpts_mark_overlapping_ranges_and_split_far_ones() -> None:
    text = "aaaa bbbb cccc dddd " * 200
    [one] = excerpts_of(text, [("a", 5, 14), ("b", 10, 19)])
    marked = [(s.text, sorted(s.marks)) for s in one.segments if s.marks]
    assert marked == [("bbbb ", ["a"]), ("cccc", ["a", "b"]), (" dddd", ["b"])]
    assert "".join(s.text for s in one.segments) == text[: len("".join(s.text for s in one.segments))]
    assert not one.cut_before and one.cut_after
    far = excerpts_of(text, [("a", 5, 9), ("b", 3000, 3004), ("a", -1, 5), ("b", 10, 99999)])
    assert len(far) == 2 and far[1].cut_before


def test_write_report_refuses_a_missing_folder(gold: Store, tmp_path: Path) -> None:
    from claimcheck.report import ReportError

    with pytest.raises(ReportError, match="does not exist"):
        write_report(gold, tmp_path / "no" / "r.html")
    made = write_report(gold, tmp_path / "r.html")
    assert made.conflicts_total == 2 and (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE")


def test_the_report_command(tmp_path: Path) -> None:
    db, out = str(tmp_path / "c.db"), tmp_path / "r.html"
    assert runner.invoke(app, ["ingest", str(SEED_TEXT), "--db", db, "--model", "fake"]).exit_code == 0
    result = runner.invoke(app, ["report", "--db", db, "--output", str(out), "--source", "Bali"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (f"Wrote {out}: 3 claims, 1 conflict, 1 story timeline, 2 source audits, "
                             "2 sources in the graph\n")
    assert conflict_marks(out.read_text(encoding="utf-8")) == {"hl-a": BALI_DENIAL, "hl-b": FOX_REPORT}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--source", "Fox Newz"], "Error: no source named 'Fox Newz'; did you mean 'Fox News'?\n"),
        (["--since", "2019-03-23", "--until", "2019-03-01"], "Error: --since 2019-03-23 is after --until 2019-03-01\n"),
        (["--since", "23-03-2019"], None),
    ],
)
def test_report_errors(gold: Store, args: list[str], message: str | None) -> None:
    result = runner.invoke(app, ["report", "--db", str(gold.path), "-o", str(gold.path.with_suffix(".html")), *args])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    if message:
        assert result.stderr == message


def test_report_on_a_missing_store(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no claim store here yet" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_report_has_help() -> None:
    command = typer.main.get_command(app).commands["report"]  # type: ignore[attr-defined]
    assert "claimcheck report --db" in (command.help or "")
