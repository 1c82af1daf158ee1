"""Shared test set-up: paths, the --update-fixtures flag, the Hypothesis
profile, lazy tables warmed once, one real site build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, find, is_hypothesis_test, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright

from tests.local_site import launch_chromium

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# One profile for every property test, chosen for a cold, slow, shared machine
# (CI is a fresh clone on two cores that may be busy):
# - derandomize: every clone on every machine draws the same examples, so a run
#   is red only when the code changed; exploring new inputs is `make fuzz`'s job;
# - no deadline and no too-slow health check: both are wall-clock judgements,
#   and speed belongs in `make bench`, not in assertions;
# - no example database: nothing is written into the checkout between runs.
settings.register_profile(
    "wire-archive",
    max_examples=200,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile("wire-archive")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-fixtures",
        action="store_true",
        help="rewrite the expected outputs of fixture files and golden files",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``long`` first: with a worker per core, they then run
    beside the rest of the suite instead of after it."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


@pytest.fixture(scope="session")
def update_fixtures(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-fixtures"))


@pytest.fixture(scope="session", autouse=True)
def warm_lazy_tables(request: pytest.FixtureRequest) -> None:
    """Build the expensive lazy structures once, before the first property test,
    so that no example pays for them: Hypothesis's Unicode tables (2-4 s on a
    clone with no ``.hypothesis/``), the gazetteer's index, the stemmer and the
    stop words. A run without property tests skips this."""
    if not any(is_hypothesis_test(getattr(item, "obj", None)) for item in request.session.items):
        return
    from generator.places.gazetteer import find_place
    from generator.search.pipeline import index_term

    find(st.text(min_size=1), bool)
    find(st.characters(exclude_categories=["Cs"]), bool)
    assert find_place("Amsterdam") is not None
    assert index_term("havens") is not None  # stop words and the Snowball stemmer


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


# Browser tests: one Chromium a test module, a fresh context a test; a page
# that logs an error or a warning, or throws, fails its test.
@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = launch_chromium(playwright)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    opened = context.new_page()
    problems: list[str] = []
    opened.on("console", lambda m: problems.append(m.text) if _is_error(m) else None)
    opened.on("pageerror", lambda error: problems.append(str(error)))
    yield opened
    context.close()
    assert problems == [], problems


def _is_error(message: ConsoleMessage) -> bool:
    return message.type in ("error", "warning")
