"""ANP's category codes land in the site's Dutch sections, from one table; an
unknown code is a keyword (never the section) and is reported by the import
summary. The readers' whole output is in the fixtures (anp_json.txt,
newsml12.txt); these tests pin the table's rules and the summary's count."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.errors import InputError, NotAStoryError
from generator.formats import Source, read_items
from generator.formats.anp_codes import code_of, read_categories, unknown_codes
from generator.import_summary import Summary
from generator.model import WireItem
from generator.sources import Parsed


@pytest.mark.parametrize(
    ("codes", "section"),
    [
        (["BIN"], "Binnenland"),
        (["ANP/BUI"], "Buitenland"),
        (["XANP/ECO"], "Economie"),
        (["AFN"], "Economie"),
        (["anp/fin"], "Economie"),
        (["ANP/SPO"], "Sport"),
        (["ANP/ENTERTAINMENT", "ANP/MUZIEK"], "Cultuur"),
        (["ALL", "2ndlead", "XANP/101", "ANP/BIN"], "Binnenland"),
        (["ANP/QRV", "BUI"], "Buitenland"),
        (["Binnenland"], "Binnenland"),
        (["medtop:15000000"], "Sport"),
    ],
)
def test_codes_give_dutch_sections(codes: list[str], section: str) -> None:
    assert read_categories(codes).section == section


def test_service_codes_are_neither_section_nor_keyword() -> None:
    found = read_categories(["ALL", "2ndlead", "XANP/101", "lead"])
    assert (found.section, found.keywords, found.unknown) == (None, [], [])


def test_an_unknown_code_is_a_keyword_in_its_anp_form_and_never_the_section() -> None:
    found = read_categories(["QRV", "ANP/ZZTOP", "XANP/QRV"])
    assert found.section is None
    assert found.keywords == ["ANP/QRV", "ANP/ZZTOP", "XANP/QRV"]
    assert found.unknown == found.keywords


def test_a_name_is_a_keyword_or_the_section_when_nothing_else_is() -> None:
    assert read_categories(["Economie", "Beurs"]).keywords == ["Beurs"]
    alone = read_categories(["Beurs", "ANP/QRV"])
    assert (alone.section, alone.keywords) == ("Beurs", ["ANP/QRV"])
    assert read_categories(["Nieuws"], names_as_section=False).section is None


def test_code_of_tells_codes_from_names() -> None:
    assert [code_of(v) for v in ("ANP/bin", "XANP/KCE", "2ndlead", "SPO")] == [
        "BIN",
        "KCE",
        "2NDLEAD",
        "SPO",
    ]
    assert [code_of(v) for v in ("Beurs", "Binnenland", "04000000x", "")] == [None] * 4


def test_unknown_codes_are_only_anp_codes_no_table_knows() -> None:
    assert unknown_codes(["ANP/QRV", "ANP/BIN", "XANP/ALL", "VVD", "verkeer"]) == ["ANP/QRV"]


def _read(name: str, text: str) -> tuple[str, list[WireItem]]:
    source = Source(Path(name), text.encode("utf-8"), None, None, name)
    fmt, items = read_items(source)
    return fmt, items


def test_the_summary_counts_unknown_codes() -> None:
    document = (
        '{"hasError": false, "data": {"id": "x1", "kind": "TEXTARTICLE", "title": "Kop", '
        '"bodyText": "<p>UTRECHT (ANP) - Een zin.</p>", "pubDate": "2025-03-14T08:00:00Z", '
        '"categories": ["ANP/QRV", "ZXQ", "ANP/BIN"], "keywords": ["VVD"]}}'
    )
    source = Source(Path("a.json"), document.encode("utf-8"), None, None, "a.json")
    wire_format, items = read_items(source)
    summary = Summary()
    summary.count_format(Parsed(Path("a.json"), items, wire_format=wire_format))
    summary.count_format(Parsed(Path("b.json"), items, wire_format=wire_format))
    assert items[0].section == "Binnenland"
    assert summary.as_dict()["unknown_codes"] == {"ANP/QRV": 2, "ANP/ZXQ": 2}


def test_an_error_answer_without_message_says_so() -> None:
    with pytest.raises(InputError, match="hasError: true\\), without a message") as raised:
        _read("fout.json", '{"hasError": true}')
    assert not isinstance(raised.value, NotAStoryError)  # a failure, not a skip


def test_a_wrapped_listing_of_full_items_is_read() -> None:
    items = [
        {
            "id": key,
            "kind": "TEXTARTICLE",
            "title": f"Kop {key}",
            "pubDate": "2025-03-14T08:00:00Z",
            "bodyText": f"<p>Tekst van bericht {key}.</p>",
        }
        for key in ("een", "twee")
    ]
    document = {"hasError": False, "data": {"items": items, "hasMore": False}}
    wire_format, read = _read("lijst.json", json.dumps(document))
    assert wire_format == "anp-json"
    assert [i.title for i in read] == ["Kop een", "Kop twee"]


def test_a_picture_beside_the_texts_is_passed_over_and_pictures_alone_are_skipped() -> None:
    text = {"id": "t", "kind": "TEXTARTICLE", "title": "Kop", "pubDate": "2025-03-14T08:00:00Z"}
    text["bodyText"] = "<p>Tekst van het bericht.</p>"
    photo = {"id": "p", "kind": "PHOTO", "title": "Foto", "bodyText": ""}
    _, read = _read("lijst.json", json.dumps({"hasError": False, "data": [photo, text]}))
    assert [(i.title, i.sources) for i in read] == [("Kop", ("lijst.json#2",))]
    with pytest.raises(NotAStoryError, match=r"media item \(PHOTO\) without text"):
        _read("foto.json", json.dumps({"hasError": False, "data": photo}))


def test_the_import_summary_names_the_unknown_codes(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    wire = tmp_path / "wire"
    wire.mkdir()
    item = {
        "id": "2a9e8d7c6b5a49382716051423324152",
        "kind": "TEXTARTICLE",
        "title": "Sluis bij Terneuzen weer open",
        "bodyText": "<p>TERNEUZEN (ANP) - De sluis is sinds maandag weer open voor schepen.</p>",
        "firstIssueDate": "2025-03-17T09:00:00+01:00",
        "sourceTitle": "ANP",
        "categories": ["ANP/QRV", "XANP/BIN"],
    }
    (wire / "sluis.json").write_text(json.dumps({"hasError": False, "data": item}), "utf-8")
    result = run_cli("import", str(wire), "--content", str(tmp_path / "content"))
    assert result.returncode == 0, result.stderr
    assert "unknown ANP codes kept as keywords: ANP/QRV (1)" in result.stdout
    [story] = (tmp_path / "content").rglob("*.md")
    assert "category: Binnenland\n" in story.read_text("utf-8")
