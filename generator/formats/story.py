"""From an agency item's fields to a ``WireItem``: what every structured format shares.

Promises: the city comes from the format's place field (``located``,
``location``) or, failing that, from the dateline field or the dateline in the
first paragraph, and is resolved like a web page's (Dutch name, place record);
an item without body takes its description as text; an item with neither, or
without a date, is refused with a clear reason; the id is the provider's id of
the story (the same for all its versions), so versions merge into one page.
Every field is cleaned and bounded by ``generator.text.clean`` (controls,
lone surrogates, sizes, language tags, the archive's years) before the item
leaves: a file that breaks a limit is refused with its ``ParseError``. A
place or dateline field that holds a date (``14 maart 2025``,
``20170102T222800+0000``) or a person (the byline, ``Aaron J. Staples``) gives
no city; a dateline with an agency in the text (``DAMASCUS (Reuters) -``) wins
over the place field (often the desk that filed it). A paragraph that only
names the writer (``By Jan Jansen``) before the lead is the byline, not the
lead; nor are Reuters' editor's notes and highlights before it. A byline that
names no one (a login, a desk's initials, ``Staff Reporter``, a sentence) is
dropped, so the body's writer line wins over it, and a press release's own
dateline (``TORONTO, ... (GLOBE NEWSWIRE) --``) names the city
(``generator.formats.credits``). A headline loses the wire's routing mark
(``>>>ANSA/``) and a place field a Swiss canton's code (``Landquart GR``)
(``generator.formats.wire_marks``). The embargo a format reads is kept when it
lies in the archive's years. A date
without a UTC offset is read as UTC: ``first_date`` says so in the date's
source and warns naming the file (a format whose standard fixes the zone
passes ``naive_zone``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import TypeVar

from generator.errors import NotAStoryError, ParseError
from generator.formats.credits import person_byline, release_city
from generator.formats.leads import read_lead
from generator.formats.markup import Body, body_from_text
from generator.formats.wire_marks import without_canton, without_wire_marker
from generator.model import DEFAULT_SECTION, DatePrecision, WireItem
from generator.places import City, resolve_city
from generator.text.ages import fixed_offset
from generator.text.clean import clean_item, clean_line, in_range, optional_line
from generator.text.datelines import agency_code
from generator.text.identity import guid_id, story_id
from generator.text.updates import replaced_headline, split_version

_LOG = logging.getLogger(__name__)
ASSUMED_UTC = "no offset: UTC assumed"

_PLACE_END = re.compile(r"[,(]")
# A person's name with a middle initial: ``Aaron J. Staples`` (``St. Louis``
# has two letters before its period, ``Washington D.C.`` no space after it).
_MIDDLE_INITIAL = re.compile(r"[^\W\d_]{2,} [A-Z]\. [A-Z]")
# A paragraph that only names the writer: ``By Jan Jansen``,
# ``By JANE DOE, AP Business Writer``.
_BYLINE_LINE = re.compile(r"By (?:[A-Z][\w'’.\-]*,?(?: |$)|(?:and|of|van|de|der|den|in) ){1,8}")
_MAX_BYLINE_LINE = 80
# An editor's note (``(Adds comments, detail)``) or a highlight (``* Gold up``).
_BEFORE_LEAD = re.compile(r"\((?:Adds|Updates|Recasts|Corrects|Repeats|Refiles)\b[^()]*\)$|[*•] ")
_AP_UNDERSCORE = re.compile(r"^([^()]{1,80}\([A-Za-z/]+\)) _(?= |$)")
# Words that make a place field a date: ``14 maart 2025``, ``Monday``.
_DATE_WORDS = frozenset(
    """januari februari maart april mei juni juli augustus september oktober november
    december maandag dinsdag woensdag donderdag vrijdag zaterdag zondag gisteren vandaag
    january february march may june july august october monday tuesday wednesday
    thursday friday saturday sunday yesterday today""".split()
)


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
    embargo: datetime | None = None  # not to be published before this moment
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


Part = TypeVar("Part")  # one item of a document, in the format's own shape


def text_items(
    items: Iterable[Part], read_item: Callable[[Part, str], list[WireItem]], path: str
) -> list[WireItem]:
    """The stories of a document's items: one that holds no text (a picture
    beside the text) is passed over; a document of such items only is no story."""
    stories: list[WireItem] = []
    skipped: list[NotAStoryError] = []
    for item in items:
        try:
            stories += read_item(item, path)
        except NotAStoryError as no_story:
            skipped.append(no_story)
    if not stories and skipped:
        raise skipped[0]
    return stories


def build_item(found: Fields) -> WireItem:
    """The item ``found`` describes, cleaned and checked (``clean_item``)."""
    title = without_wire_marker(clean_line(found.title))
    if not title:
        raise ParseError(expected="a headline", found="none", path=found.path)
    if found.date is None:
        raise ParseError(expected="a creation or version date", found="none", path=found.path)
    guid = optional_line(found.guid)
    modified = found.modified if found.modified and in_range(found.modified) else None
    if not in_range(found.date):  # compared or converted, it would overflow
        modified = None
    body = found.body if found.body.paragraphs else body_from_text(found.description or "")
    if not body.paragraphs:
        raise NotAStoryError("a text item with neither body nor description", path=found.path)
    paragraphs, headings = _without_repeated_title(body, title)
    title, version = split_version(title)
    replaces = replaced_headline(paragraphs[0]) if len(paragraphs) > 1 else None
    if replaces is not None:
        paragraphs, headings = paragraphs[1:], [i - 1 for i in headings if i > 0]
    # The lead is the first paragraph that is no subhead, nor the writer's name.
    start = next((i for i in range(len(paragraphs)) if i not in headings), 0)
    while start + 1 < len(paragraphs) and _BEFORE_LEAD.match(paragraphs[start]):
        start += 1  # Reuters: ``(Updates with ...)`` and ``* highlight`` lines come first
    byline = person_byline(found.byline)
    if start + 1 < len(paragraphs) and _is_byline_line(paragraphs[start]):
        byline = byline or paragraphs[start]
        del paragraphs[start]
        headings = [i - 1 if i > start else i for i in headings]
    lead = read_lead(paragraphs[start:], path=found.path)
    paragraphs = paragraphs[:start] + lead.paragraphs
    if lead.agency and start < len(paragraphs):
        # AP's ``(AP) _`` is a typewriter's dash: show it as one.
        paragraphs[start] = _AP_UNDERSCORE.sub(r"\1 —", paragraphs[start], count=1)
    if lead.joined:
        headings = [i - 1 if i > start else i for i in headings if i != start + 1]
    city = (
        release_city(paragraphs[start:])
        or _city_field(found.located, byline)
        or _city_field(found.dateline, byline)
    )
    # A dateline with its agency in the text names where the story was written;
    # a place field may name the desk that filed it (Bangalore for DAMASCUS).
    field_cities = _place_cities(city) if city and not (lead.city and lead.agency) else []
    resolved = field_cities[0] if field_cities else None
    item = WireItem(
        id=guid_id(guid) if guid else story_id(lead.summary),
        title=title,
        paragraphs=paragraphs,
        headings=tuple(headings),
        summary=lead.summary,
        date=found.date,
        date_precision=DatePrecision.EXACT,
        date_source=found.date_source,
        section=clean_line(found.section) or DEFAULT_SECTION,
        city=resolved.name if resolved else lead.city,
        cities=_names(field_cities) if field_cities else lead.cities,
        place=resolved.place if resolved else lead.place,
        agency=lead.agency or agency_code(found.agency),
        sources=(found.path,),
        version=max(version, found.version, 2 if replaces else 1),
        replaces=replaces,
        modified=modified if modified and modified != found.date else None,
        embargo=found.embargo,
        guid=guid,
        byline=byline,
        genre=found.genre,
        keywords=tuple(found.keywords),
        language=found.language,
        wire_format=found.wire_format,
    )
    return clean_item(item)


def _without_repeated_title(body: Body, title: str) -> tuple[list[str], list[int]]:
    """Plain-text bodies often open with the headline again: drop it."""
    paragraphs, headings = list(body.paragraphs), list(body.headings)
    while len(paragraphs) > 1 and paragraphs[0].casefold() == title.casefold():
        paragraphs, headings = paragraphs[1:], [i - 1 for i in headings if i > 0]
    return paragraphs, headings


def _place_cities(field: str) -> list[City]:
    """``Kiova/Washington``: each city of a place field that names several."""
    return [resolve_city(name.strip()) for name in field.split("/") if name.strip()]


def _names(cities: list[City]) -> tuple[str, ...]:
    return tuple(city.name for city in cities) if len(cities) > 1 else ()


def _city_field(value: str | None, byline: str | None = None) -> str | None:
    """``Oslo, Norway`` -> ``Oslo``; ``MOSCOW, Monday (Reuters)`` -> ``MOSCOW``;
    ``Landquart GR`` -> ``Landquart`` (a Swiss canton's code is the region);
    a date (``14 maart 2025``, ``March 14``) -> ``None``: a date is no city;
    nor is a person (the byline, a name with a middle initial, ``By ...``)."""
    city = without_canton(clean_line(_PLACE_END.split(clean_line(value), maxsplit=1)[0]))
    if not city or _is_date(city) or _is_person(city, byline):
        return None
    return city


def _is_person(city: str, byline: str | None) -> bool:
    if city.startswith("By ") or _MIDDLE_INITIAL.search(city):
        return True
    # The byline's name, not a place it mentions: ``Door onze correspondent in
    # Brussel`` leaves ``Brussel`` a city.
    writer = re.sub(r"^(?:by|door)\s+", "", clean_line(byline).casefold())
    return bool(writer) and writer.startswith(city.casefold())


def _is_byline_line(paragraph: str) -> bool:
    return len(paragraph) <= _MAX_BYLINE_LINE and bool(_BYLINE_LINE.fullmatch(paragraph.strip()))


def _is_date(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text.casefold())
    return any(ch.isdigit() for ch in text) or all(word in _DATE_WORDS for word in words)


def first_date(
    *candidates: tuple[str, object], path: str | None = None
) -> tuple[datetime | None, str]:
    """The first of (label, value) that parses as a date in the archive's years,
    and its label (which says in the front matter where the date came from).
    A date with a UTC offset goes before one without; given ``path`` (a
    format opts in so), one without is read as UTC, its label says so and a
    warning names ``path``. Failing that, the first date outside those years,
    which ``build_item`` then refuses naming its field; failing that, none."""
    outside: tuple[datetime, str] | None = None
    for zone in (None, UTC) if path else (None,):
        for label, value in candidates:
            moment = parse_date(value, naive_zone=zone)
            if moment is None or (zone is not None and parse_date(value) is not None):
                continue
            if zone is not None:
                label = f"{label}, {ASSUMED_UTC}"
            if in_range(moment):
                if zone is not None:
                    _LOG.warning(
                        "Warning: %s: expected a date with a UTC offset, found %r; UTC assumed",
                        path,
                        str(value)[:40],
                    )
                return moment, label
            if outside is None:
                outside = moment, label
    return outside or (None, candidates[0][0])


def in_archive_time(moment: datetime | None) -> datetime | None:
    """The same instant, shown as the archive shows time: with Amsterdam's
    offset (for the formats whose agency is Dutch: ANP). A moment outside the
    archive's years stays as given, for ``build_item`` to refuse (converted,
    it could overflow)."""
    return fixed_offset(moment) if moment is not None and in_range(moment) else moment


def parse_date(value: object, *, naive_zone: tzinfo | None = None) -> datetime | None:
    """ISO 8601 (also the compact ``20130731T153200+0000``); a time without an
    offset is read in ``naive_zone``, and refused when there is none."""
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
    if moment.tzinfo is None:
        # A bare day (``2025-03-14``) is no moment: it is not given a zone.
        has_time = re.search(r"\d[T ]\d", text) is not None
        return moment.replace(tzinfo=naive_zone) if naive_zone and has_time else None
    return moment
