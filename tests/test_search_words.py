"""The Dutch words of a query, the same in Python and in the browser.

Word forms (``morphology``) against the shared vectors in
``tests/fixtures/search_forms.tsv``, on both sides (the JavaScript under node,
as the built site ships it); what a word matches (``words``: its terms, its
prefix as typed, phrases); and "Bedoelde u ...?" (``suggest``) on both sides.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator.search.morphology import base_forms, query_forms
from generator.search.suggest import correction, distance
from generator.search.words import holds_phrase, parse_query, text_words
from tests.conftest import FIXTURES
from tests.search_files import pipeline_side


def _vectors() -> list[tuple[str, list[str], list[str]]]:
    rows = []
    for line in (FIXTURES / "search_forms.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            word, base, query = line.split("\t")
            rows.append(
                (word, [f for f in base.split("|") if f], [f for f in query.split("|") if f])
            )
    return rows


VECTORS = _vectors()


@pytest.mark.parametrize(("word", "base", "query"), VECTORS, ids=[row[0] for row in VECTORS])
def test_word_forms_in_python(word: str, base: list[str], query: list[str]) -> None:
    assert list(base_forms(word)) == base
    assert list(query_forms(word)) == query


@pytest.mark.site
def test_word_forms_in_the_browser_are_pythons(built_site: Path) -> None:
    answer = pipeline_side(built_site, {"forms": [word for word, _, _ in VECTORS]})
    assert answer["forms"] == [[base, query] for _, base, query in VECTORS]


def test_the_vectors_cover_every_rule() -> None:
    words = {word for word, _, _ in VECTORS}
    for example in ("uiltje", "balletje", "boompje", "koninkje", "huizen", "brieven", "steden"):
        assert example in words
    assert any(not base and query for _, base, query in VECTORS)  # query-only forms
    assert any(not base and not query for _, base, query in VECTORS)  # words left alone


def test_a_word_matches_its_terms_and_its_prefix_as_typed() -> None:
    [veren] = parse_query("veren").words
    assert veren.prefix == "veren"  # never the stem "ver": verbiedt is no match
    assert veren.matches("verenigd") and not veren.matches("verbiedt")
    [stemde] = parse_query("stemde ").words
    assert stemde.prefix == "stemde" and stemde.matches("stem")  # its past tense's verb
    [short, last] = parse_query("de pvv wi").words
    assert short.prefix == "pvv" and last.prefix is None  # two letters: whole, also being typed
    assert not last.matches("wilders") and last.matches(last.terms[0])
    [done] = parse_query("rot ").words
    assert done.prefix == "rot" and done.matches(
        "rotterdam"
    )  # three letters: a prefix, typed out too


def test_quoted_words_are_a_phrase() -> None:
    query = parse_query('"tweede kamer" debat')
    assert query.phrases == (("tweede", "kamer"),)
    assert [word.text for word in query.words] == ["tweede", "kamer", "debat"]
    words = text_words("De Tweede Kamer debatteert")
    assert holds_phrase(words, ("tweede", "kamer"))
    assert not holds_phrase(words, ("kamer", "tweede"))


def test_a_correction_is_the_closest_most_frequent_word() -> None:
    words = Counter({"grapperhaus": 3, "grappenhuis": 1, "rotterdam": 9, "rotterdamse": 2})
    assert correction("grappenhaus", words) == "grapperhaus"  # one edit, the more frequent
    assert correction("rotterdm", words) == "rotterdam"
    assert correction("kat", words) is None  # nothing within one edit
    assert distance("kitten", "sitting", 5) == 3
    assert distance("kitten", "sitting", 1) == 2  # past the limit: limit + 1


@pytest.mark.site
def test_corrections_in_the_browser_are_pythons(built_site: Path) -> None:
    words = {"grapperhaus": 3, "grappenhuis": 1, "rotterdam": 9, "rotterdamse": 2, "amsterdam": 3}
    asked = ["grappenhaus", "rotterdm", "kat", "amsterdamm", "rotterdamsee"]
    answer = pipeline_side(
        built_site, {"corrections": [{"word": w, "words": words} for w in asked]}
    )
    assert answer["corrections"] == [correction(word, Counter(words)) for word in asked]
