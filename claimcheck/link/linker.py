"""The one linking path: candidate pairs by vector search, judged by a judge, for ingest and for raw texts.

`link_claims` judges new claims against their k nearest stored claims (an index of the store's vectors:
claimcheck.link.index) and against a bounded set of claims of their own article: the ARTICLE_WINDOW claims
around them in text order, and the claims a denial's content covers ("Bali ontkende berichten van Fox News
dat ..."). A new claim whose text is already stored from another article is a copy (one report
republished): it is linked to nothing, so a conflict is listed once, not once per copy.

`StoreLinker` keeps that index for a store across the batches of an ingest: exact below EXACT_LIMIT
vectors, HNSW above, the graph saved beside the store (STORE.hnsw, with STORE.hnsw.json saying what it
holds). A saved graph is mapped from its file, not loaded, and the vectors stored since are searched
exactly beside it (index.LayeredIndex); once SAVE_EVERY of them have gathered, the graph is written again
with them.
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..records import Claim, Link
from .calibration import Thresholds, thresholds_for
from .index import EXACT_LIMIT, ExactIndex, HNSWIndex, IndexState, LayeredIndex, VectorIndex, candidate_pairs
from .judges import Judge, RuleJudge
from .rules import Judgement, as_link, assess, is_copy

if TYPE_CHECKING:
    from ..embed import Embedder
    from ..store import Store

CANDIDATES_PER_CLAIM = 10  # nearest stored claims judged per new claim
ARTICLE_WINDOW = 6  # claims before and after a claim in its own article that it is judged against
# Vectors stored since the saved HNSW graph after which it is written again with them: writing a
# million-vector graph (900 MB) takes seconds, reading a few thousand vectors from the store and searching
# them exactly beside the mapped graph a fraction of that.
SAVE_EVERY = 5_000
COPY_FLOOR = 0.97  # cosine above which a neighbour may be the same text (is_copy decides)


@dataclass
class Linking:
    """What linking a batch found: links to store, and the new claims that are copies of stored ones."""

    links: list[Link] = field(default_factory=list)
    copies: dict[int, int] = field(default_factory=dict)  # new claim id -> the claim it copies


Lookup = Callable[[list[int]], Mapping[int, Claim]] | Mapping[int, Claim]


def _article_pairs(new: Sequence[Claim], row: Mapping[int, int], vectors: np.ndarray) -> dict[tuple[int, int], float]:
    """Pairs within each article, bounded: neighbours in text order, and denials with what they cover."""
    by_article: dict[str, list[Claim]] = {}
    for claim in new:
        by_article.setdefault(claim.article, []).append(claim)
    pairs: dict[tuple[int, int], float] = {}

    def add(x: Claim, y: Claim) -> None:
        key = (min(x.id, y.id), max(x.id, y.id))
        if x.id != y.id and key not in pairs:
            pairs[key] = float(vectors[row[x.id]] @ vectors[row[y.id]])

    for claims in by_article.values():
        claims = sorted(claims, key=lambda c: (c.span_start, c.id))
        starts = [c.span_start for c in claims]
        for i, claim in enumerate(claims):
            for other in claims[i + 1 : i + 1 + ARTICLE_WINDOW]:
                add(claim, other)
            if claim.stance == "deny" and claim.end > claim.start:
                low, high = bisect.bisect_left(starts, claim.start), bisect.bisect_right(starts, claim.end)
                for other in claims[low:high]:
                    add(claim, other)
    return pairs


def link_claims(new: Sequence[Claim], vectors: np.ndarray, index: VectorIndex, lookup: Lookup,
                thresholds: Thresholds | None = None, k: int = CANDIDATES_PER_CLAIM,
                judge: Judge | None = None) -> Linking:
    """The links of newly stored claims, and which of them are copies of stored claims.

    - `new`: the new claims (their `id`s are the ids their vectors carry in `index`);
    - `vectors`: their embeddings, one L2-normalised row per claim, in the same order;
    - `index`: the stored vectors (it may already hold the new ones: self-matches and pairs seen from both
      ends are skipped). Only vectors of the same model may be in it;
    - `lookup`: the stored claims by id, as a mapping or a function taking a list of ids;
    - `thresholds`: `thresholds_for(embedder.model_id)` of the model that made the vectors;
    - `judge`: what decides each pair (the rules by default).
    """
    t = thresholds or thresholds_for(None)
    judge = judge or RuleJudge()
    vectors = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
    if len(new) != len(vectors):
        raise ValueError(f"{len(new)} claims but {len(vectors)} vectors")
    floor = min(t.related, t.negation, t.negation_crosslingual)
    found = candidate_pairs([c.id for c in new], vectors, index, k, floor)
    pairs = {(min(a, b), max(a, b)): s for a, b, s in found}
    by_id = {c.id: c for c in new}
    row = {c.id: i for i, c in enumerate(new)}
    for key, similarity in _article_pairs(new, row, vectors).items():
        pairs.setdefault(key, similarity)
    missing = sorted({i for key in pairs for i in key} - by_id.keys())
    if missing:
        by_id.update(lookup(missing) if callable(lookup) else {i: lookup[i] for i in missing if i in lookup})
    result = Linking()
    # Copies first: a new claim with the same text as an earlier claim of another article is that report.
    for (x, y), similarity in sorted(pairs.items()):
        if similarity >= COPY_FLOOR and x in by_id and y in by_id and is_copy(by_id[x], by_id[y]):
            later, earlier = max(x, y), min(x, y)
            if later in row and later not in result.copies:
                result.copies[later] = result.copies.get(earlier, earlier)
    todo: list[tuple[Claim, Claim, float]] = []
    for (x, y), similarity in sorted(pairs.items()):
        if x not in by_id or y not in by_id or x in result.copies or y in result.copies:
            continue  # a vector whose claim is gone, or a copy
        first, second = (by_id[x], by_id[y]) if x in row else (by_id[y], by_id[x])
        todo.append((first, second, similarity))
    denied: dict[int, list[tuple[Claim, Link]]] = {}
    rebutted: dict[int, list[tuple[Claim, Link]]] = {}
    for (first, second, _), judged in zip(todo, judge.judge_pairs(todo, t), strict=True):
        link = as_link(first, second, judged)
        if link is None:
            continue
        if link.method == "rebuttal":
            rebuttal, rebutted_claim = (first, second) if first.start > second.start else (second, first)
            rebutted.setdefault(rebuttal.id, []).append((rebutted_claim, link))
        elif link.method == "denial" and first.article == second.article:
            denier, other = (first, second) if first.stance == "deny" else (second, first)
            denied.setdefault(denier.id, []).append((other, link))
        else:
            result.links.append(link)
    result.links += _outermost_denied(denied)
    result.links += _answered(rebutted, new)
    return result


def _answered(rebutted: Mapping[int, list[tuple[Claim, Link]]], new: Sequence[Claim]) -> list[Link]:
    """A rebuttal ("Dat klopt niet") answers the claim just before it, not every claim within reach: of the
    claims it was linked to, the closest before it, and only if no other claim of another source stands
    between them (that one is what it answers, however little the two share)."""
    if not rebutted:
        return []
    by_id = {c.id: c for c in new}
    articles = {by_id[i].article for i in rebutted if i in by_id}
    in_article: dict[str, list[Claim]] = {}
    for c in sorted(new, key=lambda c: c.start):
        if c.article in articles:
            in_article.setdefault(c.article, []).append(c)
    starts = {article: [c.start for c in claims] for article, claims in in_article.items()}
    kept = []
    for rebuttal_id, answered in rebutted.items():
        claim, link = max(answered, key=lambda pair: (pair[0].end, pair[0].id))
        rebuttal = by_id.get(rebuttal_id)
        if rebuttal is None:
            kept.append(link)
            continue
        claims = in_article[rebuttal.article]
        first = bisect.bisect_left(starts[rebuttal.article], claim.end)
        between = any(c.source != rebuttal.source and c.end <= rebuttal.start
                      for c in claims[first:bisect.bisect_left(starts[rebuttal.article], rebuttal.start)])
        if not between:
            kept.append(link)
    return kept


def _outermost_denied(denied: Mapping[int, list[tuple[Claim, Link]]]) -> list[Link]:
    """One denial link per denied statement: where the extractor read a denied report twice, once whole and
    once a part of it, the part is the same report."""
    kept = []
    for found in denied.values():
        for other, link in found:
            inside = any(o is not other and o.start <= other.start and other.end <= o.end
                         and (o.end - o.start) > (other.end - other.start) for o, _ in found)
            if not inside:
                kept.append(link)
    return kept


class StoreLinker:
    """Links the claims of an ingest to a store, with one index of the store's vectors (module docstring)."""

    def __init__(self, store: Store, model_id: str, judge: Judge | None = None,
                 k: int = CANDIDATES_PER_CLAIM) -> None:
        self.store = store
        self.model_id = model_id
        self.judge = judge or RuleJudge()
        self.k = k
        self.thresholds = thresholds_for(model_id)
        self._index: VectorIndex | None = None
        self._last_id = 0
        self._changed = False

    @property
    def graph_path(self) -> Path:
        return self.store.path.with_name(self.store.path.name + ".hnsw")

    @property
    def state_path(self) -> Path:
        return self.store.path.with_name(self.store.path.name + ".hnsw.json")

    def _open(self, dim: int) -> VectorIndex:
        index: VectorIndex
        count = self.store.vector_count(self.model_id)
        if count < EXACT_LIMIT:
            index = ExactIndex(dim)
            self._last_id = 0
        elif (saved := self._saved_graph(dim, count)) is not None:
            graph, self._last_id = saved
            index = LayeredIndex(graph)
        else:
            index = HNSWIndex(dim)
            self._last_id = 0
        for ids, vectors in self.store.iter_vectors(self.model_id, after=self._last_id):
            index.add(ids, vectors)
            self._last_id = int(ids[-1])
            self._changed = True
        return index

    def _saved_graph(self, dim: int, count: int) -> tuple[HNSWIndex, int] | None:
        """The saved graph, mapped from its file, and the highest claim id in it; None when there is none
        for this model, or it holds vectors since deleted."""
        for _ in range(2):  # the graph may be replaced between reading its state and mapping it: read again
            state = IndexState.read(self.state_path)
            if (state is None or state.model != self.model_id or not self.graph_path.exists()
                    or state.count > count):
                return None
            graph = HNSWIndex(dim, path=str(self.graph_path), view=True)
            if len(graph) == state.count:
                return graph, state.last_id
        return None

    def link(self, new: list[Claim], vectors: np.ndarray) -> Linking:
        """Add the batch's vectors to the index, then link the batch (its claims must be stored already)."""
        if not new:
            return Linking()
        if self._index is None:
            self._index = self._open(vectors.shape[1])
        else:
            for ids, stored in self.store.iter_vectors(self.model_id, after=self._last_id):
                # vectors another ingest stored meanwhile
                self._index.add(ids, stored)
                self._last_id = int(ids[-1])
        fresh = [i for i, c in enumerate(new) if c.id > self._last_id]
        if fresh:
            self._index.add([new[i].id for i in fresh], vectors[fresh])
            self._last_id = max(new[i].id for i in fresh)
            self._changed = True
        return link_claims(new, vectors, self._index, self.store.claim_map, self.thresholds, self.k, self.judge)

    def save(self) -> None:
        """Save an HNSW graph beside the store (atomically), so the next ingest maps it."""
        if not self._changed:
            return
        if isinstance(self._index, LayeredIndex):
            if len(self._index.recent) < SAVE_EVERY:
                return  # a few vectors more: the next open tops the saved graph up from the store instead
            graph = self._index.merged()
        elif isinstance(self._index, HNSWIndex):
            graph = self._index
        else:
            return
        temporary = self.graph_path.with_name(self.graph_path.name + f".{os.getpid()}.tmp")
        graph.save(str(temporary))
        os.replace(temporary, self.graph_path)
        IndexState(self.model_id, len(graph), self._last_id).write(self.state_path)


# --------------------------------------------------------------------------------------------------------
# Raw texts


def relate_many(pairs: Sequence[tuple[str, str]], embedder: Embedder, judge: Judge | None = None) -> list[Judgement]:
    """Judge pairs of raw texts (embedded in one batch). Each text becomes an unattributed claim in its
    detected language; without dates or stances only the wording (negation, antonyms, numbers, dates written
    in the text, names) and the similarity can decide."""
    from ..extract.language import detect_language

    if not pairs:
        return []
    vectors = embedder.encode([text for pair in pairs for text in pair])
    t = thresholds_for(embedder.model_id)
    todo = []
    for i, (a, b) in enumerate(pairs):
        similarity = float(vectors[2 * i] @ vectors[2 * i + 1])
        first = Claim(id=1, article="a", text=a, lang=detect_language(a), source="A", end=len(a))
        second = Claim(id=2, article="b", text=b, lang=detect_language(b), source="B", end=len(b))
        todo.append((first, second, similarity))
    return (judge or RuleJudge()).judge_pairs(todo, t)


def relate_texts(a: str, b: str, embedder: Embedder, judge: Judge | None = None) -> Judgement:
    """Judge two raw texts: see `relate_many`."""
    [found] = relate_many([(a, b)], embedder, judge)
    return found


__all__ = ["Linking", "StoreLinker", "assess", "link_claims", "relate_many", "relate_texts"]
