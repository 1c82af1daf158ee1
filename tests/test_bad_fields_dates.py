"""Bad dates cost one item, never the archive: dates outside the archive's
years are refused naming the field (or the item's other date is used), and
an age never gives a time the Amsterdam clock skips."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from generator.addresses import ARCHIVE_ZONE
from generator.errors import ParseError
from generator.formats.story import first_date
from generator.text.ages import date_from_age, parse_age
from generator.text.clean import EARLIEST_YEAR, LATEST_YEAR
from tests.test_bad_fields import LEAD, anp, nitf, read, read_ninjs


@pytest.mark.parametrize(
    "moment", ["9999-12-31T23:59:00-01:00", "0001-01-01T00:00+01:00", "1849-12-31T23:00:00Z"]
)
def test_a_date_outside_the_archive_is_the_files_error_naming_the_field(moment: str) -> None:
    with pytest.raises(ParseError) as refused:
        read_ninjs(versioncreated=moment)
    assert str(refused.value).startswith(
        "item.json: expected the date (ninjs versionCreated) in the years 1850 to 2199"
    )


def test_another_date_of_the_item_serves_when_the_first_is_out_of_range() -> None:
    item = read_ninjs(firstcreated="0001-01-01T00:00+01:00")
    assert item.date == datetime.fromisoformat("2025-03-14T10:00:00+01:00")
    assert item.date_source == "ninjs versionCreated"


def test_a_modified_date_out_of_range_is_dropped() -> None:
    (item,) = read(
        "anp.json", json.dumps(anp(modified="9999-12-31T23:59:00-01:00")).encode("utf-8")
    )
    assert item.modified is None
    assert item.date.year == 2025


def test_an_nitf_date_out_of_range_is_refused() -> None:
    document = nitf().replace(b"20250314T100000+0100", b"00010101T000000+0100")
    with pytest.raises(ParseError, match=r"expected the date \(NITF date.issue\) in the years"):
        read("item.nitf", document)


def test_a_capture_time_out_of_range_is_refused_before_ages_count_back() -> None:
    page = f"Dijken\n{LEAD}\nMeer uit Binnenland\nEen teaser.\n3 dagen geleden\n".encode()
    with pytest.raises(ParseError, match="expected the capture time in the years"):
        read("pagina.txt", page, captured_at=datetime(1, 1, 2, tzinfo=UTC))


def test_an_age_that_reaches_before_the_archive_is_refused() -> None:
    page = f"Dijken\n{LEAD}\nMeer uit Binnenland\nEen teaser.\n9999 maanden geleden\n"
    with pytest.raises(ParseError, match=r"expected the date \(age: 9999 maanden geleden\)"):
        read("pagina.txt", page.encode())


def test_first_date_prefers_a_date_in_range_and_else_names_the_one_out_of_range() -> None:
    inside = "2025-03-14T10:00:00+01:00"
    assert first_date(("a", "9999-01-01T00:00Z"), ("b", inside))[1] == "b"
    moment, label = first_date(("a", None), ("b", "9999-01-01T00:00Z"))
    assert label == "b" and moment is not None and moment.year == 9999
    assert first_date(("a", None), ("b", "geen datum")) == (None, "a")


@pytest.mark.parametrize("year", [EARLIEST_YEAR, LATEST_YEAR])
def test_the_edges_of_the_range_are_read(year: int) -> None:
    item = read_ninjs(versioncreated=f"{year}-06-01T12:00:00+14:00")
    assert item.date.year == year


# --- ages on the days the clock changes ---------------------------------------


def _exists_in_amsterdam(moment: datetime) -> bool:
    """Whether the wall time and offset of ``moment`` are what Amsterdam shows then."""
    local = moment.astimezone(UTC).astimezone(ARCHIVE_ZONE)
    return (local.replace(tzinfo=None), local.utcoffset()) == (
        moment.replace(tzinfo=None),
        moment.utcoffset(),
    )


def test_yesterday_on_the_day_summer_time_starts_is_a_time_that_exists() -> None:
    # 31 March 2025 02:30: ``gisteren`` is 30 March 02:30, which the clock skipped.
    age = parse_age("gisteren")
    assert age is not None
    result = date_from_age(age, datetime.fromisoformat("2025-03-31T02:30:00+02:00"))
    assert result.isoformat() == "2025-03-30T03:30:00+02:00"
    assert _exists_in_amsterdam(result)


@pytest.mark.parametrize(
    "text", ["gisteren", "1 week geleden", "1 maand geleden", "3 dagen geleden"]
)
def test_every_day_age_over_a_clock_change_is_a_time_that_exists(text: str) -> None:
    age = parse_age(text)
    assert age is not None
    start = datetime(2025, 3, 1, tzinfo=UTC)
    for quarter in range(0, 24 * 4 * 60):  # two months of captures, every 15 minutes
        captured = start + timedelta(minutes=15 * quarter)
        assert _exists_in_amsterdam(date_from_age(age, captured)), captured
