"""The import stage: a pile of wire files -> content/, with a summary.

Promise: every file is read on its own; a broken one is reported with its
path (and line) and skipped while the rest still converts. Items of one story
(captured twice, as a teaser and in full, or in updated versions) become one
file, also across imports (see ``generator.merge``). Running the same import
twice changes no byte; with the cache (``generator.cache``) the second run
does not even read the unchanged files. Large piles are parsed in worker
processes, one per core.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path

from generator.cache import ImportCache
from generator.content.lock import import_lock
from generator.content.store import ContentStore, Outcome, remove_stale_temp_files, sync
from generator.errors import WireArchiveError
from generator.formats import is_wire_file
from generator.merge import merge_all, merge_group, resolve_identities
from generator.model import WireItem
from generator.sources import Parsed, parse_file, wire_files


@dataclass
class Summary:
    """What an import did, for people and (``--json``) for machines."""

    files: int = 0
    skipped: int = 0  # unchanged since the last import: not read again
    items: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    merged: int = 0
    ignored: list[str] = field(default_factory=list)  # no wire files by their names
    not_stories: list[str] = field(default_factory=list)  # wire files without a text story
    formats: dict[str, Counter[str]] = field(default_factory=dict)
    errors: list[WireArchiveError] = field(default_factory=list)
    kept_edited: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.errors)

    def count_format(self, parsed: Parsed) -> None:
        counts = self.formats.setdefault(parsed.wire_format or "unknown", Counter())
        counts["files"] += 1
        counts["items"] += len(parsed.items)

    def as_dict(self) -> dict[str, object]:
        return {
            "files": self.files,
            "skipped_unchanged_files": self.skipped,
            "items": self.items,
            **{outcome.value: self.outcomes[outcome.value] for outcome in Outcome},
            "merged": self.merged,
            "failed": self.failed,
            "errors": [str(error) for error in self.errors],
            "kept_edited": self.kept_edited,
            "ignored": self.ignored,
            "skipped_not_stories": self.not_stories,
            "formats": {name: dict(counts) for name, counts in sorted(self.formats.items())},
            "seconds": round(self.seconds, 3),
        }


ProgressCallback = Callable[[int, int], None]
SavedCallback = Callable[[Outcome, Path], None]
PARALLEL_FROM = 400  # files; below this, starting worker processes costs more than it saves


def run_import(
    paths: list[Path],
    content: Path,
    *,
    captured_at: datetime | None = None,
    force: bool = False,
    cache_path: Path | None = None,
    jobs: int | None = None,
    progress: ProgressCallback | None = None,
    on_saved: SavedCallback | None = None,
) -> Summary:
    """Import ``paths`` into the ``content`` folder.

    ``cache_path``: where to remember what was imported (None: no cache);
    ``jobs``: worker processes for large piles (default: one per core);
    ``progress``: called with (files done, files to do);
    ``on_saved``: called with each story's outcome and file, once it is saved.
    """
    started = time.perf_counter()
    summary = Summary()
    cache = ImportCache.load(cache_path, options=f"captured_at={captured_at}")
    to_parse = []
    for path in wire_files(paths):
        if not is_wire_file(path):
            summary.ignored.append(str(path))
        elif cache.unchanged(path) and not force:
            summary.skipped += 1
        else:
            to_parse.append(path)
    summary.files = len(to_parse) + summary.skipped
    items: list[WireItem] = []
    for parsed in _parse_all(to_parse, captured_at, jobs, progress):
        if parsed.skipped:
            summary.not_stories.append(str(parsed.error))
        elif parsed.error is not None:
            summary.errors.append(parsed.error)
            continue
        else:
            items.extend(parsed.items)
            summary.count_format(parsed)
        cache.remember(parsed.path)
    with import_lock(content):
        remove_stale_temp_files(content)  # a killed import's leftovers
        store = ContentStore(content, force=force, index=cache.index)
        integrate(items, store, summary, on_saved)
        summary.errors.extend(store.problems)
        sync()
    cache.index = store.index
    cache.save()
    summary.seconds = time.perf_counter() - started
    return summary


def _parse_all(
    paths: list[Path],
    captured_at: datetime | None,
    jobs: int | None,
    progress: ProgressCallback | None,
) -> Iterator[Parsed]:
    """Every file parsed, in order; in worker processes when the pile is large."""
    workers = jobs or os.cpu_count() or 1
    parse = partial(parse_file, default_captured_at=captured_at)
    if workers > 1 and len(paths) >= PARALLEL_FROM:
        with ProcessPoolExecutor(workers) as pool:
            results = pool.map(parse, paths, chunksize=64)
            yield from _counted(results, len(paths), progress)
    else:
        yield from _counted(map(parse, paths), len(paths), progress)


def _counted(
    results: Iterator[Parsed], total: int, progress: ProgressCallback | None
) -> Iterator[Parsed]:
    for done, parsed in enumerate(results, 1):
        if progress is not None:
            progress(done, total)
        yield parsed


def integrate(
    items: list[WireItem],
    store: ContentStore,
    summary: Summary,
    on_saved: SavedCallback | None = None,
) -> list[Path]:
    """Merge the pile's items into the archive's stories and write what changed.

    Every parsed item lands in one count: ``merged`` when it joined another item
    of this pile, otherwise the outcome of saving its story. Returns the
    story files, in the pile's order.
    """
    summary.items = len(items)
    stories = merge_all(resolve_identities(items, store.find_title, store.find_lead))
    summary.merged = len(items) - len(stories)
    written = []
    for story in stories:
        prior = store.prior(story.id)
        if prior is not None:
            story = merge_group([prior, story])
        outcome, target = store.save(story)
        summary.outcomes[outcome.value] += 1
        if on_saved is not None:
            on_saved(outcome, target)
        if outcome is Outcome.KEPT_EDITED:
            summary.kept_edited.append(str(target))
        written.append(target)
    return written
