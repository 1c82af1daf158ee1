"""A folder holding every format imports in one command, with a summary per format."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import FIXTURES, run_cli
from tests.fixture_files import read_cases


def test_a_mixed_folder_imports_in_one_command(tmp_path: Path) -> None:
    wire = tmp_path / "wire"
    wire.mkdir()
    cases = [read_cases(fixture) for fixture in sorted((FIXTURES / "formats").glob("*.txt"))]
    for fixture, found in zip(sorted((FIXTURES / "formats").glob("*.txt")), cases, strict=True):
        for number, case in enumerate(found):
            name = case.options.get("name", "item.txt")
            (wire / f"{fixture.stem}-{number}-{name}").write_text(case.input + "\n", "utf-8")
    page = next(iter(read_cases(FIXTURES / "webpage" / "teasers.txt")))
    (wire / "pagina.txt").write_text(page.input + "\n", "utf-8")
    (wire / "pagina.meta.yaml").write_text(
        f'captured_at: "{page.options["captured_at"]}"\n', "utf-8"
    )

    result = run_cli("import", str(wire), "--content", str(tmp_path / "content"), "--json")
    summary = json.loads(result.stdout)
    formats = summary["formats"]
    assert set(formats) == {
        "webpage", "anp-json", "nitf", "newsml-g2", "newsml-1.2", "ninjs-1", "ninjs-2", "ninjs-3",
    }  # fmt: skip
    assert formats["webpage"] == {"files": 1, "items": 4}
    anp = read_cases(FIXTURES / "formats" / "anp_json.txt")
    assert formats["anp-json"] == {
        "files": sum("=> " in case.expected for case in anp),
        "items": sum(
            case.expected.count("\n=> ") + case.expected.startswith("=> ") for case in anp
        ),
    }
    assert sum(f["items"] for f in formats.values()) == summary["items"]
    # The broken fixtures fail, the skipped ones are skipped, the rest converted.
    assert result.returncode == 1
    outcomes = [case.expected for fixture in cases for case in fixture]
    assert len(summary["errors"]) == sum(out.startswith("error") for out in outcomes)
    skipped = sum(out.startswith("skipped") for out in outcomes)
    assert len(summary["skipped_not_stories"]) == skipped
    assert summary["new"] + summary["merged"] == summary["items"]
    text = run_cli("import", str(wire), "--content", str(tmp_path / "other"), "--no-cache").stdout
    assert "ninjs-3: 4 files, 4 items" in text
    assert f"{skipped} files without a text story skipped" in text
