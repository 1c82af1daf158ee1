"""Dateline cities: one identity and one Dutch name per place, proper casing for
unknown ones, and the drop-cap repair (fixtures/places.tsv)."""

from __future__ import annotations

import pytest

from generator.places import City, find_place, proper_name, repair_drop_cap, resolve_city
from generator.places.gazetteer import aliases_of_place, dutch_names, name_of_place, place_name
from generator.places.names import us_state
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


ONE_PLACE = [
    ("DEN BOSCH", "'s-Hertogenbosch", "'S-HERTOGENBOSCH"),
    ("HAAG", "'S-GRAVENHAGE", "Den Haag"),
    ("Roma", "Рим", "ROME"),
    ("Москва", "MOSKOU", "Moscow"),
    ("Fryslân", "FRIESLAND", "Friesland"),
]


@pytest.mark.parametrize("names", ONE_PLACE, ids=[names[0] for names in ONE_PLACE])
def test_every_name_of_a_place_gives_one_identity_and_one_name(names: tuple[str, ...]) -> None:
    cities = {resolve_city(name) for name in names}
    assert len(cities) == 1, cities
    (city,) = cities
    assert city.place is not None and city.place.geonames is not None


def test_places_of_fifteen_thousand_people_are_known() -> None:
    # Le Havre (170,000) and Grosseto (80,000) were under the old 200,000 limit;
    # Zutphen (about 40,000, Dutch); Kamen, Germany (about 43,000).
    for name in ("LE HAVRE", "GROSSETO", "ZUTPHEN", "KAMEN"):
        assert find_place(name) is not None, name


def test_every_dutch_name_belongs_to_a_known_place() -> None:
    for geonames, (name, aliases) in dutch_names().items():
        assert name_of_place(geonames) == name
        place = find_place(name)
        assert place is not None and place.geonames == geonames, name
        for alias in aliases:
            assert resolve_city(alias).name == name, alias
        assert aliases_of_place(geonames) == aliases


def test_a_place_without_a_dutch_name_has_geonames_own_name() -> None:
    assert name_of_place(3003796) == "Le Havre"
    assert name_of_place(0) is None


def test_a_name_in_no_language_of_the_gazetteer_is_no_place() -> None:
    assert find_place("STEMMEN") is None
    assert place_name("STEMMEN") is None


@pytest.mark.parametrize(
    ("written", "region", "state"),
    [("SPRINGFIELD", "Ill.", "IL"), ("SPRINGFIELD", "Mo.", "MO"), ("Springfield", "Ohio", "OH")],
)
def test_a_us_state_picks_the_namesake_of_that_state(written: str, region: str, state: str) -> None:
    city = resolve_city(written, region)
    assert city.place is not None and city.name == "Springfield"
    assert us_state(region) == state
    others = {resolve_city(written, other).place for other in ("Ill.", "Mo.", "Ohio")}
    assert len(others) == 3  # three places, none taken for another


def test_a_us_state_with_no_such_place_gives_no_namesake_elsewhere() -> None:
    # Fort Washington, Pa. is too small for the extract; Cincinnati was once
    # called Fort Washington, and lies in Ohio.
    assert resolve_city("FORT WASHINGTON", "Pa.") == City("Fort Washington", None)
    assert resolve_city("WASHINGTON", "D.C.").name == "Washington"


def test_a_region_that_is_no_us_state_changes_nothing() -> None:
    assert us_state("Italy") is None and us_state("March 14") is None
    assert resolve_city("GROSSETO", "Italy") == resolve_city("GROSSETO")
