"""Errors a user can act on. The CLI prints them as `Error: ...` and exits 1."""


class ClaimcheckError(Exception):
    """Base class for every error claimcheck raises on purpose."""


class InputError(ClaimcheckError):
    """An input file or record cannot be read; the message names the file (and line)."""


class StoreError(ClaimcheckError):
    """The claim store cannot be opened or would be left inconsistent."""
