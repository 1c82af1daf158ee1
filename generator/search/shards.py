"""Search, index build: the index in monthly shards, with a manifest, for archives of any size.

Promises:
- shards by month: the month of each story's local day (its ``day``, from
  ``addresses.day_key``: the month the archive files it under), a month of
  more than ``SHARD_DOCS`` stories cut into parts (newest first), so no first
  fetch grows with the archive: each a Lunr index of title, lead, city and
  section, and the store of what a result shows (rows laid out by
  ``store_schema.json``), in one JSON file named after a hash of its content,
  so browsers may cache it for ever;
- ``manifest.json`` names the store's fields (``fields``, in the schema's
  order) and lists the shards newest first, with their counts per section and
  per city, so a reader can filter and load only what is needed;
- the same documents give the same files, byte for byte; a shard whose
  documents did not change since the last build is taken over, not rebuilt.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from lunr.index import Index

from generator.code_digest import code_digest
from generator.parallel import fork_map
from generator.search.index import build_index
from generator.search.store import (
    FIELDS,
    SearchDocument,
    build_store,
    check_fields,
    read_row,
    store_row,
)

MANIFEST = "manifest.json"
FORMAT = 3  # 2: the manifest names the store's fields; rows carry the local day; 3: city aliases
SHARD_DOCS = 1500  # at most this many stories a shard: about 0.5 MB gzipped


def shard_of(document: SearchDocument) -> str:
    """``2025-03``: the month of the story's local day, the month the archive files it under."""
    return document.day[:7]


def dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def code_fingerprint() -> str:
    """The search code and data: a change to them makes every shard stale."""
    return code_digest(("search",))


def docs_digest(docs: list[SearchDocument]) -> str:
    """What a shard is made from: its documents and the code that indexes them."""
    text = code_fingerprint() + dump([store_row(doc) for doc in docs])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def build_shards(
    documents: Iterable[SearchDocument],
    reuse: Callable[[str], str | None] = lambda digest: None,
    processes: int = 0,
    sink: Callable[[str, str], None] | None = None,
) -> tuple[dict[str, Any], dict[str, str]]:
    """The manifest and the shard files (name -> text).

    ``reuse`` gives the text of a shard built before from documents with the
    given digest, if there is one: then the index (the slow part) is not built
    again. The result is the same, byte for byte. Shards to build are built on
    every core (``processes``: 0 for all). With a ``sink``, each file goes to
    it as soon as it is made and ``files`` holds only the names (with empty
    texts), so a large archive's index never sits in memory whole; one
    process then builds them, one after the other.
    """
    plan = _plan(documents)
    entries: list[dict[str, Any]] = []
    files: dict[str, str] = {}
    for (shard, docs, digest), text in zip(plan, _texts(plan, reuse, processes, sink), strict=True):
        name = f"{shard}.{hashlib.sha256(text.encode()).hexdigest()[:10]}.json"
        if sink is None:
            files[name] = text
        else:
            files[name] = ""
            sink(name, text)
        entries.append(
            {
                "id": shard,
                "file": name,
                "digest": digest,
                "count": len(docs),
                "sections": dict(sorted(Counter(d.section for d in docs).items())),
                "cities": dict(sorted(Counter(d.city for d in docs if d.city).items())),
            }
        )
    total = sum(int(entry["count"]) for entry in entries)
    manifest = {
        "format": FORMAT,
        "fields": list(FIELDS),
        "total": total,
        "shards": entries,
        "city_aliases": city_aliases(document for _, docs, _ in plan for document in docs),
    }
    return manifest, files


def city_aliases(documents: Iterable[SearchDocument]) -> dict[str, str]:
    """Each other name of a city -> the city's name: the search page's city menu
    takes a link's ``plaats=Den Bosch`` for ``'s-Hertogenbosch``."""
    return dict(
        sorted((alias, document.city) for document in documents for alias in document.aliases())
    )


def _texts(
    plan: list[tuple[str, list[SearchDocument], str]],
    reuse: Callable[[str], str | None],
    processes: int,
    sink: Callable[[str, str], None] | None,
) -> Iterator[str]:
    if sink is not None:  # one at a time, each dropped once the sink has it
        for _, docs, digest in plan:
            yield reuse(digest) or shard_text(docs)
        return
    texts = [reuse(digest) for _, _, digest in plan]
    missing = [position for position, text in enumerate(texts) if text is None]
    built = fork_map(
        shard_text, [plan[position][1] for position in missing], minimum=2, processes=processes
    )
    for position, made in zip(missing, built, strict=True):
        texts[position] = made
    yield from (text or "" for text in texts)  # every position is filled by now


def shard_text(docs: list[SearchDocument]) -> str:
    """One shard's file: its Lunr index and its result store."""
    return dump({"index": build_index(docs), "store": build_store(docs)})


def _plan(documents: Iterable[SearchDocument]) -> list[tuple[str, list[SearchDocument], str]]:
    """(shard id, its documents newest first, their digest), newest shard first."""
    by_month: dict[str, list[SearchDocument]] = defaultdict(list)
    for document in documents:
        by_month[shard_of(document)].append(document)
    plan = []
    for month in sorted(by_month, reverse=True):
        newest_first = sorted(by_month[month], key=_moment_and_url, reverse=True)
        parts = [newest_first[i : i + SHARD_DOCS] for i in range(0, len(newest_first), SHARD_DOCS)]
        for number, docs in enumerate(parts, 1):
            shard = month if len(parts) == 1 else f"{month}.{number}"
            plan.append((shard, docs, docs_digest(docs)))
    return plan


def _moment_and_url(document: SearchDocument) -> tuple[datetime, str]:
    # The moment, not the ISO text: offsets differ (``23:30+00:00`` is after ``00:10+01:00``).
    return datetime.fromisoformat(document.date), document.url


@dataclass(eq=False)  # one object per loaded shard, compared by identity
class Shard:
    """A loaded shard: its month, index and store (ref -> record)."""

    id: str
    index: Index
    store: dict[str, SearchDocument]
    words: Counter[str] | None = None  # its headlines', leads' and places' words, once asked


def read_manifest(folder: Path) -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads((folder / MANIFEST).read_text("utf-8"))
    return manifest


def built_shards(folder: Path) -> dict[str, Path]:
    """digest -> file, for the shards a build left in ``folder`` (none if it left
    no readable manifest): what ``build_shards`` may take over."""
    try:
        entries = read_manifest(folder)["shards"]
        return {str(entry["digest"]): folder / str(entry["file"]) for entry in entries}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def load_shard(folder: Path, entry: dict[str, Any], fields: tuple[str, ...]) -> Shard:
    """One shard, its rows read by the ``fields`` its manifest names."""
    data = json.loads((folder / entry["file"]).read_text("utf-8"))
    store = {str(ref): read_row(fields, row) for ref, row in data["store"].items()}
    return Shard(entry["id"], Index.load(data["index"]), store)


def load_all_shards(folder: Path) -> list[Shard]:
    """Every shard of a built site's search folder, newest first."""
    manifest = read_manifest(folder)
    fields = check_fields(manifest.get("fields"))
    return [load_shard(folder, entry, fields) for entry in manifest["shards"]]
