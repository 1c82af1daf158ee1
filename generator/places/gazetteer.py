"""The gazetteer: place names -> place records with coordinates.

Promise: ``find_place`` looks a name up in any casing, with or without
accents (``'S-HERTOGENBOSCH``, ``LONDEN``, ``GENEVE``), first in
``overrides.tsv`` (what GeoNames lacks or gets wrong for Dutch wire copy), then
in ``gazetteer.tsv`` (a GeoNames extract, CC BY 4.0, made by
``tools/make_gazetteer.py``). Where several places share a name, a Dutch one
wins, then a Belgian one, then the most populous.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from generator.model import Place

HOME_PREFERENCE = {"NL": 2, "BE": 1}


@dataclass(frozen=True)
class _Entry:
    place: Place
    names: tuple[str, ...]  # the forms of the name that fold to the looked-up key
    rank: tuple[int, int]
    curated: bool = False  # from overrides.tsv: its spelling is the Dutch one


def fold(name: str) -> str:
    """The lookup key: no case, no accents, straight apostrophes, single spaces."""
    if name.isascii():  # most names: nothing to decompose
        return " ".join(name.lower().split())
    bare = unicodedata.normalize("NFKD", name.casefold().replace("’", "'"))
    return " ".join("".join(ch for ch in bare if not unicodedata.combining(ch)).split())


def _rows(filename: str) -> list[list[str]]:
    text = resources.files("generator.places").joinpath(filename).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@cache
def _index() -> dict[str, _Entry]:
    index: dict[str, _Entry] = {}
    for geonames, country, population, lat, lon, names in _rows("gazetteer.tsv"):
        place = Place(country, float(lat), float(lon), int(geonames))
        rank = (HOME_PREFERENCE.get(country, 0), int(population))
        for name in names.split("|"):
            _add(index, name, place, rank)
    for name, country, lat, lon, geonames in _rows("overrides.tsv"):
        place = Place(country, float(lat), float(lon), int(geonames) if geonames else None)
        index[fold(name)] = _Entry(place, (name,), (9, 0), curated=True)  # overrides win
    return index


def _add(index: dict[str, _Entry], name: str, place: Place, rank: tuple[int, int]) -> None:
    key = fold(name)
    known = index.get(key)
    if known is None or rank > known.rank:
        index[key] = _Entry(place, (name,), rank)
    elif known.place == place and name not in known.names:
        index[key] = _Entry(place, (*known.names, name), rank)


def find_place(name: str) -> Place | None:
    """The place called ``name``."""
    entry = _index().get(fold(name))
    return entry.place if entry else None


def dutch_spelling(name: str) -> str | None:
    """The curated Dutch spelling of ``name`` (with its accents), if the overrides
    hold one. GeoNames' alternate names mix languages (``Brüssel``), so only a
    curated spelling may add accents the wire left out (``GENEVE`` -> ``Genève``)."""
    entry = _index().get(fold(name))
    return entry.names[0] if entry and entry.curated else None


def places_in(country: str) -> list[tuple[str, int]]:
    """Every place of ``country`` the extract holds: (GeoNames' name, population),
    largest first."""
    found = [
        (names.split("|")[0], int(population))
        for _, code, population, _, _, names in _rows("gazetteer.tsv")
        if code == country
    ]
    return sorted(found, key=lambda place: -place[1])
