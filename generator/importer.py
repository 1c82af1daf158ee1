"""The import stage: a pile of wire files -> content/, with a summary.

Promise: every file is read on its own; a broken one is reported with its
path (and line) and skipped while the rest still converts. Items of one story
(captured twice, as a teaser and in full, or in updated versions) become one
file, also across imports (see ``generator.merge``). A story that cannot be
written is reported with its path and the rest is saved; a disk that takes no
file at all (full, read-only) stops the import with one error, and no file is
left half-written. Every story file whose text a newer version replaced is
reported (``Summary.replaced``, ``generator.import_summary``); a hand-edited
one with an update waiting is reported on every run until resolved (its wire
files are read again). The story files written are durable when the import
returns (``storage.sync_files``). Running the same import twice changes no
byte; with the cache (``generator.cache``) the second run does not even read
the unchanged files. Large piles are parsed in worker processes, one per core
(``generator.parallel``). A story whose embargo has not ended is written like
any other and named in the summary (``Summary.embargoed``): the site holds it
back until its embargo ends.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterator
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from generator.cache import ImportCache
from generator.content.frontmatter import split
from generator.content.index import IndexEntry
from generator.content.lock import import_lock
from generator.content.store import ContentStore, Outcome, WriteError
from generator.errors import ContentError, WireArchiveError
from generator.formats import is_wire_file
from generator.import_summary import Embargoed, Replaced, Summary
from generator.merge import merge_all, merge_group, resolve_identities
from generator.model import Story, WireItem
from generator.parallel import fork_stream, keep_out_of_gc, worth_forking
from generator.places import gazetteer
from generator.sources import (
    Parsed,
    display_name,
    parse_file,
    parse_packed,
    unpack,
    wire_files,
)
from generator.storage import remove_stale_temp_files, sync_files

ProgressCallback = Callable[[int, int], None]
SavedCallback = Callable[[Outcome, Path], None]


def run_import(
    paths: list[Path],
    content: Path,
    *,
    captured_at: datetime | None = None,
    force: Collection[Path] = (),
    cache_path: Path | None = None,
    jobs: int | None = None,
    progress: ProgressCallback | None = None,
    on_saved: SavedCallback | None = None,
    now: datetime | None = None,
) -> Summary:
    """Import ``paths`` into the ``content`` folder.

    ``force``: content files to overwrite even if edited by hand (their wire
    files are read again);
    ``cache_path``: where to remember what was imported (None: no cache);
    ``jobs``: worker processes for large piles (default: one per core);
    ``progress``: called with (files done, files to do);
    ``on_saved``: called with each story's outcome and file, once it is saved;
    ``now``: the moment embargoes are compared with (default: the real time).
    Raises ``WireArchiveError`` when content/ cannot be written at all.
    """
    started = time.perf_counter()
    summary = Summary()
    cache = ImportCache.load(cache_path, options=f"captured_at={captured_at}")
    reread = _sources_of(force)
    to_parse = []
    for path in wire_files(paths):
        if not is_wire_file(path):
            summary.ignored.append(str(path))
        elif cache.unchanged(path) and not (reread and display_name(path) in reread):
            summary.skipped += 1
        else:
            to_parse.append(path)
    summary.files = len(to_parse) + summary.skipped
    items: list[WireItem] = []
    read: list[tuple[Path, set[str]]] = []  # each file read, and the sources of its items
    for parsed in _parse_all(to_parse, captured_at, jobs, progress):
        if parsed.skipped:
            summary.not_stories.append(str(parsed.error))
        elif parsed.error is not None:
            summary.errors.append(parsed.error)
            continue
        else:
            items.extend(parsed.items)
            summary.count_format(parsed)
        read.append((parsed.path, {source for item in parsed.items for source in item.sources}))
    store = _write_stories(items, content, force, cache.index, summary, on_saved, now)
    # A file whose story is not written as it says (kept, failed) is read again next time.
    for path, sources in read:
        if not sources & summary.unsettled:
            cache.remember(path)
    cache.index = store.index
    try:
        cache.save()
    except OSError as error:
        assert cache.path is not None  # save() writes nothing without one
        summary.errors.append(WriteError("write the import cache", error, cache.path))
    summary.seconds = time.perf_counter() - started
    return summary


def _write_stories(
    items: list[WireItem],
    content: Path,
    force: Collection[Path],
    index: dict[str, IndexEntry],
    summary: Summary,
    on_saved: SavedCallback | None,
    now: datetime | None,
) -> ContentStore:
    """Merge ``items`` into content/ under the import lock; the store, up to date."""
    try:
        with import_lock(content):
            _remove_leftovers(content)
            store = ContentStore(content, force=force, index=index)
            written = integrate(items, store, summary, on_saved, now=now)
            summary.errors.extend(store.problems)
            sync_files(written)
    except OSError as error:  # what the store did not expect: say where, not a traceback
        where = Path(error.filename) if error.filename else content
        found = error.strerror or str(error)
        raise ContentError(
            f"expected to read and write the content folder, found {found}", path=where
        ) from error
    done = {path.resolve() for path in written}
    summary.not_forced = [str(path) for path in force if path.resolve() not in done]
    return store


def _remove_leftovers(content: Path) -> None:
    """A killed import's temporary files."""
    try:
        remove_stale_temp_files(content)
    except OSError as error:
        where = Path(error.filename) if error.filename else content
        raise WriteError("remove a leftover temporary file", error, where) from error


def _sources_of(files: Collection[Path]) -> set[str]:
    """The wire files the content ``files`` record as their sources."""
    sources: set[str] = set()
    for path in files:
        try:
            metadata, _ = split(path.read_text("utf-8"), path=str(path))
        except (OSError, UnicodeDecodeError, WireArchiveError):
            continue  # then only its own wire files, if read anyway, can overwrite it
        found = metadata.get("sources")
        if isinstance(found, list):
            sources.update(str(source) for source in found)
    return sources


def _parse_all(
    paths: list[Path],
    captured_at: datetime | None,
    jobs: int | None,
    progress: ProgressCallback | None,
) -> Iterator[Parsed]:
    """Every file parsed, in order; in worker processes when the pile is large
    (``generator.parallel``: ``jobs`` of them, default one per core)."""
    processes = jobs or 0
    if worth_forking(len(paths), processes):
        # Results come back pickled by parse_packed, which cannot fail, so that
        # one file whose result does not travel costs that file, not the pool.
        parse = partial(parse_packed, default_captured_at=captured_at)
        gazetteer.load()  # once, shared by the workers (each would load its own)
        keep_out_of_gc()  # it lives as long as the process: collections need not scan it
        packed = fork_stream(parse, paths, chunksize=64, processes=processes)
        results = map(unpack, paths, packed)
    else:
        results = map(partial(parse_file, default_captured_at=captured_at), paths)
    yield from _counted(results, len(paths), progress)


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
    *,
    now: datetime | None = None,
) -> list[Path]:
    """Merge the pile's items into the archive's stories and write what changed.

    Every parsed item lands in one count: ``merged`` when it joined another item
    of this pile, otherwise the outcome of saving its story (or an error when
    the story cannot be written: that story alone is lost to this import, the
    rest is saved). A story whose embargo is after ``now`` (default: the real
    time) is noted in ``summary.embargoed``. Returns the story files written or
    kept, in the pile's order.
    """
    moment = now or datetime.now(UTC)
    summary.items = len(items)
    resolved = resolve_identities(items, store.stories)
    versions: dict[str, list[WireItem]] = {}
    for item in resolved:
        versions.setdefault(item.id, []).append(item)
    stories = merge_all(resolved)
    summary.merged = len(items) - len(stories)
    written = []
    for story in stories:
        saved = _save_story(story, versions[story.id], store, summary, moment)
        if saved is not None:
            written.append(saved[1])
            if on_saved is not None:
                on_saved(*saved)
    return written


def _save_story(
    story: WireItem,
    versions: list[WireItem],
    store: ContentStore,
    summary: Summary,
    now: datetime,
) -> tuple[Outcome, Path] | None:
    prior = store.prior(story.id)
    if prior is not None:
        story = merge_group([prior, story])
    try:
        outcome, target = store.save(story)
    except WriteError as error:
        if error.stops_import:
            raise  # a full or read-only disk: no other story can be written either
        summary.errors.append(error)
        summary.unsettled.update(story.sources)
        return None
    summary.outcomes[outcome.value] += 1
    if outcome is Outcome.KEPT_EDITED:
        summary.kept_edited.append(str(target))
        summary.unsettled.update(story.sources)
    elif outcome is Outcome.UPDATED and prior is not None and story.paragraphs != prior.paragraphs:
        summary.replaced.append(_replacement(target, story, versions))
    until = _embargo_after(story, now)
    # A file kept because it was edited by hand is not counted: the site
    # goes by that file's own embargo, not this story's.
    if until is not None and outcome is not Outcome.KEPT_EDITED:
        summary.embargoed.append(Embargoed(str(target), until))
    return outcome, target


def _embargo_after(story: Story, now: datetime) -> datetime | None:
    """``story``'s embargo when it has not ended at ``now``: the site's rule
    (``generator.site.embargo.embargo_after``, which this stage cannot
    import, as it never imports Pelican): held back before the moment the
    embargo names, published from that moment on."""
    return story.embargo if story.embargo is not None and story.embargo > now else None


def _replacement(target: Path, story: WireItem, versions: list[WireItem]) -> Replaced:
    """Which version (of this pile) gave ``story`` the text that replaced the file's."""
    giver = next(
        (item for item in reversed(versions) if item.paragraphs == story.paragraphs), story
    )
    source = giver.sources[0] if giver.sources else "?"
    return Replaced(str(target), giver.version, source)
