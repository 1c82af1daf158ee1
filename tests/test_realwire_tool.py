"""tools/realwire.py: the per-file table of what the converter makes of a folder.

Composed files only (the real deliveries it is meant for stay outside the repo):
each item is a row with its fields, a refused file is a row with the reader's
reason, one file that breaks the reader costs that file only, the readers'
warnings are shown on the row, and names the importer would not open are listed.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from generator.formats import read_items
from tools import realwire

NINJS = {
    "uri": "urn:example:realwire:1",
    "type": "text",
    "versioncreated": "2025-03-14T09:30:00+01:00",
    "headline": "Gemeente sluit | brug voor onderhoud",
    "byline": "Redactie Binnenland",
    "body_text": "UTRECHT (ANP) - De gemeente sluit de brug twee weken voor onderhoud.",
}
PICTURE = {"uri": "urn:example:realwire:2", "type": "picture", "headline": "Brug bij nacht"}
# A NewsML-G2 item, for a second format and (twice in a message) for several items.
G2 = """<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:g2:1" version="1"
    standard="NewsML-G2" standardversion="2.12">
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="STT"/>
    <versionCreated>2025-03-14T08:00:00+01:00</versionCreated></itemMeta>
  <contentMeta><located><name>Helsinki</name></located>
    <headline>Veerboot vaart weer volgens dienstregeling</headline></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml">
    <html xmlns="http://www.w3.org/1999/xhtml"><body>
      <p>De veerboot tussen de eilanden vaart sinds vanochtend weer volgens de dienstregeling.</p>
    </body></html></inlineXML></contentSet>
</newsItem>
"""


def pile(folder: Path) -> Path:
    (folder / "agency").mkdir(parents=True)
    (folder / "agency" / "story.json").write_text(json.dumps(NINJS), encoding="utf-8")
    (folder / "agency" / "picture.json").write_text(json.dumps(PICTURE), encoding="utf-8")
    (folder / "agency" / "broken.json").write_text('{"uri": ', encoding="utf-8")
    (folder / "agency" / "g2.xml").write_text(G2, encoding="utf-8")
    # An extension the importer never opens.
    (folder / "agency" / "beelden.zip").write_text(json.dumps(NINJS), encoding="utf-8")
    (folder / "SOURCES.md").write_text("where the files came from\n", encoding="utf-8")
    return folder


def rows(lines: list[str]) -> dict[str, list[str]]:
    """The table's rows by file, each as its cells."""
    table = [line for line in lines if line.startswith("| ") and not line.startswith("| file")]
    parsed = [[cell.strip() for cell in line.strip("|").split(" | ")] for line in table]
    return {cells[0]: cells for cells in parsed}


def test_each_file_is_a_row_with_its_fields_or_its_reason(tmp_path: Path) -> None:
    lines = list(realwire.table(pile(tmp_path / "wire")))
    by_file = rows(lines)
    story = by_file["agency/story.json"]
    assert story[1:3] == ["ninjs-1", "imported"]
    assert story[3] == "Gemeente sluit \\| brug voor onderhoud"  # a | cannot split the row
    assert story[4].startswith("2025-03-14T09:30:00")
    assert story[5:10] == ["Utrecht", "ANP", "Algemeen", "Redactie Binnenland", ""]
    assert by_file["agency/picture.json"][2].startswith("skipped: ")
    assert "picture" in by_file["agency/picture.json"][2]
    assert by_file["agency/broken.json"][1] == "json"
    assert by_file["agency/broken.json"][2].startswith("error: expected valid JSON")
    assert "Files: 1 error, 2 imported, 1 skipped" in lines
    assert lines[-1] == "Not opened (not a wire file by name): 1: agency/beelden.zip"


def test_a_reader_warning_is_shown_on_its_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    folder = pile(tmp_path / "wire")

    def warns_on_story(source: Any) -> Any:
        # As the readers warn: through a logger under "generator", naming the file.
        if source.path.name == "story.json":
            logging.getLogger("generator.formats.story").warning(
                "Warning: %s: expected a date with a UTC offset, found %r; UTC assumed",
                source.name,
                "2025-03-14T08:00:00",
            )
        return read_items(source)

    monkeypatch.setattr("generator.sources.read_items", warns_on_story)
    with caplog.at_level(logging.WARNING):
        by_file = rows(list(realwire.table(folder)))
    assert by_file["agency/story.json"][2] == (
        "imported (warning: expected a date with a UTC offset, found '2025-03-14T08:00:00'; "
        "UTC assumed)"
    )
    assert "(warning" not in by_file["agency/picture.json"][2]
    assert caplog.records == []  # shown in the table, not also on stderr


def test_a_file_that_breaks_the_reader_costs_that_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = pile(tmp_path / "wire")

    def breaks_on_broken_picture(source: Any) -> Any:
        if source.path.name == "picture.json":
            raise ZeroDivisionError("a bug in a reader")
        return read_items(source)

    monkeypatch.setattr("generator.sources.read_items", breaks_on_broken_picture)
    by_file = rows(list(realwire.table(folder)))
    assert by_file["agency/picture.json"][2].startswith(
        "error: expected a file the converter can read, found ZeroDivisionError"
    )
    assert by_file["agency/story.json"][2] == "imported"
    assert by_file["agency/g2.xml"][2] == "imported"


def test_a_file_with_several_items_gives_a_row_each(tmp_path: Path) -> None:
    folder = tmp_path / "wire"
    folder.mkdir()
    item = G2.split("?>", 1)[1]
    second = item.replace("urn:example:g2:1", "urn:example:g2:2").replace(
        "Veerboot vaart weer", "Tweede veerboot vaart weer"
    )
    message = (
        '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>'
        f"{item}{second}</itemSet></newsMessage>"
    )
    (folder / "message.xml").write_text(message, encoding="utf-8")
    lines = [line for line in realwire.table(folder) if line.startswith("| message.xml")]
    assert [line.split(" | ")[3] for line in lines] == [
        "Veerboot vaart weer volgens dienstregeling",
        "Tweede veerboot vaart weer volgens dienstregeling",
    ]
    assert "Files: 1 imported" in list(realwire.table(folder))


def test_cells_are_one_line_and_cut() -> None:
    assert realwire.cell("a\nb  c|d") == "a b c\\|d"
    long = realwire.cell("x" * 200)
    assert len(long) == realwire.MAX_CELL and long.endswith("…")
    assert realwire.cell("y" * 200, limit=None) == "y" * 200


def test_the_command_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stop:
        realwire.main([str(tmp_path / "nowhere")])
    assert stop.value.code == 2


def test_the_command_prints_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert realwire.main([str(pile(tmp_path / "wire"))]) == 0
    out = capsys.readouterr().out
    assert out.startswith("| file | format | outcome | title | date |")
    assert "| agency/story.json | ninjs-1 | imported |" in out


def test_an_embargo_is_its_own_cell(tmp_path: Path) -> None:
    folder = tmp_path / "wire"
    folder.mkdir()
    embargoed = {**NINJS, "embargoed": "2025-03-15T06:00:00+01:00"}
    (folder / "embargo.json").write_text(json.dumps(embargoed), encoding="utf-8")
    story = rows(list(realwire.table(folder)))["embargo.json"]
    assert story[9] == "2025-03-15T06:00:00+01:00"
