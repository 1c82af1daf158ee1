"""The archive's structure, built once per site build: days, months, years,
sections and cities, each with its stories.

Promise: every article is looked at a constant number of times, so grouping
costs time in proportion to the archive; within a day, a month or a year
stories are in time order (oldest first), which keeps period listings stable:
new stories only ever add to the end of their period.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from generator.site.templating import AMSTERDAM
from generator.text.slugs import slugify


def day_of(article: Any) -> date:
    """The story's day in Amsterdam (kept on the story: listings ask often)."""
    local: date | None = getattr(article, "wire_day", None)
    if local is None:
        local = article.date.astimezone(AMSTERDAM).date()
        article.wire_day = local
    return local


def time_order(articles: list[Any]) -> list[Any]:
    return sorted(articles, key=lambda a: (a.date, a.slug))


def sort_key(name: str) -> str:
    """Dutch collation for place names: the articles ``'s``/``'t`` do not count,
    ``IJ`` sorts as ``ij`` (``'s-Hertogenbosch`` under H, ``IJmuiden`` under I)."""
    bare = name.casefold()
    for article in ("'s-", "'s ", "'t-", "'t ", "’s-", "’t "):
        if bare.startswith(article):
            bare = bare[len(article) :]
    return slugify(bare)


@dataclass
class Group:
    """Stories that share a city or a section, with their years."""

    name: str
    slug: str
    kind: str  # "plaats" or "rubriek": the URL's first part
    articles: list[Any] = field(default_factory=list)  # oldest first
    place: Any = None

    @property
    def count(self) -> int:
        return len(self.articles)

    @property
    def url(self) -> str:
        return f"{self.kind}/{self.slug}/"

    @property
    def sort_letter(self) -> str:
        """The letter the index files it under (``'s-Hertogenbosch`` under H)."""
        first = sort_key(self.name)[:1].upper()
        return first if first.isalpha() else "#"

    def fingerprint(self) -> list[Any]:
        """What pages show of the group itself (its stories come in their own
        variables): a page that names a group changes when this does."""
        return [self.name, self.slug, self.kind, self.count, self.place]

    def years(self) -> list[tuple[int, list[Any]]]:
        by_year: dict[int, list[Any]] = defaultdict(list)
        for article in self.articles:
            by_year[day_of(article).year].append(article)
        return sorted(by_year.items())

    def newest(self, count: int) -> list[Any]:
        return list(reversed(self.articles[-count:]))


@dataclass
class Archive:
    articles: list[Any]  # newest first, as Pelican orders them
    days: dict[date, list[Any]]  # each oldest first
    sections: list[Group]
    cities: list[Group]

    @property
    def ordered_days(self) -> list[date]:
        return sorted(self.days)

    def months(self) -> dict[tuple[int, int], list[date]]:
        months: dict[tuple[int, int], list[date]] = defaultdict(list)
        for day in self.ordered_days:
            months[(day.year, day.month)].append(day)
        return dict(months)

    def count(self, days: list[date]) -> int:
        return sum(len(self.days[day]) for day in days)


def build_archive(articles: list[Any]) -> Archive:
    days: dict[date, list[Any]] = defaultdict(list)
    for article in articles:
        days[day_of(article)].append(article)
    return Archive(
        articles=articles,
        days={day: time_order(found) for day, found in days.items()},
        sections=_groups(articles, lambda a: a.category.name, "rubriek"),
        cities=_groups(articles, lambda a: getattr(a, "city", None), "plaats"),
    )


def _groups(articles: list[Any], name_of: Any, kind: str) -> list[Group]:
    groups: dict[str, Group] = {}
    slugs: dict[str, str] = {}  # a few hundred names for many thousand stories
    for article in articles:
        name = name_of(article)
        if not name:
            continue
        slug = slugs.get(str(name)) or slugs.setdefault(str(name), slugify(str(name)))
        group = groups.setdefault(slug, Group(str(name), slug, kind))
        group.articles.append(article)
        if group.place is None:
            group.place = getattr(article, "place", None)
    for group in groups.values():
        group.articles = time_order(group.articles)
    return sorted(groups.values(), key=lambda group: sort_key(group.name))
