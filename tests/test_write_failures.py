"""A disk that refuses a write: no file half-written, one clear line, and a
story that cannot be saved costs that story only.

Tests run as root, which ignores permission bits, so the refusals are made
in-process: ``Path.open`` raises for the files a test picks, as the kernel
would (ENOSPC after half the text, EROFS, ENAMETOOLONG).
"""

from __future__ import annotations

import errno
import os
import pathlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content.files import is_hand_edited
from generator.content.lock import LOCK_NAME
from generator.importer import run_import
from generator.storage import TEMP_SUFFIX

PAGES = {
    "a-dijk": "Dijk bij Kampen versterkt\n"
    "KAMPEN (ANP) - Het waterschap versterkt de dijk bij Kampen.\n",
    "b-veer": "Veer bij Brakel vaart weer\n"
    "BRAKEL (ANP) - Het veer bij Brakel vaart na drie weken weer.\n",
    "c-brug": "Brug bij Zwolle dicht\nZWOLLE (ANP) - De brug bij Zwolle gaat een week dicht.\n",
}
CAPTURED = "2025-03-10T09:00:00+01:00"
REAL_OPEN = pathlib.Path.open


def write_wire(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in PAGES.items():
        (folder / f"{name}.txt").write_text(text, "utf-8")
        (folder / f"{name}.meta.yaml").write_text(f'captured_at: "{CAPTURED}"\n', "utf-8")


class _HalfWritten:
    """A file on a disk that fills up halfway through the text."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def __enter__(self) -> _HalfWritten:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def write(self, text: str) -> int:
        self.handle.write(text[: len(text) // 2])
        self.handle.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def refuse(
    monkeypatch: pytest.MonkeyPatch, picks: Callable[[Path], bool], code: int, half: bool = False
) -> None:
    """Make opening the files ``picks`` chooses fail with ``code``."""

    def opening(self: Path, *args: Any, **kwargs: Any) -> Any:
        if not picks(self):
            return REAL_OPEN(self, *args, **kwargs)
        if half:
            return _HalfWritten(REAL_OPEN(self, *args, **kwargs))
        raise OSError(code, os.strerror(code), str(self))

    monkeypatch.setattr(pathlib.Path, "open", opening)


def story_temp(slug: str = "") -> Callable[[Path], bool]:
    return lambda path: path.name.endswith(TEMP_SUFFIX) and f"{slug}" in path.name


def tree(content: Path) -> dict[str, bytes]:
    return {
        p.relative_to(content).as_posix(): p.read_bytes() for p in content.rglob("*") if p.is_file()
    }


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write_wire(Path("wire"))
    return tmp_path


def test_a_full_disk_stops_with_one_line_and_no_half_written_file(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse(monkeypatch, story_temp("veer-bij-brakel"), errno.ENOSPC, half=True)
    result = CliRunner().invoke(main, ["import", "--no-cache"])
    assert result.exit_code == 1
    target = "content/2025/03/10/veer-bij-brakel-vaart-weer.md"
    expected = f"Error: {target}: expected to write the story file, found No space left on device"
    assert result.stderr == expected + "\n"
    assert result.stdout == ""
    saved = sorted(Path("content").rglob("*.md"))
    assert [p.name for p in saved] == ["dijk-bij-kampen-versterkt.md"]  # before the full disk
    assert all(not is_hand_edited(p.read_text("utf-8")) for p in saved)
    assert not list(Path("content").rglob(f"*{TEMP_SUFFIX}"))
    monkeypatch.setattr(pathlib.Path, "open", REAL_OPEN)
    assert CliRunner().invoke(main, ["import", "--no-cache"]).exit_code == 0
    assert len(list(Path("content").rglob("*.md"))) == 3


def test_a_full_disk_leaves_the_old_file_whole(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["import", "--no-cache"]).exit_code == 0
    before = tree(here / "content")
    page = Path("wire/b-veer.txt")
    page.write_text(PAGES["b-veer"].replace("drie weken", "twee weken"), "utf-8")
    refuse(monkeypatch, story_temp(), errno.ENOSPC, half=True)
    result = runner.invoke(main, ["import", "--no-cache"])
    assert result.exit_code == 1 and "found No space left on device" in result.stderr
    assert tree(here / "content") == before


def test_a_read_only_content_folder_is_one_line(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse(monkeypatch, lambda path: path.name == LOCK_NAME, errno.EROFS)
    result = CliRunner().invoke(main, ["import", "--no-cache"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: content/{LOCK_NAME}: expected to write the import's lock file, "
        "found Read-only file system\n"
    )
    assert not list(Path("content").rglob("*.md"))


def test_a_read_only_story_file_stops_the_import(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse(monkeypatch, story_temp(), errno.EROFS)
    result = CliRunner().invoke(main, ["import", "--no-cache"])
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "found Read-only file system" in result.stderr


def test_a_story_that_cannot_be_saved_costs_that_story_only(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse(monkeypatch, story_temp("veer-bij-brakel"), errno.ENAMETOOLONG)
    runner = CliRunner()
    result = runner.invoke(main, ["import"])
    assert result.exit_code == 1
    target = "content/2025/03/10/veer-bij-brakel-vaart-weer.md"
    line = f"Error: {target}: expected to write the story file, found File name too long"
    assert line in result.stderr.splitlines()
    assert "2 new" in result.stdout and "1 failed" in result.stdout
    names = sorted(p.name for p in Path("content").rglob("*.md"))
    assert names == ["brug-bij-zwolle-dicht.md", "dijk-bij-kampen-versterkt.md"]
    monkeypatch.setattr(pathlib.Path, "open", REAL_OPEN)
    again = runner.invoke(main, ["import"])  # the failed story's wire file is read again
    assert again.exit_code == 0 and "1 new" in again.stdout and "2 unchanged files" in again.stdout
    assert Path(target).exists()


def test_a_cache_that_cannot_be_written_is_reported_and_content_is_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_wire(tmp_path / "wire")
    cache = tmp_path / "cache" / "import.json"
    refuse(monkeypatch, lambda path: path.name.startswith(".import.json"), errno.ENOSPC)
    summary = run_import([tmp_path / "wire"], tmp_path / "content", cache_path=cache, jobs=1)
    [error] = summary.errors
    assert str(error).startswith(f"{cache}: expected to write the import cache, found No space")
    assert summary.outcomes["new"] == 3 and not cache.exists()
