"""A content file's front matter read back as a typed ``Story``, for converter and site.

Stage: the reading boundary of every stage after the converter wrote a file
(``content.files.read_item``, the site's ``story_file.parse``).

Promise: content files are written by the converter but may be edited by
hand, so anything may be in them; whatever they hold, ``read_story`` gives
a ``Story`` whose fields are
- read from the keys the converter writes only: a key such as ``save_as``,
  ``template`` or ``settings`` is never looked at;
- text as plain one-line text by the converter's own rule
  (``text.clean.clean_line``: control and format characters and non-characters
  dropped, white space folded to single spaces, a lone surrogate U+FFFD), so
  no value can stop an XML feed or a JSON file and what the converter wrote
  reads back unchanged; a value that is no text (a list where a name belongs,
  a nested mapping) counts as absent;
- at most ``MAX_TEXT_CHARS`` characters a value and ``MAX_LIST_ITEMS`` items a
  list: a larger one is the file's ``ContentError``, so no story makes a
  listing page of many megabytes;
- ``language`` a well-formed BCP 47 tag in its usual casing (``nl``,
  ``en-GB``, ``sr-Latn-RS``; ``text.clean.well_formed_language``), else
  absent (the site's language applies);
- ``place`` a ``Place`` with a finite latitude and longitude on the globe,
  else absent (the story is simply not on the map);
- dates aware datetimes (a moment without offset is on the archive's clock,
  as Pelican's ``TIMEZONE`` took it); ``date_precision`` a ``DatePrecision``
  (an unknown one is ``exact``).
A missing or unreadable ``title`` or ``date`` is the file's ``ContentError``.
Defaults for what a hand edit may leave out: ``section`` ``Algemeen``
(``category`` in the file), ``slug`` and ``id`` the file's name,
``summary`` and ``date_source`` empty, ``kind`` ``story``, ``version`` 1.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from pathlib import PurePath
from typing import Any

from generator.addresses import ARCHIVE_ZONE
from generator.errors import ContentError
from generator.model import DEFAULT_SECTION, DatePrecision, Place, Story
from generator.text.clean import clean_line, well_formed_language

# The converter bounds a headline at 500 characters, a lead at 5,000, a name
# at 300; four times the longest of those leaves room for hand edits, and a
# listing of 50 stories stays a page of a few MB at most.
MAX_TEXT_CHARS = 20_000
# Keywords, sources, cities: the converter writes at most 200 keywords.
MAX_LIST_ITEMS = 1_000

_SCALARS = (str, int, float, date)  # bool is an int; datetime is a date
# language[-Script][-REGION]: the tags a news item uses.
_PLACE_LIMITS = {"lat": 90.0, "lon": 180.0}


def read_story(front_matter: dict[Any, Any], path: str) -> Story:
    """The story a content file's front matter records; ``ContentError`` when
    it has no readable title or date, or a value over its size limit."""
    raw = {str(key).lower(): value for key, value in front_matter.items()}
    fields = _Fields(raw, path)
    name = PurePath(path).stem
    slug = fields.text("slug") or name
    return Story(
        id=fields.text("id") or slug,
        title=fields.required_text("title"),
        summary=fields.text("summary") or "",
        date=fields.required_moment("date"),
        date_precision=precision(raw.get("date_precision")),
        date_source=fields.text("date_source") or "",
        section=fields.text("category") or DEFAULT_SECTION,
        cities=fields.texts("cities"),
        place=place(raw.get("place"), path),
        kind=fields.text("kind") or "story",
        captured_at=fields.moment("captured_at"),
        sources=fields.texts("sources"),
        slug=slug,
        version=_version(raw.get("version")),
        modified=fields.moment("modified"),
        embargo=fields.embargo(),
        keywords=fields.texts("keywords"),
        language=well_formed_language(raw.get("language")),
        city=fields.text("city") or None,
        agency=fields.text("agency") or None,
        replaces=fields.text("replaces") or None,
        guid=fields.text("guid") or None,
        byline=fields.text("byline") or None,
        genre=fields.text("genre") or None,
        wire_format=fields.text("wire_format") or None,
    )


class _Fields:
    """One file's front matter, read a field at a time with its path for errors."""

    def __init__(self, raw: dict[str, Any], path: str) -> None:
        self.raw, self.path = raw, path

    def text(self, key: str) -> str | None:
        return plain_text(self.raw.get(key), key, self.path)

    def required_text(self, key: str) -> str:
        found = self.text(key)
        if not found:
            raise ContentError(f"expected a '{key}' in the front matter", path=self.path)
        return found

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.raw.get(key)
        if not isinstance(value, list):
            return ()
        _check_size(len(value), MAX_LIST_ITEMS, key, "items", self.path)
        return tuple(text for item in value if (text := plain_text(item, key, self.path)))

    def moment(self, key: str) -> datetime | None:
        return moment(self.raw.get(key), key, self.path)

    def embargo(self) -> datetime | None:
        """The embargo; one that is given but unreadable is an error, never
        none: read as none, the story would be published at once."""
        found, written = self.moment("embargo"), self.text("embargo")
        if found is None and written:
            raise ContentError(
                f"expected the embargo as an ISO 8601 date and time, found {written!r}",
                path=self.path,
            )
        return found

    def required_moment(self, key: str) -> datetime:
        found = self.moment(key)
        if found is None:
            raise ContentError(
                f"expected '{key}' as an ISO 8601 date and time in the front matter",
                path=self.path,
            )
        return found


def plain_text(value: Any, name: str, path: str) -> str | None:
    """``value`` as one line of text that any file format can hold; None for
    a value that is no text (a list, a mapping, null)."""
    if not isinstance(value, _SCALARS):
        return None
    text = value.isoformat() if isinstance(value, date) else str(value)
    _check_size(len(text), MAX_TEXT_CHARS, name, "characters", path)
    return clean_line(text)  # the converter's rule: what it writes reads back the same


def moment(value: Any, name: str, path: str) -> datetime | None:
    """An ISO 8601 date and time (or a YAML timestamp) as an aware datetime;
    None for anything else. A date alone is its midnight."""
    text = plain_text(value, name, path)
    if not text:
        return None
    try:
        found = datetime.fromisoformat(text)
    except ValueError:
        return None
    return found if found.tzinfo is not None else found.replace(tzinfo=ARCHIVE_ZONE)


def precision(value: Any) -> DatePrecision:
    """The recorded precision; an unknown one is ``exact``, as if none were said."""
    try:
        return DatePrecision(str(value).strip().lower())
    except ValueError:
        return DatePrecision.EXACT


def place(value: Any, path: str) -> Place | None:
    """The place, when it has a finite latitude and longitude on the globe."""
    if not isinstance(value, dict):
        return None
    fields = {str(key): item for key, item in value.items()}
    lat, lon = (_coordinate(fields.get(name), limit) for name, limit in _PLACE_LIMITS.items())
    if lat is None or lon is None:
        return None
    geonames = fields.get("geonames")
    return Place(
        country=plain_text(fields.get("country"), "place.country", path) or "",
        lat=lat,
        lon=lon,
        geonames=geonames if _is_integer(geonames) else None,
    )


def _coordinate(value: Any, limit: float) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) and abs(number) <= limit else None


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _version(value: Any) -> int:
    return value if _is_integer(value) and value >= 1 else 1


def _check_size(size: int, limit: int, name: str, unit: str, path: str) -> None:
    if size > limit:
        raise ContentError(
            f"expected front matter '{name}' of at most {limit:,} {unit}, found {size:,}",
            path=path,
        )
