"""The import stage: a pile of wire files -> content/, with a summary.

Promise: every file is read on its own; a broken one is reported with its
path (and line) and skipped while the rest still converts. Items of one story
(captured twice, as a teaser and in full, or in updated versions) become one
file, also across imports (see ``generator.merge``). Running the same import
twice changes no byte.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from generator.content.store import ContentStore, Outcome, sync
from generator.errors import InputError, WireArchiveError
from generator.formats import Source, detect
from generator.formats.sidecar import is_sidecar, read_sidecar
from generator.merge import merge_all, merge_group, resolve_updates
from generator.model import WireItem


@dataclass
class Summary:
    """What an import did, for people and (``--json``) for machines."""

    files: int = 0
    items: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    merged: int = 0
    ignored: list[str] = field(default_factory=list)
    errors: list[WireArchiveError] = field(default_factory=list)
    kept_edited: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.errors)

    def as_dict(self) -> dict[str, object]:
        return {
            "files": self.files,
            "items": self.items,
            **{outcome.value: self.outcomes[outcome.value] for outcome in Outcome},
            "merged": self.merged,
            "failed": self.failed,
            "errors": [str(error) for error in self.errors],
            "kept_edited": self.kept_edited,
            "ignored": self.ignored,
            "seconds": round(self.seconds, 3),
        }


def wire_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Every file under ``paths``, sorted, without hidden files and sidecars."""
    for path in paths:
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*") if p.is_file())
            yield from (p for p in candidates if not _is_hidden(p.relative_to(path)))
        else:
            yield path


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def run_import(
    paths: list[Path],
    content: Path,
    *,
    captured_at: datetime | None = None,
    force: bool = False,
) -> Summary:
    """Import ``paths`` into the ``content`` folder."""
    started = time.perf_counter()
    summary = Summary()
    items: list[WireItem] = []
    for path in wire_files(paths):
        if is_sidecar(path):
            continue
        fmt = detect(path)
        if fmt is None:
            summary.ignored.append(str(path))
            continue
        summary.files += 1
        try:
            items.extend(fmt.parse(_source(path, captured_at)))
        except WireArchiveError as error:
            summary.errors.append(error)
    store = ContentStore(content, force=force)
    integrate(items, store, summary)
    summary.errors.extend(store.problems)
    sync()
    summary.seconds = time.perf_counter() - started
    return summary


def integrate(items: list[WireItem], store: ContentStore, summary: Summary) -> list[Path]:
    """Merge the pile's items into the archive's stories and write what changed.

    Every parsed item lands in one count: ``merged`` when it joined another item
    of this pile, otherwise the outcome of saving its story. Returns the
    story files, in the pile's order.
    """
    summary.items = len(items)
    stories = merge_all(resolve_updates(items, store.find_title))
    summary.merged = len(items) - len(stories)
    written = []
    for story in stories:
        prior = store.prior(story.id)
        if prior is not None:
            story = merge_group([prior, story])
        outcome, target = store.save(story)
        summary.outcomes[outcome.value] += 1
        if outcome is Outcome.KEPT_EDITED:
            summary.kept_edited.append(str(target))
        written.append(target)
    return written


def _source(path: Path, default_captured_at: datetime | None) -> Source:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror}", path=path) from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"expected UTF-8 text, found byte 0x{raw[error.start]:02x} at offset {error.start}",
            path=path,
        ) from error
    sidecar = read_sidecar(path)
    return Source(
        path=path,
        text=text,
        captured_at=sidecar.captured_at or default_captured_at,
        section=sidecar.section,
        name=display_name(path),
    )


def display_name(path: Path) -> str:
    """The path relative to the working folder when it lies inside it: the
    ``source`` recorded in content/ must not depend on where the archive sits."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
