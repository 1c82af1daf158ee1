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
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from generator.content.files import (
    is_hand_edited,
    read_item,
    recorded_digest,
    relative_path,
    render,
)
from generator.content.frontmatter import split
from generator.errors import ContentError
from generator.matching import Known, StoryIndex, lead_key
from generator.model import DatePrecision, WireItem
from generator.storage import atomic_write, file_stamp
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


# An index entry: [size, mtime_ns, id, slug, title, date, lead key, modified,
# date precision, agency, guid, wire format]; see ``_read_entry``.
_FIELDS = ("id", "slug", "title", "date")
_MATCH_FIELDS = ("modified", "date_precision", "agency", "guid", "wire_format")
ENTRY_LENGTH = 3 + len(_FIELDS) + 1 + len(_MATCH_FIELDS)


@dataclass(frozen=True)
class _Entry:
    path: Path  # relative to the store's root
    slug: str


class ContentStore(StoryIndex):
    """Reads what content/ holds once, then answers for and saves stories.

    ``index`` maps each file (its path under the root) to its size, mtime and
    the front matter the store needs (id, slug, title, date, lead key, and
    what matching needs: see ``matching.Known``); a file whose size and mtime
    match is not read again. The store keeps it up to date, so the caller can
    save it for the next import. It answers ``merge.Stories``' lookups.
    """

    def __init__(
        self,
        root: Path,
        *,
        force: Collection[Path] = (),
        index: dict[str, list[Any]] | None = None,
    ) -> None:
        super().__init__()  # the stories it holds, for matching (see ``generator.matching``)
        self.root = root
        self.force = {path.resolve() for path in force}  # files to overwrite, edited or not
        self.problems: list[ContentError] = []
        self.index: dict[str, list[Any]] = {}
        self._by_id: dict[str, _Entry] = {}
        self._taken: set[str] = set()
        self._scan(index or {})

    def _scan(self, known: dict[str, list[Any]]) -> None:
        if not self.root.exists():
            return
        for path in sorted(self.root.rglob("*.md")):
            relative = path.relative_to(self.root)
            self._taken.add(_path_key(relative))
            entry = known.get(relative.as_posix())
            if entry is None or len(entry) != ENTRY_LENGTH or entry[:3] != list(file_stamp(path)):
                entry = self._read_entry(path)
            if entry is not None:
                self._remember(relative, entry)

    def _read_entry(self, path: Path) -> list[Any] | None:
        """The index entry of one file, from its front matter."""
        try:
            metadata, _ = split(path.read_text("utf-8"), path=str(path))
        except (ContentError, UnicodeDecodeError) as error:
            self.problems.append(_as_content_error(error, path))
            return None
        return [
            *file_stamp(path),
            *_texts(metadata, _FIELDS),
            lead_key(str(metadata.get("summary", ""))),
            *_texts(metadata, _MATCH_FIELDS),
        ]

    def _remember(self, relative: Path, entry: list[Any]) -> None:
        self.index[relative.as_posix()] = entry
        story, slug, title, date, lead, modified, precision, agency, guid, wire_format = entry[3:]
        if story is None:
            return
        self._by_id.setdefault(story, _Entry(relative, slug or ""))
        known = _known(story, date, modified, precision, agency, guid, wire_format)
        if known is None:
            return  # no usable date: a file to read as a prior, not to match against
        self.remember(known, title=title or "", lead=lead)

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
        """Write ``item`` where it belongs; say what happened and where.

        A hand-edited file is kept; ``UNCHANGED`` when the tool would write what
        it wrote before the edit (the digest the file records), ``KEPT_EDITED``
        when the wire has a newer text waiting. ``WriteError`` if it cannot be
        written.
        """
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
            if is_hand_edited(old) and target.resolve() not in self.force:
                if recorded_digest(old) == recorded_digest(text):
                    return Outcome.UNCHANGED, target
                return Outcome.KEPT_EDITED, target
            outcome = Outcome.UPDATED
        try:
            atomic_write(target, text)
        except OSError as error:
            raise WriteError("write the story file", error, target) from error
        self._taken.add(_path_key(entry.path))
        self._remember(entry.path, _entry_of(item, entry.slug, target))
        return outcome, target

    def _new_entry(self, item: WireItem) -> _Entry:
        slug = item.slug or slugify(item.title, fallback=item.id)
        path = relative_path(item, slug)
        if _path_key(path) in self._taken:
            slug = f"{slug.rstrip('-')}-{item.id.removeprefix('wa-')[:6]}"
            path = relative_path(item, slug)
        return _Entry(path, slug)


def _entry_of(item: WireItem, slug: str, target: Path) -> list[Any]:
    """The index entry of ``item`` as just written to ``target``."""
    return [
        *file_stamp(target),
        *(item.id, slug, item.title, item.date.isoformat()),
        lead_key(item.summary),
        item.modified.isoformat() if item.modified else None,
        *(str(item.date_precision), item.agency, item.guid, item.wire_format),
    ]


def _texts(metadata: dict[str, Any], keys: tuple[str, ...]) -> list[str | None]:
    return [None if metadata.get(key) is None else str(metadata[key]) for key in keys]


def _known(
    story: str,
    date: str | None,
    modified: str | None,
    precision: str | None,
    agency: str | None,
    guid: str | None,
    wire_format: str | None,
) -> Known | None:
    """What matching needs of a story in content/ (``None`` without a readable date)."""
    try:
        first = datetime.fromisoformat(date or "")
        latest = datetime.fromisoformat(modified) if modified else first
        DatePrecision(precision or "")  # a file from before precision was recorded
    except ValueError:
        return None
    first, latest = _aware(first), _aware(latest)
    return Known(story, first, max(first, latest), str(precision), agency, wire_format, guid)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _path_key(path: Path) -> str:
    # Case-folded so that two stories never clash on a case-insensitive disk.
    return path.as_posix().casefold()


def _as_content_error(error: Exception, path: Path) -> ContentError:
    if isinstance(error, ContentError):
        return error
    return ContentError(f"expected UTF-8 text: {error}", path=path)
