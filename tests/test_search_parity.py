"""lunr.py at build time and lunr.js in the browser must agree.

The same queries go to the Python side (generator.search.query) and to real
lunr.js with lunr-languages under node (tests/js/lunr-side.js, loading the
scripts the built site ships); hits, order and scores must match. The Dutch
pipeline functions are compared one by one too: the trimmer over every
character of the Basic Multilingual Plane, the stemmer over the sample's
vocabulary, and the stop words exactly.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.search.pipeline import stem, stop_words, trim
from generator.search.query import load_index, query_terms, search
from tests.conftest import ROOT

pytestmark = pytest.mark.site

QUERIES = [
    "Rotterdam", "ROTTERDAM", "  rotterdam\t", "Den Haag", "Den Haag: rellen", "+", "+rotterdam",
    "-haven", "rotterdam -haven", "IJmuiden", "ijmuiden", "België", "belgie", "Curaçao", "reünie",
    "reunie", "MH17", "2-0", "Feyenoord NEC", "haven*", "schets*", "*", "Ajax^2", "title:ajax",
    "city:Utrecht", "~", '"', "'s-Hertogenbosch", "s-hertogenbosch", "de", "de het een", "",
    "   ", "Universiteit Utrecht", "miljoen euro", "zzp'ers", "brand", "café", "cafe",
    "asielzoekers Ter Apel", "Eindhoven Brainport", "KNMI gladheid", "(CBS)", "Sport", "sport",
    "Economie Rotterdam", "12 procent", "‘citaat’", "overstromingen dijken", "dijk",
    "Kaapstad Tafelberg", "Amsterdam beurs", "onderzoek universiteit",
]  # fmt: skip


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


def test_queries_give_the_same_hits_in_python_and_javascript(built_site: Path) -> None:
    serialized = json.loads((built_site / "search" / "index.json").read_text("utf-8"))
    index = load_index(serialized)
    answer = node_side(built_site, {"search": {"index": "search/index.json", "queries": QUERIES}})
    assert len(answer["search"]) == len(QUERIES)
    with_hits = 0
    for query, js in zip(QUERIES, answer["search"], strict=True):
        python_hits = search(index, query)
        assert js["terms"] == query_terms(query), query
        assert [ref for ref, _ in js["hits"]] == [hit.ref for hit in python_hits], query
        for (_, js_score), hit in zip(js["hits"], python_hits, strict=True):
            assert js_score == pytest.approx(hit.score, rel=1e-9), query
        with_hits += bool(python_hits)
    assert with_hits >= len(QUERIES) // 2  # the list really exercises the index


def test_the_trimmer_agrees_on_every_character(built_site: Path) -> None:
    characters = [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]
    samples = ["«België»", "MH17.", "(32)", "'s-hertogenbosch", "…café!", "x\u00a0", "ĳsselmeer"]
    words = characters + samples
    answer = node_side(built_site, {"trim": words})
    mismatches = [w for w, js in zip(words, answer["trim"], strict=True) if js != trim(w)]
    assert mismatches == []


def test_the_stemmer_agrees_on_the_sample_vocabulary(built_site: Path) -> None:
    text = " ".join(p.read_text("utf-8") for p in (ROOT / "content").rglob("*.md")).lower()
    words = sorted({trim(w) for w in re.split(r"[\s\-]+", text)} - {""})
    assert len(words) > 500
    answer = node_side(built_site, {"stem": words})
    assert [w for w, js in zip(words, answer["stem"], strict=True) if js != stem(w)] == []


def test_the_stop_words_are_exactly_lunr_languages_own(built_site: Path) -> None:
    # Every stop word of lunr-languages is written out in its source: probing
    # each word of that source finds its whole list.
    source = (ROOT / "node_modules" / "lunr-languages" / "lunr.nl.js").read_text("utf-8")
    candidates = sorted(set(re.findall(r"[a-zà-ÿ]+", source.lower())) | stop_words())
    answer = node_side(built_site, {"stopped": candidates})
    assert set(answer["stopped"]) == set(stop_words())
