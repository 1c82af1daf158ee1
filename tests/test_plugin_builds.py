"""Two site builds in one process keep nothing of each other: the plugin holds
a build's state on that build's ``Build`` only, so a second Pelican run (tests,
``pelican -r``) writes its own pages, times its own steps and reports its own
failures, never the first one's."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pelican
import pytest
from pelican import signals
from pelican.settings import read_settings

from generator.site import PLUGIN
from generator.site.failures import BuildIncompleteError
from generator.site.timings import TIMINGS_FILE
from tests.conftest import ROOT

pytestmark = pytest.mark.site
STORIES = sorted((ROOT / "content").rglob("*.md"))


def content_with(folder: Path, stories: list[Path]) -> list[str]:
    """``stories`` copied into ``folder`` as under content/; their pages' folders."""
    pages = []
    for story in stories:
        relative = story.relative_to(ROOT / "content")
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(story, folder / relative)
        pages.append(relative.with_suffix("").as_posix())
    return pages


def run_pelican(content: Path, output: Path, cache: Path) -> None:
    """One build in this process, as ``pelican`` makes it."""
    override = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(cache),
        "WIRE_BUILD_JOBS": 1,
    }
    pelican.Pelican(read_settings(str(ROOT / "pelicanconf.py"), override=override)).run()


def story_pages(output: Path) -> set[str]:
    return {
        page.parent.relative_to(output).as_posix()
        for page in output.glob("[0-9][0-9][0-9][0-9]/*/*/*/index.html")
    }


def test_a_second_build_in_one_process_is_its_own(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first_pages = content_with(first / "content", STORIES[:3])
    broken = first / "content" / Path(first_pages[0]).parent / "kapot.md"
    broken.write_text("---\ntitle: [niet af\n---\n\nTekst.\n", "utf-8")
    second_pages = content_with(second / "content", STORIES[3:5])

    with pytest.raises(BuildIncompleteError, match=r"kapot\.md"):
        run_pelican(first / "content", first / "output", first / "cache")
    run_pelican(second / "content", second / "output", second / "cache")  # no failure

    assert story_pages(first / "output") == set(first_pages)
    assert story_pages(second / "output") == set(second_pages)
    for build in (first, second):  # each build's own pages, counted in its own timings
        counts = json.loads((build / "cache" / TIMINGS_FILE).read_text("utf-8"))["counts"]
        pages = sum(1 for _ in (build / "output").rglob("*.html"))
        assert (counts["pages_rendered"], counts["pages_kept"]) == (pages, 0)


def test_the_same_site_built_twice_in_one_process_renders_nothing_again(
    tmp_path: Path,
) -> None:
    content_with(tmp_path / "content", STORIES[:3])
    for _ in range(2):
        run_pelican(tmp_path / "content", tmp_path / "output", tmp_path / "cache")
    counts = json.loads((tmp_path / "cache" / TIMINGS_FILE).read_text("utf-8"))["counts"]
    assert counts["pages_rendered"] == 0
    assert counts["pages_kept"] == sum(1 for _ in (tmp_path / "output").rglob("*.html"))


def test_each_pelican_made_connects_the_one_plugin_once(tmp_path: Path) -> None:
    content_with(tmp_path / "content", STORIES[:1])
    for _ in range(2):  # each Pelican made calls register() again
        run_pelican(tmp_path / "content", tmp_path / "output", tmp_path / "cache")
    for name in PLUGIN.handlers():
        receivers = getattr(signals, name).receivers_for(object())
        ours = [receiver for receiver in receivers if getattr(receiver, "__self__", None) is PLUGIN]
        assert len(ours) == 1, name
