"""Search, answering: a reader's query over the index, reading only what it needs.

Stage: query (``search-query.js`` takes the same steps in the browser, in the
same order and with the same integers; ``docs/search.md`` writes them down).

Promises:
- any string a reader types is a valid query; nothing here raises on input.
  The words are read by ``words.parse_query``: each asks for its own terms,
  its forms' (``stemde`` also ``stem``) and, as a prefix, the word as typed;
  a story's score for a word is the sum of its weights for the word's exact
  terms times ``EXACT_BOOST`` and for the terms the prefix begins times 1;
- a story is a hit when it holds every word (and every quoted phrase in its
  headline or lead). When none does, the answer (``partial``) is the stories
  with every word but not the phrase, else those with some words, more words
  first; a word no story of the period holds gets a ``suggestion`` from the
  archive's words (``suggest``), and when nothing at all is found the answer
  is the suggestion's (``corrected``);
- a query of stop words only (``alles of niets``) finds the headlines
  holding it in that order (through their marked stop words, ``~de``);
- the period is a range of story numbers; ``counts`` gives the hits per
  section and place before those two filters (the facets are read only for
  them and for those filters); by relevance, more words
  first, then a headline holding the whole query as typed, then a headline
  holding every word, then the higher score, then the newer; by date, newest
  first.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.search.reader import Filters, SearchIndex
from generator.search.suggest import correction
from generator.search.weights import STOP_MARK
from generator.search.words import Word, holds_phrase, parse_query, text_words

__all__ = ["EXACT_BOOST", "Counts", "Filters", "Hit", "Results", "counts", "search"]
EXACT_BOOST = 10  # a word's own term (or form's) against a term it only begins


@dataclass
class Hit:
    number: int  # the story's number in the index (newest first)
    score: int = 0
    matched: int = 0  # how many of the query's words the story holds
    in_title: int = 0  # how many of them its headline holds


@dataclass
class Results:
    hits: list[Hit]
    unfiltered: list[Hit] = field(default_factory=list)  # before the section and place filters
    partial: bool = False  # no story holds every word: these hold some
    suggestion: str | None = None  # "Bedoelde u ...?": the query with a word corrected
    corrected: bool = False  # nothing was found: these are the suggestion's hits


def search(
    index: SearchIndex,
    query: str,
    filters: Filters | None = None,
    order: str = "relevance",
    *,
    correct: bool = True,
) -> Results:
    filters = filters or Filters()
    parsed = parse_query(query)
    words = parsed.words
    typed = text_words(query.replace('"', " "))
    period = index.numbers(filters)
    if not words:
        return _stop_words_only(index, typed, period, filters) if len(typed) > 1 else Results([])
    found, matched_any = _found(index, words, period)
    every = [hit for hit in found.values() if hit.matched == len(words)]
    whole = [
        hit
        for hit in every
        if all(holds_phrase(phrase_words(index, hit.number), p) for p in parsed.phrases)
    ]
    results = Results(whole)
    if not whole:
        results.suggestion = _suggestion(index, words, matched_any)
        results.hits = every or (list(found.values()) if len(words) > 1 else [])
        results.partial = bool(results.hits)
    if not results.hits and results.suggestion and correct:
        corrected = search(index, results.suggestion, filters, order, correct=False)
        corrected.suggestion, corrected.corrected = results.suggestion, True
        return corrected
    return _finish(index, results, filters, _order(index, order, len(words), typed))


def phrase_words(index: SearchIndex, number: int) -> tuple[str, ...]:
    record = index.record(number)
    return text_words(f"{record.title} . {record.lead}")


def _word_scores(index: SearchIndex, word: Word) -> dict[int, tuple[int, bool]]:
    """story number -> (its score for the word, whether its headline holds it)."""
    scores: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    found = [(pairs, EXACT_BOOST) for pairs in map(index.postings, word.terms)]
    if word.prefix:
        found.append((index.prefixed(word.prefix), 1))
    for pairs, times in found:
        for number, weight in pairs:
            scores[number][0] += abs(weight) * times
            scores[number][1] |= weight < 0
    return {number: (score, bool(title)) for number, (score, title) in scores.items()}


def _found(
    index: SearchIndex, words: tuple[Word, ...], period: range
) -> tuple[dict[int, Hit], list[bool]]:
    """Every story of the period holding any word, and which words any story holds."""
    found: dict[int, Hit] = {}
    matched_any = []
    for word in words:
        scores = _word_scores(index, word)
        matched_any.append(any(number in period for number in scores))
        for number, (score, title) in scores.items():
            if number in period:
                hit = found.setdefault(number, Hit(number))
                hit.score += score
                hit.matched += 1
                hit.in_title += title
    return found, matched_any


def _finish(
    index: SearchIndex, results: Results, filters: Filters, key: Callable[[Hit], object]
) -> Results:
    """The section and place filters (the facets are read only for them), then the order."""
    results.unfiltered = results.hits
    admits = index.admits(filters) if results.hits else None
    kept = [hit for hit in results.hits if admits is None or admits(hit.number)]
    results.hits = sorted(kept, key=key)  # type: ignore[arg-type]  # keys of one shape
    return results


@dataclass
class Counts:
    sections: Counter[str] = field(default_factory=Counter)
    cities: Counter[str] = field(default_factory=Counter)


def counts(index: SearchIndex, results: Results) -> Counts:
    """The hits per section and per place, before those two filters (the
    search page's menus show them; read from the facets)."""
    made = Counts()
    if not results.unfiltered:
        return made
    facets = index.facets()
    width = len(facets["cities"]) + 1
    for hit in results.unfiltered:
        code = facets["doc"][hit.number]
        made.sections[facets["sections"][code // width]] += 1
        if code % width:
            made.cities[facets["cities"][code % width - 1]] += 1
    return made


def _stop_words_only(
    index: SearchIndex, typed: tuple[str, ...], period: range, filters: Filters
) -> Results:
    """Stop words only (``alles of niets``): the headlines holding them in order."""
    marked = tuple(Word(word, (STOP_MARK + word,), None) for word in typed)
    found, _ = _found(index, marked, period)
    hits = [
        hit
        for hit in found.values()
        if hit.matched == len(marked)
        and holds_phrase(text_words(index.record(hit.number).title), typed)
    ]
    return _finish(index, Results(hits), filters, _order(index, "date", 0, ()))


def _suggestion(index: SearchIndex, words: tuple[Word, ...], matched: list[bool]) -> str | None:
    if all(matched):
        return None
    known = index.words()
    corrected = [
        (correction(word.text, known) if not hit else None) or word.text
        for word, hit in zip(words, matched, strict=True)
    ]
    suggestion = " ".join(corrected)
    return suggestion if suggestion != " ".join(word.text for word in words) else None


def _order(
    index: SearchIndex, order: str, words: int, typed: tuple[str, ...]
) -> Callable[[Hit], object]:
    if order == "date":
        return lambda hit: hit.number

    def whole_in_title(hit: Hit) -> bool:
        # Only a headline holding every word can hold the whole query: read only those.
        if hit.in_title < words:
            return False
        return holds_phrase(text_words(index.record(hit.number).title), typed)

    return lambda hit: (
        -hit.matched,
        not (len(typed) > 1 and whole_in_title(hit)),
        hit.in_title < words,
        -hit.score,
        hit.number,
    )
