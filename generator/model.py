"""The item model every input format is mapped onto.

A ``WireItem`` is one story as the archive keeps it: parsers produce it, the
content writer turns it into a Markdown file, and nothing downstream needs to
know which format it came from. Its ``Story`` (every field but the text) is
what the content file's front matter records, and what the site, its feeds
and its search read back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

DEFAULT_SECTION = "Algemeen"  # the section of a story whose source names none


class DatePrecision(StrEnum):
    """How much the recorded date can be trusted.

    ``captured``: the source gave no time; the story is no newer than the
    moment the page was copied. The others say the source gave the date to
    that unit (``7 uur geleden`` is ``hour``).
    """

    EXACT = "exact"
    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    CAPTURED = "captured"


@dataclass(frozen=True)
class Place:
    """A place record: where a dateline city lies (GeoNames id when known)."""

    country: str
    lat: float
    lon: float
    geonames: int | None = None


@dataclass
class Story:
    """One story as its content file records it, its text aside: what the
    converter writes into the front matter and every stage after it reads
    back (``generator.content.record``). Text fields are plain text: wire
    text is data, never markup.

    ``summary`` is the lead without its dateline; ``date_source`` says in words
    how ``date`` was obtained (``captured-at``, ``age: 7 uur geleden``).
    ``version`` counts ANP's updates (a headline ending ``(2)`` is version 2);
    ``replaces`` is the headline an update says it replaces; ``modified`` is set
    when a later version was merged in. ``embargo`` is the moment before which
    the story must not be published (the site holds it back until then).
    ``sources`` are the wire files the item
    was made from. ``slug`` is empty until the story is first written.
    The agency formats add what they carry: ``guid`` (the provider's id of the
    story, the same for all its versions), ``byline``, ``genre``,
    ``keywords``, ``language`` and ``wire_format``.
    """

    id: str
    title: str
    summary: str
    date: datetime
    date_precision: DatePrecision
    date_source: str
    section: str
    city: str | None = None
    cities: tuple[str, ...] = ()  # every dateline city, when there are several
    place: Place | None = None  # where ``city`` lies
    agency: str | None = None
    kind: str = "story"
    captured_at: datetime | None = None
    sources: tuple[str, ...] = ()
    slug: str | None = None  # the URL name: set once written, kept for good
    version: int = 1
    replaces: str | None = None
    modified: datetime | None = None
    embargo: datetime | None = None  # not to be published before this moment
    guid: str | None = None
    byline: str | None = None
    genre: str | None = None
    keywords: tuple[str, ...] = ()
    language: str | None = None
    wire_format: str | None = None


@dataclass(kw_only=True)
class WireItem(Story):
    """A story with its text: what parsers produce and the content writer
    turns into a Markdown file. ``headings`` are the positions in
    ``paragraphs`` that are subheads."""

    paragraphs: list[str]
    headings: tuple[int, ...] = ()
