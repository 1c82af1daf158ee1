"""Relative ages: every form, its precision, and arithmetic across daylight-saving changes."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from generator.addresses import ARCHIVE_ZONE
from generator.model import DatePrecision
from generator.text.ages import date_from_age, match_age_prefix, parse_age


@pytest.mark.parametrize(
    ("text", "count", "precision"),
    [
        ("zojuist", 0, DatePrecision.MINUTE),
        ("1 minuut geleden", 1, DatePrecision.MINUTE),
        ("40 minuten geleden", 40, DatePrecision.MINUTE),
        ("een uur geleden", 1, DatePrecision.HOUR),
        ("7 uur geleden", 7, DatePrecision.HOUR),
        ("gisteren", 1, DatePrecision.DAY),
        ("1 dag geleden", 1, DatePrecision.DAY),
        ("3 dagen geleden", 3, DatePrecision.DAY),
        ("een week geleden", 1, DatePrecision.WEEK),
        ("2 weken geleden", 2, DatePrecision.WEEK),
        ("1 maand geleden", 1, DatePrecision.MONTH),
        ("5 maanden geleden", 5, DatePrecision.MONTH),
        ("Gisteren", 1, DatePrecision.DAY),
    ],
)
def test_every_age_form(text: str, count: int, precision: DatePrecision) -> None:
    age = parse_age(text)
    assert age is not None
    assert (age.count, age.precision) == (count, precision)


@pytest.mark.parametrize("text", ["7 uren geleden", "over 7 uur", "geleden", "7 uur", ""])
def test_not_an_age(text: str) -> None:
    assert parse_age(text) is None


def test_age_glued_to_the_next_dateline() -> None:
    glued = match_age_prefix("16 uur geledenZWOLLE (ANP) - Tekst.")
    assert glued is not None
    age, rest = glued
    assert (age.count, rest) == (16, "ZWOLLE (ANP) - Tekst.")


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_hours_across_spring_forward_are_real_hours() -> None:
    # 30 March 2025: 02:00 CET became 03:00 CEST. 10:00 CEST is 08:00 UTC.
    age = parse_age("8 uur geleden")
    assert age is not None
    result = date_from_age(age, _at("2025-03-30T10:00:00+02:00"))
    assert result == _at("2025-03-30T00:00:00+00:00")
    assert result.utcoffset() == timedelta(hours=1)  # shown as 01:00 winter time


def test_hours_across_fall_back_are_real_hours() -> None:
    # 26 October 2025: 03:00 CEST became 02:00 CET. 04:00 CET is 03:00 UTC.
    age = parse_age("3 uur geleden")
    assert age is not None
    result = date_from_age(age, _at("2025-10-26T04:00:00+01:00"))
    assert result == _at("2025-10-26T00:00:00+00:00")
    assert result.utcoffset() == timedelta(hours=2)


def test_yesterday_is_the_previous_local_day_across_a_change() -> None:
    age = parse_age("gisteren")
    assert age is not None
    result = date_from_age(age, _at("2025-03-30T10:00:00+02:00"))
    assert result.astimezone(ARCHIVE_ZONE).date().isoformat() == "2025-03-29"
    assert result.astimezone(ARCHIVE_ZONE).hour == 10


def test_months_never_make_an_invalid_date() -> None:
    age = parse_age("1 maand geleden")
    assert age is not None
    result = date_from_age(age, _at("2025-03-31T12:00:00+02:00"))
    assert result.astimezone(ARCHIVE_ZONE).date().isoformat() == "2025-02-28"


def test_capture_time_without_offset_is_refused() -> None:
    age = parse_age("zojuist")
    assert age is not None
    with pytest.raises(ValueError, match="offset"):
        date_from_age(age, datetime(2025, 3, 14, 12, 0))
