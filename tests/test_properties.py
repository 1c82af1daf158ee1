"""Round-trip properties (hypothesis).

- any text written as Markdown renders back to the same text;
- any front matter written reads back the same;
- any item written as a content file reads back as the same item, and the
  file is recognised as untouched until a single character changes.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from generator.content.files import is_hand_edited, read_item, render
from generator.content.frontmatter import join, split
from generator.content.markdown import (
    markdown_to_html,
    markdown_to_paragraphs,
    paragraphs_to_markdown,
)
from generator.errors import ContentError, ParseError
from generator.formats import webpage
from generator.model import DatePrecision, WireItem
from generator.text.clean import clean_line

# Any Unicode text but lone surrogates (they cannot be written as UTF-8).
CHARACTERS = st.characters(exclude_categories=["Cs"])
TEXT = st.text(CHARACTERS, max_size=200)
# Text shaped like wire copy, with every Markdown-significant ASCII character.
MARKUP = "\\`*_{}[]()#+-.!|<>&~=:;'\"/ \n\t"
WIRE_TEXT = st.text(st.sampled_from(list(MARKUP) + list("aZé1ĳ€")), max_size=80) | TEXT


def rendered_paragraphs(paragraphs: list[str]) -> list[str]:
    """The text of each <p> that the site shows for ``paragraphs``."""
    markup = markdown_to_html(paragraphs_to_markdown(paragraphs))
    if not markup.strip():
        return []
    tree = lxml_html.fragment_fromstring(markup, create_parent="div")
    assert [child.tag for child in tree] == ["p"] * len(tree)
    return [child.text_content() for child in tree]


@given(st.lists(WIRE_TEXT, max_size=4))
@settings(max_examples=300)
def test_markdown_shows_the_wire_text_unchanged(paragraphs: list[str]) -> None:
    expected = [text for text in map(clean_line, paragraphs) if text]
    assert rendered_paragraphs(paragraphs) == expected


KEYS = st.from_regex(r"[a-z][a-z_]{0,11}", fullmatch=True)


@given(st.dictionaries(KEYS, TEXT, max_size=6), TEXT)
def test_front_matter_round_trips(metadata: dict[str, str], body: str) -> None:
    body = body.lstrip("\n")  # the body starts after one blank line
    assert split(join(metadata, body)) == (metadata, body)


OFFSETS = st.sampled_from([timezone(timedelta(hours=1)), timezone(timedelta(hours=2))])
DATES = st.builds(
    lambda seconds, tz: datetime(2000, 1, 1, tzinfo=tz) + timedelta(seconds=seconds),
    st.integers(0, 40 * 365 * 86400),
    OFFSETS,
)
# Parsers hand over clean text (see clean_line); files keep exactly that.
CLEAN = TEXT.map(clean_line)
# A name the converter writes is never empty: an item without one has None.
NAME = CLEAN.filter(bool)
PARAGRAPH = WIRE_TEXT.map(clean_line).filter(bool)
ITEMS = st.builds(
    WireItem,
    id=st.from_regex(r"wa-[0-9a-f]{16}", fullmatch=True),
    title=NAME,
    paragraphs=st.lists(PARAGRAPH, min_size=1, max_size=3),
    summary=CLEAN,
    date=DATES,
    date_precision=st.sampled_from(list(DatePrecision)),
    date_source=CLEAN,
    section=NAME,
    city=st.none() | NAME,
    agency=st.none() | st.sampled_from(["ANP", "ANP/AFP", "AFN/BLOOMBERG"]),
    kind=st.sampled_from(["story", "teaser"]),
    captured_at=st.none() | DATES,
    sources=st.lists(NAME, max_size=3).map(lambda found: tuple(sorted(set(found)))),
    version=st.integers(1, 12),
    replaces=st.none() | NAME,
    modified=st.none() | DATES,
    guid=st.none() | NAME,
    byline=st.none() | NAME,
    genre=st.none() | NAME,
    keywords=st.lists(NAME, max_size=3).map(tuple),
    language=st.none() | st.sampled_from(["nl", "en-GB", "nb-NO"]),
    wire_format=st.none() | st.sampled_from(["webpage", "ninjs-3.0", "nitf"]),
)


@given(ITEMS, st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True))
def test_content_file_reads_back_as_the_item(item: WireItem, slug: str) -> None:
    item = replace(item, slug=slug)
    text = render(item, slug)
    assert read_item(text) == item
    metadata, body = split(text)
    assert metadata["slug"] == slug
    assert metadata["digest"].startswith("sha256:")
    assert body == paragraphs_to_markdown(item.paragraphs, item.headings)
    assert not is_hand_edited(text)


HEADED = st.lists(PARAGRAPH, max_size=5).flatmap(
    lambda paragraphs: st.tuples(
        st.just(paragraphs),
        st.sets(st.integers(0, max(len(paragraphs) - 1, 0))).map(
            lambda found: tuple(sorted(i for i in found if i < len(paragraphs)))
        ),
    )
)


@given(HEADED)
def test_markdown_reads_back_as_the_paragraphs(headed: tuple[list[str], tuple[int, ...]]) -> None:
    paragraphs, headings = headed
    assert markdown_to_paragraphs(paragraphs_to_markdown(paragraphs, headings)) == headed


@given(HEADED)
def test_subheads_render_as_headings_with_their_text(
    headed: tuple[list[str], tuple[int, ...]],
) -> None:
    paragraphs, headings = headed
    markup = markdown_to_html(paragraphs_to_markdown(paragraphs, headings))
    if not paragraphs:
        assert markup == ""
        return
    tree = lxml_html.fragment_fromstring(markup, create_parent="div")
    assert [child.tag for child in tree] == [
        "h2" if i in headings else "p" for i in range(len(paragraphs))
    ]
    assert [child.text_content() for child in tree] == paragraphs


@given(ITEMS, st.data())
@settings(max_examples=100)
def test_any_edit_is_noticed(item: WireItem, data: st.DataObject) -> None:
    text = render(item, "slug")
    position = data.draw(st.integers(0, len(text) - 1))
    replacement = data.draw(CHARACTERS.filter(lambda c: c != text[position]))
    edited = text[:position] + replacement + text[position + 1 :]
    assert is_hand_edited(edited)


PAGE_LINES = st.sampled_from(
    [
        "Kop van een bericht",
        "DEN HAAG (ANP) - Het kabinet komt met plannen.",
        "EN HAAG (ANP) - Een drop cap.",
        "Meer uit Binnenland",
        "7 uur geleden",
        "gisteren",
        "16 uur geledenZWOLLE (ANP) - De rechtbank deed uitspraak.",
        "zojuistUTRECHT (ANP/AFP) = Een bericht.",
        "",
    ]
)
PAGES = TEXT | st.lists(PAGE_LINES | TEXT, max_size=12).map("\n".join)


@given(PAGES, DATES)
@settings(max_examples=500)
def test_parser_returns_items_or_raises_its_own_error(text: str, captured_at: datetime) -> None:
    try:
        items = webpage.parse(text, path="fuzz.txt", captured_at=captured_at)
    except (ParseError, ContentError):
        return
    assert items and all(item.title and item.paragraphs for item in items)
