"""A pile with duplicates, teasers of full stories and updated versions
(tests/fixtures/pile) gives exactly one page per story, however it is imported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import FIXTURES, run_cli

PILE = FIXTURES / "pile"


def stories(content: Path) -> dict[str, dict[str, Any]]:
    files = sorted(content.rglob("*.md"))
    return {
        p.relative_to(content).as_posix(): yaml.safe_load(p.read_text("utf-8").split("---\n")[1])
        for p in files
    }


def import_json(*paths: Path, content: Path) -> dict[str, Any]:
    result = run_cli("import", *map(str, paths), "--content", str(content), "--json")
    assert result.returncode == 0, result.stderr
    summary: dict[str, Any] = json.loads(result.stdout)
    return summary


def test_one_page_per_story(tmp_path: Path) -> None:
    summary = import_json(PILE, content=tmp_path)
    found = stories(tmp_path)
    assert sorted(found) == [
        "2025/05/01/brand-in-haven-van-rotterdam.md",
        "2025/05/01/onderzoekers-van-de-universiteit-leiden-hebben-een-nieuwe.md",
        "2025/05/01/utrecht-wil-duizenden-extra-fietsplekken-bij-station.md",
        "2025/05/02/waterschap-versterkt-dijk-langs-de-lek.md",
    ]
    assert (summary["items"], summary["new"], summary["merged"]) == (10, 4, 6)


def test_an_update_replaces_the_text_and_keeps_the_first_date(tmp_path: Path) -> None:
    import_json(PILE, content=tmp_path)
    fire = stories(tmp_path)["2025/05/01/brand-in-haven-van-rotterdam.md"]
    assert fire["title"] == "Brand in haven van Rotterdam"
    assert fire["category"] == "Binnenland"  # the update page names no section
    assert fire["summary"].startswith("De grote brand in een loods met kunstmest")
    assert fire["version"] == 2
    # First seen as a teaser aged 8 hours on a page copied at 18:00.
    assert (fire["date"], fire["date_precision"]) == ("2025-05-01T10:00:00+02:00", "hour")
    assert fire["modified"] == "2025-05-01T20:00:00+02:00"
    names = ("1-brand", "2-fietsen", "3-brand-update", "4-fietsen-later")
    assert fire["sources"] == [f"tests/fixtures/pile/{name}.txt" for name in names]


def test_a_notice_merges_the_new_version_into_the_story_it_names(tmp_path: Path) -> None:
    import_json(PILE, content=tmp_path)
    dike = stories(tmp_path)["2025/05/02/waterschap-versterkt-dijk-langs-de-lek.md"]
    assert dike["title"] == "Dijkversterking langs de Lek later van start"
    assert dike["replaces"] == "Waterschap versterkt dijk langs de Lek"
    assert dike["date"] == "2025-05-02T09:00:00+02:00"
    assert dike["modified"] == "2025-05-02T15:30:00+02:00"


def test_a_teaser_gives_way_to_the_full_story(tmp_path: Path) -> None:
    import_json(PILE, content=tmp_path)
    bikes = stories(tmp_path)["2025/05/01/utrecht-wil-duizenden-extra-fietsplekken-bij-station.md"]
    assert (bikes["kind"], bikes["date"]) == ("story", "2025-05-01T09:00:00+02:00")


def test_importing_again_changes_nothing(tmp_path: Path) -> None:
    import_json(PILE, content=tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*.md")}
    summary = import_json(PILE, content=tmp_path)
    assert summary["new"] == summary["updated"] == 0
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.md")} == before


def test_importing_in_two_runs_gives_the_same_archive(tmp_path: Path) -> None:
    at_once, in_turns = tmp_path / "at-once", tmp_path / "in-turns"
    import_json(PILE, content=at_once)
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, names in ((first, "123"), (second, "456")):
        folder.mkdir()
        for page in PILE.iterdir():
            if page.name[0] in names:
                shutil.copy(page, folder / page.name)
    import_json(first, content=in_turns)
    import_json(second, content=in_turns)
    assert without_provenance(stories(in_turns)) == without_provenance(stories(at_once))


def without_provenance(found: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The stories less their sources and digest (the folders differ)."""
    return {path: {**story, "sources": None, "digest": None} for path, story in found.items()}


def test_worker_processes_give_the_same_archive_as_one(tmp_path: Path) -> None:
    from benchmarks.pile import make_pile
    from generator.parallel import PARALLEL_FROM

    wire = tmp_path / "wire"
    wire.mkdir()
    pages = make_pile(wire, copies=40)
    assert pages >= PARALLEL_FROM  # large enough for the worker pool
    trees = []
    for jobs in ("1", "2"):
        content = tmp_path / f"content-{jobs}"
        result = run_cli(
            "import", str(wire), "--content", str(content), "--jobs", jobs, "--no-cache"
        )
        assert result.returncode == 0, result.stderr
        trees.append({p.relative_to(content): p.read_bytes() for p in content.rglob("*.md")})
    assert len(trees[0]) > 2000
    assert trees[0] == trees[1]


def test_an_update_in_a_later_import_finds_its_story_by_headline(tmp_path: Path) -> None:
    content = tmp_path / "content"
    import_json(PILE / "5-dijken.txt", content=content)
    summary = import_json(PILE / "6-dijken-nieuw.txt", content=content)
    assert (summary["new"], summary["updated"]) == (0, 1)
    [(path, dike)] = stories(content).items()
    assert path == "2025/05/02/waterschap-versterkt-dijk-langs-de-lek.md"
    assert (dike["version"], dike["modified"]) == (2, "2025-05-02T15:30:00+02:00")
