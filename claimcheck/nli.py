"""An optional NLI (natural language inference) judge: contradiction / entailment / neutral for text pairs.

`get_nli_judge(model)` returns an `NLIJudge` wrapping a sentence-transformers `CrossEncoder` that was trained
for three-way NLI (for example a cross-encoder NLI model you already downloaded). `model` is a local model
directory or a Hugging Face hub name; `NLIJudge.scores(pairs)` gives one `Entailment` (three probabilities
summing to 1) per (premise, hypothesis) pair.

What it does:
- Scores each pair in both orders and averages the two probability triples, so the judgement does not depend
  on which claim came first. Contradiction is symmetric anyway; the averaged entailment is therefore closer to
  "each entails the other" than to one-way entailment.
- Reads the label order from the model's config (`id2label`) instead of assuming one: NLI models disagree on it.
- Softmaxes raw logits itself, whatever activation the model's saved configuration asks for.

What it does not do:
- Download anything. No NLI model ships with claimcheck and nothing is fetched at run time: a hub name works
  only when it is already in the local Hugging Face cache, otherwise `NLIError` says so at once.
- Ship or pick a model, decide thresholds, or load at import: sentence-transformers (and torch) are imported
  only when a judge is built, so importing this module is instant.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ClaimcheckError
from .hub import hub_offline, in_hub_cache

BATCH_SIZE = 32
# sentence-transformers prefixes a hub name without an organisation with this one before looking it up.
_CROSS_ENCODER_ORG = "cross-encoder"


class NLIError(ClaimcheckError):
    """An NLI model cannot be found, loaded or understood; the message names it."""


@dataclass(frozen=True)
class Entailment:
    """Probabilities that a pair contradicts, entails, or is neutral; they sum to 1."""

    contradiction: float
    entailment: float
    neutral: float


def _not_available(model: str) -> NLIError:
    return NLIError(
        f"NLI model {model!r} is neither a local folder nor in the local Hugging Face cache; nothing is "
        "downloaded at run time: give the path of a cross-encoder you have"
    )


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else exc.__class__.__name__


def _nli_label(name: str) -> str | None:
    lowered = name.strip().lower()
    if lowered.startswith("contra"):
        return "contradiction"
    if lowered.startswith("entail"):
        return "entailment"
    if lowered.startswith("neutral"):
        return "neutral"
    return None


def _label_columns(model: str, id2label: Any) -> tuple[int, int, int]:
    """The logit columns of (contradiction, entailment, neutral) according to a config's `id2label`.

    Raises NLIError, naming the model and its labels, unless the labels are exactly those three.
    """
    labels: dict[int, str] = {}
    try:
        labels = {int(index): str(name) for index, name in dict(id2label or {}).items()}
    except (TypeError, ValueError):
        labels = {}
    columns: dict[str, int] = {}
    for index, name in sorted(labels.items()):
        label = _nli_label(name)
        if label is not None and label not in columns:
            columns[label] = index
    if set(labels) != {0, 1, 2} or len(columns) != 3:
        shown = ", ".join(f"{index}: {name!r}" for index, name in sorted(labels.items())) or "none"
        raise NLIError(
            f"NLI model {model!r} does not have the three NLI labels contradiction, entailment and neutral "
            f"in its config (id2label has {shown}); it is not a three-way NLI cross-encoder"
        )
    return columns["contradiction"], columns["entailment"], columns["neutral"]


def _load_cross_encoder(model: str) -> Any:
    """The CrossEncoder for a local directory or a cached hub name, never reaching for the network."""
    local = Path(model).expanduser()
    if local.exists():
        source = str(local)
    elif model.startswith((".", "/", "~")) or model.count("/") > 1 or "\\" in model:
        # Looks like a path, so a hub lookup would only produce a confusing "invalid repo id" error.
        raise NLIError(f"NLI model path {model!r} does not exist")
    elif not in_hub_cache(model, _CROSS_ENCODER_ORG):
        raise _not_available(model)
    else:
        source = model
    try:
        from sentence_transformers import CrossEncoder
    except ImportError as exc:
        raise NLIError(
            f"NLI model {model!r} needs the sentence-transformers package: pip install 'claimcheck[embed]'"
        ) from exc
    kwargs: dict[str, Any] = {"device": "cpu"}
    # Also for a local folder: without it sentence-transformers asks the hub about the model for its model card.
    # Older releases lack the argument; there the forced offline mode alone keeps the load local.
    if "local_files_only" in inspect.signature(CrossEncoder.__init__).parameters:
        kwargs["local_files_only"] = True
    try:
        with hub_offline():
            return CrossEncoder(source, **kwargs)
    except Exception as exc:  # OSError, ValueError, hub errors...: all mean "this model cannot be used"
        raise NLIError(f"cannot load NLI model {model!r}: {exc.__class__.__name__}: {_first_line(exc)}") from exc


def _raw_logits(scores: Any) -> Any:
    return scores


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


class NLIJudge:
    """A three-way NLI cross-encoder, by local path or cached hub name."""

    def __init__(self, model: str) -> None:
        if not model or not model.strip():
            raise NLIError(f"empty NLI model name {model!r}: give the path of a cross-encoder you have")
        self.model = model
        self.model_id = f"nli:{model}"
        self._encoder = _load_cross_encoder(model)
        self._columns = _label_columns(model, getattr(getattr(self._encoder, "config", None), "id2label", None))

    def scores(self, pairs: list[tuple[str, str]]) -> list[Entailment]:
        """One Entailment per (premise, hypothesis) pair, averaged over both orders of the pair."""
        if not pairs:
            return []
        both_orders = [(a, b) for a, b in pairs] + [(b, a) for a, b in pairs]
        try:
            # Raw logits on purpose: a model's saved config may name an activation (Sigmoid, say) that
            # predict() would otherwise apply before we softmax.
            logits = self._encoder.predict(
                both_orders,
                batch_size=BATCH_SIZE,
                activation_fn=_raw_logits,
                apply_softmax=False,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        except Exception as exc:  # a model that loads but cannot run (bad tokenizer files, ...)
            raise NLIError(f"NLI model {self.model!r} failed: {exc.__class__.__name__}: {_first_line(exc)}") from exc
        array = np.asarray(logits, dtype=np.float64)
        if array.shape != (len(both_orders), 3):
            raise NLIError(f"NLI model {self.model!r} gave scores of shape {array.shape}, expected 3 per pair")
        probs = _softmax(array)
        averaged = (probs[: len(pairs)] + probs[len(pairs) :]) / 2
        contradiction, entailment, neutral = self._columns
        return [
            Entailment(
                contradiction=float(row[contradiction]), entailment=float(row[entailment]), neutral=float(row[neutral])
            )
            for row in averaged
        ]


@cache
def get_nli_judge(model: str) -> NLIJudge:
    """The NLIJudge for `model`, built once per process (loading a cross-encoder takes seconds)."""
    return NLIJudge(model)
