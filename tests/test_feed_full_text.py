"""``WIRE_FEED_FULL_TEXT``: each Atom entry also carries the story's whole text.

A handful of composed stories (two sections, two cities; one whose wire text
holds markup, one content file edited by hand to hold raw HTML) built by a
real Pelican: first with the default, then with the setting on into the same
output and caches (the feeds must be written anew), then on from scratch (the
same bytes). The feeds are read with feedparser, its sanitizer off, so what
the feed says is what the test sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import feedparser
import pytest

from generator.content.files import relative_path, render
from generator.model import DatePrecision, WireItem
from tests.local_site import build_site

pytestmark = pytest.mark.site
ON = "WIRE_FEED_FULL_TEXT=true"
FEEDS = [
    "atom.xml",
    "rubriek/binnenland.atom.xml",
    "rubriek/economie.atom.xml",
    "plaats/zwolle.atom.xml",
    "plaats/rotterdam.atom.xml",
]
HOSTILE = [
    "Het bureau meldde: <script>alert('draad')</script> en verder niets.",
    'Een plaatje <img src=x onerror="alert(1)"> en **vet** & [link](javascript:alert(1)).',
]
# A content file edited by hand: Markdown with raw HTML, not escaped.
HAND_BODY = (
    "Handwerk <script>alert('hand')</script> in de tekst.\n\n"
    '<iframe src="https://example.org/"></iframe>\n\n'
    "<b>Vet</b> blijft tekst.\n"
)


def _item(number: int, slug: str, section: str, city: str, paragraphs: list[str]) -> WireItem:
    return WireItem(
        id=f"wa-{slug}",
        title=f"Bericht {slug}",
        summary=f"Samenvatting van {slug}.",
        date=datetime.fromisoformat(f"2025-03-{10 + number:02d}T12:00:00+01:00"),
        date_precision=DatePrecision.EXACT,
        date_source="versioncreated",
        section=section,
        city=city,
        agency="ANP",
        paragraphs=paragraphs,
    )


ITEMS = {
    "dijken": _item(
        0,
        "dijken",
        "Binnenland",
        "Zwolle",
        ["De dijkwerkers zijn maandag begonnen.", "Het werk duurt tot de zomer."],
    ),
    "haven": _item(
        1,
        "haven",
        "Economie",
        "Rotterdam",
        ["De haven sloeg meer containers over.", "Vooral de overslag uit Azië groeide."],
    ),
    "vijandig": _item(2, "vijandig", "Binnenland", "Zwolle", HOSTILE),
    "handwerk": _item(3, "handwerk", "Economie", "Rotterdam", ["wordt vervangen"]),
}


def _write_content(content: Path) -> None:
    for slug, item in ITEMS.items():
        target = content / relative_path(item, slug)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = render(item, slug)
        if slug == "handwerk":  # the body replaced by hand, raw HTML and all
            text = text[: text.index("wordt vervangen")] + HAND_BODY
        target.write_text(text, "utf-8")


@dataclass(frozen=True)
class Builds:
    off: dict[str, bytes]  # each feed of the default build
    on: dict[str, bytes]  # each feed after turning the setting on (same output, caches)
    fresh: dict[str, bytes]  # each feed of a build with the setting on, from scratch
    output: Path  # the output with the setting on


def _feeds(output: Path) -> dict[str, bytes]:
    return {name: (output / "feeds" / name).read_bytes() for name in FEEDS}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    root = tmp_path_factory.mktemp("feed-full-text")
    _write_content(root / "content")
    off = _feeds(build_site(root / "content", root).output)
    output = build_site(root / "content", root, ON).output
    fresh = tmp_path_factory.mktemp("feed-full-text-fresh")
    return Builds(
        off, _feeds(output), _feeds(build_site(root / "content", fresh, ON).output), output
    )


def _parse(data: bytes) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(data, sanitize_html=False)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


def _slug(entry: feedparser.FeedParserDict) -> str:
    return str(entry.link).rstrip("/").rsplit("/", 1)[-1]


def _page_body(output: Path, entry: feedparser.FeedParserDict) -> str:
    """The story page's body, as the page holds it (between its div's tags)."""
    page = (output / f"{entry.link.strip('/')}/index.html").read_text("utf-8")
    found = re.search(r'<div class="story-body">\s*(.*?)\s*</div>', page, re.DOTALL)
    assert found, entry.link
    return found.group(1)


@pytest.mark.parametrize("feed", FEEDS)
def test_off_by_default_entries_have_a_summary_only(builds: Builds, feed: str) -> None:
    parsed = _parse(builds.off[feed])
    assert parsed.entries
    for entry in parsed.entries:
        assert "content" not in entry
        assert entry.summary == f"Samenvatting van {_slug(entry)}."
    assert b"<content" not in builds.off[feed]


@pytest.mark.parametrize("feed", FEEDS)
def test_on_every_entry_has_the_story_page_body(builds: Builds, feed: str) -> None:
    parsed = _parse(builds.on[feed])
    assert parsed.entries
    for entry in parsed.entries:
        slug = _slug(entry)
        [content] = entry.content
        assert content.type == "text/html"
        assert content.value.strip() == _page_body(builds.output, entry)  # the same HTML
        if slug in ("dijken", "haven"):
            paragraphs = "\n".join(f"<p>{text}</p>" for text in ITEMS[slug].paragraphs)
            assert content.value == paragraphs
        assert entry.summary == f"Samenvatting van {slug}."  # still there


def test_turning_it_on_rewrites_every_feed_as_a_fresh_build_would(builds: Builds) -> None:
    for feed in FEEDS:
        assert builds.on[feed] != builds.off[feed], feed
        assert builds.on[feed] == builds.fresh[feed], feed


def test_markup_in_the_text_comes_out_as_text(builds: Builds) -> None:
    entries = {
        _slug(entry): entry
        for feed in ("atom.xml", "rubriek/binnenland.atom.xml", "rubriek/economie.atom.xml")
        for entry in _parse(builds.on[feed]).entries
    }
    wire = entries["vijandig"].content[0].value
    assert wire == (
        "<p>Het bureau meldde: &lt;script&gt;alert('draad')&lt;/script&gt; en verder niets.</p>\n"
        "<p>Een plaatje &lt;img src=x onerror=&quot;alert(1)&quot;&gt; en **vet** &amp; "
        "[link](javascript:alert(1)).</p>"
    )
    hand = entries["handwerk"].content[0].value
    assert "&lt;script&gt;alert('hand')&lt;/script&gt;" in hand
    assert "&lt;iframe" in hand
    assert "&lt;b&gt;Vet&lt;/b&gt;" in hand
    for value in (wire, hand):
        assert not re.search(r"<(?!/?p>)", value), value  # no element but paragraphs
    # In the XML itself the HTML is text: escaped once more, never an element.
    for feed in FEEDS:
        assert b"<script" not in builds.on[feed]
        assert b"&lt;script" not in builds.on[feed]  # as markup it would read so
