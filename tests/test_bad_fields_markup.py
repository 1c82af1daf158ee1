"""Bad markup in a field costs one item, never the archive: comments,
processing instructions and CDATA in HTML are ignored, nesting too deep is a
clear error, words never glue across elements, and a date is never a city."""

from __future__ import annotations

import json

import pytest

from generator.errors import ParseError
from generator.formats.markup import body_from_html
from tests.test_bad_fields import LEAD, anp, nitf, read, read_ninjs


@pytest.mark.parametrize(
    "markup",
    [
        "<p>Tekst</p><!-- note --><p>Meer</p>",
        "<p>Tekst</p><?php echo 1 ?><p>Meer</p>",
        "<p>Tekst</p><![CDATA[verborgen]]><p>Meer</p>",
        "<!-- open --><p>Tekst</p><p>Meer<!-- binnen --></p>",
        "<p><b>Tekst</b><!-- x --></p><p>Meer</p>",
    ],
)
def test_comments_and_processing_instructions_in_html_are_ignored(markup: str) -> None:
    item = read_ninjs(body_text=None, body_html=markup)
    assert item.paragraphs == ["Tekst", "Meer"]


def test_a_comment_keeps_the_text_after_it() -> None:
    body = body_from_html("<p>Een<!-- x --> twee</p><div>drie<!-- y --> vier</div>", path="x")
    assert body.paragraphs == ["Een twee", "drie vier"]


def test_a_comment_in_an_anp_body_is_ignored() -> None:
    data = json.dumps(anp(bodyText=f"<p>{LEAD}</p><!-- redactie --><p>Meer.</p>")).encode()
    (item,) = read("anp.json", data)
    assert item.paragraphs[1:] == ["Meer."]


@pytest.mark.parametrize("depth", [254, 300, 5000])
def test_html_nested_too_deep_is_an_error_naming_the_file(depth: int) -> None:
    markup = "<div>" * depth + f"<p>{LEAD}</p>" + "</div>" * depth
    with pytest.raises(ParseError) as refused:
        read_ninjs(body_text=None, body_html=markup)
    assert str(refused.value).startswith("item.json: expected HTML that the parser reads")


def test_html_nested_within_the_limit_is_read() -> None:
    markup = "<div>" * 250 + f"<p>{LEAD}</p>" + "</div>" * 250
    assert read_ninjs(body_text=None, body_html=markup).summary.startswith("Het kabinet")


# --- words never glue ---------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>Kabinet valt</p><p>Rutte zegt</p>", ["Kabinet valt", "Rutte zegt"]),
        ("<header><p>Kabinet valt</p><p>Rutte zegt</p></header>", ["Kabinet valt", "Rutte zegt"]),
        ("<table><tr><td>Kabinet valt</td><td>Rutte zegt</td></tr></table>", None),
        ("<p><b>Kabinet valt<br>Rutte zegt</b></p>", None),
        ("<p><a href='x'><span>Kabinet valt</span><div>Rutte zegt</div></a></p>", None),
        ("<ul><li><span><p>Kabinet valt</p><p>Rutte zegt</p></span></li></ul>", None),
    ],
)
def test_adjacent_blocks_never_glue_words(markup: str, expected: list[str] | None) -> None:
    paragraphs = body_from_html(markup, path="x").paragraphs
    assert "valtRutte" not in " ".join(paragraphs)
    assert paragraphs == (expected or ["Kabinet valt Rutte zegt"])


def test_an_nitf_byline_keeps_name_and_title_apart() -> None:
    byline = "<byline>Jan Jansen<byttl>correspondent</byttl></byline>"
    (item,) = read("item.nitf", nitf(body_head=byline))
    assert item.byline == "Jan Jansen, correspondent"


def test_an_nitf_byline_of_persons_keeps_words_apart() -> None:
    byline = "<byline>Door<person>Jan Jansen</person><byttl>verslaggever</byttl></byline>"
    (item,) = read("item.nitf", nitf(body_head=byline))
    assert item.byline == "Door Jan Jansen, verslaggever"


def test_an_nitf_headline_with_a_break_keeps_words_apart() -> None:
    document = nitf().replace(b"Dijken worden verhoogd</hl1>", b"Dijken<br/>verhoogd</hl1>")
    (item,) = read("item.nitf", document)
    assert item.title == "Dijken verhoogd"


# --- a date is no city --------------------------------------------------------


def test_an_nitf_dateline_that_is_a_date_gives_no_city() -> None:
    dateline = '<dateline><story.date norm="20250314">14 maart 2025</story.date></dateline>'
    (item,) = read("item.nitf", nitf(body_head=dateline, content="<p>Tekst zonder plaats.</p>"))
    assert item.city is None


def test_an_nitf_dateline_gives_its_place_without_its_date() -> None:
    place = "<location><city>UTRECHT</city></location>"
    dateline = f"<dateline>{place}<story.date>14 maart</story.date></dateline>"
    (item,) = read("item.nitf", nitf(body_head=dateline, content="<p>Tekst zonder plaats.</p>"))
    assert item.city == "Utrecht"


@pytest.mark.parametrize(
    "located", ["14 maart 2025", "March 14", "2025-03-14", "Vrijdag", "maandag"]
)
def test_a_ninjs_located_that_is_a_date_gives_no_city(located: str) -> None:
    item = read_ninjs(located=located, body_text="Tekst zonder plaats.")
    assert item.city is None


def test_a_ninjs_located_place_is_still_read() -> None:
    item = read_ninjs(located="Zwolle, Nederland", body_text="Tekst zonder plaats.")
    assert item.city == "Zwolle"
