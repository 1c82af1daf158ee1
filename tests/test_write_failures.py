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
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator import storage
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


# --- durable sync: many files by their filesystem, few one by one --------------

# The descriptors synced are named through /proc; syncfs itself is Linux's.
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")


def _record_syncs(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    """What ``sync_files`` makes durable: paths fsynced, folders syncfs'ed."""
    fsynced: list[str] = []
    synced_filesystems: list[str] = []
    real_fsync, real_syncfs = os.fsync, storage._syncfs()

    def fsync(descriptor: int) -> None:
        fsynced.append(_opened(descriptor))
        real_fsync(descriptor)

    def syncfs(descriptor: int) -> int:
        synced_filesystems.append(_opened(descriptor))
        return real_syncfs(descriptor) if real_syncfs else 0

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(storage, "_syncfs", lambda: syncfs)
    return fsynced, synced_filesystems


def _opened(descriptor: int) -> str:
    return str(Path(f"/proc/self/fd/{descriptor}").readlink())


def _written(folder: Path, count: int) -> list[Path]:
    files = [folder / f"{number % 3}" / f"{number}.md" for number in range(count)]
    for path in files:
        storage.atomic_write(path, "tekst")
    return files


@linux_only
def test_a_few_files_are_synced_each_with_their_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fsynced, filesystems = _record_syncs(monkeypatch)
    files = _written(tmp_path, storage.SYNCFS_FROM - 1)
    files[0].unlink()  # removed since it was written: skipped, not an error
    storage.sync_files(files)
    folders = sorted(str(tmp_path / name) for name in "012")
    assert fsynced == [*map(str, files[1:]), *folders] and filesystems == []


@linux_only
def test_many_files_are_synced_by_one_syncfs_of_their_filesystem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fsynced, filesystems = _record_syncs(monkeypatch)
    storage.sync_files(_written(tmp_path, storage.SYNCFS_FROM))
    assert filesystems == [str(tmp_path / "0")] and fsynced == []


@linux_only
def test_without_syncfs_many_files_are_synced_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fsynced, _ = _record_syncs(monkeypatch)
    monkeypatch.setattr(storage, "_syncfs", lambda: lambda descriptor: -1)  # it fails
    files = _written(tmp_path, storage.SYNCFS_FROM)
    storage.sync_files(files)
    assert fsynced == [*map(str, files), *sorted(str(tmp_path / name) for name in "012")]


@linux_only
def test_the_c_librarys_syncfs_is_found_and_succeeds(tmp_path: Path) -> None:
    syncfs = storage._syncfs()
    assert syncfs is not None
    descriptor = os.open(tmp_path, os.O_RDONLY)
    try:
        assert syncfs(descriptor) == 0
    finally:
        os.close(descriptor)


def test_a_site_page_the_disk_refuses_costs_that_page_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_plugin_writer import CONTEXT, template, wire_writer

    def build(title: str) -> tuple[tuple[int, int, int], dict[str, str]]:
        site, writer = wire_writer(tmp_path)
        for name in ("index.html", "a/index.html"):
            writer.write_file(name, template(), CONTEXT, relative_urls=True, title=title)
        return writer.flush(), site.failures.pages

    assert build("oud") == ((2, 0, 0), {})
    output = tmp_path / "wire"
    with monkeypatch.context() as patch:
        refused = output / ".index.html."  # the home page's temporary file, not a/'s
        refuse(patch, lambda path: str(path).startswith(str(refused)), errno.ENOSPC, half=True)
        counts, failed = build("nieuw")
    assert counts == (2, 0, 1)  # its old file is gone, as a build from scratch leaves it
    assert list(failed) == ["index.html"] and "No space left" in failed["index.html"]
    assert not (output / "index.html").exists()
    assert "nieuw" in (output / "a" / "index.html").read_text("utf-8")
    assert not list(output.rglob(f"*{TEMP_SUFFIX}"))
    assert build("nieuw") == ((1, 1, 0), {})  # the refused page is tried again, and only it
