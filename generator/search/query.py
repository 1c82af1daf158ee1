"""Answering a query: the steps ``search-core.js`` takes in the browser.

Promise: any string a reader types is a valid query; nothing here raises on
input. The query is not given to Lunr's query parser (which throws on
``Den Haag: rellen`` or a stray ``+``); it is split on white space and
hyphens, each word trimmed and stop words dropped as at index time, and every
remaining word is required. Hits come best first; equal scores, newest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lunr.index import Index
from lunr.query import QueryPresence

from generator.search.pipeline import stop_words, trim

# The characters lunr's tokenizer splits on, spelt out so both languages agree.
SEPARATOR = re.compile("[ \t\n\r\f\v\u00a0-]+")
SCORE_DIGITS = 9  # scores equal to this many decimals count as a tie


@dataclass(frozen=True)
class Hit:
    ref: str
    score: float


def query_terms(query: str) -> list[str]:
    """The words of ``query`` that take part in the search, in order, once each."""
    terms: list[str] = []
    for word in SEPARATOR.split(query.lower()):
        term = trim(word)
        if term and term not in stop_words() and term not in terms:
            terms.append(term)
    return terms


def load_index(serialized: dict[str, Any]) -> Index:
    return Index.load(serialized)


def search(index: Index, query: str) -> list[Hit]:
    terms = query_terms(query)
    if not terms:
        return []
    lunr_query = index.create_query()
    for term in terms:
        lunr_query.term(term, presence=QueryPresence.REQUIRED)
    results = index.query(lunr_query)
    hits = [Hit(str(result["ref"]), float(result["score"])) for result in results]
    # Refs count up from the newest story, so a lower ref breaks a tie newest first.
    return sorted(hits, key=lambda hit: (-round(hit.score, SCORE_DIGITS), int(hit.ref, 36)))
