"""Reading the pile: which files are wire files, and each one read into items.

Promise: ``parse_file`` never raises for a bad file: it returns the items, or
the project's error naming the file (and line), so one broken file never
stops the others, in this process or in a worker process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

from generator.errors import InputError, NotAStoryError, WireArchiveError
from generator.formats import Source, read_items
from generator.formats.sidecar import is_sidecar, read_sidecar
from generator.model import WireItem


@dataclass(frozen=True)
class Parsed:
    """What one wire file gave: its format and items, or why it gave none."""

    path: Path
    items: list[WireItem]
    error: WireArchiveError | None = None
    wire_format: str | None = None

    @property
    def skipped(self) -> bool:
        """The file is fine but holds no text story (see ``NotAStoryError``)."""
        return isinstance(self.error, NotAStoryError)


def wire_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Every file under ``paths``, sorted, without hidden files and sidecars."""
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file())
            yield from (p for p in found if not (_is_hidden(p.relative_to(path)) or is_sidecar(p)))
        elif not is_sidecar(path):
            yield path


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def parse_file(path: Path, default_captured_at: datetime | None = None) -> Parsed:
    try:
        wire_format, items = read_items(read_source(path, default_captured_at))
    except WireArchiveError as error:
        return Parsed(path, [], error)
    return Parsed(path, items, wire_format=wire_format)


MAX_FILE_BYTES = 64 * 1024 * 1024  # no wire item is this large: a larger file is refused unread


def read_source(path: Path, default_captured_at: datetime | None) -> Source:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                f"expected a wire file of at most {MAX_FILE_BYTES // 2**20} MiB, "
                f"found {size / 2**20:.0f} MiB (refused unread)",
                path=path,
            )
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror}", path=path) from error
    sidecar = read_sidecar(path)
    return Source(
        path=path,
        data=data,
        captured_at=sidecar.captured_at or default_captured_at,
        section=sidecar.section,
        name=display_name(path),
    )


def display_name(path: Path) -> str:
    """The path relative to the working folder when it lies inside it: the
    ``sources`` recorded in content/ must not depend on where the archive sits."""
    try:
        return path.resolve().relative_to(_resolved(str(Path.cwd()))).as_posix()
    except ValueError:
        return path.as_posix()


@cache
def _resolved(folder: str) -> Path:
    return Path(folder).resolve()  # once per working folder, not once per file
