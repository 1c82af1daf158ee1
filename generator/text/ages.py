"""Relative ages (``7 uur geleden``, ``gisteren``) turned into dates.

Promise: ``parse_age`` recognises every age an ANP page shows and says how
precise it is; ``date_from_age`` counts it back from the capture time. Minutes
and hours are counted in UTC, so an age across a daylight-saving change comes
out right; days, weeks and months are counted on the Amsterdam calendar,
because ``gisteren`` means the previous local day. A local time that the
Amsterdam clock skips (02:30 on the last Sunday of March) becomes the moment
it would have been (03:30+02:00), never a time that never existed; one that
occurs twice (the last Sunday of October) is its first occurrence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from generator.addresses import ARCHIVE_ZONE, local_time
from generator.model import DatePrecision

_NUMBER = r"(?P<n>\d{1,4}|een|één)"
AGE_PATTERN = (
    r"(?:zojuist|gisteren|" + _NUMBER + r" (?P<unit>minuut|minuten|uur|dag|dagen"
    r"|week|weken|maand|maanden) geleden)"
)
_AGE = re.compile(AGE_PATTERN, re.IGNORECASE)

_UNITS = {
    "minuut": DatePrecision.MINUTE,
    "minuten": DatePrecision.MINUTE,
    "uur": DatePrecision.HOUR,
    "dag": DatePrecision.DAY,
    "dagen": DatePrecision.DAY,
    "week": DatePrecision.WEEK,
    "weken": DatePrecision.WEEK,
    "maand": DatePrecision.MONTH,
    "maanden": DatePrecision.MONTH,
}


@dataclass(frozen=True)
class Age:
    """``count`` units of ``precision`` before the capture time, as written."""

    count: int
    precision: DatePrecision
    text: str


def _age_from_match(match: re.Match[str]) -> Age:
    text = match.group(0)
    lowered = text.lower()
    if lowered == "zojuist":
        return Age(0, DatePrecision.MINUTE, text)
    if lowered == "gisteren":
        return Age(1, DatePrecision.DAY, text)
    number = match.group("n").lower()
    count = 1 if number in ("een", "één") else int(number)
    return Age(count, _UNITS[match.group("unit").lower()], text)


def parse_age(text: str) -> Age | None:
    """Read a whole string as an age, or return ``None``."""
    match = _AGE.fullmatch(text.strip())
    return _age_from_match(match) if match else None


def match_age_prefix(line: str) -> tuple[Age, str] | None:
    """An age glued to the start of a line, and what follows it."""
    match = _AGE.match(line)
    if not match:
        return None
    return _age_from_match(match), line[match.end() :].strip()


def date_from_age(age: Age, captured_at: datetime) -> datetime:
    """The moment ``age`` before ``captured_at``, in Amsterdam time."""
    if captured_at.tzinfo is None:
        raise ValueError("captured_at must carry a UTC offset")
    if age.precision in (DatePrecision.MINUTE, DatePrecision.HOUR):
        unit = timedelta(minutes=1) if age.precision is DatePrecision.MINUTE else timedelta(hours=1)
        return fixed_offset(captured_at.astimezone(UTC) - age.count * unit)
    local = local_time(captured_at).replace(tzinfo=None)  # counted on the local calendar
    if age.precision is DatePrecision.DAY:
        local -= timedelta(days=age.count)
    elif age.precision is DatePrecision.WEEK:
        local -= timedelta(weeks=age.count)
    else:
        local = _months_back(local, age.count)
    # Through UTC: ``astimezone`` to the same zone would keep a skipped wall
    # time as written (02:30+01:00 on the day summer time starts).
    return fixed_offset(local.replace(tzinfo=ARCHIVE_ZONE).astimezone(UTC))


def fixed_offset(moment: datetime) -> datetime:
    """``moment`` in Amsterdam time, with the offset then in force fixed.

    A fixed offset compares and prints the same everywhere, also in the hour
    that occurs twice when summer time ends (where zone-aware times differ).
    """
    local = local_time(moment)
    offset = local.utcoffset()
    assert offset is not None
    return local.replace(tzinfo=timezone(offset))


def _months_back(moment: datetime, months: int) -> datetime:
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, 28)  # every month has a 28th: no invalid date
    return moment.replace(year=year, month=month + 1, day=day)
