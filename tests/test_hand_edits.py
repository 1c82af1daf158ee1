"""A story edited by hand: kept, its waiting update reported on every run, and
overwritten only where ``--force FILE`` names it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.import_summary import Summary
from generator.importer import run_import
from tests.test_cli import write_page

BRIDGE = """Brug bij Kampen gaat dicht
KAMPEN (ANP) - De brug over de IJssel bij Kampen gaat maandag dicht voor onderhoud.
Fietsers kunnen met een pontje over.
"""
BRIDGE_UPDATE = """Brug bij Kampen gaat dicht (2)
KAMPEN (ANP) - De brug over de IJssel bij Kampen gaat pas dinsdag dicht voor onderhoud.
Fietsers kunnen met een pontje over.
"""
FERRY = """Veerpont Zaltbommel vaart weer
ZALTBOMMEL (ANP) - Het veer tussen Zaltbommel en Brakel vaart na drie weken weer.
De reparatie was sneller klaar dan verwacht.
"""
FERRY_UPDATE = """Veerpont Zaltbommel vaart weer (2)
ZALTBOMMEL (ANP) - Het veer tussen Zaltbommel en Brakel vaart na twee weken weer.
De reparatie was sneller klaar dan verwacht.
"""


def edit(path: Path) -> str:
    text = path.read_text("utf-8").rstrip("\n") + " Aangevuld door de redactie.\n"
    path.write_text(text, "utf-8")
    return text


class Archive:
    """A wire folder, a content folder and a cache, imported as the CLI does."""

    def __init__(self, root: Path) -> None:
        self.wire, self.content, self.cache = root / "wire", root / "content", root / "c.json"

    def page(self, name: str, text: str, captured_at: str = "2025-03-10T09:00:00+01:00") -> None:
        write_page(self.wire, name, text, captured_at)

    def run(self, *force: Path) -> Summary:
        summary = run_import([self.wire], self.content, force=force, cache_path=self.cache, jobs=1)
        assert not summary.errors, summary.errors
        return summary

    def story(self, slug: str) -> Path:
        return next(self.content.rglob(f"{slug}.md"))


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    found = Archive(tmp_path)
    found.page("brug", BRIDGE)
    found.page("veer", FERRY)
    found.run()
    return found


def test_a_waiting_update_is_reported_on_every_run_until_forced(archive: Archive) -> None:
    bridge = archive.story("brug-bij-kampen-gaat-dicht")
    edited = edit(bridge)
    archive.page("brug-2", BRIDGE_UPDATE, "2025-03-10T15:00:00+01:00")
    for _ in range(3):  # the cache must not hide the waiting update
        summary = archive.run()
        assert summary.kept_edited == [str(bridge)]
        assert bridge.read_text("utf-8") == edited
    forced = archive.run(bridge)
    assert forced.outcomes["updated"] == 1 and forced.kept_edited == []
    assert "pas dinsdag" in bridge.read_text("utf-8")
    settled = archive.run()
    assert settled.kept_edited == [] and settled.skipped == settled.files


def test_a_hand_edit_with_nothing_newer_on_the_wire_is_kept_without_a_word(
    archive: Archive,
) -> None:
    bridge = archive.story("brug-bij-kampen-gaat-dicht")
    edited = edit(bridge)
    summary = run_import([archive.wire], archive.content, jobs=1)  # every file read again
    assert summary.kept_edited == [] and summary.outcomes["unchanged"] == 2
    assert bridge.read_text("utf-8") == edited


def test_force_overwrites_only_the_files_it_names(archive: Archive) -> None:
    bridge, ferry = (
        archive.story("brug-bij-kampen-gaat-dicht"),
        archive.story("veerpont-zaltbommel-vaart-weer"),
    )
    edit(bridge)
    kept = edit(ferry)
    archive.page("brug-2", BRIDGE_UPDATE, "2025-03-10T15:00:00+01:00")
    archive.page("veer-2", FERRY_UPDATE, "2025-03-10T15:00:00+01:00")
    summary = archive.run(bridge)
    assert "pas dinsdag" in bridge.read_text("utf-8")
    assert ferry.read_text("utf-8") == kept
    assert summary.kept_edited == [str(ferry)]


def test_force_reads_the_named_files_wire_again_despite_the_cache(archive: Archive) -> None:
    bridge = archive.story("brug-bij-kampen-gaat-dicht")
    edit(bridge)
    summary = archive.run(bridge)  # no newer text: the wire's own text comes back
    assert summary.outcomes["updated"] == 1 and summary.skipped == 1
    assert "redactie" not in bridge.read_text("utf-8")


def test_the_cli_names_the_file_to_force_and_refuses_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_page(Path("wire"), "brug", BRIDGE, "2025-03-10T09:00:00+01:00")
    runner = CliRunner()
    assert runner.invoke(main, ["import", "--no-cache"]).exit_code == 0
    story = next(Path("content").rglob("*.md"))
    edit(story)
    write_page(Path("wire"), "brug-2", BRIDGE_UPDATE, "2025-03-10T15:00:00+01:00")
    kept = runner.invoke(main, ["import"])
    assert kept.exit_code == 0
    assert f"Kept: {story} was edited by hand; the wire has a newer text" in kept.stderr
    assert f"(--force {story} overwrites it)" in kept.stderr
    assert f"Kept: {story} was edited by hand" in runner.invoke(main, ["import"]).stderr
    outside = runner.invoke(main, ["import", "--force", "wire/brug.txt"])
    assert outside.exit_code == 2 and "expected a story file in content" in outside.stderr
    assert runner.invoke(main, ["import", "--force"]).exit_code == 2  # a FILE is required
    forced = runner.invoke(main, ["import", "--force", str(story)])
    assert forced.exit_code == 0 and "Kept" not in forced.stderr
    assert "pas dinsdag" in story.read_text("utf-8")


def test_forcing_a_file_this_import_does_not_touch_says_so(archive: Archive) -> None:
    bridge = archive.story("brug-bij-kampen-gaat-dicht")
    edit(bridge)
    summary = run_import([archive.wire / "veer.txt"], archive.content, force=[bridge], jobs=1)
    assert summary.not_forced == [str(bridge)] and "redactie" in bridge.read_text("utf-8")


def test_the_help_documents_force() -> None:
    shown = CliRunner().invoke(main, ["import", "--help"]).stdout
    assert "--force FILE" in shown and "--no-cache" in shown
    assert "only that one" in " ".join(shown.split())
