"""The full-text index (work in progress): built from composed stories, read a chunk at a time.

Stories with a word only in the body, a word only in a headline, two places
and two sections, over three days; the index built into a folder and
searched with ``fulltext_query``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.search import fulltext
from generator.search.fulltext import FullDocument, build_fulltext
from generator.search.fulltext_query import FulltextIndex, search
from generator.search.query import Filters
from generator.search.store import SearchDocument

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
def index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FulltextIndex:
    monkeypatch.setattr(fulltext, "CHUNK_BYTES", 40)  # many small chunks: reading few shows
    manifest, files = build_fulltext(documents())
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, "utf-8")
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    return FulltextIndex(tmp_path)


def slugs(
    index: FulltextIndex, query: str, filters: Filters | None = None, order: str = "relevance"
) -> list[str]:
    hits = search(index, query, filters, order).hits
    return [index.record(hit.number).url.split("/")[-2] for hit in hits]


def test_a_word_only_in_the_body_is_found_and_the_headline_comes_first(
    index: FulltextIndex,
) -> None:
    assert slugs(index, "keeper") == ["een", "drie", "twee"]  # "een" has it in its headline


def test_a_query_reads_only_the_chunks_its_words_need(index: FulltextIndex) -> None:
    search(index, "haven")
    chunks = [name for name in index.fetched if name.startswith("terms/")]
    assert len(chunks) == 1 < len(index.manifest["terms"])


def test_a_period_is_a_range_of_story_numbers(index: FulltextIndex) -> None:
    assert slugs(index, "keeper", Filters(date_from="2025-03-15")) == ["drie", "twee"]
    assert slugs(index, "keeper", Filters(date_to="2025-03-15")) == ["een", "twee"]
    assert slugs(index, "keeper", Filters(date_from="2025-03-15", date_to="2025-03-15")) == ["twee"]


def test_section_and_place_filters_read_the_facets_not_the_records(index: FulltextIndex) -> None:
    assert slugs(index, "keeper", Filters(section="Sport", city="Rotterdam")) == ["een"]
    assert not [name for name in index.fetched if name.startswith("docs/")][:-1]


def test_every_word_is_required_else_the_stories_with_some(index: FulltextIndex) -> None:
    assert slugs(index, "keeper sluis") == ["twee"]
    answer = search(index, "keeper qqqzzz")
    assert answer.partial and len(answer.hits) == 3


def test_the_order_by_date_is_newest_first(index: FulltextIndex) -> None:
    assert slugs(index, "keeper", order="date") == ["drie", "twee", "een"]


def test_the_same_stories_give_the_same_files() -> None:
    assert build_fulltext(documents()) == build_fulltext(documents())
    _manifest, files = build_fulltext(documents())
    postings = [value for name, text in files.items() if name.startswith("terms/")
                for value in json.loads(text).values()]  # fmt: skip
    assert all(isinstance(number, int) for flat in postings for number in flat)


def test_a_misspelt_word_gives_the_corrected_querys_stories(index: FulltextIndex) -> None:
    answer = search(index, "keepr")
    assert answer.corrected and answer.suggestion == "keeper"
    assert [index.record(hit.number).url.split("/")[-2] for hit in answer.hits] == [
        "een",
        "drie",
        "twee",
    ]


def test_a_phrase_must_stand_in_the_headline_or_lead(index: FulltextIndex) -> None:
    assert slugs(index, '"breekt been"') == ["een"]
    assert search(index, '"been breekt"').partial  # the words, not in that order


def test_a_query_of_stop_words_only_finds_the_headlines_holding_it(index: FulltextIndex) -> None:
    assert slugs(index, "alles of niets") == ["twee"]
    assert slugs(index, "niets of alles") == []  # in that order only


def test_counts_are_over_the_hits_before_the_filters(index: FulltextIndex) -> None:
    answer = search(index, "keeper", Filters(section="Sport"))
    assert dict(answer.sections) == {"Sport": 2, "Economie": 1}
    assert len(answer.hits) == 2


def test_an_empty_archive_answers_nothing(tmp_path: Path) -> None:
    manifest, files = build_fulltext([])
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, "utf-8")
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    empty = FulltextIndex(tmp_path)
    assert search(empty, "keeper").hits == []
    assert not [name for name in empty.fetched if name.startswith("facets")]
