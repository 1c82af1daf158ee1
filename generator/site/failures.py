"""Site build, errors: one bad story costs that story, never the site.

Promise: a content file that cannot be read (broken front matter, no title,
over a size limit) or rendered is reported by its path as it happens, every
other page and file of the site is still written, and the build then fails:
after everything else (the last handler of Pelican's ``finalized`` signal),
one line on stderr, ``Error: 2 stories could not be built: content/a.md,
content/b.md``, and ``BuildIncompleteError``, for which ``pelican`` exits with
status 1 (``make html`` too, once the site is written). So CI never
publishes a site with stories silently missing. Under ``pelican -r`` the
line is printed and nothing raised: Pelican's reload loop would run a failed
build again at once, without waiting for a change.

Pelican itself drops a file it cannot read with an error in its log, and
marks it in ``context["generated_content"]``; this module counts those marks,
so every reason Pelican has, and any new one, counts. Pelican's own log line
for the final exception (with a traceback) is left out: the line above says it.
"""

from __future__ import annotations

import inspect
import logging
import sys
from pathlib import Path, PurePosixPath
from typing import Any

import pelican

from generator.errors import SiteError, WireArchiveError

logger = logging.getLogger(__name__)


class BuildIncompleteError(SiteError):
    """Some stories (or pages) were left out of an otherwise complete build."""

    exitcode = 1  # what pelican's main() exits with


class HideSaid(logging.Filter):
    """Drop pelican's own log (a traceback) of an error of these kinds: the
    build has already said it in one ``Error:`` line."""

    def __init__(self, *kinds: type[Exception]) -> None:
        super().__init__()
        self.kinds = kinds

    def filter(self, record: logging.LogRecord) -> bool:
        exception = record.exc_info[1] if record.exc_info else None
        args = record.args if isinstance(record.args, tuple) else ()
        return not any(isinstance(item, self.kinds) for item in (exception, *args))


# One filter for the process: each build adds it to Pelican's logger, and a
# logger keeps a filter once, however many builds add it.
_HIDE_REPORTED = HideSaid(BuildIncompleteError)


class Failures:
    """What one build could not read, render or write."""

    def __init__(self, content: str) -> None:
        self.content = content  # Pelican's PATH: content paths are relative to it
        self.context: dict[str, Any] | None = None  # where Pelican marks what it could not read
        self.stories: dict[str, str] = {}  # path under content/ -> reason
        self.pages: dict[str, str] = {}  # output file -> reason
        logging.getLogger("pelican").addFilter(_HIDE_REPORTED)

    def watch(self, context: dict[str, Any]) -> None:
        """The context where Pelican marks the files it could not read."""
        self.context = context

    def story_unreadable(self, source_path: str, error: BaseException) -> None:
        """Why a file could not be read (Pelican then leaves it out and marks it)."""
        where = self.shown_path(self._relative(source_path))
        if isinstance(error, WireArchiveError):
            where = f"{where}:{error.line}" if error.line is not None else where
            logger.error("Error: %s: %s", where, error.message)
        else:
            logger.error("Error: %s: %s", where, describe(error))

    def story_failed(self, source_path: str, reason: str) -> None:
        """A story that was read but could not be rendered (``describe``'s reason)."""
        relative = self._relative(source_path)
        logger.error("Error: %s: could not be rendered: %s", self.shown_path(relative), reason)
        self.stories.setdefault(relative, reason)

    def page_failed(self, name: str, reason: str) -> None:
        """A listing page or a feed that could not be written."""
        logger.error("Error: %s: could not be written: %s", name, reason)
        self.pages.setdefault(name, reason)

    def report(self) -> None:
        """At the very end of a build: fail it if anything was left out."""
        stories = sorted(set(self._unread()) | set(self.stories))
        pages = sorted(self.pages)
        if not stories and not pages:
            return
        parts = []
        if stories:
            shown = ", ".join(self.shown_path(path) for path in stories)
            parts.append(f"{_count(len(stories), 'story', 'stories')} could not be built: {shown}")
        if pages:
            parts.append(
                f"{_count(len(pages), 'page', 'pages')} could not be written: {', '.join(pages)}"
            )
        line = "Error: " + "; ".join(parts)
        print(line, file=sys.stderr, flush=True)
        if not _reloading():
            raise BuildIncompleteError(line.removeprefix("Error: "))

    def _unread(self) -> list[str]:
        """Files Pelican could not read: it marks them None among what it generated."""
        generated = self.context.get("generated_content", {}) if self.context else {}
        return [str(path) for path, content in generated.items() if content is None]

    def shown_path(self, relative: str) -> str:
        """A path under content/ as the user knows it: ``content/2025/03/14/a.md``
        (relative to the working folder when content/ lies in it)."""
        if not self.content:
            return relative
        root = Path(self.content)
        if root.is_relative_to(Path.cwd()):
            root = root.relative_to(Path.cwd())
        return (root / PurePosixPath(relative)).as_posix()

    def _relative(self, source_path: str) -> str:
        path = Path(source_path)
        if self.content and path.is_relative_to(self.content):
            return path.relative_to(self.content).as_posix()
        return source_path


def describe(error: BaseException) -> str:
    """An exception as a short reason on one line."""
    text = " ".join(str(error).split())
    shown = text if len(text) <= 200 else text[:197] + "..."
    return f"{type(error).__name__}: {shown}" if shown else type(error).__name__


def _reloading() -> bool:
    """Whether this build runs in Pelican's reload loop (``pelican -r``)."""
    loop = getattr(pelican, "autoreload", None)
    frame = inspect.currentframe()
    while frame is not None:
        if loop is not None and frame.f_code is getattr(loop, "__code__", None):
            return True
        frame = frame.f_back
    return False


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"
