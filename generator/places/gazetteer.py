"""The gazetteer: place names -> place records with coordinates and one Dutch name.

Promise: ``find_place`` looks a name up in any casing, with or without
accents, in any script (``'S-HERTOGENBOSCH``, ``LONDEN``, ``GENEVE``,
``Москва``), first in ``overrides.tsv`` (what GeoNames lacks or gets wrong for
Dutch wire copy), then in ``dutch_names.tsv`` (Dutch names and their aliases),
then in ``gazetteer.tsv`` (a GeoNames extract, CC BY 4.0, made by
``tools/make_gazetteer.py``, which has already chosen each name's place: a
Dutch one, then a Belgian one, then the most populous). ``place_name`` gives
each place one name, the same whichever name found it: its Dutch name where
Dutch has its own (``Moskou``, ``Den Haag``), else GeoNames' own name
(``Le Havre``). Loading is one pass over the file with no Unicode work
(about 0.2 s, once per process).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from generator.model import Place

HOME_PREFERENCE = {"NL": 2, "BE": 1}


def fold(name: str) -> str:
    """The lookup key: no case, no accents, straight apostrophes, single spaces."""
    if name.isascii():  # most names: nothing to decompose
        return " ".join(name.lower().split())
    bare = unicodedata.normalize("NFKD", name.casefold().replace("’", "'"))
    return " ".join("".join(ch for ch in bare if not unicodedata.combining(ch)).split())


def _rows(filename: str) -> list[str]:
    text = resources.files("generator.places").joinpath(filename).read_text("utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@dataclass(frozen=True)
class _Curated:
    """A place named in overrides.tsv or dutch_names.tsv, and its Dutch name."""

    place: Place | None  # None: a Dutch name for a place of the extract
    geonames: int | None
    name: str


@dataclass(frozen=True)
class _Gazetteer:
    lines: list[str]  # the extract's places
    keys: dict[str, int]  # lookup key -> line
    lines_by_id: dict[int, int]
    curated: dict[str, _Curated]  # lookup key -> what overrides and Dutch names say
    dutch: dict[int, tuple[str, tuple[str, ...]]]  # geonameid -> Dutch name, aliases

    def line_place(self, number: int) -> Place:
        geonames, country, _, _, lat, lon, _ = self.lines[number].split("\t", 6)
        return Place(country, float(lat), float(lon), int(geonames))

    def own_name(self, number: int) -> str:
        return self.lines[number].split("\t", 7)[6]

    def state(self, number: int) -> str:
        """The first-level division (a US state's postal code)."""
        return self.lines[number].split("\t", 3)[2]


@cache
def _gazetteer() -> _Gazetteer:
    lines = _rows("gazetteer.tsv")
    keys: dict[str, int] = {}
    lines_by_id: dict[int, int] = {}
    for number, line in enumerate(lines):
        head, _, owned = line.rpartition("\t")
        lines_by_id[int(head[: head.index("\t")])] = number
        for key in owned.split("|"):
            keys[key] = number
    dutch, curated = _dutch_names()
    curated = dict(curated)
    for row in _rows("overrides.tsv"):  # overrides win over everything
        name, country, lat, lon, geonames = row.split("\t")
        known = int(geonames) if geonames else None
        place = Place(country, float(lat), float(lon), known)
        shown = dutch[known][0] if known in dutch else name
        curated[fold(name)] = _Curated(place, known, shown)
    return _Gazetteer(lines, keys, lines_by_id, curated, dutch)


@cache  # read on its own: the site needs the Dutch names, never the whole extract
def _dutch_names() -> tuple[dict[int, tuple[str, tuple[str, ...]]], dict[str, _Curated]]:
    dutch: dict[int, tuple[str, tuple[str, ...]]] = {}
    curated: dict[str, _Curated] = {}
    for row in _rows("dutch_names.tsv"):
        geonames, name, *rest = row.split("\t")
        aliases = tuple(alias for alias in (rest[0] if rest else "").split("|") if alias)
        dutch[int(geonames)] = (name, aliases)
        for written in (name, *aliases):
            curated[fold(written)] = _Curated(None, int(geonames), name)
    return dutch, curated


def _curated_place(gazetteer: _Gazetteer, entry: _Curated) -> Place | None:
    if entry.place is not None:
        return entry.place
    number = gazetteer.lines_by_id.get(entry.geonames or 0)
    return gazetteer.line_place(number) if number is not None else None


def load() -> None:
    """Load the extract now (once per process): before forking workers, so
    they share it instead of each loading its own."""
    _gazetteer()


def find_place(name: str) -> Place | None:
    """The place called ``name``."""
    gazetteer, key = _gazetteer(), fold(name)
    entry = gazetteer.curated.get(key)
    if entry is not None:
        return _curated_place(gazetteer, entry)
    number = gazetteer.keys.get(key)
    return gazetteer.line_place(number) if number is not None else None


def find_us_place(name: str, state: str) -> Place | None:
    """The place called ``name`` in the US state with postal code ``state``
    (``SPRINGFIELD, Ill.``); ``None`` when the extract holds no such place,
    also when the place the name alone finds lies elsewhere."""
    gazetteer, key = _gazetteer(), fold(name)
    number = gazetteer.keys.get(f"{key}, {state.lower()}")
    if number is None:
        entry = gazetteer.curated.get(key)
        found = _curated_place(gazetteer, entry) if entry else None
        if found is not None:
            number = gazetteer.lines_by_id.get(found.geonames or 0)
        else:
            number = gazetteer.keys.get(key)
    if number is None or gazetteer.line_place(number).country != "US":
        return None
    return gazetteer.line_place(number) if gazetteer.state(number) == state else None


def place_name(name: str) -> str | None:
    """The one name the archive gives the place called ``name``: its Dutch
    name, else GeoNames' own; ``None`` for a name the gazetteer does not know."""
    gazetteer, key = _gazetteer(), fold(name)
    entry = gazetteer.curated.get(key)
    if entry is not None:
        return entry.name
    number = gazetteer.keys.get(key)
    if number is None:
        return None
    return name_of_place(int(gazetteer.lines[number].split("\t", 1)[0]))


def name_of_place(geonames: int) -> str | None:
    """The archive's name for the place with GeoNames id ``geonames``."""
    gazetteer = _gazetteer()
    if geonames in gazetteer.dutch:
        return gazetteer.dutch[geonames][0]
    number = gazetteer.lines_by_id.get(geonames)
    return gazetteer.own_name(number) if number is not None else None


def dutch_names() -> dict[int, tuple[str, tuple[str, ...]]]:
    """Each place with a Dutch name (dutch_names.tsv): its id -> (name, aliases).
    Reads only that small file, not the extract."""
    return dict(_dutch_names()[0])


def aliases_of_place(geonames: int) -> tuple[str, ...]:
    """Other names Dutch readers use for the place (``Den Bosch``), from dutch_names.tsv."""
    found = _dutch_names()[0].get(geonames)
    return found[1] if found else ()


def places_in(country: str) -> list[tuple[str, int]]:
    """Every place of ``country`` the extract holds: (GeoNames' name, population),
    largest first."""
    found = []
    for line in _gazetteer().lines:
        _, code, _, population, _, _, own, _ = line.split("\t")
        if code == country:
            found.append((own, int(population)))
    return sorted(found, key=lambda place: -place[1])
