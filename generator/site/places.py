"""Site build: cities as places, one page per place whatever name a story used.

Promise: stories whose content files record the same GeoNames id are one city
(``'s-Hertogenbosch`` and ``Den Bosch``, ``Rome`` and an older file's
``Roma``); a story without one is grouped by its city's name. A place's
group is named with its Dutch name (``generator/places/dutch_names.tsv``),
else with the name most of its stories use (the newest story's on a tie).
Its other names, those its stories used and those Dutch readers use
(``Den Bosch``), are its aliases: search finds the place by them, and each
alias whose own address is free gets a page that sends the reader on to
the place's page (``alias_pages``), so a link made with the other name
still arrives. Only dutch_names.tsv is read, and the whole gazetteer only
when one id comes with names that may not be that place's (``city_keys``).
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from generator.places.gazetteer import dutch_names, find_place
from generator.text.slugs import name_slug

if TYPE_CHECKING:
    from generator.site.archive import Group
    from generator.site.stories import SiteStory


def name_key(name: str) -> str:
    """What makes two names one: ``Den Haag``, ``DEN  HAAG`` and a decomposed
    ``Zürich`` are the same name; ``Zurich`` is another."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def city_key(site: SiteStory) -> str:
    """The identity of a story's city as its file records it: its place's
    GeoNames id, else its name."""
    place = site.story.place
    if place is not None and place.geonames is not None:
        return f"geonames:{place.geonames}"
    return name_key(site.story.city or "")


def city_keys(stories: list[SiteStory]) -> Callable[[SiteStory], str]:
    """``city_key``, where a file's city and place agree. A hand edit may
    change the city and leave the place (``Москва`` over Amsterdam's id):
    where one id comes with several names, a name that is not one of that
    place's (the gazetteer says) is grouped by itself. The gazetteer is only
    loaded then: in the usual archive every id comes with one name."""
    names: dict[str, set[str]] = defaultdict(set)
    for site in stories:
        names[city_key(site)].add(name_key(site.story.city or ""))
    mixed = {key for key, found in names.items() if len(found) > 1 and key.startswith("geonames:")}

    def key_of(site: SiteStory) -> str:
        key = city_key(site)
        if key in mixed and not _names_place(site.story.city or "", key):
            return name_key(site.story.city or "")
        return key

    return key_of


@cache
def _names_place(name: str, key: str) -> bool:
    place = find_place(name)
    return place is not None and f"geonames:{place.geonames}" == key


@cache
def _dutch() -> dict[int, tuple[str, tuple[str, ...]]]:
    return dutch_names()


def name_place(group: Group) -> None:
    """Give a city group its one name and its aliases (the other names)."""
    written = Counter(site.story.city or "" for site in group.stories)
    newest = {site.story.city or "": index for index, site in enumerate(group.stories)}
    chosen = max(written, key=lambda name: (written[name], newest[name]))
    curated: tuple[str, ...] = ()
    geonames = group.place.geonames if group.place is not None else None
    if geonames is not None and geonames in _dutch():
        chosen, curated = _dutch()[geonames]
    names = {name_key(chosen): chosen}
    for name in [*curated, *sorted(written)]:
        names.setdefault(name_key(name), name)
    group.name = chosen
    group.aliases = [name for key, name in names.items() if key != name_key(chosen)]


@dataclass(frozen=True)
class AliasPage:
    """A page at ``plaats/<slug>/`` that sends the reader to ``group``'s page."""

    name: str
    slug: str
    group: Group


def alias_pages(cities: list[Group]) -> list[AliasPage]:
    """A page for each alias whose slug no place and no earlier alias has."""
    taken = {group.slug for group in cities}
    pages = []
    for group in cities:
        for alias in group.aliases:
            slug = name_slug(alias)
            if slug not in taken:
                taken.add(slug)
                pages.append(AliasPage(alias, slug, group))
    return pages


def set_city_names(group: Group) -> None:
    """Each story of ``group`` carries the place's one name and its other names
    (for search and its city filter)."""
    aliases = tuple(group.aliases)
    for site in group.stories:
        site.city_name, site.city_aliases = group.name, aliases
