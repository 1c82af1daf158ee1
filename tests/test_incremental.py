"""Incremental builds: after new stories, edits, removals or a theme change, a
rebuild leaves output/ byte for byte as a build from scratch would, and
renders (and touches) only the pages that changed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html

from benchmarks.synthetic import PER_DAY, write_content
from tests.conftest import ROOT

pytestmark = pytest.mark.site
DAYS = 4


def build(content: Path, output: Path, cache: Path, *settings: str) -> str:
    command = [sys.executable, "-m", "pelican", str(content), "-o", str(output)]
    command += ["-s", str(ROOT / "pelicanconf.py"), "-e", f'CACHE_PATH="{cache}"', *settings]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def assert_same_tree(built: Path, expected: Path) -> None:
    got, want = tree(built), tree(expected)
    assert sorted(got) == sorted(want)
    assert [name for name in want if got[name] != want[name]] == []


def mtimes(folder: Path) -> dict[str, int]:
    return {
        path.relative_to(folder).as_posix(): path.stat().st_mtime_ns
        for path in folder.rglob("*")
        if path.is_file()
    }


@pytest.fixture(scope="module")
def days(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Four days of synthetic stories, a folder each (content/YYYY/MM/DD/)."""
    staging = tmp_path_factory.mktemp("staging")
    write_content(staging, DAYS * PER_DAY)
    found = sorted(path for path in staging.glob("*/*/*") if path.is_dir())
    assert len(found) == DAYS
    return found


def copy_days(days: list[Path], content: Path) -> None:
    for day in days:
        shutil.copytree(day, content / day.relative_to(day.parents[2]), dirs_exist_ok=True)


def test_a_day_of_new_stories_gives_the_bytes_of_a_full_build(
    days: list[Path], tmp_path: Path
) -> None:
    content, output, cache = tmp_path / "content", tmp_path / "output", tmp_path / "cache"
    copy_days(days[:-1], content)
    build(content, output, cache)
    before = mtimes(output)
    copy_days(days[-1:], content)
    log = build(content, output, cache, "--verbose")
    fresh = tmp_path / "fresh"
    build(content, fresh, tmp_path / "fresh-cache")
    assert_same_tree(output, fresh)
    after = mtimes(output)
    untouched = [name for name, stamp in before.items() if after.get(name) == stamp]
    # The first day's story pages link only within their day and city, and
    # their neighbours did not change: those are left alone.
    first_day = days[0].relative_to(days[0].parents[2]).as_posix()
    first_day_pages = [name for name in before if name.startswith(first_day + "/")]
    assert len(first_day_pages) > PER_DAY // 2
    assert len(set(first_day_pages) - set(untouched)) < len(first_day_pages) // 2
    assert len(untouched) > len(before) // 2
    rendered = int(log.split(" pages rendered")[0].rsplit(" ", 1)[-1])
    assert 0 < rendered < len(after) // 2


def test_edited_and_removed_stories_give_the_bytes_of_a_full_build(
    days: list[Path], tmp_path: Path
) -> None:
    content, output, cache = tmp_path / "content", tmp_path / "output", tmp_path / "cache"
    copy_days(days, content)
    build(content, output, cache)
    stories = sorted(content.rglob("*.md"))
    edited, removed = stories[10], stories[200]
    text = edited.read_text("utf-8").replace("title: ", "title: Bijgewerkt ", 1)
    edited.write_text(text, "utf-8")
    removed.unlink()
    build(content, output, cache)
    fresh = tmp_path / "fresh"
    build(content, fresh, tmp_path / "fresh-cache")
    assert_same_tree(output, fresh)
    gone = removed.relative_to(content).with_suffix("").as_posix() + "/index.html"
    assert not (output / gone).exists()


def test_a_theme_change_rebuilds_every_page(days: list[Path], tmp_path: Path) -> None:
    content, output, cache = tmp_path / "content", tmp_path / "output", tmp_path / "cache"
    copy_days(days[:1], content)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "themes" / "wire", theme)
    build(content, output, cache, "-t", str(theme))
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text("utf-8").replace("</footer>", "<p>nieuw</p></footer>"))
    build(content, output, cache, "-t", str(theme))
    pages = [path for path in output.rglob("*.html") if path.name != "404.html"]
    assert pages and all("<p>nieuw</p>" in path.read_text("utf-8") for path in pages)
    fresh = tmp_path / "fresh"
    build(content, fresh, tmp_path / "fresh-cache", "-t", str(theme))
    assert_same_tree(output, fresh)


def test_a_rebuild_with_nothing_changed_renders_nothing(days: list[Path], tmp_path: Path) -> None:
    content, output, cache = tmp_path / "content", tmp_path / "output", tmp_path / "cache"
    copy_days(days[:1], content)
    build(content, output, cache)
    before = mtimes(output)
    log = build(content, output, cache, "--verbose")
    assert " 0 pages rendered" in log
    assert mtimes(output) == before
    record = next(cache.glob("wire-build-*.json"))
    assert json.loads(record.read_text("utf-8"))["output"] == str(output)


def test_long_listings_are_paginated_page_by_page(days: list[Path], tmp_path: Path) -> None:
    content, output, cache = tmp_path / "content", tmp_path / "output", tmp_path / "cache"
    copy_days(days, content)
    build(content, output, cache)
    second = sorted(output.glob("plaats/*/2023/pagina/2/index.html"))
    assert second, "a city with more than 50 stories in a year gets a second page"
    page = html.parse(str(second[0])).getroot()
    assert "Pagina 2 van" in page.cssselect("nav.pager span")[0].text_content()
    assert page.cssselect("p.count-line")[0].text_content().startswith("Bericht 51 tot en met")
    assert len(page.cssselect("ol.stories > li")) <= 50
    previous = page.cssselect('nav.pager a[rel="prev"]')[0].get("href")
    assert (second[0].parent / previous).resolve() == (second[0].parents[2]).resolve()
    first = html.parse(str(second[0].parents[2] / "index.html")).getroot()
    total = first.cssselect("p.count-line")[0].text_content()
    assert total.split()[0].isdigit() and int(total.split()[0]) > 50


def test_a_page_changed_by_hand_in_output_is_rendered_again(
    days: list[Path], tmp_path: Path
) -> None:
    content, output, cache = tmp_path / "content", tmp_path / "output", tmp_path / "cache"
    copy_days(days[:1], content)
    build(content, output, cache)
    page = next(output.glob("*/*/*/*/index.html"))
    original = page.read_bytes()
    page.write_text("weg", "utf-8")
    os.utime(page, ns=(0, 0))
    build(content, output, cache)
    assert page.read_bytes() == original


def _restored(folder: Path, moment: float) -> None:
    """``folder`` as a cache restore or a fresh checkout leaves it: the same
    bytes in new files (new inodes), with other modification times."""
    copy = folder.with_name(folder.name + "-copy")
    shutil.copytree(folder, copy)
    shutil.rmtree(folder)
    copy.rename(folder)
    for path in folder.rglob("*"):
        os.utime(path, (moment, moment))


def test_an_output_restored_from_a_cache_is_not_rendered_again(
    days: list[Path], tmp_path: Path
) -> None:
    content, output, cache = tmp_path / "content", tmp_path / "output", tmp_path / "cache"
    copy_days(days[:1], content)
    build(content, output, cache)
    _restored(output, 1_000_000_000)
    _restored(content, 1_000_000_000)  # the checkout: the stories' files are new too
    log = build(content, output, cache, "--verbose")
    assert " 0 pages rendered" in log
    fresh = tmp_path / "fresh"
    build(content, fresh, tmp_path / "fresh-cache")
    assert_same_tree(output, fresh)
    # A page whose bytes changed (its size kept) is rendered again all the same.
    [story] = sorted(output.glob("20*/*/*/*/index.html"))[:1]
    story.write_bytes(story.read_bytes().replace(b"<h1>", b"<h9>", 1))
    log = build(content, output, cache, "--verbose")
    assert " 1 pages rendered" in log
    assert_same_tree(output, fresh)
