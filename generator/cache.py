"""The import cache: what earlier imports already did, so unchanged input costs nothing.

Promises:
- a wire file whose size and modification time (and its sidecar's) are as
  when it was last imported without error, by the same converter code and
  options, is not read again: its stories are already in content/;
- content/'s index (each file's id, slug, title, date, and what matching a
  new item against it needs: lead, agency, guid...) is kept per file and
  re-read only for files that changed, so a large archive is not parsed on
  every import;
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
from typing import Any

from generator.code_digest import code_digest
from generator.formats.sidecar import sidecar_path
from generator.storage import atomic_write, file_stamp

CACHE_FORMAT = 4  # 4: file stamps with the inode
# The converter's own code and data: a change to any of them invalidates the cache.
CONVERTER_CODE = (
    *("formats", "text", "places", "content"),
    *("model.py", "merge.py", "matching.py", "importer.py", "sources.py", "errors.py"),
    *("addresses.py", "storage.py"),
)

Stamp = list[int]  # size and mtime_ns of a file and its sidecar


def converter_fingerprint() -> str:
    return code_digest(CONVERTER_CODE)


def stamp(path: Path) -> Stamp:
    """The stamps of a wire file and of its sidecar."""
    return [*file_stamp(path), *file_stamp(sidecar_path(path))]


@dataclass
class ImportCache:
    path: Path | None
    options: str
    sources: dict[str, Stamp] = field(default_factory=dict)
    index: dict[str, list[Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None, options: str) -> ImportCache:
        loaded = cls(path, options)
        if path is None or not path.exists():
            return loaded
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return loaded  # a damaged cache is no cache
        if data.get("format") != CACHE_FORMAT:
            return loaded
        loaded.index = data.get("index", {})
        if data.get("converter") == converter_fingerprint() and data.get("options") == options:
            loaded.sources = data.get("sources", {})
        return loaded

    def unchanged(self, source: Path) -> bool:
        return self.sources.get(str(source.resolve())) == stamp(source)

    def remember(self, source: Path) -> None:
        self.sources[str(source.resolve())] = stamp(source)

    def save(self) -> None:
        if self.path is None:
            return
        data = {
            "format": CACHE_FORMAT,
            "converter": converter_fingerprint(),
            "options": self.options,
            "sources": self.sources,
            "index": self.index,
        }
        atomic_write(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def cache_file(cache_dir: Path, content: Path) -> Path:
    """One cache per content folder."""
    key = hashlib.sha256(str(content.resolve()).encode()).hexdigest()[:12]
    return cache_dir / f"import-{key}.json"
