"""Building one Lunr index and its result store (one shard's worth; see ``shards``).

Promise: ``build_index`` gives a lunr.js 2.3.9 index (as a dict ready for
JSON) over title, lead, city and section with the Dutch pipeline, refs being
short strings (base 36 of the position); the same documents in the same order
give the same index.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from lunr.builder import Builder

from generator.search.pipeline import SEARCH_PIPELINE, index_nl

# Field boosts: a word in the headline or the place says more than one in the lead.
FIELDS = (("title", 10), ("city", 5), ("section", 2), ("lead", 1))


@dataclass(frozen=True)
class SearchDocument:
    """What is indexed of one story, and what a result shows of it."""

    url: str
    title: str
    lead: str
    city: str
    section: str
    date: str  # ISO 8601, for sorting and <time datetime>
    date_text: str  # the date as the site shows it, with its precision


def make_ref(position: int) -> str:
    """Short document refs: base 36 of the position in the store."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    ref = ""
    while True:
        position, rest = divmod(position, 36)
        ref = digits[rest] + ref
        if position == 0:
            return ref


def build_index(documents: Iterable[SearchDocument]) -> dict[str, Any]:
    builder = Builder()
    builder.pipeline.add(index_nl)  # INDEX_PIPELINE, fused
    builder.search_pipeline.add(*SEARCH_PIPELINE)
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for position, document in enumerate(documents):
        builder.add(
            {
                "ref": make_ref(position),
                "title": document.title,
                "lead": document.lead,
                "city": document.city,
                "section": document.section,
            }
        )
    index: dict[str, Any] = builder.build().serialize()
    return index


def build_store(documents: Iterable[SearchDocument]) -> dict[str, list[str]]:
    """ref -> [url, title, lead, city, section, date, date_text]."""
    return {
        make_ref(position): [d.url, d.title, d.lead, d.city, d.section, d.date, d.date_text]
        for position, d in enumerate(documents)
    }
