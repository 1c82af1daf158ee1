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
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.search.fulltext import STOP_MARK
from generator.search.query import EXACT_BOOST, Filters
from generator.search.store import SearchDocument, check_fields, read_row
from generator.search.suggest import correction
from generator.search.words import Word, holds_phrase, parse_query, text_words


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
        """The chunks that may hold ``term`` (or, as a prefix, the terms it begins);
        none in an empty archive."""
        if not self.first_terms:
            return range(0)
        start = max(bisect.bisect_right(self.first_terms, term) - 1, 0)
        end = start + 1
        while prefix and end < len(self.first_terms) and self.first_terms[end].startswith(term):
            end += 1
        return range(start, end)

    def postings(self, term: str) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        for position in self.positions(term, prefix=False):
            found += _decode(self.chunk(position).get(term, []))
        return found

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

    def words(self) -> Counter[str]:
        """The archive's words, for corrections (read only when a word matches nothing)."""
        if "words" not in self._chunks:
            self._chunks["words"] = self._read(str(self.manifest["words"]))
        return Counter(self._chunks["words"])

    def title_words(self, number: int) -> tuple[str, ...]:
        return text_words(self.record(number).title)

    def phrase_words(self, number: int) -> tuple[str, ...]:
        record = self.record(number)
        return text_words(f"{record.title} . {record.lead}")

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
    sections: Counter[str] = field(default_factory=Counter)  # over the hits, before filters
    cities: Counter[str] = field(default_factory=Counter)
    partial: bool = False
    suggestion: str | None = None
    corrected: bool = False


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


def _found(
    index: FulltextIndex, words: tuple[Word, ...], period: range
) -> tuple[dict[int, Found], list[bool]]:
    """Every story of the period matching any word, and which words matched any."""
    found: dict[int, Found] = {}
    matched_any = []
    for word in words:
        scores = _word_scores(index, word)
        matched_any.append(any(number in period for number in scores))
        for number, (score, title) in scores.items():
            if number in period:
                hit = found.setdefault(number, Found(number))
                hit.score += score
                hit.matched += 1
                hit.in_title += title
    return found, matched_any


def search(
    index: FulltextIndex,
    query: str,
    filters: Filters | None = None,
    order: str = "relevance",
    *,
    correct: bool = True,
) -> FulltextResults:
    filters = filters or Filters()
    parsed = parse_query(query)
    words = parsed.words
    typed = text_words(query.replace('"', " "))
    period = index.numbers(filters)
    if not words:
        return (
            _stop_words_only(index, typed, period, filters)
            if len(typed) > 1
            else FulltextResults([])
        )
    found, matched_any = _found(index, words, period)
    every = [hit for hit in found.values() if hit.matched == len(words)]
    whole = [
        hit
        for hit in every
        if all(holds_phrase(index.phrase_words(hit.number), p) for p in parsed.phrases)
    ]
    results = FulltextResults(whole)
    if not whole:
        results.suggestion = _suggestion(index, words, matched_any)
        results.hits = every or (list(found.values()) if len(words) > 1 else [])
        results.partial = bool(results.hits)
    if not results.hits and results.suggestion and correct:
        corrected = search(index, results.suggestion, filters, order, correct=False)
        corrected.suggestion, corrected.corrected = results.suggestion, True
        return corrected
    return _finish(index, results, filters, _order(index, order, len(words), typed))


def _finish(
    index: FulltextIndex, results: FulltextResults, filters: Filters, key: Any
) -> FulltextResults:
    if not results.hits:
        return results  # nothing to count or filter: the facets are not read
    facets = index.facets()
    width = len(facets["cities"]) + 1
    for hit in results.hits:
        code = facets["doc"][hit.number]
        results.sections[facets["sections"][code // width]] += 1
        if code % width:
            results.cities[facets["cities"][code % width - 1]] += 1
    admits = index.admits(filters)
    results.hits = sorted((hit for hit in results.hits if admits(hit.number)), key=key)
    return results


def _stop_words_only(
    index: FulltextIndex, typed: tuple[str, ...], period: range, filters: Filters
) -> FulltextResults:
    """Stop words only (``alles of niets``): the headlines holding them in order."""
    marked = [Word(word, (STOP_MARK + word,), None) for word in typed]
    found, _ = _found(index, tuple(marked), period)
    hits = [
        hit
        for hit in found.values()
        if hit.matched == len(marked) and holds_phrase(index.title_words(hit.number), typed)
    ]
    return _finish(index, FulltextResults(hits), filters, _order(index, "date", 0, ()))


def _suggestion(index: FulltextIndex, words: tuple[Word, ...], matched: list[bool]) -> str | None:
    if all(matched):
        return None
    known = index.words()
    corrected = [
        (correction(word.text, known) if not hit else None) or word.text
        for word, hit in zip(words, matched, strict=True)
    ]
    suggestion = " ".join(corrected)
    return suggestion if suggestion != " ".join(word.text for word in words) else None


def _order(index: FulltextIndex, order: str, words: int, typed: tuple[str, ...]) -> Any:
    if order == "date":
        return lambda hit: hit.number

    def whole_in_title(hit: Found) -> bool:
        # Only a headline holding every word can hold the whole query: read only those.
        return hit.in_title >= words and holds_phrase(index.title_words(hit.number), typed)

    return lambda hit: (
        -hit.matched,
        not (len(typed) > 1 and whole_in_title(hit)),
        hit.in_title < words,
        -hit.score,
        hit.number,
    )
