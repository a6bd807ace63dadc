"""The vector index that ingest and search both use: exact below some size, HNSW (usearch) above it,
persisted beside the store so a large store is not rebuilt on every ingest.

`new_index(dim, expected)` gives an empty index for that many vectors: exact when small, HNSW above;
an HNSW graph is saved beside the store with an `IndexState` saying what it holds (claimcheck.link.linker),
and mapped from its file when opened again, with the vectors stored since beside it (`LayeredIndex`).
`candidate_pairs` turns searches into (new id, stored id, similarity) pairs, each pair once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from ..errors import ClaimcheckError

EXACT_LIMIT = 100_000  # below this many vectors exact search is fast enough (and exact)


class VectorIndex(Protocol):
    """Stored unit vectors with integer ids (claim ids), searched by cosine similarity."""

    def add(self, ids: Sequence[int] | np.ndarray, vectors: np.ndarray) -> None: ...

    def search(self, queries: np.ndarray, k: int, threshold: float) -> list[list[tuple[int, float]]]:
        """For each query row, up to k (id, similarity) pairs with similarity >= threshold, best first."""
        ...

    def __len__(self) -> int: ...


class ExactIndex:
    """Exact search with numpy: one matrix product per chunk of stored vectors, keeping the top k.

    Vectors live in fixed-size chunks, so adding never copies what is stored (peak memory stays at the
    size of the vectors: 1.5 GB for a million 384-dimensional float32 rows).
    benchmarks/bench_vector_search.py measures it against usearch (HNSW) and sqlite-vec at 1 million vectors.
    """

    BLOCK = 131_072  # rows per chunk: big enough for BLAS, small enough to keep the score matrix small
    QUERY_BLOCK = 256  # queries scored at once: with the store under EXACT_LIMIT, 100 MB of scores at the most

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self._vectors: list[np.ndarray] = []
        self._ids: list[np.ndarray] = []
        self._count = 0

    def add(self, ids: Sequence[int] | np.ndarray, vectors: np.ndarray) -> None:
        vectors = np.asarray(vectors, dtype=np.float32)
        ids = np.asarray(ids, dtype=np.int64)
        if vectors.ndim != 2 or vectors.shape[1] != self.dim or len(ids) != len(vectors):
            raise ValueError(f"expected {len(ids)} vectors of dimension {self.dim}, got shape {vectors.shape}")
        done = 0
        while done < len(ids):
            row = self._count % self.BLOCK
            if row == 0 and self._count // self.BLOCK == len(self._vectors):
                # np.empty: pages are only touched (and counted in memory) as rows are filled.
                self._vectors.append(np.empty((self.BLOCK, self.dim), dtype=np.float32))
                self._ids.append(np.empty(self.BLOCK, dtype=np.int64))
            take = min(self.BLOCK - row, len(ids) - done)
            self._vectors[-1][row : row + take] = vectors[done : done + take]
            self._ids[-1][row : row + take] = ids[done : done + take]
            done += take
            self._count += take

    def __len__(self) -> int:
        return self._count

    def items(self) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """(ids, vectors) of what is stored, chunk by chunk, in the order added (views, not copies)."""
        for vectors, ids in self._chunks():
            yield ids, vectors

    def _chunks(self) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        for number, (vectors, ids) in enumerate(zip(self._vectors, self._ids, strict=True)):
            filled = min(self.BLOCK, self._count - number * self.BLOCK)
            yield vectors[:filled], ids[:filled]

    def search(self, queries: np.ndarray, k: int, threshold: float) -> list[list[tuple[int, float]]]:
        queries = np.atleast_2d(np.asarray(queries, dtype=np.float32))
        if min(k, self._count) == 0:
            return [[] for _ in queries]
        # Queries in blocks too: 15,000 claims of one long article against as many stored would make a score
        # matrix of 900 MB, and its partition twice that.
        results: list[list[tuple[int, float]]] = []
        for start in range(0, len(queries), self.QUERY_BLOCK):
            results += self._search_block(queries[start : start + self.QUERY_BLOCK], min(k, self._count), threshold)
        return results

    def _search_block(self, queries: np.ndarray, k: int, threshold: float) -> list[list[tuple[int, float]]]:
        best_scores = np.full((len(queries), k), -np.inf, dtype=np.float32)
        best_ids = np.zeros((len(queries), k), dtype=np.int64)
        for vectors, ids in self._chunks():
            scores = queries @ vectors.T
            take = min(k, scores.shape[1])
            top = np.argpartition(-scores, take - 1, axis=1)[:, :take]
            merged_scores = np.concatenate([best_scores, np.take_along_axis(scores, top, 1)], axis=1)
            merged_ids = np.concatenate([best_ids, ids[top]], axis=1)
            keep = np.argpartition(-merged_scores, k - 1, axis=1)[:, :k]
            best_scores = np.take_along_axis(merged_scores, keep, 1)
            best_ids = np.take_along_axis(merged_ids, keep, 1)
        results = []
        for scores, found in zip(best_scores, best_ids, strict=True):
            order = np.argsort(-scores)
            results.append([(int(found[i]), float(scores[i])) for i in order if scores[i] >= threshold])
        return results


class HNSWIndex:
    """Approximate search: an HNSW graph from usearch, vectors kept as float16.

    Chosen for large stores (benchmarks/bench_vector_search.py, 1 million vectors of dim 384, 2 cores):
    0.4 ms per claim (p95 0.7 ms) against 68 ms (p95 100 ms) for ExactIndex, 1.7 GB peak against 3.1 GB,
    recall@10 0.88 on synthetic clustered vectors; building costs about 0.3 ms per vector, so `save` it
    beside the store and `load` it rather than rebuilding. sqlite-vec (exact, inside SQLite) was slower still.

    With `view`, the graph saved at `path` is mapped from its file instead of read into memory: opening is
    instant and only the pages a search touches are read, but nothing can be added (see LayeredIndex).
    """

    def __init__(self, dim: int, connectivity: int = 16, expansion_add: int = 128, expansion_search: int = 64,
                 path: str | None = None, view: bool = False) -> None:
        try:
            from usearch.index import Index
        except ImportError as exc:
            raise ClaimcheckError("approximate vector search needs the usearch package: pip install usearch") from exc
        self.dim = dim
        self._index = Index(ndim=dim, metric="ip", dtype="f16", connectivity=connectivity,
                            expansion_add=expansion_add, expansion_search=expansion_search)
        self.read_only = path is not None and view
        if path is not None:
            if view:
                self._index.view(path)
            else:
                self._index.load(path)

    def copy(self) -> HNSWIndex:
        """A copy in memory, which vectors can be added to (also of a mapped graph)."""
        copied = HNSWIndex.__new__(HNSWIndex)
        copied.dim, copied.read_only, copied._index = self.dim, False, self._index.copy()
        return copied

    def add(self, ids: Sequence[int] | np.ndarray, vectors: np.ndarray) -> None:
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.ndim != 2 or vectors.shape[1] != self.dim or len(ids) != len(vectors):
            raise ValueError(f"expected {len(ids)} vectors of dimension {self.dim}, got shape {vectors.shape}")
        self._index.add(np.asarray(ids, dtype=np.uint64), vectors)

    def __len__(self) -> int:
        return len(self._index)

    def save(self, path: str) -> None:
        self._index.save(path)

    def search(self, queries: np.ndarray, k: int, threshold: float) -> list[list[tuple[int, float]]]:
        queries = np.atleast_2d(np.asarray(queries, dtype=np.float32))
        if len(self._index) == 0:
            return [[] for _ in queries]
        found = self._index.search(queries, k)
        keys, distances = np.atleast_2d(found.keys), np.atleast_2d(found.distances)
        # One query gives a flat Matches (no counts), several a BatchMatches.
        counts: Any = getattr(found, "counts", None)
        counts = np.atleast_1d(keys.shape[1] if counts is None else counts)
        # usearch's "ip" distance is 1 - dot product.
        return [
            [(int(key), 1.0 - float(d)) for key, d in zip(row_k[:n], row_d[:n], strict=True) if 1.0 - d >= threshold]
            for row_k, row_d, n in zip(keys, distances, counts, strict=True)
        ]


class LayeredIndex:
    """A saved HNSW graph mapped read-only from its file, and an exact index of the vectors added since,
    searched as one: opening a million-vector store costs no graph load (2-3 s for 900 MB), and the few
    thousand vectors stored since the graph was saved are searched exactly. `merged` folds them into a
    graph in memory, to be saved in its turn."""

    def __init__(self, graph: HNSWIndex) -> None:
        self.graph = graph
        self.recent = ExactIndex(graph.dim)

    def add(self, ids: Sequence[int] | np.ndarray, vectors: np.ndarray) -> None:
        self.recent.add(ids, vectors)

    def __len__(self) -> int:
        return len(self.graph) + len(self.recent)

    def search(self, queries: np.ndarray, k: int, threshold: float) -> list[list[tuple[int, float]]]:
        found = self.graph.search(queries, k, threshold)
        if len(self.recent) == 0:
            return found
        recent = self.recent.search(queries, k, threshold)
        return [sorted(old + new, key=lambda hit: -hit[1])[:k] for old, new in zip(found, recent, strict=True)]

    def merged(self) -> HNSWIndex:
        """The graph with the recent vectors added, in memory (the mapped file is left as it is)."""
        graph = self.graph.copy()
        for ids, vectors in self.recent.items():
            graph.add(ids, vectors)
        return graph


def new_index(dim: int, expected: int = 0) -> VectorIndex:
    """An empty index for `expected` vectors: exact below EXACT_LIMIT (fast enough, and exact), HNSW above."""
    if expected < EXACT_LIMIT:
        return ExactIndex(dim)
    return HNSWIndex(dim)


def candidate_pairs(ids: Sequence[int], vectors: np.ndarray, index: VectorIndex, k: int = 20,
                    min_similarity: float = 0.0) -> list[tuple[int, int, float]]:
    """(new id, stored id, similarity) for each new claim's k nearest stored claims above min_similarity.

    A claim never pairs with itself, and a pair found from both ends is listed once.
    """
    seen: set[tuple[int, int]] = set()
    pairs: list[tuple[int, int, float]] = []
    if len(ids) == 0 or len(index) == 0:
        return pairs
    # One extra neighbour: the claim itself when its vector is already stored.
    for new_id, hits in zip(ids, index.search(vectors, k + 1, min_similarity), strict=True):
        for other_id, similarity in hits:
            key = (min(new_id, other_id), max(new_id, other_id))
            if other_id == new_id or key in seen:
                continue
            seen.add(key)
            pairs.append((new_id, other_id, similarity))
    return pairs


@dataclass
class IndexState:
    """What a saved HNSW graph holds: the model of its vectors, how many, and the highest claim id."""

    model: str
    count: int
    last_id: int

    @classmethod
    def read(cls, path: Path) -> IndexState | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(str(data["model"]), int(data["count"]), int(data["last_id"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def write(self, path: Path) -> None:
        path.write_text(json.dumps({"model": self.model, "count": self.count, "last_id": self.last_id}),
                        encoding="utf-8")
