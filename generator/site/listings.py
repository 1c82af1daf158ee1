"""Our own listing pages: home, days, sections, cities, and the search page.

Pelican's period archives and tag/category/author pages are switched off in
the settings (they cost time quadratic in the number of articles). Here every
article is grouped once, and each page is rendered from its own group only,
so a listing page costs time in proportion to what it shows.

URLs: ``/`` home, ``/YYYY/MM/DD/`` a day, ``/rubriek/<slug>/`` a section,
``/plaats/<slug>/`` a city, ``/plaats/`` all cities, ``/rubriek/`` all
sections, ``/zoeken/`` search. Long section and city pages are paginated
(``.../pagina/2/``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from generator.site.templating import AMSTERDAM
from generator.text.slugs import slugify

HOME_ITEMS_DEFAULT = 30


@dataclass
class Group:
    """Articles that share a city or a section."""

    name: str
    slug: str
    articles: list[Any] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.articles)


def day_of(article: Any) -> date:
    local: date = article.date.astimezone(AMSTERDAM).date()
    return local


def day_url(day: date) -> str:
    return f"{day:%Y}/{day:%m}/{day:%d}/"


def group_by(articles: list[Any], key: str) -> list[Group]:
    """Groups in Dutch alphabetical order (``'s-Hertogenbosch`` under H)."""
    groups: dict[str, Group] = {}
    for article in articles:
        name = getattr(article, key, None)
        if key == "category" and name is not None:
            name = name.name
        if not name:
            continue
        slug = slugify(str(name))
        groups.setdefault(slug, Group(str(name), slug)).articles.append(article)
    return sorted(groups.values(), key=lambda group: sort_key(group.name))


def sort_key(name: str) -> str:
    """Dutch collation for place names: articles ``'s``/``'t`` do not count."""
    bare = name.casefold()
    for article in ("'s-", "'s ", "'t-", "'t "):
        if bare.startswith(article):
            bare = bare[len(article) :]
    return slugify(bare)


def write_listings(generator: Any, writer: Any) -> None:
    """Signal handler: every listing page of the site."""
    pages = _Pages(generator, writer)
    articles = list(generator.articles)  # Pelican's order: newest first
    days = _write_days(pages, articles)
    sections = group_by(articles, "category")
    cities = group_by(articles, "city")
    home_items = int(generator.settings.get("WIRE_HOME_ITEMS", HOME_ITEMS_DEFAULT))
    pages.write(
        "index.html", "home", articles=articles[:home_items], days=days[:14], sections=sections
    )
    pages.write(
        "rubriek/index.html", "groups", groups=sections, kind="rubriek", heading="Rubrieken"
    )
    pages.write("plaats/index.html", "groups", groups=cities, kind="plaats", heading="Plaatsen")
    for kind, groups in (("rubriek", sections), ("plaats", cities)):
        for group in groups:
            pages.write_paginated(
                f"{kind}/{group.slug}/", "group", group.articles, group=group, kind=kind
            )
    pages.write("zoeken/index.html", "search")


def _write_days(pages: _Pages, articles: list[Any]) -> list[tuple[date, int]]:
    by_day: dict[date, list[Any]] = defaultdict(list)
    for article in articles:
        by_day[day_of(article)].append(article)
    ordered = sorted(by_day)
    for position, day in enumerate(ordered):
        items = sorted(by_day[day], key=lambda a: (a.date, a.slug))  # time order within the day
        previous_day = ordered[position - 1] if position > 0 else None
        next_day = ordered[position + 1] if position + 1 < len(ordered) else None
        pages.write(
            day_url(day) + "index.html",
            "day",
            day=day,
            day_articles=items,
            previous_day=previous_day,
            next_day=next_day,
        )
    return [(day, len(by_day[day])) for day in reversed(ordered)]


class _Pages:
    """Writes one listing page through Pelican's writer (relative URLs, signals)."""

    def __init__(self, generator: Any, writer: Any) -> None:
        self.generator = generator
        self.writer = writer
        self.relative = bool(generator.settings.get("RELATIVE_URLS"))
        self.context = generator.context

    def write(self, save_as: str, template: str, **variables: Any) -> None:
        self.writer.write_file(
            save_as,
            self.generator.get_template(template),
            self.context,
            relative_urls=self.relative,
            page_name=save_as.removesuffix("index.html"),
            **variables,
        )

    def write_paginated(
        self, url: str, template: str, articles: list[Any], **variables: Any
    ) -> None:
        # Pelican paginates only templates named in this setting.
        self.generator.settings["PAGINATED_TEMPLATES"].setdefault(template, None)
        self.writer.write_file(
            url + "index.html",
            self.generator.get_template(template),
            self.context,
            relative_urls=self.relative,
            paginated={"articles": articles},
            template_name=template,
            url=url,
            page_name=url,
            **variables,
        )
