"""The NLI judge, against tiny cross-encoders built here: no NLI model ships on PyPI and nothing is downloaded.

The models have a zeroed classifier weight, so their logits are the classifier bias whatever the text; that makes
the expected probabilities exact (softmax of the bias) and shows which label each column is read as.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from claimcheck import nli
from claimcheck.nli import Entailment, NLIError, NLIJudge, get_nli_judge

VOCAB = [
    "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
    "a", "b", "c", "d", "the", "is", "not", "was", "did", "say", "said", "that", "he", "she", "they",
    "war", "peace", "minister", "president", "killed", "people", "no", "yes", "true", "false",
    "de", "het", "een", "ook", "niet", "wel", "zei", "dat", "hij", "zij", "premier", "oorlog", "vrede",
    "doden", "mensen", "geen", "waar", "onwaar", "heeft", "gezegd",
]  # fmt: skip
STANDARD = {0: "contradiction", 1: "entailment", 2: "neutral"}
REORDERED = {0: "ENTAILMENT", 1: "NEUTRAL", 2: "CONTRADICTION"}
UNLABELLED = {0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"}
NOT_CACHED = "no-such-org/no-such-nli-model"
# Saved by sentence-transformers >= 4 in config.json; predict() applies it unless told otherwise.
SIGMOID = {"activation_fn": "torch.nn.modules.activation.Sigmoid"}


def softmax(logits: list[float]) -> list[float]:
    exp = [math.exp(x) for x in logits]
    return [x / sum(exp) for x in exp]


def build_model(
    root: Path, id2label: dict[int, str], bias: list[float], st_config: dict[str, str] | None = None
) -> Path:
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

    root.mkdir(parents=True, exist_ok=True)
    vocab_file = root / "vocab.txt"
    vocab_file.write_text("\n".join(VOCAB) + "\n", encoding="utf-8")
    tokenizer = BertTokenizer(str(vocab_file))
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=len(VOCAB),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=64,
        num_labels=3,
        id2label=id2label,
        label2id={name: index for index, name in id2label.items()},
    )
    if st_config is not None:
        config.sentence_transformers = st_config
    model = BertForSequenceClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.copy_(torch.tensor(bias))
    model.save_pretrained(str(root))
    tokenizer.save_pretrained(str(root))
    return root


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("nli-models")
    return {
        "standard": build_model(base / "standard", STANDARD, [2.0, 0.0, 0.0]),
        "reordered": build_model(base / "reordered", REORDERED, [2.0, 0.0, 0.0]),
        "unlabelled": build_model(base / "unlabelled", UNLABELLED, [2.0, 0.0, 0.0]),
        "sigmoid": build_model(base / "sigmoid", STANDARD, [2.0, 0.0, 0.0], st_config=SIGMOID),
    }


def test_vocab_has_no_repeats() -> None:
    # A repeated token would make the vocabulary size disagree with the tokenizer's ids.
    assert len(set(VOCAB)) == len(VOCAB)


def test_import_does_not_load_torch() -> None:
    code = (
        "import sys, claimcheck.nli; "
        "print(any(m in sys.modules for m in ('torch', 'sentence_transformers', 'transformers')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=Path(__file__).parents[1]
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_uncached_hub_name_fails_at_once() -> None:
    start = time.monotonic()
    with pytest.raises(NLIError) as caught:
        NLIJudge(NOT_CACHED)
    elapsed = time.monotonic() - start
    assert str(caught.value) == (
        f"NLI model {NOT_CACHED!r} is neither a local folder nor in the local Hugging Face cache; nothing is "
        "downloaded at run time: give the path of a cross-encoder you have"
    )
    assert elapsed < 10, f"took {elapsed:.1f} s"


def test_missing_path_is_named(tmp_path: Path) -> None:
    missing = str(tmp_path / "no-model-here")
    with pytest.raises(NLIError, match="does not exist") as caught:
        NLIJudge(missing)
    assert missing in str(caught.value)


def test_empty_name() -> None:
    with pytest.raises(NLIError, match="empty"):
        NLIJudge("  ")


class FakeEncoder:
    """Stands in for a CrossEncoder: logits favour contradiction for (p, h) and entailment for (h, p)."""

    def __init__(self, id2label: dict[int, str]) -> None:
        self.config = type("Config", (), {"id2label": id2label})()
        self.calls: list[dict[str, Any]] = []

    def predict(self, inputs: list[tuple[str, str]], **kwargs: Any) -> Any:
        import numpy as np

        self.calls.append({"inputs": list(inputs), **kwargs})
        return np.array([[2.0, 0.0, 0.0] if a.startswith("p") else [0.0, 2.0, 0.0] for a, _ in inputs])


def test_scores_average_both_orders(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeEncoder(STANDARD)
    monkeypatch.setattr(nli, "_load_cross_encoder", lambda model: fake)
    judge = NLIJudge("fake-model")
    assert judge.model_id == "nli:fake-model"

    result = judge.scores([("p1", "h1"), ("p2", "h2")])

    (call,) = fake.calls
    assert call["inputs"] == [("p1", "h1"), ("p2", "h2"), ("h1", "p1"), ("h2", "p2")]
    assert call["batch_size"] == 32
    # Raw logits must be asked for explicitly, or a saved activation would be applied before the softmax.
    assert call["apply_softmax"] is False
    assert call["activation_fn"] is not None
    forward, backward = softmax([2.0, 0.0, 0.0]), softmax([0.0, 2.0, 0.0])
    expected = Entailment(
        contradiction=(forward[0] + backward[0]) / 2,
        entailment=(forward[1] + backward[1]) / 2,
        neutral=(forward[2] + backward[2]) / 2,
    )
    assert len(result) == 2
    for row in result:
        assert row.contradiction == pytest.approx(expected.contradiction, abs=1e-9)
        assert row.entailment == pytest.approx(expected.entailment, abs=1e-9)
        assert row.neutral == pytest.approx(expected.neutral, abs=1e-9)


def test_empty_input_runs_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeEncoder(STANDARD)
    monkeypatch.setattr(nli, "_load_cross_encoder", lambda model: fake)
    assert NLIJudge("fake-model").scores([]) == []
    assert fake.calls == []


@pytest.mark.parametrize(
    "id2label",
    [UNLABELLED, {0: "contradiction", 1: "entailment"}, {0: "contradiction", 1: "contra", 2: "neutral"}, None],
)
def test_unmappable_labels_are_refused(monkeypatch: pytest.MonkeyPatch, id2label: Any) -> None:
    monkeypatch.setattr(nli, "_load_cross_encoder", lambda model: FakeEncoder(id2label))
    with pytest.raises(NLIError, match="fake-model"):
        NLIJudge("fake-model")


@pytest.mark.model
def test_contradiction_model(models: dict[str, Path]) -> None:
    judge = NLIJudge(str(models["standard"]))
    (result,) = judge.scores([("a b", "c d")])
    expected = softmax([2.0, 0.0, 0.0])
    assert result.contradiction == pytest.approx(expected[0], abs=1e-4)
    assert result.entailment == pytest.approx(expected[1], abs=1e-4)
    assert result.neutral == pytest.approx(expected[2], abs=1e-4)
    assert result.contradiction + result.entailment + result.neutral == pytest.approx(1.0, abs=1e-6)
    assert judge.model_id == f"nli:{models['standard']}"
    assert judge.scores([]) == []


@pytest.mark.model
def test_many_pairs_and_unknown_words(models: dict[str, Path]) -> None:
    judge = NLIJudge(str(models["standard"]))
    pairs = [(f"de minister zei {i}", "hij zei het niet, onbekend woord") for i in range(40)]  # > one batch
    results = judge.scores(pairs)
    assert len(results) == 40
    assert all(r.contradiction == pytest.approx(softmax([2.0, 0.0, 0.0])[0], abs=1e-4) for r in results)


@pytest.mark.model
def test_label_order_comes_from_config(models: dict[str, Path]) -> None:
    (result,) = NLIJudge(str(models["reordered"])).scores([("a b", "c d")])
    expected = softmax([2.0, 0.0, 0.0])
    assert result.entailment == pytest.approx(expected[0], abs=1e-4)
    assert result.contradiction == pytest.approx(expected[1], abs=1e-4)
    assert result.entailment > result.neutral
    assert result.entailment > result.contradiction


@pytest.mark.model
def test_saved_activation_is_not_applied(models: dict[str, Path]) -> None:
    from sentence_transformers import CrossEncoder

    path = str(models["sigmoid"])
    # The variant really does make sentence-transformers apply a sigmoid by default...
    default = CrossEncoder(path, device="cpu", local_files_only=True).predict([("a b", "c d")])
    assert float(default[0][0]) == pytest.approx(1 / (1 + math.exp(-2.0)), abs=1e-4)
    # ...and the judge still softmaxes the raw logits.
    (result,) = NLIJudge(path).scores([("a b", "c d")])
    assert result.contradiction == pytest.approx(softmax([2.0, 0.0, 0.0])[0], abs=1e-4)


@pytest.mark.model
def test_generic_labels_are_named(models: dict[str, Path]) -> None:
    with pytest.raises(NLIError) as caught:
        NLIJudge(str(models["unlabelled"]))
    message = str(caught.value)
    assert str(models["unlabelled"]) in message
    for label in UNLABELLED.values():
        assert label in message


@pytest.mark.model
def test_offline_mode_is_restored(models: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from huggingface_hub import constants

    # huggingface_hub reads the variable at import; the judge overrides its copy too, and must put it back.
    before = constants.HF_HUB_OFFLINE
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    NLIJudge(str(models["standard"]))
    assert os.environ["HF_HUB_OFFLINE"] == "0"
    assert constants.HF_HUB_OFFLINE is before
    monkeypatch.delenv("HF_HUB_OFFLINE")
    NLIJudge(str(models["standard"]))
    assert "HF_HUB_OFFLINE" not in os.environ


@pytest.mark.model
def test_get_nli_judge_is_cached(models: dict[str, Path]) -> None:
    path = str(models["standard"])
    assert get_nli_judge(path) is get_nli_judge(path)
