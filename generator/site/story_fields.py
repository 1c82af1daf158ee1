"""Site build, reading: a story's front matter as the site may use it.

Stage: the reading boundary of the site build (``story_file.parse``, so the
read cache keeps the cleaned values).

Promise: content files are written by the converter but may be edited by
hand, so anything may be in them; whatever they hold, what reaches Pelican
and the templates is
- only the keys the converter writes (and Pelican's ``status``): a key such
  as ``save_as``, ``template`` or ``settings`` would steer Pelican itself;
- text as plain one-line text: control characters dropped (line breaks and
  tabs become spaces), a lone surrogate U+FFFD, U+FFFE/U+FFFF dropped, so no
  value can stop an XML feed or a JSON file; a value that is no text (a
  list where a name belongs, a nested mapping) is left out;
- at most ``MAX_TEXT_CHARS`` characters a value and ``MAX_LIST_ITEMS`` items a
  list: a larger one is the file's ``ContentError``, so no story makes a
  listing page of many megabytes;
- ``language`` a well-formed BCP 47 tag (``nl``, ``en-GB``, ``sr-Latn-RS``),
  else left out (the site's language applies);
- ``place`` a mapping with a latitude and longitude on the globe, else left out;
- ``category`` never empty (``Algemeen``, the converter's default section).
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date
from typing import Any

from generator.errors import ContentError
from generator.model import DEFAULT_SECTION

# The converter bounds a headline at 500 characters, a lead at 5,000, a name
# at 300; four times the longest of those leaves room for hand edits, and a
# listing of 50 stories stays a page of a few MB at most.
MAX_TEXT_CHARS = 20_000
# Keywords, sources, cities: the converter writes at most 200 keywords.
MAX_LIST_ITEMS = 1_000

TEXT_KEYS = frozenset(
    """title category city agency byline summary id slug kind date_precision
    date_source captured_at replaces guid genre wire_format digest status""".split()
)
DATE_KEYS = frozenset(["date", "modified"])  # the reader turns them into dates
LIST_KEYS = frozenset(["cities", "sources", "keywords"])
_SCALARS = (str, int, float, date)  # bool is an int; datetime is a date
# language[-Script][-REGION]: the tags a news item uses.
_LANGUAGE_TAG = re.compile(r"([a-z]{2,3})(?:-([a-z]{4}))?(?:-([a-z]{2}|[0-9]{3}))?", re.I)
_PLACE_NUMBERS = {"lat": 90.0, "lon": 180.0}


def clean_front_matter(raw: dict[Any, Any], path: str) -> dict[str, Any]:
    """The front matter the site uses, from what the file holds."""
    found: dict[str, Any] = {}
    for key, value in raw.items():
        name = str(key).lower()
        if name in TEXT_KEYS or name in DATE_KEYS:
            text = plain_text(value, name, path)
            if text:
                found[name] = value if name in DATE_KEYS and isinstance(value, date) else text
        elif name in LIST_KEYS and isinstance(value, list):
            _check_size(len(value), MAX_LIST_ITEMS, name, "items", path)
            found[name] = [text for item in value if (text := plain_text(item, name, path))]
        elif name == "language" and (tag := language_tag(value)):
            found[name] = tag
        elif name == "place" and (place := place_record(value, path)):
            found[name] = place
        elif name == "version" and isinstance(value, int) and not isinstance(value, bool):
            found[name] = value
    found["category"] = found.get("category") or DEFAULT_SECTION
    return found


def plain_text(value: Any, name: str, path: str) -> str | None:
    """``value`` as one line of text that any file format can hold; None for
    a value that is no text (a list, a mapping, null)."""
    if not isinstance(value, _SCALARS):
        return None
    text = value.isoformat() if isinstance(value, date) else str(value)
    _check_size(len(text), MAX_TEXT_CHARS, name, "characters", path)
    if not text.isprintable():  # rare: only then look at each character
        text = "".join(_printable(char) for char in text).strip()
    return text


def _printable(char: str) -> str:
    kind = unicodedata.category(char)
    if kind == "Zs" or char.isprintable():
        return char
    if char.isspace():
        return " "  # a line break or tab inside a value
    if kind == "Cs":
        return "\ufffd"  # a lone surrogate (YAML "\ud800"): no UTF-8 can hold it
    if kind == "Cc" or char in "\ufffe\uffff":
        return ""  # control characters and the two non-characters XML refuses
    return char  # format characters (joiners, direction marks) and the like stay


def language_tag(value: Any) -> str | None:
    """A well-formed tag in its usual casing (``en-gb`` -> ``en-GB``), or None."""
    if not isinstance(value, str):
        return None
    found = _LANGUAGE_TAG.fullmatch(value.strip())
    if found is None:
        return None
    language, script, region = found.groups()
    parts = [language.lower(), script and script.title(), region and region.upper()]
    return "-".join(part for part in parts if part)


def place_record(value: Any, path: str) -> dict[str, Any] | None:
    """The place's scalar fields, when it has a finite latitude and longitude
    on the globe; None otherwise (the story is simply not on the map)."""
    if not isinstance(value, dict):
        return None
    record: dict[str, Any] = {}
    for key, item in value.items():
        name = str(key)
        if name in _PLACE_NUMBERS:
            number = _number(item)
            if number is None or abs(number) > _PLACE_NUMBERS[name]:
                return None
            record[name] = item
        elif isinstance(item, int | float) and not isinstance(item, bool):
            record[name] = item
        elif (text := plain_text(item, f"place.{name}", path)) is not None:
            record[name] = text
    return record if _PLACE_NUMBERS.keys() <= record.keys() else None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _check_size(size: int, limit: int, name: str, unit: str, path: str) -> None:
    if size > limit:
        raise ContentError(
            f"expected front matter '{name}' of at most {limit:,} {unit}, found {size:,}",
            path=path,
        )
