from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from claimcheck.audit import audit_source
from claimcheck.errors import StoreError
from claimcheck.ingest import BatchLinker, content_hash, default_linker, ingest, mention_of, reembed
from claimcheck.link import Linking
from claimcheck.reader import read_articles
from claimcheck.records import Article, Claim, Link, Span, Statement
from claimcheck.store import Store, open_store

from .conftest import ROOT, SEED_TEXT
from .test_store import seed_article, seed_statements

CLAIMS_PER_ARTICLE = 3


# --- a deterministic stand-in for extraction, embedding and linking -----------------------------------------


def numbered_article(number: int) -> Article:
    sentences = [f"Bron {number % 7} zegt dat feit {number}-{k} waar is." for k in range(CLAIMS_PER_ARTICLE)]
    return Article(id=f"a{number}", text=" ".join(sentences), published=f"2019-03-{1 + number % 28:02d}")


def fake_extract(article: Article, lang: str | None) -> tuple[str, list[Statement]]:
    """One statement a sentence: "Bron N" said (zegt) the rest."""
    statements = []
    for match in re.finditer(r"(Bron \d+) (zegt) (dat [^.]+)", article.text):
        statements.append(Statement(
            cue=Span.of(article.text, match.start(2), match.end(2)),
            content=Span.of(article.text, match.start(3), match.end(3)),
            source=Span.of(article.text, match.start(1), match.end(1)),
        ))
    return "nl", statements


class CountingEmbedder:
    """A fake embedder: one-hot on the text's length, so equal texts get equal vectors."""

    dim = 8

    def __init__(self, model_id: str = "fake:len-8") -> None:
        self.model_id = model_id
        self.calls = 0

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            vectors[row, len(text) % self.dim] = 1.0
        return vectors


class SameVectorLinker:
    """Links every new claim to each earlier claim (stored or new) with an identical vector."""

    def __init__(self, store: Store, model_id: str) -> None:
        self.seen: list[tuple[int, np.ndarray]] = [
            (int(i), v) for ids, vectors in store.iter_vectors(model_id) for i, v in zip(ids, vectors, strict=True)
        ]

    def link(self, new: list[Claim], vectors: np.ndarray) -> Linking:
        links = []
        known = {claim_id for claim_id, _ in self.seen}
        earlier = [(i, v) for i, v in self.seen if i < min(c.id for c in new)]
        for i, claim in enumerate(new):
            for other_id, vector in earlier:
                if float(vectors[i] @ vector) > 0.99:
                    links.append(Link(other_id, claim.id, "agree", 1.0, "same length", "similarity", 1.0))
            for j in range(i):
                if float(vectors[i] @ vectors[j]) > 0.99:
                    links.append(Link(new[j].id, claim.id, "agree", 1.0, "same length", "similarity", 1.0))
        self.seen += [(c.id, vectors[i]) for i, c in enumerate(new) if c.id not in known]
        return Linking(links)

    def save(self) -> None:
        pass


def same_vector_linker(store: Store, model_id: str) -> BatchLinker:
    return SameVectorLinker(store, model_id)


# --- idempotency and transactions -----------------------------------------------------------------------------


def test_reingesting_adds_nothing(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.db")
    articles = [numbered_article(n) for n in range(12)]
    first = ingest(store, articles, extract=fake_extract, batch_size=5)
    assert (first.articles, first.added, first.skipped, first.claims, first.sources) == (12, 12, 0, 36, 7)
    counts = {t: store.count(t) for t in ("articles", "claims", "sources", "links")}
    again = ingest(store, articles + articles[:3], extract=fake_extract, batch_size=4)
    assert (again.articles, again.added, again.skipped, again.claims) == (15, 0, 15, 0)
    assert {t: store.count(t) for t in ("articles", "claims", "sources", "links")} == counts


def test_the_same_text_under_another_name_is_the_same_article(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.db")
    article = numbered_article(1)
    twin = Article(id="elsewhere.txt", text=article.text)
    report = ingest(store, [article, twin], extract=fake_extract)
    assert (report.added, report.skipped) == (1, 1)
    assert content_hash(article) == content_hash(twin)


def test_a_failing_batch_leaves_none_of_its_articles(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.db")
    calls = []

    class FailingLinker(SameVectorLinker):
        def link(self, new: list[Claim], vectors: np.ndarray) -> Linking:
            calls.append(len(new))
            if len(calls) == 2:
                raise RuntimeError("linker broke")
            return Linking()

    def failing_linker(store: Store, model_id: str) -> BatchLinker:
        return FailingLinker(store, model_id)

    with pytest.raises(RuntimeError, match="linker broke"):
        ingest(store, [numbered_article(n) for n in range(10)], extract=fake_extract, batch_size=4,
               embedder=CountingEmbedder(), linker=failing_linker)
    assert store.count("articles") == 4
    assert store.count("claims") == 12
    assert store.count("embeddings") == 12
    report = ingest(store, [numbered_article(n) for n in range(10)], extract=fake_extract, batch_size=4,
                    embedder=CountingEmbedder(), linker=same_vector_linker)
    assert (report.added, report.skipped) == (6, 4)
    assert store.count("claims") == 30


def test_vectors_and_links_are_stored_with_the_model(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.db")
    embedder = CountingEmbedder()
    report = ingest(store, [numbered_article(n) for n in range(6)], extract=fake_extract, batch_size=2,
                    embedder=embedder, linker=same_vector_linker)
    assert store.count("embeddings") == 18
    assert store.vector_models() == ["fake:len-8"]
    assert report.links == store.count("links") > 0
    # Links reach back into earlier batches: the first claim of the first article has partners later on.
    assert any(link.a == 1 for link in store.links_touching([1]))


def test_another_model_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.db")
    ingest(store, [numbered_article(1)], extract=fake_extract, embedder=CountingEmbedder("model-a"))
    with pytest.raises(StoreError, match="vectors come from model model-a, not model-b"):
        ingest(store, [numbered_article(2)], extract=fake_extract, embedder=CountingEmbedder("model-b"))
    assert store.count("articles") == 1
    assert reembed(store, CountingEmbedder("model-b")) == 3
    assert store.vector_models() == ["model-b"]
    ingest(store, [numbered_article(2)], extract=fake_extract, embedder=CountingEmbedder("model-b"))
    assert store.count("embeddings") == 6


def test_linking_without_an_embedder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="linking needs an embedder"):
        ingest(open_store(tmp_path / "c.db"), [], linker=same_vector_linker)


def test_the_seed_sources_and_dates(tmp_path: Path) -> None:
    ids, statements = seed_statements()
    store = open_store(tmp_path / "c.db")
    ingest(store, [seed_article()], extract=lambda article, lang: ("nl", statements))
    by_id = {row["id"]: row for row in store.list_claims()}
    sources = [by_id[n]["source"] for n in range(1, len(ids) + 1)]
    assert sources == ["SDF", "Mustefa Bali", "Mustefa Bali", "Fox News", "Mustefa Bali", None, "ISIL"]
    assert [by_id[n]["date"] for n in range(1, len(ids) + 1)] == [
        "2019-03-23", "2019-03-23", "2019-03-22", "2019-03-21", "2019-03-22", "2019-03-23", "2014-06-29"]


def test_an_undated_statement_takes_the_publication_date(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.db")
    ingest(store, [numbered_article(3)], extract=fake_extract)
    row = store.db.execute("SELECT stated_on, date FROM claims LIMIT 1").fetchone()
    assert row == (None, "2019-03-04")


def test_mention_of_prefers_the_resolved_speaker() -> None:
    text = "Hij meldde gevechten."
    statement = Statement(cue=Span.of(text, 4, 10), content=Span.of(text, 11, 20), source=Span.of(text, 0, 3),
                          speaker="Mustefa Bali", affiliation="SDF")
    found = mention_of(statement)
    assert found is not None and found.display() == "Mustefa Bali (SDF)"


def test_empty_articles_are_stored_without_claims(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.db")
    report = ingest(store, [Article(id="empty", text="")], extract=fake_extract)
    assert (report.added, report.claims) == (1, 0)


# --- processes: kill mid-way, and two at once -------------------------------------------------------------------


def write_articles(path: Path, numbers: range) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for number in numbers:
            article = numbered_article(number)
            handle.write(json.dumps({"id": article.id, "text": article.text, "published_at": article.published}) + "\n")


def child(db: str, jsonl: str, delay: float, batch_size: int) -> None:
    """Run in a subprocess: ingest `jsonl` slowly, as a long real ingest would."""

    def slow_extract(article: Article, lang: str | None) -> tuple[str, list[Statement]]:
        time.sleep(delay)
        return fake_extract(article, lang)

    with open_store(db) as store:
        ingest(store, read_articles([jsonl]), extract=slow_extract, batch_size=batch_size,
               embedder=CountingEmbedder(), linker=same_vector_linker)


def spawn(db: Path, jsonl: Path, delay: float, batch_size: int) -> subprocess.Popen[bytes]:
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from tests.test_ingest import child; "
            f"child({str(db)!r}, {str(jsonl)!r}, {delay}, {batch_size})")
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def stored_articles(db: Path) -> int:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def assert_whole_articles(db: Path) -> int:
    """Every stored article has all its claims and vectors; returns how many articles are stored."""
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    per_article = conn.execute(
        "SELECT a.doc, count(c.id), count(e.claim) FROM articles a LEFT JOIN claims c ON c.article = a.id "
        "LEFT JOIN embeddings e ON e.claim = c.id GROUP BY a.id"
    ).fetchall()
    assert all(n == CLAIMS_PER_ARTICLE and v == CLAIMS_PER_ARTICLE for _, n, v in per_article), per_article
    assert conn.execute("SELECT count(*) FROM claims WHERE article NOT IN (SELECT id FROM articles)").fetchone()[0] == 0
    dupes = conn.execute("SELECT count(*) - count(DISTINCT content_hash) FROM articles").fetchone()[0]
    assert dupes == 0
    fts = conn.execute("SELECT count(*) FROM claims_fts").fetchone()[0]
    assert fts == conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    conn.close()
    return len(per_article)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_an_ingest_killed_mid_way_leaves_whole_articles_and_a_rerun_completes(tmp_path: Path) -> None:
    db, jsonl = tmp_path / "c.db", tmp_path / "articles.jsonl"
    total = 300
    write_articles(jsonl, range(total))
    process = spawn(db, jsonl, delay=0.004, batch_size=7)
    deadline = time.monotonic() + 60
    while stored_articles(db) < 30 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    assert process.poll() is None, "the ingest finished before it could be killed; make it slower"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stored = assert_whole_articles(db)
    assert 30 <= stored < total
    rerun = spawn(db, jsonl, delay=0.0, batch_size=7)
    assert rerun.wait(timeout=120) == 0, rerun.stderr.read() if rerun.stderr else ""
    assert assert_whole_articles(db) == total


def test_two_ingests_at_once_both_succeed(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    write_articles(first, range(0, 120))
    write_articles(second, range(80, 200))  # 40 articles in both
    processes = [spawn(db, first, 0.001, 5), spawn(db, second, 0.001, 5)]
    for process in processes:
        assert process.wait(timeout=120) == 0, process.stderr.read() if process.stderr else ""
    assert assert_whole_articles(db) == 200


# --- the seed, end to end ----------------------------------------------------------------------------------------


def ingest_seed_for_real(tmp_path: Path) -> Store:
    """The seed through real extraction and the real linker (with the fake embedder: denials need no model)."""
    from claimcheck.embed import get_embedder

    store = open_store(tmp_path / "c.db")
    ingest(store, read_articles([str(SEED_TEXT)]), embedder=get_embedder("fake"), linker=default_linker())
    return store


def test_the_seed_end_to_end_finds_the_denial(tmp_path: Path) -> None:
    store = ingest_seed_for_real(tmp_path)
    sources = {(r["name"], r["affiliation"]) for r in store.list_sources()}
    assert {("Mustefa Bali", "SDF"), ("Fox News", None)} <= sources
    assert [row["date"] for row in store.list_claims(source="Fox News")] == ["2019-03-21"]
    summary = audit_source(store, "Fox News").summary()
    assert any(line.endswith("denied by Mustefa Bali (SDF) on 2019-03-22") for line in summary), summary


@pytest.mark.model
def test_the_seed_end_to_end_audit(tmp_path: Path) -> None:
    """With the default multilingual model: agreement needs real similarity, the fake embedder has none."""
    from claimcheck.embed import get_embedder

    store = open_store(tmp_path / "c.db")
    ingest(store, read_articles([str(SEED_TEXT)]), embedder=get_embedder(None), linker=default_linker())
    summary = " | ".join(audit_source(store, "Fox News").summary())
    assert "denied by Mustefa Bali (SDF) on 2019-03-22" in summary
    assert "corroborated by SDF on 2019-03-23" in summary
    assert "reported first on 2019-03-21" in summary


@pytest.mark.parametrize(("given", "kept"), [("SDF", "SDF"), ("de SDF", "SDF"), ("De", None), ("oud", None),
                                              ("Mustefa Bali", None)])
def test_only_a_name_is_kept_as_the_extractors_affiliation(given: str, kept: str | None) -> None:
    text = "Bali meldde gevechten."
    statement = Statement(cue=Span.of(text, 5, 11), content=Span.of(text, 12, 21), source=Span.of(text, 0, 4),
                          speaker="Mustefa Bali", affiliation=given)
    found = mention_of(statement)
    assert found is not None and found.affiliation == kept


# --- the one linking path ----------------------------------------------------------------------------------


AGENCY = ("Premier Rutte zegt dat het kabinet de komende jaren 300 miljoen euro extra uittrekt voor de "
          "jeugdzorg in alle gemeenten.")


def test_a_republished_report_is_a_copy_and_links_to_nothing(tmp_path: Path) -> None:
    from claimcheck.embed import get_embedder

    store = open_store(tmp_path / "c.db")
    first = Article(id="ad-1", text=AGENCY, published="2019-03-01")
    copy = Article(id="trouw-7", text="Trouw. " + AGENCY, published="2019-03-01")
    report = ingest(store, [first, copy], embedder=get_embedder("fake"), linker=default_linker(), lang="nl")
    assert report.claims == 2 and report.copies == 1
    rows = store.db.execute("SELECT id, copy_of FROM claims ORDER BY id").fetchall()
    assert rows[1][1] == rows[0][0]
    assert store.db.execute("SELECT copy_of FROM articles ORDER BY id").fetchall() == [(None,), (1,)]
    assert store.count("links") == 0  # a copy is not a corroboration


def test_a_large_store_keeps_its_hnsw_graph_beside_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck.link import linker as linker_module

    monkeypatch.setattr(linker_module, "EXACT_LIMIT", 0)  # HNSW from the first vector on
    monkeypatch.setattr(linker_module, "SAVE_EVERY", 0)  # written after every ingest
    store = open_store(tmp_path / "c.db")
    ingest(store, [numbered_article(n) for n in range(4)], extract=fake_extract, embedder=CountingEmbedder(),
           linker=default_linker())
    state = json.loads((tmp_path / "c.db.hnsw.json").read_text(encoding="utf-8"))
    assert (state["count"], state["last_id"]) == (12, 12)
    ingest(store, [numbered_article(n) for n in range(4, 6)], extract=fake_extract, embedder=CountingEmbedder(),
           linker=default_linker())
    state = json.loads((tmp_path / "c.db.hnsw.json").read_text(encoding="utf-8"))
    assert (state["count"], state["last_id"]) == (18, 18)  # loaded and topped up, not rebuilt from nothing


def test_a_few_vectors_more_leave_the_saved_graph_as_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck.link import linker as linker_module

    monkeypatch.setattr(linker_module, "EXACT_LIMIT", 0)
    monkeypatch.setattr(linker_module, "SAVE_EVERY", 10)
    store = open_store(tmp_path / "c.db")
    graph, state_file = tmp_path / "c.db.hnsw", tmp_path / "c.db.hnsw.json"

    def add(numbers: range) -> None:
        ingest(store, [numbered_article(n) for n in numbers], extract=fake_extract, embedder=CountingEmbedder(),
               linker=default_linker())

    add(range(4))  # 12 vectors, no graph yet: written
    written = graph.stat().st_mtime_ns
    add(range(4, 6))  # 6 more: fewer than 10, the graph and its state stay
    assert graph.stat().st_mtime_ns == written
    assert json.loads(state_file.read_text(encoding="utf-8"))["count"] == 12
    add(range(6, 8))  # loads 12, tops up 6 from the store, adds 6: 12 more than saved, written again
    state = json.loads(state_file.read_text(encoding="utf-8"))
    assert (state["count"], state["last_id"]) == (24, 24)


def speaker_extract(article: Article, lang: str | None) -> tuple[str, list[Statement]]:
    """One statement a sentence: the capitalised words before "zegt" said the rest."""
    statements = []
    for match in re.finditer(r"((?:[A-Z]\w+ )+)(zegt) (dat [^.]+)", article.text):
        statements.append(Statement(
            cue=Span.of(article.text, match.start(2), match.end(2)),
            content=Span.of(article.text, match.start(3), match.end(3)),
            source=Span.of(article.text, match.start(1), match.end(1) - 1),
        ))
    return "nl", statements


@pytest.mark.parametrize("batch_size", [1, 2, 50])
def test_one_person_is_one_source_across_articles(tmp_path: Path, batch_size: int) -> None:
    store = open_store(tmp_path / "c.db")
    articles = [
        Article(id="a", text="Bruins zegt dat de premies stijgen."),
        Article(id="b", text="Zorgminister Bruno Bruins zegt dat de zorg duurder wordt. Bruins zegt dat het moet."),
        Article(id="c", text="Bruno Bruins zegt dat de wachtlijsten korter worden."),
    ]
    ingest(store, articles, extract=speaker_extract, batch_size=batch_size)
    rows = store.db.execute(
        "SELECT s.name, count(*) FROM claims c JOIN sources s ON s.id = c.source GROUP BY s.id"
    ).fetchall()
    assert rows == [("Bruno Bruins", 4)]
    assert store.find_source("Zorgminister Bruno Bruins").name == "Bruno Bruins"


def test_two_people_of_one_surname_keep_the_bare_surname_apart(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.db")
    articles = [
        Article(id="a", text="Bruins zegt dat de premies stijgen."),
        Article(id="b", text="Zorgminister Bruno Bruins zegt dat de zorg duurder wordt."),
        Article(id="c", text="Kamerlid Eppo Bruins zegt dat de wachtlijsten korter worden."),
    ]
    ingest(store, articles, extract=speaker_extract)
    names = sorted(r[0] for r in store.db.execute("SELECT name FROM sources"))
    assert names == ["Bruins", "Bruno Bruins", "Eppo Bruins"]


def source_counts(store: Store) -> list[tuple[str, int]]:
    return store.db.execute(
        "SELECT s.name, count(c.id) FROM sources s LEFT JOIN claims c ON c.source = s.id GROUP BY s.id ORDER BY s.name"
    ).fetchall()


def test_a_bare_surname_is_folded_when_the_full_name_arrives_in_a_later_ingest(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.db")
    ingest(store, [Article(id="a", text="Bruins zegt dat de premies stijgen."),
                   Article(id="b", text="Kamerlid Eppo Jansen zegt dat de premies dalen.")], extract=speaker_extract)
    assert source_counts(store) == [("Bruins", 1), ("Eppo Jansen", 1)]
    ingest(store, [Article(id="c", text="Zorgminister Bruno Bruins zegt dat de zorg duurder wordt.")],
           extract=speaker_extract)
    assert source_counts(store) == [("Bruno Bruins", 2), ("Eppo Jansen", 1)]


def test_a_source_another_connection_stores_between_batches_is_found(tmp_path: Path) -> None:
    """The index of sources is kept across batches, but not past another writer's commit."""
    from claimcheck.sources import name_key

    store = open_store(tmp_path / "c.db")

    written = []

    def meanwhile(article: Article) -> None:
        # Once batch "a" is stored (it loaded the index) and before "b" is (extraction runs a batch ahead).
        if not written and store.count("articles") == 1:
            with open_store(tmp_path / "c.db") as other, other.transaction():
                source = other.add_source("Bruno Bruins", "person", "VVD")
                other.add_alias(source, "Bruno Bruins", name_key("Bruno Bruins"))
            written.append(article.id)

    articles = [Article(id="a", text="Kamerlid Eppo Jansen zegt dat de premies dalen."),
                Article(id="b", text="Bruno Bruins zegt dat de zorg duurder wordt."),
                Article(id="c", text="Kamerlid Eppo Jansen zegt dat de premies stijgen.")]
    ingest(store, articles, extract=speaker_extract, batch_size=1, on_article=meanwhile)
    assert written and source_counts(store) == [("Bruno Bruins", 1), ("Eppo Jansen", 2)]
    assert store.find_source("Bruno Bruins").affiliation == "VVD"


def test_a_mapped_graph_and_the_vectors_since_are_both_searched(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Above EXACT_LIMIT the saved graph is mapped read-only and new vectors are searched exactly beside it:
    a copy of a claim in the graph and a copy of a claim only in the recent vectors are both found."""
    from claimcheck.embed import get_embedder
    from claimcheck.link import linker as linker_module
    from claimcheck.link.index import LayeredIndex

    monkeypatch.setattr(linker_module, "EXACT_LIMIT", 0)
    opened: list[object] = []
    original_open = linker_module.StoreLinker._open

    def spy(self: linker_module.StoreLinker, dim: int) -> object:
        opened.append(original_open(self, dim))
        return opened[-1]

    monkeypatch.setattr(linker_module.StoreLinker, "_open", spy)
    store = open_store(tmp_path / "c.db")
    embedder = get_embedder("fake")
    other = "Minister Hoekstra zegt dat de belasting op arbeid in 2021 met twee miljard euro omlaag gaat."
    ingest(store, [Article(id="ad-1", text=AGENCY, published="2019-03-01")], embedder=embedder,
           linker=default_linker(), lang="nl")
    assert (tmp_path / "c.db.hnsw").exists()
    articles = [Article(id="nu-2", text=other, published="2019-03-02"),
                Article(id="trouw-7", text="Trouw. " + AGENCY, published="2019-03-02"),  # copies one in the graph
                Article(id="parool-3", text="Parool. " + other, published="2019-03-02")]  # one added since
    report = ingest(store, articles, embedder=embedder, linker=default_linker(), lang="nl", batch_size=1)
    assert isinstance(opened[-1], LayeredIndex) and len(opened[-1].graph) == 1
    assert report.copies == 2
    copies = store.db.execute("SELECT a.doc, o.doc FROM claims c JOIN claims oc ON oc.id = c.copy_of "
                              "JOIN articles a ON a.id = c.article JOIN articles o ON o.id = oc.article").fetchall()
    assert sorted(copies) == [("parool-3", "nu-2"), ("trouw-7", "ad-1")]
