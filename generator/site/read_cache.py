"""Site build, reading: each story file parsed once per change, on every core.

Promises:
- before Pelican reads the articles, every story file is parsed (YAML front
  matter, markdown-it's HTML): taken from the read cache when the file is the
  one parsed last time (same size, modification time and inode, same site
  key), else parsed in worker processes when there are many; the reader only
  looks the result up;
- a file that cannot be parsed is not cached: the reader parses it again and
  reports it as before;
- the cache is written whole (temporary file, then rename), in Pelican's
  ``CACHE_PATH``, one per content folder.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

from generator.content.frontmatter import split
from generator.content.markdown import markdown_to_html
from generator.content.store import TEMP_SUFFIX
from generator.errors import ContentError
from generator.parallel import fork_map
from generator.site.fingerprint import site_key
from generator.site.timings import timed

FORMAT = 1
PARALLEL_FROM = 400
Stamp = tuple[int, int, int]  # size, modification time (ns), inode
Parsed = tuple[str, dict[str, Any], str]  # HTML, front matter, digest of the file

_parsed: dict[str, Parsed] = {}


def parse(path: str) -> Parsed:
    """The reader's work on one file; raises ``ContentError`` for a broken one."""
    data = Path(path).read_bytes()
    metadata, body = split(data.decode("utf-8"), path=path)
    source = hashlib.blake2b(data, digest_size=12).hexdigest()
    return markdown_to_html(body), metadata, source


def take(path: str) -> Parsed | None:
    """What ``prefetch`` parsed for ``path`` (an absolute path), once."""
    return _parsed.pop(path, None)


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
    temp = path.with_name(f".{path.name}.{os.getpid()}{TEMP_SUFFIX}")
    try:
        with temp.open("wb") as handle:
            record = {"format": FORMAT, "key": key, "entries": entries}
            pickle.dump(record, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


@timed("read: parse")
def prefetch(generator: Any) -> None:
    """Signal handler (article_generator_init): parse every story file ahead."""
    settings = generator.settings
    files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    # Keyed by the very string Pelican hands the reader for each file.
    paths = sorted(os.path.abspath(os.path.join(generator.path, f)) for f in files)  # noqa: PTH100, PTH118
    paths = [path for path in paths if path.endswith(".md")]
    key = site_key(settings, None)
    cache_path = _cache_file(settings, generator.path)
    cached = _load(cache_path, key)
    entries: dict[str, tuple[Stamp, Parsed]] = {}
    todo: list[tuple[str, Stamp]] = []
    for path in paths:
        stamp = _stamp(path)
        found = cached.get(path)
        if found is not None and found[0] == stamp:
            entries[path] = found
        else:
            todo.append((path, stamp))
    jobs = int(settings.get("WIRE_BUILD_JOBS") or 0)
    for (path, stamp), parsed in zip(todo, _parse_all([p for p, _ in todo], jobs), strict=True):
        if parsed is not None:
            entries[path] = (stamp, parsed)
    _parsed.clear()
    _parsed.update((path, parsed) for path, (_, parsed) in entries.items())
    if todo or len(entries) != len(cached):
        _save(cache_path, key, entries)


def _parse_or_none(path: str) -> Parsed | None:
    try:
        return parse(path)
    except (ContentError, UnicodeDecodeError, OSError):
        return None  # the reader meets it again and reports it


def _parse_all(paths: list[str], processes: int) -> list[Parsed | None]:
    return fork_map(
        _parse_or_none, paths, min_items=PARALLEL_FROM, chunksize=100, processes=processes
    )
