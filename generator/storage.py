"""File I/O for every stage: whole files or none, made durable when asked.

Promises:
- ``atomic_write`` and ``replacing`` replace a file so that readers see the
  old file or the new one, whole: a temporary file beside the target (a
  rename within one folder is atomic), named after the writing process so
  concurrent writers never share one; a failed write leaves the old file;
- ``write_if_changed`` leaves a file that already holds the text untouched,
  its modification time too, so rebuilds change only what changed;
- ``sync_files`` makes the files named, and the folders that list them,
  durable: what was written (a file and folder at a time, or for many files
  their filesystem at once), never the whole machine's page cache;
- ``file_stamp`` is the one way a stage tells whether a file changed since it
  last looked (size, modification time, inode: a file replaced by another of
  the same size and time still differs).
"""

from __future__ import annotations

import ctypes
import gzip
import hashlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import IO, Any, cast

TEMP_SUFFIX = ".wire-tmp"
Stamp = tuple[int, int, int]  # size, modification time in nanoseconds, inode
ABSENT: Stamp = (0, 0, 0)


def file_stamp(path: Path | str) -> Stamp:
    """Size, modification time and inode; ``ABSENT`` for a file that is not there."""
    try:
        status = os.stat(path)  # noqa: PTH116 (a str path: no Path object per file)
    except (OSError, ValueError):  # not there, or cannot be: a name too long, a link loop
        return ABSENT
    return status.st_size, status.st_mtime_ns, status.st_ino


def file_digest(path: Path | str) -> str:
    """A digest of the file's bytes: whether a file whose stamp changed (a
    fresh checkout, a cache restored on another disk) still holds the same."""
    with open(path, "rb") as file:  # noqa: PTH123 (a str path: no Path object per file)
        return hashlib.file_digest(file, _digester).hexdigest()


def gzipped(data: bytes) -> bytes:
    """``data`` as the site stores a file gzipped (search index, sitemap parts):
    level 6, as servers compress, and no time in the header, so the same data
    always gives the same bytes."""
    return gzip.compress(data, compresslevel=6, mtime=0)


def gunzipped(data: bytes) -> bytes:
    """A stored file's bytes unpacked; plain ones as they are (a server that
    sends a ``.gz`` file with ``Content-Encoding: gzip`` has them unpacked)."""
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def bytes_digest(data: bytes) -> str:
    """``file_digest`` of a file holding ``data``, without reading it back."""
    return _digester(data).hexdigest()


def _digester(data: bytes = b"") -> hashlib.blake2b:
    return hashlib.blake2b(data, digest_size=16)


def stamp_from_json(value: object) -> Stamp | None:
    """A stamp as JSON gave it back (a list of three whole numbers), else ``None``."""
    if not (isinstance(value, list) and len(value) == 3):
        return None
    if not all(isinstance(number, int) and not isinstance(number, bool) for number in value):
        return None
    return value[0], value[1], value[2]


@contextmanager
def replacing(
    target: Path, mode: str = "w", encoding: str | None = "utf-8", newline: str | None = None
) -> Iterator[IO[Any]]:
    """A file opened for writing that appears at ``target`` whole when closed, or
    not at all (a temporary file beside it, renamed)."""
    temp = target.with_name(f".{target.name}.{os.getpid()}{TEMP_SUFFIX}")
    binary = "b" in mode
    try:
        with temp.open(
            mode, encoding=None if binary else encoding, newline=None if binary else newline
        ) as handle:
            yield handle
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def atomic_write(target: Path, data: str | bytes) -> None:
    """Replace ``target`` with ``data``, creating its folder if need be.

    Not fsynced here: a killed process cannot leave a partial file this way,
    and ``sync_files`` at the end of a stage makes the lot durable at once."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        with replacing(target, "wb") as handle:
            handle.write(data)
    else:
        with replacing(target, newline="\n") as handle:
            handle.write(data)


def write_if_changed(target: Path, data: str | bytes) -> bool:
    """``atomic_write``, unless the file already holds ``data``; whether it wrote."""
    encoded = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if target.read_bytes() == encoded:
            return False
    except OSError:
        pass
    atomic_write(target, encoded)
    return True


def remove_stale_temp_files(folder: Path) -> int:
    """Delete what a killed writer left: temporary files never renamed into place.

    Only call this while no other writer can be at work in ``folder`` (the
    import holds its lock; a site build owns its output)."""
    removed = 0
    for stale in folder.rglob(f".*{TEMP_SUFFIX}") if folder.exists() else []:
        stale.unlink(missing_ok=True)
        removed += 1
    return removed


# Files: from this many on, one syncfs of their filesystem costs less than an
# fsync of each and of their folders (measured on ext4: 50 story files 14 ms
# against 3 ms, 2,000 files 352 ms against 39 ms); below it, a small import
# does not wait for what other programs left pending on the filesystem.
SYNCFS_FROM = 32
_FOLDER_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)


def sync_files(paths: Iterable[Path]) -> None:
    """Make the files at ``paths`` and the entries naming them durable.

    Few files: each file's data, then each folder once (a rename is durable
    only with its folder). ``SYNCFS_FROM`` files or more: one ``syncfs`` of
    each filesystem they lie on (Linux), which writes out that filesystem's
    pending data in one go, never the whole machine's; where there is no
    ``syncfs``, or it fails, each file and folder as for few."""
    files = list(paths)
    folders = sorted({path.parent for path in files})
    if len(files) >= SYNCFS_FROM and _sync_filesystems(folders):
        return
    for path in files:
        _fsync(path, os.O_RDONLY)
    for folder in folders:
        _fsync(folder, _FOLDER_FLAGS)


def _sync_filesystems(folders: list[Path]) -> bool:
    """One ``syncfs`` per filesystem holding ``folders``; whether each succeeded."""
    syncfs = _syncfs()
    if syncfs is None:
        return False
    one_per_filesystem: dict[int, Path] = {}
    for folder in folders:
        try:
            one_per_filesystem.setdefault(folder.stat().st_dev, folder)
        except FileNotFoundError:
            continue  # removed since: nothing in it to keep
    for folder in one_per_filesystem.values():
        descriptor = os.open(folder, _FOLDER_FLAGS)
        try:
            if syncfs(descriptor) != 0:
                return False
        finally:
            os.close(descriptor)
    return True


@cache
def _syncfs() -> Callable[[int], int] | None:
    """Linux's ``syncfs(2)`` from the C library; ``None`` elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        syncfs = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):  # no C library to load, or one without syncfs
        return None
    syncfs.argtypes, syncfs.restype = [ctypes.c_int], ctypes.c_int
    return cast("Callable[[int], int]", syncfs)


def _fsync(path: Path, flags: int) -> None:
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        return  # removed since it was written: nothing of it to keep
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
