from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from claimcheck.link.index import ExactIndex, HNSWIndex, LayeredIndex

pytest.importorskip("usearch")


def unit_rows(n: int, dim: int = 16, seed: int = 0) -> np.ndarray:
    rows = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_a_mapped_graph_with_recent_vectors_searches_like_one_index(tmp_path: Path) -> None:
    vectors = unit_rows(60)
    graph = HNSWIndex(16)
    graph.add(np.arange(1, 51), vectors[:50])
    graph.save(str(tmp_path / "g.hnsw"))
    mapped = HNSWIndex(16, path=str(tmp_path / "g.hnsw"), view=True)
    with pytest.raises(RuntimeError):
        mapped.add([99], vectors[:1])  # mapped read-only
    layered = LayeredIndex(mapped)
    layered.add(np.arange(51, 61), vectors[50:])
    assert len(layered) == 60
    exact = ExactIndex(16)
    exact.add(np.arange(1, 61), vectors)
    queries = vectors[[4, 54]]
    found, expected = layered.search(queries, 5, -1.0), exact.search(queries, 5, -1.0)
    assert [[i for i, _ in hits] for hits in found] == [[i for i, _ in hits] for hits in expected]
    assert [hits[0][0] for hits in found] == [5, 55]  # a vector of the graph, a recent one

    merged = layered.merged()
    assert len(merged) == 60 and merged.search(vectors[[54]], 1, -1.0)[0][0][0] == 55
    assert len(HNSWIndex(16, path=str(tmp_path / "g.hnsw"), view=True)) == 50  # the file is left as it was
