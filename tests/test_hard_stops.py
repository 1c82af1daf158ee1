"""Hard stops: an import or a build killed at any moment loses nothing and
leaves nothing half-written; rerunning gives exactly an uninterrupted run's
result. Two imports at once do not interleave."""

from __future__ import annotations

import filecmp
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.pile import make_pile
from generator.content.files import is_hand_edited, read_item
from generator.content.lock import import_lock
from tests.conftest import ROOT, run_cli

KILL_SEED = 20251129


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.md"))}


def kill_after(command: list[str], marker: str, count: int) -> None:
    """Run ``command`` and kill it and its workers (SIGKILL, the whole process
    group, as a power cut would) the moment its output has shown ``marker``
    ``count`` times: a moment the process itself announces, not a guess at
    how long it takes. The process must die by the kill, before it finished."""
    running = subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group: the kill takes its workers too
        env={**os.environ, "COLUMNS": "400"},  # one log record, one line
    )
    assert running.stdout is not None
    seen = 0
    with running.stdout as output:
        for line in output:
            seen += marker in line
            if seen == count:
                os.killpg(running.pid, signal.SIGKILL)
                break
    running.wait()
    assert seen == count, f"expected {count} lines with {marker!r} before the end, found {seen}"
    assert running.returncode == -signal.SIGKILL, "expected the kill to land before the end"


def import_command(wire: Path, content: Path, cache: Path) -> list[str]:
    command = [sys.executable, "-m", "generator", "import", str(wire), "--content", str(content)]
    return [*command, "--cache", str(cache), "--jobs", "1", "--verbose"]


def test_an_import_killed_at_random_moments_loses_and_spoils_nothing(tmp_path: Path) -> None:
    wire, content, clean = tmp_path / "wire", tmp_path / "content", tmp_path / "clean"
    wire.mkdir()
    make_pile(wire, copies=10)
    assert run_cli("import", str(wire), "--content", str(clean), "--no-cache").returncode == 0
    stories = len(tree(clean))
    rng = random.Random(KILL_SEED)
    for _ in range(5):
        # Killed after a random number of stories written, at most half of
        # those still to write: every kill lands in the middle of the writing.
        still_to_write = stories - len(tree(content))
        written = rng.randint(1, still_to_write // 2)
        kill_after(import_command(wire, content, tmp_path / "cache"), "Created: ", written)
        for path, data in tree(content).items():  # whatever is there is whole
            text = data.decode("utf-8")
            assert not is_hand_edited(text), path
            read_item(text, path)
    assert run_cli("import", str(wire), "--content", str(content)).returncode == 0
    assert tree(content) == tree(clean)
    assert not list(content.rglob("*.wire-tmp"))


def test_a_second_import_into_the_same_folder_is_stopped(tmp_path: Path) -> None:
    content = tmp_path / "content"
    page = tmp_path / "wire" / "pagina.txt"
    page.parent.mkdir()
    page.write_text("Kop\nZWOLLE (ANP) - Tekst van het bericht.\n", "utf-8")
    with import_lock(content):
        result = run_cli(
            "import",
            str(page),
            "--content",
            str(content),
            "--captured-at",
            "2025-03-14T12:00:00+01:00",
        )
    assert result.returncode == 1
    expected = "expected to be the only import writing here, found one running"
    assert f"Error: {content}: {expected} (process {os.getpid()})" in result.stderr
    assert not list(content.rglob("*.md"))
    after = run_cli(
        "import", str(page), "--content", str(content), "--captured-at", "2025-03-14T12:00:00+01:00"
    )
    assert after.returncode == 0  # the lock goes with its holder


@pytest.mark.site
def test_a_build_killed_at_random_moments_is_made_whole_by_the_next(
    built_site: Path, tmp_path: Path
) -> None:
    output = tmp_path / "output"
    command = [sys.executable, "-m", "pelican", str(ROOT / "content"), "-o", str(output), "-v"]
    command += ["-s", str(ROOT / "pelicanconf.py")]
    pages = sum(1 for _ in built_site.rglob("*.html"))
    rng = random.Random(KILL_SEED)
    for _ in range(3):  # killed after a random number of pages, at most half of them
        kill_after(command, "Writing", rng.randint(1, pages // 2))
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    names = sorted(str(p.relative_to(built_site)) for p in built_site.rglob("*") if p.is_file())
    assert names == sorted(str(p.relative_to(output)) for p in output.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(built_site, output, names, shallow=False)
    assert (mismatch, errors) == ([], [])
