"""Template filters: Dutch dates without system locales, slugs, the site's addresses.

Promise: dates are shown on the archive's clock (``addresses.local_time``),
formatted with Babel's Dutch data whatever the machine's locale, and say how
precise they are (``ca.`` for an age in hours, ``uiterlijk`` for a page's
capture time); every address a template links to comes from
``generator.addresses`` through these filters, so no template formats a date
into a URL.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from babel.dates import format_date
from jinja2 import Environment
from markupsafe import Markup

from generator import addresses
from generator.model import DatePrecision
from generator.site.stories import SiteStory
from generator.text.slugs import slugify

LOCALE = "nl_NL"


def nl_date(moment: date | datetime, pattern: str = "d MMMM y") -> str:
    """``14 maart 2025``; a datetime is first put on the archive's clock."""
    day = addresses.local_day(moment) if isinstance(moment, datetime) else moment
    return _format_day(day, pattern)


@lru_cache(maxsize=65_536)
def _format_day(day: date, pattern: str) -> str:
    # An archive's stories share few days; Babel takes ~30 µs a call.
    return str(format_date(day, pattern, locale=LOCALE))


def nl_datetime(moment: datetime, precision: DatePrecision = DatePrecision.EXACT) -> str:
    """The date as precisely as the source gave it."""
    local = addresses.local_time(moment)
    day = nl_date(local)
    clock = f"{local:%H:%M}"  # Babel's HH:mm: the same digits, without the cost
    shown = {
        DatePrecision.HOUR: f"{day}, ca. {clock}",
        DatePrecision.DAY: day,
        DatePrecision.WEEK: f"rond {day}",
        DatePrecision.MONTH: nl_date(local, "MMMM y"),
        DatePrecision.CAPTURED: f"{day}, uiterlijk {clock}",
    }
    return shown.get(precision, f"{day}, {clock}")  # exact and minute: the clock


def nl_clock(moment: datetime, precision: DatePrecision = DatePrecision.EXACT) -> str:
    """The time of day as precisely as the source gave it (``uiterlijk 06:03``),
    for a page that already names the day; a story dated only by day, week
    or month shows that (``nl_datetime``)."""
    clock = f"{addresses.local_time(moment):%H:%M}"
    shown = {
        DatePrecision.EXACT: clock,
        DatePrecision.MINUTE: clock,
        DatePrecision.HOUR: f"ca. {clock}",
        DatePrecision.CAPTURED: f"uiterlijk {clock}",
    }
    return shown.get(precision) or nl_datetime(moment, precision)


DESCRIPTION_LENGTH = 160  # about what a search result shows of a description


def description(text: str) -> str:
    """A meta description: the text, cut after a word to at most
    ``DESCRIPTION_LENGTH`` characters (every story page carries one)."""
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    cut = text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;: ")
    return f"{cut}…"


def weekday(moment: date | datetime) -> str:
    """``vrijdag 14 maart 2025``."""
    return nl_date(moment, "EEEE d MMMM y")


def month_name(month: int) -> str:
    """``3`` -> ``maart``."""
    return str(format_date(date(2000, month, 1), "MMMM", locale=LOCALE))


def json_for_script(data: Any) -> Markup:
    """JSON safe inside ``<script>``: ``<``, ``>`` and ``&`` are written as escapes,
    so no text in it can close the script element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def published(moment: datetime, precision: DatePrecision) -> str | None:
    """ISO 8601 only as precise as the source gave it: to the second or the
    minute; a day for an hour or a day (``7 uur geleden``: the Amsterdam day);
    a month for a week or a month; ``None`` for a story only known to have
    been online by the moment its page was copied (``uiterlijk``)."""
    if precision is DatePrecision.CAPTURED:
        return None
    if precision is DatePrecision.EXACT:
        return moment.isoformat()
    if precision is DatePrecision.MINUTE:
        return moment.isoformat(timespec="minutes")
    local = addresses.local_time(moment)
    if precision in (DatePrecision.HOUR, DatePrecision.DAY):
        return f"{local:%Y-%m-%d}"
    return f"{local:%Y-%m}"


def absolute(path: str, siteurl: str) -> str:
    """A site path (``theme/images/share.png``) under ``siteurl``; an address
    (``https://...``) as it is."""
    if path.startswith(("http://", "https://")):
        return path
    return f"{siteurl}/{path.lstrip('/')}"


def news_article(site: SiteStory, siteurl: str, sitename: str, image: str, logo: str) -> Markup:
    """schema.org NewsArticle for a story page, as JSON-LD, with what Google's
    Article documentation asks for: the headline, an image (the site's own,
    as stories carry none), the author (the agency, else the site), the
    publisher with its logo, and the dates, published only as precisely as
    known (``published``). What the page says elsewhere (description,
    address, language) is left to the page, which every story repeats."""
    story = site.story
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.title,
        "image": absolute(image, siteurl),
        "author": {"@type": "Organization", "name": story.agency or sitename},
        "publisher": {"@type": "Organization", "name": sitename, "logo": absolute(logo, siteurl)},
    }
    date = published(story.date, story.date_precision)
    if date is not None:
        data["datePublished"] = date
    if story.modified is not None:
        data["dateModified"] = story.modified.isoformat()
    return json_for_script(data)


# Settings the templates read, and their values when pelicanconf.py sets none.
TEMPLATE_SETTINGS = {
    "WIRE_SHARE_IMAGE": "theme/images/share-1200x675.png",
    "WIRE_LOGO": "theme/images/logo-512.png",
}


def add_setting_defaults(settings: dict[str, Any]) -> None:
    for key, value in TEMPLATE_SETTINGS.items():
        settings.setdefault(key, value)


FILTERS: dict[str, Callable[..., object]] = {
    "nl_date": nl_date,
    "nl_datetime": nl_datetime,
    "nl_clock": nl_clock,
    "description": description,
    "published": published,
    "weekday": weekday,
    "slug": slugify,
    "month_name": month_name,
    "news_article": news_article,
    "absolute": absolute,
    # Addresses: ``day|day_url``, ``year|month_url(month)``, ``kind|groups_url``.
    "day_url": addresses.day_url,
    "month_url": addresses.month_url,
    "year_url": addresses.year_url,
    "groups_url": addresses.groups_url,
}


def add_filters(environment: Environment) -> None:
    environment.filters.update(FILTERS)
