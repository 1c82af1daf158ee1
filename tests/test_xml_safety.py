"""XML is parsed without entity expansion, DTD loading or network access.

The fixture file tests/fixtures/formats/xml_safety.txt holds the hostile
documents and the error each gives; these tests add what a fixture cannot.
"""

from __future__ import annotations

import pytest

from generator.errors import InputError, ParseError
from generator.formats.xml import parse_xml


def test_deep_nesting_is_refused_with_the_line() -> None:
    document = b"<nitf>" + b"<p>" * 5000 + b"x" + b"</p>" * 5000 + b"</nitf>"
    with pytest.raises(ParseError) as refused:
        parse_xml(document, "diep.xml")
    assert "expected well-formed XML" in str(refused.value)
    assert refused.value.line == 1


def test_an_entity_is_never_expanded_even_when_declared_harmless() -> None:
    document = b'<!DOCTYPE a [<!ENTITY x "tekst">]><a>&x;</a>'
    with pytest.raises(InputError, match="DTD that declares entities"):
        parse_xml(document, "entiteit.xml")


def test_a_named_dtd_is_read_and_never_loaded() -> None:
    # Nothing listens on port 9: loading the DTD would fail the parse.
    document = b'<!DOCTYPE a SYSTEM "http://127.0.0.1:9/niet-bereikbaar.dtd"><a><b>tekst</b></a>'
    assert parse_xml(document, "extern.xml").findtext("b") == "tekst"


def test_a_named_dtd_with_entity_declarations_is_refused() -> None:
    document = b'<!DOCTYPE a SYSTEM "nitf.dtd" [<!ENTITY x "tekst">]><a>&x;</a>'
    with pytest.raises(InputError, match="DTD that declares entities"):
        parse_xml(document, "entiteit.xml")


def test_an_entity_declared_only_in_the_unread_dtd_is_refused() -> None:
    document = b'<!DOCTYPE a SYSTEM "nitf.dtd"><a>prijs&nbsp;stijgt</a>'
    with pytest.raises(InputError, match="found '&nbsp;'"):
        parse_xml(document, "nbsp.xml")


def test_a_doctype_without_an_external_dtd_or_entities_is_read() -> None:
    assert parse_xml(b"<!DOCTYPE a><a><b>tekst</b></a>", "kaal.xml").findtext("b") == "tekst"


def test_a_declared_encoding_is_honoured() -> None:
    document = '<?xml version="1.0" encoding="ISO-8859-1"?><a>café</a>'.encode("latin-1")
    assert parse_xml(document, "latin1.xml").text == "café"
