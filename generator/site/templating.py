"""Template filters: Dutch dates without system locales, slugs, URLs.

Promise: dates are formatted with Babel's Dutch data whatever the machine's
locale, and say how precise they are (``ca.`` for an age in hours,
``uiterlijk`` for a page's capture time).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date
from jinja2 import Environment
from markupsafe import Markup

from generator.text.slugs import slugify

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
LOCALE = "nl_NL"


def _local(moment: datetime) -> datetime:
    return moment.astimezone(AMSTERDAM)


def nl_date(moment: date | datetime, pattern: str = "d MMMM y") -> str:
    """``14 maart 2025``; a datetime is first put in Amsterdam time."""
    day = _local(moment).date() if isinstance(moment, datetime) else moment
    return _format_day(day, pattern)


@lru_cache(maxsize=65_536)
def _format_day(day: date, pattern: str) -> str:
    # An archive's stories share few days; Babel takes ~30 µs a call.
    return str(format_date(day, pattern, locale=LOCALE))


def nl_datetime(moment: datetime, precision: str = "exact") -> str:
    """The date as precisely as the source gave it."""
    local = _local(moment)
    day = nl_date(local)
    clock = f"{local:%H:%M}"  # Babel's HH:mm: the same digits, without the cost
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


def month_name(month: int) -> str:
    """``3`` -> ``maart``."""
    return str(format_date(date(2000, month, 1), "MMMM", locale=LOCALE))


def json_for_script(data: Any) -> Markup:
    """JSON safe inside ``<script>``: ``<``, ``>`` and ``&`` are written as escapes,
    so no text in it can close the script element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def news_article(article: Any, siteurl: str, sitename: str) -> Markup:
    """schema.org NewsArticle for a story page, as JSON-LD."""
    url = f"{siteurl}/{article.url}"
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": getattr(article, "lead", ""),
        "datePublished": article.date.isoformat(),
        "dateModified": (getattr(article, "modified", None) or article.date).isoformat(),
        "articleSection": article.category.name,
        "inLanguage": getattr(article, "language", None) or "nl",
        "url": url,
        "mainEntityOfPage": url,
        "publisher": {"@type": "Organization", "name": sitename},
    }
    if getattr(article, "city", None):
        data["locationCreated"] = {"@type": "Place", "name": article.city}
    if getattr(article, "agency", None):
        data["author"] = {"@type": "Organization", "name": article.agency}
    return json_for_script(data)


FILTERS = {
    "nl_date": nl_date,
    "nl_datetime": nl_datetime,
    "weekday": weekday,
    "slug": slugify,
    "month_name": month_name,
    "news_article": news_article,
}


def add_filters(environment: Environment) -> None:
    environment.filters.update(FILTERS)
