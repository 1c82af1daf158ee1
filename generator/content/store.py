"""The content/ folder as the archive's store of stories, written safely.

Promises:
- a story keeps the file it was first written to, and so its URL (the file's
  place under content/ is its place on the site), also when its title or date
  changes later;
- two stories never share a file: a clash of slugs on one day, also one that
  differs only in case, gets a suffix from the story's id;
- ``prior`` gives back the story a file records, so a new item can be merged
  into it; a file a person has edited is never read as a prior nor
  overwritten, unless ``force`` is set;
- a file is replaced atomically (temporary file, rename): a killed import
  leaves the old file or the new one, never a mix.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

from generator.content.files import is_hand_edited, read_item, relative_path, render
from generator.content.frontmatter import split
from generator.errors import ContentError
from generator.merge import lead_key, title_key
from generator.model import WireItem
from generator.text.slugs import slugify


class Outcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    KEPT_EDITED = "kept-edited"


@dataclass(frozen=True)
class _Entry:
    path: Path  # relative to the store's root
    slug: str


class ContentStore:
    """Reads what content/ holds once, then answers for and saves stories.

    ``index`` maps each file (its path under the root) to its size, mtime and
    the front matter the store needs (id, slug, title, date, lead key); a file whose size
    and mtime match is not read again. The store keeps it up to date, so the
    caller can save it for the next import.
    """

    def __init__(
        self, root: Path, *, force: bool = False, index: dict[str, list[Any]] | None = None
    ) -> None:
        self.root = root
        self.force = force
        self.problems: list[ContentError] = []
        self.index: dict[str, list[Any]] = {}
        self._by_id: dict[str, _Entry] = {}
        self._by_title: dict[str, tuple[str, str]] = {}  # title key -> (date, id), latest
        self._by_lead: dict[str, str] = {}  # lead key -> id
        self._taken: set[str] = set()
        self._scan(index or {})

    def _scan(self, known: dict[str, list[Any]]) -> None:
        if not self.root.exists():
            return
        for path in sorted(self.root.rglob("*.md")):
            relative = path.relative_to(self.root)
            self._taken.add(_path_key(relative))
            entry = known.get(relative.as_posix())
            if entry is None or entry[:2] != list(file_stamp(path)):
                entry = self._read_entry(path)
            if entry is not None:
                self._remember(relative, entry)

    def _read_entry(self, path: Path) -> list[Any] | None:
        """[size, mtime_ns, id, slug, title, date] of one file, from its front matter."""
        try:
            metadata, _ = split(path.read_text("utf-8"), path=str(path))
        except (ContentError, UnicodeDecodeError) as error:
            self.problems.append(_as_content_error(error, path))
            return None
        fields = [metadata.get(key) for key in ("id", "slug", "title", "date")]
        lead = lead_key(str(metadata.get("summary", "")))
        return [
            *file_stamp(path),
            *(None if value is None else str(value) for value in fields),
            lead,
        ]

    def _remember(self, relative: Path, entry: list[Any]) -> None:
        self.index[relative.as_posix()] = entry
        story, slug, title, date, lead = entry[2:]
        if story is None:
            return
        self._by_id.setdefault(story, _Entry(relative, slug or ""))
        if lead is not None:
            self._by_lead.setdefault(lead, story)
        if title is not None:
            dated = (date or "", story)
            key = title_key(title)
            self._by_title[key] = max(self._by_title.get(key, dated), dated)

    def find_title(self, key: str) -> str | None:
        """The id of the latest story whose headline folds to ``key``."""
        found = self._by_title.get(key)
        return found[1] if found else None

    def find_lead(self, key: str) -> str | None:
        """The id of the story whose lead has ``key`` (see ``merge.lead_key``)."""
        return self._by_lead.get(key)

    def prior(self, story_id: str) -> WireItem | None:
        """The story as its file records it, unless the file was edited by hand."""
        entry = self._by_id.get(story_id)
        if entry is None:
            return None
        path = self.root / entry.path
        text = path.read_text("utf-8")
        if is_hand_edited(text):
            return None
        try:
            return read_item(text, str(path))
        except ContentError as error:
            self.problems.append(error)
            return None

    def save(self, item: WireItem) -> tuple[Outcome, Path]:
        """Write ``item`` where it belongs; say what happened and where."""
        entry = self._by_id.get(item.id) or self._new_entry(item)
        item = replace(item, slug=entry.slug)
        target = self.root / entry.path
        text = render(item, entry.slug)
        if not target.exists():
            outcome = Outcome.NEW
        else:
            old = target.read_text("utf-8")
            if old == text:
                return Outcome.UNCHANGED, target
            if is_hand_edited(old) and not self.force:
                return Outcome.KEPT_EDITED, target
            outcome = Outcome.UPDATED
        atomic_write(target, text)
        self._taken.add(_path_key(entry.path))
        stamped = [*file_stamp(target), item.id, entry.slug, item.title, item.date.isoformat()]
        stamped.append(lead_key(item.summary))
        self._remember(entry.path, stamped)
        return outcome, target

    def _new_entry(self, item: WireItem) -> _Entry:
        slug = item.slug or slugify(item.title, fallback=item.id)
        path = relative_path(item, slug)
        if _path_key(path) in self._taken:
            slug = f"{slug.rstrip('-')}-{item.id.removeprefix('wa-')[:6]}"
            path = relative_path(item, slug)
        return _Entry(path, slug)


def file_stamp(path: Path) -> tuple[int, int]:
    """Size and modification time; zeros for a file that is not there."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return 0, 0
    return status.st_size, status.st_mtime_ns


def _path_key(path: Path) -> str:
    # Case-folded so that two stories never clash on a case-insensitive disk.
    return path.as_posix().casefold()


def _as_content_error(error: Exception, path: Path) -> ContentError:
    if isinstance(error, ContentError):
        return error
    return ContentError(f"expected UTF-8 text: {error}", path=path)


def atomic_write(target: Path, text: str) -> None:
    """Replace ``target`` with ``text`` so that readers see the old or the new file, whole.

    The temporary file sits beside the target (a rename within one folder is
    atomic) and is named after this process, so concurrent writers never share
    one. It is not fsynced per file: a killed process cannot leave a partial
    file this way, and ``sync`` at the end of an import makes the lot durable.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    with replacing(target, newline="\n") as handle:
        handle.write(text)


@contextmanager
def replacing(
    target: Path, mode: str = "w", encoding: str | None = "utf-8", newline: str | None = None
) -> Iterator[IO[Any]]:
    """A file opened for writing that appears at ``target`` whole when closed, or
    not at all (a temporary file beside it, renamed; see ``atomic_write``)."""
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


TEMP_SUFFIX = ".wire-tmp"


def write_if_changed(target: Path, text: str) -> bool:
    """``atomic_write``, but a file that already holds ``text`` is left untouched
    (its modification time too), so rebuilds change only what changed."""
    try:
        if target.read_bytes() == text.encode("utf-8"):
            return False
    except OSError:
        pass
    atomic_write(target, text)
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


def sync() -> None:
    """Make every file written so far durable (one call instead of one per file)."""
    os.sync()
