"""Every Atom entry has an author (RFC 4287 4.1.1): its agency, else the site.

Two composed stories, one with an agency and one without, built by a real
Pelican; the feeds are read with feedparser.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import feedparser
import pytest

from generator.content.files import relative_path, render
from generator.model import DatePrecision, WireItem
from tests.local_site import build_site

pytestmark = pytest.mark.site
STORIES = {"met-bureau": "ANP", "zonder-bureau": None}


def _item(number: int, slug: str, agency: str | None) -> WireItem:
    return WireItem(
        id=f"wa-{slug}",
        title=f"Dijkwerkers {slug} aan het werk",
        summary="De dijkwerkers zijn maandag begonnen.",
        date=datetime.fromisoformat(f"2025-03-{10 + number:02d}T12:00:00+01:00"),
        date_precision=DatePrecision.EXACT,
        date_source="versioncreated",
        section="Binnenland",
        city="Zwolle",
        agency=agency,
        paragraphs=["De dijkwerkers zijn maandag begonnen."],
    )


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("feed-authors")
    for number, (slug, agency) in enumerate(STORIES.items()):
        item = _item(number, slug, agency)
        target = root / "content" / relative_path(item, slug)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(item, slug), "utf-8")
    return build_site(root / "content", root).output


@pytest.mark.parametrize(
    "feed", ["atom.xml", "rubriek/binnenland.atom.xml", "plaats/zwolle.atom.xml"]
)
def test_an_entry_is_by_its_agency_else_by_the_site(output: Path, feed: str) -> None:
    parsed = feedparser.parse((output / "feeds" / feed).read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.feed.author == "Wire-archief"
    authors = {entry.link.rstrip("/").rsplit("/", 1)[-1]: entry.author for entry in parsed.entries}
    assert authors == {"met-bureau": "ANP", "zonder-bureau": "Wire-archief"}
