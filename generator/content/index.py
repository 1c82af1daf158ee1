"""content/'s index: what the store needs of each story file, as one named record.

Stage: import (the content store keeps it; the import cache saves it).

Promises:
- an ``IndexEntry`` holds the file's stamp (``generator.storage.file_stamp``)
  and the front matter the store needs: the story's id and slug, its headline
  and lead key, and what matching it needs (dates, precision, agency, provider
  id, wire format); the entry made from a file's front matter and the one made
  from the item just written to it are equal;
- ``to_json`` gives a mapping of named fields (those with no value left out)
  and ``from_json`` reads it back; anything else (an older cache's positional
  list, a field of the wrong type, an unknown name) gives ``None``, so the
  file is read again rather than trusted.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any

from generator.matching import Known, lead_key
from generator.model import DatePrecision, WireItem
from generator.storage import Stamp, stamp_from_json

# The front-matter keys an entry copies as they are (``lead`` is the summary's key).
_COPIED = (
    *("id", "slug", "title", "date", "modified"),
    *("date_precision", "agency", "guid", "wire_format"),
)


@dataclass(frozen=True)
class IndexEntry:
    """One story file as the store knows it (every value as its front matter says)."""

    stamp: Stamp
    id: str | None = None
    slug: str | None = None
    title: str | None = None
    date: str | None = None
    lead: str | None = None  # ``matching.lead_key`` of the summary
    modified: str | None = None
    date_precision: str | None = None
    agency: str | None = None
    guid: str | None = None
    wire_format: str | None = None

    @classmethod
    def of_front_matter(cls, stamp: Stamp, metadata: dict[str, Any]) -> IndexEntry:
        copied = {key: _text(metadata.get(key)) for key in _COPIED}
        return cls(stamp, lead=lead_key(str(metadata.get("summary", ""))), **copied)

    @classmethod
    def of_item(cls, stamp: Stamp, item: WireItem, slug: str) -> IndexEntry:
        """The entry of ``item`` as written with ``slug`` (``render`` writes these values)."""
        return cls(
            stamp,
            id=item.id,
            slug=slug,
            title=item.title,
            date=item.date.isoformat(),
            lead=lead_key(item.summary),
            modified=item.modified.isoformat() if item.modified else None,
            date_precision=str(item.date_precision),
            agency=item.agency,
            guid=item.guid,
            wire_format=item.wire_format,
        )

    def known(self) -> Known | None:
        """What matching needs of the story; ``None`` without an id or a readable
        date (a file to read as a prior, not to match against)."""
        if self.id is None:
            return None
        try:
            date = datetime.fromisoformat(self.date or "")
            modified = datetime.fromisoformat(self.modified) if self.modified else None
            # A file from before precision was recorded is not matched against.
            precision = DatePrecision(self.date_precision or "")
        except ValueError:
            return None
        return Known.dated(
            self.id,
            date,
            modified,
            str(precision),
            agency=self.agency,
            wire_format=self.wire_format,
            guid=self.guid,
        )

    def to_json(self) -> dict[str, Any]:
        named = asdict(self)
        named["stamp"] = list(self.stamp)
        return {name: value for name, value in named.items() if value is not None}

    @classmethod
    def from_json(cls, data: object) -> IndexEntry | None:
        """The entry ``to_json`` gave; ``None`` for anything else."""
        if not isinstance(data, dict) or not data.keys() <= _NAMES:
            return None
        stamp = stamp_from_json(data.get("stamp"))
        texts = {name: value for name, value in data.items() if name != "stamp"}
        if stamp is None or not all(isinstance(value, str) for value in texts.values()):
            return None
        return cls(stamp, **texts)


_NAMES = frozenset(field.name for field in fields(IndexEntry))


def _text(value: object) -> str | None:
    return None if value is None else str(value)
