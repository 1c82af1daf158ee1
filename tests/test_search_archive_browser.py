"""The search page on an archive of 5,000 stories, in a real headless Chromium.

The synthetic archive (``benchmarks.synthetic``: 150 stories a day, 34 days,
with their bodies) is built by a real Pelican. Each test is a reader's way
in that once gave a wrong answer; the browser must give what the Python side
(``generator.search.query.search``, as ``wire-archive search``) gives for the
whole archive: a date range lists each story once, a shared link applies
every filter it names, a link with only an end date finds the oldest days,
the count is the whole archive's and further results come a page at a time,
each search is a history entry, and no results says why with a way out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, quote, urlparse

import pytest
from playwright.sync_api import Page

from benchmarks.synthetic import write_content
from generator.search.query import Filters, search
from generator.search.reader import SearchIndex
from tests.local_site import build_site, serve

pytestmark = [pytest.mark.site, pytest.mark.browser]
STORIES = 5_000
WORD = "politie"
PAGE = 20  # results a page: search-page.js's PAGE
STORY_URL = re.compile(r"\d{4}/\d{2}/\d{2}/.*")  # a result's link, whatever the site's base


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("archive-5000")
    assert write_content(root / "content", STORIES) == STORIES
    return build_site(root / "content", root).output


@pytest.fixture(scope="module")
def archive_url(archive: Path) -> Iterator[str]:
    with serve(archive) as url:
        yield url


def expected(archive: Path, filters: Filters | None = None, order: str = "relevance") -> list[str]:
    """The URLs the Python side finds, in its order, over the whole archive."""
    index = SearchIndex(archive / "search")
    return [index.record(hit.number).url for hit in search(index, WORD, filters, order).hits]


def wait_for_answer(page: Page, query: str = WORD) -> None:
    page.wait_for_function(
        "query => { const list = document.getElementById('search-results');"
        " return list.dataset.answered === query && list.dataset.complete === 'true'; }",
        arg=query,
    )


def shown(page: Page) -> list[str]:
    hrefs = page.locator("#search-results .story-title a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    return [STORY_URL.search(href).group(0) for href in hrefs]  # type: ignore[union-attr]


def all_shown(page: Page, total: int) -> list[str]:
    """Every result, "Meer resultaten" clicked until the list holds ``total``."""
    while len(shown(page)) < total:
        before = len(shown(page))
        page.locator("#search-more").click()
        page.wait_for_function(
            f"() => document.querySelectorAll('#search-results li').length > {before}"
        )
    return shown(page)


def dutch(number: int) -> str:
    """A number as the page writes it: ``1.041``."""
    return f"{number:,}".replace(",", ".")


def status(page: Page) -> str:
    return page.locator("#search-status").text_content() or ""


def test_the_archive_is_large_enough(archive: Path) -> None:
    index = SearchIndex(archive / "search")
    assert index.total == STORIES and len(index.first_terms) > 2 and len(index.record_files) > 2


def test_a_date_range_lists_each_story_once_and_counts_right(
    page: Page, archive: Path, archive_url: str
) -> None:
    page.goto(f"{archive_url}/zoeken/?q={WORD}")
    wait_for_answer(page)
    # Two change events, as a reader sets "Van" and then "Tot": each used to
    # load the older months again and list their hits again.
    page.locator("#filter-from").fill("2023-01-05")
    page.locator("#filter-to").fill("2023-01-06")
    page.wait_for_function("() => new URL(location.href).searchParams.get('tot') === '2023-01-06'")
    wait_for_answer(page)
    wanted = expected(archive, Filters(date_from="2023-01-05", date_to="2023-01-06"))
    assert wanted
    assert status(page).startswith(f"{dutch(len(wanted))} berichten gevonden met vanaf 2023-01-05")
    assert all_shown(page, len(wanted)) == wanted  # each story once, in Python's order


def test_a_shared_link_applies_every_filter_it_names(
    page: Page, archive: Path, archive_url: str
) -> None:
    link = f"{archive_url}/zoeken/?q={WORD}&plaats=Amsterdam&rubriek=Sport&volgorde=date"
    page.goto(link)
    wait_for_answer(page)
    wanted = expected(archive, Filters(section="Sport", city="Amsterdam"), "date")
    assert 0 < len(wanted) < 4000  # the filters applied: far fewer than "politie" alone
    assert all_shown(page, len(wanted)) == wanted
    assert page.locator("#filter-city").input_value() == "Amsterdam"
    assert page.locator("#filter-section").input_value() == "Sport"
    kept = parse_qs(urlparse(page.url).query)
    assert kept["plaats"] == ["Amsterdam"] and kept["rubriek"] == ["Sport"]
    assert kept["volgorde"] == ["date"]


def test_a_link_with_only_an_end_date_searches_the_oldest_days(
    page: Page, archive: Path, archive_url: str
) -> None:
    page.goto(f"{archive_url}/zoeken/?q={WORD}&tot=2023-01-06")
    wait_for_answer(page)
    wanted = expected(archive, Filters(date_to="2023-01-06"))
    assert len(wanted) > PAGE  # the archive's first five days
    assert status(page).startswith(
        f"{dutch(len(wanted))} berichten gevonden met tot en met 2023-01-06"
    )
    assert all_shown(page, len(wanted)) == wanted  # page after page, to the last
    assert page.locator("#search-more").is_hidden()


def test_the_count_is_the_whole_archives_and_results_come_a_page_at_a_time(
    page: Page, archive: Path, archive_url: str
) -> None:
    page.goto(f"{archive_url}/zoeken/")
    page.locator("#search-input").press_sequentially(WORD, delay=10)
    wait_for_answer(page)
    wanted = expected(archive)
    assert len(wanted) > 4 * PAGE
    assert status(page) == (
        f"{dutch(len(wanted))} berichten gevonden (alle {dutch(STORIES)} berichten doorzocht)."
    )
    assert len(shown(page)) == PAGE
    # The status comes before the results, not 200 results further down.
    assert page.evaluate(
        "() => document.getElementById('search-status').compareDocumentPosition("
        "document.getElementById('search-results')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    assert all_shown(page, 2 * PAGE) == wanted[: 2 * PAGE]  # the next page, in order
    assert page.locator("#search-more").is_visible()  # and more to come (the last: below)


def test_each_search_is_a_history_entry(page: Page, archive_url: str) -> None:
    page.goto(f"{archive_url}/zoeken/")
    field = page.locator("#search-input")
    field.press_sequentially(WORD, delay=10)
    wait_for_answer(page)
    field.fill("")
    field.press_sequentially("brandweer", delay=10)
    wait_for_answer(page, "brandweer")
    page.go_back()
    wait_for_answer(page)
    assert field.input_value() == WORD
    assert parse_qs(urlparse(page.url).query)["q"] == [WORD]
    page.go_forward()
    wait_for_answer(page, "brandweer")


def test_no_results_says_why_and_offers_a_way_out(page: Page, archive_url: str) -> None:
    page.goto(f"{archive_url}/zoeken/?q={WORD}&plaats={quote('Nergensdorp')}")
    wait_for_answer(page)
    assert status(page).startswith("Geen berichten gevonden met plaats Nergensdorp")
    clear = page.locator("#search-clear")
    assert clear.is_visible()
    clear.click()
    page.wait_for_function("() => !new URL(location.href).searchParams.has('plaats')")
    wait_for_answer(page)
    assert "berichten gevonden (alle" in status(page) and shown(page)
    assert clear.is_hidden()


def test_the_search_form_is_valid_html(archive: Path) -> None:
    page = (archive / "zoeken" / "index.html").read_text("utf-8")
    assert 'action=""' not in page  # the Nu HTML Checker's only error on the site


def test_a_misspelt_word_alone_gives_the_corrected_words_stories(
    page: Page, archive: Path, archive_url: str
) -> None:
    page.goto(f"{archive_url}/zoeken/?q=polittie")
    wait_for_answer(page, "polittie")
    wanted = expected(archive)
    assert status(page).startswith(
        f"Geen berichten voor \u201cpolittie\u201d; {dutch(len(wanted))} berichten voor"
        f" \u201c{WORD}\u201d"
    )
    assert shown(page) == wanted[:PAGE]
    assert page.locator("#search-suggestion").is_hidden()


def test_a_misspelt_word_beside_others_gets_did_you_mean_and_one_click_searches_it(
    page: Page, archive: Path, archive_url: str
) -> None:
    page.goto(f"{archive_url}/zoeken/?q={WORD}%20brandweeer")
    wait_for_answer(page, f"{WORD} brandweeer")
    assert status(page).startswith("Geen berichten met alles wat u zocht")
    offered = page.locator("#search-suggested")
    assert page.locator("#search-suggestion").is_visible()
    assert offered.text_content() == f"{WORD} brandweer"
    offered.click()
    wait_for_answer(page, f"{WORD} brandweer")
    index = SearchIndex(archive / "search")
    wanted = search(index, f"{WORD} brandweer").hits
    assert status(page).startswith(f"{dutch(len(wanted))} berichten gevonden")
    assert shown(page) == [index.record(hit.number).url for hit in wanted[:PAGE]]
    assert page.locator("#search-suggestion").is_hidden()


def test_a_query_no_story_holds_whole_shows_the_stories_with_part_of_it(
    page: Page, archive: Path, archive_url: str
) -> None:
    page.goto(f"{archive_url}/zoeken/?q={WORD}%20qqqzzz")
    wait_for_answer(page, f"{WORD} qqqzzz")
    index = SearchIndex(archive / "search")
    answer = search(index, f"{WORD} qqqzzz")
    assert answer.partial and len(answer.hits) == len(expected(archive))
    assert status(page).startswith(
        f"Geen berichten met alles wat u zocht; {dutch(len(answer.hits))} berichten met een deel"
    )
    assert shown(page) == [index.record(hit.number).url for hit in answer.hits[:PAGE]]
