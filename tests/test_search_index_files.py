"""Shards: months, parts of large months, the manifest, and period filters over parts."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from lunr.index import Index

from generator.addresses import day_key
from generator.search import shards as shard_module
from generator.search.index import build_index
from generator.search.query import Filters, search
from generator.search.shards import Shard, build_shards
from generator.search.store import SearchDocument, check_fields, read_row


def documents(count: int, start: str = "2025-03-01T10:00:00+01:00") -> list[SearchDocument]:
    first = datetime.fromisoformat(start)
    return [story(f"verhaal-{n}/", first + timedelta(hours=n), n) for n in range(count)]


def story(url: str, moment: datetime, n: int = 0) -> SearchDocument:
    return SearchDocument(
        url=url,
        title=f"Haven van Rotterdam bericht {n}",
        lead="De haven van Rotterdam meldt nieuwe cijfers.",
        city="Rotterdam",
        section="Economie" if n % 2 else "Binnenland",
        date=moment.isoformat(),
        date_text=str(n),
        day=day_key(moment),
    )


def loaded(manifest: dict[str, object], files: dict[str, str]) -> list[Shard]:
    import json

    fields = check_fields(manifest["fields"])
    found = []
    for entry in manifest["shards"]:  # type: ignore[attr-defined]
        data = json.loads(files[entry["file"]])
        store = {ref: read_row(fields, row) for ref, row in data["store"].items()}
        found.append(Shard(entry["id"], Index.load(data["index"]), store))
    return found


def test_a_large_month_is_cut_into_parts_newest_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shard_module, "SHARD_DOCS", 10)
    manifest, files = build_shards(documents(25))  # 25 hours: all in March
    ids = [entry["id"] for entry in manifest["shards"]]
    assert ids == ["2025-03.1", "2025-03.2", "2025-03.3"]
    assert [entry["count"] for entry in manifest["shards"]] == [10, 10, 5]
    newest = loaded(manifest, files)[0]
    assert max(doc.date for doc in newest.store.values()) == documents(25)[-1].date
    assert manifest["shards"][0]["sections"] == {"Binnenland": 5, "Economie": 5}


def test_the_same_documents_give_the_same_files() -> None:
    assert build_shards(documents(30)) == build_shards(documents(30))


def test_streamed_shards_are_the_shards_built_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shard_module, "SHARD_DOCS", 10)
    streamed: dict[str, str] = {}
    manifest, names = build_shards(documents(25), sink=streamed.__setitem__)
    assert (manifest, streamed) == build_shards(documents(25))
    assert set(names) == set(streamed) and set(names.values()) == {""}


def test_a_period_filter_reaches_into_the_parts_of_a_month(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shard_module, "SHARD_DOCS", 10)
    docs = documents(20) + documents(5, start="2025-04-02T10:00:00+02:00")
    shards = loaded(*build_shards(docs))
    march = search(shards, "haven", Filters(date_from="2025-03-01", date_to="2025-03-31"))
    assert len(march.hits) == 20
    april = search(shards, "haven", Filters(date_from="2025-04-01"))
    assert len(april.hits) == 5
    economy = search(shards, "haven", Filters(section="Economie"))
    assert len(economy.hits) == 12 and economy.sections == {"Economie": 12, "Binnenland": 13}


def test_a_shard_built_before_is_taken_over_not_rebuilt(monkeypatch: pytest.MonkeyPatch) -> None:
    first_manifest, first_files = build_shards(
        documents(20) + documents(5, start="2025-04-02T10:00:00+02:00")
    )
    by_digest = {e["digest"]: first_files[e["file"]] for e in first_manifest["shards"]}
    built: list[int] = []
    original = build_index

    def counting(docs: list[SearchDocument]) -> dict[str, object]:
        built.append(len(docs))
        return original(docs)

    monkeypatch.setattr(shard_module, "build_index", counting)
    # April gains a story; March is as it was.
    grown = documents(20) + documents(6, start="2025-04-02T10:00:00+02:00")
    manifest, files = build_shards(grown, reuse=by_digest.get)
    assert built == [6]  # only April's index was built again
    assert (manifest, files) == build_shards(grown)


LATE = [  # late in the evening in other offsets: the next day in Amsterdam
    story("laat-utc/", datetime.fromisoformat("2025-03-14T23:30:00+00:00")),
    story("laat-new-york/", datetime.fromisoformat("2025-03-31T19:30:00-04:00")),
    story("vroeg-tokio/", datetime.fromisoformat("2025-03-15T07:30:00+09:00")),
]


def test_a_story_late_in_the_evening_elsewhere_is_on_its_amsterdam_day() -> None:
    assert [doc.day for doc in LATE] == ["2025-03-15", "2025-04-01", "2025-03-14"]
    shards = loaded(*build_shards(LATE))
    assert {shard.id: sorted(shard.store) for shard in shards} == {
        "2025-04": ["0"],
        "2025-03": ["0", "1"],
    }

    def found(**period: str) -> list[str]:
        return sorted(hit.record.url for hit in search(shards, "haven", Filters(**period)).hits)

    assert found(date_from="2025-03-15", date_to="2025-03-15") == ["laat-utc/"]
    assert found(date_from="2025-03-14", date_to="2025-03-14") == ["vroeg-tokio/"]
    assert found(date_to="2025-03-31") == ["laat-utc/", "vroeg-tokio/"]
    assert found(date_from="2025-04-01") == ["laat-new-york/"]


def test_a_month_is_cut_newest_first_by_the_moment_not_by_its_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(shard_module, "SHARD_DOCS", 1)
    later = story("later/", datetime.fromisoformat("2025-03-14T23:30:00+00:00"))  # 00:30 local
    earlier = story(
        "earlier/", datetime.fromisoformat("2025-03-15T00:10:00+01:00")
    )  # its text sorts after
    shards = loaded(*build_shards([earlier, later]))
    assert [(shard.id, shard.store["0"].url) for shard in shards] == [
        ("2025-03.1", "later/"),
        ("2025-03.2", "earlier/"),
    ]
