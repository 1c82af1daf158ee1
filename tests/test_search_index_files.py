"""The index's files: the same stories give the same bytes, the manifest names
them compactly, and the site's folder keeps what did not change.

``index_files.build_index`` over composed stories (hourly, over two months,
two sections); a story late in the evening in another offset is on its
Amsterdam day in the manifest's days, and a period is the range of story
numbers those days give; ``search_index.write_search_files`` over a folder
written before leaves unchanged files untouched and removes the rest,
old month shards included.
"""

from __future__ import annotations

import gzip
import os
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from generator.addresses import day_key
from generator.search import index_files
from generator.search.index_files import (
    DOCS_PER_FILE,
    HASH,
    MANIFEST,
    build_index,
    content_hash,
    file_name,
    unpack,
)
from generator.search.query import Filters, counts, search
from generator.search.reader import SearchIndex
from generator.search.store import SearchDocument
from generator.search.weights import FullDocument
from generator.site.search_index import write_search_files
from generator.site.stories import SiteStory
from tests.search_files import write_index
from tests.test_search_documents import content_file, site_story


def documents(count: int, start: str = "2025-03-01T10:00:00+01:00") -> list[FullDocument]:
    """``count`` hourly stories from ``start``, newest first."""
    first = datetime.fromisoformat(start)
    made = [story(f"verhaal-{n}/", first + timedelta(hours=n), n) for n in range(count)]
    return made[::-1]


def story(url: str, moment: datetime, n: int = 0) -> FullDocument:
    record = SearchDocument(
        url=url,
        title=f"Haven van Rotterdam bericht {n}",
        lead="De haven van Rotterdam meldt nieuwe cijfers.",
        city="Rotterdam",
        section="Economie" if n % 2 else "Binnenland",
        date=moment.isoformat(),
        date_text=str(n),
        day=day_key(moment),
    )
    return FullDocument(record, f"Het overslagcijfer {n} is gestegen. De sluis bleef open.")


def built(docs: list[FullDocument]) -> tuple[dict[str, Any], dict[str, bytes]]:
    files: dict[str, bytes] = {}
    manifest = build_index(docs, files.__setitem__)
    return manifest, files


def test_the_same_documents_give_the_same_files_byte_for_byte() -> None:
    first, second = built(documents(40)), built(documents(40))
    assert first == second
    assert index_files.dump(first[0]) == index_files.dump(second[0])


def test_a_file_is_named_after_its_content() -> None:
    _, files = built(documents(40))
    for name, data in files.items():
        kind = name.split("/")[0]
        assert name == file_name(kind, content_hash(gzip.decompress(data).decode())), name
    assert {name.split("/")[0] for name in files} == {"terms", "docs", "bodies", "facets", "words"}


def test_a_changed_story_changes_only_the_files_that_hold_it() -> None:
    docs = documents(40)
    _, before = built(docs)
    changed = docs[-1]  # the oldest: the last record file
    docs[-1] = FullDocument(changed.record, changed.body + " Nieuw.")
    _, after = built(docs)
    kept = set(before) & set(after)
    assert {name.split("/")[0] for name in set(after) - kept} >= {"bodies"}
    assert sum(name.startswith("docs/") for name in kept) == len(docs) // DOCS_PER_FILE + 1
    assert sum(name.startswith("bodies/") for name in kept) == len(docs) // DOCS_PER_FILE


def hashes(text: str) -> list[str]:
    assert len(text) % HASH == 0
    return [text[start : start + HASH] for start in range(0, len(text), HASH)]


def named(manifest: dict[str, Any]) -> list[str]:
    """Every file the manifest names, from its compact hash strings."""
    terms, docs = manifest["terms"], manifest["docs"]
    return [
        *(file_name("terms", digest) for digest in hashes(terms["files"])),
        *(file_name("docs", digest) for digest in hashes(docs["files"])),
        *(file_name("bodies", digest) for digest in hashes(docs["bodies"])),
        file_name("facets", str(manifest["facets"])),
        file_name("words", str(manifest["words"])),
    ]


def test_the_manifest_names_every_file_compactly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_files, "CHUNK_BYTES", 200)  # many term files
    docs = documents(40)
    manifest, files = built(docs)
    terms = manifest["terms"]
    assert len(terms["first"]) > 3 and len(hashes(terms["files"])) == len(terms["first"])
    assert terms["first"] == sorted(terms["first"])  # by code point
    assert sorted(set(named(manifest))) == sorted(files)  # every file named, none unnamed
    assert sorted(manifest["docs"]) == ["bodies", "files", "size"]
    assert manifest["docs"]["size"] == DOCS_PER_FILE
    records, bodies = hashes(manifest["docs"]["files"]), hashes(manifest["docs"]["bodies"])
    assert len(records) == len(bodies) == -(-len(docs) // DOCS_PER_FILE)
    assert (manifest["total"], manifest["sections"]) == (40, {"Binnenland": 20, "Economie": 20})


def test_each_term_file_begins_with_its_first_term(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_files, "CHUNK_BYTES", 200)
    manifest, files = built(documents(40))
    terms = manifest["terms"]
    written = [unpack(files[file_name("terms", d)]) for d in hashes(terms["files"])]
    assert [min(chunk) for chunk in written] == terms["first"]
    every = [term for chunk in written for term in chunk]
    assert every == sorted(every) and len(every) == len(set(every))


def test_a_record_and_a_body_are_read_back_from_their_files(tmp_path: Path) -> None:
    docs = documents(40)
    index = SearchIndex(write_index(tmp_path, docs))
    for number in (0, DOCS_PER_FILE - 1, DOCS_PER_FILE, len(docs) - 1):
        assert (index.record(number), index.body(number)) == (
            docs[number].record,
            docs[number].body,
        )
    assert len([name for name in index.fetched if name.startswith("docs/")]) == 3


def test_a_period_filter_is_a_range_of_days(tmp_path: Path) -> None:
    docs = documents(5, start="2025-04-02T10:00:00+02:00") + documents(20)
    index = SearchIndex(write_index(tmp_path, docs, chunk_bytes=300))
    assert index.manifest["days"] == [["2025-04-02", 0], ["2025-03-02", 5], ["2025-03-01", 11]]
    march = search(index, "haven", Filters(date_from="2025-03-01", date_to="2025-03-31"))
    assert sorted(hit.number for hit in march.hits) == list(range(5, 25))
    april = search(index, "haven", Filters(date_from="2025-04-01"))
    assert sorted(hit.number for hit in april.hits) == list(range(5))
    assert search(index, "haven", Filters(date_from="2025-03-03", date_to="2025-04-01")).hits == []
    second = search(index, "haven", Filters(date_from="2025-03-02", date_to="2025-03-02"))
    assert sorted(hit.number for hit in second.hits) == list(range(5, 11))
    economy = search(index, "haven", Filters(section="Economie"))
    assert len(economy.hits) == 12
    assert counts(index, economy).sections == {"Economie": 12, "Binnenland": 13}


LATE = [  # newest first; late in the evening in other offsets: the next day in Amsterdam
    story("laat-new-york/", datetime.fromisoformat("2025-03-31T19:30:00-04:00")),
    story("laat-utc/", datetime.fromisoformat("2025-03-14T23:30:00+00:00")),
    story("vroeg-tokio/", datetime.fromisoformat("2025-03-15T07:30:00+09:00")),
]


def test_a_story_late_in_the_evening_elsewhere_is_on_its_amsterdam_day(tmp_path: Path) -> None:
    assert [doc.record.day for doc in LATE] == ["2025-04-01", "2025-03-15", "2025-03-14"]
    index = SearchIndex(write_index(tmp_path, LATE))
    assert index.manifest["days"] == [["2025-04-01", 0], ["2025-03-15", 1], ["2025-03-14", 2]]

    def found(**period: str) -> list[str]:
        hits = search(index, "haven", Filters(**period)).hits
        return sorted(index.record(hit.number).url for hit in hits)

    assert found(date_from="2025-03-15", date_to="2025-03-15") == ["laat-utc/"]
    assert found(date_from="2025-03-14", date_to="2025-03-14") == ["vroeg-tokio/"]
    assert found(date_to="2025-03-31") == ["laat-utc/", "vroeg-tokio/"]
    assert found(date_from="2025-04-01") == ["laat-new-york/"]


def test_an_empty_archive_has_a_manifest_and_no_terms(tmp_path: Path) -> None:
    manifest, files = built([])
    assert manifest["total"] == 0 and manifest["days"] == []
    assert manifest["terms"] == {"first": [], "files": ""}
    assert sorted(set(named(manifest))) == sorted(files)
    index = SearchIndex(write_index(tmp_path, []))
    assert search(index, "haven").hits == []
    assert [name for name in index.fetched if not name.startswith("words/")] == []


def site_stories(folder: Path, count: int, extra: str = "") -> list[SiteStory]:
    """``count`` site stories with content files, newest first; ``extra`` in the oldest's body."""
    made = []
    for n in range(count):
        slug = f"bericht-{n}"
        body = [
            f"ROTTERDAM (ANP) - De haven van {slug} blijft open.",
            f"Bericht {n}. {extra if n == 0 else ''}",
        ]
        source = content_file(folder, slug, body)
        moment = datetime.fromisoformat("2025-03-01T12:00:00+01:00") + timedelta(hours=n)
        made.append(site_story(slug, moment.isoformat(), source=source))
    return made[::-1]


OLD = 1_000_000_000  # an mtime long past: a file written again would have a new one


def test_writing_again_touches_only_the_files_that_changed(tmp_path: Path) -> None:
    folder = tmp_path / "search"
    write_search_files(folder, site_stories(tmp_path / "content", 40))
    old_shard = folder / "2025-03.abcdef.json"  # the month shards of search files before
    old_shard.write_text("{}", "utf-8")
    (folder / "terms" / "0123456789.json.gz").write_text("{}", "utf-8")  # a file no longer named
    before = {path: path.read_bytes() for path in folder.rglob("*.json*")}
    for path in before:
        os.utime(path, (OLD, OLD))
    write_search_files(folder, site_stories(tmp_path / "content", 40, extra="Nu ook een brug."))
    after = {path: path.read_bytes() for path in folder.rglob("*.json*")}
    assert not old_shard.exists() and not (folder / "terms" / "0123456789.json.gz").exists()
    kept = [path for path in after if path in before and path.name != MANIFEST]
    assert kept and all(after[path] == before[path] for path in kept)
    assert all(path.stat().st_mtime == OLD for path in kept)  # untouched, not rewritten
    new = [path for path in after if path not in before]
    assert new and all(path.stat().st_mtime != OLD for path in new)
    assert (folder / MANIFEST).stat().st_mtime != OLD  # it names the new files


def test_the_folder_is_what_a_build_from_scratch_makes(tmp_path: Path) -> None:
    folder, fresh = tmp_path / "search", tmp_path / "fresh"
    write_search_files(folder, site_stories(tmp_path / "content", 20))
    changed = site_stories(tmp_path / "content", 25, extra="Nu ook een brug.")
    write_search_files(folder, changed)
    write_search_files(fresh, changed)

    def contents(root: Path) -> dict[str, bytes]:
        return {
            p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()
        }

    assert contents(folder) == contents(fresh)
    index = SearchIndex(folder)
    [hit] = search(index, "brug").hits  # in the oldest story's body only
    assert index.record(hit.number).url.endswith("/bericht-0/")


def test_an_unchanged_archive_leaves_every_file_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "search"
    write_search_files(folder, site_stories(tmp_path / "content", 20))
    files = list(folder.rglob("*.json*"))
    for path in files:
        os.utime(path, (OLD, OLD))
    write_search_files(folder, site_stories(tmp_path / "content", 20))
    assert sorted(folder.rglob("*.json*")) == sorted(files)
    assert all(path.stat().st_mtime == OLD for path in files)
