"""Errors a user can act on. The CLI prints them as `Error: ...` and exits 1."""


class ClaimcheckError(Exception):
    """Base class for every error claimcheck raises on purpose."""


class InputError(ClaimcheckError):
    """An input file or record cannot be read; the message names the file (and line)."""


class StoreError(ClaimcheckError):
    """The claim store cannot be opened or would be left inconsistent."""


class UnsupportedLanguage(InputError):
    """An article in a language the grammars do not read. `lang` is its code when recognised ("de")."""

    def __init__(self, message: str, lang: str | None = None) -> None:
        super().__init__(message)
        self.lang = lang

    def skipped(self, where: str) -> str:
        """The warning for skipping the article read at `where` (FILE or FILE:LINE)."""
        return f"{where}: {self}: skipped"
