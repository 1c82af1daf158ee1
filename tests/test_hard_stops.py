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
import time
from pathlib import Path

import pytest

from benchmarks.pile import make_pile
from generator.content.files import is_hand_edited, read_item
from generator.content.lock import import_lock
from tests.conftest import ROOT, run_cli

KILL_SEED = 20251129


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.md"))}


def start_import(wire: Path, content: Path) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "generator",
        "import",
        str(wire),
        "--content",
        str(content),
        "--jobs",
        "1",
    ]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_an_import_killed_at_random_moments_loses_and_spoils_nothing(tmp_path: Path) -> None:
    wire, content, clean = tmp_path / "wire", tmp_path / "content", tmp_path / "clean"
    wire.mkdir()
    make_pile(wire, copies=60)
    assert run_cli("import", str(wire), "--content", str(clean), "--no-cache").returncode == 0
    rng = random.Random(KILL_SEED)
    kills = 0
    for _ in range(5):
        running = start_import(wire, content)
        time.sleep(rng.uniform(0.4, 1.4))
        if running.poll() is None:
            os.kill(running.pid, signal.SIGKILL)
            kills += 1
        running.wait()
        for path, data in tree(content).items():  # whatever is there is whole
            text = data.decode("utf-8")
            assert not is_hand_edited(text), path
            read_item(text, path)
    assert kills >= 3, "the kills must land while the import runs"
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
    command = [sys.executable, "-m", "pelican", str(ROOT / "content"), "-o", str(output), "-q"]
    command += ["-s", str(ROOT / "pelicanconf.py")]
    rng = random.Random(KILL_SEED)
    for _ in range(3):
        running = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.2, 1.0))
        if running.poll() is None:
            os.kill(running.pid, signal.SIGKILL)
        running.wait()
    subprocess.run(command, cwd=ROOT, check=True)
    names = sorted(str(p.relative_to(built_site)) for p in built_site.rglob("*") if p.is_file())
    assert names == sorted(str(p.relative_to(output)) for p in output.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(built_site, output, names, shallow=False)
    assert (mismatch, errors) == ([], [])
