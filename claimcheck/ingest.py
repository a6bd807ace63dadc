"""Articles into the store: extract statements, resolve their sources, store claims, then embed and link them.

Work goes in batches. The slow parts (extraction, embedding) run before a batch's transaction, the
embedding in a thread of its own, a batch ahead of the writes; the writes (articles, sources, claims,
vectors, links) run inside one IMMEDIATE transaction per batch, so a killed ingest leaves each article
fully stored or absent, and a rerun stores what is missing. An article whose
text (content hash) is already stored is skipped: re-ingesting adds nothing.

Linking needs an `Embedder` (claimcheck.embed) and a linker factory: given the store and the model id, it
makes a `BatchLinker` that links each batch's new claims (with their vectors) to the store and saves its
index at the end. The real one is claimcheck.link's `StoreLinker` (`default_linker`), the one linking path.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, fields, replace
from itertools import islice
from typing import TYPE_CHECKING, Any, Protocol, cast

from .errors import StoreError, UnsupportedLanguage
from .records import Article, Claim, Statement
from .sources import (
    SourceIndex,
    SourceName,
    is_description,
    merge_into_known,
    name_key,
    parse_mention,
    resolve_in_article,
    surnames_to_fold,
)
from .store import KnownSource, NewClaim, Store

if TYPE_CHECKING:
    import numpy as np

    from .embed import Embedder
    from .link import Judge, Linking

DEFAULT_BATCH_SIZE = 50

Extract = Callable[[Article, "str | None"], tuple[str, list[Statement]]]


class BatchLinker(Protocol):
    def link(self, new: list[Claim], vectors: np.ndarray) -> Linking:
        """The links of a batch's new claims (already stored, with their vectors) and which are copies."""
        ...

    def save(self) -> None:
        """Keep what should outlast the ingest (an HNSW graph beside the store)."""
        ...


Linker = Callable[[Store, str], BatchLinker]


@dataclass
class IngestReport:
    """What one ingest did. `skipped` counts articles whose text was already stored, `unsupported` articles
    in neither Dutch nor English (not stored, each with a warning)."""

    articles: int = 0
    added: int = 0
    skipped: int = 0
    new_ids: int = 0  # skipped articles whose id was new: recorded as another id of the stored article
    claims: int = 0
    sources: int = 0
    links: int = 0
    copies: int = 0  # claims that repeat a stored claim of another article (one report republished)
    unsupported: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    def add(self, other: IngestReport) -> None:
        """Count `other` (one batch's report) in this one; `seconds` stays this one's."""
        for counted in fields(self):
            if counted.type == "int":  # the counts (annotations are strings here), not seconds or warnings
                setattr(self, counted.name, getattr(self, counted.name) + getattr(other, counted.name))
        self.warnings.extend(other.warnings)

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles, "added": self.added, "skipped": self.skipped, "new_ids": self.new_ids,
            "claims": self.claims,
            "sources": self.sources, "links": self.links, "copies": self.copies,
            "unsupported": self.unsupported, "seconds": round(self.seconds, 2),
        }


def content_hash(article: Article) -> str:
    """The identity of an article for idempotency: its text, whatever file or id it came under."""
    return hashlib.sha256(article.text.encode("utf-8")).hexdigest()


@dataclass
class _Prepared:
    article: Article
    digest: str
    lang: str
    statements: list[Statement]
    sources: list[SourceName | None]


def ingest(
    store: Store,
    articles: Iterable[Article],
    *,
    lang: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    extract: Extract | None = None,
    embedder: Embedder | None = None,
    linker: Linker | None = None,
    on_article: Callable[[Article], None] | None = None,
    report: IngestReport | None = None,
) -> IngestReport:
    """Store `articles` (with `embedder`, also vectors, and with `linker` too, links) and report what changed.

    `on_article` is called once per article as its statements are extracted (or it is found already stored),
    for a progress bar. The report counts committed batches only; pass `report` to read it after an
    interruption (a KeyboardInterrupt rolls back the batch under way). Raises StoreError when the store's
    vectors come from another model than `embedder`, before anything is written.
    """
    if batch_size < 1:
        raise StoreError(f"batch size must be at least 1, not {batch_size}")
    if linker is not None and embedder is None:
        raise StoreError("linking needs an embedder")
    extract = extract or _default_extract()
    if embedder is not None:
        store.check_model(embedder.model_id)
    report = report if report is not None else IngestReport()
    started = time.perf_counter()
    batch_linker = linker(store, embedder.model_id) if linker is not None and embedder is not None else None
    known = KnownSources()
    # The embedder runs in a thread of its own (its C or torch code releases the GIL): while it encodes one
    # batch, this thread extracts the next one and stores the one before. Batches are stored in order.
    encoder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="claimcheck-encode")
    try:
        waiting: _Batch | None = None
        for articles_ in _batches(articles, batch_size):
            batch = _prepare_batch(store, articles_, lang, extract, on_article)
            texts = batch.texts
            if embedder is not None and texts:
                batch.vectors = encoder.submit(embedder.encode, texts)
            if waiting is not None:
                _store_batch(store, waiting, embedder, batch_linker, report, known)
            waiting = batch
        if waiting is not None:
            _store_batch(store, waiting, embedder, batch_linker, report, known)
    finally:
        encoder.shutdown(cancel_futures=True)
    if batch_linker is not None:
        batch_linker.save()
    if known.touched:
        # Only a surname this ingest stored or matched can have become foldable: the ingests before folded theirs.
        for keep, gone in surnames_to_fold(known.current(store).with_surnames(known.touched)):
            store.fold_source(keep, gone)
    report.seconds = time.perf_counter() - started
    return report


class KnownSources:
    """The store's sources as one SourceIndex kept across the batches of an ingest (loading a store's 100,000
    sources takes a second): loaded once, kept up to date by `store_source` as the ingest adds sources and
    spellings, and loaded again only when another connection has written to the store meanwhile. Also the
    surnames of the sources the ingest stored or matched (`touched`), for folding bare surnames."""

    def __init__(self) -> None:
        self.touched: set[str] = set()
        self._index: SourceIndex | None = None
        self._version: int | None = None

    def current(self, store: Store) -> SourceIndex:
        """The index as the store holds it; inside a write transaction, it stays so until the commit."""
        version = store.data_version()
        if self._index is None or version != self._version:
            self._index = SourceIndex(store.load_sources())
            self._version = version
        return self._index

    def forget(self) -> None:
        """Load again next time (a batch rolled back: the index may hold sources the store does not)."""
        self._index = None


def _default_extract() -> Extract:
    from .extract import extract_article

    return extract_article


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


@dataclass
class _Batch:
    """One batch between extraction and storing: its articles, those to store, and their vectors to come."""

    articles: list[Article]
    report: IngestReport  # counted apart, added to the total once the batch is committed
    digests: dict[int, str]  # id(article) -> content hash, for the articles not stored yet
    prepared: list[_Prepared]
    vectors: Future[np.ndarray] | None = None

    @property
    def texts(self) -> list[str]:
        return [s.content.words for p in self.prepared for s in p.statements]


def _prepare_batch(store: Store, articles: list[Article], lang: str | None, extract: Extract,
                   on_article: Callable[[Article], None] | None) -> _Batch:
    """Extract the statements and sources of a batch's articles not stored yet."""
    report = IngestReport(articles=len(articles))
    for article in articles:
        report.warnings.extend(article.warnings)
    fresh = _fresh(store, articles)
    report.skipped += len(articles) - len(fresh)
    digests = {id(article): digest for article, digest in fresh}
    prepared = []
    for article in articles:
        if id(article) in digests:
            try:
                prepared.append(_prepare(article, digests[id(article)], lang, extract))
            except UnsupportedLanguage as exc:
                report.unsupported += 1
                report.warnings.append(exc.skipped(article.origin or article.id))
        if on_article is not None:
            on_article(article)
    return _Batch(articles, report, digests, prepared)


def _store_batch(store: Store, batch: _Batch, embedder: Embedder | None, linker: BatchLinker | None,
                 total: IngestReport, sources: KnownSources) -> None:
    """The writes of one batch, in one transaction: articles, sources, claims, vectors, links; then counted
    in `total` (so the total never counts a batch that an interruption rolled back)."""
    try:
        sources.current(store)  # loaded before the write lock, while the encoder works (checked again inside)
        _write_batch(store, batch, embedder, linker, sources)
    except BaseException:
        sources.forget()  # the index may hold sources the rollback removed
        raise
    total.add(batch.report)


def _write_batch(store: Store, batch: _Batch, embedder: Embedder | None, linker: BatchLinker | None,
                 sources: KnownSources) -> None:
    report, prepared, digests = batch.report, batch.prepared, batch.digests
    with store.transaction():
        # Another ingest may have stored some of these since the check above; the unique hash would
        # refuse them anyway, but skipping keeps this batch's other articles.
        stored = store.known_hashes(p.digest for p in prepared)
        known = sources.current(store)
        sources_before = len(known.sources)
        new_ids: list[int] = []
        kept_rows: list[int] = []
        row = 0
        again = [(article, content_hash(article)) for article in batch.articles if id(article) not in digests]
        for item in prepared:
            if item.digest in stored:
                report.skipped += 1
                again.append((item.article, item.digest))
                row += len(item.statements)
                continue
            stored.add(item.digest)
            ids = _store_article(store, item, known, sources.touched)
            new_ids.extend(ids)
            kept_rows.extend(range(row, row + len(ids)))
            row += len(item.statements)
            report.added += 1
            report.claims += len(ids)
        report.sources += len(known.sources) - sources_before
        # Stored already (maybe earlier in this batch): a new id for the same text is kept, so it can be looked up.
        report.new_ids += sum(store.add_article_alias(article.id, digest) for article, digest in again)
        if embedder is None or batch.vectors is None or not new_ids:
            return
        new_claims = store.claim_records(new_ids) if linker is not None else []
        # Everything above needs no vectors: it is done while the encoder finishes this batch.
        new_vectors = batch.vectors.result()[kept_rows]
        store.check_model(embedder.model_id)
        store.insert_vectors(embedder.model_id, new_ids, new_vectors)
        if linker is not None:
            found = linker.link(new_claims, new_vectors)
            store.mark_copies(found.copies)
            report.copies += len(found.copies)
            report.links += store.insert_links(found.links)


def _fresh(store: Store, batch: list[Article]) -> list[tuple[Article, str]]:
    digests = [content_hash(article) for article in batch]
    stored = store.known_hashes(digests)
    fresh: list[tuple[Article, str]] = []
    for article, digest in zip(batch, digests, strict=True):
        if digest not in stored:
            stored.add(digest)
            fresh.append((article, digest))
    return fresh


def _prepare(article: Article, digest: str, lang: str | None, extract: Extract) -> _Prepared:
    if not article.text.strip():
        return _Prepared(article, digest, lang or article.lang or "", [], [])
    chosen, statements = extract(article, lang)
    sources = resolve_in_article([mention_of(s) for s in statements])
    return _Prepared(article, digest, chosen, statements, sources)


def mention_of(statement: Statement) -> SourceName | None:
    """The source a statement names: the extractor's resolved speaker when it has one ("Hij" -> "Mustefa
    Bali"), with the kind and affiliation the mention as written tells ("SDF-woordvoerder ...")."""
    written = parse_mention(statement.source.text) if statement.source else None
    spoken = parse_mention(statement.speaker) if statement.speaker else None
    found = spoken or written
    if found is None:
        return None
    if spoken is not None and written is not None:
        same = name_key(spoken.name) == name_key(written.name)
        found = SourceName(
            spoken.name,
            spoken.kind if spoken.kind != "unknown" else written.kind,
            spoken.affiliation or (written.affiliation if same else None),
            tuple(dict.fromkeys([*spoken.aliases, *(written.spellings() if same else ())])),
        )
    if statement.affiliation and not found.affiliation:
        # The extractor's affiliation is a span of text ("SDF", but also "De" or "oud"): keep only a name.
        affiliation = parse_mention(statement.affiliation)
        if affiliation is not None and name_key(affiliation.name) != name_key(found.name):
            found = replace(found, affiliation=affiliation.name)
    return found


def _store_article(store: Store, item: _Prepared, known: SourceIndex, touched: set[str]) -> list[int]:
    article = item.article
    article_id = store.insert_article(
        article.id, article.text, item.digest, article.published, article.title, article.publisher, article.url,
        item.lang or None,
    )
    # Organisations and outlets first, so a person's affiliation finds its canonical spelling.
    order = sorted(range(len(item.sources)), key=lambda i: _person_last(item.sources[i]))
    source_ids: dict[int, int | None] = {}
    for i in order:
        name = item.sources[i]
        source_ids[i] = None if name is None else store_source(store, known, name, touched)
    ids = []
    for i, statement in enumerate(item.statements):
        ids.append(store.insert_claim(_new_claim(article_id, article, item.lang, statement, source_ids[i])))
    return ids


def _person_last(name: SourceName | None) -> int:
    return 1 if name is not None and name.kind in ("person", "unknown") else 0


def store_source(store: Store, known: SourceIndex, name: SourceName, touched: set[str] | None = None) -> int:
    """The id of the stored source `name` is, adding it (or the spellings it brings) to `known` and the store;
    the surname (last word) of that source goes into `touched`."""
    affiliation = canonical_affiliation(name.affiliation, known)
    index = known.match(name)
    if index is None:
        source_id = store.add_source(name.name, name.kind, affiliation)
        entry = KnownSource(source_id, name.name, name.kind, affiliation, [])
        index = known.add(entry)
    else:
        entry = cast(KnownSource, known.sources[index])  # the index holds what load_sources gave it
        merged = merge_into_known(replace(name, affiliation=affiliation), entry)
        store.update_source(entry.id, merged.kind, merged.affiliation)
        if entry.kind == "unknown":
            entry.kind = merged.kind
        entry.affiliation = entry.affiliation or merged.affiliation
    for spelling in name.spellings():
        if is_description(entry.name) or (" " not in spelling and " " in entry.name and entry.kind == "person"):
            continue  # a description or a bare surname is no spelling to find this source by in other articles
        if spelling not in entry.aliases:
            store.add_alias(entry.id, spelling, name_key(spelling))
            entry.aliases.append(spelling)
            known.add_spelling(index, spelling)
    if touched is not None and not is_description(entry.name) and (words := name_key(entry.name).split()):
        touched.add(words[-1])
    return entry.id


def canonical_affiliation(affiliation: str | None, known: SourceIndex) -> str | None:
    """"Syrische Democratische Krachten" becomes "SDF" once the SDF is a known source."""
    if not affiliation:
        return None
    index = known.match(SourceName(affiliation, "organisation"))
    return known.sources[index].name if index is not None else affiliation


def _new_claim(article_id: int, article: Article, lang: str, statement: Statement, source: int | None) -> NewClaim:
    spans = [statement.cue, statement.content] + ([statement.source] if statement.source else [])
    return NewClaim(
        article=article_id,
        source=source,
        source_text=statement.source.text if statement.source else None,
        cue=statement.cue.words,
        content=statement.content.words,
        content_start=statement.content.start,
        content_end=statement.content.end,
        span_start=min(s.start for s in spans),
        span_end=max(s.end for s in spans),
        stance=statement.stance,
        hedged=statement.hedged,
        stated_on=statement.date,
        # A claim is dated by when it was made; failing that, by when it was published.
        date=statement.date or article.published,
        channel=statement.channel,
        language=lang or None,
        confidence=statement.confidence,
    )


def reembed(store: Store, embedder: Embedder, batch_size: int = 256) -> int:
    """Replace every stored vector with one from `embedder`, in one transaction; returns how many.

    Links stay as they are: they were judged on the old vectors, and judging again is `claimcheck link`'s job.
    """
    with store.transaction():
        store.drop_vectors()
        todo = store.claims_without_vectors(embedder.model_id)
        for start in range(0, len(todo), batch_size):
            chunk = todo[start : start + batch_size]
            vectors = embedder.encode([text for _, text in chunk])
            store.insert_vectors(embedder.model_id, [claim_id for claim_id, _ in chunk], vectors)
    return len(todo)


def reembed_if_model_changed(store: Store, embedder: Embedder) -> int:
    """Re-embed the store with `embedder` when its vectors come from another model (`reembed`); returns how
    many claims were re-embedded, 0 when the store has no vectors or only this model's."""
    if store.vector_models() in ([], [embedder.model_id]):
        return 0
    return reembed(store, embedder)


def default_linker(judge: Judge | None = None) -> Linker:
    """The real linker, claimcheck.link's StoreLinker (imported only when linking is asked for): each new
    claim against its nearest stored claims and a bounded set of claims of its own article."""

    def make(store: Store, model_id: str) -> BatchLinker:
        from .link import StoreLinker

        return StoreLinker(store, model_id, judge)

    return make
