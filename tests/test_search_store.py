"""The search store's one schema: Python and the browser read a row by its names.

``generator/search/store_schema.json`` is the only place the layout of a
store row is written. These tests hold the record (``SearchDocument``) to it,
check the built sample's shards against it, and run the browser's own reading
(``search-core.js`` with the real lunr.js under node) over shards written in
another field order: the same records, the same hits. A story dated late in
the evening in another offset is on its Amsterdam day on both sides.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import asdict, fields
from datetime import datetime
from pathlib import Path

import pytest

from generator.addresses import day_key
from generator.errors import SiteError
from generator.search import store
from generator.search.query import Filters, search
from generator.search.shards import MANIFEST, build_shards, dump, load_all_shards
from generator.search.store import FIELDS, SearchDocument, check_fields, read_row, store_row
from tests.conftest import ROOT
from tests.test_search_parity import node_side

SCRIPTS = ROOT / "themes" / "wire" / "static" / "js"
DOCUMENT = SearchDocument(
    url="2025/03/15/laat/",
    title="Haven van Rotterdam laat open",
    lead="De haven blijft 's nachts open.",
    city="Rotterdam",
    section="Economie",
    date="2025-03-14T23:30:00+00:00",
    date_text="15 maart 2025, 00:30",
    day="2025-03-15",
)


def test_the_record_has_exactly_the_schema_fields_each_with_a_meaning() -> None:
    schema = json.loads((ROOT / "generator" / "search" / "store_schema.json").read_text("utf-8"))
    names = [field["name"] for field in schema["fields"]]
    assert names == list(FIELDS) and len(set(names)) == len(names)
    assert all(field["meaning"].strip() for field in schema["fields"])
    assert sorted(field.name for field in fields(SearchDocument)) == sorted(FIELDS)


@pytest.mark.parametrize("shift", range(len(FIELDS)))
def test_a_row_is_read_back_by_its_names_in_any_order(shift: int) -> None:
    order = FIELDS[shift:][::-1] + FIELDS[:shift]
    row = [getattr(DOCUMENT, name) for name in order]
    assert read_row(order, row) == DOCUMENT


def test_a_row_is_written_in_the_schema_order(monkeypatch: pytest.MonkeyPatch) -> None:
    assert store_row(DOCUMENT) == [getattr(DOCUMENT, name) for name in FIELDS]
    monkeypatch.setattr(store, "FIELDS", FIELDS[::-1])
    assert store_row(DOCUMENT) == [getattr(DOCUMENT, name) for name in FIELDS[::-1]]


@pytest.mark.parametrize(
    "named", [None, "url", [*FIELDS[:-1]], [*FIELDS, "extra"], [*FIELDS[:-1], "dag"]]
)
def test_a_manifest_that_does_not_name_the_schema_fields_is_refused(named: object) -> None:
    with pytest.raises(SiteError, match="expected the search manifest to name"):
        check_fields(named)


def test_a_row_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(SiteError, match=f"expected a search store row of {len(FIELDS)} fields"):
        read_row(FIELDS, store_row(DOCUMENT)[:-1])


def test_search_files_of_the_old_positional_format_are_refused(tmp_path: Path) -> None:
    (tmp_path / MANIFEST).write_text('{"format": 1, "total": 0, "shards": []}', "utf-8")
    with pytest.raises(SiteError, match="build the site again"):
        load_all_shards(tmp_path)


@pytest.mark.site
def test_the_sample_shards_follow_the_schema(built_site: Path) -> None:
    folder = built_site / "search"
    manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    assert manifest["fields"] == list(FIELDS)
    for entry in manifest["shards"]:
        rows = json.loads((folder / entry["file"]).read_text("utf-8"))["store"].values()
        assert rows and all(len(row) == len(FIELDS) for row in rows)
    for shard in load_all_shards(folder):
        for doc in shard.store.values():
            assert doc.day == day_key(datetime.fromisoformat(doc.date)), doc
            assert shard.id[:7] == doc.day[:7], doc  # the month shard of the local day


def site_in_field_order(source: Path, target: Path, order: tuple[str, ...]) -> Path:
    """A copy of a built site whose search rows are written in ``order``."""
    shutil.copytree(source, target)
    folder = target / "search"
    manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    written = manifest["fields"]
    for entry in manifest["shards"]:
        data = json.loads((folder / entry["file"]).read_text("utf-8"))
        for ref, row in data["store"].items():
            values = dict(zip(written, row, strict=True))
            data["store"][ref] = [values[name] for name in order]
        (folder / entry["file"]).write_text(dump(data), "utf-8")
    manifest["fields"] = list(order)
    (folder / MANIFEST).write_text(dump(manifest), "utf-8")
    return target


def python_records(site: Path) -> list[dict[str, object]]:
    return [
        {"id": shard.id, "store": {ref: asdict(doc) for ref, doc in shard.store.items()}}
        for shard in load_all_shards(site / "search")
    ]


ORDERS = [FIELDS, FIELDS[::-1], FIELDS[3:] + FIELDS[:3]]


@pytest.mark.site
@pytest.mark.parametrize("order", ORDERS, ids=["schema", "reversed", "rotated"])
def test_the_browser_reads_every_field_by_its_name(
    built_site: Path, tmp_path: Path, order: tuple[str, ...]
) -> None:
    site = site_in_field_order(built_site, tmp_path / "site", order)
    records = node_side(site, {"records": True})["records"]
    assert records == python_records(built_site)  # as built: whatever the order on disk
    assert python_records(site) == python_records(built_site)
    assert all(set(doc) == set(FIELDS) for shard in records for doc in shard["store"].values())


QUERIES = ["rotterdam", "haven", "brand", "de", "rotterd"]
FILTERS = [
    {},
    {"section": "Economie"},
    {"city": "Rotterdam"},
    {"dateFrom": "2025-03-15", "dateTo": "2025-04-05"},
]


@pytest.mark.site
def test_a_changed_field_order_gives_the_same_hits(built_site: Path, tmp_path: Path) -> None:
    site = site_in_field_order(built_site, tmp_path / "site", FIELDS[::-1])
    asked = [
        {"query": query, "filters": filters, "order": order}
        for query in QUERIES
        for filters in FILTERS
        for order in ("relevance", "date")
    ]
    as_built = node_side(built_site, {"search": asked})["search"]
    reordered = node_side(site, {"search": asked})["search"]
    assert reordered == as_built
    assert sum(bool(answer["hits"]) for answer in as_built) >= len(asked) // 2


def late_story(url: str, moment: str) -> SearchDocument:
    date = datetime.fromisoformat(moment)
    return SearchDocument(
        url=url,
        title=f"Haven {url}",
        lead="De haven blijft open.",
        city="Rotterdam",
        section="Economie",
        date=date.isoformat(),
        date_text=moment,
        day=day_key(date),
    )


LATE = [
    late_story("utc/", "2025-03-14T23:30:00+00:00"),  # 15 March, 00:30 in Amsterdam
    late_story("new-york/", "2025-03-31T19:30:00-04:00"),  # 1 April, 01:30
    late_story("tokio/", "2025-03-15T07:30:00+09:00"),  # 14 March, 23:30
]
PERIODS = [
    ("2025-03-15", "2025-03-15", ["utc/"]),
    ("2025-03-14", "2025-03-14", ["tokio/"]),
    ("2025-03-01", "2025-03-31", ["tokio/", "utc/"]),
    ("2025-04-01", "2025-04-30", ["new-york/"]),
]


@pytest.mark.site
def test_a_late_evening_story_is_on_its_amsterdam_day_on_both_sides(
    built_site: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    shutil.rmtree(site / "search")
    manifest, files = build_shards(LATE)
    for name, text in files.items():
        (site / "search").mkdir(exist_ok=True)
        (site / "search" / name).write_text(text, "utf-8")
    (site / "search" / MANIFEST).write_text(dump(manifest), "utf-8")
    assert [entry["id"] for entry in manifest["shards"]] == ["2025-04", "2025-03"]
    shards = load_all_shards(site / "search")
    asked = [
        {"query": "haven", "filters": {"dateFrom": start, "dateTo": end}, "order": "date"}
        for start, end, _ in PERIODS
    ]
    answers = node_side(site, {"search": asked})["search"]
    for (start, end, expected), answer in zip(PERIODS, answers, strict=True):
        hits = search(shards, "haven", Filters(date_from=start, date_to=end), "date").hits
        assert sorted(hit.record.url for hit in hits) == expected, (start, end)
        assert [[s, r] for s, r, _ in answer["hits"]] == [[h.shard, h.ref] for h in hits]


def test_the_scripts_never_read_a_record_by_position() -> None:
    scripts = {path.name: path.read_text("utf-8") for path in SCRIPTS.glob("search-*.js")}
    text = "\n".join(scripts.values())
    assert not re.search(r"\b(doc|row|record|store\[[^\]]+\])\[\d", text)
    assert not re.search(r"\bvar (URL|TITLE|LEAD|CITY|SECTION|DATE|DAY)\b", text)
    read = {name for name in FIELDS if re.search(rf"\brecord\.{name}\b", text)}
    assert read == set(FIELDS)  # each field has a reader, by its name
