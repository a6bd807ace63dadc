"""What the scale benchmarks measure inside their child process: its memory and where its time goes."""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from typing import Any


def _status_mb(field: str) -> float | None:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return None


def peak_rss_mb() -> float:
    """Peak RSS of this process: VmHWM. ru_maxrss of a child started by subprocess also counts the parent's
    peak (Linux carries the pre-exec memory's high-water mark over exec), so it overstates a small child."""
    peak = _status_mb("VmHWM")
    return peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    found = _status_mb("VmRSS")
    return found if found is not None else float("nan")


def rss_split_mb() -> tuple[float, float]:
    """(anonymous, file-backed) parts of the current RSS: pages of a file mapped read-only (a saved HNSW graph)
    count in RSS and in its peak, but they are the page cache's, shared and dropped first under pressure."""
    anon, file = _status_mb("RssAnon"), _status_mb("RssFile")
    return (anon if anon is not None else float("nan"), file if file is not None else float("nan"))


def ru_maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class PhaseTimer:
    """Seconds spent in wrapped functions, by phase name: claimcheck's functions are wrapped from the outside,
    nothing in claimcheck changes."""

    def __init__(self) -> None:
        self.phases: dict[str, float] = {}

    def timed(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.phases[name] = self.phases.get(name, 0.0) + time.perf_counter() - started
        return wrapper


def phase_text(phases: dict[str, float]) -> str:
    """"extract 9.1 s, encode 2.0 s": a PhaseTimer's phases as the parent prints them."""
    return ", ".join(f"{name} {seconds:.1f} s" for name, seconds in phases.items())
