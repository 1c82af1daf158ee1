"""The search store's one schema: Python and the browser read a row by its names.

``generator/search/store_schema.json`` is the only place the layout of a
store row is written. These tests hold the record (``SearchDocument``) to it,
check every record of the built sample's index against it, and run the
browser's own reading (``search-index.js`` under node) over an index whose
record files are written in another field order: the same records, the same
hits. A story dated late in the evening in another offset is on its
Amsterdam day on both sides.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import asdict, fields
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from generator.addresses import day_key
from generator.errors import SiteError
from generator.search import store
from generator.search.index_files import MANIFEST, content_hash, dump, file_name, unpack
from generator.search.query import Filters, search
from generator.search.reader import SearchIndex
from generator.search.store import FIELDS, SearchDocument, check_fields, read_row, store_row
from generator.search.weights import FullDocument
from tests.conftest import ROOT
from tests.search_files import node_refusal, node_side, write_index

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


@pytest.mark.parametrize(
    "manifest",
    [
        {"format": 1, "total": 0, "shards": []},  # rows by position
        {"format": 3, "fields": list(FIELDS), "total": 0, "shards": []},  # monthly shards
        {"fields": list(FIELDS)},
    ],
    ids=["positional", "shards", "no-format"],
)
def test_search_files_of_an_older_format_are_refused(
    tmp_path: Path, manifest: dict[str, object]
) -> None:
    (tmp_path / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    with pytest.raises(SiteError, match="build the site again"):
        SearchIndex(tmp_path)
    asked = {"query": "haven", "filters": {}, "order": "date"}
    assert "build the site again" in node_refusal({"folder": str(tmp_path), "search": [asked]})


def test_a_manifest_without_the_schema_fields_is_refused(tmp_path: Path) -> None:
    folder = write_index(tmp_path, [FullDocument(DOCUMENT, "")])
    manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    manifest["fields"] = [*FIELDS[:-1], "dag"]
    (folder / MANIFEST).write_text(dump(manifest), "utf-8")
    with pytest.raises(SiteError, match="expected the search manifest to name"):
        SearchIndex(folder)


@pytest.mark.site
def test_the_sample_records_follow_the_schema(built_site: Path) -> None:
    folder = built_site / "search"
    index = SearchIndex(folder)
    assert index.manifest["fields"] == list(FIELDS)
    for digest in index.record_files:
        rows = unpack((folder / file_name("docs", digest)).read_bytes())
        assert rows and all(len(row) == len(FIELDS) for row in rows)
    records = [index.record(number) for number in range(index.total)]
    assert len(records) == index.total > 50
    for record in records:
        assert record.day == day_key(datetime.fromisoformat(record.date)), record
        assert record.url.startswith(record.day.replace("-", "/")), record  # filed under its day
    moments = [datetime.fromisoformat(record.date) for record in records]
    assert moments == sorted(moments, reverse=True)  # numbered newest first
    for day, first in index.manifest["days"]:
        assert records[first].day == day and (first == 0 or records[first - 1].day != day)


def in_field_order(source: Path, target: Path, order: tuple[str, ...]) -> Path:
    """A copy of an index whose record files are written in ``order`` (each
    named after its new content, as a build would name it)."""
    shutil.copytree(source, target)
    manifest = json.loads((target / MANIFEST).read_text("utf-8"))
    written = manifest["fields"]
    hashes = []
    for digest in SearchIndex(source).record_files:
        rows = unpack((target / file_name("docs", digest)).read_bytes())
        text = dump(
            [[dict(zip(written, row, strict=True))[name] for name in order] for row in rows]
        )
        (target / file_name("docs", digest)).unlink()
        hashes.append(content_hash(text))
        (target / file_name("docs", content_hash(text))).write_text(text, "utf-8")
    manifest["fields"] = list(order)
    manifest["docs"]["files"] = "".join(hashes)
    (target / MANIFEST).write_text(dump(manifest), "utf-8")
    return target


def site_in_field_order(source: Path, target: Path, order: tuple[str, ...]) -> Path:
    """A copy of a built site whose search record files are written in ``order``."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("search"))
    in_field_order(source / "search", target / "search", order)
    return target


def python_records(folder: Path) -> list[dict[str, str]]:
    index = SearchIndex(folder)
    return [asdict(index.record(number)) for number in range(index.total)]


ORDERS = [FIELDS, FIELDS[::-1], FIELDS[3:] + FIELDS[:3]]


@pytest.mark.site
@pytest.mark.parametrize("order", ORDERS, ids=["schema", "reversed", "rotated"])
def test_the_browser_reads_every_field_by_its_name(
    built_site: Path, tmp_path: Path, order: tuple[str, ...]
) -> None:
    folder = site_in_field_order(built_site, tmp_path / "site", order) / "search"
    records = node_side({"folder": str(folder), "records": True})["records"]
    as_built = python_records(built_site / "search")
    assert records == as_built  # whatever the order on disk
    assert python_records(folder) == as_built
    assert all(set(record) == set(FIELDS) for record in records)


QUERIES = ["rotterdam", "haven", "brand", "de stad", "rotterd", '"den haag"', "rotterdm"]
FILTERS: list[dict[str, str]] = [
    {},
    {"section": "Economie"},
    {"city": "Rotterdam"},
    {"dateFrom": "2025-03-15", "dateTo": "2025-04-05"},
]


def without_names(answers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The answers with the files read by kind (a record file's name is its content's)."""
    return [
        {**answer, "fetched": [name.split("/")[0] for name in answer["fetched"]]}
        for answer in answers
    ]


@pytest.mark.site
def test_a_changed_field_order_gives_the_same_hits(built_site: Path, tmp_path: Path) -> None:
    folder = in_field_order(built_site / "search", tmp_path / "search", FIELDS[::-1])
    asked = [
        {"query": query, "filters": filters, "order": order}
        for query in QUERIES
        for filters in FILTERS
        for order in ("relevance", "date")
    ]
    as_built = node_side({"folder": str(built_site / "search"), "search": asked})["search"]
    reordered = node_side({"folder": str(folder), "search": asked})["search"]
    assert without_names(reordered) == without_names(as_built)
    assert any("docs" in answer["fetched"] for answer in without_names(as_built))
    assert sum(bool(answer["hits"]) for answer in as_built) >= len(asked) // 2
    for query in QUERIES:
        python = search(SearchIndex(folder), query)
        built = search(SearchIndex(built_site / "search"), query)
        assert python == built, query


def late_story(url: str, moment: str) -> FullDocument:
    date = datetime.fromisoformat(moment)
    record = SearchDocument(
        url=url,
        title=f"Haven {url}",
        lead="De haven blijft open.",
        city="Rotterdam",
        section="Economie",
        date=date.isoformat(),
        date_text=moment,
        day=day_key(date),
    )
    return FullDocument(record, "")


LATE = [  # newest first
    late_story("new-york/", "2025-03-31T19:30:00-04:00"),  # 1 April, 01:30 in Amsterdam
    late_story("utc/", "2025-03-14T23:30:00+00:00"),  # 15 March, 00:30
    late_story("tokio/", "2025-03-15T07:30:00+09:00"),  # 14 March, 23:30
]
PERIODS = [
    ("2025-03-15", "2025-03-15", ["utc/"]),
    ("2025-03-14", "2025-03-14", ["tokio/"]),
    ("2025-03-01", "2025-03-31", ["utc/", "tokio/"]),
    ("2025-04-01", "2025-04-30", ["new-york/"]),
]


def test_a_late_evening_story_is_on_its_amsterdam_day_on_both_sides(tmp_path: Path) -> None:
    folder = write_index(tmp_path, LATE)
    index = SearchIndex(folder)
    asked = [
        {"query": "haven", "filters": {"dateFrom": start, "dateTo": end}, "order": "date"}
        for start, end, _ in PERIODS
    ]
    answers = node_side({"folder": str(folder), "search": asked})["search"]
    for (start, end, expected), answer in zip(PERIODS, answers, strict=True):
        hits = search(index, "haven", Filters(date_from=start, date_to=end), "date").hits
        assert [index.record(hit.number).url for hit in hits] == expected, (start, end)
        assert [number for number, *_ in answer["hits"]] == [hit.number for hit in hits]


SHOWN = {"url", "title", "lead", "city", "section", "date", "date_text"}  # what a result shows


def test_the_scripts_never_read_a_record_by_position() -> None:
    names = ("search-index.js", "search-query.js", "search-worker.js", "search-page.js")
    text = "\n".join((SCRIPTS / name).read_text("utf-8") for name in names)
    assert not re.search(r"\b(doc|row|record|records|recordNow\([^)]*\))\[\d", text)
    assert not re.search(r"\bvar (URL|TITLE|LEAD|CITY|SECTION|DATE|DAY)\b", text)
    read = set(re.findall(r"\b(?:record|recordNow\([^)]*\))\.(\w+)\b", text))
    assert read <= set(FIELDS)  # only the schema's fields, by their names
    assert read >= SHOWN  # each field a result shows has a reader, by its name
