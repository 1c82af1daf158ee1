"""Wire text is data, never markup: hostile headlines, sections, cities, bylines
and bodies (tests/fixtures/hostile) show as text on every page, in the feeds,
in JSON-LD and in the search files, and no page carries script of theirs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
import yaml
from lxml import html

from generator.search.reader import SearchIndex
from tests.conftest import FIXTURES, ROOT, run_cli

pytestmark = pytest.mark.site
CSP = "default-src 'self';"  # scripts, styles, fetches and workers: the site's own only


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, str]]]:
    work = tmp_path_factory.mktemp("hostile")
    content, output = work / "content", work / "output"
    assert (
        run_cli(
            "import", str(FIXTURES / "hostile"), "--content", str(content), "--no-cache"
        ).returncode
        == 0
    )
    command = [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-q"]
    subprocess.run([*command, "-s", str(ROOT / "pelicanconf.py")], check=True, cwd=ROOT)
    stories = [
        yaml.safe_load(p.read_text("utf-8").split("---\n")[1]) for p in content.rglob("*.md")
    ]
    return output, stories


def test_no_page_carries_script_or_handlers_of_the_wire(
    hostile_site: tuple[Path, list[dict[str, str]]],
) -> None:
    output, _ = hostile_site
    pages = sorted(output.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        tree = html.parse(str(path)).getroot()
        for script in tree.iter("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", path
        for element in tree.iter():
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on"), (path, element.tag, name)
                assert not value.strip().lower().startswith("javascript:"), (
                    path,
                    element.tag,
                    value,
                )
        assert not list(tree.iter("iframe", "img", "style", "b", "i", "object", "embed")), path
        assert all(svg.get("class") in ("chart", "map") for svg in tree.iter("svg")), path
        assert CSP in tree.xpath('string(//meta[@http-equiv="Content-Security-Policy"]/@content)')


def test_hostile_text_shows_as_text_everywhere(
    hostile_site: tuple[Path, list[dict[str, str]]],
) -> None:
    output, stories = hostile_site
    texts = " ".join(html.parse(str(p)).getroot().text_content() for p in output.rglob("*.html"))
    for story in stories:
        assert story["title"] in texts
        assert story["category"] in texts
        assert story.get("city", "") in texts
        if "byline" in story:
            assert story["byline"] in texts


def test_json_ld_cannot_be_closed_by_wire_text(
    hostile_site: tuple[Path, list[dict[str, str]]],
) -> None:
    output, stories = hostile_site
    titles = {story["title"] for story in stories}
    found = set()
    for path in output.rglob("index.html"):
        for script in (
            html.parse(str(path)).getroot().xpath('//script[@type="application/ld+json"]')
        ):
            assert "</script" not in script.text.lower() and "<" not in script.text
            found.add(json.loads(script.text)["headline"])
    assert found == titles


def test_feeds_and_search_files_carry_the_text(
    hostile_site: tuple[Path, list[dict[str, str]]],
) -> None:
    output, stories = hostile_site
    feed = feedparser.parse((output / "feeds" / "atom.xml").read_bytes())
    assert not feed.bozo
    assert sorted(entry.title for entry in feed.entries) == sorted(
        story["title"] for story in stories
    )
    index = SearchIndex(output / "search")
    records = [index.record(number) for number in range(index.total)]
    assert sorted(r.title for r in records) == sorted(story["title"] for story in stories)
    assert sorted(r.section for r in records) == sorted(story["category"] for story in stories)
    assert sorted(r.city for r in records) == sorted(story.get("city", "") for story in stories)
    # The body the snippets are cut from: the wire's markup, as text.
    title, _, paragraph = (FIXTURES / "hostile" / "aanval.txt").read_text("utf-8").splitlines()[:3]
    assert "<iframe" in paragraph
    bodies = {r.title: index.body(number) for number, r in enumerate(records)}
    assert bodies[title] == paragraph


def test_no_name_can_write_outside_its_folder_or_clobber_another(
    hostile_site: tuple[Path, list[dict[str, str]]],
) -> None:
    output, stories = hostile_site
    assert {"../../etc", "NUL"} <= {story["category"] for story in stories}
    assert {"../../../etc/passwd", "CON", "con"} <= {story["title"] for story in stories}
    story_pages = list(output.glob("[0-9]*/[0-9]*/[0-9]*/*/index.html"))
    assert len(story_pages) == len(stories)  # one page each: none overwrote another
    for story in stories:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*-?", story["slug"]), story["slug"]
    written = [p.resolve() for p in output.parent.rglob("*") if p.is_file()]
    assert all(
        p.is_relative_to(output.resolve()) or p.is_relative_to(output.parent / "content")
        for p in written
    )
    names = {p.name.lower() for p in output.rglob("*")} | {
        p.stem.lower() for p in output.rglob("*")
    }
    assert not names & {"con", "nul", "aux", "prn"}


@pytest.mark.parametrize(
    "text",
    [
        "..",
        "../../etc",
        "a/b\\c",
        "\x00",
        "CON",
        "nul",
        "Com1",
        "LPT9",
        "",
        "-",
        "Ünïcödé",
        "ÜNÏCÖDÉ",
    ],
)
def test_a_slug_is_always_a_plain_name(text: str) -> None:
    from generator.text.slugs import slugify

    slug = slugify(text, fallback="verhaal")
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*-?", slug)
    assert slug.rstrip("-") not in {"con", "nul", "aux", "prn", "com1", "lpt9"} or slug.endswith(
        "-"
    )
