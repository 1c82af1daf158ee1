"""One real Pelican build of the committed sample, checked with an HTML parser
and a feed parser: dated URLs, day/city/section pages, feed, search files."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

import feedparser
import pytest
import yaml
from lxml import html

from generator.search.index_files import unpack
from generator.search.query import search
from generator.search.reader import SearchIndex
from generator.text.slugs import slugify
from tests.conftest import ROOT, run_cli

pytestmark = pytest.mark.site
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def item_paths() -> list[Path]:
    return sorted((ROOT / "content").rglob("*.md"))


def items() -> list[dict[str, str]]:
    return [yaml.safe_load(p.read_text("utf-8").split("---\n")[1]) for p in item_paths()]


def local_day(item: dict[str, str]) -> str:
    return datetime.fromisoformat(item["date"]).astimezone(AMSTERDAM).strftime("%Y/%m/%d")


def page(site: Path, url: str) -> html.HtmlElement:
    return html.parse(str(site / url / "index.html")).getroot()


def story_titles(tree: html.HtmlElement) -> list[str]:
    """The headlines a listing links, in order (a one-line entry's link is the title)."""
    return [a.text_content() for a in tree.cssselect("ol.stories .story-title a, a.story-title")]


def test_every_story_has_a_dated_url(built_site: Path) -> None:
    for item in items():
        path = built_site / local_day(item) / item["slug"] / "index.html"
        assert path.is_file(), path
        tree = html.parse(str(path)).getroot()
        assert tree.get("lang") == "nl"
        assert tree.cssselect("h1")[0].text_content() == item["title"]
        assert tree.cssselect("article time")[0].get("datetime") == item["date"]


def test_a_day_page_lists_every_story_of_that_day_once(built_site: Path) -> None:
    """(By section, each in time order: ``test_reader_navigation``.)"""
    by_day: dict[str, list[dict[str, str]]] = defaultdict(list)
    for item in items():
        by_day[local_day(item)].append(item)
    for day, day_items in by_day.items():
        expected = [i["title"] for i in day_items]
        assert sorted(story_titles(page(built_site, day))) == sorted(expected)


def year_titles(site: Path, url: str) -> list[str]:
    """The stories a section's or city's year pages list, all pages, in order."""
    titles = []
    for year_page in sorted((site / url).glob("[0-9][0-9][0-9][0-9]")):
        pages = [year_page, *sorted((year_page / "pagina").glob("*"), key=lambda p: int(p.name))]
        for listing in pages:
            titles += story_titles(html.parse(str(listing / "index.html")).getroot())
    return titles


def test_a_city_page_lists_its_items(built_site: Path) -> None:
    by_city: dict[str, list[dict[str, str]]] = defaultdict(list)
    for item in items():
        if "city" in item:
            by_city[item["city"]].append(item)
    for city, found in by_city.items():
        tree = page(built_site, f"plaats/{slugify(city)}")
        assert tree.cssselect("h1")[0].text_content() == city
        oldest_first = sorted(found, key=lambda i: (datetime.fromisoformat(i["date"]), i["slug"]))
        assert year_titles(built_site, f"plaats/{slugify(city)}") == [
            i["title"] for i in oldest_first
        ]
    index = page(built_site, "plaats")
    names = [a.text_content() for a in index.cssselect(".group-index a")]
    assert sorted(names) == sorted(by_city)
    assert names.index("'s-Hertogenbosch") > names.index("Groningen")  # Dutch order: under H


def test_a_section_page_lists_its_items(built_site: Path) -> None:
    by_section: dict[str, set[str]] = defaultdict(set)
    for item in items():
        by_section[item["category"]].add(item["title"])
    for section, titles in by_section.items():
        assert set(year_titles(built_site, f"rubriek/{slugify(section)}")) == titles


def test_home_shows_the_newest_items(built_site: Path) -> None:
    newest = sorted(items(), key=lambda i: datetime.fromisoformat(i["date"]), reverse=True)[:30]
    assert story_titles(page(built_site, "")) == [i["title"] for i in newest]


def test_dates_are_dutch_and_say_their_precision(built_site: Path) -> None:
    text = page(built_site, "").text_content()
    assert re.search(r"\d{1,2} (maart|april) 2025, uiterlijk \d\d:\d\d", text)
    assert re.search(r"\d{1,2} (maart|april) 2025, ca\. \d\d:\d\d", text)
    assert not re.search(r"\b(March|April|Monday|Sunday)\b", text)


def test_pelicans_own_archives_are_not_written(built_site: Path) -> None:
    for name in ("category", "tag", "author", "archives.html", "categories.html", "tags.html"):
        assert not (built_site / name).exists()


def test_the_feed_parses_and_links_to_stories(built_site: Path) -> None:
    feed = feedparser.parse((built_site / "feeds" / "atom.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == "nl"
    assert len(feed.entries) == min(50, len(items()))
    published = [entry.published_parsed for entry in feed.entries]
    assert published == sorted(published, reverse=True)
    for entry in feed.entries:
        assert (built_site / urlsplit(entry.link).path.lstrip("/") / "index.html").is_file()
        assert entry.id.startswith("tag:wire-archive,")


def test_every_feed_and_entry_has_an_author(built_site: Path) -> None:
    """RFC 4287 4.1.1: the agency, else the site (``test_place_identity`` builds a
    story without one); the site for the feed itself."""
    agencies = {i["slug"]: i.get("agency") for i in items()}
    feeds = sorted((built_site / "feeds").rglob("*.atom.xml"))
    assert len(feeds) > 10
    for path in feeds:
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo and feed.feed.author == "Wire-archief", path
        for entry in feed.entries:
            slug = urlsplit(entry.link).path.rstrip("/").rsplit("/", 1)[-1]
            assert entry.author == (agencies[slug] or "Wire-archief"), (path, slug)
    assert any(agencies.values())


def test_wire_text_with_markup_characters_shows_as_text(built_site: Path) -> None:
    hits = [i for i in items() if "<" in i["summary"] or ">" in i["summary"]]
    assert hits, "the sample should hold wire text with < or >"
    for item in hits:
        tree = html.parse(str(built_site / local_day(item) / item["slug"] / "index.html")).getroot()
        assert item["summary"] in tree.cssselect(".story-body")[0].text_content()


def test_every_internal_link_resolves(built_site: Path) -> None:
    # 404.html links from the site's root: it is served for any missing path
    # (checked over HTTP under a sub-path in test_site_archive.py).
    pages = sorted(p for p in built_site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > len(items())
    for path in pages:
        tree = html.parse(str(path)).getroot()
        for element, attribute, link, _ in tree.iterlinks():
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith("#"):
                continue
            target = (path.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), (
                f"{path.relative_to(built_site)}: <{element.tag} {attribute}={link!r}>"
            )


HASH = 10  # hex digits of a search file's content hash in its name


def named_search_files(manifest: dict[str, Any]) -> list[str]:
    """Every file the search manifest names (besides itself), by the layout
    written down in docs/search.md: hashes only, ``HASH`` digits each."""

    def hashes(joined: str) -> list[str]:
        assert len(joined) % HASH == 0, joined
        return [joined[start : start + HASH] for start in range(0, len(joined), HASH)]

    return [
        *(f"terms/{digest}.json.gz" for digest in hashes(manifest["terms"]["files"])),
        *(f"docs/{digest}.json.gz" for digest in hashes(manifest["docs"]["files"])),
        *(f"bodies/{digest}.json.gz" for digest in hashes(manifest["docs"]["bodies"])),
        f"facets/{manifest['facets']}.json.gz",
        f"words/{manifest['words']}.json.gz",
    ]


def search_files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def body(item_path: Path) -> str:
    """A content file's text after its front matter."""
    return item_path.read_text("utf-8").split("\n---\n", 1)[1]


def test_the_search_files_are_an_index_split_by_term_with_a_manifest(built_site: Path) -> None:
    folder = built_site / "search"
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    index = SearchIndex(folder)
    assert manifest["format"] == 5 and index.total == manifest["total"] == len(items())
    named = named_search_files(manifest)
    assert search_files(folder) == {"manifest.json", *named}  # every file named, nothing else
    for name in named:
        text = gzip.decompress((folder / name).read_bytes())
        assert name.split("/")[1] == f"{hashlib.sha256(text).hexdigest()[:HASH]}.json.gz"
    size = manifest["docs"]["size"]
    for kind in ("docs", "bodies"):
        rows = [unpack((folder / n).read_bytes()) for n in named if n.startswith(kind)]
        assert [len(part) for part in rows[:-1]] == [size] * (len(rows) - 1), kind
        assert sum(map(len, rows)) == len(items()), kind
    records = [index.record(number) for number in range(index.total)]
    assert sorted(r.url for r in records) == sorted(f"{local_day(i)}/{i['slug']}/" for i in items())
    moments = [datetime.fromisoformat(r.date) for r in records]
    assert moments == sorted(moments, reverse=True)  # numbered newest first
    # Each local day, newest first, with the number of its first story.
    local_days = [local_day(i).replace("/", "-") for i in items()]
    assert [day for day, _ in manifest["days"]] == sorted(set(local_days), reverse=True)
    firsts = [first for _, first in manifest["days"]]
    assert firsts[0] == 0 and firsts == sorted(set(firsts)) and firsts[-1] < index.total
    ends = [*firsts[1:], index.total]
    for (day, first), end in zip(manifest["days"], ends, strict=True):
        assert {records[number].day for number in range(first, end)} == {day}
    assert Counter(r.day for r in records) == Counter(local_days)
    assert manifest["sections"] == Counter(i["category"] for i in items())
    assert manifest["cities"] == Counter(i["city"] for i in items() if "city" in i)
    hits = search(index, "IJmuiden").hits
    found = [index.record(hit.number) for hit in hits]
    assert {r.url for r in found} == {
        f"{local_day(i)}/{i['slug']}/"
        for i, path in zip(items(), item_paths(), strict=True)
        if "IJmuiden" in f"{i['title']} {i['summary']} {i.get('city', '')} {body(path)}"
    }
    assert found and all("IJmuiden" in f"{r.title} {r.lead} {r.city}" for r in found)
    for name in ("lunr.min.js", "lunr.stemmer.support.min.js", "lunr.nl.min.js"):
        assert (built_site / "vendor" / name).stat().st_size > 1000


BODY_WORD = "scheepskist"  # in one story of the sample, only in its body


def test_a_word_only_in_a_body_is_found_and_shown_in_its_snippet(built_site: Path) -> None:
    holding = [
        (item, path)
        for item, path in zip(items(), item_paths(), strict=True)
        if BODY_WORD in body(path).lower()
    ]
    assert len(holding) == 1
    item, path = holding[0]
    assert not any(BODY_WORD in f"{i['title']} {i['summary']}".lower() for i in items())
    index = SearchIndex(built_site / "search")
    results = search(index, BODY_WORD)
    assert [index.record(hit.number).url for hit in results.hits] == [
        f"{local_day(item)}/{item['slug']}/"
    ]
    assert not results.partial and not results.corrected
    assert BODY_WORD in index.body(results.hits[0].number)  # the body the snippet is cut from
    sentences = [s for line in body(path).splitlines() for s in re.split(r"(?<=[.!?]) +", line)]
    [sentence] = [s for s in sentences if BODY_WORD in s]
    shown = run_cli("search", BODY_WORD.capitalize(), "--site", str(built_site))
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[1] == f"  {item['title']}" and lines[3] == f"  {local_day(item)}/{item['slug']}/"
    assert sentence in lines[2]  # the body's sentence
    assert item["summary"] not in lines[2]  # not the lead
    answer = run_cli("search", BODY_WORD, "--site", str(built_site), "--json")
    assert answer.returncode == 0, answer.stderr
    [hit] = json.loads(answer.stdout)["hits"]
    assert hit["url"] == f"{local_day(item)}/{item['slug']}/"
    assert hit["snippet"] == lines[2].strip()


def test_a_story_keeps_its_url_when_its_date_moves(tmp_path: Path) -> None:
    """The URL comes from the file's place, which the converter never changes."""
    story = next((ROOT / "content").rglob("*.md"))
    moved = tmp_path / "content" / "2025" / "05" / "01" / "vaste-plek.md"
    moved.parent.mkdir(parents=True)
    moved.write_text(story.read_text("utf-8"), "utf-8")
    output = tmp_path / "output"
    command = [sys.executable, "-m", "pelican", str(tmp_path / "content"), "-o", str(output)]
    subprocess.run([*command, "-s", str(ROOT / "pelicanconf.py"), "-q"], check=True, cwd=ROOT)
    assert (output / "2025" / "05" / "01" / "vaste-plek" / "index.html").is_file()


def test_an_updated_story_says_when(built_site: Path) -> None:
    updated = [item for item in items() if "modified" in item]
    assert updated, "the sample holds an updated story"
    for item in updated:
        tree = html.parse(str(built_site / local_day(item) / item["slug"] / "index.html")).getroot()
        times = [t.get("datetime") for t in tree.cssselect("article header time")]
        assert times == [item["date"], item["modified"]]
        assert "Bijgewerkt:" in tree.cssselect("article header")[0].text_content()
