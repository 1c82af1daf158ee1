"""The full-text index answers the same in Python and in the browser (work in progress, issue 16).

Stage: query. The index is built (``fulltext.build_fulltext``) from the small
composed stories of ``tests/test_fulltext.py`` (in many small chunks) and
from the judged Dutch set with its bodies (in chunks of the build's own size
and in small ones, so a prefix spans chunks), and written to a folder. Every
query, in both orders, unfiltered and with a period, a section, a place (by another name too)
and both,
goes to ``fulltext_query.search`` and to ``search-fulltext.js`` under node
(``tests/js/fulltext-side.js``, real lunr-languages): the same hits in the
same order with the same integer scores, matched words and headline words,
the same fallback, suggestion, correction and counts, and the same files read
(each query on a fresh index: the browser reads no file Python does not).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.judged_set import load_needs, load_stories, wire_item
from generator.addresses import day_key
from generator.places.gazetteer import aliases_of_place
from generator.search import fulltext
from generator.search.fulltext import FullDocument, build_fulltext
from generator.search.fulltext_query import FulltextIndex, search
from generator.search.query import Filters
from generator.search.store import SearchDocument
from generator.search.words import parse_query
from tests import test_fulltext
from tests.conftest import ROOT

NODE_MODULES = Path(os.environ.get("WIRE_NODE_MODULES", ROOT / "node_modules"))
SMALL_QUERIES = [
    "keeper", "keeper sluis", "keeper qqqzzz", "keepr", "keepr sluis", '"breekt been"',
    '"been breekt"', '"keeper" been', "alles of niets", "niets of alles", "de de", "de",
    "haven", "Haven ", "ke", "k", "", "   ", '"', "utrecht", "ajax utrecht", "rotterdam",
    "Rotterdam sport", "containers", "container", "zege blessure", "van", "een", "~de",
    "tevreden sluis keeper", "maanden", "maand", "valt uit", "slui", "keeper slui", "sluizen",
]  # fmt: skip
JUDGED_QUERIES = sorted({need.query for need in load_needs()})
ORDERS = ["relevance", "date"]
FILTERS: dict[str, dict[str, tuple[dict[str, str], Filters]]] = {
    "small": {
        "all": ({}, Filters()),
        "period": ({"dateFrom": "2025-03-15"}, Filters(date_from="2025-03-15")),
        "section": ({"section": "Sport"}, Filters(section="Sport")),
        "place": ({"city": "Rotterdam"}, Filters(city="Rotterdam")),
        "both": (
            {"section": "Sport", "city": "Rotterdam"},
            Filters(section="Sport", city="Rotterdam"),
        ),
    },
    "judged": {
        "all": ({}, Filters()),
        "period": (
            {"dateFrom": "2025-02-10", "dateTo": "2025-04-20"},
            Filters(date_from="2025-02-10", date_to="2025-04-20"),
        ),
        "section": ({"section": "Economie"}, Filters(section="Economie")),
        # Den Haag by its other name
        "place": ({"city": "'s-Gravenhage"}, Filters(city="'s-Gravenhage")),
        "both": (
            {"section": "Politiek", "city": "Den Haag"},
            Filters(section="Politiek", city="Den Haag"),
        ),
    },
}


def judged_documents() -> list[FullDocument]:
    """The judged set as the index takes it: newest first, with the bodies."""
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
        made.append(FullDocument(record, " ".join(story.body)))
    return made


def write_index(folder: Path, documents: list[FullDocument], chunk_bytes: int) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fulltext, "CHUNK_BYTES", chunk_bytes)
        manifest, files = build_fulltext(documents)
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, "utf-8")
    (folder / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    return folder


INDEXES = {  # name: (documents, chunk size, queries, filters)
    "small": (test_fulltext.documents, 40, SMALL_QUERIES, "small"),
    "judged": (judged_documents, fulltext.CHUNK_BYTES, JUDGED_QUERIES, "judged"),
    "judged-small-chunks": (judged_documents, 1_500, JUDGED_QUERIES, "judged"),
}


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    root = tmp_path_factory.mktemp("fulltext")
    yield {
        name: write_index(root / name, documents(), chunk_bytes)
        for name, (documents, chunk_bytes, _, _) in INDEXES.items()
    }


def node_side(request: dict[str, Any]) -> dict[str, Any]:
    node = shutil.which("node")
    assert node, "node is needed for the parity tests"
    assert (NODE_MODULES / "lunr").is_dir(), (
        f"expected lunr in {NODE_MODULES}: run make setup, or set WIRE_NODE_MODULES"
    )
    script = ROOT / "tests" / "js" / "fulltext-side.js"
    result = subprocess.run(
        [node, str(script), str(NODE_MODULES)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


def python_side(folder: Path, query: str, filters: Filters, order: str) -> dict[str, Any]:
    """Python's answer in the node side's shape, from a fresh index."""
    index = FulltextIndex(folder)
    results = search(index, query, filters, order)
    return {
        "hits": [[hit.number, hit.score, hit.matched, hit.in_title] for hit in results.hits],
        "partial": results.partial,
        "suggestion": results.suggestion,
        "corrected": results.corrected,
        "sections": dict(results.sections),
        "cities": dict(results.cities),
        "fetched": index.fetched,
    }


def test_there_are_enough_queries() -> None:
    assert len(JUDGED_QUERIES) >= 60 and len(SMALL_QUERIES) >= 30


def test_some_query_has_a_prefix_spanning_chunks(folders: dict[str, Path]) -> None:
    for name in ("small", "judged-small-chunks"):
        index = FulltextIndex(folders[name])
        spans = [
            len(index.positions(word.prefix, prefix=True))
            for query in INDEXES[name][2]
            for word in parse_query(query).words
            if word.prefix
        ]
        assert max(spans) > 1, name


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("filtered", ["all", "period", "section", "place", "both"])
@pytest.mark.parametrize("name", list(INDEXES))
def test_every_query_gets_the_same_answer_and_reads_the_same_files(
    folders: dict[str, Path], name: str, filtered: str, order: str
) -> None:
    _, _, queries, filter_set = INDEXES[name]
    js_filters, filters = FILTERS[filter_set][filtered]
    folder = folders[name]
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
        assert js == python, query
        with_hits += bool(python["hits"])
    if filtered == "all":
        assert with_hits >= len(queries) // 2  # the queries really exercise the index


def test_a_word_reads_its_chunk_and_the_facets_only(folders: dict[str, Path]) -> None:
    asked = [
        {"query": "haven", "filters": {}, "order": "relevance"},  # one chunk, the facets
        {"query": "keepr", "filters": {}, "order": "date"},  # and the words, for the correction
        {"query": '"breekt been"', "filters": {}, "order": "date"},  # and a record chunk
    ]
    answers = node_side({"folder": str(folders["small"]), "search": asked})["search"]
    kinds = [[name.split("/")[0].split(".")[0] for name in js["fetched"][1:]] for js in answers]
    assert kinds[0] == ["terms", "facets"]
    assert "words" in kinds[1] and "docs" not in kinds[1]
    assert kinds[2].count("docs") == 1 and "words" not in kinds[2]


def test_terms_are_ordered_by_code_point_as_python_orders_them() -> None:
    # UTF-16 puts the supplementary planes (surrogate pairs) before U+E000..U+FFFF.
    terms = ["", "a", "ab", "b", "é", "ĳ", "\ud7ff", "\ue000", "\uff21", "\uffff",
             "\U0001f600", "a\U0001f600", "a\uffff", "\U00010000", "z"]  # fmt: skip
    assert node_side({"sort": terms})["sort"] == sorted(terms)
