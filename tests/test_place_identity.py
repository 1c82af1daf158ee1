"""One page per place: stories that name a place differently are one city on the site.

Content files as the converter writes them (``render``), two of them with the
names older imports or other agencies used ("Den Bosch", "Roma"), all with the
place's GeoNames id; built by a real Pelican. The places index lists each
place once; its page lists every story of it; an alias's address sends the
reader on to the place's page; search finds the place by either name, and
its city filter (Python and, in Chromium, a shared link) takes either name.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from urllib.parse import quote, urljoin, urlsplit

import pytest
from lxml import html
from playwright.sync_api import Page

from generator.content.files import relative_path, render
from generator.model import DatePrecision, Place, WireItem
from generator.search.query import Filters, counts, search
from generator.search.reader import SearchIndex
from tests.local_site import BuiltSite, build_site, readable_bytes, serve

pytestmark = pytest.mark.site

BOSCH = Place("NL", 51.6992, 5.3042, 2747351)
ROME = Place("IT", 41.8919, 12.5113, 3169070)
STORIES = [  # slug, city as the file records it, place
    ("optocht-een", "'s-Hertogenbosch", BOSCH),
    ("optocht-twee", "Den Bosch", BOSCH),  # an older import's name
    ("optocht-drie", "Roma", ROME),  # an agency's own name, from before
    ("optocht-vier", "Rome", ROME),
    ("optocht-vijf", "Nergensdorp", None),  # no place record: grouped by name
]


def _item(number: int, slug: str, city: str, place: Place | None) -> WireItem:
    return WireItem(
        id=f"wa-{slug}",
        title=f"Optocht {slug.removeprefix('optocht-')} trekt door de stad",
        summary="De optocht trekt zaterdag door de stad.",
        date=datetime.fromisoformat(f"2025-03-{10 + number:02d}T12:00:00+01:00"),
        date_precision=DatePrecision.EXACT,
        date_source="versioncreated",
        section="Binnenland",
        city=city,
        place=place,
        paragraphs=["De optocht trekt zaterdag door de stad."],
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp("place-identity")
    content = root / "content"
    for number, (slug, city, place) in enumerate(STORIES):
        item = _item(number, slug, city, place)
        target = content / relative_path(item, slug)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(item, slug), "utf-8")
    return build_site(content, root)


def _page(site: BuiltSite, url: str) -> html.HtmlElement:
    return html.fromstring((site.output / url / "index.html").read_text("utf-8"))


def test_the_places_index_lists_each_place_once(site: BuiltSite) -> None:
    page = _page(site, "plaats")
    links = page.xpath("//ul[@class='group-index']//a/@href")
    places = [urljoin("https://example.org/plaats/", link) for link in links]
    assert sorted(places) == [
        f"https://example.org/plaats/{slug}/" for slug in ("nergensdorp", "rome", "s-hertogenbosch")
    ]
    shown = page.xpath("//ul[@class='group-index']//a/text()")
    assert sorted(shown) == ["'s-Hertogenbosch", "Nergensdorp", "Rome"]


@pytest.mark.parametrize(
    ("place", "stories"),
    [("s-hertogenbosch", {"een", "twee"}), ("rome", {"drie", "vier"})],
)
def test_a_place_page_lists_every_story_of_the_place(
    site: BuiltSite, place: str, stories: set[str]
) -> None:
    page = _page(site, f"plaats/{place}")
    titles = page.xpath("//h3[@class='story-title']/a/text()")
    assert {title.split()[1] for title in titles} == stories
    assert page.xpath("string(//h1)").strip() in {"'s-Hertogenbosch", "Rome"}
    # Every story is shown under the place's one name, whatever its file says
    # (the place's own page does not repeat it: its story pages say it).
    name = page.xpath("string(//h1)").strip()
    assert not page.xpath("//ol//p[@class='meta']/a[contains(@href, 'plaats')]")
    for link in page.xpath("//h3[@class='story-title']/a/@href"):
        story = _page(site, urlsplit(urljoin(f"/plaats/{place}/", link)).path.strip("/"))
        shown = story.xpath("//article//p[@class='meta']/a[contains(@href, 'plaats')]/text()")
        assert shown == [name], link


@pytest.mark.parametrize(("alias", "place"), [("den-bosch", "s-hertogenbosch"), ("roma", "rome")])
def test_an_alias_address_sends_the_reader_to_the_place(
    site: BuiltSite, alias: str, place: str
) -> None:
    page = _page(site, f"plaats/{alias}")
    base = f"https://example.org/plaats/{alias}/"
    refresh = page.xpath("string(//meta[@http-equiv='refresh']/@content)")
    assert refresh.startswith("0; url=")
    target = f"https://example.org/plaats/{place}/"
    assert urljoin(base, refresh.removeprefix("0; url=")) == target
    assert urljoin(base, page.xpath("string(//link[@rel='canonical']/@href)")) == target
    assert page.xpath("//meta[@name='robots']/@content") == ["noindex"]
    sitemaps = "".join(
        readable_bytes(path).decode("utf-8") for path in site.output.rglob("sitemap*.xml*")
    )
    assert f"plaats/{alias}/" not in sitemaps and f"plaats/{place}/" in sitemaps


def test_search_finds_a_place_by_either_name(site: BuiltSite) -> None:
    index = SearchIndex(site.output / "search")
    for query, expected in (("den bosch", {"een", "twee"}), ("roma", {"drie", "vier"})):
        hits = search(index, query).hits
        assert {index.record(hit.number).title.split()[1] for hit in hits} == expected, query


def test_the_city_filter_takes_either_name(site: BuiltSite) -> None:
    index = SearchIndex(site.output / "search")
    for city in ("Den Bosch", "'s-Hertogenbosch"):
        results = search(index, "optocht", Filters(city=city))
        assert {index.record(hit.number).city for hit in results.hits} == {"'s-Hertogenbosch"}
        assert len(results.hits) == 2, city
        # The counts are over every hit before the place filter, a place once.
        assert counts(index, results).cities == {
            "'s-Hertogenbosch": 2,
            "Rome": 2,
            "Nergensdorp": 1,
        }, city
    manifest = index.manifest
    assert manifest["city_aliases"]["Den Bosch"] == "'s-Hertogenbosch"
    assert manifest["city_aliases"]["Roma"] == "Rome"
    # One menu entry a place, with all its stories.
    assert manifest["cities"] == {"'s-Hertogenbosch": 2, "Rome": 2, "Nergensdorp": 1}


@pytest.fixture(scope="module")
def site_url(site: BuiltSite) -> Iterator[str]:
    with serve(site.output) as url:
        yield url


@pytest.mark.browser
def test_a_shared_link_with_the_other_name_filters_by_the_place(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/zoeken/?q=optocht&plaats={quote('Den Bosch')}")
    page.wait_for_function(
        "() => document.getElementById('search-results').dataset.answered === 'optocht'"
    )
    page.wait_for_function("() => document.getElementById('filter-city').value !== ''")
    page.wait_for_function(
        "() => document.querySelectorAll('#search-results .story-title a').length === 2"
    )
    assert page.locator("#filter-city").input_value() == "'s-Hertogenbosch"
    shown = page.locator("#search-results .story-title a").all_text_contents()
    assert {title.split()[1] for title in shown} == {"een", "twee"}
