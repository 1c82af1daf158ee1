"""Search, answering a query over the full-text index: only the chunks its words need.

Stage: query (work in progress for issue 16; the browser's twin is still to
write, and ``docs/search-fulltext.md`` holds the steps both must take).

Promises: ``FulltextIndex`` reads the manifest once and a term chunk or a
record chunk only when a query needs it (``fetched`` lists what was read, so
a test or a benchmark can count it); ``search`` answers as
``generator.search.query`` does (every word required, else the stories with
some words; a word's exact terms count ten times the terms its prefix
begins; a headline holding every word first; the period as a range of story
numbers), with integer scores.
"""

from __future__ import annotations

import bisect
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.search.query import EXACT_BOOST, Filters
from generator.search.store import SearchDocument, check_fields, read_row
from generator.search.words import Word, parse_query


@dataclass
class FulltextIndex:
    folder: Path
    manifest: dict[str, Any] = field(init=False)
    fetched: list[str] = field(default_factory=list)
    _chunks: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    _records: dict[str, list[SearchDocument]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.manifest = json.loads((self.folder / "manifest.json").read_text("utf-8"))
        self.fields = check_fields(self.manifest.get("fields"))
        self.first_terms = [str(first) for first, _ in self.manifest["terms"]]

    def _read(self, name: str) -> Any:
        self.fetched.append(name)
        return json.loads((self.folder / name).read_text("utf-8"))

    def chunk(self, position: int) -> dict[str, list[int]]:
        name = str(self.manifest["terms"][position][1])
        if name not in self._chunks:
            self._chunks[name] = self._read(name)
        return self._chunks[name]

    def positions(self, term: str, prefix: bool) -> range:
        """The chunks that may hold ``term`` (or, as a prefix, the terms it begins)."""
        start = max(bisect.bisect_right(self.first_terms, term) - 1, 0)
        end = start + 1
        while prefix and end < len(self.first_terms) and self.first_terms[end].startswith(term):
            end += 1
        return range(start, end)

    def postings(self, term: str) -> list[tuple[int, int]]:
        chunk = self.chunk(self.positions(term, prefix=False)[0])
        return _decode(chunk.get(term, []))

    def prefixed(self, prefix: str) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        for position in self.positions(prefix, prefix=True):
            for term, flat in self.chunk(position).items():
                if term.startswith(prefix):
                    found += _decode(flat)
        return found

    def record(self, number: int) -> SearchDocument:
        size = int(self.manifest["docs"]["size"])
        name = str(self.manifest["docs"]["files"][number // size])
        if name not in self._records:
            self._records[name] = [read_row(self.fields, row) for row in self._read(name)]
        return self._records[name][number % size]

    def facets(self) -> dict[str, Any]:
        if "facets" not in self._chunks:
            self._chunks["facets"] = self._read(str(self.manifest["facets"]))
        return self._chunks["facets"]

    def admits(self, filters: Filters) -> Any:
        """A test of a story number against the section and place filters."""
        if not (filters.section or filters.city):
            return lambda number: True
        facets = self.facets()
        width = len(facets["cities"]) + 1
        sections = {name: position for position, name in enumerate(facets["sections"])}
        cities = {name: position for position, name in enumerate(facets["cities"])}
        city = facets["aliases"].get(filters.city, filters.city)
        section_code = sections.get(filters.section or "", -1)
        city_code = cities.get(city or "", -2)

        def admits(number: int) -> bool:
            code = facets["doc"][number]
            return (not filters.section or code // width == section_code) and (
                not filters.city or code % width - 1 == city_code
            )

        return admits

    def numbers(self, filters: Filters) -> range:
        """The story numbers of the period ``filters`` asks for: stories are
        numbered newest first, so a period is one range."""
        days, total = self.manifest["days"], int(self.manifest["total"])
        to, since = filters.date_to, filters.date_from
        start = next((int(n) for day, n in days if not to or day <= to), total)
        end = next((int(n) for day, n in days if since and day < since), total)
        return range(start, max(start, end))


def _decode(flat: list[int]) -> list[tuple[int, int]]:
    pairs, number = [], 0
    for position in range(0, len(flat), 2):
        number += flat[position]
        pairs.append((number, flat[position + 1]))
    return pairs


@dataclass
class Found:
    number: int
    score: int = 0
    matched: int = 0
    in_title: int = 0  # words the headline holds


@dataclass
class FulltextResults:
    hits: list[Found]
    partial: bool = False


def _word_scores(index: FulltextIndex, word: Word) -> dict[int, tuple[int, bool]]:
    scores: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for term in word.terms:
        for number, weight in index.postings(term):
            scores[number][0] += abs(weight) * EXACT_BOOST
            scores[number][1] |= weight < 0
    if word.prefix:
        for number, weight in index.prefixed(word.prefix):
            scores[number][0] += abs(weight)
            scores[number][1] |= weight < 0
    return {number: (score, bool(title)) for number, (score, title) in scores.items()}


def search(
    index: FulltextIndex, query: str, filters: Filters | None = None, order: str = "relevance"
) -> FulltextResults:
    filters = filters or Filters()
    words = parse_query(query).words
    if not words:
        return FulltextResults([])
    period = index.numbers(filters)
    found: dict[int, Found] = {}
    for word in words:
        for number, (score, title) in _word_scores(index, word).items():
            if number in period:
                hit = found.setdefault(number, Found(number))
                hit.score += score
                hit.matched += 1
                hit.in_title += title
    whole = [hit for hit in found.values() if hit.matched == len(words)]
    results = FulltextResults(whole)
    if not whole and len(words) > 1:
        results.hits, results.partial = list(found.values()), bool(found)
    admits = index.admits(filters)
    results.hits = [hit for hit in results.hits if admits(hit.number)]
    results.hits.sort(key=_order(order, len(words)))
    return results


def _order(order: str, words: int) -> Any:
    if order == "date":
        return lambda hit: hit.number
    return lambda hit: (-hit.matched, hit.in_title < words, -hit.score, hit.number)
