"""Shared test set-up: paths, the --update-fixtures flag, one real site build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-fixtures",
        action="store_true",
        help="rewrite the expected outputs of fixture files and golden files",
    )


@pytest.fixture(scope="session")
def update_fixtures(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-fixtures"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """``../shared`` (the seed and IPTC examples). CI sets WIRE_ARCHIVE_REQUIRE_SHARED=1."""
    if SHARED.is_dir():
        return SHARED
    if os.environ.get("WIRE_ARCHIVE_REQUIRE_SHARED") == "1":
        pytest.fail(f"expected the shared folder at {SHARED}, found nothing")
    pytest.skip("../shared is not next to this checkout")


_CACHE = tempfile.mkdtemp(prefix="wire-archive-test-cache-")
# Site builds keep their caches here too, not in the checkout (pelicanconf.py).
os.environ.setdefault("WIRE_ARCHIVE_BUILD_CACHE", str(Path(_CACHE) / "pelican"))


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """The real console entry point, in a fresh interpreter.

    The import cache goes to a temporary folder (one file per content folder),
    not into the checkout.
    """
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "WIRE_ARCHIVE_CACHE": _CACHE},
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The committed content/ built once by Pelican with our settings."""
    output = tmp_path_factory.mktemp("site") / "output"
    result = subprocess.run(
        [
            sys.executable, "-m", "pelican", str(ROOT / "content"),
            "-o", str(output), "-s", str(ROOT / "pelicanconf.py"), "--fatal", "warnings",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    yield output
    shutil.rmtree(output, ignore_errors=True)


@pytest.fixture(scope="session")
def fixture_updates(update_fixtures: bool) -> Iterator[dict[Path, dict[int, str]]]:
    """Collects actual outputs per fixture file; with --update-fixtures, writes them back."""
    from tests.fixture_files import rewrite

    updates: dict[Path, dict[int, str]] = {}
    yield updates
    if update_fixtures:
        for path, actual in updates.items():
            rewrite(path, actual)
