"""Search, index build: one Lunr index (one shard's worth; see ``shards``).

Promise: ``build_index`` gives a lunr.js 2.3.9 index (as a dict ready for
JSON) over title, lead, city and section with the Dutch pipeline, refs being
short strings (``store.make_ref``: base 36 of the position in the store, whose
rows ``store.build_store`` makes); the same documents in the same order
give the same index.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lunr.builder import Builder

from generator.search.pipeline import SEARCH_PIPELINE, index_nl
from generator.search.store import SearchDocument, make_ref

# Field boosts: a word in the headline or the place says more than one in the lead.
INDEXED_FIELDS = (("title", 10), ("city", 5), ("section", 2), ("lead", 1))


def build_index(documents: Iterable[SearchDocument]) -> dict[str, Any]:
    builder = Builder()
    builder.pipeline.add(index_nl)  # INDEX_PIPELINE, fused
    builder.search_pipeline.add(*SEARCH_PIPELINE)
    builder.ref("ref")
    for name, boost in INDEXED_FIELDS:
        builder.field(name, boost=boost)
    for position, document in enumerate(documents):
        builder.add(
            {
                "ref": make_ref(position),
                "title": document.title,
                "lead": document.lead,
                "city": " ".join([document.city, *document.aliases()]),
                "section": document.section,
            }
        )
    index: dict[str, Any] = builder.build().serialize()
    return index
