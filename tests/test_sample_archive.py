"""The sample archive in wire/ converts to exactly the committed content/,
and the seed page converts as the foundation issue demands."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import yaml

from tests.conftest import ROOT, run_cli


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.md"))}


def front_matters(folder: Path) -> list[dict[str, str]]:
    return [yaml.safe_load(text.decode().split("---\n")[1]) for text in tree(folder).values()]


def test_wire_converts_to_the_committed_content(tmp_path: Path) -> None:
    result = run_cli("import", "wire", "--content", str(tmp_path / "content"))
    assert result.returncode == 0, result.stderr
    fresh, committed = tree(tmp_path / "content"), tree(ROOT / "content")
    assert sorted(fresh) == sorted(committed), "run 'make import' and commit content/"
    for name, data in fresh.items():
        assert data == committed[name], f"content/{name} differs: run 'make import'"


def test_the_sample_looks_like_a_real_archive() -> None:
    items = front_matters(ROOT / "content")
    pages = sorted(ROOT.glob("wire/**/*.txt"))
    assert len(items) >= 40
    assert sum("Meer uit" in page.read_text("utf-8") for page in pages) >= 2
    assert len({item["date"][:10] for item in items}) >= 5
    assert len({item["category"] for item in items}) >= 5
    cities = Counter(item.get("city") for item in items)
    assert len(cities) >= 15 and cities.most_common(1)[0][1] >= 3
    assert Counter(item["kind"] for item in items)["teaser"] >= 20


def test_the_seed_page_gives_a_story_and_seven_teasers(shared: Path, tmp_path: Path) -> None:
    seed = shared / "seed" / "000_a41dc14b02e17b5c.txt"
    content = tmp_path / "content"
    result = run_cli(
        "import",
        str(seed),
        "--content",
        str(content),
        "--captured-at",
        "2025-02-13T20:00:00+01:00",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["new"] == 8
    items = sorted(
        front_matters(content),
        key=lambda item: (item["kind"] != "story", item["date"]),
        reverse=False,
    )
    story, teasers = items[0], items[1:]
    assert (story["kind"], story["city"], story["category"], story["agency"]) == (
        "story",
        "Den Haag",
        "Binnenland",
        "ANP",
    )
    assert story["date_precision"] == "captured"
    assert len(teasers) == 7
    assert {t["category"] for t in teasers} == {"Binnenland"}
    assert {t["agency"] for t in teasers} == {"ANP"}
    assert Counter(t["city"] for t in teasers) == {
        "Den Haag": 4,
        "Almere": 1,
        "Groningen": 1,
        "Zwolle": 1,
    }
    ages = Counter((t["date"], t["date_source"]) for t in teasers)
    assert ages == {
        ("2025-02-13T13:00:00+01:00", "age: 7 uur geleden"): 1,
        ("2025-02-13T06:00:00+01:00", "age: 14 uur geleden"): 1,
        ("2025-02-13T04:00:00+01:00", "age: 16 uur geleden"): 4,
        ("2025-02-13T02:00:00+01:00", "age: 18 uur geleden"): 1,
    }
    assert all("(CMO)" not in t.get("city", "") for t in teasers)
