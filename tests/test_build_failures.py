"""One bad story costs one story, never the site: content files edited by hand
into something broken (front matter that is not YAML, no title, control
characters, a body of a million brackets, a 35 MB lead, a language that is no
language) are each reported by path, every other page is written, and the
build exits with status 1 after one line naming them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
import yaml
from lxml import html

from generator.site.story_file import MAX_BODY_CHARS
from tests.conftest import ROOT
from tests.local_site import readable_bytes

pytestmark = pytest.mark.site
GOOD = 6  # committed stories copied beside the bad ones
MB = 1024 * 1024


def build(
    content: Path, output: Path, *settings: str, cache: Path | None = None
) -> subprocess.CompletedProcess[str]:
    cache = cache or output.parent / f"{output.name}-cache"
    command = [sys.executable, "-m", "pelican", str(content), "-o", str(output)]
    command += ["-s", str(ROOT / "pelicanconf.py"), "-e", f'CACHE_PATH="{cache}"', *settings]
    # A wide console: Rich would otherwise wrap the log at 80 columns.
    env = {**os.environ, "COLUMNS": "1000"}
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False, env=env)


def committed_stories(count: int) -> list[Path]:
    return sorted((ROOT / "content").rglob("*.md"))[:count]


def copy_stories(content: Path, count: int) -> list[Path]:
    copies = []
    for source in committed_stories(count):
        target = content / source.relative_to(ROOT / "content")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        copies.append(target)
    return copies


def front_matter(path: Path) -> dict[str, object]:
    loaded = yaml.safe_load(path.read_text("utf-8").split("---\n")[1])
    assert isinstance(loaded, dict)
    return loaded


def variant(
    template: Path, name: str, *, body: str = "Een verzonnen bericht.\n", **fields: object
) -> Path:
    """A copy of a story beside it, with other front matter and body."""
    metadata = {**front_matter(template), "id": f"wa-test-{name}", **fields}
    metadata = {key: value for key, value in metadata.items() if value is not None}
    text = yaml.safe_dump(metadata, allow_unicode=True, sort_keys=False, width=1_000_000)
    target = template.with_name(f"{name}.md")
    target.write_text(f"---\n{text}---\n\n{body}", "utf-8")
    return target


def story_page(output: Path, story: Path, content: Path) -> Path:
    return output / story.relative_to(content).with_suffix("") / "index.html"


def last_line(text: str) -> str:
    return text.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def bad_pile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Good stories with broken ones among them, built once."""
    work = tmp_path_factory.mktemp("bad-pile")
    content, output = work / "content", work / "output"
    good = copy_stories(content, GOOD)
    template = good[0]
    built = {
        "controls": variant(
            template,
            "controls",
            title="Storing\x0bin het\x1b net",
            city="Zwo\x1blle",
            byline="Door de\x1b redactie",
            summary="Een storing\x1b legde het net plat.",
        ),
        "deep": variant(template, "deep", title="Diep geneste citaten", body=">" * 10_000 + " x\n"),
        "english": variant(template, "english", title="In English", language="en-gb"),
        "hostile-language": variant(
            template, "hostile-language", title="Vreemde taal", language='en" onclick="x'
        ),
    }
    bad = {
        "not-yaml": template.with_name("not-yaml.md"),
        "no-title": variant(template, "no-title", title=None),
        "brackets": variant(template, "brackets", body="[" * (MAX_BODY_CHARS + 1) + "\n"),
        "huge-lead": template.with_name("huge-lead.md"),
    }
    bad["not-yaml"].write_text("---\ntitle: [niet af\ndate: {\n---\n\nTekst.\n", "utf-8")
    lead = "woord " * (35 * MB // 6)
    bad["huge-lead"].write_text(
        f"---\ntitle: Lang\ndate: '2024-04-09T11:20:00+02:00'\nsummary: {lead}\n---\n\n{lead}\n",
        "utf-8",
    )
    result = build(content, output)
    return {
        "result": result,
        "content": content,
        "output": output,
        "good": good,
        "built": built,
        "bad": bad,
    }


def test_the_build_fails_with_one_line_naming_each_bad_file(bad_pile: dict[str, object]) -> None:
    result = bad_pile["result"]
    assert isinstance(result, subprocess.CompletedProcess)
    bad = bad_pile["bad"]
    assert isinstance(bad, dict)
    assert result.returncode == 1, result.stdout + result.stderr
    shown = ", ".join(str(path) for path in sorted(bad.values()))
    assert last_line(result.stderr) == f"Error: 4 stories could not be built: {shown}"
    assert "Traceback" not in result.stdout + result.stderr


def test_each_bad_file_is_reported_with_its_reason(bad_pile: dict[str, object]) -> None:
    result = bad_pile["result"]
    assert isinstance(result, subprocess.CompletedProcess)
    log = result.stdout
    bad = bad_pile["bad"]
    assert isinstance(bad, dict)
    assert f"{bad['not-yaml']}:3: expected valid YAML front matter" in log
    assert f"{bad['no-title']}: expected a 'title' in the front matter" in log
    assert f"{bad['brackets']}: expected a story body of at most 1,000,000 characters" in log
    assert f"{bad['huge-lead']}: expected a story file of at most" in log


def test_every_other_page_is_written(bad_pile: dict[str, object]) -> None:
    output, content = bad_pile["output"], bad_pile["content"]
    assert isinstance(output, Path) and isinstance(content, Path)
    good, built, bad = bad_pile["good"], bad_pile["built"], bad_pile["bad"]
    assert isinstance(good, list) and isinstance(built, dict) and isinstance(bad, dict)
    for story in [*good, *built.values()]:
        assert story_page(output, story, content).is_file(), story
    for story in bad.values():
        assert not story_page(output, story, content).exists(), story
    for listing in ("index.html", "kalender/index.html", "plaats/index.html", "feeds/atom.xml"):
        assert (output / listing).is_file(), listing
    feed = feedparser.parse((output / "feeds" / "atom.xml").read_bytes())
    assert not feed.bozo
    assert len(feed.entries) == len(good) + len(built)


def test_control_characters_reach_no_page_or_feed(bad_pile: dict[str, object]) -> None:
    output = bad_pile["output"]
    assert isinstance(output, Path)
    written = [path for path in output.rglob("*") if path.is_file() and path.suffix != ".png"]
    for path in written:
        data = readable_bytes(path)
        assert b"\x0b" not in data and b"\x1b" not in data, path
    feed = feedparser.parse((output / "feeds" / "atom.xml").read_bytes())
    assert "Storing in het net" in {entry.title for entry in feed.entries}
    assert (output / "feeds" / "plaats" / "zwolle.atom.xml").is_file()


def test_no_page_grows_past_a_few_megabytes(bad_pile: dict[str, object]) -> None:
    output, content, built = bad_pile["output"], bad_pile["content"], bad_pile["built"]
    assert isinstance(output, Path) and isinstance(content, Path) and isinstance(built, dict)
    sizes = {path: path.stat().st_size for path in output.rglob("*") if path.is_file()}
    assert max(sizes.values()) < 1 * MB
    assert sum(sizes.values()) < 5 * MB
    # 10,000 nested quotes: markdown-it stops nesting at its limit.
    assert story_page(output, built["deep"], content).stat().st_size < 50_000


def test_only_a_well_formed_language_tag_becomes_lang(bad_pile: dict[str, object]) -> None:
    output, content, built = bad_pile["output"], bad_pile["content"], bad_pile["built"]
    assert isinstance(output, Path) and isinstance(content, Path) and isinstance(built, dict)
    english = html.parse(str(story_page(output, built["english"], content))).getroot()
    assert english.xpath("//article/@lang") == ["en-GB"]
    hostile_page = story_page(output, built["hostile-language"], content)
    hostile = html.parse(str(hostile_page)).getroot()
    assert hostile.xpath("//article/@lang") == []
    assert hostile.xpath("//article/@onclick") == []
    assert "onclick" not in hostile_page.read_text("utf-8")


def test_a_story_that_cannot_be_rendered_costs_that_story_only(tmp_path: Path) -> None:
    """Many stories (pages rendered and files read by worker processes), one
    whose page the theme cannot render and one that cannot be read."""
    from benchmarks.synthetic import write_content

    content, output = tmp_path / "content", tmp_path / "output"
    write_content(content, 420)
    stories = sorted(content.rglob("*.md"))
    unrenderable, unreadable = stories[10], stories[20]
    text = unrenderable.read_text("utf-8")
    title = front_matter(unrenderable)["title"]
    unrenderable.write_text(text.replace(f"title: {title}", "title: Onleesbaar bericht", 1))
    unreadable.write_text("---\nniet: [af\n---\n\nTekst.\n", "utf-8")
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "themes" / "wire", theme)
    article = theme / "templates" / "article.html"
    broken = '{% if article.title == "Onleesbaar bericht" %}{{ 1 // 0 }}{% endif %}'
    article.write_text(
        article.read_text("utf-8").replace("{% block content %}", "{% block content %}" + broken)
    )

    result = build(content, output, "-e", f'THEME="{theme}"', "WIRE_BUILD_JOBS=2")

    assert result.returncode == 1, result.stdout + result.stderr
    shown = ", ".join(str(path) for path in sorted([unrenderable, unreadable]))
    assert last_line(result.stderr) == f"Error: 2 stories could not be built: {shown}"
    assert f"{unrenderable}: could not be rendered: ZeroDivisionError" in result.stdout
    pages = {story: story_page(output, story, content) for story in stories}
    assert [story for story, page in pages.items() if not page.is_file()] == sorted(
        [unrenderable, unreadable]
    )
    assert (output / "index.html").is_file() and (output / "sitemap.xml").is_file()


def test_a_clean_build_exits_zero_and_says_nothing_of_errors(tmp_path: Path) -> None:
    content, output = tmp_path / "content", tmp_path / "output"
    copy_stories(content, GOOD)
    result = build(content, output)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Error" not in result.stdout + result.stderr
