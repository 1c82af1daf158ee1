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
from playwright.sync_api import Browser, Page

from generator.search.index_files import pack, unpack
from generator.search.query import Filters, search
from generator.search.query import counts as count_hits
from generator.search.reader import SearchIndex
from generator.search.snippets import snippet
from generator.search.store import FIELDS
from tests.local_site import serve

pytestmark = [pytest.mark.site, pytest.mark.browser]


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


HOSTILE_TITLE = '<img src=x onerror="window.pwned=1">Tafelberg'
HOSTILE_LEAD = "<script>window.pwned=2</script> & <b>vet</b> &amp; Tafelberg"
HOSTILE_BODY = 'Tafelberg <svg onload="window.pwned=3"> javascript <a href="javascript:x">x</a>.'


@pytest.fixture(scope="module")
def hostile_site_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site with markup in the stored title, lead and body of one result."""
    copy = tmp_path_factory.mktemp("hostile") / "site"
    shutil.copytree(built_site, copy)
    for records in (copy / "search" / "docs").glob("*.json.gz"):
        rows = unpack(records.read_bytes())
        bodies_file = _bodies_beside(copy / "search", records.name.split(".")[0])
        bodies = unpack(bodies_file.read_bytes())
        for position, row in enumerate(rows):
            if "Tafelberg" in row[FIELDS.index("title")]:
                row[FIELDS.index("title")] = HOSTILE_TITLE
                row[FIELDS.index("lead")] = HOSTILE_LEAD
                bodies[position] = HOSTILE_BODY
        records.write_bytes(pack(json.dumps(rows)))
        bodies_file.write_bytes(pack(json.dumps(bodies)))
    with serve(copy) as url:
        yield url


def _bodies_beside(folder: Path, records: str) -> Path:
    """The bodies file of the same stories as a records file (the manifest pairs them)."""
    docs = json.loads((folder / "manifest.json").read_text("utf-8"))["docs"]
    position = docs["files"].index(records)
    return folder / "bodies" / f"{docs['bodies'][position : position + len(records)]}.json.gz"


def results(page: Page) -> list[str]:
    return page.locator("#search-results .story-title a").all_text_contents()


def type_query(page: Page, text: str) -> None:
    """Type as a reader does, and wait until the list shows the whole answer to
    it, with its snippets."""
    field = page.locator("input[type=search]#search-input")
    field.fill("")
    field.press_sequentially(text, delay=10)
    page.wait_for_function(
        "text => { const list = document.getElementById('search-results');"
        " return list.dataset.answered === text && list.dataset.snippets === 'true'; }",
        arg=text,
    )


def expected_titles(
    site: Path, query: str, filters: Filters | None = None, order: str = "relevance"
) -> list[str]:
    """What the Python side answers: the browser must show the same, in the same order."""
    index = SearchIndex(site / "search")
    return [index.record(hit.number).title for hit in search(index, query, filters, order).hits]


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
    total = json.loads((built_site / "search" / "manifest.json").read_text("utf-8"))["total"]
    assert page.locator("#search-status").text_content() == (
        f"{len(expected)} berichten gevonden (alle {total} berichten doorzocht)."
    )
    first = page.locator("#search-results .story-title a").first
    first.click()
    page.wait_for_load_state()
    assert page.locator("h1").text_content() == expected[0]


def test_awkward_queries_never_break_the_page(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/zoeken/")
    for query in ["Den Haag: rellen", "+", "rotterdam +", "title:", "~2", "*", '"', "^", "de het"]:
        type_query(page, query)
    type_query(page, "Den Haag: rellen")
    # No story holds both words: those with one are shown, and the line says so.
    assert (page.locator("#search-status").text_content() or "").startswith(
        "Geen berichten met alles wat u zocht; "
    )


def test_results_are_inserted_as_text_never_as_markup(page: Page, hostile_site_url: str) -> None:
    page.goto(f"{hostile_site_url}/zoeken/?q=Tafelberg")
    page.wait_for_function("() => document.getElementById('search-results').dataset.snippets")
    assert HOSTILE_TITLE in results(page)
    assert HOSTILE_LEAD in page.locator("#search-results .lead").all_text_contents()
    page.locator("#search-input").fill("Tafelberg javascript")  # the body's sentence now
    page.locator("#search-input").press("Enter")
    page.wait_for_function(
        "() => document.querySelector('#search-results .lead').textContent.includes('svg')"
    )
    markup = "#search-results :is(img, script, b, svg, a[href^=javascript])"
    assert page.locator(markup).count() == 0
    assert page.evaluate("() => window.pwned") is None


def test_the_query_survives_in_the_address(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/zoeken/")
    type_query(page, "Feyenoord")
    page.wait_for_function("() => location.search === '?q=Feyenoord'")


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
    # bypass_csp: the page's policy rightly refuses the injected axe script.
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)  # type: ignore[arg-type]
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


def test_filters_order_and_prefix_give_what_python_gives(
    page: Page, site_url: str, built_site: Path
) -> None:
    page.goto(f"{site_url}/zoeken/")
    type_query(page, "rotterd")  # a prefix while typing
    expected = expected_titles(built_site, "rotterd")
    assert len(expected) > 3
    page.wait_for_function(
        f"() => document.querySelectorAll('#search-results li').length === {len(expected)}"
    )
    assert results(page) == expected
    page.select_option("#filter-order", "date")
    by_date = expected_titles(built_site, "rotterd", order="date")
    page.wait_for_function(
        "first => document.querySelector('#search-results .story-title a').textContent === first",
        arg=by_date[0],
    )
    assert results(page) == by_date
    index = SearchIndex(built_site / "search")
    counts = count_hits(index, search(index, "rotterd")).sections
    labels = page.locator("#filter-section option").all_text_contents()
    assert f"Economie ({counts['Economie']})" in labels  # the hits per section, for this query
    page.select_option("#filter-section", "Economie")
    only = expected_titles(built_site, "rotterd", Filters(section="Economie"), "date")
    page.wait_for_function(
        f"() => document.querySelectorAll('#search-results li').length === {len(only)}"
    )
    assert results(page) == only
    assert "rubriek=Economie" in page.url and "volgorde=date" in page.url


def test_a_word_only_in_a_body_is_found_and_its_sentence_shown_marked(
    page: Page, site_url: str, built_site: Path
) -> None:
    """The body is searched: the result shows the sentence holding the word,
    the word marked, where the lead stood."""
    index = SearchIndex(built_site / "search")
    number, word = _a_word_only_in_a_body(index)
    page.goto(f"{site_url}/zoeken/")
    type_query(page, word)
    shown = page.locator("#search-results li").first
    assert shown.locator(".story-title a").text_content() == index.record(number).title
    marked = shown.locator(".lead mark").all_text_contents()
    assert marked and all(word in text.lower() for text in marked)
    lead = index.record(number).lead
    sentence = "".join(piece for piece, _ in snippet(lead, index.body(number), word))
    assert shown.locator(".lead").text_content() == sentence
    assert word not in lead.lower()


def _a_word_only_in_a_body(index: SearchIndex) -> tuple[int, str]:
    """A story and a word of its body that no headline or lead of the archive holds."""
    shown = " ".join(
        f"{index.record(n).title} {index.record(n).lead} {index.record(n).city}".lower()
        for n in range(index.total)
    )
    for number in range(index.total):
        for word in index.body(number).lower().split():
            if word.isalpha() and len(word) > 7 and word not in shown:
                hits = search(index, word).hits
                if [hit.number for hit in hits] == [number]:
                    return number, word
    raise AssertionError("expected a word only one story's body holds")


def test_the_content_security_policy_is_in_force(browser: Browser, site_url: str) -> None:
    context = browser.new_context()  # not the page fixture: this test provokes a violation
    page = context.new_page()
    page.goto(f"{site_url}/zoeken/")
    page.evaluate(
        """() => {
            window.violations = 0;
            document.addEventListener("securitypolicyviolation", () => { window.violations += 1; });
            const script = document.createElement("script");
            script.textContent = "window.injected = 1";
            document.body.appendChild(script);  // runs at once, unless the policy blocks it
        }"""
    )
    page.wait_for_function("() => window.violations > 0")  # the browser reports the block
    assert page.evaluate("() => window.injected") is None
    context.close()


@pytest.fixture(scope="module")
def reordered_site_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample with its search rows written in the reverse of the schema's order."""
    from generator.search.store import FIELDS
    from tests.test_search_store import site_in_field_order

    target = tmp_path_factory.mktemp("reordered") / "site"
    with serve(site_in_field_order(built_site, target, FIELDS[::-1])) as url:
        yield url


SHOWN_RESULTS = """() => Array.from(document.querySelectorAll('#search-results li')).map(li => {
    const time = li.querySelector('time');
    return [new URL(li.querySelector('.story-title a').href).pathname,
            li.querySelector('.story-title a').textContent, time.textContent,
            time.getAttribute('datetime'), li.querySelector('.meta').textContent,
            li.querySelector('.lead').textContent];
})"""


def test_each_field_of_a_result_is_shown_by_its_name_in_any_field_order(
    page: Page, reordered_site_url: str, built_site: Path
) -> None:
    index = SearchIndex(built_site / "search")
    numbers = [hit.number for hit in search(index, "haven").hits]
    expected = [
        [
            f"/{d.url}",
            d.title,
            d.date_text,
            d.date,
            " · ".join(part for part in (d.date_text, d.city, d.section) if part),
            "".join(piece for piece, _ in snippet(d.lead, index.body(n), "haven")),
        ]
        for n, d in ((n, index.record(n)) for n in numbers)
    ]
    assert expected and any(index.record(n).city for n in numbers)
    page.goto(f"{reordered_site_url}/zoeken/")
    type_query(page, "haven")
    page.wait_for_function(
        f"() => document.querySelectorAll('#search-results li').length === {len(expected)}"
    )
    assert page.evaluate(SHOWN_RESULTS) == expected


def test_the_benchmarks_query_timer_speaks_the_workers_protocol(page: Page, site_url: str) -> None:
    """``make bench`` times queries through the worker's messages: a change to
    them must not leave the benchmark waiting for ever."""
    from benchmarks.search import OUR_TIMER, SHOWN

    page.goto(f"{site_url}/zoeken/")
    times = page.evaluate(OUR_TIMER, [["haven", "rotterdam"], SHOWN])
    assert len(times) == 2 and all(time >= 0 for time in times)
