"""The site's reading boundary and names, one value at a time: front matter
edited by hand into anything is cleaned or refused (``story_fields``), slugs
of names in any script are words (``name_slug``), and no two names share one
(``unique_slugs``)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.errors import ContentError
from generator.site.archive import name_key, unique_slugs
from generator.site.feeds import xml_text
from generator.site.story_fields import (
    MAX_LIST_ITEMS,
    MAX_TEXT_CHARS,
    clean_front_matter,
    language_tag,
)
from generator.text.slugs import name_slug, slugify

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*-?")
XML_CHARACTER = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*")


def clean(**fields: Any) -> dict[str, Any]:
    return clean_front_matter(fields, "content/2025/03/14/test.md")


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("Storing\x0bin\x1bhet net", "Storing inhet net"),
        ("Regel\neen\tregel\u2028twee", "Regel een regel twee"),
        ("Kapot \ud800 teken", "Kapot \ufffd teken"),
        ("Geen\ufffe\uffffteken", "Geenteken"),
        ("10\u00a0km en\u200d emoji", "10\u00a0km en\u200d emoji"),  # kept: they are text
    ],
)
def test_text_values_lose_control_characters_only(written: str, shown: str) -> None:
    assert clean(title=written, city=written, byline=written)["title"] == shown
    assert clean(city=written)["city"] == shown


def test_values_that_are_no_text_are_left_out() -> None:
    cleaned = clean(title=["een", "lijst"], city={"naam": "Utrecht"}, byline=None, agency=7)
    assert "title" not in cleaned and "city" not in cleaned and "byline" not in cleaned
    assert cleaned["agency"] == "7"


def test_keys_that_steer_pelican_are_left_out() -> None:
    cleaned = clean(
        title="Gewoon", save_as="../../index.html", template="x", settings="y", url="z", Lang="x"
    )
    assert set(cleaned) == {"title", "category"}


def test_a_story_without_section_is_filed_under_the_default() -> None:
    assert clean(title="Zonder rubriek")["category"] == "Algemeen"
    assert clean(category="\x1b")["category"] == "Algemeen"


def test_oversized_values_are_the_files_error() -> None:
    assert clean(summary="a" * MAX_TEXT_CHARS)["summary"] == "a" * MAX_TEXT_CHARS
    with pytest.raises(ContentError, match="expected front matter 'summary' of at most"):
        clean(summary="a" * (MAX_TEXT_CHARS + 1))
    with pytest.raises(ContentError, match="'keywords' of at most 1,000 items"):
        clean(keywords=["woord"] * (MAX_LIST_ITEMS + 1))


def test_dates_stay_dates_and_lists_keep_their_text_items() -> None:
    moment = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
    cleaned = clean(
        date=moment, modified="2025-03-15T10:00:00+01:00", sources=["a", ["b"], "c\x1b"]
    )
    assert cleaned["date"] == moment
    assert cleaned["modified"] == "2025-03-15T10:00:00+01:00"
    assert cleaned["sources"] == ["a", "c"]


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
    assert clean(language=written).get("language") == tag


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
    assert "place" not in clean(place=place)


def test_a_place_on_the_globe_keeps_its_fields() -> None:
    place = {"country": "NL", "lat": 52.0908, "lon": 5.1222, "geonames": 2745912, "x": [1]}
    assert clean(place=place)["place"] == {
        "country": "NL",
        "lat": 52.0908,
        "lon": 5.1222,
        "geonames": 2745912,
    }


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
