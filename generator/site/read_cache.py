"""Site build, reading: each story file parsed once per change, on every core.

Promises:
- every story file is parsed once per change (YAML front matter, markdown-it's
  HTML): taken from the read cache when the file is the one parsed last time
  (same size, modification time and inode, same site key), else parsed by
  worker processes (when there are many) that start before Pelican reads the
  articles and stay ahead of it, in the order it asks; the reader only takes
  the result;
- a file that cannot be parsed is not cached: the reader parses it again and
  reports it as before;
- no story costs more than its bounded share: a body over ``MAX_BODY_CHARS``
  or front matter over ``MAX_FRONT_MATTER_CHARS`` is the file's
  ``ContentError`` (a file too large to be within them is not even read), and
  front matter values are cleaned and bounded (``story_fields``);
- the cache is written whole (temporary file, then rename), in Pelican's
  ``CACHE_PATH``, one per content folder.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterator
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import Any

from generator.parallel import frozen_heap, workers
from generator.site.fingerprint import site_key
from generator.site.story_file import Parsed, parse
from generator.site.timings import timed
from generator.storage import replacing

FORMAT = 2  # 2: front matter cleaned by story_fields
PARALLEL_FROM = 400
Stamp = tuple[int, int, int]  # size, modification time (ns), inode


def _stamp(path: str) -> Stamp:
    found = Path(path).stat()
    return found.st_size, found.st_mtime_ns, found.st_ino


def _cache_file(settings: dict[str, Any], content: str) -> Path:
    where = str(Path(content).resolve()).encode("utf-8")
    tag = hashlib.blake2b(where, digest_size=6).hexdigest()
    return Path(settings.get("CACHE_PATH", "cache")) / f"wire-read-{tag}.pickle"


def _load(path: Path, key: str) -> dict[str, tuple[Stamp, Parsed]]:
    try:
        with path.open("rb") as handle:
            record = pickle.load(handle)
        if record["format"] == FORMAT and record["key"] == key:
            entries: dict[str, tuple[Stamp, Parsed]] = record["entries"]
            return entries
    except Exception:
        pass
    return {}


def _save(path: Path, key: str, entries: dict[str, tuple[Stamp, Parsed]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with replacing(path, "wb") as handle:
        record = {"format": FORMAT, "key": key, "entries": entries}
        pickle.dump(record, handle, protocol=pickle.HIGHEST_PROTOCOL)


class Reading:
    """One build's reading: cached results, and workers parsing the rest ahead,
    in the order Pelican asks for the files, so Pelican's own work on each
    story overlaps with the parsing of the next ones."""

    def __init__(self, cache_path: Path, key: str, paths: list[str], processes: int) -> None:
        self.cache_path, self.key = cache_path, key
        cached = _load(cache_path, key)
        self.cached_count = len(cached)
        self.entries: dict[str, tuple[Stamp, Parsed]] = {}
        self.stamps: dict[str, Stamp] = {}
        for path in paths:
            stamp = _stamp(path)
            found = cached.get(path)
            if found is not None and found[0] == stamp:
                self.entries[path] = found
            else:
                self.stamps[path] = stamp
        self.ahead: dict[str, Parsed | None] = {}
        self.pool: Any = None
        self.results: Iterator[tuple[str, Parsed | None]] = iter(())
        todo = list(self.stamps)
        count = min(processes or workers(), len(todo))
        if len(todo) >= PARALLEL_FROM and count > 1 and "fork" in get_all_start_methods():
            with frozen_heap():
                self.pool = get_context("fork").Pool(count)
            self.results = self.pool.imap(_parse_entry, todo, chunksize=50)

    def take(self, path: str) -> Parsed | None:
        found = self.entries.get(path)
        if found is not None:
            return found[1]
        if path not in self.stamps:
            return None  # not a file this build listed
        while path not in self.ahead:
            try:
                done, parsed = next(self.results)
            except StopIteration:
                self.ahead[path] = _parse_entry(path)[1]
                break
            self.ahead[done] = parsed
        parsed = self.ahead.pop(path)
        if parsed is not None:
            self.entries[path] = (self.stamps[path], parsed)
        return parsed

    def finish(self) -> None:
        """Stop the workers; keep what was parsed for the next build."""
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
        if self.stamps or len(self.entries) != self.cached_count:
            _save(self.cache_path, self.key, self.entries)


_reading: Reading | None = None


def take(path: str) -> Parsed | None:
    """What this build's reading has for ``path`` (Pelican's absolute path):
    None for a file that cannot be parsed (the reader reports it)."""
    return _reading.take(path) if _reading is not None else None


@timed("read: cache")
def start_reading(generator: Any) -> None:
    """Signal handler (article_generator_init): load the cache, start the workers."""
    global _reading
    settings = generator.settings
    files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    # The very strings Pelican hands the reader, in the order it reads them.
    paths = [os.path.abspath(os.path.join(generator.path, f)) for f in files]  # noqa: PTH100, PTH118
    paths = [path for path in paths if path.endswith(".md")]
    jobs = int(settings.get("WIRE_BUILD_JOBS") or 0)
    cache_path = _cache_file(settings, generator.path)
    _reading = Reading(cache_path, site_key(settings, None), paths, jobs)


@timed("read: cache")
def finish_reading(generator: Any) -> None:
    """Signal handler (article_generator_finalized)."""
    global _reading
    reading, _reading = _reading, None
    if reading is not None:
        reading.finish()


def _parse_entry(path: str) -> tuple[str, Parsed | None]:
    try:
        return path, parse(path)
    except Exception:  # any: one broken file must not stop the workers
        return path, None  # the reader meets it again and reports it
