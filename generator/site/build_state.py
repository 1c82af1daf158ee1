"""Site build, incremental: what the last build wrote, and from what.

Promise: a page is taken over from the last build only if its fingerprint is
the one recorded then and every file it wrote is still there, unchanged
(``storage.file_stamp``: same size, modification time and inode). The record
is removed when a build starts to change ``output/`` and written again, whole,
when it has finished: a build that is killed halfway leaves no record, so the
next build is a full one. Files the last build wrote that this build does not
write again are deleted, so ``output/`` ends up as a build from scratch would
leave it.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.storage import ABSENT, Stamp, atomic_write, file_stamp, stamp_from_json

FORMAT = 2  # 2: stamps of storage.file_stamp (size, mtime_ns, inode)
Written = tuple[str, dict[str, Stamp]]  # a page's fingerprint, and the files it wrote


def state_file(cache_path: Path, output: Path) -> Path:
    """One record per output folder, so two sites can share a cache folder."""
    tag = hashlib.blake2b(str(output.resolve()).encode("utf-8"), digest_size=6).hexdigest()
    return cache_path / f"wire-build-{tag}.json"


@dataclass
class BuildState:
    path: Path
    output: Path
    previous: dict[str, Written] = field(default_factory=dict)
    current: dict[str, Written] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path, output: Path) -> BuildState:
        state = cls(path, output)
        try:
            loaded: object = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return state  # no usable record: every page is built
        record: dict[object, object] = loaded if isinstance(loaded, dict) else {}
        if record.get("format") == FORMAT and record.get("output") == str(output):
            state.previous = _pages(record.get("pages"))
        return state

    def is_fresh(self, name: str, key: str) -> bool:
        """The last build wrote ``name`` from the same inputs, and it is untouched."""
        found = self.previous.get(name)
        if found is None or found[0] != key:
            return False
        return all(file_stamp(self.output / file) == stamp for file, stamp in found[1].items())

    def keep(self, name: str) -> None:
        self.current[name] = self.previous[name]

    def record(self, name: str, key: str, files: list[str]) -> None:
        stamps = {file: file_stamp(self.output / file) for file in files}
        self.current[name] = (key, {file: s for file, s in stamps.items() if s != ABSENT})

    def begin(self) -> None:
        """From here on ``output/`` changes: a killed build must not trust the record."""
        self.path.unlink(missing_ok=True)

    def finish(self) -> list[str]:
        """Delete what the last build wrote and this one did not; save the record."""
        written = {file for _, files in self.current.values() for file in files}
        stale = sorted(
            file for _, files in self.previous.values() for file in files if file not in written
        )
        for file in stale:
            (self.output / file).unlink(missing_ok=True)
        pages = {name: [key, files] for name, (key, files) in sorted(self.current.items())}
        record = {"format": FORMAT, "output": str(self.output), "pages": pages}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(self.path, json.dumps(record, separators=(",", ":")))
        return stale


def _pages(loaded: object) -> dict[str, Written]:
    """The pages of a record as JSON gave them back; a page that is not
    ``[key, {file: stamp}]`` is left out (and built again)."""
    pages: dict[str, Written] = {}
    listed: dict[object, object] = loaded if isinstance(loaded, dict) else {}
    for name, page in listed.items():
        parts: list[object] = page if isinstance(page, list) else []
        written = _written(*parts) if len(parts) == 2 else None
        if written is not None:
            pages[str(name)] = written
    return pages


def _written(key: object, files: object) -> Written | None:
    """``[key, {file: stamp}]`` as JSON gave it back, else ``None``."""
    if not isinstance(key, str) or not isinstance(files, dict):
        return None
    listed: dict[object, object] = files
    stamps = {str(file): stamp_from_json(stamp) for file, stamp in listed.items()}
    known = {file: stamp for file, stamp in stamps.items() if stamp is not None}
    return (key, known) if len(known) == len(stamps) else None


def relative(output: Path, path: str) -> str:
    return os.path.relpath(path, output).replace(os.sep, "/")
