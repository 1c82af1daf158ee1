"""Bad fields cost one item, never the archive: every field of an item is
cleaned (controls, lone surrogates), bounded (sizes, versions) and checked
(language tags) before it leaves a reader.

The helpers at the top compose one wire file in memory and read it; the
other test_bad_fields_* files use them too.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from generator.errors import ParseError
from generator.formats import Source, read_items
from generator.formats.fields import version_number
from generator.model import WireItem
from generator.text import clean
from tests.conftest import run_cli

CAPTURED = datetime.fromisoformat("2025-03-14T18:05:00+01:00")
LEAD = "DEN HAAG (ANP) - Het kabinet presenteert vandaag de plannen voor de dijken."


def read(name: str, data: bytes, captured_at: datetime | None = CAPTURED) -> list[WireItem]:
    """The items the importer reads from a file ``name`` holding ``data``."""
    source = Source(path=Path(name), data=data, captured_at=captured_at, section=None, name=name)
    return read_items(source)[1]


def ninjs(**fields: Any) -> bytes:
    """A ninjs 1.x text item with a headline, a body and a date, plus ``fields``."""
    item: dict[str, Any] = {
        "uri": "urn:test:dijken",
        "type": "text",
        "headline": "Dijken worden verhoogd",
        "body_text": LEAD,
        "versioncreated": "2025-03-14T10:00:00+01:00",
    }
    item.update(fields)
    return json.dumps(item).encode("utf-8")


def read_ninjs(**fields: Any) -> WireItem:
    (item,) = read("item.json", ninjs(**fields))
    return item


def anp(**fields: Any) -> dict[str, Any]:
    """One item of ANP's news API."""
    item: dict[str, Any] = {
        "id": "123",
        "title": "Dijken worden verhoogd",
        "bodyText": f"<p>{LEAD}</p>",
        "pubDate": "2025-03-14T10:00:00+01:00",
    }
    item.update(fields)
    return item


def nitf(head: str = "", body_head: str = "", content: str = f"<p>{LEAD}</p>") -> bytes:
    """An NITF document with a date and a headline, and the given parts."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<nitf><head><title>Dijken</title>'
        f'<docdata><doc-id id-string="nitf-1"/><date.issue norm="20250314T100000+0100"/>'
        f"</docdata>{head}</head><body><body.head><hedline><hl1>Dijken worden verhoogd</hl1>"
        f"</hedline>{body_head}</body.head><body.content>{content}</body.content></body></nitf>"
    ).encode()


# --- controls and lone surrogates ---------------------------------------------


def test_a_lone_surrogate_becomes_the_replacement_character_in_every_field() -> None:
    item = read_ninjs(
        uri="urn:test:\ud800",
        headline="Dijken \ud800 verhoogd",
        byline="Jan \udfff Jansen",
        located="Den Haag \ud800",
        copyrightholder="ANP \ud800",
        body_text="De plannen \ud800 voor de dijken.",
    )
    texts = [value for value in vars(item).values() if isinstance(value, str)]
    texts += [*item.paragraphs, *item.sources, *item.keywords]
    assert all(text.encode("utf-8") for text in texts)  # no lone surrogate is left
    assert item.title == "Dijken \ufffd verhoogd"
    assert item.guid == "urn:test:\ufffd"
    assert item.byline == "Jan \ufffd Jansen"
    assert item.agency == "ANP \ufffd"
    assert item.paragraphs == ["De plannen \ufffd voor de dijken."]


def test_a_lone_surrogate_in_an_html_or_nitf_body_is_read() -> None:
    html = read_ninjs(body_text=None, body_html="<p>Tekst \ud800 hier.</p>")
    assert html.paragraphs == ["Tekst \ufffd hier."]
    body = {
        "contentType": "application/nitf+xml",
        "value": "<nitf><body.content><p>Een \ud800 twee</p></body.content></nitf>",
    }
    nitf_body = read_ninjs(body_text=None, bodies=[body])
    assert nitf_body.paragraphs == ["Een \ufffd twee"]


@pytest.mark.parametrize("control", ["\x01", "\x1b", "\x7f", "\x80", "\x9b", "\u200b"])
def test_control_characters_leave_no_trace_in_any_field(control: str) -> None:
    item = read_ninjs(
        headline=f"Dijken{control} verhoogd",
        byline=f"Jan{control} Jansen",
        located=f"Den{control} Haag",
        copyrightholder=f"ANP{control}",
        subjects=[{"name": f"Dijken{control}"}],
        genres=[{"name": f"Nieuws{control}"}],
        uri=f"urn:test:{control}x",
    )
    fields = [item.title, item.byline, item.agency, item.genre, item.guid, *item.keywords]
    assert all(text and text.isprintable() for text in fields), fields
    assert item.title == "Dijken verhoogd"
    assert item.byline == "Jan Jansen"
    assert item.city == "Den Haag"


def test_control_characters_in_a_copied_page_are_dropped() -> None:
    page = f"Dijken\x9b worden\x07 verhoogd\n{LEAD}\x85\x01 Meer tekst.\n".encode()
    (item,) = read("pagina.txt", page)
    assert item.title == "Dijken worden verhoogd"
    assert all(paragraph.isprintable() for paragraph in item.paragraphs)


def test_c1_controls_in_a_latin1_page_are_dropped() -> None:
    page = b"Dijken worden verhoogd\n" + b"DEN HAAG (ANP) - Het kabinet\x81 is er\x9d klaar voor.\n"
    (item,) = read("pagina.txt", page)
    assert item.summary == "Het kabinet is er klaar voor."


# --- language -----------------------------------------------------------------


@pytest.mark.parametrize("tag", ["nl", "nl-NL", "en-GB", "sr-Latn-RS", "de-CH-1996", "es-419"])
def test_a_well_formed_language_tag_is_kept(tag: str) -> None:
    assert read_ninjs(language=tag).language == tag


@pytest.mark.parametrize(
    "tag",
    ["nl\u0000<script>", "not a tag", "nederlands-nederland-x", "nl_NL", "n", "nl-", "x" * 80],
)
def test_a_malformed_language_tag_is_dropped_with_a_warning(
    tag: str, caplog: pytest.LogCaptureFixture
) -> None:
    assert read_ninjs(language=tag).language is None
    assert "expected a BCP 47 language tag" in caplog.text
    assert "item.json" in caplog.text


def test_an_nitf_language_attribute_is_checked_too() -> None:
    document = nitf().replace(b"<nitf>", b'<nitf xml:lang="nl&lt;b&gt;">')
    (item,) = read("item.nitf", document)
    assert item.language is None


# --- versions -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2", 2), (3, 3), (" 4 ", 4), ("9999", 9999), ("²", None), ("٣", None), ("0", None),
        ("-2", None), ("2.0", None), (True, None), (None, None),
        pytest.param("9" * 5000, None, id="5000-digits"),
        pytest.param(10**5000, None, id="huge-int"),
    ],
)  # fmt: skip
def test_a_version_is_a_small_whole_number_in_ascii_digits(
    value: object, expected: int | None
) -> None:
    assert version_number(value) == expected


@pytest.mark.parametrize("version", ["²", "9" * 5000], ids=["superscript", "5000-digits"])
def test_an_impossible_version_reads_as_version_one(version: str) -> None:
    assert read_ninjs(version=version).version == 1
    (item,) = read("anp.json", json.dumps(anp(version=version)).encode())
    assert item.version == 1


# --- sizes --------------------------------------------------------------------


def _refused(data: bytes, name: str = "item.json") -> str:
    with pytest.raises(ParseError) as refused:
        read(name, data)
    return str(refused.value)


def test_a_headline_over_the_limit_is_refused_naming_the_file() -> None:
    message = _refused(ninjs(headline="Dijken " * 100))
    assert message.startswith("item.json: expected a headline of at most 500 characters")


def test_a_lead_over_the_limit_is_refused() -> None:
    message = _refused(ninjs(body_text="DEN HAAG (ANP) - " + "Lang. " * 4000))
    assert "expected a lead of at most 20,000 characters" in message


def test_a_body_over_the_limit_is_refused() -> None:
    lines = [LEAD] + ["Een regel tekst over de dijken die maar doorgaat. " * 40] * 600
    message = _refused(ninjs(body_text="\n".join(lines)))
    assert "expected a body of at most 1,000,000 characters" in message


def test_too_many_paragraphs_are_refused() -> None:
    message = _refused(ninjs(body_text="\n".join([LEAD] + ["Kort."] * clean.MAX_PARAGRAPHS)))
    assert "expected a body of at most 5,000 paragraphs" in message


def test_too_many_keywords_are_refused() -> None:
    keywords = [f"trefwoord {n}" for n in range(clean.MAX_KEYWORDS + 1)]
    assert "expected a list of at most 200 keywords" in _refused(ninjs(keywords=keywords))


def test_a_byline_over_the_limit_is_refused() -> None:
    assert "expected a byline of at most 300 characters" in _refused(
        ninjs(byline="Jan Jansen " * 40)
    )


def test_a_listing_over_the_limit_is_refused_whole() -> None:
    listing = json.dumps([anp(id=str(n)) for n in range(clean.MAX_ITEMS_PER_FILE + 1)])
    assert "expected a listing of at most 1,000 items" in _refused(listing.encode())


def test_a_page_with_too_many_teasers_is_refused_with_the_line() -> None:
    teasers = [f"{LEAD[:-1]} nummer {n}.\n7 uur geleden" for n in range(clean.MAX_ITEMS_PER_FILE)]
    page = "Dijken worden verhoogd\n" + LEAD + "\nMeer uit Binnenland\n" + "".join(teasers)
    with pytest.raises(ParseError) as refused:
        read("pagina.txt", page.encode())
    assert "expected a page of at most 1,000 items" in str(refused.value)
    # Headline, lead and ``Meer uit`` come first; each age is glued to the next teaser.
    assert refused.value.line == 3 + clean.MAX_ITEMS_PER_FILE


def test_items_within_the_limits_are_read_whole() -> None:
    item = read_ninjs(headline="Dijken " * 70, body_text="\n".join([LEAD] + ["Tekst."] * 4000))
    assert len(item.paragraphs) == 4001


# --- the whole import ---------------------------------------------------------


def test_a_pile_of_bad_fields_costs_only_the_bad_files(tmp_path: Path) -> None:
    wire = tmp_path / "wire"
    wire.mkdir()
    (wire / "goed.json").write_bytes(ninjs(uri="urn:test:goed"))
    (wire / "surrogaat.json").write_bytes(ninjs(uri="urn:test:\ud800", headline="Kop \ud800"))
    (wire / "versie.json").write_bytes(ninjs(uri="urn:test:versie", version="²"))
    (wire / "jaar.json").write_bytes(
        ninjs(uri="urn:test:jaar", versioncreated="9999-12-31T23:59-01:00")
    )
    (wire / "diep.json").write_bytes(ninjs(uri="urn:test:diep", body_html="<div>" * 300 + LEAD))
    (wire / "commentaar.json").write_bytes(
        ninjs(uri="urn:test:c", body_html="<p>Tekst</p><!-- n --><p>Meer</p>")
    )
    result = run_cli(
        "import", str(wire), "--content", str(tmp_path / "content"), "--json", "--no-cache"
    )
    assert "Traceback" not in result.stderr, result.stderr
    summary = json.loads(result.stdout)
    assert result.returncode == 1
    assert summary["items"] == 4
    errors = sorted(summary["errors"])
    assert len(errors) == 2
    assert "diep.json: expected HTML that the parser reads to the end" in errors[0]
    assert (
        "jaar.json: expected the date (ninjs versionCreated) in the years 1850 to 2199" in errors[1]
    )
