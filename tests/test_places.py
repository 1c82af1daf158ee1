"""Dateline cities in proper Dutch casing, and the drop-cap repair (fixtures/places.tsv)."""

from __future__ import annotations

import pytest

from generator.places import City, find_place, proper_name, repair_drop_cap, resolve_city
from tests.conftest import FIXTURES


def _rows() -> list[list[str]]:
    text = (FIXTURES / "places.tsv").read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


NAMES = [pytest.param(row[0], row[1], id=row[0]) for row in _rows() if len(row) == 2]
DROP_CAPS = [pytest.param(row[0], row[1] or None, id=row[0]) for row in _rows() if len(row) == 3]


@pytest.mark.parametrize(("written", "expected"), NAMES)
def test_proper_name(written: str, expected: str) -> None:
    assert proper_name(written) == expected


@pytest.mark.parametrize(("written", "expected"), DROP_CAPS)
def test_drop_cap_repair(written: str, expected: str | None) -> None:
    assert repair_drop_cap(written) == expected


def test_the_table_covers_both_functions() -> None:
    assert len(NAMES) >= 15
    assert len(DROP_CAPS) >= 5


def test_a_city_is_linked_to_its_place_record() -> None:
    city = resolve_city("'S-HERTOGENBOSCH")
    assert city.place is not None
    assert (city.place.geonames, city.place.country) == (2747351, "NL")
    assert (round(city.place.lat, 1), round(city.place.lon, 1)) == (51.7, 5.3)


def test_a_dutch_place_wins_over_a_larger_foreign_one() -> None:
    bergen = resolve_city("BERGEN").place  # Bergen in Norway is ten times larger
    assert bergen is not None and bergen.country == "NL"


def test_overrides_add_what_geonames_lacks() -> None:
    harde = resolve_city("'T HARDE").place
    assert harde is not None and harde.geonames is None and harde.country == "NL"


def test_an_unknown_place_keeps_a_ruled_name_and_no_record() -> None:
    assert resolve_city("NERGENSDORP AAN DE MAAS") == City("Nergensdorp aan de Maas", None)


def test_lookups_ignore_case_accents_and_apostrophe_forms() -> None:
    assert find_place("genève") == find_place("GENEVE") is not None
    assert find_place("’s-Hertogenbosch") == find_place("'S-HERTOGENBOSCH")
