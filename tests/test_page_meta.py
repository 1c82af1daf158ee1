"""Each page describes itself: one meta description, its own on every listing.

Crawlers show a page's description under its title; a listing that repeats
the site's subtitle tells the reader nothing. Every page of the built sample
has exactly one description; the day, month, year, section, place, calendar,
index and search pages each have their own (a later page of a paginated
listing says which page it is).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from lxml import html

pytestmark = pytest.mark.site


def descriptions(site: Path) -> dict[str, str]:
    found = {}
    for path in sorted(site.rglob("*.html")):
        values = html.parse(str(path)).getroot().xpath('//meta[@name="description"]/@content')
        assert len(values) <= 1, path
        if values:
            found[path.relative_to(site).as_posix()] = str(values[0])
    return found


def test_every_indexed_page_has_one_description(built_site: Path) -> None:
    pages = {
        path.relative_to(built_site).as_posix()
        for path in built_site.rglob("*.html")
        if b'name="robots" content="noindex"' not in path.read_bytes()
    }
    assert pages - set(descriptions(built_site)) == set()


def test_no_two_listing_pages_share_a_description(built_site: Path) -> None:
    found = descriptions(built_site)
    listings = {path: text for path, text in found.items() if not _is_story(path)}
    assert len(listings) > 30
    shared = [text for text, count in Counter(listings.values()).items() if count > 1]
    assert shared == []
    assert found["index.html"] != found["kalender/index.html"]
    assert "maart 2025" in found["2025/03/index.html"]


def _is_story(path: str) -> bool:
    parts = path.split("/")
    return len(parts) == 5 and parts[0].isdigit()  # 2025/03/14/slug/index.html
