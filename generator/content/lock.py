"""One import at a time per content folder.

Promise: ``import_lock`` holds an exclusive lock on ``<content>/.wire-archive.lock``
for the whole import; a second import into the same folder stops at once with
a clear message naming the process that holds it, instead of interleaving its
writes. The operating system drops the lock when its holder ends, also when
it is killed, so a stale lock never blocks the next import. A folder that
cannot be written (read-only, full) stops the import here with ``WriteError``.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.content.store import WriteError
from generator.errors import WireArchiveError

LOCK_NAME = ".wire-archive.lock"


class LockedError(WireArchiveError):
    """Another import is writing to the same content folder."""


@contextmanager
def import_lock(content: Path) -> Iterator[None]:
    path = content / LOCK_NAME
    try:
        content.mkdir(parents=True, exist_ok=True)
        handle = path.open("a+", encoding="utf-8")
    except OSError as error:
        raise WriteError("write the import's lock file", error, path) from error
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise LockedError(
                f"expected to be the only import writing here, found one running ({holder}); "
                "wait for it to finish, then import again",
                path=content,
            ) from error
        try:
            # Unbuffered, so a full disk fails here and not again when the file closes.
            os.ftruncate(handle.fileno(), 0)
            os.write(handle.fileno(), f"process {os.getpid()}\n".encode())
        except OSError as error:
            raise WriteError("write the import's lock file", error, path) from error
        try:
            yield
        finally:
            os.ftruncate(handle.fileno(), 0)
            fcntl.flock(handle, fcntl.LOCK_UN)
