"""The `claimcheck` command. Importing the command modules registers their commands on the app."""

from __future__ import annotations

from . import browse as _browse  # noqa: F401
from . import export as _export  # noqa: F401
from . import extract as _extract  # noqa: F401
from . import link as _link  # noqa: F401
from . import report as _report  # noqa: F401
from . import store as _store  # noqa: F401
from .app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
