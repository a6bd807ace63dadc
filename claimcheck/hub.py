"""The local Hugging Face cache, and loading from it only: claimcheck downloads nothing at run time (the NLI
judge and the sentence-transformers embedders both load through here)."""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# Serialises the offline-mode override below: os.environ is process-wide.
_OFFLINE_LOCK = threading.Lock()


def in_hub_cache(model: str, org: str) -> bool:
    """Whether the local Hugging Face cache holds a config.json for `model` (True when this cannot be told);
    a bare name is also looked for under `org`, as sentence-transformers does.

    Checked before sentence-transformers is imported: that import (torch with it) alone takes seconds, and a
    name that is not cached should fail at once.
    """
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:
        # Without huggingface_hub there is no sentence-transformers either; the loader says what to install.
        return True
    repos = [model] if "/" in model else [model, f"{org}/{model}"]
    # The cache sentence-transformers itself will look in (None: the Hugging Face default).
    cache_dir = os.environ.get("SENTENCE_TRANSFORMERS_HOME") or None
    for repo in repos:
        try:
            hit = try_to_load_from_cache(repo, "config.json", cache_dir=cache_dir)
        except Exception:  # an invalid repo id (spaces, "..") cannot be in the cache either
            continue
        if isinstance(hit, str):
            return True
    return False


@contextmanager
def hub_offline() -> Iterator[None]:
    """HF_HUB_OFFLINE=1 for the duration of a load, restored afterwards.

    huggingface_hub reads the variable once, when it is imported, so its module constant is overridden too;
    otherwise the variable would only count if this happened to be the first import.
    """
    with _OFFLINE_LOCK:
        saved_env = os.environ.get("HF_HUB_OFFLINE")
        constants: Any
        try:
            constants = importlib.import_module("huggingface_hub.constants")
        except ImportError:
            constants = None
        saved_constant = getattr(constants, "HF_HUB_OFFLINE", None)
        os.environ["HF_HUB_OFFLINE"] = "1"
        if constants is not None and saved_constant is not None:
            constants.HF_HUB_OFFLINE = True
        try:
            yield
        finally:
            if saved_env is None:
                os.environ.pop("HF_HUB_OFFLINE", None)
            else:
                os.environ["HF_HUB_OFFLINE"] = saved_env
            if constants is not None and saved_constant is not None:
                constants.HF_HUB_OFFLINE = saved_constant
