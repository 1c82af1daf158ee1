"""lunr.py at build time and lunr.js in the browser must agree.

The same queries (tests/fixtures/queries.txt: diacritics, plurals, digits,
prefixes, operators and colons), with and without filters, in both orders,
go to the Python side (generator.search.query) and to real lunr.js with
lunr-languages under node (tests/js/lunr-side.js, loading the scripts the
built site ships); hits, order, scores and facet counts must match. The
pipeline functions are compared one by one too: the trimmer and the accent
folding over every character of the Basic Multilingual Plane, the stemmer and
the plural merging over the sample's vocabulary, and the stop words exactly.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from generator.search.pipeline import fold, merge_plural, stem, stop_words, trim
from generator.search.query import Filters, query_terms, search
from generator.search.shards import load_all_shards
from tests.conftest import FIXTURES, ROOT

pytestmark = pytest.mark.site

QUERIES = [
    line
    for line in (FIXTURES / "queries.txt").read_text("utf-8").split("\n")
    if line and line[0] != "#"
]
FILTERS = [
    ({}, Filters()),
    ({"section": "Economie"}, Filters(section="Economie")),
    ({"city": "Rotterdam"}, Filters(city="Rotterdam")),
    (
        {"dateFrom": "2025-03-01", "dateTo": "2025-03-31"},
        Filters(date_from="2025-03-01", date_to="2025-03-31"),
    ),
]


def node_side(site: Path, request: dict[str, Any]) -> dict[str, Any]:
    node = shutil.which("node")
    assert node, "node is needed for the parity tests"
    script = ROOT / "tests" / "js" / "lunr-side.js"
    result = subprocess.run(
        [node, str(script), str(site)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


def test_there_are_enough_queries() -> None:
    assert len(QUERIES) >= 50


@pytest.mark.parametrize("order", ["relevance", "date"])
@pytest.mark.parametrize(
    ("js_filters", "filters"), FILTERS, ids=["all", "section", "city", "period"]
)
def test_queries_give_the_same_hits_in_python_and_javascript(
    built_site: Path, order: str, js_filters: dict[str, str], filters: Filters
) -> None:
    shards = load_all_shards(built_site / "search")
    asked = [{"query": q, "filters": js_filters, "order": order} for q in QUERIES]
    answer = node_side(built_site, {"search": asked})
    with_hits = 0
    for query, js in zip(QUERIES, answer["search"], strict=True):
        results = search(shards, query, filters, order)
        assert js["terms"] == query_terms(query), query
        assert [[s, r] for s, r, _ in js["hits"]] == [[h.shard, h.ref] for h in results.hits], query
        for (_, _, score), hit in zip(js["hits"], results.hits, strict=True):
            assert score == pytest.approx(hit.score, rel=1e-9), query
        assert js["sections"] == dict(results.sections) and js["cities"] == dict(results.cities), (
            query
        )
        found = (results.partial, results.suggestion, results.corrected)
        assert (js["partial"], js["suggestion"], js["corrected"]) == found, query
        with_hits += bool(results.hits)
    assert with_hits >= len(QUERIES) // 4  # the list really exercises the index


def test_the_trimmer_and_the_folding_agree_on_every_character(built_site: Path) -> None:
    # Every character Python's Unicode database knows (node's may be newer:
    # characters added since can decompose differently there).
    characters = [
        chr(c) for c in range(0x10000) if unicodedata.category(chr(c)) not in ("Cs", "Cn")
    ]
    samples = [
        "«België»",
        "MH17.",
        "(32)",
        "'s-hertogenbosch",
        "…café!",
        "x\u00a0",
        "ĳsselmeer",
        "Curaçao",
    ]
    words = characters + samples
    answer = node_side(built_site, {"trim": words, "fold": words})
    assert [w for w, js in zip(words, answer["trim"], strict=True) if js != trim(w)] == []
    assert [w for w, js in zip(words, answer["fold"], strict=True) if js != fold(w)] == []


def vocabulary() -> list[str]:
    text = " ".join(p.read_text("utf-8") for p in (ROOT / "content").rglob("*.md")).lower()
    return sorted({trim(w) for w in re.split(r"[\s\-]+", text)} - {""})


def test_the_stemmer_and_plural_merging_agree_on_the_sample_vocabulary(built_site: Path) -> None:
    words = vocabulary()
    assert len(words) > 500
    stems = [stem(word) for word in words]
    answer = node_side(built_site, {"stem": words, "plural": stems})
    assert [w for w, js in zip(words, answer["stem"], strict=True) if js != stem(w)] == []
    assert [s for s, js in zip(stems, answer["plural"], strict=True) if js != merge_plural(s)] == []


def test_the_stop_words_are_exactly_lunr_languages_own(built_site: Path) -> None:
    # Every stop word of lunr-languages is written out in its source: probing
    # each word of that source finds its whole list.
    source = (ROOT / "node_modules" / "lunr-languages" / "lunr.nl.js").read_text("utf-8")
    candidates = sorted(set(re.findall(r"[a-zà-ÿ]+", source.lower())) | stop_words())
    answer = node_side(built_site, {"stopped": candidates})
    assert set(answer["stopped"]) == set(stop_words())


FORGIVEN = [
    ("Curaçao", "curacao"),
    ("Oekraïne", "oekraine"),
    ("rellen", "rel"),
    ("cyberaanvallen", "cyberaanval"),
    ("Rotterdam", "rotterd"),
    ("Havenbedrijf", "haven"),
]


@pytest.mark.parametrize(("found", "asked"), FORGIVEN)
def test_accents_plurals_and_prefixes_find_their_words(
    built_site: Path, found: str, asked: str
) -> None:
    lead = f"Een bericht over {found} vandaag."
    [pieces] = node_side(built_site, {"highlight": [{"lead": lead, "query": asked}]})["highlight"]
    assert [text for text, marked in pieces if marked] == [found]


MARCH = {"dateFrom": "2025-03-01", "dateTo": "2025-03-31"}
CLI_CASES = [
    ("rotterdam", [], {}, "relevance"),
    ("haven", ["--order", "date"], {}, "date"),
    ("rotterd", ["--section", "Economie"], {"section": "Economie"}, "relevance"),
    ("de", ["--city", "Utrecht"], {"city": "Utrecht"}, "relevance"),
    ("brand", ["--from", "2025-03-01", "--to", "2025-03-31"], MARCH, "relevance"),
]  # fmt: skip


@pytest.mark.parametrize(("query", "options", "js_filters", "order"), CLI_CASES)
def test_the_command_line_answers_as_the_browser_does(
    built_site: Path, query: str, options: list[str], js_filters: dict[str, str], order: str
) -> None:
    from tests.conftest import run_cli

    result = run_cli(
        "search", query, "--site", str(built_site), "--json", "--limit", "1000", *options
    )
    assert result.returncode == 0, result.stderr
    cli = json.loads(result.stdout)
    [js] = node_side(
        built_site, {"search": [{"query": query, "filters": js_filters, "order": order}]}
    )["search"]
    shards = {s.id: s for s in load_all_shards(built_site / "search")}
    browser_urls = [shards[shard].store[ref].url for shard, ref, _ in js["hits"]]
    assert [hit["url"] for hit in cli["hits"]] == browser_urls
    assert cli["total"] == len(browser_urls)


def test_the_command_line_refuses_a_bad_date(built_site: Path) -> None:
    from tests.conftest import run_cli

    result = run_cli("search", "haven", "--site", str(built_site), "--from", "maart")
    assert result.returncode == 2
    assert "expected YYYY-MM-DD, found 'maart'" in result.stderr
