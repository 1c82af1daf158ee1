"""Site build, before any page is written: only the stories of one period.

Stage: at Pelican's ``article_generator_finalized``, just before
``structure.prepare`` (after Pelican read every article, before anything is
held back under embargo, grouped or written).

Promise: with ``WIRE_PERIOD`` set (a year, ``"2023"``, or a range of years,
``"2023-2024"``), a story whose archive day (``SiteStory.day``: its day in
Amsterdam, ``addresses.local_day``, the day its day page lists it under)
falls outside the period leaves every list of Pelican's articles generator,
as a story under embargo does (``embargo.ARTICLE_LISTS``), so no page,
listing, feed, sitemap, search file, neighbour link, count or map of the
build holds it: the site is the one its period's stories alone would give.
Unset, the build keeps the whole archive. One line on stderr says how many
stories the period kept and left out; no story is named (leaving one out is
the point, not news). A malformed value stops the build before any story is
read: one ``Error:`` line naming the setting, exit status 2 (a wrong setting,
as ``publishconf.py`` without ``SITEURL``).
"""

from __future__ import annotations

import logging
import re
import sys
from dataclasses import dataclass
from datetime import date

from generator.errors import SiteError
from generator.site.embargo import take_out
from generator.site.failures import HideSaid

SETTING = "WIRE_PERIOD"
_PERIOD = re.compile(r"([1-9][0-9]{3})(?:-([1-9][0-9]{3}))?", re.ASCII)


class PeriodError(SiteError):
    """``WIRE_PERIOD`` is malformed."""

    exitcode = 2  # what pelican's main() exits with


@dataclass(frozen=True)
class Period:
    """The years ``first`` to ``last``, both included."""

    first: int
    last: int

    def holds(self, day: date) -> bool:
        return self.first <= day.year <= self.last

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}-{self.last}"


@dataclass(frozen=True)
class Kept:
    """How many stories a period build kept and left out."""

    kept: int
    left_out: int


def parse(value: object) -> Period | None:
    """``WIRE_PERIOD`` as a ``Period``; None (unset, empty) for the whole
    archive. A year may also be given as a number (``WIRE_PERIOD = 2023``)."""
    if value is None or value == "":
        return None
    readable = isinstance(value, str | int) and not isinstance(value, bool)
    found = _PERIOD.fullmatch(str(value).strip()) if readable else None
    if found is None:
        raise PeriodError(
            f'expected {SETTING} as a year ("2023") or a range of years ("2023-2024"), '
            f"found {value!r}"
        )
    first = int(found[1])
    last = int(found[2]) if found[2] else first
    if last < first:
        raise PeriodError(
            f"expected {SETTING} as a range from the earlier year to the later "
            f'("{Period(last, first)}"), found {value!r}'
        )
    return Period(first, last)


def period_setting(value: object) -> Period | None:
    """``parse`` for the build's settings: a malformed value is said in one
    ``Error:`` line, and ``PeriodError`` raised for Pelican, whose own log of
    it (a traceback) is left out."""
    try:
        return parse(value)
    except PeriodError as error:
        print(f"Error: {error}", file=sys.stderr, flush=True)
        logging.getLogger("pelican").addFilter(_HIDE_SAID)
        raise


def keep_period(generator: object, period: Period | None) -> Kept | None:
    """Take every story outside ``period`` out of the articles generator's
    lists (in place: Pelican's context holds the same lists) and say how many
    were kept and left out; nothing (and None) without a period."""
    if period is None:
        return None
    left_out, kept = take_out(generator, lambda site: not period.holds(site.day))
    count = Kept(kept, len(left_out))
    print(
        f"Period: {SETTING} {period} kept {_stories(count.kept)}, "
        f"left out {_stories(count.left_out)} of other years",
        file=sys.stderr,
        flush=True,
    )
    return count


def _stories(number: int) -> str:
    return f"{number:,} {'story' if number == 1 else 'stories'}"


# One filter for the process: a logger keeps a filter once.
_HIDE_SAID = HideSaid(PeriodError)
