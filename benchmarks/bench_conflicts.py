"""Ingest throughput and `conflicts` query time on a store the size of DpgMedia2019 (1,438 articles).

Usage: python benchmarks/bench_conflicts.py [ARTICLES.jsonl] [--links-per-claim N] [--repeat N]

Builds a store in a temporary folder with real extraction, timing the ingest (claims only, then with each
embedding model and the real linker); then adds stand-in conflict and agree links (random pairs with
random scores) to the claims-only store so `conflicts` has a lot of work, and times it with each filter and
order.
The corpus is evaluation-only data read from ../shared; it is never copied into the project.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimcheck.ingest import default_linker, ingest
from claimcheck.reader import read_articles
from claimcheck.records import Link
from claimcheck.store import Store, open_store

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "dpg2019" / "articles.jsonl"


def timed(action: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def add_random_links(store: Store, per_claim: float, seed: int = 1) -> int:
    rng = random.Random(seed)
    ids = [row[0] for row in store.db.execute("SELECT id FROM claims")]
    wanted = int(len(ids) * per_claim)
    links = []
    for _ in range(wanted):
        a, b = rng.sample(ids, 2)
        relation = "conflict" if rng.random() < 0.5 else "agree"
        method = rng.choice(["negation", "antonym", "number", "date", "state", "denial"])
        links.append(Link(a, b, relation, round(rng.random(), 3), f"stand-in {method}", method))
    with store.transaction():
        return store.insert_links(links)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--links-per-claim", type=float, default=2.0)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--models", nargs="*", default=["fake", "default"],
                        help="embedding models to ingest with (default: the default model)")
    args = parser.parse_args()
    if not Path(args.path).exists():
        sys.exit(f"{args.path} is absent: nothing to measure")
    articles = list(read_articles([args.path]))

    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "plain.db")
        started = time.perf_counter()
        report = ingest(store, articles)
        seconds = time.perf_counter() - started
        print(f"ingest, claims only: {report.added} articles, {report.claims} claims, {report.sources} sources "
              f"in {seconds:.2f} s = {report.added / seconds:.0f} articles/s")
        started = time.perf_counter()
        again = ingest(store, articles)
        print(f"re-ingest: {again.skipped} skipped, {again.added} added in {time.perf_counter() - started:.2f} s")
        store.close()

        from claimcheck.embed import get_embedder

        for model in args.models:
            embedder = get_embedder(None if model == "default" else model)
            linked = open_store(Path(folder) / f"linked-{len(model)}.db")
            started = time.perf_counter()
            report = ingest(linked, articles, embedder=embedder, linker=default_linker())
            seconds = time.perf_counter() - started
            conflicts = len(linked.list_conflicts())
            print(f"ingest with {embedder.model_id} and the real linker: {report.claims} claims, {report.links} links "
                  f"({conflicts} conflicts) in {seconds:.2f} s = {report.added / seconds:.0f} articles/s")
            linked.close()

        store = open_store(Path(folder) / "plain.db")
        added = add_random_links(store, args.links_per_claim)
        conflicts = store.count("links")
        print(f"store: {store.count('articles')} articles, {store.count('claims')} claims, {conflicts} links "
              f"({added} stand-in links added)")
        busiest = store.list_sources(limit=1)[0]["name"]
        cases: list[tuple[str, Callable[[], Any]]] = [
            ("all conflicts, newest first", lambda: store.list_conflicts()),
            ("all conflicts, strongest first", lambda: store.list_conflicts(order="strongest")),
            ("newest 50", lambda: store.list_conflicts(limit=50)),
            (f"source {busiest!r}", lambda: store.list_conflicts(source=busiest)),
            ("March 2019", lambda: store.list_conflicts(since="2019-03-01", until="2019-03-31")),
            ("text 'kabinet'", lambda: store.list_conflicts(search="kabinet")),
            ("all filters", lambda: store.list_conflicts(source=busiest, since="2019-02-01", until="2019-04-30",
                                                         search="zegt")),
        ]
        for name, action in cases:
            seconds, rows = timed(action, args.repeat)
            print(f"conflicts, {name}: {len(rows)} rows in {seconds * 1000:.1f} ms")
        store.close()


if __name__ == "__main__":
    main()
