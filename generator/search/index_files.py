"""Search, index build: the index split into files a query reads a few at a time.

Stage: index build (``generator.site.search_index`` writes the files beside
the pages; ``reader`` and ``search-index.js`` read them).

Promises (the layout is written down in ``docs/search.md``):
- stories are numbered newest first (their place in the list given); the
  postings of consecutive terms go into one term file of about
  ``CHUNK_BYTES``, as ``[number gap, weight, ...]`` per term; the records
  (``store.store_row``) and the bodies (for snippets) of ``DOCS_PER_FILE``
  consecutive stories into one file each; each story's section and place
  into one facets file; the archive's words into one words file;
- every file is named after a hash of its content (browsers may keep it for
  ever, and a file that did not change keeps its name), and the manifest
  lists them compactly (hashes only), with each local day's first story, so
  a period is a range of story numbers;
- every file but the manifest is JSON stored gzipped (``.json.gz``, read back
  with ``unpack``): the index is the largest part of the site after the
  story pages, and a Pages site has 1 GB; a browser sends the same bytes a
  server would have gzipped, and unpacks them with ``DecompressionStream``;
- the same stories always give the same files, byte for byte; files are
  handed over one at a time (``sink``), so the index never sits in memory
  as text whole.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from generator.search.store import FIELDS, store_row
from generator.search.weights import BOOSTS, FullDocument, weigh
from generator.storage import gunzipped, gzipped

MANIFEST = "manifest.json"
FORMAT = 5  # 4: split by term, with the body; 5: files gzipped
CHUNK_BYTES = 48_000  # about this much JSON of postings a term file
DOCS_PER_FILE = 16  # records (and bodies) a file
HASH = 10  # hex digits of a file's content hash in its name


def dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:HASH]


def file_name(kind: str, digest: str) -> str:
    """``terms/0a1b2c3d4e.json.gz``: where a file of ``kind`` with this hash lives."""
    return f"{kind}/{digest}.json.gz"


def pack(text: str) -> bytes:
    """JSON text as stored (``storage.gzipped``)."""
    return gzipped(text.encode())


def unpack(data: bytes) -> Any:
    """A stored file's JSON, gzipped or plain (``storage.gunzipped``)."""
    return json.loads(gunzipped(data).decode("utf-8"))


def build_index(
    documents: list[FullDocument], sink: Callable[[str, bytes], None]
) -> dict[str, Any]:
    """Hand every file of the index of ``documents`` (newest first) to ``sink``
    (name, packed bytes); return the manifest, which names them."""
    weighed = weigh(documents)
    terms: list[str] = []
    term_hashes: list[str] = []
    for first, text in _term_chunks(weighed.postings):
        terms.append(first)
        term_hashes.append(_handed("terms", text, sink))
    records, bodies = [], []
    for start in range(0, len(documents), DOCS_PER_FILE):
        part = documents[start : start + DOCS_PER_FILE]
        records.append(_handed("docs", dump([store_row(d.record) for d in part]), sink))
        bodies.append(_handed("bodies", dump([d.body for d in part]), sink))
    facets = _handed("facets", dump(story_facets(documents)), sink)
    words = _handed("words", dump(dict(sorted(weighed.words.items()))), sink)
    return {
        "format": FORMAT,
        "fields": list(FIELDS),
        "total": len(documents),
        "boosts": BOOSTS,
        "terms": {"first": terms, "files": "".join(term_hashes)},
        "docs": {"size": DOCS_PER_FILE, "files": "".join(records), "bodies": "".join(bodies)},
        "days": first_of_each_day(documents),
        "facets": facets,
        "words": words,
        "sections": _counts(d.record.section for d in documents),
        "cities": _counts(d.record.city for d in documents if d.record.city),
        "city_aliases": city_aliases(documents),
    }


def _handed(kind: str, text: str, sink: Callable[[str, bytes], None]) -> str:
    digest = content_hash(text)
    sink(file_name(kind, digest), pack(text))
    return digest


def _counts(values: Iterator[str]) -> dict[str, int]:
    return dict(sorted(Counter(values).items()))


def _term_chunks(postings: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(first term, JSON text) of each term file, in term order (by code point)."""
    current: dict[str, list[int]] = {}
    size = 0
    for term in sorted(postings):
        numbers, weights = postings.pop(term)  # dropped as written: memory stays flat
        flat: list[int] = []
        previous = 0
        for number, weight in zip(numbers, weights, strict=True):
            flat += (number - previous, weight)
            previous = number
        current[term] = flat
        size += len(term) + 4 * len(flat)
        if size >= CHUNK_BYTES:
            yield next(iter(current)), dump(current)
            current, size = {}, 0
    if current:
        yield next(iter(current)), dump(current)


def story_facets(documents: list[FullDocument]) -> dict[str, object]:
    """The section and place of every story, as one number each (for the
    filters and counts, without the records): ``section * (places + 1) + place + 1``."""
    sections = sorted({d.record.section for d in documents})
    cities = sorted({d.record.city for d in documents if d.record.city})
    section_of = {name: position for position, name in enumerate(sections)}
    city_of = {name: position for position, name in enumerate(cities)}
    width = len(cities) + 1
    codes = [
        section_of[d.record.section] * width + city_of.get(d.record.city, -1) + 1 for d in documents
    ]
    return {
        "sections": sections,
        "cities": cities,
        "aliases": city_aliases(documents),
        "doc": codes,
    }


def city_aliases(documents: list[FullDocument]) -> dict[str, str]:
    """Each other name of a city -> the city's name (the place filter takes either)."""
    return dict(sorted((alias, d.record.city) for d in documents for alias in d.record.aliases()))


def first_of_each_day(documents: list[FullDocument]) -> list[list[object]]:
    """[day, first story number] for each local day, newest first."""
    days: list[list[object]] = []
    for number, document in enumerate(documents):
        if not days or days[-1][0] != document.record.day:
            days.append([document.record.day, number])
    return days
