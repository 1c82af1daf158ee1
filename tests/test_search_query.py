"""Answering a query over the index: built from composed stories, read a file at a time.

Stories with a word only in the body, a word only in a headline, two places
and two sections, over three days; the index built (``index_files``) into a
folder in many small term files and searched (``query.search``) through
``reader.SearchIndex``, which reads only the files a query needs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.search.index_files import build_index, unpack
from generator.search.query import EXACT_BOOST, Filters, counts, search
from generator.search.reader import SearchIndex
from generator.search.store import SearchDocument
from generator.search.weights import FullDocument
from tests.search_files import write_index

STORIES = [  # newest first: (slug, day, city, section, title, lead, body)
    (
        "drie",
        "2025-03-16",
        "Utrecht",
        "Sport",
        "Ajax wint van Utrecht",
        "Een zege.",
        "De keeper hield alles tegen.",
    ),
    (
        "twee",
        "2025-03-15",
        "Rotterdam",
        "Economie",
        "Haven groeit: alles of niets",
        "Meer containers.",
        "De keeper van de sluis tevreden.",
    ),
    (
        "een",
        "2025-03-14",
        "Rotterdam",
        "Sport",
        "Keeper breekt been",
        "Een blessure.",
        "Hij valt maanden uit.",
    ),
]
SMALL_CHUNKS = 40  # bytes: many small term files, so reading few shows


def documents() -> list[FullDocument]:
    made = []
    for slug, day, city, section, title, lead, body in STORIES:
        record = SearchDocument(
            url=f"{day.replace('-', '/')}/{slug}/", title=title, lead=lead, city=city,
            section=section, date=f"{day}T12:00:00+01:00", date_text=day, day=day,
        )  # fmt: skip
        made.append(FullDocument(record, body))
    return made


@pytest.fixture
def index(tmp_path: Path) -> SearchIndex:
    return SearchIndex(write_index(tmp_path, documents(), SMALL_CHUNKS))


def slugs(
    index: SearchIndex, query: str, filters: Filters | None = None, order: str = "relevance"
) -> list[str]:
    hits = search(index, query, filters, order).hits
    return [index.record(hit.number).url.split("/")[-2] for hit in hits]


def test_a_word_only_in_the_body_is_found_and_the_headline_comes_first(
    index: SearchIndex,
) -> None:
    assert slugs(index, "keeper") == ["een", "drie", "twee"]  # "een" has it in its headline


def test_a_hit_counts_its_words_and_its_headline_words(index: SearchIndex) -> None:
    hits = search(index, "keeper sluis").hits
    assert [(hit.number, hit.matched, hit.in_title) for hit in hits] == [(1, 2, 0)]
    [first, *_] = search(index, "keeper").hits
    assert (first.number, first.matched, first.in_title) == (2, 1, 1)
    assert all(isinstance(hit.score, int) and hit.score > 0 for hit in search(index, "ke").hits)


def test_a_words_own_term_weighs_more_than_a_term_it_only_begins(index: SearchIndex) -> None:
    # "tevred" is the term of "tevreden"; "tevr" only begins it, as a prefix.
    [own] = search(index, "tevreden").hits
    [begun] = search(index, "tevr").hits
    assert own.number == begun.number == 1
    assert own.score == EXACT_BOOST * begun.score


def test_a_query_reads_only_the_term_files_its_words_need(index: SearchIndex) -> None:
    search(index, "haven")
    chunks = [name for name in index.fetched if name.startswith("terms/")]
    assert len(chunks) == 1 < len(index.manifest["terms"]["first"])


def test_a_period_is_a_range_of_story_numbers(index: SearchIndex) -> None:
    assert slugs(index, "keeper", Filters(date_from="2025-03-15")) == ["drie", "twee"]
    assert slugs(index, "keeper", Filters(date_to="2025-03-15")) == ["een", "twee"]
    assert slugs(index, "keeper", Filters(date_from="2025-03-15", date_to="2025-03-15")) == ["twee"]
    assert slugs(index, "keeper", Filters(date_from="2025-03-17")) == []
    assert slugs(index, "keeper", Filters(date_to="2025-03-13")) == []


def test_section_and_place_filters_read_the_facets_not_the_records(index: SearchIndex) -> None:
    found = search(index, "keeper", Filters(section="Sport", city="Rotterdam"), "date")
    assert [hit.number for hit in found.hits] == [2]
    assert [name for name in index.fetched if name.startswith("docs/")] == []
    assert [name.split("/")[0] for name in index.fetched if not name.startswith("terms/")] == [
        "facets"
    ]


def test_every_word_is_required_else_the_stories_with_some(index: SearchIndex) -> None:
    assert slugs(index, "keeper sluis") == ["twee"]
    answer = search(index, "keeper qqqzzz")
    assert answer.partial and len(answer.hits) == 3


def test_the_order_reads_only_the_headlines_holding_every_word(index: SearchIndex) -> None:
    assert [hit.number for hit in search(index, "keeper sluis").hits] == [1]  # no headline word
    assert [name for name in index.fetched if name.startswith("docs/")] == []
    hits = search(index, "keeper been").hits  # "een"'s headline holds both: is it the query?
    assert [hit.number for hit in hits] == [2]
    assert len([name for name in index.fetched if name.startswith("docs/")]) == 1


def test_the_order_by_date_is_newest_first(index: SearchIndex) -> None:
    assert slugs(index, "keeper", order="date") == ["drie", "twee", "een"]


def test_the_same_stories_give_the_same_files() -> None:
    first: dict[str, bytes] = {}
    second: dict[str, bytes] = {}
    assert build_index(documents(), first.__setitem__) == build_index(
        documents(), second.__setitem__
    )
    assert first == second
    postings = [value for name, text in first.items() if name.startswith("terms/")
                for value in unpack(text).values()]  # fmt: skip
    assert postings and all(isinstance(number, int) for flat in postings for number in flat)


def test_a_misspelt_word_gives_the_corrected_querys_stories(index: SearchIndex) -> None:
    answer = search(index, "keepr")
    assert answer.corrected and answer.suggestion == "keeper"
    assert [index.record(hit.number).url.split("/")[-2] for hit in answer.hits] == [
        "een",
        "drie",
        "twee",
    ]


def test_a_phrase_must_stand_in_the_headline_or_lead(index: SearchIndex) -> None:
    assert slugs(index, '"breekt been"') == ["een"]
    assert search(index, '"been breekt"').partial  # the words, not in that order


def test_a_query_of_stop_words_only_finds_the_headlines_holding_it(index: SearchIndex) -> None:
    assert slugs(index, "alles of niets") == ["twee"]
    assert slugs(index, "niets of alles") == []  # in that order only


def test_counts_are_over_the_hits_before_the_filters(index: SearchIndex) -> None:
    answer = search(index, "keeper", Filters(section="Sport"))
    counted = counts(index, answer)
    assert dict(counted.sections) == {"Sport": 2, "Economie": 1}
    assert dict(counted.cities) == {"Rotterdam": 2, "Utrecht": 1}
    assert len(answer.hits) == 2


def test_without_section_or_place_filter_a_search_reads_no_facets(index: SearchIndex) -> None:
    assert len(search(index, "keeper", Filters(date_from="2025-03-15")).hits) == 2
    assert [name for name in index.fetched if name.startswith("facets/")] == []
    assert dict(counts(index, search(index, "qqqzzz")).sections) == {}  # nothing to count
    assert [name for name in index.fetched if name.startswith("facets/")] == []
    assert counts(index, search(index, "sluis")).sections == {"Economie": 1}
    assert len([name for name in index.fetched if name.startswith("facets/")]) == 1


def test_the_body_is_kept_for_the_snippet(index: SearchIndex) -> None:
    assert [index.body(number) for number in range(index.total)] == [body for *_, body in STORIES]


def test_an_empty_archive_answers_nothing(tmp_path: Path) -> None:
    empty = SearchIndex(write_index(tmp_path, []))
    assert empty.total == 0
    assert search(empty, "keeper").hits == []
    assert search(empty, "alles of niets").hits == []
    assert counts(empty, search(empty, "keeper")).sections == {}
    assert not [name for name in empty.fetched if name.startswith("facets")]
