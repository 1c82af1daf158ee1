"""Merging, the matching rules: may this item join that story?

Promises:
- ``title_key`` and ``lead_key`` are what an item is matched on (a headline
  without its version suffix; a lead long enough to identify a story);
- ``compatible`` lets an item join a story only when nothing says they are
  two stories: the same agency (or source format), within ``UPDATE_WINDOW`` or
  ``LEAD_WINDOW`` allowing for the dates' precision, and no disagreeing
  provider ids;
- ``Stories`` is what matching may look up; ``StoryIndex`` files stories under
  the keys they match on, for the content store and for ``PileStories``, over the
  items of the pile being imported (the content store serves the archive).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from generator.addresses import aware
from generator.model import DatePrecision, WireItem
from generator.text.identity import story_id
from generator.text.updates import split_version

MIN_LEAD = 40  # characters: shorter leads are too common to identify a story


def title_key(title: str) -> str:
    """A headline folded for matching: no case, spacing, version marker (see
    ``generator.text.updates.split_version``) or final period."""
    bare, _ = split_version(" ".join(title.casefold().split()))
    return bare.rstrip(". ")


def is_update(item: WireItem) -> bool:
    return item.version > 1 or item.replaces is not None


def lead_key(summary: str) -> str | None:
    """The lead's identity (as a web page's id); ``None`` for a lead too short to tell."""
    return story_id(summary) if len(" ".join(summary.split())) >= MIN_LEAD else None


# How far apart (in time) two items may lie and still be one story. An update
# comes within two days of the version it updates (ANP's ``(2)`` follows within
# hours); the same lead in another format or copy within three, the time a copied
# page may lie unread before it is captured. Recurring copy (``AEX opent
# hoger``, weather, traffic) repeats daily: anything further apart is another story.
UPDATE_WINDOW = timedelta(hours=48)
LEAD_WINDOW = timedelta(days=3)
# A date known only to the hour, day, week or month may lie that far either way.
_PRECISION_SLACK = {
    DatePrecision.HOUR: timedelta(hours=1),
    DatePrecision.DAY: timedelta(days=1),
    DatePrecision.WEEK: timedelta(days=7),
    DatePrecision.MONTH: timedelta(days=31),
}


@dataclass(frozen=True)
class Known:
    """What matching needs of a story: one in content/, or one version in the pile."""

    id: str
    first: datetime  # the story's date
    latest: datetime  # its newest version (``modified``), else its date
    precision: str
    agency: str | None = None
    wire_format: str | None = None
    guid: str | None = None

    @classmethod
    def of(cls, item: WireItem) -> Known:
        return cls.dated(
            item.id,
            item.date,
            item.modified,
            str(item.date_precision),
            agency=item.agency,
            wire_format=item.wire_format,
            guid=item.guid,
        )

    @classmethod
    def dated(
        cls,
        story: str,
        date: datetime,
        modified: datetime | None,
        precision: str,
        *,
        agency: str | None = None,
        wire_format: str | None = None,
        guid: str | None = None,
    ) -> Known:
        """A story dated ``date`` whose newest version is of ``modified`` (if later)."""
        first = aware(date)
        latest = max(first, aware(modified)) if modified else first
        return cls(story, first, latest, precision, agency, wire_format, guid)

    @property
    def slack(self) -> timedelta:
        return _PRECISION_SLACK.get(DatePrecision(self.precision), timedelta(0))


def compatible(item: Known, story: Known, window: timedelta, *, same_lead: bool = False) -> bool:
    """May ``item`` join ``story``? The same agency (or, when either names none,
    the same source format), within ``window``, no disagreeing provider ids.

    One exception, for ``same_lead`` (a lead of ``MIN_LEAD`` characters or
    more, word for word): released at the same minute, the two are one text in
    two wrappings (a ninjs and a NewsML copy, a simple and a rich version), not
    recurring copy, whatever their ids and agencies say.
    """
    if same_lead and _same_minute(item, story):
        return True
    if item.guid and story.guid and item.guid != story.guid:
        return False
    agencies = agency_family(item.agency), agency_family(story.agency)
    if None in agencies:
        if format_family(item.wire_format) != format_family(story.wire_format):
            return False
    elif agencies[0] != agencies[1]:
        return False
    return gap(item, story) <= window


def _same_minute(item: Known, story: Known) -> bool:
    exact = {DatePrecision.EXACT, DatePrecision.MINUTE}
    if {DatePrecision(item.precision), DatePrecision(story.precision)} - exact:
        return False
    return abs(item.first - story.first) < timedelta(minutes=1)


def gap(item: Known, story: Known) -> timedelta:
    """The time between ``item`` and the nearest version of ``story``, allowing
    for how precisely each date is known; zero when they overlap."""
    slack = item.slack + story.slack
    before = story.first - item.latest - slack
    after = item.first - story.latest - slack
    return max(before, after, timedelta(0))


_FIRST_WORD = re.compile(r"[^\W_]+")


def agency_family(agency: str | None) -> str | None:
    """``ANP/AFP``, ``anp.nl``, ``ANP`` -> ``anp``: the agency that sent it."""
    found = _FIRST_WORD.search(agency.casefold()) if agency else None
    return found.group(0) if found else None


def format_family(wire_format: str | None) -> str:
    """``ninjs-2`` -> ``ninjs``, ``newsml-g2`` -> ``newsml``; a copied page -> ``webpage``."""
    return wire_format.split("-")[0] if wire_format else "webpage"


class Stories(Protocol):
    """The stories an item may join, looked up by what it may match on."""

    def by_title(self, key: str) -> Iterable[Known]: ...
    def by_lead(self, key: str) -> Iterable[Known]: ...
    def by_id(self, story: str) -> Iterable[Known]: ...
    def by_guid(self, guid: str) -> Iterable[Known]: ...


class StoryIndex:
    """``Stories`` as a lookup table: each story filed under its id, its folded
    headline, its lead's key and its provider id (the keys it can be matched on)."""

    def __init__(self) -> None:
        self._index: dict[tuple[str, str], list[Known]] = defaultdict(list)

    def remember(self, known: Known, *, title: str, lead: str | None) -> None:
        keys = [("id", known.id), ("title", title_key(title)), ("lead", lead), ("guid", known.guid)]
        for kind, key in keys:
            if key:
                self._index[(kind, key)].append(known)

    def by_title(self, key: str) -> list[Known]:
        """Stories whose headline folds to ``key`` (see ``title_key``)."""
        return self._index.get(("title", key), [])

    def by_lead(self, key: str) -> list[Known]:
        """Stories whose lead has ``key`` (see ``lead_key``)."""
        return self._index.get(("lead", key), [])

    def by_id(self, story: str) -> list[Known]:
        return self._index.get(("id", story), [])

    def by_guid(self, guid: str) -> list[Known]:
        return self._index.get(("guid", guid), [])


class PileStories(StoryIndex):
    """``Stories`` over the items already resolved: every version counts."""

    def add(self, item: WireItem) -> None:
        self.remember(Known.of(item), title=item.title, lead=lead_key(item.summary))
