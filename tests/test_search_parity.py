"""Python and the browser answer every query the same, from the same files.

Stage: query. Indexes are built (``index_files.build_index``) from the small
composed stories of ``tests/test_search_query.py`` (in many small term
files), from the judged Dutch set with its bodies (in term files of the
build's own size and in small ones, so a prefix spans files; and through a
real Pelican build of it, bodies read from its content files), and the sample
site's own (``built_site``, with the queries of ``tests/fixtures/queries.txt``:
diacritics, plurals, digits, prefixes, operators and colons). Every query, in
both orders, unfiltered and with a period, a section, a place (by another
name too) and both, goes to ``query.search`` and to ``search-query.js`` under
node (``tests/js/index-side.js``, real lunr-languages): the same hits in the
same order with the same integer scores, matched words and headline words,
the same fallback, suggestion, correction and counts, and the same files read
(each query on a fresh index). ``wire-archive search --json`` answers as the
browser does.

The Dutch pipeline is compared a function at a time too, against the scripts
the built site ships (``tests/js/lunr-side.js``): the trimmer and the accent
folding over every character of the Basic Multilingual Plane, the stemmer,
the plural merging and the index terms over the sample's vocabulary, and the
stop words exactly lunr-languages' own.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from benchmarks.judged_set import load_needs, load_stories, wire_item, write_content
from generator.addresses import day_key
from generator.places.gazetteer import aliases_of_place
from generator.search import index_files
from generator.search.pipeline import fold, index_terms, merge_plural, stem, stop_words, trim
from generator.search.query import Filters, counts, search
from generator.search.reader import SearchIndex
from generator.search.snippets import highlight, snippet
from generator.search.store import SearchDocument
from generator.search.weights import FullDocument
from generator.search.words import parse_query
from tests import test_search_query
from tests.conftest import FIXTURES, ROOT, run_cli
from tests.local_site import build_site
from tests.search_files import NODE_MODULES, node_side, pipeline_side, write_index

SMALL_QUERIES = [
    "keeper", "keeper sluis", "keeper qqqzzz", "keepr", "keepr sluis", '"breekt been"',
    '"been breekt"', '"keeper" been', "alles of niets", "niets of alles", "de de", "de",
    "haven", "Haven ", "ke", "k", "", "   ", '"', "utrecht", "ajax utrecht", "rotterdam",
    "Rotterdam sport", "containers", "container", "zege blessure", "van", "een", "~de",
    "tevreden sluis keeper", "maanden", "maand", "valt uit", "slui", "keeper slui", "sluizen",
]  # fmt: skip
JUDGED_QUERIES = sorted({need.query for need in load_needs()})
SITE_QUERIES = [
    line
    for line in (FIXTURES / "queries.txt").read_text("utf-8").split("\n")
    if line and line[0] != "#"
]
ORDERS = ["relevance", "date"]
FILTERED = ["all", "period", "section", "place", "both"]
Filtered = dict[str, tuple[dict[str, str], Filters]]


def both(js: dict[str, str], **python: str) -> tuple[dict[str, str], Filters]:
    return js, Filters(**python)


FILTERS: dict[str, Filtered] = {
    "small": {
        "all": both({}),
        "period": both({"dateFrom": "2025-03-15"}, date_from="2025-03-15"),
        "section": both({"section": "Sport"}, section="Sport"),
        "place": both({"city": "Rotterdam"}, city="Rotterdam"),
        "both": both({"section": "Sport", "city": "Rotterdam"}, section="Sport", city="Rotterdam"),
    },
    "judged": {
        "all": both({}),
        "period": both(
            {"dateFrom": "2025-02-10", "dateTo": "2025-04-20"},
            date_from="2025-02-10",
            date_to="2025-04-20",
        ),
        "section": both({"section": "Economie"}, section="Economie"),
        # Den Haag by its other name
        "place": both({"city": "'s-Gravenhage"}, city="'s-Gravenhage"),
        "both": both(
            {"section": "Politiek", "city": "Den Haag"}, section="Politiek", city="Den Haag"
        ),
    },
    "site": {
        "all": both({}),
        "period": both(
            {"dateFrom": "2025-03-01", "dateTo": "2025-03-31"},
            date_from="2025-03-01",
            date_to="2025-03-31",
        ),
        "section": both({"section": "Economie"}, section="Economie"),
        "place": both({"city": "Rotterdam"}, city="Rotterdam"),
        "both": both(
            {"section": "Economie", "city": "Rotterdam"}, section="Economie", city="Rotterdam"
        ),
    },
}


def judged_documents() -> list[FullDocument]:
    """The judged set as the index takes it: newest first, with the bodies
    (a paragraph a line, as the site reads them from the content files)."""
    items = sorted(
        ((story, wire_item(story)) for story in load_stories()),
        key=lambda pair: (pair[1].date, pair[0].id),
        reverse=True,
    )
    made = []
    for story, item in items:
        place = item.place
        aliases = "|".join(aliases_of_place(place.geonames)) if place and place.geonames else ""
        record = SearchDocument(
            url=story.id, title=item.title, lead=item.summary, city=item.city or "",
            section=item.section, date=item.date.isoformat(), date_text="",
            day=day_key(item.date), city_aliases=aliases,
        )  # fmt: skip
        made.append(FullDocument(record, "\n".join(story.body)))
    return made


INDEXES: dict[str, tuple[Callable[[], list[FullDocument]], int, list[str], str]] = {
    # name: (its stories, its term files' size, its queries, its filters)
    "small": (test_search_query.documents, 40, SMALL_QUERIES, "small"),
    "judged": (judged_documents, index_files.CHUNK_BYTES, JUDGED_QUERIES, "judged"),
    "judged-small-chunks": (judged_documents, 1_500, JUDGED_QUERIES, "judged"),
}


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("indexes")
    return {
        name: write_index(root / name, documents(), chunk_bytes)
        for name, (documents, chunk_bytes, _, _) in INDEXES.items()
    }


@pytest.fixture(scope="module")
def judged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The judged set built by a real Pelican (bodies read from its content
    files): its search folder."""
    root = tmp_path_factory.mktemp("judged")
    write_content(root / "content", load_stories())
    return build_site(root / "content", root).output / "search"


def python_side(folder: Path, query: str, filters: Filters, order: str) -> dict[str, Any]:
    """Python's answer in the node side's shape, from a fresh index."""
    index = SearchIndex(folder)
    results = search(index, query, filters, order)
    searched = list(index.fetched)
    counted = counts(index, results)
    return {
        "hits": [[hit.number, hit.score, hit.matched, hit.in_title] for hit in results.hits],
        "partial": results.partial,
        "suggestion": results.suggestion,
        "corrected": results.corrected,
        "sections": dict(counted.sections),
        "cities": dict(counted.cities),
        "fetched": searched,
        "counting": index.fetched[len(searched) :],
    }


def assert_same_answers(
    folder: Path, queries: list[str], filtered: tuple[dict[str, str], Filters], order: str
) -> int:
    """Every query answered alike on both sides, reading the same files; how many found any."""
    js_filters, filters = filtered
    asked = [{"query": query, "filters": js_filters, "order": order} for query in queries]
    answers = node_side({"folder": str(folder), "search": asked})["search"]
    with_hits = 0
    for query, js in zip(queries, answers, strict=True):
        python = python_side(folder, query, filters, order)
        assert js["fetched"][:1] == ["manifest.json"], query
        read = js["fetched"][1:]
        assert len(read) == len(set(read)), query  # each file once
        assert sorted(read) == sorted(python.pop("fetched")), query
        del js["fetched"]
        assert js.pop("counting") == python.pop("counting"), query  # the facets, when not yet read
        assert js == python, query
        with_hits += bool(python["hits"])
    return with_hits


def test_there_are_enough_queries() -> None:
    assert len(JUDGED_QUERIES) >= 60 and len(SMALL_QUERIES) >= 30 and len(SITE_QUERIES) >= 50


def test_some_query_has_a_prefix_spanning_term_files(folders: dict[str, Path]) -> None:
    for name in ("small", "judged-small-chunks"):
        index = SearchIndex(folders[name])
        spans = [
            len(index.positions(word.prefix, prefix=True))
            for query in INDEXES[name][2]
            for word in parse_query(query).words
            if word.prefix
        ]
        assert max(spans) > 1, name


@pytest.mark.site
def test_the_site_indexes_the_judged_set_with_its_bodies(judged_site: Path) -> None:
    index = SearchIndex(judged_site)
    by_slug = {document.record.url: document.body for document in judged_documents()}
    assert index.total == len(by_slug)
    bodies = {index.record(n).url.split("/")[-2]: index.body(n) for n in range(index.total)}
    assert bodies == by_slug


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("filtered", FILTERED)
@pytest.mark.parametrize("name", list(INDEXES))
def test_every_query_gets_the_same_answer_and_reads_the_same_files(
    folders: dict[str, Path], name: str, filtered: str, order: str
) -> None:
    _, _, queries, filter_set = INDEXES[name]
    with_hits = assert_same_answers(folders[name], queries, FILTERS[filter_set][filtered], order)
    if filtered == "all":
        assert with_hits >= len(queries) // 2  # the queries really exercise the index


@pytest.mark.site
@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("filtered", FILTERED)
def test_every_judged_query_gets_the_same_answer_from_the_built_site(
    judged_site: Path, filtered: str, order: str
) -> None:
    with_hits = assert_same_answers(judged_site, JUDGED_QUERIES, FILTERS["judged"][filtered], order)
    if filtered == "all":
        assert with_hits >= len(JUDGED_QUERIES) // 2


@pytest.mark.site
@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("filtered", FILTERED)
def test_the_sample_sites_queries_get_the_same_answer(
    built_site: Path, filtered: str, order: str
) -> None:
    folder = built_site / "search"
    with_hits = assert_same_answers(folder, SITE_QUERIES, FILTERS["site"][filtered], order)
    if filtered == "all":
        assert with_hits >= len(SITE_QUERIES) // 2


def python_parse(query: str) -> dict[str, Any]:
    parsed = parse_query(query)
    return {
        "words": [[word.text, list(word.terms), word.prefix] for word in parsed.words],
        "phrases": [list(phrase) for phrase in parsed.phrases],
    }


def test_every_query_is_read_as_the_same_words() -> None:
    queries = SMALL_QUERIES + JUDGED_QUERIES + SITE_QUERIES
    answer = node_side({"parse": queries})["parse"]
    assert [q for q, js in zip(queries, answer, strict=True) if js != python_parse(q)] == []
    assert sum(bool(js["phrases"]) for js in answer) >= 3


@pytest.mark.parametrize(
    "query", ["ke\x1c", "ke\x85", "ke\ufeff", "ke\u00a0", "ke\t", 'ke"', "ke"],
    ids=["x1c", "x85", "feff", "nbsp", "tab", "quote", "typing"],
)  # fmt: skip
def test_a_query_ending_in_white_space_is_read_alike_on_both_sides(query: str) -> None:
    [js] = node_side({"parse": [query]})["parse"]
    assert js == python_parse(query)


def test_a_word_reads_its_term_file_only_and_the_counts_the_facets(
    folders: dict[str, Path],
) -> None:
    asked = [
        {"query": "haven", "filters": {}, "order": "relevance"},  # one term file
        {"query": "keepr", "filters": {}, "order": "date"},  # and the words, for the correction
        {"query": '"breekt been"', "filters": {}, "order": "date"},  # and a record file
        {"query": "haven", "filters": {"city": "Rotterdam"}, "order": "date"},  # and the facets
        {"query": "qqqzzz", "filters": {}, "order": "date"},  # nothing found: nothing to count
    ]
    answers = node_side({"folder": str(folders["small"]), "search": asked})["search"]
    kinds = [[name.split("/")[0] for name in js["fetched"][1:]] for js in answers]
    assert kinds[0] == ["terms"]
    assert "words" in kinds[1] and "docs" not in kinds[1] and "facets" not in kinds[1]
    assert kinds[2].count("docs") == 1 and "words" not in kinds[2]
    assert kinds[3] == ["terms", "facets"]
    assert not any("bodies" in found for found in kinds)  # bodies are for snippets only
    counting = [[name.split("/")[0] for name in js["counting"]] for js in answers]
    assert counting == [["facets"], ["facets"], ["facets"], [], []]  # read once an index


def test_terms_are_ordered_by_code_point_as_python_orders_them() -> None:
    # UTF-16 puts the supplementary planes (surrogate pairs) before U+E000..U+FFFF.
    terms = ["", "a", "ab", "b", "é", "ĳ", "\ud7ff", "\ue000", "\uff21", "\uffff",
             "\U0001f600", "a\U0001f600", "a\uffff", "\U00010000", "z", "~de", "~"]  # fmt: skip
    assert node_side({"sort": terms})["sort"] == sorted(terms)


@pytest.mark.site
def test_the_trimmer_and_the_folding_agree_on_every_character(built_site: Path) -> None:
    # Every character Python's Unicode database knows (node's may be newer:
    # characters added since can decompose differently there).
    characters = [
        chr(c) for c in range(0x10000) if unicodedata.category(chr(c)) not in ("Cs", "Cn")
    ]
    samples = ["«België»", "MH17.", "(32)", "'s-hertogenbosch", "…café!", "x\u00a0", "ĳsselmeer",
               "Curaçao"]  # fmt: skip
    words = characters + samples
    answer = pipeline_side(built_site, {"trim": words, "fold": words})
    assert [w for w, js in zip(words, answer["trim"], strict=True) if js != trim(w)] == []
    assert [w for w, js in zip(words, answer["fold"], strict=True) if js != fold(w)] == []


def vocabulary() -> list[str]:
    text = " ".join(p.read_text("utf-8") for p in (ROOT / "content").rglob("*.md")).lower()
    return sorted({trim(w) for w in re.split(r"[\s\-]+", text)} - {""})


@pytest.mark.site
def test_the_stemmer_plurals_and_terms_agree_on_the_sample_vocabulary(built_site: Path) -> None:
    words = vocabulary()
    assert len(words) > 500
    stems = [stem(word) for word in words]
    answer = pipeline_side(built_site, {"stem": words, "plural": stems, "terms": words})
    assert [w for w, js in zip(words, answer["stem"], strict=True) if js != stem(w)] == []
    assert [s for s, js in zip(stems, answer["plural"], strict=True) if js != merge_plural(s)] == []
    terms = answer["terms"]
    assert [w for w, js in zip(words, terms, strict=True) if js != list(index_terms(w))] == []
    assert any(len(found) > 1 for found in terms)  # base forms too


@pytest.mark.site
def test_the_stop_words_are_exactly_lunr_languages_own(built_site: Path) -> None:
    # Every stop word of lunr-languages is written out in its source: probing
    # each word of that source finds its whole list.
    source = (NODE_MODULES / "lunr-languages" / "lunr.nl.js").read_text("utf-8")
    candidates = sorted(set(re.findall(r"[a-zà-ÿ]+", source.lower())) | stop_words())
    answer = pipeline_side(built_site, {"stopped": candidates})
    assert set(answer["stopped"]) == set(stop_words())


FORGIVEN = [
    ("Curaçao", "curacao"),
    ("Oekraïne", "oekraine"),
    ("rellen", "rel"),
    ("cyberaanvallen", "cyberaanval"),
    ("Rotterdam", "rotterd"),
    ("Havenbedrijf", "haven"),
    ("uiltje", "uil"),
    ("ziekenhuizen", "ziekenhuis"),
    ("stemden", "stemde"),
]


@pytest.mark.parametrize(("found", "asked"), FORGIVEN)
def test_accents_plurals_forms_and_prefixes_find_their_words(found: str, asked: str) -> None:
    text = f"Een bericht over {found} vandaag."
    [pieces] = node_side({"highlight": [{"text": text, "query": asked}]})["highlight"]
    assert [piece for piece, marked in pieces if marked] == [found]
    assert [list(piece) for piece in highlight(text, asked)] == pieces


MARCH = {"dateFrom": "2025-03-01", "dateTo": "2025-03-31"}
CLI_CASES = [
    ("rotterdam", [], {}, "relevance"),
    ("haven", ["--order", "date"], {}, "date"),
    ("rotterd", ["--section", "Economie"], {"section": "Economie"}, "relevance"),
    ("de stad", ["--city", "Utrecht"], {"city": "Utrecht"}, "relevance"),
    ("op de", [], {}, "relevance"),
    ("brand", ["--from", "2025-03-01", "--to", "2025-03-31"], MARCH, "relevance"),
    ("rotterdm", [], {}, "relevance"),
    ("rotterdam qqqzzz", [], {}, "relevance"),
]  # fmt: skip


def cli_and_browser(
    site: Path, query: str, options: list[str], js_filters: dict[str, str], order: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """``wire-archive search --json``'s answer, and the browser's (index-side.js)."""
    result = run_cli("search", query, "--site", str(site), "--json", "--limit", "1000", *options)
    assert result.returncode == 0, result.stderr
    asked = {"query": query, "filters": js_filters, "order": order}
    [js] = node_side({"folder": str(site / "search"), "search": [asked]})["search"]
    cli: dict[str, Any] = json.loads(result.stdout)
    return cli, js


@pytest.mark.site
@pytest.mark.parametrize(("query", "options", "js_filters", "order"), CLI_CASES)
def test_the_command_line_answers_as_the_browser_does(
    built_site: Path, query: str, options: list[str], js_filters: dict[str, str], order: str
) -> None:
    cli, js = cli_and_browser(built_site, query, options, js_filters, order)
    index = SearchIndex(built_site / "search")
    urls = [index.record(number).url for number, *_ in js["hits"]]
    assert urls and [hit["url"] for hit in cli["hits"]] == urls
    assert cli["total"] == len(urls)
    found = (js["partial"], js["suggestion"], js["corrected"])
    assert (cli["partial"], cli["suggestion"], cli["corrected"]) == found


@pytest.mark.site
@pytest.mark.parametrize(("query", "options", "js_filters", "order"), CLI_CASES)
def test_the_command_line_shows_the_browsers_snippets(
    built_site: Path, query: str, options: list[str], js_filters: dict[str, str], order: str
) -> None:
    cli, js = cli_and_browser(built_site, query, options, js_filters, order)
    index = SearchIndex(built_site / "search")
    words = js["suggestion"] if js["corrected"] else query  # as search-worker.js asks
    shown = [
        {"lead": index.record(number).lead, "body": index.body(number), "query": words}
        for number, *_ in js["hits"]
    ]
    snippets = node_side({"snippets": shown})["snippets"]
    assert [hit["snippet"] for hit in cli["hits"]] == [
        "".join(piece for piece, _ in pieces) for pieces in snippets
    ]


@pytest.mark.site
def test_the_command_line_refuses_a_bad_date(built_site: Path) -> None:
    result = run_cli("search", "haven", "--site", str(built_site), "--from", "maart")
    assert result.returncode == 2
    assert "expected YYYY-MM-DD, found 'maart'" in result.stderr


def test_the_snippets_of_the_judged_stories_agree(folders: dict[str, Path]) -> None:
    index = SearchIndex(folders["judged"])
    asked = []
    for query in JUDGED_QUERIES:
        for hit in search(index, query).hits[:3]:
            record = index.record(hit.number)
            asked.append({"lead": record.lead, "body": index.body(hit.number), "query": query})
    answer = node_side({"snippets": asked})["snippets"]
    python = [[list(p) for p in snippet(a["lead"], a["body"], a["query"])] for a in asked]
    assert answer == python
    assert len(asked) > 100
    assert any(any(marked for _, marked in pieces) for pieces in answer)
