"""What the CLI used to decide itself and now asks the library: dates, languages, text pairs, re-embedding."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from claimcheck.errors import ClaimcheckError, InputError
from claimcheck.ingest import reembed_if_model_changed
from claimcheck.lexicon import check_language
from claimcheck.reader import check_date_range, read_text_pairs
from claimcheck.store import open_store

from .test_store import seed_store


def test_date_ranges() -> None:
    assert check_date_range(None, None) == (None, None)
    assert check_date_range("2019-03-01", "2019-03-01") == ("2019-03-01", "2019-03-01")
    with pytest.raises(InputError, match="--since 2019-03-02 is after --until 2019-03-01"):
        check_date_range("2019-03-02", "2019-03-01")
    with pytest.raises(InputError, match="--until: '1-3-2019' is not a date of the form YYYY-MM-DD"):
        check_date_range(None, "1-3-2019")


def test_languages() -> None:
    assert check_language("NL") == "nl"
    with pytest.raises(ClaimcheckError, match="unsupported language 'fr'; claimcheck reads nl, en"):
        check_language("fr")


def test_text_pairs(tmp_path: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    path.write_text('{"a": "x", "b": "y"}\n\n{"a": "z", "b": "w", "note": 1}\n', encoding="utf-8")
    assert read_text_pairs(path) == [("x", "y"), ("z", "w")]
    path.write_text('{"a": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r'pairs.jsonl:1: expected \{"a": text, "b": text\}'):
        read_text_pairs(path)


class _Fake:
    model_id = "model-b"

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), 4), dtype="float32")


def test_re_embedding_happens_only_when_the_model_changed(tmp_path: Path) -> None:
    store, ids = seed_store(tmp_path / "c.db")
    fake = _Fake()
    assert reembed_if_model_changed(store, fake) == 0  # type: ignore[arg-type]  # no vectors yet
    with store.transaction():
        store.insert_vectors("model-a", [ids["c1"]], np.zeros((1, 4)))
    assert reembed_if_model_changed(store, fake) == len(ids)  # type: ignore[arg-type]
    assert store.vector_models() == ["model-b"]
    assert reembed_if_model_changed(store, fake) == 0  # type: ignore[arg-type]
    store.close()
    assert open_store(tmp_path / "c.db").vector_count("model-b") == len(ids)
