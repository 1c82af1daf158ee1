"""The archive's calendar and addresses, for every stage: converter, site and search.

Promises:
- a story belongs to one day, its day in Amsterdam (``ARCHIVE_ZONE``),
  whatever offset its source gave: a story dated ``2025-03-14T23:30Z`` is on
  15 March. ``local_day`` is the only place that day is computed; the content
  file's folder, the story's URL, its day page, its "Dezelfde dag" link, the
  month chart and the search's date filter all come from it;
- every address of the site is made here, once: the content file of a story,
  and the URL of a day, month, year, section, city and their year pages and
  feeds. URLs are relative to the site's root and end in ``/`` (a folder with
  an ``index.html``); ``save_as`` gives that file.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

ARCHIVE_ZONE = ZoneInfo("Europe/Amsterdam")  # the archive's clock: days, months, times shown
SECTION, CITY = "rubriek", "plaats"  # the first part of a group's URL
INDEX = "index.html"


def aware(moment: datetime) -> datetime:
    """``moment`` with an offset: a naive one is taken as UTC, never as the
    machine's own zone, so every machine files it on the same day."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def local_time(moment: datetime) -> datetime:
    """``moment`` on the archive's clock."""
    return aware(moment).astimezone(ARCHIVE_ZONE)


def local_day(moment: datetime) -> date:
    """The day the archive files ``moment`` under."""
    return local_time(moment).date()


def day_key(moment: datetime) -> str:
    """``2025-03-15``: the local day as the search store and filters write it."""
    return local_day(moment).isoformat()


def story_file(day: date, slug: str) -> PurePosixPath:
    """``2025/03/15/slug.md``: a story's file under content/, which is its URL."""
    return PurePosixPath(f"{day:%Y}", f"{day:%m}", f"{day:%d}", f"{slug}.md")


def year_url(year: int) -> str:
    return f"{year}/"


def month_url(year: int, month: int) -> str:
    return f"{year}/{month:02d}/"


def day_url(day: date) -> str:
    return f"{day:%Y}/{day:%m}/{day:%d}/"


def group_url(kind: str, slug: str) -> str:
    """``plaats/den-haag/``: a section's or city's landing page."""
    return f"{kind}/{slug}/"


def groups_url(kind: str) -> str:
    """``plaats/``: the index of every city (or section)."""
    return f"{kind}/"


def group_year_url(kind: str, slug: str, year: int) -> str:
    return f"{group_url(kind, slug)}{year}/"


def group_feed(kind: str, slug: str) -> str:
    """``feeds/plaats/den-haag.atom.xml``: a section's or city's feed."""
    return f"feeds/{kind}/{slug}.atom.xml"


def save_as(url: str) -> str:
    """The file a folder URL is written to: ``2025/03/`` -> ``2025/03/index.html``."""
    return f"{url}{INDEX}"
