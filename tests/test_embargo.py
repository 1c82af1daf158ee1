"""Embargo: the archive never publishes a story before its embargo ends.

Content files written by the converter's own code, built by a real Pelican
with the build's time set (``WIRE_BUILD_TIME``, never the clock): before the
embargo the story has no page and is in no listing, feed, sitemap or search
file (record, body or term), and the build names it (exit status 0); the same content built again
into the same output at the embargo's moment publishes it everywhere, and
that incremental build is byte for byte a build from scratch. A story whose
embargo has passed is published at once. The import summary names every
story written under an embargo that has not ended.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin

import feedparser
import pytest
from lxml import etree, html

from generator.addresses import ARCHIVE_ZONE
from generator.content.files import relative_path, render
from generator.content.store import ContentStore
from generator.errors import SiteError
from generator.import_summary import Embargoed, Summary, describe_embargoes
from generator.importer import integrate
from generator.model import DatePrecision, WireItem
from generator.search.query import search
from generator.search.reader import SearchIndex
from generator.site.build import SiteSettings
from generator.site.embargo import ARTICLE_LISTS, HeldBack, hold_back
from generator.site.stories import SiteStory
from tests.conftest import run_cli
from tests.local_site import BuiltSite, build_site, readable_bytes

pytestmark = pytest.mark.site
EMBARGO = "2025-03-14T12:00:00+01:00"
BEFORE = "2025-03-14T11:59:00+01:00"  # the build's time: a minute too early
SECRET = "2025/03/14/geheim-rapport"  # under embargo until EMBARGO
PAST = "2025/03/14/oud-embargo"  # under an embargo that ended before either build
PLAIN = "2025/03/14/gewoon-bericht"  # no embargo; same day, city and section as SECRET
ELSEWHERE_DAY = "2025/02/10/"  # a day the embargoed story touches nothing of


def _item(slug: str, moment: str, embargo: str | None = None) -> WireItem:
    words = slug.replace("-", " ")
    return WireItem(
        id=f"wa-{slug}",
        title=f"Kop {words}",
        summary=f"Aanhef {words}.",
        date=datetime.fromisoformat(moment),
        date_precision=DatePrecision.EXACT,
        date_source="versioncreated",
        section="Binnenland",
        city="Utrecht",
        slug=slug,
        embargo=None if embargo is None else datetime.fromisoformat(embargo),
        paragraphs=[f"Aanhef {words}.", f"Binnenwerk{slug.replace('-', '')} volgt."],
    )


ITEMS = {
    "geheim-rapport": _item("geheim-rapport", "2025-03-14T09:00:00+01:00", EMBARGO),
    "oud-embargo": _item("oud-embargo", "2025-03-14T08:00:00+01:00", "2025-03-14T08:30:00+01:00"),
    "gewoon-bericht": _item("gewoon-bericht", "2025-03-14T10:00:00+01:00"),
    "andere-dag": _item("andere-dag", "2025-02-10T10:00:00+01:00"),
}


def write_content(content: Path) -> None:
    for slug, item in ITEMS.items():
        path = content / relative_path(item, slug)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(item, slug), "utf-8")


def at(moment: str) -> str:
    """The build's time, as Pelican's ``-e`` takes a setting (JSON)."""
    return f"WIRE_BUILD_TIME={json.dumps(moment)}"


@dataclass(frozen=True)
class Builds:
    before: BuiltSite  # a copy of output/ as the build before the embargo left it
    after: BuiltSite  # the same output/, built again at the embargo's moment
    scratch: BuiltSite  # the same content built from scratch at that moment
    untouched: bool  # the other day's page kept its file through the second build


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    root = tmp_path_factory.mktemp("embargo")
    content = root / "content"
    write_content(content)
    first = build_site(content, root, at(BEFORE))
    before = BuiltSite(content, root / "before", first.log)
    shutil.copytree(first.output, before.output)
    day_page = first.output / ELSEWHERE_DAY / "index.html"
    stamp = day_page.stat().st_mtime_ns
    after = build_site(content, root, at(EMBARGO))  # same output/, cache: incremental
    untouched = day_page.stat().st_mtime_ns == stamp
    scratch = build_site(content, tmp_path_factory.mktemp("embargo-scratch"), at(EMBARGO))
    return Builds(before, after, scratch, untouched)


def _page(site: BuiltSite, url: str) -> html.HtmlElement:
    return html.parse(str(site.output / url / "index.html")).getroot()


def _links(site: BuiltSite, url: str) -> set[str]:
    """Every link of a page, as a root-relative URL without its trailing /."""
    base = f"/{url}/" if url else "/"
    return {urljoin(base, href).strip("/") for href in _page(site, url).xpath("//a/@href")}


def _day_listing(site: BuiltSite) -> list[str]:
    links = _page(site, "2025/03/14").xpath("//ol/li/a[@class='story-title']/@href")
    return [urljoin("/2025/03/14/", link).strip("/") for link in links]


def _feed(site: BuiltSite, path: str = "feeds/atom.xml") -> set[str]:
    feed = feedparser.parse((site.output / path).read_bytes())
    assert not feed.bozo
    return {entry.link.strip("/") for entry in feed.entries}


def _sitemap(site: BuiltSite) -> set[str]:
    tree = etree.fromstring(readable_bytes(site.output / "sitemaps" / "sitemap-1.xml.gz"))
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return {str(loc).strip("/") for loc in tree.xpath("//s:loc/text()", namespaces=namespace)}


def _searchable(site: BuiltSite) -> set[str]:
    index = SearchIndex(site.output / "search")
    return {index.record(number).url.strip("/") for number in range(index.total)}


def _found_by_body(site: BuiltSite, slug: str) -> set[str]:
    """The stories search finds by the word only the body of ``slug`` holds."""
    index = SearchIndex(site.output / "search")
    hits = search(index, f"binnenwerk{slug.replace('-', '')}", correct=False).hits
    return {index.record(hit.number).url.strip("/") for hit in hits}


def _files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): readable_bytes(path)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_before_the_embargo_the_story_has_no_page(builds: Builds) -> None:
    assert not (builds.before.output / SECRET).exists()
    assert (builds.before.output / PLAIN / "index.html").is_file()


def test_before_the_embargo_no_listing_feed_sitemap_or_search_has_it(builds: Builds) -> None:
    site = builds.before
    assert _day_listing(site) == [PAST, PLAIN]
    assert SECRET not in _feed(site) and PLAIN in _feed(site)
    assert SECRET not in _feed(site, "feeds/plaats/utrecht.atom.xml")
    assert SECRET not in _sitemap(site) and PLAIN in _sitemap(site)
    assert SECRET not in _searchable(site) and PLAIN in _searchable(site)
    assert _found_by_body(site, "geheim-rapport") == set()
    assert _found_by_body(site, "gewoon-bericht") == {PLAIN}
    for page in ("", "2025/03", "rubriek/binnenland", "plaats/utrecht", PLAIN):
        assert SECRET not in _links(site, page), page


def test_before_the_embargo_not_a_word_of_it_is_in_output(builds: Builds) -> None:
    """Its title, lead, body and slug are nowhere: no count, map, search file or link."""
    files = _files(builds.before.output)
    for name, data in files.items():
        assert b"geheim" not in data.lower(), name
    search_files = {name for name in files if name.startswith("search/")}
    assert {name.split("/")[1] for name in search_files} >= {"terms", "docs", "bodies"}
    bodies = b"".join(files[name] for name in search_files if name.startswith("search/bodies/"))
    assert b"binnenwerkgewoonbericht" in bodies.lower()  # the others' bodies are there


def test_after_the_embargo_its_body_is_searchable(builds: Builds) -> None:
    assert _found_by_body(builds.after, "geheim-rapport") == {SECRET}
    files = _files(builds.after.output / "search")
    bodies = b"".join(data for name, data in files.items() if name.startswith("bodies/"))
    assert b"binnenwerkgeheimrapport" in bodies.lower()


def test_the_build_names_the_story_held_back_and_succeeds(builds: Builds) -> None:
    source = builds.before.content / f"{SECRET}.md"
    lines = builds.before.log.splitlines()
    assert f"Embargo: {source}: held back under embargo until {EMBARGO}" in lines
    assert "Embargo: 1 story held back" in builds.before.log  # build_site checked exit 0
    assert "Embargo:" not in builds.after.log


def test_at_the_embargo_the_next_build_publishes_it_everywhere(builds: Builds) -> None:
    site = builds.after
    assert (site.output / SECRET / "index.html").is_file()
    assert _day_listing(site) == [PAST, SECRET, PLAIN]
    assert SECRET in _feed(site) and SECRET in _feed(site, "feeds/plaats/utrecht.atom.xml")
    assert SECRET in _sitemap(site)
    assert SECRET in _searchable(site)
    for page in ("", "2025/03/14", "rubriek/binnenland", "plaats/utrecht", PLAIN):
        assert SECRET in _links(site, page), page


def test_the_incremental_build_is_a_build_from_scratch(builds: Builds) -> None:
    assert _files(builds.after.output) == _files(builds.scratch.output)
    assert builds.untouched  # the build time alone renders no page again


def test_a_story_whose_embargo_has_passed_is_published_at_once(builds: Builds) -> None:
    site = builds.before
    assert (site.output / PAST / "index.html").is_file()
    assert PAST in _day_listing(site) and PAST in _feed(site)
    assert PAST in _sitemap(site) and PAST in _searchable(site)
    assert f"{PAST}.md" not in site.log


def test_no_list_pelican_writes_from_keeps_a_story_under_embargo() -> None:
    """Hidden stories, drafts and translations are pages too: held back alike."""
    stories = {slug: _article(slug) for slug in ("geheim-rapport", "gewoon-bericht")}
    lists = {name: list(stories.values()) for name in ARTICLE_LISTS}
    generator = SimpleNamespace(**lists)
    held = hold_back(generator, datetime.fromisoformat(BEFORE))
    until = datetime.fromisoformat(EMBARGO)
    assert held == [HeldBack("content/geheim-rapport.md", until)]  # once, for all lists
    for name in ARTICLE_LISTS:
        assert getattr(generator, name) == [stories["gewoon-bericht"]], name
    assert lists["articles"] is generator.articles  # in place: Pelican's context sees it
    assert hold_back(generator, until) == []  # from the embargo's moment on: published


def _article(slug: str) -> SimpleNamespace:
    """A stand-in for Pelican's article: the story it carries, as ``wire``."""
    story = ITEMS[slug]
    site = SiteStory(story, f"{slug}/", "", f"content/{slug}.md", "", story.date.date())
    return SimpleNamespace(wire=site)


def test_the_build_time_is_an_aware_moment() -> None:
    local = SiteSettings.of({"WIRE_BUILD_TIME": "2025-03-14T11:00:00"}).build_time
    assert local == datetime(2025, 3, 14, 11, tzinfo=ARCHIVE_ZONE)
    assert SiteSettings.of({"WIRE_BUILD_TIME": BEFORE}).build_time.utcoffset() is not None
    assert SiteSettings.of({}).build_time.tzinfo is not None  # the clock's, not compared
    with pytest.raises(SiteError, match="WIRE_BUILD_TIME"):
        SiteSettings.of({"WIRE_BUILD_TIME": "morgen"})


def test_the_import_summary_names_stories_under_embargo(tmp_path: Path) -> None:
    content = tmp_path / "content"
    summary = Summary()
    items = [ITEMS["geheim-rapport"], ITEMS["oud-embargo"], ITEMS["gewoon-bericht"]]
    integrate(items, ContentStore(content), summary, now=datetime.fromisoformat(BEFORE))
    [held] = summary.embargoed
    assert held == Embargoed(str(content / f"{SECRET}.md"), datetime.fromisoformat(EMBARGO))
    assert f"embargo: '{EMBARGO}'" in (content / f"{SECRET}.md").read_text("utf-8")
    assert summary.as_dict()["embargoed"] == [{"path": held.path, "until": EMBARGO}]
    assert describe_embargoes(summary.embargoed) == (
        f"\n  1 story under embargo:\n    {held.path}: held back until {EMBARGO}, "
        "published by the first build after"
    )
    assert describe_embargoes([]) == ""


NINJS = {
    "uri": "urn:voorbeeld:ninjs:embargo-2199",
    "type": "text",
    "version": "1",
    "versioncreated": "2025-03-14T08:00:00+01:00",
    "embargoed": "2199-03-14T10:00:00+01:00",  # ends long after any run of this test
    "headlines": [{"role": "main", "value": "Rapport onder embargo"}],
    "bodies": [{"role": "main", "contentType": "text/plain", "value": "Een rapport.\n\nMeer."}],
}


def test_the_import_command_reports_a_story_under_embargo(tmp_path: Path) -> None:
    wire, content = tmp_path / "wire", tmp_path / "content"
    wire.mkdir()
    (wire / "rapport.json").write_text(json.dumps(NINJS), "utf-8")
    text = run_cli("import", str(wire), "--content", str(content))
    assert text.returncode == 0, text.stderr
    [path] = content.rglob("*.md")  # written all the same
    assert "1 story under embargo:" in text.stdout
    assert f"{path}: held back until 2199-03-14T10:00:00+01:00" in text.stdout
    path.unlink()
    shown = run_cli("import", str(wire), "--content", str(content), "--json", "--no-cache")
    assert shown.returncode == 0, shown.stderr
    until = "2199-03-14T10:00:00+01:00"
    assert json.loads(shown.stdout)["embargoed"] == [{"path": str(path), "until": until}]
