"""The command line, run as a user runs it: exit codes, messages, summaries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

from tests.conftest import ROOT, run_cli

PAGE = """Brug bij Zwolle gaat dicht
ZWOLLE (ANP) - De brug over de IJssel bij Zwolle gaat maandag dicht voor onderhoud.
Het verkeer wordt omgeleid.
Meer uit Binnenland
DEVENTER (ANP) - In Deventer is een nieuwe bibliotheek geopend.
3 uur geleden
"""
CAPTURED = "2025-03-14T18:05:00+01:00"


def write_page(
    folder: Path, name: str, text: str = PAGE, captured_at: str | None = CAPTURED
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / f"{name}.txt"
    page.write_text(text, "utf-8")
    if captured_at:
        (folder / f"{name}.meta.yaml").write_text(f'captured_at: "{captured_at}"\n', "utf-8")
    return page


def content_files(content: Path) -> dict[str, bytes]:
    return {
        p.relative_to(content).as_posix(): p.read_bytes() for p in sorted(content.rglob("*.md"))
    }


def test_a_broken_file_is_reported_and_the_rest_still_converts(tmp_path: Path) -> None:
    wire = tmp_path / "wire"
    write_page(wire, "a-goed")
    write_page(
        wire,
        "b-kapot",
        "Kop zonder meer\nDEN HAAG (ANP) - Tekst.\nMeer uit Binnenland\nUTRECHT (ANP) - Tekst.\n",
    )
    result = run_cli("import", str(wire), "--content", str(tmp_path / "content"))
    assert result.returncode == 1
    expected = "expected the last teaser's age (such as '7 uur geleden'), found"
    assert result.stderr.startswith(f"Error: {wire / 'b-kapot.txt'}:4: {expected}")
    assert len(content_files(tmp_path / "content")) == 2
    assert "2 new" in result.stdout and "1 failed" in result.stdout


def test_importing_twice_changes_nothing(tmp_path: Path) -> None:
    wire = tmp_path / "wire"
    write_page(wire, "pagina")
    content = tmp_path / "content"
    assert run_cli("import", str(wire), "--content", str(content)).returncode == 0
    before = content_files(content)
    second = run_cli("import", str(wire), "--content", str(content), "--json")
    assert second.returncode == 0
    summary = json.loads(second.stdout)
    assert (summary["skipped_unchanged_files"], summary["items"], summary["new"]) == (1, 0, 0)
    assert content_files(content) == before
    uncached = run_cli("import", str(wire), "--content", str(content), "--json", "--no-cache")
    assert json.loads(uncached.stdout)["unchanged"] == 2
    assert content_files(content) == before


def test_a_file_checked_out_anew_with_the_same_bytes_is_not_read_again(tmp_path: Path) -> None:
    """A fresh checkout (or a restored cache) gives every wire file a new inode
    and modification time; the cache knows it by its bytes and does not parse it."""
    wire, content = tmp_path / "wire", tmp_path / "content"
    write_page(wire, "pagina")
    run_cli("import", str(wire), "--content", str(content))
    source = next(wire.glob("pagina*"))
    data = source.read_bytes()
    source.unlink()
    source.write_bytes(data)
    os.utime(source, (1_000_000_000, 1_000_000_000))
    summary = json.loads(run_cli("import", str(wire), "--content", str(content), "--json").stdout)
    assert (summary["skipped_unchanged_files"], summary["items"]) == (1, 0)
    source.write_bytes(data.replace(b"omgeleid.", b"omgeleid!"))
    os.utime(source, (1_000_000_100, 1_000_000_100))  # the same size, other bytes
    summary = json.loads(run_cli("import", str(wire), "--content", str(content), "--json").stdout)
    assert summary["skipped_unchanged_files"] == 0 and summary["updated"] == 1


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    wire, content = tmp_path / "wire", tmp_path / "content"
    write_page(wire, "pagina")
    run_cli("import", str(wire), "--content", str(content))
    write_page(wire, "pagina", PAGE.replace("omgeleid.", "omgeleid via de A28."))
    summary = json.loads(run_cli("import", str(wire), "--content", str(content), "--json").stdout)
    assert (summary["skipped_unchanged_files"], summary["updated"], summary["unchanged"]) == (
        0,
        1,
        1,
    )
    assert "via de A28" in next(content.rglob("brug-bij-zwolle*.md")).read_text("utf-8")


def test_verbose_names_each_file_created_or_updated(tmp_path: Path) -> None:
    wire, content = tmp_path / "wire", tmp_path / "content"
    write_page(wire, "pagina")
    first = run_cli("import", str(wire), "--content", str(content), "--verbose")
    named = [line for line in first.stdout.splitlines() if not line.startswith(("Imported", " "))]
    assert sorted(named) == sorted(f"Created: {path}" for path in content.rglob("*.md"))
    write_page(wire, "pagina", PAGE.replace("omgeleid.", "omgeleid via de A28."))
    second = run_cli("import", str(wire), "--content", str(content), "-v")
    changed = next(content.rglob("brug-bij-zwolle*.md"))
    assert second.stdout.splitlines()[0] == f"Updated: {changed}"  # the unchanged: unnamed
    assert second.stdout.splitlines()[1].startswith("Imported 2 items")


def test_a_file_that_failed_is_read_and_reported_again(tmp_path: Path) -> None:
    wire = tmp_path / "wire"
    write_page(wire, "kapot", "Alleen een kop\n")
    for _ in range(2):
        result = run_cli("import", str(wire), "--content", str(tmp_path / "content"))
        assert result.returncode == 1
        assert "kapot.txt:1: expected a lead paragraph" in result.stderr


def test_json_summary_counts_every_outcome(tmp_path: Path) -> None:
    wire = tmp_path / "wire"
    write_page(wire, "pagina")
    (wire / "notities.md").write_text("geen draadbericht\n", "utf-8")
    result = run_cli("import", str(wire), "--content", str(tmp_path / "c"), "--json")
    summary = json.loads(result.stdout)
    assert {k: summary[k] for k in ("files", "items", "new", "updated", "failed", "merged")} == {
        "files": 1, "items": 2, "new": 2, "updated": 0, "failed": 0, "merged": 0,
    }  # fmt: skip
    assert summary["ignored"] == [str(wire / "notities.md")]


def test_a_hand_edit_is_reported_and_kept(tmp_path: Path) -> None:
    wire, content = tmp_path / "wire", tmp_path / "content"
    write_page(wire, "pagina")
    run_cli("import", str(wire), "--content", str(content))
    story = next(content.rglob("brug-bij-zwolle-gaat-dicht.md"))
    story.write_text(story.read_text("utf-8").replace("onderhoud", "groot onderhoud"), "utf-8")
    write_page(wire, "pagina", PAGE.replace("omgeleid.", "omgeleid. Dat duurt een week."))
    result = run_cli("import", str(wire), "--content", str(content))
    assert result.returncode == 0
    assert f"Kept: {story} was edited by hand; the wire has a newer text" in result.stderr
    assert f"(--force {story} overwrites it)" in result.stderr
    assert "groot onderhoud" in story.read_text("utf-8")
    forced = run_cli("import", str(wire), "--content", str(content), "--force", str(story))
    assert "Dat duurt een week." in story.read_text("utf-8")
    assert "1 updated" in forced.stdout


def test_the_capture_time_comes_from_the_option_when_there_is_no_sidecar(tmp_path: Path) -> None:
    page = write_page(tmp_path / "wire", "pagina", captured_at=None)
    content = tmp_path / "content"
    missing = run_cli("import", str(page), "--content", str(content))
    assert missing.returncode == 1
    assert (
        "expected a capture time (--captured-at, or captured_at in a .meta.yaml sidecar)"
        in missing.stderr
    )
    given = run_cli(
        "import", str(page), "--content", str(content), "--captured-at", "2025-03-30T10:00:00+02:00"
    )
    assert given.returncode == 0
    teaser = yaml.safe_load(
        next(content.rglob("in-deventer*.md")).read_text("utf-8").split("---")[1]
    )
    assert teaser["date"] == "2025-03-30T07:00:00+02:00"
    assert teaser["captured_at"] == "2025-03-30T10:00:00+02:00"


def test_a_wrong_call_exits_2_with_an_error_line(tmp_path: Path) -> None:
    page = write_page(tmp_path, "pagina")
    result = run_cli("import", str(page), "--captured-at", "gisteren")
    assert result.returncode == 2
    assert (
        "Error: Invalid value for '--captured-at': expected an ISO 8601 time with offset"
        in result.stderr
    )
    missing = run_cli("import", str(tmp_path / "bestaat-niet"))
    assert missing.returncode == 2
    assert "does not exist" in missing.stderr


def test_windows_1252_and_latin_1_text_is_read_as_such(tmp_path: Path) -> None:
    wire = tmp_path / "wire"
    for name, encoding in (("cp1252", "cp1252"), ("latin1", "latin-1")):
        page = f"Café “{name}” sluit\nDEN HAAG (ANP) - Het café sluit; het wordt € 5 duurder.\n"
        if encoding == "latin-1":
            page = page.replace("“", '"').replace("”", '"').replace("€", "EUR")
        (wire / f"{name}.txt").parent.mkdir(parents=True, exist_ok=True)
        (wire / f"{name}.txt").write_bytes(page.encode(encoding))
    content = tmp_path / "c"
    result = run_cli("import", str(wire), "--content", str(content), "--captured-at", CAPTURED)
    assert result.returncode == 0, result.stderr
    titles = sorted(
        yaml.safe_load(p.read_text("utf-8").split("---")[1])["title"] for p in content.rglob("*.md")
    )
    assert titles == ['Café "latin1" sluit', "Café “cp1252” sluit"]


def test_binary_and_huge_files_are_refused_by_name(tmp_path: Path) -> None:
    from generator.sources import MAX_FILE_BYTES

    wire = tmp_path / "wire"
    write_page(wire, "goed")
    (wire / "plaatje.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with (wire / "enorm.txt").open("wb") as huge:
        huge.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk is filled
    result = run_cli("import", str(wire), "--content", str(tmp_path / "c"))
    assert result.returncode == 1
    assert (
        f"Error: {wire / 'plaatje.txt'}: expected text, found a NUL byte at offset 8"
        in result.stderr
    )
    assert (
        f"Error: {wire / 'enorm.txt'}: expected a wire file of at most 64 MiB, found 64 MiB"
        in result.stderr
    )
    assert "2 new" in result.stdout


def test_the_converter_never_imports_pelican() -> None:
    code = (
        "import sys, generator.cli, generator.importer, generator.search.query,"
        " generator.search.reader, generator.search.snippets;"
        "sys.exit('pelican' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False).returncode == 0


def test_a_sidecar_names_the_section_and_refuses_unknown_keys(tmp_path: Path) -> None:
    wire, content = tmp_path / "wire", tmp_path / "content"
    page = write_page(wire, "los", "Brug gaat dicht\nZWOLLE (ANP) - De brug gaat dicht.\n")
    (wire / "los.meta.yaml").write_text(f'captured_at: "{CAPTURED}"\nsection: Economie\n', "utf-8")
    assert run_cli("import", str(page), "--content", str(content)).returncode == 0
    assert "category: Economie\n" in next(content.rglob("*.md")).read_text("utf-8")
    (wire / "los.meta.yaml").write_text(f'captured_at: "{CAPTURED}"\nrubriek: Economie\n', "utf-8")
    result = run_cli("import", str(page), "--content", str(content))
    assert result.returncode == 1
    expected = "expected only the keys captured_at, section, found 'rubriek'"
    assert f"Error: {wire / 'los.meta.yaml'}: {expected}" in result.stderr


def test_the_version_is_pyprojects() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"wire-archive, version {project['version']}"
