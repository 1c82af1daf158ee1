"""The content/ folder as a store of items, written safely.

Promises:
- a story keeps the file (and so the slug and URL) it was first written to;
- two stories never share a file: a clash of slugs on one day gets a suffix
  from the story's id;
- a file a person has edited is never overwritten unless ``force`` is set;
- a file is replaced atomically (temp file, fsync, rename): nothing
  half-written is ever left behind, even when the import is killed.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from generator.content.files import is_hand_edited, relative_path, render
from generator.content.frontmatter import split
from generator.errors import ContentError
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
    """Reads what content/ holds once, then saves items into it."""

    def __init__(self, root: Path, *, force: bool = False) -> None:
        self.root = root
        self.force = force
        self.problems: list[ContentError] = []
        self._by_id: dict[str, _Entry] = {}
        self._taken: set[str] = set()
        self._scan()

    def _scan(self) -> None:
        if not self.root.exists():
            return
        for path in sorted(self.root.rglob("*.md")):
            relative = path.relative_to(self.root)
            self._taken.add(_path_key(relative))
            try:
                metadata, _ = split(path.read_text("utf-8"), path=str(path))
            except (ContentError, UnicodeDecodeError) as error:
                self.problems.append(_as_content_error(error, path))
                continue
            story = metadata.get("id")
            if isinstance(story, str):
                self._by_id.setdefault(story, _Entry(relative, str(metadata.get("slug", ""))))

    def save(self, item: WireItem) -> tuple[Outcome, Path]:
        """Write ``item`` where it belongs; say what happened and where."""
        entry = self._by_id.get(item.id) or self._new_entry(item)
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
        self._by_id[item.id] = entry
        self._taken.add(_path_key(entry.path))
        return outcome, target

    def _new_entry(self, item: WireItem) -> _Entry:
        slug = slugify(item.title, fallback=item.id)
        path = relative_path(item, slug)
        if _path_key(path) in self._taken:
            slug = f"{slug}-{item.id.removeprefix('wa-')[:6]}"
            path = relative_path(item, slug)
        return _Entry(path, slug)


def _path_key(path: Path) -> str:
    # Case-folded so that two stories never clash on a case-insensitive disk.
    return path.as_posix().casefold()


def _as_content_error(error: Exception, path: Path) -> ContentError:
    if isinstance(error, ContentError):
        return error
    return ContentError(f"expected UTF-8 text: {error}", path=path)


def atomic_write(target: Path, text: str) -> None:
    """Replace ``target`` with ``text`` so that readers see the old or the new file, whole."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        os.fchmod(handle, 0o644)  # mkstemp's 0600 would hide the file from a web server
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as temp:
            temp.write(text)
            temp.flush()
            os.fsync(temp.fileno())
        Path(temp_name).replace(target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
