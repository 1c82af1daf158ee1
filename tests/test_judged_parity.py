"""Every query of the judged Dutch set gets the same answer in Python and in the browser.

The judged set (``tests/fixtures/search/``) is written as content files and
built by a real Pelican; each need's query, exactly as a reader types it, in
both orders and with a period filter, goes to ``generator.search.query.search``
(what ``wire-archive search`` answers) and to the site's own scripts under
node with real lunr.js (``tests/js/lunr-side.js``): the same hits in the same
order, the same scores, the same fallback, suggestion and correction.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.judged_set import load_needs, load_stories, write_content
from generator.search.query import Filters, search
from generator.search.shards import load_all_shards
from tests.local_site import build_site
from tests.test_search_parity import node_side

pytestmark = pytest.mark.site
QUERIES = sorted({need.query for need in load_needs()})
PERIOD = (
    {"dateFrom": "2025-03-01", "dateTo": "2025-05-31"},
    Filters(date_from="2025-03-01", date_to="2025-05-31"),
)


@pytest.fixture(scope="module")
def judged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("judged")
    write_content(root / "content", load_stories())
    return build_site(root / "content", root).output


@pytest.mark.parametrize("order", ["relevance", "date"])
@pytest.mark.parametrize("period", [False, True], ids=["all", "period"])
def test_every_judged_query_gets_the_same_answer(
    judged_site: Path, order: str, period: bool
) -> None:
    js_filters, filters = PERIOD if period else ({}, Filters())
    shards = load_all_shards(judged_site / "search")
    asked = [{"query": query, "filters": js_filters, "order": order} for query in QUERIES]
    answers = node_side(judged_site, {"search": asked})["search"]
    for query, js in zip(QUERIES, answers, strict=True):
        results = search(shards, query, filters, order)
        assert [[s, r] for s, r, _ in js["hits"]] == [[h.shard, h.ref] for h in results.hits], query
        for (_, _, score), hit in zip(js["hits"], results.hits, strict=True):
            assert score == pytest.approx(hit.score, rel=1e-9), query
        found = (results.partial, results.suggestion, results.corrected)
        assert (js["partial"], js["suggestion"], js["corrected"]) == found, query
    assert len(QUERIES) >= 60
