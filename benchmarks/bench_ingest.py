"""End-to-end ingest against encoding alone, on the DpgMedia2019 corpus (1,438 Dutch articles).

In one run: (1) extract every article and collect the claim texts ingest will embed; (2) time the embedder
encoding exactly those texts, batch by batch as ingest does; (3) time a full ingest (extract, resolve sources,
embed, link, store) into a fresh store. Prints both times and their ratio (target: ingest ≤ 1.3 × encoding).

Usage: python benchmarks/bench_ingest.py [ARTICLES.jsonl] [--model NAME] [--limit N] [--repeat R]
The corpus is evaluation-only data read from ../shared; it is never copied into the project.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from claimcheck.embed import get_embedder
from claimcheck.extract import extract_article
from claimcheck.ingest import DEFAULT_BATCH_SIZE, default_linker, ingest
from claimcheck.reader import read_articles
from claimcheck.store import open_store

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "dpg2019" / "articles.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--model", default=None, help="embedder name (default: claimcheck's default)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--repeat", type=int, default=3, help="alternating rounds of encode and ingest")
    args = parser.parse_args()
    if not Path(args.path).exists():
        sys.exit(f"{args.path} is absent: nothing to measure")
    articles = list(read_articles([args.path]))[: args.limit]
    embedder = get_embedder(args.model)
    embedder.encode(["warm-up"])

    # Ingest embeds per batch of articles the content of every statement (duplicate texts are skipped).
    seen: set[str] = set()
    batches: list[list[str]] = []
    for start in range(0, len(articles), DEFAULT_BATCH_SIZE):
        texts = []
        for article in articles[start : start + DEFAULT_BATCH_SIZE]:
            if not article.text.strip() or article.text in seen:
                continue
            seen.add(article.text)
            texts.extend(s.content.words for s in extract_article(article)[1])
        batches.append(texts)
    claims = sum(len(b) for b in batches)

    # The machine is noisy: alternate the two measurements and compare medians.
    encode_times, ingest_times = [], []
    report = None
    for _ in range(args.repeat):
        started = time.perf_counter()
        for texts in batches:
            if texts:
                embedder.encode(texts)
        encode_times.append(time.perf_counter() - started)

        with tempfile.TemporaryDirectory() as folder:
            store = open_store(Path(folder) / "bench.db")
            started = time.perf_counter()
            report = ingest(store, articles, embedder=embedder, linker=default_linker())
            ingest_times.append(time.perf_counter() - started)
        print(f"round {len(encode_times)}: encode {encode_times[-1]:.1f} s, ingest {ingest_times[-1]:.1f} s, "
              f"ratio {ingest_times[-1] / encode_times[-1]:.2f}")
    assert report is not None
    encode_seconds, ingest_seconds = statistics.median(encode_times), statistics.median(ingest_times)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"model {embedder.model_id}; {len(articles)} articles, {claims} claim texts")
    print(f"encode alone, median: {encode_seconds:.1f} s ({claims / encode_seconds:.0f} texts/s)")
    print(f"ingest end to end, median: {ingest_seconds:.1f} s ({report.added} articles stored, "
          f"{report.claims} claims, {report.links} links)")
    print(f"ratio of medians ingest / encode: {ingest_seconds / encode_seconds:.2f} (target ≤ 1.30)")
    print(f"peak RSS {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
