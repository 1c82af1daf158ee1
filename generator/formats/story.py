"""From an agency item's fields to a ``WireItem``: what every structured format shares.

Promises: the city comes from the format's place field (``located``,
``location``) or, failing that, from the dateline field or the dateline in the
first paragraph, and is resolved like a web page's (Dutch name, place record);
an item without body takes its description as text; an item with neither, or
without a date, is refused with a clear reason; the id is the provider's id of
the story (the same for all its versions), so versions merge into one page.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime

from generator.content.markdown import clean_text
from generator.errors import NotAStoryError, ParseError
from generator.formats.leads import read_lead
from generator.formats.markup import Body, body_from_text
from generator.model import DEFAULT_SECTION, DatePrecision, WireItem
from generator.places import resolve_city
from generator.text.identity import story_id
from generator.text.updates import replaced_headline, split_version

_PLACE_END = re.compile(r"[,(]")


@dataclass
class Fields:
    """What a format found in one item; everything but ``title`` may be missing."""

    wire_format: str
    path: str
    title: str | None
    body: Body = field(default_factory=Body)
    description: str | None = None
    date: datetime | None = None
    date_source: str = "created"
    modified: datetime | None = None
    guid: str | None = None
    version: int = 1
    located: str | None = None  # a place field: ``Oslo, Norway``, ``Den Haag``
    dateline: str | None = None  # a dateline field: ``MOSCOW, Monday (Reuters)``
    agency: str | None = None
    section: str | None = None
    byline: str | None = None
    genre: str | None = None
    keywords: list[str] = field(default_factory=list)
    language: str | None = None


def guid_id(guid: str) -> str:
    """Our id for a provider's story id: ``wa-`` and 16 hex digits."""
    return "wa-" + hashlib.sha256(f"guid:{guid}".encode()).hexdigest()[:16]


def build_item(found: Fields) -> WireItem:
    title = clean_text(found.title or "")
    if not title:
        raise ParseError(expected="a headline", found="none", path=found.path)
    if found.date is None:
        raise ParseError(expected="a creation or version date", found="none", path=found.path)
    body = found.body if found.body.paragraphs else body_from_text(found.description or "")
    if not body.paragraphs:
        raise NotAStoryError("a text item with neither body nor description", path=found.path)
    paragraphs, headings = _without_repeated_title(body, title)
    title, version = split_version(title)
    replaces = replaced_headline(paragraphs[0]) if len(paragraphs) > 1 else None
    if replaces is not None:
        paragraphs, headings = paragraphs[1:], [i - 1 for i in headings if i > 0]
    # The lead is the first paragraph that is no subhead.
    start = next((i for i in range(len(paragraphs)) if i not in headings), 0)
    lead = read_lead(paragraphs[start:])
    paragraphs = paragraphs[:start] + lead.paragraphs
    if lead.joined:
        headings = [i - 1 if i > start else i for i in headings if i != start + 1]
    city = _city_field(found.located) or _city_field(found.dateline)
    resolved = resolve_city(city) if city else None
    return WireItem(
        id=guid_id(found.guid) if found.guid else story_id(lead.summary),
        title=title,
        paragraphs=paragraphs,
        headings=tuple(headings),
        summary=lead.summary,
        date=found.date,
        date_precision=DatePrecision.EXACT,
        date_source=found.date_source,
        section=clean_text(found.section or "") or DEFAULT_SECTION,
        city=resolved.name if resolved else lead.city,
        cities=() if resolved else lead.cities,
        place=resolved.place if resolved else lead.place,
        agency=lead.agency or found.agency,
        sources=(found.path,),
        version=max(version, found.version, 2 if replaces else 1),
        replaces=replaces,
        modified=found.modified if found.modified and found.modified != found.date else None,
        guid=found.guid,
        byline=clean_text(found.byline or "") or None,
        genre=clean_text(found.genre or "") or None,
        keywords=tuple(dict.fromkeys(clean_text(k) for k in found.keywords if clean_text(k))),
        language=found.language,
        wire_format=found.wire_format,
    )


def _without_repeated_title(body: Body, title: str) -> tuple[list[str], list[int]]:
    """Plain-text bodies often open with the headline again: drop it."""
    paragraphs, headings = list(body.paragraphs), list(body.headings)
    while len(paragraphs) > 1 and paragraphs[0].casefold() == title.casefold():
        paragraphs, headings = paragraphs[1:], [i - 1 for i in headings if i > 0]
    return paragraphs, headings


def _city_field(value: str | None) -> str | None:
    """``Oslo, Norway`` -> ``Oslo``; ``MOSCOW, Monday (Reuters)`` -> ``MOSCOW``."""
    if not value:
        return None
    city = _PLACE_END.split(value, maxsplit=1)[0].strip()
    return city or None


def first_date(*candidates: tuple[str, object]) -> tuple[datetime | None, str]:
    """The first of (label, value) that parses as a date, and its label (which
    says in the front matter where the date came from)."""
    for label, value in candidates:
        moment = parse_date(value)
        if moment is not None:
            return moment, label
    return None, candidates[0][0]


def parse_date(value: object) -> datetime | None:
    """ISO 8601 (also the compact ``20130731T153200+0000``); naive times are refused."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    compact = re.fullmatch(r"(\d{8})T(\d{4,6})([+-]\d{4}|Z)?", text)
    if compact:
        day, clock, zone = compact.groups()
        clock = clock.ljust(6, "0")
        text = f"{day[:4]}-{day[4:6]}-{day[6:]}T{clock[:2]}:{clock[2:4]}:{clock[4:]}{zone or ''}"
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None
