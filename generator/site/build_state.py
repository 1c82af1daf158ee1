"""Site build, incremental: what the last build wrote, and from what.

Promise: a page is taken over from the last build only if its fingerprint is
the one recorded then and every file it wrote is still there, unchanged
(same size and modification time). The record is removed when a build starts
to change ``output/`` and written again, whole, when it has finished: a build
that is killed halfway leaves no record, so the next build is a full one.
Files the last build wrote that this build does not write again are deleted,
so ``output/`` ends up as a build from scratch would leave it.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.storage import atomic_write

FORMAT = 1
Stamp = tuple[int, int]  # size, modification time in nanoseconds


def state_file(cache_path: Path, output: Path) -> Path:
    """One record per output folder, so two sites can share a cache folder."""
    tag = hashlib.blake2b(str(output.resolve()).encode("utf-8"), digest_size=6).hexdigest()
    return cache_path / f"wire-build-{tag}.json"


def _stamp(path: Path) -> Stamp | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns


@dataclass
class BuildState:
    path: Path
    output: Path
    previous: dict[str, tuple[str, dict[str, Stamp]]] = field(default_factory=dict)
    current: dict[str, tuple[str, dict[str, Stamp]]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path, output: Path) -> BuildState:
        state = cls(path, output)
        try:
            record = json.loads(path.read_text("utf-8"))
            if record.get("format") == FORMAT and record.get("output") == str(output):
                state.previous = {
                    name: (key, {file: (stamp[0], stamp[1]) for file, stamp in files.items()})
                    for name, (key, files) in record["pages"].items()
                }
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            state.previous = {}  # no usable record: every page is built
        return state

    def is_fresh(self, name: str, key: str) -> bool:
        """The last build wrote ``name`` from the same inputs, and it is untouched."""
        found = self.previous.get(name)
        if found is None or found[0] != key:
            return False
        return all(_stamp(self.output / file) == stamp for file, stamp in found[1].items())

    def keep(self, name: str) -> None:
        self.current[name] = self.previous[name]

    def record(self, name: str, key: str, files: list[str]) -> None:
        stamps = {}
        for file in files:
            stamp = _stamp(self.output / file)
            if stamp is not None:
                stamps[file] = stamp
        self.current[name] = (key, stamps)

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


def relative(output: Path, path: str) -> str:
    return os.path.relpath(path, output).replace(os.sep, "/")
