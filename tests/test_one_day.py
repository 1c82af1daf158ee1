"""One day on every page: stories dated late in the evening in other offsets.

Content files written by the converter's own code (``render`` at
``relative_path``) for three stories whose own calendar day is not
Amsterdam's, built by a real Pelican: the file's folder, the story's URL, the
day page that lists it, its "Dezelfde dag" link, the date it shows and the
month chart's bar all name the story's day in Amsterdam.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urljoin

import pytest
from lxml import html

from generator.content.files import relative_path, render
from generator.model import DatePrecision, WireItem
from tests.local_site import BuiltSite, build_site

pytestmark = pytest.mark.site


@dataclass(frozen=True)
class Case:
    slug: str
    moment: str  # the date as the source gave it, in its own offset
    day: date  # its day in Amsterdam


CASES = [
    # UTC, 23:30 on the 14th: 00:30 on the 15th in Amsterdam (CET, +01:00).
    Case("utc-laat", "2025-03-14T23:30:00+00:00", date(2025, 3, 15)),
    # New York (EDT, -04:00), 19:30 on the 14th: 00:30 on the 15th in Amsterdam.
    Case("new-york-laat", "2025-03-14T19:30:00-04:00", date(2025, 3, 15)),
    # Tokyo (+09:00), 07:30 on the 15th: 23:30 on the 14th in Amsterdam.
    Case("tokio-vroeg", "2025-03-15T07:30:00+09:00", date(2025, 3, 14)),
]
IDS = [case.slug for case in CASES]
DUTCH_DAY = {date(2025, 3, 14): "14 maart 2025", date(2025, 3, 15): "15 maart 2025"}


def _item(case: Case) -> WireItem:
    return WireItem(
        id=f"wa-{case.slug}",
        title=f"Bericht {case.slug}",
        summary=f"Aanhef van {case.slug}.",
        date=datetime.fromisoformat(case.moment),
        date_precision=DatePrecision.EXACT,
        date_source="versioncreated",
        section="Binnenland",
        city="Utrecht",
        paragraphs=[f"Aanhef van {case.slug}.", "Meer volgt."],
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp("one-day")
    content = root / "content"
    for case in CASES:
        path = content / relative_path(_item(case), case.slug)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(_item(case), case.slug), "utf-8")
    return build_site(content, root)


def _folder(day: date) -> str:
    return f"{day:%Y/%m/%d}"


def _page(site: BuiltSite, url: str) -> html.HtmlElement:
    return html.parse(str(site.output / url / "index.html")).getroot()


def _story_url(site: BuiltSite, case: Case) -> str:
    """The story's URL: its file's place under content/."""
    [path] = site.content.rglob(f"{case.slug}.md")
    return path.relative_to(site.content).with_suffix("").as_posix()


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_file_and_the_url_are_under_the_local_day(site: BuiltSite, case: Case) -> None:
    story = _story_url(site, case)
    assert story == f"{_folder(case.day)}/{case.slug}"
    assert (site.output / story / "index.html").is_file()


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_day_page_of_the_local_day_lists_it(site: BuiltSite, case: Case) -> None:
    story = _story_url(site, case)
    for day in DUTCH_DAY:
        listing = _page(site, _folder(day))
        links = [
            urljoin(f"/{_folder(day)}/", a)
            for a in listing.xpath("//ol/li/a[@class='story-title']/@href")
        ]
        assert (f"/{story}/" in links) == (day == case.day), day


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_same_day_link_and_the_date_shown_name_the_local_day(
    site: BuiltSite, case: Case
) -> None:
    story = _story_url(site, case)
    page = _page(site, story)
    [day] = page.xpath("//nav[@class='neighbours']/p[1]/a[not(@rel)]")  # the day itself
    assert urljoin(f"/{story}/", day.get("href")) == f"/{_folder(case.day)}/"
    assert day.text_content() == DUTCH_DAY[case.day]
    shown = page.xpath("string(//article//p[@class='meta']/time)")
    assert shown.startswith(f"{DUTCH_DAY[case.day]}, ")


def test_the_month_chart_counts_each_story_on_its_local_day(site: BuiltSite) -> None:
    chart = _page(site, "2025/03").xpath("//svg[@class='chart']")[0]
    bars = {
        " ".join(link.xpath("string(title)").split()): link.get("href") for link in chart.xpath("a")
    }
    assert bars == {"14 maart 2025: 1 bericht": "14/", "15 maart 2025: 2 berichten": "15/"}
    days = sorted(path.parent.name for path in (site.output / "2025" / "03").glob("*/index.html"))
    assert days == ["14", "15"]
