"""Encodings and shapes of text: every form of the same page gives the same story;
what is not text is refused by name (see also test_cli.py for binary and huge files)."""

from __future__ import annotations

import codecs
from datetime import datetime
from pathlib import Path

import pytest

from generator.content.frontmatter import join, split
from generator.errors import InputError, ParseError
from generator.formats import Source, read_items

PAGE = (
    "Café in Zoeterwoude sluit\n"
    "LEIDEN (ANP) - Het café in Zoeterwoude sluit na 80 jaar.\n"
    "De eigenaar stopt.\n"
)
CAPTURED = datetime.fromisoformat("2025-03-14T18:05:00+01:00")


def items_of(data: bytes) -> list[tuple[str, list[str]]]:
    _, items = read_items(Source(Path("pagina.txt"), data, CAPTURED, None, "pagina.txt"))
    return [(item.title, item.paragraphs) for item in items]


FORMS = {
    "utf-8": PAGE.encode("utf-8"),
    "utf-8 with BOM": codecs.BOM_UTF8 + PAGE.encode("utf-8"),
    "utf-16-le with BOM": codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"),
    "utf-16-be with BOM": codecs.BOM_UTF16_BE + PAGE.encode("utf-16-be"),
    "windows-1252": PAGE.encode("cp1252"),
    "latin-1": PAGE.encode("latin-1"),
    "CRLF line ends": PAGE.replace("\n", "\r\n").encode("utf-8"),
    "CR line ends": PAGE.replace("\n", "\r").encode("utf-8"),
    "tabs and trailing spaces": PAGE.replace(" (ANP)", "\t(ANP)")
    .replace("\n", "  \n")
    .encode("utf-8"),
}


@pytest.mark.parametrize("form", FORMS)
def test_every_form_of_a_page_gives_the_same_story(form: str) -> None:
    assert items_of(FORMS[form]) == items_of(FORMS["utf-8"])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "expected a headline on the first line, found 'an empty file'"),
        (b"   \n\n\t\n", "expected a headline on the first line, found 'an empty file'"),
        (PAGE.encode("utf-16-le"), "expected text, found a NUL byte at offset 1 (a binary file?)"),
        (
            b"Kop\x00\nLEIDEN (ANP) - Tekst.\n",
            "expected text, found a NUL byte at offset 3 (a binary file?)",
        ),
    ],
    ids=["empty", "only white space", "utf-16 without BOM", "a NUL byte"],
)
def test_what_is_not_a_page_is_refused_by_name(data: bytes, message: str) -> None:
    with pytest.raises((InputError, ParseError)) as refused:
        items_of(data)
    assert str(refused.value) == f"pagina.txt: {message}"


TRICKY = [
    "Kop: met dubbele punt",
    "# geen commentaar",
    "'enkel' en \"dubbel\" en ‘krul’ en „laag”",
    "- begint als een lijst",
    "---",
    "--- midden ---",
    "tab\tin de tekst",
    "regel\u2028scheiding en alinea\u2029scheiding",
    "x" * 5000,
    "yes",
    "null",
    "2025-03-14",
    "0x1F",
    "@verwijzing & *anker",
    "!tag",
    "%procent",
    "`code`",
    "{accolade: 1}",
    "[lijst, 2]",
    "  spaties rondom  ",
]


@pytest.mark.parametrize("value", TRICKY)
def test_front_matter_keeps_every_tricky_value_exactly(value: str) -> None:
    metadata = {"title": value, "summary": value, "city": value}
    assert split(join(metadata, "Tekst.\n")) == (metadata, "Tekst.\n")
