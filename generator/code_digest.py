"""Every stage: a digest of our own code and data, for caches that must not outlive it.

Promise: ``code_digest`` changes whenever a file of the named parts of the
``generator`` package (folders or modules; ``.py`` and data files,
``__pycache__`` aside) changes, is added or removed, and is the same on any
machine for the same files. It is read once a process.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
WHOLE_PACKAGE = ("",)


@cache
def code_digest(parts: tuple[str, ...] = WHOLE_PACKAGE) -> str:
    """32 hex digits over the files of ``parts`` (paths under the package)."""
    return files_digest([PACKAGE / part for part in parts], PACKAGE)


def files_digest(roots: list[Path], base: Path) -> str:
    """A digest of every file under ``roots`` (files or folders), with their
    names relative to ``base``: a renamed file changes it too."""
    hasher = hashlib.blake2b(digest_size=16)
    files = {path for root in roots for path in ([root] if root.is_file() else root.rglob("*"))}
    for path in sorted(files):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            hasher.update(path.relative_to(base).as_posix().encode("utf-8") + b"\0")
            hasher.update(path.read_bytes() + b"\0")
    return hasher.hexdigest()
