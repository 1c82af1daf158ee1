"""The content store: idempotent writes, hand edits kept, slugs that never clash or move."""

from __future__ import annotations

import json
import stat
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from generator.cache import CACHE_FORMAT, ImportCache
from generator.content.store import ContentStore, Outcome
from generator.model import DatePrecision, WireItem
from generator.storage import atomic_write
from generator.text.identity import story_id


def make_item(
    title: str = "Brug bij Zwolle gaat dicht", lead: str = "Een brug gaat dicht."
) -> WireItem:
    return WireItem(
        id=story_id(lead),
        title=title,
        paragraphs=[f"ZWOLLE (ANP) - {lead}"],
        summary=lead,
        date=datetime.fromisoformat("2025-03-14T18:05:00+01:00"),
        date_precision=DatePrecision.CAPTURED,
        date_source="captured-at",
        section="Binnenland",
        city="Zwolle",
        agency="ANP",
    )


def test_saving_twice_changes_no_byte(tmp_path: Path) -> None:
    item = make_item()
    outcome, path = ContentStore(tmp_path).save(item)
    assert outcome is Outcome.NEW
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    outcome, again = ContentStore(tmp_path).save(item)
    assert (outcome, again) == (Outcome.UNCHANGED, path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_a_hand_edit_is_kept_and_force_overwrites_it(tmp_path: Path) -> None:
    item = make_item()
    _, path = ContentStore(tmp_path).save(item)
    edited = path.read_text("utf-8").replace(
        "Een brug gaat dicht.", "Een brug gaat dicht, meldt de gemeente."
    )
    path.write_text(edited, "utf-8")
    changed = replace(item, paragraphs=[*item.paragraphs, "Een nieuwe alinea."])
    assert ContentStore(tmp_path).save(changed)[0] is Outcome.KEPT_EDITED
    assert path.read_text("utf-8") == edited
    assert ContentStore(tmp_path, force=[path]).save(changed)[0] is Outcome.UPDATED
    assert "Een nieuwe alinea." in path.read_text("utf-8")


def test_an_untouched_file_is_updated(tmp_path: Path) -> None:
    item = make_item()
    _, path = ContentStore(tmp_path).save(item)
    changed = replace(item, paragraphs=[*item.paragraphs, "Een nieuwe alinea."])
    assert ContentStore(tmp_path).save(changed) == (Outcome.UPDATED, path)


def test_a_story_keeps_its_file_when_its_title_changes(tmp_path: Path) -> None:
    item = make_item()
    _, path = ContentStore(tmp_path).save(item)
    outcome, again = ContentStore(tmp_path).save(
        replace(item, title="Brug bij Zwolle gaat langer dicht")
    )
    assert (outcome, again) == (Outcome.UPDATED, path)
    assert "slug: brug-bij-zwolle-gaat-dicht\n" in path.read_text("utf-8")


def test_two_stories_with_one_title_on_one_day_get_two_files(tmp_path: Path) -> None:
    first = make_item(lead="Een brug gaat dicht.")
    second = make_item(lead="Een andere brug gaat ook dicht.")
    _, one = ContentStore(tmp_path).save(first)
    _, two = ContentStore(tmp_path).save(second)
    assert one != two
    assert two.name == f"brug-bij-zwolle-gaat-dicht-{second.id[3:9]}.md"
    assert one.read_text("utf-8") != two.read_text("utf-8")


def test_atomic_write_leaves_no_temporary_file_and_a_readable_mode(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b.md"
    atomic_write(target, "eerste\n")
    atomic_write(target, "tweede\n")
    assert target.read_text("utf-8") == "tweede\n"
    assert [p.name for p in target.parent.iterdir()] == ["b.md"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "b.md"
    atomic_write(target, "oud\n")
    with pytest.raises(UnicodeEncodeError):
        atomic_write(target, "nieuw \ud800\n")  # a lone surrogate cannot be encoded
    assert target.read_text("utf-8") == "oud\n"
    assert [p.name for p in tmp_path.iterdir()] == ["b.md"]


def test_an_unreadable_content_file_is_reported_not_overwritten(tmp_path: Path) -> None:
    broken = tmp_path / "2025" / "03" / "14" / "kapot.md"
    broken.parent.mkdir(parents=True)
    broken.write_text("geen front matter\n", "utf-8")
    store = ContentStore(tmp_path)
    assert [str(problem) for problem in store.problems] == [
        f"{broken}:1: expected front matter opening with '---' on line 1"
    ]
    assert broken.read_text("utf-8") == "geen front matter\n"


# --- the import cache keeps the store's index -----------------------------------


def test_the_index_travels_through_the_cache_by_name(tmp_path: Path) -> None:
    content, cache_path = tmp_path / "content", tmp_path / "cache.json"
    store = ContentStore(content)
    store.save(make_item())
    cache = ImportCache(cache_path, options="")
    cache.index = store.index
    cache.save()
    saved = json.loads(cache_path.read_text("utf-8"))
    [entry] = saved["index"].values()
    assert saved["format"] == CACHE_FORMAT and entry["slug"] == "brug-bij-zwolle-gaat-dicht"
    assert ImportCache.load(cache_path, options="").index == store.index


@pytest.mark.parametrize(
    "index",
    [
        {"2025/03/14/a.md": [1, 2, 3, "wa-1", "a", "A", "2025-03-14T18:05:00+01:00"]},
        {"2025/03/14/a.md": {"stamp": [1, 2, 3], "id": 7}},
        ["2025/03/14/a.md"],
    ],
)
def test_a_cache_entry_that_does_not_read_back_is_dropped(tmp_path: Path, index: object) -> None:
    cache_path = tmp_path / "cache.json"
    good = {"stamp": [1, 2, 3], "id": "wa-2", "slug": "b"}
    entries = {**index, "2025/03/14/b.md": good} if isinstance(index, dict) else index
    cache_path.write_text(json.dumps({"format": CACHE_FORMAT, "index": entries}), "utf-8")
    loaded = ImportCache.load(cache_path, options="").index
    assert "2025/03/14/a.md" not in loaded
    kept = [good] if isinstance(index, dict) else []  # a list holds no entry to keep
    assert [entry.to_json() for entry in loaded.values()] == kept


@pytest.mark.parametrize("text", ["[1, 2]", '"cache"', "{", '{"format": 4, "index": {}}'])
def test_a_cache_of_another_shape_is_no_cache(tmp_path: Path, text: str) -> None:
    cache_path = tmp_path / "cache.json"
    cache_path.write_text(text, "utf-8")
    loaded = ImportCache.load(cache_path, options="")
    assert (loaded.index, loaded.sources) == ({}, {})
