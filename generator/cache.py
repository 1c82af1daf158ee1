"""The import cache: what earlier imports already did, so unchanged input costs nothing.

Promises:
- a wire file whose stamp (``storage.file_stamp``: size, modification time,
  inode), and its sidecar's, are as when it was last imported without error,
  by the same converter code and options, is not read again: its stories are
  already in content/; nor is one whose stamps changed but whose bytes (and
  its sidecar's) did not, as after a fresh checkout (the Pages workflow
  keeps this cache between runs): it is hashed, not parsed;
- content/'s index (an ``IndexEntry`` per file: its id, slug, title, date,
  and what matching a new item against it needs) is kept per file and re-read
  only for files that changed, so a large archive is not parsed on every
  import; an entry the cache cannot read back is dropped, its file read again;
- a wire file whose story was not written as it says (kept after a hand
  edit, or failed) is not remembered, so the next import reads and reports
  it again;
- the cache is only ever a shortcut: deleting it, or any change to the
  converter's code, gives a full import with the same result. It is written
  atomically, so a killed import leaves the old cache or the new one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from generator.code_digest import code_digest
from generator.content.index import IndexEntry
from generator.formats.sidecar import sidecar_path
from generator.storage import (
    ABSENT,
    Stamp,
    atomic_write,
    file_digest,
    file_stamp,
    stamp_from_json,
)

CACHE_FORMAT = 6  # 4: file stamps with the inode; 5: index entries of named fields; 6: digests
# The converter's own code and data: a change to any of them invalidates the cache.
CONVERTER_CODE = (
    *("formats", "text", "places", "content"),
    *("model.py", "merge.py", "matching.py", "importer.py", "sources.py", "errors.py"),
    *("addresses.py", "storage.py", "yaml_safe.py"),
)

SourceStamp = tuple[Stamp, Stamp]  # a wire file's and its sidecar's
SourceMark = tuple[Stamp, Stamp, str]  # those, and a digest of both files' bytes


def converter_fingerprint() -> str:
    return code_digest(CONVERTER_CODE)


def stamp(path: Path) -> SourceStamp:
    """The stamps of a wire file and of its sidecar."""
    return file_stamp(path), file_stamp(sidecar_path(path))


def source_digest(path: Path) -> str:
    """A digest of a wire file's bytes and its sidecar's (if it has one)."""
    sidecar = sidecar_path(path)
    # file_stamp, not exists(): a name at the file system's limit has no room
    # for a sidecar, and asking for one raises instead of answering no.
    has_sidecar = file_stamp(sidecar) != ABSENT
    return "-".join([file_digest(path), file_digest(sidecar) if has_sidecar else ""])


@dataclass
class ImportCache:
    path: Path | None
    options: str
    sources: dict[str, SourceMark] = field(default_factory=dict)
    index: dict[str, IndexEntry] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None, options: str) -> ImportCache:
        loaded = cls(path, options)
        if path is None or not path.exists():
            return loaded
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return loaded  # a damaged cache is no cache
        if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
            return loaded
        loaded.index = _entries(data.get("index"))
        if data.get("converter") == converter_fingerprint() and data.get("options") == options:
            loaded.sources = _source_stamps(data.get("sources"))
        return loaded

    def unchanged(self, source: Path) -> bool:
        name = str(source.resolve())
        known = self.sources.get(name)
        if known is None:
            return False
        now = stamp(source)
        if now == known[:2]:
            return True
        if now[0] == ABSENT or source_digest(source) != known[2]:
            return False
        self.sources[name] = (*now, known[2])  # the same bytes, stamped anew
        return True

    def remember(self, source: Path) -> None:
        try:
            digest = source_digest(source)
        except OSError:  # gone or unreadable since it was read: the next import reads it
            return
        self.sources[str(source.resolve())] = (*stamp(source), digest)

    def save(self) -> None:
        if self.path is None:
            return
        data = {
            "format": CACHE_FORMAT,
            "converter": converter_fingerprint(),
            "options": self.options,
            "sources": self.sources,
            "index": {name: entry.to_json() for name, entry in self.index.items()},
        }
        atomic_write(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def _entries(data: object) -> dict[str, IndexEntry]:
    """The index entries that read back; a file without one is read again."""
    if not isinstance(data, dict):
        return {}
    read = ((name, IndexEntry.from_json(entry)) for name, entry in data.items())
    return {name: entry for name, entry in read if entry is not None}


def _source_stamps(data: object) -> dict[str, SourceMark]:
    """The wire files' stamps that read back; a file without one is read again."""
    if not isinstance(data, dict):
        return {}
    read = ((name, _source_stamp(value)) for name, value in data.items())
    return {name: found for name, found in read if found is not None}


def _source_stamp(value: object) -> SourceMark | None:
    if not (isinstance(value, list) and len(value) == 3 and isinstance(value[2], str)):
        return None
    own, sidecar = (stamp_from_json(part) for part in value[:2])
    return None if own is None or sidecar is None else (own, sidecar, value[2])


def cache_file(cache_dir: Path, content: Path) -> Path:
    """One cache per content folder."""
    key = hashlib.sha256(str(content.resolve()).encode()).hexdigest()[:12]
    return cache_dir / f"import-{key}.json"
