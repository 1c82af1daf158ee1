"""Reading the pile: which files are wire files, and each one read into items.

Promises:
- ``parse_file`` never raises for a bad file, whatever goes wrong while reading
  it (a broken file, a limit of the interpreter, a bug): it returns the items,
  or an error naming the file (and line), so one file never stops the others;
  ``parse_packed`` gives the same result pickled, always, for a worker process;
- wire files are regular files inside the wire folder: a walk never follows a
  link (a link to a place inside the folder is skipped, as its target is read
  under its own name); a link to a place outside the folder holding it, a named
  pipe, socket, device or folder where a file belongs (also as a sidecar) is
  refused by name without being opened, and nothing outside is ever read;
- a file whose name is not UTF-8 is refused by name (its undecodable bytes shown
  escaped): the name could not be recorded in content/ or the cache.
"""

from __future__ import annotations

import errno
import io
import os
import pickle
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from generator.errors import InputError, NotAStoryError, WireArchiveError
from generator.formats import Source, read_items
from generator.formats.sidecar import (
    MAX_SIDECAR_BYTES,
    Sidecar,
    is_sidecar,
    parse_sidecar,
    sidecar_path,
)
from generator.model import WireItem


@dataclass(frozen=True)
class Parsed:
    """What one wire file gave: its format and items, or why it gave none."""

    path: Path
    items: list[WireItem]
    error: WireArchiveError | None = None
    wire_format: str | None = None

    @property
    def skipped(self) -> bool:
        """The file is fine but holds no text story (see ``NotAStoryError``)."""
        return isinstance(self.error, NotAStoryError)


def wire_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Every file under ``paths``, sorted, without hidden files and sidecars."""
    for path in paths:
        if path.is_dir():
            yield from sorted(_walk(path))
        elif not is_sidecar(path):
            yield path


def _walk(folder: Path) -> Iterator[Path]:
    """What lies in ``folder`` and its (not hidden) subfolders, links not followed;
    everything but folders and links to places inside ``folder`` (read under
    their own names) or to nothing at all (a loop)."""
    inside = os.path.realpath(folder)
    for parent, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        linked = [name for name in folders if Path(parent, name).is_symlink()]
        for name in [*files, *linked]:
            path = Path(parent, name)
            if not (name.startswith(".") or is_sidecar(path) or _links_inside(path, inside)):
                yield path


def _links_inside(path: Path, folder: str) -> bool:
    """A link whose target lies in ``folder``, or leads nowhere (a loop)."""
    if not path.is_symlink():
        return False
    try:
        path.stat()
    except OSError as error:
        return error.errno == errno.ELOOP
    return _is_within(os.path.realpath(path), folder)


def _is_within(target: str, folder: str) -> bool:
    return os.path.commonpath([target, folder]) == folder


def parse_file(path: Path, default_captured_at: datetime | None = None) -> Parsed:
    """The items of the wire file ``path``, or the error that names it."""
    name = display_name(path)
    try:
        wire_format, items = read_items(read_source(path, default_captured_at, name))
    except WireArchiveError as error:
        return Parsed(path, [], error)
    except RecursionError:
        return Parsed(path, [], InputError(_TOO_DEEP, path=name))
    except Exception as error:  # a bug or a limit met by this file: it costs this file only
        return Parsed(path, [], unforeseen(error, name))
    return Parsed(path, items, wire_format=wire_format)


_TOO_DEEP = "expected nesting a reader can follow, found it nested too deep (RecursionError)"


def unforeseen(error: BaseException, name: str) -> InputError:
    """An error the readers did not foresee, as one that names the file and its kind."""
    detail = " ".join(str(error).split())
    detail = detail if len(detail) <= 120 else detail[:117] + "..."
    return InputError(
        f"expected a file the converter can read, found {type(error).__name__} while reading it"
        + (f": {detail}" if detail else ""),
        path=name,
    )


def parse_packed(path: Path, default_captured_at: datetime | None = None) -> bytes:
    """``parse_file``'s result pickled, for a worker process to send back: an
    error that pickles badly (its class takes other arguments) is rebuilt from
    its fields, and items that do not pickle become this file's error."""
    parsed = parse_file(path, default_captured_at)
    try:
        return _pickled(parsed)
    except Exception as error:
        return _pickled(Parsed(path, [], unforeseen(error, display_name(path))))


def unpack(path: Path, packed: bytes) -> Parsed:
    """What ``parse_packed`` sent for ``path``; an error naming it if it cannot be read."""
    try:
        parsed = pickle.loads(packed)
    except Exception as error:
        return Parsed(path, [], unforeseen(error, display_name(path)))
    if not isinstance(parsed, Parsed):
        return Parsed(path, [], unforeseen(TypeError(type(parsed).__name__), display_name(path)))
    return parsed


def _pickled(parsed: Parsed) -> bytes:
    buffer = io.BytesIO()
    _ErrorPickler(buffer, pickle.HIGHEST_PROTOCOL).dump(parsed)
    return buffer.getvalue()


class _ErrorPickler(pickle.Pickler):
    """Pickles the project's errors by their fields, not by calling their class
    with ``args`` (which ``ParseError``, taking keywords only, refuses)."""

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, WireArchiveError):
            return _rebuilt_error, (type(obj), obj.args, dict(obj.__dict__))
        return NotImplemented


def _rebuilt_error(
    kind: type[WireArchiveError], args: tuple[Any, ...], fields: dict[str, Any]
) -> WireArchiveError:
    error = kind.__new__(kind)
    Exception.__init__(error, *args)
    error.__dict__.update(fields)
    return error


MAX_FILE_BYTES = 64 * 1024 * 1024  # no wire item is this large: a larger file is refused unread


def read_source(
    path: Path, default_captured_at: datetime | None, name: str | None = None
) -> Source:
    """The file and its sidecar; ``name``: the file as shown (see ``display_name``)."""
    name = name or display_name(path)
    _refuse_undecodable_name(path, name)
    data = read_regular(path, name, MAX_FILE_BYTES, what="a wire file")
    if data is None:
        raise InputError("cannot read the file: No such file or directory", path=name)
    sidecar = _sidecar(path, name)
    return Source(
        path=path,
        data=data,
        captured_at=sidecar.captured_at or default_captured_at,
        section=sidecar.section,
        name=name,
    )


def _sidecar(path: Path, name: str) -> Sidecar:
    """The sidecar beside ``path`` (shown as ``name``), shown beside it too."""
    sidecar = sidecar_path(path)
    if not os.path.lexists(sidecar):  # most files have none (or cannot: a name too long)
        return Sidecar()
    where = sidecar_path(Path(name)).as_posix()
    data = read_regular(sidecar, where, MAX_SIDECAR_BYTES, what="a sidecar")
    return Sidecar() if data is None else parse_sidecar(data, where)


def _refuse_undecodable_name(path: Path, name: str) -> None:
    """The whole path, as the cache records it, must be UTF-8, not only the name."""
    try:
        os.fsencode(path.absolute()).decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"expected a file name in UTF-8, found the byte {error.object[error.start]:#04x} "
            "(rename the file or its folder)",
            path=name,
        ) from None


def read_regular(path: Path, name: str, limit: int, *, what: str) -> bytes | None:
    """The bytes of ``path``, a regular file of at most ``limit`` bytes, or None
    when there is none (nor can be: a name too long). Anything else is refused
    by name before it is opened: a link to a place outside the folder holding
    it, a folder, a named pipe (opening one would wait forever), a socket or a
    device; the file is opened without waiting and checked again once open."""
    try:
        status, target = path.lstat(), path
        if stat.S_ISLNK(status.st_mode):
            _refuse_link_out(path, name)
            status, target = path.stat(), Path(os.path.realpath(path))  # opened without links
        _refuse_irregular(status, name, limit, what)
        handle = os.open(target, _OPEN_FLAGS)
        with os.fdopen(handle, "rb") as opened:
            _refuse_irregular(os.fstat(opened.fileno()), name, limit, what)
            data = opened.read(limit + 1)
    except OSError as error:
        if error.errno in (errno.ENOENT, errno.ENAMETOOLONG, errno.ENOTDIR):
            return None
        raise InputError(f"cannot read the file: {error.strerror}", path=name) from error
    _refuse_oversize(len(data), name, limit, what)
    return data


# Never wait on opening (a pipe swapped in after the check), never follow a link.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)


def _refuse_link_out(path: Path, name: str) -> None:
    folder = os.path.realpath(path.parent)
    if not _is_within(os.path.realpath(path), folder):
        raise InputError(
            f"expected a regular file inside {Path(name).parent.as_posix()}, "
            "found a link to a place outside it (refused unread)",
            path=name,
        )


_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


def _refuse_irregular(status: os.stat_result, name: str, limit: int, what: str) -> None:
    if not stat.S_ISREG(status.st_mode):
        kind = _KINDS.get(stat.S_IFMT(status.st_mode), "something else")
        raise InputError(
            f"expected {what} that is a regular file, found {kind} (refused unopened)", path=name
        )
    _refuse_oversize(status.st_size, name, limit, what)


def _refuse_oversize(size: int, name: str, limit: int, what: str) -> None:
    if size > limit:
        raise InputError(
            f"expected {what} of at most {_size(limit)}, found {_size(size)} (refused unread)",
            path=name,
        )


def _size(count: int) -> str:
    return f"{count / 2**20:.0f} MiB" if count >= 2**20 else f"{count / 2**10:.0f} KiB"


def display_name(path: Path) -> str:
    """The path relative to the working folder when it lies inside it (the
    ``sources`` recorded in content/ must not depend on where the archive
    sits), with bytes that are not UTF-8 shown escaped (``\\xff``)."""
    try:
        shown = path.resolve().relative_to(_resolved(str(Path.cwd()))).as_posix()
    except (ValueError, OSError, RuntimeError):  # outside; or unresolvable (a loop)
        shown = path.as_posix()
    return os.fsencode(shown).decode("utf-8", "backslashreplace")


@cache
def _resolved(folder: str) -> Path:
    return Path(folder).resolve()  # once per working folder, not once per file
