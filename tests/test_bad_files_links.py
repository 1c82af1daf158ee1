"""Wire files are regular files under the wire folder: links out of it, pipes,
sockets and devices are refused by name, unopened, and nothing outside the
folder is ever read; sidecars likewise, and without YAML aliases."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from generator.import_summary import Summary
from generator.importer import run_import
from tests.conftest import ROOT

CAPTURED = datetime.fromisoformat("2025-03-14T18:05:00+01:00")
SECRET = "-----BEGIN OPENSSH PRIVATE KEY----- geheim-7f3a9c"
OUTSIDE = "expected a regular file inside {folder}, found a link to a place outside it"


def page(place: str) -> str:
    return (
        f"Brug bij {place.title()} gaat dicht\n"
        f"{place} (ANP) - De brug bij {place.title()} gaat maandag dicht voor onderhoud.\n"
        "Het verkeer wordt omgeleid.\n"
    )


@pytest.fixture
def wire(tmp_path: Path) -> Path:
    """A wire folder with one good page, and a private key beside it, outside."""
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "goed.txt").write_text(page("ZWOLLE"), "utf-8")
    (tmp_path / "id_rsa").write_text(f"Sleutel\nZWOLLE (ANP) - {SECRET}\n", "utf-8")
    return folder


def run(paths: list[Path], tmp_path: Path) -> Summary:
    return run_import(paths, tmp_path / "content", captured_at=CAPTURED)


def errors(summary: Summary) -> dict[str, str]:
    return {Path(str(e.path)).name: e.message for e in summary.errors if e.path is not None}


def content_text(tmp_path: Path) -> Iterator[str]:
    for path in (tmp_path / "content").rglob("*"):
        if path.is_file():
            yield path.read_bytes().decode("utf-8", "replace")


def assert_nothing_leaked(tmp_path: Path) -> None:
    texts = list(content_text(tmp_path))
    assert texts and not any("geheim-7f3a9c" in text for text in texts)


def test_a_link_to_a_file_outside_is_refused_unread(wire: Path, tmp_path: Path) -> None:
    (wire / "x.txt").symlink_to(tmp_path / "id_rsa")
    summary = run([wire], tmp_path)
    assert errors(summary) == {"x.txt": OUTSIDE.format(folder=wire) + " (refused unread)"}
    assert summary.items == 1
    assert_nothing_leaked(tmp_path)


def test_a_link_to_a_folder_outside_is_refused_and_not_followed(wire: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (elsewhere / "verhaal.txt").symlink_to(tmp_path / "id_rsa")
    (elsewhere / "ander.txt").write_text(page("KAMPEN"), "utf-8")
    (wire / "map").symlink_to(elsewhere, target_is_directory=True)
    summary = run([wire], tmp_path)
    assert errors(summary) == {"map": OUTSIDE.format(folder=wire) + " (refused unread)"}
    assert summary.items == 1
    assert_nothing_leaked(tmp_path)


def test_a_link_given_as_path_is_refused_too(wire: Path, tmp_path: Path) -> None:
    (wire / "x.txt").symlink_to(tmp_path / "id_rsa")
    summary = run(sorted(wire.iterdir()), tmp_path)  # as the shell expands wire/*
    assert list(errors(summary)) == ["x.txt"]
    assert_nothing_leaked(tmp_path)


def test_a_link_inside_the_folder_is_read_once_under_its_targets_name(
    wire: Path, tmp_path: Path
) -> None:
    (wire / "sub").mkdir()
    (wire / "sub" / "ander.txt").write_text(page("KAMPEN"), "utf-8")
    (wire / "kopie.txt").symlink_to(wire / "sub" / "ander.txt")
    (wire / "alias").symlink_to(wire / "sub", target_is_directory=True)
    (wire / "lus.txt").symlink_to(wire / "lus.txt")  # a loop leads nowhere
    summary = run([wire], tmp_path)
    assert summary.errors == [] and summary.files == 2 and summary.items == 2


def import_in_a_subprocess(tmp_path: Path, *paths: Path) -> subprocess.CompletedProcess[str]:
    """The CLI in its own process, so that a regression that waits on a pipe
    fails this test (by the timeout) instead of hanging the suite."""
    command = [sys.executable, "-m", "generator", "import", *map(str, paths)]
    command += ["--content", str(tmp_path / "content"), "--no-cache"]
    command += ["--captured-at", CAPTURED.isoformat()]
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )


def test_a_named_pipe_is_refused_unopened(wire: Path, tmp_path: Path) -> None:
    os.mkfifo(wire / "pijp.txt")
    os.mkfifo(tmp_path / "los")
    result = import_in_a_subprocess(tmp_path, wire, tmp_path / "los")
    expected = "expected a wire file that is a regular file, found a named pipe (FIFO)"
    assert f"Error: {wire / 'pijp.txt'}: {expected} (refused unopened)" in result.stderr
    assert f"Error: {tmp_path / 'los'}: {expected}" in result.stderr
    assert result.returncode == 1 and "1 new" in result.stdout


def test_a_socket_and_a_device_are_refused_unopened(wire: Path, tmp_path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(wire / "sok"))
        summary = run([wire, Path("/dev/null")], tmp_path)
    assert errors(summary) == {
        "sok": "expected a wire file that is a regular file, found a socket (refused unopened)",
        "null": "expected a wire file that is a regular file, found a character device "
        "(refused unopened)",
    }
    assert summary.items == 1


def test_a_sidecar_that_is_no_regular_file_inside_refuses_its_file(
    wire: Path, tmp_path: Path
) -> None:
    for name in ("map", "pijp", "link", "binnen"):
        (wire / f"{name}.txt").write_text(page("ASSEN"), "utf-8")
    (wire / "map.meta.yaml").mkdir()
    os.mkfifo(wire / "pijp.meta.yaml")
    (tmp_path / "elders.yaml").write_text('captured_at: "2025-03-14T18:05:00+01:00"\n', "utf-8")
    (wire / "link.meta.yaml").symlink_to(tmp_path / "elders.yaml")
    (wire / "echt.yaml").write_text("section: Economie\n", "utf-8")
    (wire / "binnen.meta.yaml").symlink_to(wire / "echt.yaml")  # a link inside is fine
    summary = run([wire], tmp_path)
    sidecar = "expected a sidecar that is a regular file, found {} (refused unopened)"
    assert errors(summary) == {
        "map.meta.yaml": sidecar.format("a folder"),
        "pijp.meta.yaml": sidecar.format("a named pipe (FIFO)"),
        "link.meta.yaml": OUTSIDE.format(folder=wire) + " (refused unread)",
    }
    assert summary.items == 2


ALIAS_BOMB = "\n".join(
    ["a: &a [x, x, x, x, x, x, x, x, x]"]
    + [f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]" for n in range(9)]
    + ["section: *j"]
)


def test_yaml_aliases_in_a_sidecar_are_refused_before_expansion(wire: Path, tmp_path: Path) -> None:
    assert len(ALIAS_BOMB) < 500  # 9**10 values once expanded
    (wire / "goed.meta.yaml").write_text(ALIAS_BOMB, "utf-8")
    summary = run([wire], tmp_path)
    [error] = summary.errors
    assert str(error) == (
        f"{wire / 'goed.meta.yaml'}:1: expected a YAML mapping without anchors or aliases, "
        "found an anchor 'a' (refused before anything is expanded)"
    )


def test_an_alias_alone_is_refused_too(wire: Path, tmp_path: Path) -> None:
    (wire / "goed.meta.yaml").write_text("captured_at: *tijd\n", "utf-8")
    [error] = run([wire], tmp_path).errors
    assert "found an alias 'tijd'" in str(error) and error.line == 1
