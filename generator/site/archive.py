"""The archive's structure, built once per site build: days, months, years,
sections and cities, each with its stories.

Promise: every article is looked at a constant number of times, so grouping
costs time in proportion to the archive; within a day, a month or a year
stories are in time order (oldest first), which keeps period listings stable:
new stories only ever add to the end of their period.

Sections and cities: names that differ only in case, Unicode form or white
space are one group; distinct names never share a URL. A group's slug is its
name's (transliterated: ``Москва`` -> ``moskva``); when names clash on one
slug (``北京`` and ``背景`` are both ``bei-jing``), the name with the oldest
story keeps it and each other one gets a suffix from its own name
(``bei-jing-3f0c1a``), so a URL does not move when newer stories arrive.
Each story carries the URLs of its section and city (``wire_section_url``,
``wire_city_url``) for the pages that link to them.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from generator.site.templating import AMSTERDAM
from generator.text.slugs import name_slug


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
    return name_slug(bare)


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
    archive = Archive(
        articles=articles,
        days={day: time_order(found) for day, found in days.items()},
        sections=_groups(articles, section_of, "rubriek"),
        cities=_groups(articles, city_of, "plaats"),
    )
    return archive


def section_of(article: Any) -> str:
    return str(article.category.name)


def city_of(article: Any) -> str:
    return str(getattr(article, "city", None) or "")


def name_key(name: str) -> str:
    """What makes two names one group: ``Den Haag``, ``DEN  HAAG`` and a
    decomposed ``Zürich`` are the same name; ``Zurich`` is another."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


_URL_ATTRIBUTE = {"rubriek": "wire_section_url", "plaats": "wire_city_url"}


def attach_group_urls(articles: Iterable[Any], archive: Archive) -> None:
    """For stories outside the archive (hidden ones): their section and city
    URL, as the archive assigned them, else their name's own slug. (The
    archive's own stories get theirs while they are grouped.)"""
    known = {
        (group.kind, name_key(group.name)): group.url
        for group in [*archive.sections, *archive.cities]
    }
    for article in articles:
        for kind, name in (("rubriek", section_of(article)), ("plaats", city_of(article))):
            url = known.get((kind, name_key(name))) if name else None
            if url is None and name:
                url = f"{kind}/{name_slug(name)}/"
            setattr(article, _URL_ATTRIBUTE[kind], url or "")


def _groups(articles: list[Any], name_of: Callable[[Any], str], kind: str) -> list[Group]:
    groups: dict[str, Group] = {}
    keys: dict[str, str] = {}  # a few hundred names for many thousand stories
    attribute = _URL_ATTRIBUTE[kind]
    for article in articles:
        name = name_of(article)
        if not name:
            setattr(article, attribute, "")
            continue
        key = keys.get(name) or keys.setdefault(name, name_key(name))
        group = groups.get(key)
        if group is None:
            group = groups[key] = Group(name, "", kind)
        group.articles.append(article)
        if group.place is None:
            group.place = getattr(article, "place", None)
    for group in groups.values():
        group.articles = time_order(group.articles)
    for key, slug in unique_slugs(_by_age(groups)).items():
        groups[key].slug = slug
        for article in groups[key].articles:  # each story links to its group
            setattr(article, attribute, groups[key].url)
    return sorted(groups.values(), key=lambda group: (sort_key(group.name), group.slug))


def _by_age(groups: dict[str, Group]) -> list[tuple[str, str]]:
    """(key, name) of each group, the one with the oldest story first."""
    ordered = sorted(groups.items(), key=lambda item: (item[1].articles[0].date, item[0]))
    return [(key, group.name) for key, group in ordered]


def unique_slugs(names: list[tuple[str, str]]) -> dict[str, str]:
    """A slug per key, none shared: the first name to claim a slug keeps it; a
    later name with the same slug gets a suffix from a digest of its key (the
    same suffix whatever other names there are)."""
    chosen: dict[str, str] = {}
    taken: set[str] = set()
    clashing: list[tuple[str, str]] = []
    for key, name in names:
        slug = name_slug(name)
        if slug in taken:
            clashing.append((key, slug))
        else:
            chosen[key] = slug
            taken.add(slug)
    for key, slug in clashing:
        chosen[key] = _suffixed(slug, key, taken)
        taken.add(chosen[key])
    return chosen


def _suffixed(slug: str, key: str, taken: set[str]) -> str:
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=16).hexdigest()
    candidates = [f"{slug.rstrip('-')}-{digest[:size]}" for size in range(6, len(digest) + 1, 2)]
    # Another name has this very slug: a longer suffix (then, past any chance, a number).
    found = next((candidate for candidate in candidates if candidate not in taken), None)
    number = 2
    while found is None or found in taken:
        found, number = f"{candidates[-1]}-{number}", number + 1
    return found
