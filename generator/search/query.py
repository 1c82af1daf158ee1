"""Search, answering a query over shards: the steps ``search-core.js`` takes in the browser.

Promises:
- any string a reader types is a valid query; nothing here raises on input.
  Lunr's query parser is never used (it throws on ``Den Haag: rellen``): the
  words are read by ``words.parse_query``, and each asks for its own terms,
  its forms' (``stemde`` also ``stem``) and, as a prefix, the word as typed;
- a story is a hit when it matches every word (and holds every quoted
  phrase in its headline or lead). When none does, the answer (``partial``)
  is the stories that match every word without holding the phrase, else
  those that match some words, more words first; and a word no story
  matches gets a ``suggestion`` from the archive's own words (``suggest``);
  when nothing at all is found, the answer is the suggestion's (``corrected``);
- a query of stop words only (``alles of niets``), which the index does not
  hold, finds the stories whose headline or lead holds its words in order;
- in the order by relevance, a story whose headline holds the whole query as
  typed (stop words too: ``wat te doen met een miljoen``) comes first, then
  one whose headline holds every word, then the higher score (exact terms
  count ten times a prefix's), then the newer; the order by date is newest
  first. Filters (section, city,
  period) are applied the same way on both sides, reading each result's
  record by name: the period by the story's local day (``day``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

from lunr.query import Query, QueryPresence

from generator.search.shards import Shard
from generator.search.store import SearchDocument
from generator.search.suggest import correction, vocabulary
from generator.search.words import (
    Word,
    holds_phrase,
    parse_query,
    query_terms,
    text_terms,
    text_words,
)

__all__ = ["Filters", "Hit", "Results", "query_terms", "search"]
EXACT_BOOST = 10  # a word's own term (or form's) against a term it only begins


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
    matched: int = 0  # how many of the query's words the story matches


@dataclass
class Results:
    hits: list[Hit]
    sections: Counter[str] = field(default_factory=Counter)  # over the hits, before filters
    cities: Counter[str] = field(default_factory=Counter)
    partial: bool = False  # no story matches every word: these match some
    suggestion: str | None = None  # "Bedoelde u ...?": the query with a word corrected
    corrected: bool = False  # nothing was found: these are the suggestion's hits


def _lunr_query(shard: Shard, words: tuple[Word, ...]) -> Query:
    lunr_query = shard.index.create_query()
    for word in words:
        for term in word.terms:
            lunr_query.clause(
                term,
                use_pipeline=False,
                wildcard=Query.WILDCARD_NONE,
                presence=QueryPresence.OPTIONAL,
                boost=EXACT_BOOST,
            )
        if word.prefix:
            lunr_query.clause(
                word.prefix,
                use_pipeline=False,
                wildcard=Query.WILDCARD_TRAILING,
                presence=QueryPresence.OPTIONAL,
                boost=1,
            )
    return lunr_query


def _shard_hits(shard: Shard, words: tuple[Word, ...]) -> list[tuple[Hit, tuple[bool, ...]]]:
    """Every story matching any word, with which words it matches."""
    found = []
    for result in shard.index.query(_lunr_query(shard, words)):
        terms = list(result["match_data"].metadata)
        matched = tuple(any(word.matches(term) for term in terms) for word in words)
        ref = str(result["ref"])
        hit = Hit(shard.id, ref, float(result["score"]), shard.store[ref], sum(matched))
        found.append((hit, matched))
    return found


def epoch(iso: str) -> float:
    return datetime.fromisoformat(iso).timestamp()


def _rounded(score: float) -> int:
    return math.floor(score * 1e6 + 0.5)  # the same rounding as search-core.js


def search(
    shards: list[Shard],
    query: str,
    filters: Filters | None = None,
    order: str = "relevance",
    *,
    correct: bool = True,
) -> Results:
    filters = filters or Filters()
    parsed = parse_query(query)
    typed = text_words(query.replace('"', " "))
    searched = [shard for shard in shards if filters.admits_month(shard.id[:7])]
    if not parsed.words:
        return _stop_words_only(searched, typed, filters) if len(typed) > 1 else Results([])
    found = [hit for shard in searched for hit in _shard_hits(shard, parsed.words)]
    whole = [
        hit
        for hit, matched in found
        if all(matched) and all(holds_phrase(_phrase_words(hit.record), p) for p in parsed.phrases)
    ]
    results = Results(whole)
    if not whole:
        results.suggestion = _suggestion(searched, parsed.words, [m for _, m in found])
        # The stories with every word but not the phrase, else those with some words.
        every = [hit for hit, matched in found if all(matched)]
        some = [hit for hit, _ in found] if len(parsed.words) > 1 else []
        results.hits = every or some
        results.partial = bool(results.hits)
    if not results.hits and results.suggestion and correct:
        # Nothing at all: the answer is the suggestion's, and says so.
        corrected = search(shards, results.suggestion, filters, order, correct=False)
        corrected.suggestion, corrected.corrected = results.suggestion, True
        return corrected
    results.sections.update(hit.record.section for hit in results.hits)
    results.cities.update(hit.record.city for hit in results.hits if hit.record.city)
    kept = [hit for hit in results.hits if filters.admits(hit.record)]
    results.hits = sorted(kept, key=_sort_key(order, parsed.words, typed))
    return results


def _stop_words_only(shards: list[Shard], typed: tuple[str, ...], filters: Filters) -> Results:
    """A query of stop words only (``alles of niets``), which the index does not
    hold: the stories whose headline or lead holds its words in order, newest first."""
    hits = [
        Hit(shard.id, ref, 0.0, record)
        for shard in shards
        for ref, record in shard.store.items()
        if holds_phrase(_phrase_words(record), typed)
    ]
    results = Results(hits)
    results.sections.update(hit.record.section for hit in hits)
    results.cities.update(hit.record.city for hit in hits if hit.record.city)
    results.hits = sorted(
        (hit for hit in hits if filters.admits(hit.record)), key=_sort_key("date", (), typed)
    )
    return results


def _phrase_words(record: SearchDocument) -> tuple[str, ...]:
    return text_words(f"{record.title} . {record.lead}")


def _suggestion(
    shards: list[Shard], words: tuple[Word, ...], matched: list[tuple[bool, ...]]
) -> str | None:
    """The query with each word no story matches corrected (see ``suggest``)."""
    unmatched = [not any(m[i] for m in matched) for i in range(len(words))]
    if not any(unmatched):
        return None
    known = _vocabulary(tuple(shards))
    corrected = [
        (correction(word.text, known) if missing else None) or word.text
        for word, missing in zip(words, unmatched, strict=True)
    ]
    suggestion = " ".join(corrected)
    return suggestion if suggestion != " ".join(word.text for word in words) else None


def _vocabulary(shards: tuple[Shard, ...]) -> Counter[str]:
    total: Counter[str] = Counter()
    for shard in shards:
        if shard.words is None:  # made once a shard, when first needed
            records = shard.store.values()
            shard.words = vocabulary(f"{r.title} {r.lead} {r.city}" for r in records)
        total.update(shard.words)
    return total


@cache
def _title_terms(title: str) -> frozenset[str]:
    return text_terms(title)


def _in_title(hit: Hit, words: tuple[Word, ...]) -> bool:
    terms = _title_terms(hit.record.title)
    return all(any(word.matches(term) for term in terms) for word in words)


SortKey = tuple[float, float, float, float, float, str, int]


def _sort_key(
    order: str, words: tuple[Word, ...], typed: tuple[str, ...]
) -> Callable[[Hit], SortKey]:
    def by_date(hit: Hit) -> SortKey:
        moment = -epoch(hit.record.date)
        return (moment, -_rounded(hit.score), 0, 0, 0, hit.shard, int(hit.ref, 36))

    def by_relevance(hit: Hit) -> SortKey:
        # The whole query as typed, stop words too, in the headline; then every word.
        whole = 0 if len(typed) > 1 and holds_phrase(_title_words(hit.record.title), typed) else 1
        in_title = 0 if _in_title(hit, words) else 1
        moment = -epoch(hit.record.date)
        score = -_rounded(hit.score)
        return (-hit.matched, whole, in_title, score, moment, hit.shard, int(hit.ref, 36))

    return by_date if order == "date" else by_relevance


@cache
def _title_words(title: str) -> tuple[str, ...]:
    return text_words(title)
