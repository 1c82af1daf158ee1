"""Dateline cities in proper Dutch casing, and the drop-cap repair (fixtures/places.tsv)."""

from __future__ import annotations

import pytest

from generator.places import proper_name, repair_drop_cap
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
