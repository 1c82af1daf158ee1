"""One error hierarchy for the whole tool.

Every error renders as a sentence that says what was expected, what was found,
and where (path and line when known), so the CLI can print ``Error: ...`` and
exit without a traceback. The exit status is the CLI's to decide (see
``generator.cli``): 1 when a file failed, 0 when files were only skipped
(a wrong call of the command, exit status 2, is click's ``UsageError``).
"""

from __future__ import annotations

from pathlib import Path


class WireArchiveError(Exception):
    """Base class: something the user can act on, not a bug."""

    def __init__(self, message: str, *, path: Path | str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line

    def where(self) -> str:
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line is not None else str(self.path)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message


class InputError(WireArchiveError):
    """A wire file could not be read as any item: it is skipped, the rest goes on."""


class NotAStoryError(InputError):
    """A well-formed file that holds no text story (a package, a video's metadata,
    a fragment of a document): reported as skipped with the reason, not as a failure."""


class ParseError(InputError):
    """A wire file is in a known format but breaks its rules at a given line."""

    def __init__(
        self,
        *,
        expected: str,
        found: str,
        path: Path | str | None = None,
        line: int | None = None,
    ):
        shown = found if len(found) <= 60 else found[:57] + "..."
        super().__init__(f"expected {expected}, found {shown!r}", path=path, line=line)
        self.expected = expected
        self.found = found


class ContentError(WireArchiveError):
    """A file in content/ is not what the tool wrote or can read."""


class SiteError(WireArchiveError):
    """The site build is missing something it needs (settings, npm packages)."""
