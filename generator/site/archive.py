"""The archive's structure, built once per site build: days, months, years,
sections and cities, each with its stories.

Promise: every article is looked at a constant number of times, so grouping
costs time in proportion to the archive; within a day, a month or a year
stories are in time order (oldest first), which keeps period listings stable:
new stories only ever add to the end of their period.

Sections: names that differ only in case, Unicode form or white space are
one group. Cities: one group per place (``places.py``: its GeoNames id, its
one name, its aliases). Distinct groups never share a URL. A group's slug is its
name's (transliterated: ``Москва`` -> ``moskva``); when names clash on one
slug (``北京`` and ``背景`` are both ``bei-jing``), the name with the oldest
story keeps it and each other one gets a suffix from its own name
(``bei-jing-3f0c1a``), so a URL does not move when newer stories arrive.
Each story carries the URLs of its section and city (``SiteStory.section_url``,
``city_url``) for the pages that link to them.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from generator.addresses import CITY, SECTION, group_feed, group_url, group_year_url
from generator.model import Place
from generator.site.places import (
    AliasPage,
    alias_pages,
    city_key,
    city_keys,
    name_key,
    name_place,
    set_city_names,
)
from generator.site.stories import SiteStory
from generator.text.slugs import name_slug

__all__ = ["Archive", "Group", "attach_group_urls", "build_archive", "name_key", "unique_slugs"]


def time_order(stories: list[SiteStory]) -> list[SiteStory]:
    return sorted(stories, key=lambda site: (site.story.date, site.story.slug or ""))


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
    kind: str  # addresses.SECTION or addresses.CITY: the URL's first part
    stories: list[SiteStory] = field(default_factory=list)  # oldest first
    place: Place | None = None
    aliases: list[str] = field(default_factory=list)  # a city's other names

    @property
    def count(self) -> int:
        return len(self.stories)

    @property
    def url(self) -> str:
        return group_url(self.kind, self.slug)

    @property
    def feed_url(self) -> str:
        return group_feed(self.kind, self.slug)

    def year_url(self, year: int) -> str:
        return group_year_url(self.kind, self.slug, year)

    @property
    def sort_letter(self) -> str:
        """The letter the index files it under (``'s-Hertogenbosch`` under H)."""
        first = sort_key(self.name)[:1].upper()
        return first if first.isalpha() else "#"

    def fingerprint(self) -> list[object]:
        """What pages show of the group itself (its stories come in their own
        variables): a page that names a group changes when this does."""
        return [self.name, self.slug, self.kind, self.count, self.place, self.aliases]

    def years(self) -> list[tuple[int, list[SiteStory]]]:
        by_year: dict[int, list[SiteStory]] = defaultdict(list)
        for site in self.stories:
            by_year[site.day.year].append(site)
        return sorted(by_year.items())

    def newest(self, count: int) -> list[SiteStory]:
        return list(reversed(self.stories[-count:]))


@dataclass
class Archive:
    stories: list[SiteStory]  # newest first
    days: dict[date, list[SiteStory]]  # each oldest first
    sections: list[Group]
    cities: list[Group]
    city_aliases: list[AliasPage] = field(default_factory=list)

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


def build_archive(stories: list[SiteStory]) -> Archive:
    """The archive of ``stories`` (newest first); sets their group URLs."""
    days: dict[date, list[SiteStory]] = defaultdict(list)
    for site in stories:
        days[site.day].append(site)
    cities = _groups(stories, city_of, CITY, key_of=city_keys(stories))
    for group in cities:
        set_city_names(group)
    return Archive(
        stories=stories,
        days={day: time_order(found) for day, found in days.items()},
        sections=_groups(stories, section_of, SECTION),
        cities=cities,
        city_aliases=alias_pages(cities),
    )


def section_of(site: SiteStory) -> str:
    return site.story.section


def city_of(site: SiteStory) -> str:
    return site.story.city or ""


def _set_group_url(site: SiteStory, kind: str, url: str) -> None:
    if kind == SECTION:
        site.section_url = url
    else:
        site.city_url = url


def attach_group_urls(stories: Iterable[SiteStory], archive: Archive) -> None:
    """For stories outside the archive (hidden ones): their section and city
    URL, as the archive assigned them, else their name's own slug. (The
    archive's own stories get theirs while they are grouped.)"""
    known = {(SECTION, name_key(group.name)): group.url for group in archive.sections}
    # A city by a name the archive's stories use, else by its place's id.
    for group in archive.cities:
        for site in group.stories:
            known.setdefault((CITY, city_key(site)), group.url)
            known[(CITY, name_key(city_of(site)))] = group.url
    for site in stories:
        for kind, name, keys in (
            (SECTION, section_of(site), [name_key(section_of(site))]),
            (CITY, city_of(site), [name_key(city_of(site)), city_key(site)]),
        ):
            urls = (known.get((kind, key)) for key in keys) if name else iter(())
            url = next((found for found in urls if found), None)
            if url is None and name:
                url = group_url(kind, name_slug(name))
            _set_group_url(site, kind, url or "")


def _groups(
    stories: list[SiteStory],
    name_of: Callable[[SiteStory], str],
    kind: str,
    key_of: Callable[[SiteStory], str] | None = None,
) -> list[Group]:
    groups: dict[str, Group] = {}
    keys: dict[str, str] = {}  # a few hundred names for many thousand stories
    for site in stories:
        name = name_of(site)
        if not name:
            _set_group_url(site, kind, "")
            continue
        if key_of is not None:
            key = key_of(site)
        else:
            key = keys.get(name) or keys.setdefault(name, name_key(name))
        group = groups.get(key)
        if group is None:
            group = groups[key] = Group(name, "", kind)
        group.stories.append(site)
        if group.place is None and _place_is_its_own(site, key):
            group.place = site.story.place
    for group in groups.values():
        group.stories = time_order(group.stories)
        if kind == CITY:
            name_place(group)
    for key, slug in unique_slugs(_by_age(groups)).items():
        groups[key].slug = slug
        for site in groups[key].stories:  # each story links to its group
            _set_group_url(site, kind, groups[key].url)
    return sorted(groups.values(), key=lambda group: (sort_key(group.name), group.slug))


def _place_is_its_own(site: SiteStory, key: str) -> bool:
    """False for a place the story's city was split from (``places.city_keys``):
    a hand-edited city keeps the old place's id, not its coordinates."""
    place = site.story.place
    return place is None or place.geonames is None or key == f"geonames:{place.geonames}"


def _by_age(groups: dict[str, Group]) -> list[tuple[str, str]]:
    """(key, name) of each group, the one with the oldest story first."""
    ordered = sorted(groups.items(), key=lambda item: (item[1].stories[0].story.date, item[0]))
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
