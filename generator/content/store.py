"""The content/ folder as the archive's store of stories, written safely.

Promises:
- a story keeps the file it was first written to, and so its URL (the file's
  place under content/ is its place on the site), also when its title or date
  changes later;
- two stories never share a file: a clash of slugs on one day, also one that
  differs only in case, gets a suffix from the story's id;
- ``prior`` gives back the story a file records, so a new item can be merged
  into it; a file a person has edited is never read as a prior nor
  overwritten, unless it is one of the files named in ``force``; one whose
  wire text has not changed since the edit is left alone without a word;
- a file is replaced atomically (temporary file, rename): a killed import
  leaves the old file or the new one, never a mix; a file that cannot be
  written raises ``WriteError`` naming it, and the old file stays as it was.
"""

from __future__ import annotations

import errno
from collections.abc import Collection
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from generator.content.files import (
    is_hand_edited,
    read_item,
    recorded_digest,
    relative_path,
    render,
)
from generator.content.frontmatter import split
from generator.content.index import IndexEntry
from generator.errors import ContentError
from generator.matching import StoryIndex
from generator.model import WireItem
from generator.storage import atomic_write, file_stamp
from generator.text.identity import ID_PREFIX
from generator.text.slugs import slugify


class Outcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    KEPT_EDITED = "kept-edited"


class WriteError(ContentError):
    """A story file (or the folder) could not be written; the old file is whole.
    ``what`` says what was tried (``write the story file``)."""

    # The disk, not the one file, is at fault: no other file can be written either.
    STOPS_IMPORT = frozenset({errno.ENOSPC, errno.EROFS, errno.EDQUOT})

    def __init__(self, what: str, error: OSError, path: Path) -> None:
        found = error.strerror or str(error)
        super().__init__(f"expected to {what}, found {found}", path=path)
        self.errno = error.errno

    @property
    def stops_import(self) -> bool:
        return self.errno in self.STOPS_IMPORT


@dataclass(frozen=True)
class _StoryFile:
    path: Path  # relative to the store's root
    slug: str


class ContentStore:
    """Reads what content/ holds once, then answers for and saves stories.

    ``index`` maps each file (its path under the root) to its ``IndexEntry``;
    a file whose stamp matches its entry is not read again. The store keeps it
    up to date, so the caller can save it for the next import. ``stories``
    files every story for matching (``merge.resolve_identities`` looks them up).
    """

    def __init__(
        self,
        root: Path,
        *,
        force: Collection[Path] = (),
        index: dict[str, IndexEntry] | None = None,
    ) -> None:
        self.root = root
        self.force = {path.resolve() for path in force}  # files to overwrite, edited or not
        self.problems: list[ContentError] = []
        self.index: dict[str, IndexEntry] = {}
        self.stories = StoryIndex()
        self._by_id: dict[str, _StoryFile] = {}
        self._taken: set[str] = set()
        self._scan(index or {})

    def _scan(self, known: dict[str, IndexEntry]) -> None:
        if not self.root.exists():
            return
        for path in sorted(self.root.rglob("*.md")):
            relative = path.relative_to(self.root)
            self._taken.add(_path_key(relative))
            entry = known.get(relative.as_posix())
            if entry is None or entry.stamp != file_stamp(path):
                entry = self._read_entry(path)
            if entry is not None:
                self._remember(relative, entry)

    def _read_entry(self, path: Path) -> IndexEntry | None:
        """The index entry of one file, from its front matter."""
        try:
            metadata, _ = split(path.read_text("utf-8"), path=str(path))
        except (ContentError, UnicodeDecodeError) as error:
            self.problems.append(_as_content_error(error, path))
            return None
        return IndexEntry.of_front_matter(file_stamp(path), metadata)

    def _remember(self, relative: Path, entry: IndexEntry) -> None:
        self.index[relative.as_posix()] = entry
        if entry.id is None:
            return
        self._by_id.setdefault(entry.id, _StoryFile(relative, entry.slug or ""))
        known = entry.known()
        if known is not None:
            self.stories.remember(known, title=entry.title or "", lead=entry.lead)

    def prior(self, story_id: str) -> WireItem | None:
        """The story as its file records it, unless the file was edited by hand."""
        place = self._by_id.get(story_id)
        if place is None:
            return None
        path = self.root / place.path
        text = path.read_text("utf-8")
        if is_hand_edited(text):
            return None
        try:
            return read_item(text, str(path))
        except ContentError as error:
            self.problems.append(error)
            return None

    def save(self, item: WireItem) -> tuple[Outcome, Path]:
        """Write ``item`` where it belongs; say what happened and where.

        A hand-edited file is kept; ``UNCHANGED`` when the tool would write what
        it wrote before the edit (the digest the file records), ``KEPT_EDITED``
        when the wire has a newer text waiting. ``WriteError`` if it cannot be
        written.
        """
        place = self._by_id.get(item.id) or self._new_place(item)
        item = replace(item, slug=place.slug)
        target = self.root / place.path
        text = render(item, place.slug)
        if not target.exists():
            outcome = Outcome.NEW
        else:
            old = target.read_text("utf-8")
            if old == text:
                return Outcome.UNCHANGED, target
            if is_hand_edited(old) and target.resolve() not in self.force:
                if recorded_digest(old) == recorded_digest(text):
                    return Outcome.UNCHANGED, target
                return Outcome.KEPT_EDITED, target
            outcome = Outcome.UPDATED
        try:
            atomic_write(target, text)
        except OSError as error:
            raise WriteError("write the story file", error, target) from error
        self._taken.add(_path_key(place.path))
        self._remember(place.path, IndexEntry.of_item(file_stamp(target), item, place.slug))
        return outcome, target

    def _new_place(self, item: WireItem) -> _StoryFile:
        slug = item.slug or slugify(item.title, fallback=item.id)
        path = relative_path(item, slug)
        if _path_key(path) in self._taken:
            slug = f"{slug.rstrip('-')}-{item.id.removeprefix(ID_PREFIX)[:6]}"
            path = relative_path(item, slug)
        return _StoryFile(path, slug)


def _path_key(path: Path) -> str:
    # Case-folded so that two stories never clash on a case-insensitive disk.
    return path.as_posix().casefold()


def _as_content_error(error: Exception, path: Path) -> ContentError:
    if isinstance(error, ContentError):
        return error
    return ContentError(f"expected UTF-8 text: {error}", path=path)
