"""Real agency deliveries (issue 15): dates without an offset, agency ids,
AP's and EFE's datelines, and place fields that hold no place.

The fixture files (tests/fixtures/formats/nitf.txt, ninjs.txt, newsml_g2.txt)
show whole items; these tests pin the rules one by one, and the warning a
fixture cannot show.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest

from generator.formats.story import ASSUMED_UTC, _city_field, first_date, parse_date
from generator.text.datelines import agency_code, split_dateline


def test_a_date_without_offset_is_utc_with_a_warning_naming_the_file(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING):
        moment, label = first_date(
            ("ninjs versionCreated", "2025-03-14T08:00:00"), path="wire/embargo.json"
        )
    assert moment == datetime(2025, 3, 14, 8, 0, tzinfo=UTC)
    assert label == f"ninjs versionCreated, {ASSUMED_UTC}"
    assert "wire/embargo.json" in caplog.text and "UTC assumed" in caplog.text


def test_a_date_with_offset_goes_before_an_earlier_field_without_one(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING):
        moment, label = first_date(
            ("first", "2025-03-14T08:00:00"), ("second", "2025-03-14T09:00:00+01:00"), path="a.xml"
        )
    assert (moment, label) == (datetime.fromisoformat("2025-03-14T09:00:00+01:00"), "second")
    assert caplog.text == ""


def test_without_a_path_a_date_without_offset_stays_refused() -> None:
    # Formats that do not opt in (pass no path) keep their behaviour.
    assert first_date(("NewsML FirstCreated", "20250314T083000")) == (None, "NewsML FirstCreated")


def test_a_bare_day_is_given_no_zone() -> None:
    assert parse_date("2025-03-14", naive_zone=UTC) is None
    assert parse_date("20250314T0830", naive_zone=UTC) == datetime(2025, 3, 14, 8, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("The Associated Press", "AP"),
        ("Agencia EFE", "EFE"),
        ("reuters.com", "REUTERS"),
        ("Australian Associated Press", "AAP"),
        ("Press Association", "PA"),
        ("Z01122", None),
        ("NTB", "NTB"),
        ("  ", None),
    ],
)
def test_agency_names_become_codes_and_ids_are_no_agency(written: str, code: str | None) -> None:
    assert agency_code(written) == code


@pytest.mark.parametrize(
    ("paragraph", "city", "agency", "rest"),
    [
        ("NEW YORK (AP) _ Stocks rose.", "NEW YORK", "AP", "Stocks rose."),
        ("Madrid, 14 mar (EFE).- El paro bajó.", "Madrid", "EFE", "El paro bajó."),
        (
            "DAMASCUS, March 3 (Reuters) - Flights resumed.",
            "DAMASCUS",
            "REUTERS",
            "Flights resumed.",
        ),
    ],
)
def test_agency_datelines_as_delivered(paragraph: str, city: str, agency: str, rest: str) -> None:
    dateline = split_dateline(paragraph)
    assert dateline is not None
    assert (dateline.city, dateline.agency, dateline.rest) == (city, agency, rest)


def test_an_underscore_without_agency_is_no_dateline() -> None:
    assert split_dateline("NEW YORK _ Stocks rose.") is None


@pytest.mark.parametrize(
    ("field", "byline", "city"),
    [
        ("Aaron J. Staples", None, None),
        ("Jan Jansen", "Door Jan Jansen", None),
        ("By Jan Jansen", None, None),
        ("20170102t222800+0000", None, None),
        ("St. Louis, Missouri", None, "St. Louis"),
        ("Washington D.C.", None, "Washington D.C."),
        ("Den Haag", "Door Jan Jansen", "Den Haag"),
        ("Brussel", "Door onze correspondent in Brussel", "Brussel"),
        ("Maria Olsen, Bergen", "Maria Olsen, University of Bergen", None),
    ],
)
def test_a_place_field_must_name_a_place(field: str, byline: str | None, city: str | None) -> None:
    assert _city_field(field, byline) == city
