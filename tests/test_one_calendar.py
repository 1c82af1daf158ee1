"""One day everywhere, from the wire: stories dated late in the evening in other offsets.

Three ninjs items whose own calendar day is not Amsterdam's, imported and built
for real: the import files each under its day in Amsterdam (and so its URL),
and the search's date filter finds it on that day, in Python and in a real
Chromium. (``test_one_day`` checks the pages that name the day: day listing,
"Dezelfde dag" link, date shown, month chart.)
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page

from generator.search.query import Filters, search
from generator.search.reader import SearchIndex
from tests.conftest import run_cli
from tests.local_site import BuiltSite, build_site, serve

pytestmark = [pytest.mark.site]


@dataclass(frozen=True)
class Item:
    word: str  # a word only this story has: its search query
    headline: str
    created: str  # versioncreated, in the source's own offset
    day: str  # its day in Amsterdam


ITEMS = [
    # UTC, 23:30 on the 14th: 00:30 on the 15th in Amsterdam (CET, +01:00).
    Item("veerpont", "Veerpont vaart ook in de nacht", "2025-03-14T23:30:00Z", "2025-03-15"),
    # New York, 20:15 on the 14th (EDT, -04:00): 01:15 on the 15th in Amsterdam.
    Item(
        "kunstijsbaan", "Kunstijsbaan blijft langer open", "2025-03-14T20:15:00-04:00", "2025-03-15"
    ),
    # Tokyo, 07:30 on the 15th (+09:00): 23:30 on the 14th in Amsterdam.
    Item("zonnepanelen", "Zonnepanelen op het stadhuis", "2025-03-15T07:30:00+09:00", "2025-03-14"),
]


def _ninjs(number: int, item: Item) -> str:
    body = f"UTRECHT (ANP) - Het bericht over de {item.word} van vandaag.\nMeer volgt later."
    return json.dumps(
        {
            "uri": f"urn:voorbeeld:kalender:{number}",
            "type": "text",
            "versioncreated": item.created,
            "headline": item.headline,
            "body_text": body,
            "language": "nl",
        }
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp("one-calendar")
    wire, content = root / "wire", root / "content"
    wire.mkdir()
    for number, item in enumerate(ITEMS, 1):
        (wire / f"item-{number}.json").write_text(_ninjs(number, item), "utf-8")
    imported = run_cli("import", str(wire), "--content", str(content))
    assert imported.returncode == 0, imported.stderr
    return build_site(content, root)


def _story_path(site: BuiltSite, item: Item) -> str:
    """The story's place under content/, found by its headline."""
    for path in site.content.rglob("*.md"):
        if f"title: {item.headline}\n" in path.read_text("utf-8"):
            return path.relative_to(site.content).with_suffix("").as_posix()
    raise AssertionError(f"no content file holds {item.headline!r}")


def _folder(day: str) -> str:
    return day.replace("-", "/")


@pytest.mark.parametrize("item", ITEMS, ids=[item.word for item in ITEMS])
def test_the_import_files_each_story_under_its_local_day(site: BuiltSite, item: Item) -> None:
    story = _story_path(site, item)
    assert story.startswith(_folder(item.day) + "/")  # the file, and so the URL
    assert (site.output / story / "index.html").is_file()


@pytest.mark.parametrize("item", ITEMS, ids=[item.word for item in ITEMS])
def test_the_search_date_filter_takes_the_local_day(site: BuiltSite, item: Item) -> None:
    index = SearchIndex(site.output / "search")
    on_day = search(index, item.word, Filters(date_from=item.day, date_to=item.day))
    other = "2025-03-14" if item.day == "2025-03-15" else "2025-03-15"
    off_day = search(index, item.word, Filters(date_from=other, date_to=other))
    assert [index.record(hit.number).title for hit in on_day.hits] == [item.headline]
    assert [index.record(hit.number).day for hit in on_day.hits] == [item.day]
    assert off_day.hits == []


@pytest.fixture(scope="module")
def site_url(site: BuiltSite) -> Iterator[str]:
    with serve(site.output) as url:
        yield url


@pytest.mark.browser
def test_the_browser_date_filter_takes_the_local_day(page: Page, site_url: str) -> None:
    for item in ITEMS:
        for day in ("2025-03-14", "2025-03-15"):
            page.goto(f"{site_url}/zoeken/?q={item.word}&van={day}&tot={day}")
            page.wait_for_function(
                "q => document.getElementById('search-results').dataset.answered === q",
                arg=item.word,
            )
            shown = page.locator("#search-results .story-title a").all_text_contents()
            assert shown == ([item.headline] if day == item.day else []), (item, day)
