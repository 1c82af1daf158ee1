"""Search, answering a query over shards: the steps ``search-core.js`` takes in the browser.

Promises:
- any string a reader types is a valid query; nothing here raises on input.
  The query is not given to Lunr's query parser (which throws on
  ``Den Haag: rellen`` or a stray ``+``): it is split on white space and
  hyphens, each word trimmed and stop words dropped as at index time, and
  every remaining word is required, after the search pipeline (accents folded,
  stemmed, plurals merged);
- the last word also matches as a prefix while the reader is still typing it
  (the query does not end in a space), so ``rotterd`` finds ``Rotterdam``;
- filters (section, city, period) and the order (relevance, ties newest
  first; or date, newest first) are applied the same way on both sides,
  reading each result's record by name: the period by the story's local day
  (``day``), the day the archive files it under.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from lunr.query import Query, QueryPresence

from generator.search.pipeline import stop_words, trim
from generator.search.shards import Shard
from generator.search.store import SearchDocument

# The characters lunr's tokenizer splits on, spelt out so both languages agree.
SEPARATOR = re.compile("[ \t\n\r\f\v\u00a0-]+")


@dataclass(frozen=True)
class Filters:
    section: str | None = None
    city: str | None = None
    date_from: str | None = None  # YYYY-MM-DD, inclusive
    date_to: str | None = None

    def admits(self, record: SearchDocument) -> bool:
        return (
            (self.section is None or record.section == self.section)
            and (self.city is None or record.in_city(self.city))
            and (self.date_from is None or record.day >= self.date_from)
            and (self.date_to is None or record.day <= self.date_to)
        )

    def admits_month(self, month: str) -> bool:
        return (self.date_from is None or month >= self.date_from[:7]) and (
            self.date_to is None or month <= self.date_to[:7]
        )


@dataclass(frozen=True)
class Hit:
    shard: str
    ref: str
    score: float
    record: SearchDocument  # the store's record of the story


@dataclass
class Results:
    hits: list[Hit]
    sections: Counter[str] = field(default_factory=Counter)  # over the hits, before filters
    cities: Counter[str] = field(default_factory=Counter)


def query_terms(query: str) -> list[str]:
    """The words of ``query`` that take part in the search, in order, once each."""
    terms: list[str] = []
    for word in SEPARATOR.split(query.lower()):
        term = trim(word)
        if term and term not in stop_words() and term not in terms:
            terms.append(term)
    return terms


def _shard_hits(shard: Shard, terms: list[str], prefix_last: bool) -> list[Hit]:
    lunr_query = shard.index.create_query()
    for position, term in enumerate(terms):
        processed = shard.index.pipeline.run_string(term)
        if not processed:
            continue
        prefix = prefix_last and position == len(terms) - 1
        lunr_query.clause(
            processed[0],
            use_pipeline=False,
            wildcard=Query.WILDCARD_TRAILING if prefix else Query.WILDCARD_NONE,
            presence=QueryPresence.REQUIRED,
        )
    if not lunr_query.clauses:
        return []
    found = shard.index.query(lunr_query)
    return [
        Hit(shard.id, str(r["ref"]), float(r["score"]), shard.store[str(r["ref"])]) for r in found
    ]


def epoch(iso: str) -> float:
    return datetime.fromisoformat(iso).timestamp()


def _rounded(score: float) -> int:
    return math.floor(score * 1e6 + 0.5)  # the same rounding as search-core.js


def search(
    shards: list[Shard], query: str, filters: Filters | None = None, order: str = "relevance"
) -> Results:
    filters = filters or Filters()
    terms = query_terms(query)
    if not terms:
        return Results([])
    prefix_last = not query[-1:].isspace()
    hits = [
        hit
        for shard in shards
        if filters.admits_month(shard.id[:7])  # ``2025-03`` or a part: ``2025-03.2``
        for hit in _shard_hits(shard, terms, prefix_last)
    ]
    results = Results([])
    results.sections.update(hit.record.section for hit in hits)
    results.cities.update(hit.record.city for hit in hits if hit.record.city)
    kept = [hit for hit in hits if filters.admits(hit.record)]
    results.hits = sorted(kept, key=_sort_key(order))
    return results


def _sort_key(order: str) -> Callable[[Hit], tuple[float, float, str, int]]:
    def by_date(hit: Hit) -> tuple[float, float, str, int]:
        return (-epoch(hit.record.date), -_rounded(hit.score), hit.shard, int(hit.ref, 36))

    def by_relevance(hit: Hit) -> tuple[float, float, str, int]:
        return (-_rounded(hit.score), -epoch(hit.record.date), hit.shard, int(hit.ref, 36))

    return by_date if order == "date" else by_relevance
