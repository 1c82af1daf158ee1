"""The search page in a real headless Chromium (Debian's ``chromium`` package).

The built sample site is served on localhost; a reader types queries and must
see the expected results, inserted as text, and no console error, whatever
they type.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright

from tests.local_site import launch_chromium, serve

pytestmark = [pytest.mark.site, pytest.mark.browser]


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


HOSTILE_TITLE = '<img src=x onerror="window.pwned=1">Tafelberg'
HOSTILE_LEAD = "<script>window.pwned=2</script> & <b>vet</b> &amp; Tafelberg"


@pytest.fixture(scope="module")
def hostile_site_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site with markup in the stored title and lead of one result."""
    copy = tmp_path_factory.mktemp("hostile") / "site"
    shutil.copytree(built_site, copy)
    store_path = copy / "search" / "store.json"
    store = json.loads(store_path.read_text("utf-8"))
    ref = next(ref for ref, doc in store.items() if "Tafelberg" in doc[1])
    store[ref][1], store[ref][2] = HOSTILE_TITLE, HOSTILE_LEAD
    store_path.write_text(json.dumps(store), "utf-8")
    with serve(copy) as url:
        yield url


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


def results(page: Page) -> list[str]:
    return page.locator("#search-results .story-title a").all_text_contents()


def type_query(page: Page, text: str) -> None:
    field = page.locator("input[type=search]#search-input")
    field.fill("")
    field.press_sequentially(text, delay=10)
    page.wait_for_function(
        "() => document.getElementById('search-status').textContent !== ''"
        " || document.getElementById('search-input').value.trim() === ''"
    )


def expected_titles(site: Path, query: str) -> list[str]:
    from generator.search.query import load_index, search

    index = load_index(json.loads((site / "search" / "index.json").read_text("utf-8")))
    store = json.loads((site / "search" / "store.json").read_text("utf-8"))
    return [store[hit.ref][1] for hit in search(index, query)]


def test_typing_a_query_shows_the_matching_stories(
    page: Page, site_url: str, built_site: Path
) -> None:
    page.goto(f"{site_url}/zoeken/")
    type_query(page, "IJmuiden")
    expected = expected_titles(built_site, "IJmuiden")
    assert expected
    page.wait_for_function(
        f"() => document.querySelectorAll('#search-results li').length === {len(expected)}"
    )
    assert results(page) == expected
    assert page.locator("#search-status").text_content() == f"{len(expected)} berichten gevonden."
    first = page.locator("#search-results .story-title a").first
    first.click()
    page.wait_for_load_state()
    assert page.locator("h1").text_content() == expected[0]


def test_awkward_queries_never_break_the_page(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/zoeken/")
    for query in ["Den Haag: rellen", "+", "rotterdam +", "title:", "~2", "*", '"', "^", "de het"]:
        type_query(page, query)
    type_query(page, "Den Haag: rellen")
    assert page.locator("#search-status").text_content() == "Geen berichten gevonden."


def test_results_are_inserted_as_text_never_as_markup(page: Page, hostile_site_url: str) -> None:
    page.goto(f"{hostile_site_url}/zoeken/?q=Tafelberg")
    page.wait_for_function("() => document.querySelectorAll('#search-results li').length > 0")
    assert HOSTILE_TITLE in results(page)
    assert HOSTILE_LEAD in page.locator("#search-results .lead").all_text_contents()
    assert (
        page.locator("#search-results img, #search-results script, #search-results b").count() == 0
    )
    assert page.evaluate("() => window.pwned") is None


def test_the_query_survives_in_the_address(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/zoeken/")
    type_query(page, "Feyenoord")
    assert page.url.endswith("?q=Feyenoord")


AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
AUDITED = ["", "2025/03/29/", "2025/03/", "plaats/", "plaats/den-haag/", "zoeken/?q=haven"]


def _story_url(site: Path) -> str:
    day = site / "2025" / "03" / "29"
    story = next(p for p in sorted(day.iterdir()) if p.is_dir())
    return f"2025/03/29/{story.name}/"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_have_no_serious_accessibility_violations(
    browser: Browser, site_url: str, built_site: Path, scheme: str
) -> None:
    assert AXE.is_file(), "axe-core comes from the npm registry: run 'make test'"
    context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
    opened = context.new_page()
    found = {}
    for url in [*AUDITED, _story_url(built_site)]:
        opened.goto(f"{site_url}/{url}")
        opened.wait_for_load_state("networkidle")
        opened.add_script_tag(path=str(AXE))
        result = opened.evaluate("async () => (await axe.run(document)).violations")
        serious = [v["id"] for v in result if v["impact"] in ("serious", "critical")]
        if serious:
            found[url] = serious
    context.close()
    assert found == {}
