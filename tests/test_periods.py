"""One site per period: ``WIRE_PERIOD`` and ``wire-archive periods``.

Content files written by the converter's own code, spanning 2023 and 2024,
with the two cases where a story's year is not its file's folder: a story
dated 23:30 UTC on New Year's Eve (its day in Amsterdam, and its folder, is
1 January 2024) and one whose file lies in 2024's folder while its date is
in 2023 (a later version gave an earlier date; the file never moves). Built
by a real Pelican: a build with ``WIRE_PERIOD="2024"`` is byte for byte the
build of a content folder holding only 2024's stories, and holds no page,
feed entry, sitemap URL, search record or day of 2023; the command builds
one site per year for its own address, and a front site linking them; a
malformed setting stops the build with one ``Error:`` line.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin

import feedparser
import pytest
from lxml import etree, html

from generator.addresses import local_day
from generator.content.files import relative_path, render
from generator.errors import SiteError
from generator.model import DatePrecision, WireItem
from generator.periods import Period as SitePeriod
from generator.periods import periods_of, story_years
from generator.search.reader import SearchIndex
from generator.site.embargo import ARTICLE_LISTS
from generator.site.period import Kept, Period, PeriodError, keep_period, parse
from generator.site.stories import SiteStory
from tests.conftest import ROOT, run_cli
from tests.local_site import BuiltSite, build_site

pytestmark = pytest.mark.site
BASE = "https://voorbeeld.github.io/archief"


def _item(slug: str, moment: str, city: str) -> WireItem:
    words = slug.replace("-", " ")
    return WireItem(
        id=f"wa-{slug}",
        title=f"Kop {words}",
        summary=f"Aanhef {words}.",
        date=datetime.fromisoformat(moment),
        date_precision=DatePrecision.EXACT,
        date_source="versioncreated",
        section="Economie",
        city=city,
        slug=slug,
        paragraphs=[f"Aanhef {words}.", f"Binnenwerk{slug.replace('-', '')} volgt."],
    )


# Each story's URL (its file's place under content/) and the item in it.
STORIES_2023 = {
    "2023/06/12/haven-zomer": _item("haven-zomer", "2023-06-12T10:00:00+02:00", "Rotterdam"),
    "2023/12/31/oudjaar": _item("oudjaar", "2023-12-31T18:00:00+01:00", "Amsterdam"),
    # Filed on 1 January 2024 by its first version; a later one dated it earlier.
    "2024/01/01/vroeg-bericht": _item("vroeg-bericht", "2023-12-31T20:00:00+01:00", "Utrecht"),
}
STORIES_2024 = {
    # 23:30 UTC on 31 December is 00:30 on 1 January in Amsterdam.
    "2024/01/01/nieuwjaar": _item("nieuwjaar", "2023-12-31T23:30:00+00:00", "Amsterdam"),
    "2024/03/14/kabinet": _item("kabinet", "2024-03-14T10:00:00+01:00", "Den Haag"),
    "2024/05/02/haven-voorjaar": _item("haven-voorjaar", "2024-05-02T09:00:00+02:00", "Rotterdam"),
}
DAYS_2023 = {"2023/06/12", "2023/12/31"}
DAYS_2024 = {"2024/01/01", "2024/03/14", "2024/05/02"}


def write_content(content: Path, stories: dict[str, WireItem]) -> Path:
    for url, item in stories.items():
        path = content / f"{url}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(item, path.stem), "utf-8")
    return content


def test_the_stories_are_where_the_converter_puts_them() -> None:
    """The composed content is what the converter writes, but for the one moved story."""
    for url, item in {**STORIES_2023, **STORIES_2024}.items():
        moved = url == "2024/01/01/vroeg-bericht"
        slug = url.rsplit("/", 1)[1]
        assert (relative_path(item, slug).as_posix() == f"{url}.md") is not moved, url


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_content(
        tmp_path_factory.mktemp("periods") / "content", STORIES_2023 | STORIES_2024
    )


@pytest.fixture(scope="module")
def period_2024(content: Path, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_site(content, tmp_path_factory.mktemp("period-2024"), 'WIRE_PERIOD="2024"')


@pytest.fixture(scope="module")
def only_2024(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp("only-2024")
    return build_site(write_content(root / "content", STORIES_2024), root)


# What a built site holds.


def _files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _pages(output: Path) -> set[str]:
    """Every page's URL, root-relative, without its slashes."""
    return {page.parent.relative_to(output).as_posix() for page in output.rglob("index.html")}


def _story_pages(output: Path) -> set[str]:
    return {url for url in _pages(output) if url.count("/") == 3 and url[:4].isdigit()}


def _day_pages(output: Path) -> set[str]:
    return {url for url in _pages(output) if url.count("/") == 2 and url[:4].isdigit()}


def _feed_links(output: Path, base: str = "") -> set[str]:
    """The entries of every feed, as root-relative URLs."""
    links: set[str] = set()
    for path in (output / "feeds").rglob("*.xml"):
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, path
        links |= {_relative(entry.link, base) for entry in feed.entries}
    return links


def _sitemap_urls(output: Path, base: str = "") -> set[str]:
    """Every URL of the sitemap files the sitemap index names."""
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    index = etree.parse(str(output / "sitemap.xml"))
    urls: set[str] = set()
    for loc in index.xpath("//s:sitemap/s:loc/text()", namespaces=namespace):
        data = (output / _relative(str(loc), base)).read_bytes()
        tree = etree.fromstring(gzip.decompress(data) if str(loc).endswith(".gz") else data)
        urls |= {
            _relative(str(url), base) for url in tree.xpath("//s:loc/text()", namespaces=namespace)
        }
    return urls


def _searchable(output: Path) -> set[str]:
    index = SearchIndex(output / "search")
    return {index.record(number).url.strip("/") for number in range(index.total)}


def _relative(url: str, base: str) -> str:
    assert url.startswith(base), (url, base)  # every absolute address is the site's own
    return url.removeprefix(base).strip("/")


def _links(output: Path, url: str) -> set[str]:
    page = html.parse(str(output / url / "index.html")).getroot()
    return {urljoin(f"/{url}/", href).strip("/") for href in page.xpath("//a/@href")}


# (a) A build of one period.


def test_a_period_build_is_the_build_of_its_stories_alone(
    period_2024: BuiltSite, only_2024: BuiltSite
) -> None:
    assert _files(period_2024.output) == _files(only_2024.output)


def test_a_period_build_has_no_page_of_another_year(period_2024: BuiltSite) -> None:
    output = period_2024.output
    assert _story_pages(output) == set(STORIES_2024)
    assert _day_pages(output) == DAYS_2024
    assert not (output / "2023").exists()  # no year, month or day page either
    calendar = {link for link in _links(output, "kalender") if link[:4].isdigit()}
    assert calendar == {"2024", "2024/01", "2024/03", "2024/05"}


def test_a_period_build_lists_feeds_maps_and_searches_its_stories_only(
    period_2024: BuiltSite,
) -> None:
    output = period_2024.output
    assert _feed_links(output) == set(STORIES_2024)
    assert _sitemap_urls(output) & set(STORIES_2023) == set()
    assert _sitemap_urls(output) >= set(STORIES_2024) | DAYS_2024
    assert _searchable(output) == set(STORIES_2024)
    # The first story of the period links back to no story of the year before.
    assert _links(output, "2024/01/01/nieuwjaar") & set(STORIES_2023) == set()


def test_a_period_build_says_what_it_kept_in_one_line(period_2024: BuiltSite) -> None:
    lines = period_2024.log.splitlines()
    said = [line for line in lines if line.startswith("Period:")]
    assert said == ["Period: WIRE_PERIOD 2024 kept 3 stories, left out 3 stories of other years"]
    assert not any("vroeg-bericht" in line or "oudjaar" in line for line in lines)


# (c) The setting.


@pytest.mark.parametrize(
    ("value", "period"),
    [
        (None, None),
        ("", None),
        ("2023", Period(2023, 2023)),
        (" 2023-2024 ", Period(2023, 2024)),
        ("2024-2024", Period(2024, 2024)),
        (2023, Period(2023, 2023)),
    ],
)
def test_the_period_setting_reads_a_year_or_a_range(value: object, period: Period | None) -> None:
    assert parse(value) == period


@pytest.mark.parametrize(
    "value",
    [
        "23",
        "2023-24",
        "2023/2024",
        "2023 - 2024",
        "０２０２３",
        "0999",
        "jaar",
        True,
        2023.0,
        ["2023"],
    ],
)
def test_a_malformed_period_setting_is_an_error(value: object) -> None:
    with pytest.raises(PeriodError, match=r'^expected WIRE_PERIOD as a year \("2023"\)') as raised:
        parse(value)
    assert str(raised.value).endswith(f"found {value!r}")
    assert isinstance(raised.value, SiteError)


def test_a_reversed_range_is_an_error() -> None:
    with pytest.raises(PeriodError, match=r'earlier year to the later \("2023-2024"\), found'):
        parse("2024-2023")


def test_the_period_holds_the_days_of_its_years() -> None:
    period = Period(2023, 2024)
    assert str(period) == "2023-2024" and str(Period(2024, 2024)) == "2024"
    assert period.holds(datetime(2023, 1, 1).date()) and period.holds(datetime(2024, 12, 31).date())
    assert not period.holds(datetime(2022, 12, 31).date())


def test_no_list_pelican_writes_from_keeps_a_story_of_another_year(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Hidden stories, drafts and translations are pages too: left out alike."""
    stories = {url: _article(url, item) for url, item in (STORIES_2023 | STORIES_2024).items()}
    lists = {name: list(stories.values()) for name in ARTICLE_LISTS}
    generator = SimpleNamespace(**lists)
    assert keep_period(generator, Period(2024, 2024)) == Kept(3, 3)  # once, for all lists
    for name in ARTICLE_LISTS:
        assert [article.wire.url for article in getattr(generator, name)] == list(STORIES_2024)
    assert lists["articles"] is generator.articles  # in place: Pelican's context sees it
    said = "Period: WIRE_PERIOD 2024 kept 3 stories, left out 3 stories of other years\n"
    assert capsys.readouterr().err == said
    assert keep_period(generator, None) is None  # no period: the whole archive
    assert capsys.readouterr().err == ""


def _article(url: str, item: WireItem) -> SimpleNamespace:
    """A stand-in for Pelican's article: the story it carries, as ``wire``."""
    day = local_day(item.date)
    site = SiteStory(item, url, f"{url}/index.html", f"content/{url}.md", "", day)
    return SimpleNamespace(wire=site)


def test_a_malformed_period_fails_the_build_in_one_line(content: Path, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "pelican", str(content), "-o", str(tmp_path / "output")]
    command += ["-s", str(ROOT / "pelicanconf.py"), "-e", 'WIRE_PERIOD="2023-24"']
    command += [f'CACHE_PATH="{tmp_path / "cache"}"']
    built = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert built.returncode == 2
    expected = (
        'Error: expected WIRE_PERIOD as a year ("2023") or a range of years ("2023-2024"), '
        "found '2023-24'"
    )
    assert built.stderr.strip() == expected
    assert "Traceback" not in built.stdout and "CRITICAL" not in built.stdout
    assert not (tmp_path / "output" / "index.html").exists()


# (b) The command.


@pytest.fixture(scope="module")
def sites(content: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("sites")
    made = run_cli(
        "periods", str(content), "--base-url", f"{BASE}/", "--output", str(root / "sites"),
        "--cache", str(root / "cache"),
    )  # fmt: skip
    assert made.returncode == 0, made.stdout + made.stderr
    return root / "sites", made.stdout


def test_the_periods_are_the_years_of_the_stories(content: Path) -> None:
    assert story_years(content) == [2023, 2024]
    assert periods_of([2023, 2024], 1) == [SitePeriod(2023, 2023), SitePeriod(2024, 2024)]
    two = periods_of([2021, 2023, 2024, 2026], 2)
    assert [period.name for period in two] == ["2021-2022", "2023-2024", "2025-2026"]
    assert SitePeriod(2023, 2024).url(BASE) == f"{BASE}-2023-2024"


def test_the_command_builds_a_site_per_year_and_a_front_site(sites: tuple[Path, str]) -> None:
    folder, said = sites
    assert sorted(path.name for path in folder.iterdir()) == ["2023", "2024", "front"]
    lines = said.splitlines()
    for year in ("2023", "2024"):
        built = f"Built {year}: {folder / year} holds 3 stories, for {BASE}-{year}"
        assert built in lines, said
    assert f"Front site: {folder / 'front'} links 2 of 2 periods, for {BASE}" in lines


def test_each_period_site_holds_its_stories_at_its_own_address(sites: tuple[Path, str]) -> None:
    folder, _ = sites
    for year, stories, days in (
        ("2023", STORIES_2023, DAYS_2023),
        ("2024", STORIES_2024, DAYS_2024),
    ):
        output, base = folder / year, f"{BASE}-{year}/"
        assert _story_pages(output) == set(stories), year
        assert _day_pages(output) == days, year  # the moved story: on 31 December
        assert _searchable(output) == set(stories), year
        assert _feed_links(output, base) == set(stories), year
        assert _sitemap_urls(output, base) >= set(stories) | days, year
        canonical = set()
        for page in output.rglob("*.html"):
            canonical |= set(
                html.parse(str(page)).getroot().xpath("//link[@rel='canonical']/@href")
            )
        assert {url[: len(base)] for url in canonical} == {base}, year
        assert f"{base}kalender/" in canonical


def test_the_front_page_links_each_period_with_its_count(sites: tuple[Path, str]) -> None:
    front = sites[0] / "front"
    page = html.parse(str(front / "index.html")).getroot()
    periods = [
        (link.get("href"), link.text_content(), link.getnext().text_content())
        for link in page.xpath("//main//li/a")
    ]
    assert periods == [
        (f"{BASE}-2024/", "2024", "3 berichten"),
        (f"{BASE}-2023/", "2023", "3 berichten"),
    ]
    assert page.get("lang") == "nl"
    assert page.xpath("//link[@rel='canonical']/@href") == [f"{BASE}/"]


def test_the_front_page_is_valid_html_under_the_themes_policy(sites: tuple[Path, str]) -> None:
    folder = sites[0]
    text = (folder / "front" / "index.html").read_text("utf-8")
    assert text.startswith("<!doctype html>\n")
    _check_nesting(text)

    def policy(path: Path) -> list[str]:
        root = html.parse(str(path)).getroot()
        return list(root.xpath("//meta[@http-equiv='Content-Security-Policy']/@content"))

    assert policy(folder / "front" / "index.html") == policy(folder / "2024" / "index.html") != []
    assert "<script" not in text and "style=" not in text and "<style" not in text
    for name in ("css/style.css", "favicon.svg"):
        copied = folder / "front" / "theme" / name
        assert copied.read_bytes() == (folder / "2024" / "theme" / name).read_bytes()


VOID = {"meta", "link", "br", "img", "input", "hr"}


def _check_nesting(text: str) -> None:
    """Every element the page opens is closed, in order (void elements aside)."""
    open_tags: list[str] = []

    class Nesting(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag not in VOID:
                open_tags.append(tag)

        def handle_endtag(self, tag: str) -> None:
            assert open_tags and open_tags.pop() == tag, (tag, open_tags)

    Nesting().feed(text)
    assert open_tags == []


def test_a_failed_period_build_stops_no_other(content: Path, tmp_path: Path) -> None:
    """A settings file that stops the 2023 build (it sees the period's SITEURL)."""
    settings = tmp_path / "failing.py"
    settings.write_text(
        f"import os, sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        "if os.environ['SITEURL'].endswith('-2023'):\n    raise SystemExit('Error: not 2023')\n",
        "utf-8",
    )
    made = run_cli(
        "periods", str(content), "--base-url", BASE, "--output", str(tmp_path / "sites"),
        "--cache", str(tmp_path / "cache"), "--settings", str(settings),
    )  # fmt: skip
    assert made.returncode == 1
    lines = made.stdout.splitlines()
    assert (
        "Failed 2023: Pelican stopped with an error (above); it left no site, "
        "and the front page does not link it"
    ) in lines
    assert f"Built 2024: {tmp_path / 'sites' / '2024'} holds 3 stories, for {BASE}-2024" in lines
    assert f"Front site: {tmp_path / 'sites' / 'front'} links 1 of 2 periods, for {BASE}" in lines
    assert "Error: not 2023" in made.stderr
    assert made.stderr.splitlines()[-1] == "Error: 1 of 2 period builds failed: 2023"
    front = html.parse(str(tmp_path / "sites" / "front" / "index.html")).getroot()
    assert front.xpath("//main//li/a/@href") == [f"{BASE}-2024/"]


# (d) The command line.


def test_the_command_explains_itself() -> None:
    shown = run_cli("periods", "--help")
    assert shown.returncode == 0
    text = " ".join(shown.stdout.split())
    assert "Usage: python -m generator periods [OPTIONS] CONTENT" in text
    for option in ("--base-url URL", "--output DIRECTORY", "--settings FILE", "--years-per-site"):
        assert option in text, option
    assert "URL-2023 (https://user.github.io/archief-2023)" in text
    assert "periods" in run_cli("--help").stdout


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--base-url", "https://user.github.io"],
            "Invalid value for '--base-url': expected the front site's address with its "
            "repository's name, such as https://user.github.io/archief (periods go to "
            ".../archief-2023), found 'https://user.github.io'",
        ),
        (
            ["--base-url", "archief"],
            "Invalid value for '--base-url': expected the front site's address",
        ),
        (["--base-url", BASE, "--years-per-site", "0"], "Invalid value for '--years-per-site'"),
        ([], "Missing option '--base-url'"),
    ],
)
def test_a_wrong_call_says_what_is_wrong(
    content: Path, arguments: list[str], message: str, tmp_path: Path
) -> None:
    called = run_cli("periods", str(content), *arguments, "--output", str(tmp_path / "sites"))
    assert called.returncode == 2
    assert message in " ".join(called.stderr.split())
    assert "Error:" in called.stderr and "Traceback" not in called.stderr
    assert not (tmp_path / "sites").exists()


def test_a_folder_without_stories_is_a_wrong_call(tmp_path: Path) -> None:
    called = run_cli("periods", str(tmp_path), "--base-url", BASE)
    assert called.returncode == 2
    expected = f"Error: expected story files (YYYY/MM/DD/slug.md) in {tmp_path}, found none"
    assert expected in called.stderr
    missing = run_cli("periods", str(tmp_path / "nergens"), "--base-url", BASE)
    assert missing.returncode == 2 and "does not exist" in missing.stderr
