"""Nearest-neighbour search over 1 million stored claim vectors: numpy exact vs usearch HNSW vs sqlite-vec.

Usage: python benchmarks/bench_vector_search.py [--n 1000000] [--queries 200] [--backends numpy,usearch,sqlite-vec]
Each backend runs in its own process so its peak memory (ru_maxrss) is its own. Prints build time, query
latency per claim (median and p95; one claim at a time, and per claim in batches of 16, the size of an
article's claims), recall@10 against exact search, and peak memory.

The vectors are synthetic but clustered like real embeddings (1,000 topics, unit length, dim 384): uniform
random vectors would make every neighbour equally far and tell nothing about an approximate index.
"""

from __future__ import annotations

import argparse
import json
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence

import numpy as np

from claimcheck.link import ExactIndex, HNSWIndex, VectorIndex

DIM = 384
K = 10
BATCH = 16


def synthetic(n: int, seed: int, topics: int = 1000, block: int = 100_000) -> Iterator[np.ndarray]:
    """Blocks of unit vectors around `topics` random centres (generated block by block to spare memory)."""
    centres = np.random.default_rng(0).standard_normal((topics, DIM)).astype(np.float32)
    rng = np.random.default_rng(seed)
    for start in range(0, n, block):
        size = min(block, n - start)
        vectors = centres[rng.integers(0, topics, size)] + 0.8 * rng.standard_normal((size, DIM), dtype=np.float32)
        yield vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def exact_top_k(n: int, queries: np.ndarray) -> list[set[int]]:
    """The true K nearest ids, streamed over the stored vectors without holding them."""
    best_scores = np.full((len(queries), K), -np.inf, dtype=np.float32)
    best_ids = np.zeros((len(queries), K), dtype=np.int64)
    offset = 0
    for block in synthetic(n, seed=1):
        scores = np.concatenate([best_scores, queries @ block.T], axis=1)
        ids = np.concatenate([best_ids, np.broadcast_to(np.arange(offset, offset + len(block)),
                                                         (len(queries), len(block)))], axis=1)
        top = np.argpartition(-scores, K - 1, axis=1)[:, :K]
        best_scores, best_ids = np.take_along_axis(scores, top, 1), np.take_along_axis(ids, top, 1)
        offset += len(block)
    return [set(row.tolist()) for row in best_ids]


class SqliteVecIndex:
    """sqlite-vec's vec0 table: exact search inside SQLite."""

    def __init__(self, dim: int) -> None:
        import sqlite_vec

        # Python's own sqlite3 is often built without extension loading; pysqlite3-binary has it.
        connect = sqlite3.connect if hasattr(sqlite3.Connection, "enable_load_extension") else _pysqlite3_connect()
        self._db = connect(":memory:")
        self._db.enable_load_extension(True)
        sqlite_vec.load(self._db)
        self._db.execute(f"create virtual table v using vec0(embedding float[{dim}] distance_metric=cosine)")
        self._n = 0

    def add(self, ids: Sequence[int] | np.ndarray, vectors: np.ndarray) -> None:
        with self._db:
            self._db.executemany("insert into v(rowid, embedding) values (?, ?)",
                                 ((int(i), v.tobytes()) for i, v in zip(ids, vectors, strict=True)))
        self._n += len(ids)

    def search(self, queries: np.ndarray, k: int, threshold: float) -> list[list[tuple[int, float]]]:
        out = []
        for query in queries:
            rows = self._db.execute("select rowid, distance from v where embedding match ? and k = ?",
                                    (query.tobytes(), k)).fetchall()
            out.append([(int(r), 1.0 - float(d)) for r, d in rows if 1.0 - d >= threshold])
        return out

    def __len__(self) -> int:
        return self._n


def _pysqlite3_connect() -> Callable[[str], sqlite3.Connection]:
    import pysqlite3

    connect: Callable[[str], sqlite3.Connection] = pysqlite3.connect
    return connect


BACKENDS: dict[str, Callable[[int], VectorIndex]] = {
    "numpy": ExactIndex,
    "usearch": HNSWIndex,
    "sqlite-vec": SqliteVecIndex,
}


def measure(backend: str, n: int, queries: int) -> dict[str, object]:
    asked = next(synthetic(queries, seed=2))
    truth = exact_top_k(n, asked)
    index = BACKENDS[backend](DIM)
    started = time.perf_counter()
    offset = 0
    for block in synthetic(n, seed=1):
        index.add(np.arange(offset, offset + len(block)), block)
        offset += len(block)
    build = time.perf_counter() - started
    index.search(asked[:2], K, -1.0)  # warm up
    single = []
    for query in asked:
        started = time.perf_counter()
        index.search(query[None, :], K, -1.0)
        single.append((time.perf_counter() - started) * 1000)
    batched = []
    for start in range(0, queries, BATCH):
        started = time.perf_counter()
        index.search(asked[start : start + BATCH], K, -1.0)
        batched.append((time.perf_counter() - started) * 1000 / len(asked[start : start + BATCH]))
    got = index.search(asked, K, -1.0)
    recall = statistics.mean(len({i for i, _ in g} & t) / K for g, t in zip(got, truth, strict=True))
    return {
        "backend": backend,
        "build_s": round(build, 1),
        "single_median_ms": round(statistics.median(single), 2),
        "single_p95_ms": round(float(np.percentile(single, 95)), 2),
        "batch16_median_ms_per_claim": round(statistics.median(batched), 2),
        "batch16_p95_ms_per_claim": round(float(np.percentile(batched, 95)), 2),
        "recall_at_10": round(recall, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--backends", default="numpy,usearch,sqlite-vec")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.n, args.queries)))
        return
    print(f"{args.n:,} stored vectors, dim {DIM}, {args.queries} queries, k={K}")
    columns = ["backend", "build_s", "single_median_ms", "single_p95_ms", "batch16_median_ms_per_claim",
               "batch16_p95_ms_per_claim", "recall_at_10", "peak_rss_mb"]
    print("  ".join(columns))
    for backend in args.backends.split(","):
        run = subprocess.run([sys.executable, __file__, "--one", backend, "--n", str(args.n),
                              "--queries", str(args.queries)], capture_output=True, text=True)
        if run.returncode:
            print(f"{backend}: failed: {run.stderr.strip().splitlines()[-1:]}", flush=True)
            continue
        row = json.loads(run.stdout)
        print("  ".join(str(row[c]) for c in columns), flush=True)


if __name__ == "__main__":
    main()
