"""The IPTC's public example files in ../shared/realdata (CI requires them).

Every text news item converts to a story with a title, a date and a body (or
its description), with its city where the file names one; versions of one
story become one page; files without a text story are skipped with a reason.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import run_cli

FRAGMENT = "a fragment of a NewsML-G2 document"
ANTI_DOPING = (
    "ninjs-3.0--20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever"
    "-addb-ninjs-nitf.json"
)
SKIPPED = {
    "LISTING_1_A_NewsML-G2_News_Item.xml": "a text item with neither body nor description",
    "LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml": FRAGMENT,
    "LISTING_28_Illustrating_Located_Subject_and_Dateline.xml": FRAGMENT,
    "LISTING_6_Simple_NewsML-G2_Package.xml": "a NewsML-G2 package",
    "ap_metadata_example.xml": "of class ninat:video, not a text story",
}
# One page per story: the files each page must be made from.
STORIES = [
    {"ninjs-1.4--ninjsExSimpleText1.json", "ninjs-3.0--ninjsExSimpleText_3.json",
     "ninjs-3.1--004_simple_text_article.json", "ninjs-3.1--005_complex_text_article.json"},
    {"ninjs-2.1--dpa_text.json", "ninjs-3.0--dpa_text.json"},
    {"ninjs-3.0--businesswire-newsml-20130731006140.json",
     "ninjs-NewsML--businesswire-newsml-20130731006140.xml"},
    {ANTI_DOPING},
    {"ninjs-3.0--ntb_text.json"},
    {"ninjs-3.0--tt_text_image_3.json"},
    {"LISTING_2_NewsML-G2_Text_Document.xml"},
]  # fmt: skip
CITIES = {
    "LISTING_2_NewsML-G2_Text_Document.xml": "New York",
    "ninjs-NewsML--businesswire-newsml-20130731006140.xml": "Kansas City",
    ANTI_DOPING: "Oslo",
    "ninjs-1.4--ninjsExSimpleText1.json": "Grosseto",
}  # fmt: skip


@pytest.fixture(scope="module")
def imported(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    content = tmp_path_factory.mktemp("realdata")
    result = run_cli(
        "import", str(shared / "realdata"), "--content", str(content), "--json", "--no-cache"
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout), content


def stories(content: Path) -> list[tuple[dict[str, Any], str]]:
    found = []
    for path in sorted(content.rglob("*.md")):
        text = path.read_text("utf-8")
        found.append((yaml.safe_load(text.split("---\n")[1]), text.split("---\n", 2)[2]))
    return found


def test_every_text_item_becomes_a_story(imported: tuple[dict[str, Any], Path]) -> None:
    summary, content = imported
    assert summary["failed"] == 0
    made_from = [{Path(s).name for s in story["sources"]} for story, _ in stories(content)]
    assert sorted(map(sorted, made_from)) == sorted(map(sorted, STORIES))
    for story, body in stories(content):
        assert story["title"] and story["date"] and story["summary"]
        assert body.strip(), story["title"]


def test_cities_come_from_place_fields_or_the_dateline(
    imported: tuple[dict[str, Any], Path],
) -> None:
    _, content = imported
    for story, _ in stories(content):
        names = {Path(s).name for s in story["sources"]}
        expected = {CITIES[name] for name in names if name in CITIES}
        if expected:
            assert story.get("city") in expected, story["sources"]


def test_files_without_a_text_story_are_skipped_with_the_reason(
    imported: tuple[dict[str, Any], Path],
) -> None:
    summary, _ = imported
    reasons = {Path(line.split(": ", 1)[0]).name: line for line in summary["skipped_not_stories"]}
    assert set(reasons) == set(SKIPPED)
    for name, reason in SKIPPED.items():
        assert reason in reasons[name]


def test_the_summary_counts_each_format(imported: tuple[dict[str, Any], Path]) -> None:
    summary, _ = imported
    assert summary["formats"] == {
        "newsml-1.2": {"files": 1, "items": 1},
        "newsml-g2": {"files": 1, "items": 1},
        "ninjs-1": {"files": 1, "items": 1},
        "ninjs-2": {"files": 1, "items": 1},
        "ninjs-3": {"files": 8, "items": 8},
    }
    assert summary["items"] == 12 and summary["new"] == 7 and summary["merged"] == 5


def test_no_city_is_a_date_or_a_person_and_no_lead_is_a_byline(
    imported: tuple[dict[str, Any], Path],
) -> None:
    _, content = imported
    for story, _ in stories(content):
        city = story.get("city") or ""
        assert not any(ch.isdigit() for ch in city), story["sources"]
        assert not (city and city in (story.get("byline") or "")), story["sources"]
        assert not story["summary"].startswith("By "), story["sources"]
        # The IPTC's examples all give their dates with an offset: none is assumed.
        assert "UTC assumed" not in story["date_source"], story["sources"]
