"""Encodings are told by byte-order mark before the format is guessed, and what
is no text is refused as binary data instead of published as a story."""

from __future__ import annotations

import codecs
import random
from datetime import datetime
from pathlib import Path

import pytest

from generator.errors import InputError
from generator.formats import Source, read_items

CAPTURED = datetime.fromisoformat("2025-03-14T18:05:00+01:00")

NITF = """<?xml version="1.0" encoding="{encoding}"?>
<nitf>
  <head><title>Sluis bij Terneuzen weer open</title>
    <docdata><date.issue norm="20250314T101500+0100"/></docdata></head>
  <body><body.head><hedline><hl1>Sluis bij Terneuzen weer open</hl1></hedline></body.head>
    <body.content><p>TERNEUZEN (ANP) - De zeesluis bij Terneuzen is na herstel weer open.</p>
    <p>Schepen varen vanaf vrijdag weer door.</p></body.content></body>
</nitf>
"""
ANP_JSON = """{
  "id": "ANP-20250314-0999",
  "title": "Veerpont Vlissingen vaart weer",
  "bodyText": "<p>VLISSINGEN (ANP) - De veerpont tussen Vlissingen en Breskens vaart weer.</p>",
  "firstIssueDate": "2025-03-14T07:40:00+01:00",
  "sourceTitle": "ANP",
  "category": "Binnenland"
}
"""
PAGE = (
    "Brug bij Zwolle gaat dicht\n"
    "ZWOLLE (ANP) - De brug gaat maandag dicht.\n"
    "Het verkeer wordt omgeleid.\n"
)


def read(data: bytes, name: str) -> tuple[str, list[tuple[str, list[str]]]]:
    wire_format, items = read_items(Source(Path(name), data, CAPTURED, None, name))
    return wire_format, [(item.title, item.paragraphs) for item in items]


def forms(text: str) -> dict[str, bytes]:
    return {
        "utf-8 with BOM": codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf-16-le with BOM": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "utf-16-be with BOM": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    }


@pytest.mark.parametrize("form", list(forms("")))
@pytest.mark.parametrize("name", ["bericht.xml", "bericht.txt", "bericht"])
def test_xml_with_a_byte_order_mark_is_read_as_xml(form: str, name: str) -> None:
    encoding = "UTF-16" if "16" in form else "UTF-8"
    plain = read(NITF.format(encoding="UTF-8").encode("utf-8"), name)
    assert plain[0] == "nitf" and plain[1][0][0] == "Sluis bij Terneuzen weer open"
    assert read(forms(NITF.format(encoding=encoding))[form], name) == plain


@pytest.mark.parametrize("form", list(forms("")))
def test_json_with_a_byte_order_mark_is_read_as_json(form: str) -> None:
    plain = read(ANP_JSON.encode("utf-8"), "item.json")
    assert plain[0] == "anp-json" and plain[1][0][0] == "Veerpont Vlissingen vaart weer"
    assert read(forms(ANP_JSON)[form], "item.json") == plain


def random_high_bytes(size: int) -> bytes:
    draw = random.Random(13)
    return bytes(draw.randrange(0x80, 0x100) for _ in range(size))


BINARY = {
    "random high bytes": random_high_bytes(2000),
    "control characters": bytes(range(1, 32)) * 40,
    "controls under a text headline": b"Kop\n" + bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 50,
    "utf-16 control characters": codecs.BOM_UTF16_LE + ("\x01\x02\x03" * 100).encode("utf-16-le"),
}


@pytest.mark.parametrize("kind", BINARY)
def test_binary_data_without_nul_bytes_is_refused(kind: str) -> None:
    with pytest.raises(InputError) as refused:
        read(BINARY[kind], "ding.txt")
    assert str(refused.value).startswith("ding.txt: expected text, found binary data (")


def test_random_high_bytes_are_refused_under_any_wire_name() -> None:
    for name in ("ding.json", "ding.xml", "ding"):
        with pytest.raises(InputError, match=r"expected text, found binary data|well-formed XML"):
            read(random_high_bytes(500), name)


@pytest.mark.parametrize(
    "text",
    [
        PAGE.replace("omgeleid", "om\x07geleid"),  # one stray control character
        PAGE.replace("\n", "\f\n"),  # form feeds
        PAGE.replace("Het", "Hét café à la carte"),  # accents, in UTF-8 and in Windows-1252
    ],
    ids=["stray control", "form feeds", "accents"],
)
def test_text_with_a_few_odd_characters_is_still_text(text: str) -> None:
    assert read(text.encode("utf-8"), "p.txt")[1][0][0] == "Brug bij Zwolle gaat dicht"
    assert read(text.encode("cp1252"), "p.txt")[1][0][0] == "Brug bij Zwolle gaat dicht"
