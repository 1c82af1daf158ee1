"""File names no import expects: a name of 250 characters imports (its sidecar's
name would be too long to exist), a name that is not UTF-8 is refused by name
with its bytes escaped; the rest of the pile imports either way."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

from generator.formats import is_wire_file
from tests.conftest import run_cli

CAPTURED = "2025-03-14T18:05:00+01:00"
PLACES = ("ZWOLLE", "DEVENTER", "KAMPEN")


def page(place: str) -> str:
    return (
        f"Brug bij {place.title()} gaat dicht\n"
        f"{place} (ANP) - De brug bij {place.title()} gaat maandag dicht voor onderhoud.\n"
        "Het verkeer wordt omgeleid.\n"
    )


def pile(tmp_path: Path) -> Path:
    wire = tmp_path / "wire"
    wire.mkdir()
    for place in PLACES:
        (wire / f"{place.lower()}.txt").write_text(page(place), "utf-8")
        (wire / f"{place.lower()}.meta.yaml").write_text(f'captured_at: "{CAPTURED}"\n', "utf-8")
    return wire


def import_twice(wire: Path, content: Path) -> list[dict[str, object]]:
    """Two imports with the cache on: the second must read the cache written by the
    first. (A name too long for a sidecar beside it takes its time from --captured-at.)"""
    runs = []
    for _ in range(2):
        result = run_cli(
            "import", str(wire), "--content", str(content), "--json", "--captured-at", CAPTURED
        )
        assert "Traceback" not in result.stderr, result.stderr
        runs.append({"returncode": result.returncode, "stderr": result.stderr})
        runs[-1].update(json.loads(result.stdout))
    return runs


def sources(content: Path) -> list[str]:
    found = []
    for path in sorted(content.rglob("*.md")):
        found += yaml.safe_load(path.read_text("utf-8").split("---\n")[1])["sources"]
    return found


def test_a_name_of_250_characters_imports(tmp_path: Path) -> None:
    wire = pile(tmp_path)
    long_name = "lange-naam-" + "x" * 235 + ".txt"
    assert len(long_name) == 250
    (wire / long_name).write_text(page("ASSEN").replace("Brug", "Sluis"), "utf-8")
    first, second = import_twice(wire, tmp_path / "content")
    assert first["returncode"] == 0 and first["new"] == 4
    assert second["skipped_unchanged_files"] == 4
    assert str(wire / long_name) in sources(tmp_path / "content")


def test_a_name_that_is_not_utf8_is_refused_by_name(tmp_path: Path) -> None:
    wire = pile(tmp_path)
    odd = wire / os.fsdecode(b"caf\xe9-\xff.txt")  # Linux takes any bytes but / and NUL
    odd.write_text(page("ASSEN").replace("Brug", "Sluis"), "utf-8")
    first, second = import_twice(wire, tmp_path / "content")
    refused = (
        f"Error: {wire}/caf\\xe9-\\xff.txt: expected a file name in UTF-8, "
        "found the byte 0xe9 (rename the file or its folder)"
    )
    for run in (first, second):
        assert run["returncode"] == 1 and refused in str(run["stderr"])
    assert first["new"] == 3 and second["skipped_unchanged_files"] == 3
    assert len(sources(tmp_path / "content")) == 3


def test_a_folder_name_that_is_not_utf8_refuses_its_files_by_name(tmp_path: Path) -> None:
    wire = pile(tmp_path)
    odd = wire / os.fsdecode(b"map-\xff")
    odd.mkdir()
    (odd / "sluis.txt").write_text(page("ASSEN").replace("Brug", "Sluis"), "utf-8")
    first, second = import_twice(wire, tmp_path / "content")
    refused = f"Error: {wire}/map-\\xff/sluis.txt: expected a file name in UTF-8"
    assert refused in str(first["stderr"]) and refused in str(second["stderr"])
    assert first["new"] == 3


@pytest.mark.parametrize(
    ("name", "looked_at"),
    [
        ("tag_reuters.com,0000_newsml_L4N1FL0N0_1132689232", True),  # Reuters names files by tag
        ("verhaal.nitf", True),
        ("verhaal", True),
        ("foto.jpg", False),
        ("archief.tar.gz", False),
        ("README.txt", False),
    ],
)
def test_a_wire_file_is_known_by_an_extension_that_looks_like_one(
    name: str, looked_at: bool
) -> None:
    assert is_wire_file(Path(name)) is looked_at
