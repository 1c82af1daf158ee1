"""The reader's archive: calendar, places with maps, story neighbours and
metadata, feeds per section and city, sitemaps, and a site that works under
a GitHub Pages sub-path. Checked with lxml, feedparser and json on real builds."""

from __future__ import annotations

import filecmp
import gzip
import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import feedparser
import pytest
from lxml import etree, html

from generator.search.reader import SearchIndex
from tests.conftest import ROOT
from tests.local_site import serve
from tests.test_site import items, local_day, page

pytestmark = pytest.mark.site


def test_the_calendar_lists_years_and_months_with_counts(built_site: Path) -> None:
    calendar = page(built_site, "kalender")
    years = [a.text_content() for a in calendar.cssselect("h2 a")]
    assert years == sorted({i["date"][:4] for i in items()})
    march = page(built_site, "2025/03")
    days = {local_day(i) for i in items() if local_day(i).startswith("2025/03")}
    listed = [a.get("href") for a in march.cssselect("ul.days a")]
    assert sorted(urlsplit(h).path.rstrip("/").split("/")[-1] for h in listed) == sorted(
        d[-2:] for d in days
    )
    bars = march.cssselect("svg.chart a")
    assert sorted(a.get("href") for a in bars) == sorted(f"{d[-2:]}/" for d in days)
    assert len(march.cssselect("svg.chart rect")) == 31  # one bar for every day of March
    year = page(built_site, "2025")
    counts = {
        a.text_content(): int(a.getnext().text_content()) for a in year.cssselect("ul.months a")
    }
    assert counts == {
        "maart": sum(1 for i in items() if local_day(i).startswith("2025/03")),
        "april": sum(1 for i in items() if local_day(i).startswith("2025/04")),
    }


def test_the_places_index_is_alphabetical_in_dutch_and_has_maps(built_site: Path) -> None:
    index = page(built_site, "plaats")
    letters = [h.text_content() for h in index.cssselect("h2.letter")]
    assert letters == sorted(letters)
    under_h = [a.text_content() for a in index.xpath("//h2[.='H']/following-sibling::ul[1]//a")]
    under_i = [a.text_content() for a in index.xpath("//h2[.='I']/following-sibling::ul[1]//a")]
    assert "'s-Hertogenbosch" in under_h and "IJmuiden" in under_i
    dots = {a.get("href"): a.find(".//{*}title").text for a in index.cssselect("svg.map a")}
    cities = {i["city"] for i in items() if "place" in i}
    assert len(dots) == len(cities)
    assert dots["den-haag/"].startswith("Den Haag: ")
    assert len(index.cssselect("svg.map")) == 2  # the Netherlands, and the rest of the world


def test_a_story_links_to_its_neighbours_and_related_stories(built_site: Path) -> None:
    day = page(built_site, "2025/03/29")
    stories = [a.get("href") for a in day.cssselect("ol.stories a.story-title")]
    middle = page(built_site, urlsplit(urljoin("2025/03/29/", stories[1])).path.strip("/"))
    previous = middle.cssselect('nav.neighbours a[rel="prev"]')[0].get("href")
    following = middle.cssselect('nav.neighbours a[rel="next"]')[0].get("href")
    assert previous.rstrip("/").split("/")[-1] == stories[0].rstrip("/").split("/")[-1]
    assert following.rstrip("/").split("/")[-1] == stories[2].rstrip("/").split("/")[-1]
    for item in items():
        story = page(built_site, f"{local_day(item)}/{item['slug']}")
        related = story.cssselect("ul.related a")
        assert len(related) <= 3
        assert all(item["slug"] not in a.get("href") for a in related)


def test_a_story_carries_news_article_json_ld_and_open_graph(built_site: Path) -> None:
    for item in items():
        story = page(built_site, f"{local_day(item)}/{item['slug']}")
        [script] = story.xpath('//script[@type="application/ld+json"]')
        data = json.loads(script.text)
        assert data["@type"] == "NewsArticle" and data["headline"] == item["title"]
        assert data.get("datePublished") == AS_KNOWN[item["date_precision"]](item["date"])
        author = item.get("agency") or "Wire-archief"
        assert data["author"] == {"@type": "Organization", "name": author}
        og = {m.get("property"): m.get("content") for m in story.xpath("//meta[@property]")}
        assert "og:title" not in og  # a local build has no address: OpenGraph needs one
    precisions = {item["date_precision"] for item in items()}
    assert {"captured", "day", "hour", "minute"} <= precisions  # each rule is seen


# The date as precise as the source gave it (``templating.published``).
AS_KNOWN: dict[str, Callable[[str], str | None]] = {
    "exact": lambda iso: iso,
    "minute": lambda iso: datetime.fromisoformat(iso).isoformat(timespec="minutes"),
    "hour": lambda iso: local_day({"date": iso}).replace("/", "-"),
    "day": lambda iso: local_day({"date": iso}).replace("/", "-"),
    "captured": lambda iso: None,
}


def test_every_section_and_city_has_a_feed(built_site: Path) -> None:
    feeds = sorted((built_site / "feeds").rglob("*.atom.xml"))
    sections = {i["category"] for i in items()}
    cities = {i["city"] for i in items() if "city" in i}
    assert len(feeds) == len(sections) + len(cities)
    for path in feeds:
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, path
        assert feed.entries
    den_haag = feedparser.parse(
        (built_site / "feeds" / "plaats" / "den-haag.atom.xml").read_bytes()
    )
    assert len(den_haag.entries) == sum(1 for i in items() if i.get("city") == "Den Haag")


def test_the_sitemap_lists_every_story_once(built_site: Path) -> None:
    index = etree.parse(str(built_site / "sitemap.xml")).getroot()
    parts = [loc.text for loc in index.iter("{*}loc")]
    urls: list[str] = []
    for part in parts:
        assert part.endswith(".xml.gz")  # the sitemap protocol allows gzipped parts
        data = gzip.decompress((built_site / urlsplit(part).path.lstrip("/")).read_bytes())
        tree = etree.fromstring(data)
        urls += [loc.text for loc in tree.iter("{*}loc")]
    assert len(urls) == len(set(urls))
    for item in items():
        assert f"/{local_day(item)}/{item['slug']}/" in urls
    # No address, no Sitemap line: robots.txt names it only by an absolute URL.
    assert (built_site / "robots.txt").read_text("utf-8") == "User-agent: *\nAllow: /\n"
    assert html.parse(str(built_site / "404.html")).getroot().get("lang") == "nl"


def test_home_shows_this_date_in_earlier_years(built_site: Path) -> None:
    home = page(built_site, "")
    section = home.xpath('//section[@aria-labelledby="op-deze-dag"]')
    assert section, "the sample holds stories from the same date a year earlier"
    newest = max(local_day(i) for i in items())
    earlier = [
        i["title"] for i in items() if local_day(i)[4:] == newest[4:] and local_day(i) < newest
    ]
    assert sorted(a.text_content() for a in section[0].cssselect("li a")) == sorted(earlier)


def _build(output: Path, settings: str, siteurl: str = "") -> None:
    env = {"SITEURL": siteurl} if siteurl else {}
    command = [sys.executable, "-m", "pelican", str(ROOT / "content"), "-o", str(output)]
    command += ["-s", str(ROOT / settings), "-q"]
    subprocess.run(command, check=True, cwd=ROOT, env={**os.environ, **env})


def test_building_twice_gives_byte_identical_output(built_site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    _build(again, "pelicanconf.py")
    first = sorted(p.relative_to(built_site) for p in built_site.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert first == second
    _, mismatch, errors = filecmp.cmpfiles(
        built_site, again, [str(p) for p in first], shallow=False
    )
    assert (mismatch, errors) == ([], [])


def test_every_link_resolves_under_a_sub_path(tmp_path: Path) -> None:
    root = tmp_path / "pages"
    root.mkdir()
    with serve(root) as host:
        base = f"{host}/archief"
        _build(root / "archief", "publishconf.py", siteurl=base)
        seen: set[str] = set()
        queue = [f"{base}/", f"{base}/404.html"]
        broken = []
        while queue:
            url = queue.pop()
            if url in seen:
                continue
            seen.add(url)
            try:
                with urlopen(url) as response:
                    body = response.read()
                    kind = response.headers.get_content_type()
            except HTTPError as error:
                broken.append(f"{url}: {error.code}")
                continue
            if kind != "text/html":
                continue
            canonical = html.fromstring(body).xpath('//link[@rel="canonical"]/@href')
            if "/404.html" not in url and b'content="noindex"' not in body:  # not an alias
                assert canonical == [url], f"{url}: canonical {canonical}"  # itself, absolute
            for _, _, link, _ in html.fromstring(body).iterlinks():
                target = urljoin(url, link).split("#")[0]
                if target.startswith(host):
                    assert target.startswith(base), f"{url} links outside the sub-path: {link}"
                    queue.append(target)
        assert broken == []
        assert len(seen) > len(items()) * 2  # stories, listings, feeds, scripts, styles


def _stamps(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder``: (inode, mtime): a file written again changes both."""
    return {
        path.relative_to(folder).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    }


def _hashes(joined: str) -> list[str]:
    return [joined[start : start + 10] for start in range(0, len(joined), 10)]


def test_a_rebuild_keeps_the_search_files_whose_content_did_not_change(tmp_path: Path) -> None:
    import shutil

    content, again, fresh = tmp_path / "content", tmp_path / "again", tmp_path / "fresh"
    shutil.copytree(ROOT / "content", content)

    def build(output: Path) -> None:
        command = [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-q"]
        subprocess.run([*command, "-s", str(ROOT / "pelicanconf.py")], check=True, cwd=ROOT)

    folder = again / "search"
    build(again)
    first = json.loads((folder / "manifest.json").read_text("utf-8"))
    stamps = _stamps(folder)
    build(again)
    assert _stamps(folder) == stamps  # the same stories: not a file written again
    # A story a minute newer than one of 20 March: stories are numbered newest
    # first, so the stories after it move up one number, and the record and body
    # files from its own on change; those before it stay as they were.
    story = content / "2025/03/20/zeldzaam-schetsboek-van-amsterdamse-grachtentekenaar.md"
    text = story.read_text("utf-8")
    for old, new in (
        ("id: wa-", "id: wa-f"),
        ("title: ", "title: Nog een keer "),
        ("slug: zeldzaam-schetsboek-van-amsterdamse-grachtentekenaar", "slug: nog-een-keer"),
        ("date: '2025-03-20T11:15:00+01:00'", "date: '2025-03-20T11:16:00+01:00'"),
    ):
        assert old in text
        text = text.replace(old, new, 1)
    (story.parent / "nog-een-keer.md").write_text(text, "utf-8")
    stale = [folder / "2025-03.0123456789.json", folder / "docs" / "0123456789.json"]
    for path in stale:  # a month shard of an older build, a file no manifest names
        path.write_text("[]", "utf-8")
    build(again)
    build(fresh)
    index = SearchIndex(folder)
    [added] = [n for n in range(index.total) if index.record(n).url.endswith("/nog-een-keer/")]
    size = index.manifest["docs"]["size"]
    assert index.total == first["total"] + 1 and added >= size  # files before it: unchanged
    after = _stamps(folder)
    for kind, folder_name in (("files", "docs"), ("bodies", "bodies")):
        old_files = _hashes(first["docs"][kind])
        new_files = _hashes(index.manifest["docs"][kind])
        for position, digest in enumerate(new_files):
            name = f"{folder_name}/{digest}.json.gz"
            if position < added // size:  # its stories kept their numbers: the file stayed
                assert digest == old_files[position] and after[name] == stamps[name], name
            else:  # its stories moved (or it gained one): a new file
                assert digest not in old_files and name not in stamps, name
        assert not any(f"{folder_name}/{d}.json.gz" in after for d in old_files[added // size :])
    for kind in ("facets", "words"):  # one file each for every story: a new one
        assert index.manifest[kind] != first[kind]
        assert f"{kind}/{first[kind]}.json.gz" not in after
    # Whatever file a rebuild names as it was named before kept its content: untouched.
    common = (after.keys() & stamps.keys()) - {"manifest.json"}
    assert common and all(after[name] == stamps[name] for name in common)
    assert after["manifest.json"] != stamps["manifest.json"]
    assert all(not path.exists() for path in stale)
    assert after.keys() == _stamps(fresh / "search").keys()  # the stale files are gone
    names = sorted(after)
    _, mismatch, errors = filecmp.cmpfiles(fresh / "search", folder, names, shallow=False)
    assert (mismatch, errors) == ([], [])
