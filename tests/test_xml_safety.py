"""XML is parsed without entity expansion, DTD loading or network access.

The fixture file tests/fixtures/formats/xml_safety.txt holds the hostile
documents and the error each gives; these tests add what a fixture cannot.
"""

from __future__ import annotations

from pathlib import Path

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


def test_a_parameter_entity_naming_an_external_dtd_is_read_and_never_loaded(
    tmp_path: Path,
) -> None:
    # ATS and Kyodo: <!ENTITY % nitf SYSTEM "nitf-3-0.dtd"> %nitf;. Were the DTD
    # loaded, it would declare an entity and give <a> a default attribute.
    dtd = tmp_path / "nitf-3-0.dtd"
    dtd.write_text('<!ENTITY geladen "GELADEN">\n<!ATTLIST a x CDATA "standaard">\n')
    document = (
        f'<!DOCTYPE a SYSTEM "a.dtd" [<!ENTITY % nitf SYSTEM "{dtd.as_uri()}"> %nitf; ]>'
        "<a><b>tekst</b></a>"
    ).encode()
    root = parse_xml(document, "ats.xml")
    assert root.findtext("b") == "tekst"
    assert root.get("x") is None
    names = [entity.name for entity in root.getroottree().docinfo.internalDTD.iterentities()]
    assert names == ["nitf"]


def test_a_parameter_entity_on_the_network_is_never_fetched() -> None:
    document = (
        b'<!DOCTYPE a [<!ENTITY % nitf SYSTEM "http://127.0.0.1:9/nitf.dtd"> %nitf; ]>'
        b"<a><b>tekst</b></a>"
    )
    assert parse_xml(document, "kyodo.xml").findtext("b") == "tekst"


def test_an_entity_from_the_unloaded_parameter_dtd_is_refused(tmp_path: Path) -> None:
    dtd = tmp_path / "nitf.dtd"
    dtd.write_text('<!ENTITY geladen "GELADEN">\n')
    document = (
        f'<!DOCTYPE a [<!ENTITY % nitf SYSTEM "{dtd.as_uri()}"> %nitf; ]><a>&geladen;</a>'
    ).encode()
    with pytest.raises(InputError, match="found '&geladen;'"):
        parse_xml(document, "geladen.xml")


@pytest.mark.parametrize(
    "subset",
    [
        # A parameter entity with its text in the document (it could expand).
        b'<!ENTITY % a "tekst">',
        # One that declares a general entity when it is referenced.
        b"<!ENTITY % a \"<!ENTITY b 'x'>\"> %a;",
        # The same, its declaration hidden behind character references.
        b"<!ENTITY % a \"&#60;!ENTITY b SYSTEM 'file:///etc/passwd'>\"> %a;",
        # An external parameter entity beside a general one.
        b'<!ENTITY % nitf SYSTEM "nitf.dtd"> <!ENTITY geheim SYSTEM "file:///etc/passwd">',
        # A general entity named like the parameter entity.
        b'<!ENTITY % x SYSTEM "nitf.dtd"> <!ENTITY x SYSTEM "file:///etc/passwd">',
    ],
)
def test_every_other_entity_declaration_is_refused(subset: bytes) -> None:
    document = b"<!DOCTYPE a [" + subset + b"]><a>tekst</a>"
    with pytest.raises(InputError, match="DTD that declares entities"):
        parse_xml(document, "entiteit.xml")
