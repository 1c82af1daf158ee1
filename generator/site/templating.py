"""Template filters: Dutch dates without system locales, slugs, URLs.

Promise: dates are formatted with Babel's Dutch data whatever the machine's
locale, and say how precise they are (``ca.`` for an age in hours,
``uiterlijk`` for a page's capture time).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime

from generator.text.slugs import slugify

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
LOCALE = "nl_NL"


def _local(moment: datetime) -> datetime:
    return moment.astimezone(AMSTERDAM)


def nl_date(moment: date | datetime, pattern: str = "d MMMM y") -> str:
    """``14 maart 2025``; a datetime is first put in Amsterdam time."""
    day = _local(moment).date() if isinstance(moment, datetime) else moment
    return str(format_date(day, pattern, locale=LOCALE))


def nl_datetime(moment: datetime, precision: str = "exact") -> str:
    """The date as precisely as the source gave it."""
    local = _local(moment)
    day = nl_date(local)
    clock = str(format_datetime(local, "HH:mm", locale=LOCALE))
    return {
        "exact": f"{day}, {clock}",
        "minute": f"{day}, {clock}",
        "hour": f"{day}, ca. {clock}",
        "day": day,
        "week": f"rond {day}",
        "month": nl_date(local, "MMMM y"),
        "captured": f"{day}, uiterlijk {clock}",
    }.get(precision, f"{day}, {clock}")


def weekday(moment: date | datetime) -> str:
    """``vrijdag 14 maart 2025``."""
    return nl_date(moment, "EEEE d MMMM y")


FILTERS = {"nl_date": nl_date, "nl_datetime": nl_datetime, "weekday": weekday, "slug": slugify}


def add_filters(generator: Any) -> None:
    generator.env.filters.update(FILTERS)
