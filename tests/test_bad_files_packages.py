"""Mixed packages: a NewsML-G2 newsMessage or a NewsML 1.2 document that
carries pictures beside text gives the text stories; one with nothing but
media is skipped with the reason (fixtures in tests/fixtures/bad_files/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.fixture_files import Case, read_cases
from tests.test_format_fixtures import convert

PACKAGES = FIXTURES / "bad_files" / "packages.txt"


@pytest.mark.parametrize("case", read_cases(PACKAGES), ids=lambda case: case.id)
def test_package(case: Case, tmp_path: Path, fixture_updates: dict[Path, dict[int, str]]) -> None:
    actual = convert(case, tmp_path)
    fixture_updates.setdefault(PACKAGES, {})[case.line] = actual
    assert actual == case.expected


def test_pictures_never_give_a_story() -> None:
    for case in read_cases(PACKAGES):
        assert "title: Foto" not in case.expected and "Bijschrift" not in case.expected
