"""The judged Dutch search set is well formed, and its scores are computed right.

No build and no browser: the fixture files are read, and the metric functions
are checked on small hand-made rankings.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from benchmarks.judged import table
from benchmarks.judged_metrics import found_in_top, is_zero_result, reciprocal_rank, score
from benchmarks.judged_set import (
    STORY_KEYS,
    JudgedStory,
    Need,
    load_needs,
    load_stories,
    read_blocks,
    story_of_url,
    wire_item,
)

PHENOMENA = {
    "easy", "prefix", "short", "diminutive", "pasttense", "plural", "name", "compound",
    "stopwords", "misspelling", "phrase", "alias", "body",
}  # fmt: skip
SECTIONS = set("Binnenland Buitenland Economie Sport Cultuur Wetenschap Politiek Regio".split())
WORD = re.compile(r"\w+")


@pytest.fixture(scope="module")
def stories() -> list[JudgedStory]:
    return load_stories()


@pytest.fixture(scope="module")
def needs() -> list[Need]:
    return load_needs()


def _words(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))


def _text(story: JudgedStory) -> str:
    return " ".join([story.title, story.lead, *story.body])


def test_the_set_is_large_enough_and_ids_are_unique(
    stories: list[JudgedStory], needs: list[Need]
) -> None:
    assert len(stories) >= 300
    assert len(needs) >= 60
    assert [k for k, n in Counter(s.id for s in stories).items() if n > 1] == []
    assert [k for k, n in Counter(n.id for n in needs).items() if n > 1] == []
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", story.id) for story in stories)


def test_every_relevant_story_exists(stories: list[JudgedStory], needs: list[Need]) -> None:
    known = {story.id for story in stories}
    assert {need.id: sorted(need.relevant - known) for need in needs if need.relevant - known} == {}
    assert all(need.relevant for need in needs)


def test_every_phenomenon_has_at_least_three_needs(needs: list[Need]) -> None:
    tags = Counter(tag for need in needs for tag in need.tags)
    assert set(tags) == PHENOMENA
    assert {tag: count for tag, count in tags.items() if count < 3} == {}


def test_every_story_is_complete(stories: list[JudgedStory]) -> None:
    for story in stories:
        assert all((story.title, story.lead, story.city)), story.id
        assert story.section in SECTIONS, story.id
        assert 2 <= len(story.body) <= 4 and all(story.body), story.id
        assert datetime.fromisoformat(story.date).year == 2025, story.id


def test_queries_are_as_typed(needs: list[Need]) -> None:
    for need in needs:
        assert need.query.strip() == need.query and need.query, need.id
        assert need.need, need.id


def test_body_needs_have_a_query_word_only_in_the_body(
    stories: list[JudgedStory], needs: list[Need]
) -> None:
    by_id = {story.id: story for story in stories}
    for need in (need for need in needs if "body" in need.tags):
        story = by_id[min(need.relevant)]
        shown = _words(f"{story.title} {story.lead}")
        body = _words(" ".join(story.body))
        assert any(w not in shown and w in body for w in _words(need.query)), need.id


def test_phrase_needs_quote_a_phrase_and_prefix_needs_end_in_a_cut_word(
    stories: list[JudgedStory], needs: list[Need]
) -> None:
    by_id = {story.id: story for story in stories}
    for need in needs:
        if "phrase" in need.tags:
            assert re.search(r'"\w+ \w+"', need.query), need.id
        if "prefix" in need.tags:
            last = need.query.split()[-1]
            words = set().union(*(_words(_text(by_id[i])) for i in need.relevant))
            assert last not in words, need.id
            assert any(word.startswith(last) for word in words), need.id


def test_a_block_without_a_key_or_with_a_stranger_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "judged_stories_x.txt"
    path.write_text("# comment\nid: a\ntitle: T\n\n", "utf-8")
    with pytest.raises(ValueError, match="block ends without"):
        read_blocks(path, STORY_KEYS)
    path.write_text("id: a\nheadline: T\n", "utf-8")
    with pytest.raises(ValueError, match="headline"):
        read_blocks(path, STORY_KEYS)
    path.write_text("id: a\nid: b\n", "utf-8")
    with pytest.raises(ValueError, match="id: b"):
        read_blocks(path, STORY_KEYS)


def test_a_story_becomes_the_item_the_converter_writes(stories: list[JudgedStory]) -> None:
    story = next(story for story in stories if story.id == "dbosch-jazz")
    item = wire_item(story)
    assert item.slug == "dbosch-jazz"
    assert item.city == "'s-Hertogenbosch" and item.place is not None
    assert item.paragraphs[0] == f"'S-HERTOGENBOSCH (ANP) - {story.lead}"
    assert item.date.isoformat() == "2025-05-31T20:30:00+02:00"


@pytest.mark.parametrize(
    "url", ["/2025/03/14/slug/", "2025/03/14/slug/", "/2025/03/14/slug/index.html", "slug"]
)
def test_a_hit_url_names_its_story(url: str) -> None:
    assert story_of_url(url) == "slug"


def test_reciprocal_rank_is_one_over_the_first_relevant_position() -> None:
    assert reciprocal_rank(["a", "b", "c"], {"c", "b"}) == 1 / 2
    assert reciprocal_rank(["a", "b", "c"], {"a"}) == 1.0
    assert reciprocal_rank(["a", "b", "c"], {"z"}) == 0.0
    assert reciprocal_rank([], {"a"}) == 0.0


def test_only_the_top_ten_count() -> None:
    ranking = [f"s{n}" for n in range(1, 12)]
    assert reciprocal_rank(ranking, {"s10"}) == 1 / 10
    assert reciprocal_rank(ranking, {"s11"}) == 0.0
    assert found_in_top(ranking, {"s10"}) and not found_in_top(ranking, {"s11"})
    assert found_in_top(ranking, {"s3"}, k=3) and not found_in_top(ranking, {"s4"}, k=3)


def test_zero_results_is_an_empty_ranking_not_a_miss() -> None:
    assert is_zero_result([])
    assert not is_zero_result(["wrong"])


def test_score_averages_over_the_needs() -> None:
    relevant = {"n1": {"a"}, "n2": {"b", "c"}, "n3": {"d"}, "n4": {"e"}}
    rankings = {"n1": ["a"], "n2": ["x", "y", "c"], "n3": ["x"]}  # n4 missing: no results
    scores = score(rankings, relevant)
    assert scores.needs == 4
    assert scores.mrr == pytest.approx((1 + 1 / 3 + 0 + 0) / 4)
    assert (scores.found, scores.zero) == (2, 1)
    assert score({}, {}).needs == 0


def test_the_table_has_a_row_per_phenomenon(needs: list[Need]) -> None:
    perfect = {need.id: sorted(need.relevant) for need in needs}
    rows = table(needs, {"ours": perfect, "pagefind": {}})
    assert len(rows) == 2 + 1 + len(PHENOMENA)
    all_row = rows[2].split()
    assert all_row[:2] == ["all", f"({len(needs)})"]
    count = len(needs)
    assert all_row[2:] == ["1.000", f"{count}/{count}", "0", "0.000", f"0/{count}", str(count)]
