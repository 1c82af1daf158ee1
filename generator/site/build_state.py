"""Site build, incremental: what the last build wrote, and from what.

Promise: a page is taken over from the last build only if its fingerprint is
the one recorded then and every file it wrote is still there, unchanged: the
same stamp (``storage.file_stamp``: size, modification time and inode) or,
when the stamp changed, the same bytes (``storage.file_digest``), as after
``output/`` was restored from a cache (the Pages workflow keeps it between
runs): such a page is not rendered again, and its new stamp is recorded. The record
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

from generator.storage import (
    ABSENT,
    Stamp,
    atomic_write,
    file_digest,
    file_stamp,
    stamp_from_json,
)

FORMAT = 3  # 2: stamps of storage.file_stamp (size, mtime_ns, inode); 3: and digests
Mark = tuple[Stamp, str]  # a written file's stamp and the digest of its bytes
WrittenFile = tuple[str, str | None]  # a file just written, and its digest if known
Written = tuple[str, dict[str, Mark]]  # a page's fingerprint, and the files it wrote


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
    refreshed: dict[str, Written] = field(default_factory=dict)  # fresh, with new stamps

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
        marks: dict[str, Mark] = {}
        for file, (stamp, digest) in found[1].items():
            now = file_stamp(self.output / file)
            if now != stamp and not _same_bytes(self.output / file, now, stamp, digest):
                return False
            marks[file] = (now, digest)
        if marks != found[1]:
            self.refreshed[name] = (key, marks)
        return True

    def keep(self, name: str) -> None:
        found = self.refreshed.pop(name) if name in self.refreshed else self.previous[name]
        self.current[name] = found

    def record(self, name: str, key: str, files: list[WrittenFile]) -> None:
        marks = {}
        for file, digest in files:
            stamp = file_stamp(self.output / file)
            if stamp != ABSENT:
                marks[file] = (stamp, digest or file_digest(self.output / file))
        self.current[name] = (key, marks)

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


def _same_bytes(path: Path, now: Stamp, stamp: Stamp, digest: str) -> bool:
    """A file whose stamp changed holds what was written all the same."""
    return now != ABSENT and now[0] == stamp[0] and file_digest(path) == digest


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
    """``[key, {file: [stamp, digest]}]`` as JSON gave it back, else ``None``."""
    if not isinstance(key, str) or not isinstance(files, dict):
        return None
    listed: dict[object, object] = files
    marks = {str(file): _mark(mark) for file, mark in listed.items()}
    known = {file: mark for file, mark in marks.items() if mark is not None}
    return (key, known) if len(known) == len(marks) else None


def _mark(value: object) -> Mark | None:
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[1], str)):
        return None
    stamp = stamp_from_json(value[0])
    return None if stamp is None else (stamp, value[1])


def relative(output: Path, path: str) -> str:
    return os.path.relpath(path, output).replace(os.sep, "/")
