"""The reading boundary of converter and site, and the site's names, one value
at a time: front matter edited by hand into anything is cleaned or refused
and read as a typed ``Story`` (``content.record``), slugs of names in any
script are words (``name_slug``), and no two names share one (``unique_slugs``)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.addresses import ARCHIVE_ZONE
from generator.content.record import MAX_LIST_ITEMS, MAX_TEXT_CHARS, read_story
from generator.errors import ContentError
from generator.model import DatePrecision, Place, Story
from generator.site.archive import name_key, unique_slugs
from generator.site.feeds import xml_text
from generator.text.clean import well_formed_language as language_tag
from generator.text.slugs import name_slug, slugify

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*-?")
XML_CHARACTER = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*")
PATH = "content/2025/03/14/test.md"
DATE = "2025-03-14T09:30:00+01:00"


def read(**fields: Any) -> Story:
    """The story of a file with a title and date and ``fields`` (which may replace them)."""
    return read_story({"title": "Kop", "date": DATE, **fields}, PATH)


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("Storing\x0bin\x1bhet net", "Storing inhet net"),
        ("Regel\neen\tregel\u2028twee", "Regel een regel twee"),
        ("Kapot \ud800 teken", "Kapot \ufffd teken"),
        ("Geen\ufffe\uffffteken", "Geenteken"),
        # The converter's rule (text.clean.clean_line), so what it wrote reads
        # back the same: spaces folded, format characters dropped.
        ("10\u00a0km  en\u200d emoji", "10 km en emoji"),
    ],
)
def test_text_values_are_cleaned_as_the_converter_cleans_them(written: str, shown: str) -> None:
    story = read(title=written, city=written, byline=written, keywords=[written])
    assert (story.title, story.city, story.byline, story.keywords) == (
        shown,
        shown,
        shown,
        (shown,),
    )


def test_values_that_are_no_text_count_as_absent() -> None:
    story = read(city={"naam": "Utrecht"}, byline=None, agency=7, summary=["een", "lijst"])
    assert (story.city, story.byline, story.agency, story.summary) == (None, None, "7", "")


def test_keys_that_steer_pelican_are_never_read() -> None:
    plain = read()
    steered = read(save_as="../../index.html", template="x", settings="y", url="z", Lang="x")
    assert steered == plain


def test_a_story_file_without_title_or_date_is_the_files_error() -> None:
    with pytest.raises(ContentError, match="expected a 'title'"):
        read(title=["een", "lijst"])
    with pytest.raises(ContentError, match="expected 'date' as an ISO 8601"):
        read(date="gisteren")
    with pytest.raises(ContentError, match="expected a 'title'"):
        read_story({"date": DATE}, PATH)


def test_an_embargo_that_cannot_be_read_is_the_files_error_never_none() -> None:
    # Read as none, the story would be published at once.
    with pytest.raises(ContentError, match="expected the embargo as an ISO 8601"):
        read(embargo="na de persconferentie")
    assert read(embargo="2025-03-14T12:00:00+01:00").embargo == datetime(
        2025, 3, 14, 11, tzinfo=UTC
    )
    assert read(embargo="").embargo is None


def test_what_a_hand_edit_leaves_out_has_a_documented_default() -> None:
    story = read()
    assert story.section == "Algemeen"
    assert (story.slug, story.id) == ("test", "test")  # the file's name
    assert (story.summary, story.date_source, story.kind, story.version) == ("", "", "story", 1)
    assert read(category="\x1b").section == "Algemeen"
    assert read(slug="eigen").id == "eigen"


def test_oversized_values_are_the_files_error() -> None:
    assert read(summary="a" * MAX_TEXT_CHARS).summary == "a" * MAX_TEXT_CHARS
    with pytest.raises(ContentError, match="expected front matter 'summary' of at most"):
        read(summary="a" * (MAX_TEXT_CHARS + 1))
    with pytest.raises(ContentError, match="'keywords' of at most 1,000 items"):
        read(keywords=["woord"] * (MAX_LIST_ITEMS + 1))


def test_dates_are_aware_datetimes_and_lists_keep_their_text_items() -> None:
    moment = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
    story = read(date=moment, modified="2025-03-15T10:00:00+01:00", sources=["a", ["b"], "c\x1b"])
    assert story.date == moment
    assert story.modified == datetime(2025, 3, 15, 10, tzinfo=timezone(timedelta(hours=1)))
    assert story.sources == ("a", "c")
    assert read(date="2025-03-14T23:30:00").date.tzinfo is ARCHIVE_ZONE  # as Pelican took it
    assert read(captured_at="kort geleden").captured_at is None


@pytest.mark.parametrize(
    ("written", "precision"),
    [("hour", DatePrecision.HOUR), ("CAPTURED", DatePrecision.CAPTURED), ("ooit", "exact")],
)
def test_the_date_precision_is_the_enum(written: str, precision: str) -> None:
    assert read(date_precision=written).date_precision == precision
    assert isinstance(read(date_precision=written).date_precision, DatePrecision)


@pytest.mark.parametrize(
    ("written", "tag"),
    [
        ("nl", "nl"),
        ("EN-gb", "en-GB"),
        ("sr-latn-rs", "sr-Latn-RS"),
        ("es-419", "es-419"),
        ("  fy-NL ", "fy-NL"),
        ('en" onclick="x', None),
        ("nederlands", None),
        ("en_GB", None),
        ("", None),
        (["nl"], None),
        (31, None),
    ],
)
def test_only_a_well_formed_language_tag_passes(written: object, tag: str | None) -> None:
    assert language_tag(written) == tag
    assert read(language=written).language == tag


@pytest.mark.parametrize(
    "place",
    [
        {"lat": "noord", "lon": 5.1},
        {"lat": 91, "lon": 5.1},
        {"lat": 52.1, "lon": float("nan")},
        {"lat": 52.1},
        {"lat": True, "lon": 5.1},
        "Utrecht",
        [52.1, 5.1],
    ],
)
def test_a_place_off_the_globe_is_left_out(place: object) -> None:
    assert read(place=place).place is None


def test_a_place_on_the_globe_is_a_place() -> None:
    place = {"country": "NL", "lat": "52.0908", "lon": 5.1222, "geonames": 2745912, "x": [1]}
    assert read(place=place).place == Place("NL", 52.0908, 5.1222, 2745912)


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Москва", "moskva"),
        ("Київ", "kiyiv"),
        ("Αθήνα", "athena"),
        ("北京", "bei-jing"),
        ("Den Haag", "den-haag"),
        ("'s-Hertogenbosch", "s-hertogenbosch"),
        ("Zürich", "zurich"),
        ("🙂", "item"),
        ("Кон", "kon"),
    ],
)
def test_names_in_any_script_become_words(name: str, slug: str) -> None:
    assert name_slug(name) == slug


@given(st.text())
def test_a_name_slug_is_always_a_plain_name_and_latin_names_keep_theirs(name: str) -> None:
    slug = name_slug(name)
    assert SLUG.fullmatch(slug), slug
    # Where slugify spells every letter and digit (accents folded), the slug is its.
    if all(slugify(char, fallback="") for char in name if char.isalnum()):
        assert slug == slugify(name)


@given(st.lists(st.sampled_from(["北京", "背景", "🙂", "🙃", "Den Haag", "den-haag", "item"])))
def test_distinct_names_never_share_a_slug(names: list[str]) -> None:
    keys = list(dict.fromkeys(name_key(name) for name in names))
    chosen = unique_slugs([(key, key) for key in keys])
    assert sorted(chosen) == sorted(keys)
    assert len(set(chosen.values())) == len(keys)
    assert all(SLUG.fullmatch(slug) for slug in chosen.values())
    if keys:
        assert chosen[keys[0]] == name_slug(keys[0])  # the first to claim keeps its slug


def test_a_suffix_depends_on_the_name_alone() -> None:
    alone = unique_slugs([("北京", "北京"), ("背景", "背景")])
    crowded = unique_slugs([("北京", "北京"), ("🙂", "🙂"), ("背景", "背景")])
    assert alone["北京"] == "bei-jing"
    assert alone["背景"] == crowded["背景"] != "bei-jing"


def test_names_differing_in_case_or_form_are_one_name() -> None:
    assert name_key("Den  Haag") == name_key("DEN HAAG") == name_key("den haag")
    assert name_key("Zu\u0308rich") == name_key("Zürich") != name_key("Zurich")


@given(st.text())
def test_feed_text_is_always_xml(text: str) -> None:
    assert XML_CHARACTER.fullmatch(xml_text(text))


def test_the_renderer_bounds_nesting() -> None:
    """CommonMark's preset stops nesting at 20 levels: 10,000 ``>`` are no
    10,000 nested quotes (the site renders with this renderer)."""
    from generator.content.markdown import RENDERER, markdown_to_html

    assert RENDERER.options["maxNesting"] <= 20
    assert markdown_to_html(">" * 10_000 + " diep\n").count("<blockquote>") <= 20
