"""Finding one's way in the archive (issue 18, second pass on the reader's archive).

On the built sample, read with lxml: a day lists its stories by section,
with a jump bar of the sections and their counts; a section's or place's
year jumps to each month; the places index has an A-Z bar; lead-only
stories are marked in every listing; every page but the search page and the
404 page has a search box in its header. In Chromium: the 404 page GitHub
Pages shows for a missing address offers the day the address names (or its
month) and a search box; on a phone the home page shows its first stories,
then the ways into the archive, then the other new stories.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from lxml import html
from playwright.sync_api import Browser, ConsoleMessage, Page

from generator.text.slugs import slugify
from tests.local_site import serve
from tests.test_site import items, local_day, page

pytestmark = pytest.mark.site


def _fragment_target(site: Path, base: str, href: str) -> html.HtmlElement | None:
    """The element a link ``href`` on page ``base`` points at, in the built site."""
    url = urlsplit(urljoin(f"/{base}/", href))
    target = page(site, url.path.strip("/")) if url.path.strip("/") != base else page(site, base)
    found = target.get_element_by_id(url.fragment, None)
    return found if found is not None else None


def test_a_day_lists_its_stories_by_section_in_time_order(built_site: Path) -> None:
    by_day: dict[str, list[dict[str, str]]] = defaultdict(list)
    for item in items():
        by_day[local_day(item)].append(item)
    for day, day_items in by_day.items():
        tree = page(built_site, day)
        sections = tree.xpath("//section[h2[@class='day-section']]")
        shown = {
            section.xpath("string(h2/a)"): [
                a.text_content() for a in section.cssselect("a.story-title")
            ]
            for section in sections
        }
        expected: dict[str, list[str]] = defaultdict(list)
        for item in sorted(day_items, key=lambda i: (datetime.fromisoformat(i["date"]), i["slug"])):
            expected[item["category"]].append(item["title"])
        assert shown == dict(expected), day
        assert list(shown) == sorted(shown), day  # sections in alphabetical order
        jumps = tree.xpath("//nav[@class='jump']//a")
        if len(expected) > 1:
            counts = {a.text_content(): int(a.getnext().text_content()) for a in jumps}
            assert counts == {name: len(titles) for name, titles in expected.items()}
            for a in jumps:
                assert _fragment_target(built_site, day, a.get("href")) is not None
        else:
            assert jumps == []


def test_a_year_listing_jumps_to_each_month(built_site: Path) -> None:
    checked = 0
    for year_page in sorted(built_site.glob("*/*/2025/index.html")):
        base = year_page.parent.relative_to(built_site).as_posix()
        tree = page(built_site, base)
        months = {h.get("id") for h in tree.xpath("//h2[@class='month-heading']")}
        jumps = tree.xpath("//nav[@class='jump']//a")
        if len(months) < 2:
            continue
        checked += 1
        assert len(jumps) >= len(months)
        for a in jumps:
            target = _fragment_target(built_site, base, a.get("href"))
            assert target is not None and target.text_content() == a.text_content(), a.get("href")
    assert checked > 0, "the sample has places and sections with stories in two months"


def test_the_places_index_has_a_bar_of_its_letters(built_site: Path) -> None:
    index = page(built_site, "plaats")
    letters = [h.text_content() for h in index.cssselect("h2.letter")]
    bar = index.xpath("//nav[contains(@class, 'letters')]//a")
    assert [a.text_content() for a in bar] == letters
    for a in bar:
        assert index.get_element_by_id(a.get("href").removeprefix("#")).text_content() in letters


def test_lead_only_stories_are_marked_in_every_listing(built_site: Path) -> None:
    lead_only = {i["title"] for i in items() if i.get("kind") == "teaser"}
    full = {i["title"] for i in items() if i.get("kind") != "teaser"}
    assert lead_only and full
    for item in items():
        for listing in (local_day(item), f"rubriek/{slugify(item['category'])}/2025"):
            path = built_site / listing / "index.html"
            if not path.exists():
                continue
            for entry in html.parse(str(path)).getroot().cssselect("li.story"):
                title = entry.cssselect(".story-title")[0].text_content()
                marked = bool(entry.cssselect(".lead-only"))
                assert marked == (title in lead_only), (listing, title)


def test_every_page_has_a_search_box_but_the_search_and_404_pages(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        tree = html.parse(str(path)).getroot()
        boxes = tree.xpath("//header//form[@role='search']")
        name = path.relative_to(built_site).as_posix()
        if name in ("zoeken/index.html", "404.html"):
            assert boxes == [], name
            continue
        [box] = boxes
        action = urljoin(f"/{name}", box.get("action"))
        assert action == "/zoeken/" and box.xpath(".//input[@name='q']/@aria-label"), name


@pytest.fixture(scope="module")
def pages_host(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture
def missing(browser: Browser) -> Iterator[Page]:
    """A page for addresses that are not there: the browser reports the
    document's own 404, and nothing else may go wrong."""
    context = browser.new_context()
    opened = context.new_page()
    problems: list[str] = []

    def console(message: ConsoleMessage) -> None:
        own_status = message.location.get("url") == opened.url and "404" in message.text
        if message.type in ("error", "warning") and not own_status:
            problems.append(message.text)

    opened.on("console", console)
    opened.on("pageerror", lambda error: problems.append(str(error)))
    yield opened
    context.close()
    assert problems == [], problems


def test_the_404_page_offers_the_day_the_address_names(missing: Page, pages_host: str) -> None:
    page = missing
    day = min(local_day(i) for i in items())  # a day the archive has
    page.goto(f"{pages_host}/{day}/een-bericht-dat-er-niet-is/")
    offer = page.locator("#notfound-day")
    offer.wait_for(state="visible")
    link = offer.locator("a")
    assert urlsplit(link.get_attribute("href") or "").path == f"/{day}/"
    assert page.locator("form[role='search'] input[name='q']").count() == 1


def test_the_404_page_offers_the_month_when_the_day_is_not_there(
    missing: Page, pages_host: str
) -> None:
    page = missing
    days = {local_day(i) for i in items()}
    month = min(days)[:7]
    absent = next(f"{month}/{n:02d}" for n in range(1, 32) if f"{month}/{n:02d}" not in days)
    page.goto(f"{pages_host}/{absent}/weg/")
    offer = page.locator("#notfound-day")
    offer.wait_for(state="visible")
    assert urlsplit(offer.locator("a").get_attribute("href") or "").path == f"/{month}/"
    page.goto(f"{pages_host}/nergens/")
    page.wait_for_load_state("networkidle")
    assert page.locator("#notfound-day").is_hidden()


def _box(view: Page, selector: str) -> dict[str, float]:
    found = view.locator(selector).first.bounding_box()
    assert found is not None, selector
    return {"x": found["x"], "y": found["y"], "width": found["width"], "height": found["height"]}


def test_the_home_page_puts_the_ways_in_after_the_first_stories_on_a_phone(
    browser: Browser, pages_host: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    phone.goto(f"{pages_host}/")
    aside = _box(phone, "#op-deze-dag")
    first = phone.locator(".home-first li.story")
    assert first.count() == 5
    last_first = _box(phone, ".home-first li.story >> nth=4")
    sixth = _box(phone, ".home-rest li.story")
    assert last_first["y"] < aside["y"] < sixth["y"]
    context.close()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    wide = context.new_page()
    wide.goto(f"{pages_host}/")
    aside, story = _box(wide, ".home aside"), _box(wide, ".home-first li.story")
    assert aside["x"] > story["x"] + story["width"] and aside["y"] < story["y"] + 100
    fifth = _box(wide, ".home-first li.story >> nth=4")
    sixth = _box(wide, ".home-rest li.story")
    assert 0 <= sixth["y"] - (fifth["y"] + fifth["height"]) < 80  # no gap beside the aside
    context.close()
