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
- the parsing itself (``story_file.parse``) bounds what each file costs;
- the cache is written whole (temporary file, then rename), in Pelican's
  ``CACHE_PATH``, one per content folder.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Generator
from pathlib import Path
from typing import NamedTuple

from generator.parallel import fork_stream, worth_forking
from generator.site.build import Build, PelicanGenerator
from generator.site.fingerprint import site_key
from generator.site.story_file import Parsed, parse
from generator.storage import Stamp, file_stamp, replacing

FORMAT = 4  # 3: saved as a Record; 4: a typed Story in each parsed file


class Record(NamedTuple):
    """The read cache as it is saved."""

    format: int
    key: str  # the site key of what reading depends on (fingerprint.site_key)
    entries: dict[str, tuple[Stamp, Parsed]]  # story file -> its stamp and parse


def _cache_file(cache: Path, content: str) -> Path:
    where = str(Path(content).resolve()).encode("utf-8")
    tag = hashlib.blake2b(where, digest_size=6).hexdigest()
    return cache / f"wire-read-{tag}.pickle"


def _load(path: Path, key: str) -> dict[str, tuple[Stamp, Parsed]]:
    try:
        with path.open("rb") as handle:
            record: object = pickle.load(handle)
    except Exception:  # any: a cache we cannot read is a cache we do not have
        return {}
    if isinstance(record, Record) and record.format == FORMAT and record.key == key:
        return record.entries
    return {}


def _save(path: Path, key: str, entries: dict[str, tuple[Stamp, Parsed]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with replacing(path, "wb") as handle:
        pickle.dump(Record(FORMAT, key, entries), handle, protocol=pickle.HIGHEST_PROTOCOL)


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
            stamp = file_stamp(path)
            found = cached.get(path)
            if found is not None and found[0] == stamp:
                self.entries[path] = found
            else:
                self.stamps[path] = stamp
        self.ahead: dict[str, Parsed | None] = {}
        # Parsed ahead by workers when there are many; else one by one, as asked.
        todo = list(self.stamps)
        self.results: Generator[tuple[str, Parsed | None]] | None = None
        if worth_forking(len(todo), processes):
            self.results = fork_stream(_parse_entry, todo, chunksize=50, processes=processes)

    def take(self, path: str) -> Parsed | None:
        found = self.entries.get(path)
        if found is not None:
            return found[1]
        if path not in self.stamps:
            return None  # not a file this build listed
        while path not in self.ahead:
            result = next(self.results, None) if self.results is not None else None
            if result is None:  # no workers, or they are done: parse it here
                self.ahead[path] = _parse_entry(path)[1]
                break
            self.ahead[result[0]] = result[1]
        parsed = self.ahead.pop(path)
        if parsed is not None:
            self.entries[path] = (self.stamps[path], parsed)
        return parsed

    def finish(self) -> None:
        """Stop the workers; keep what was parsed for the next build."""
        if self.results is not None:
            self.results.close()  # stops the workers
        if self.stamps or len(self.entries) != self.cached_count:
            _save(self.cache_path, self.key, self.entries)


def start_reading(build: Build, generator: PelicanGenerator) -> Reading:
    """Load the cache, start the workers (at Pelican's article_generator_init)."""
    settings = build.settings
    # The very strings Pelican hands the reader, in the order it reads them.
    files = generator.get_files(settings.article_paths, exclude=settings.article_excludes)
    paths = [os.path.abspath(os.path.join(generator.path, f)) for f in files]  # noqa: PTH100, PTH118
    paths = [path for path in paths if path.endswith(".md")]
    cache_path = _cache_file(settings.cache, generator.path)
    return Reading(cache_path, site_key(settings.raw, None), paths, settings.jobs)


def finish_reading(build: Build) -> None:
    """Stop the workers, save the cache (at Pelican's article_generator_finalized)."""
    reading, build.reading = build.reading, None
    if reading is not None:
        reading.finish()


def _parse_entry(path: str) -> tuple[str, Parsed | None]:
    try:
        return path, parse(path)
    except Exception:  # any: one broken file must not stop the workers
        return path, None  # the reader meets it again and reports it
