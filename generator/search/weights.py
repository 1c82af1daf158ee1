"""Search, index build: every term of every story, and its weight there.

Stage: index build (``index_files`` writes what this module counts).

Promises:
- a story's fields are made terms as a query's words are (``pipeline.index_terms``:
  stems and base forms): its headline, place (with its other names),
  section, lead and body; a headline's stop words become marked terms of
  their own (``~de``), so a query of stop words only finds the headlines
  holding it;
- a term's weight in a story is Lunr's BM25 summed over the fields that hold
  it, each times its field's boost (``BOOSTS``), times 100 and rounded: an
  integer, so Python and JavaScript add weights up to the same score; it is
  negative when the term stands in the headline;
- one pass over the text gives the postings and the archive's words (for
  "Bedoelde u ...?"), and the postings are kept in typed arrays: about eight
  bytes a posting, so 100,000 stories with their bodies fit in memory.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from generator.search.pipeline import fold, index_terms, stop_words, trim
from generator.search.store import SearchDocument
from generator.search.words import SEPARATOR

FIELDS = ("title", "city", "section", "lead", "body")
BOOSTS = {"title": 10, "city": 5, "section": 2, "lead": 1, "body": 1}
BOOST_OF = tuple(BOOSTS[name] for name in FIELDS)
K1, B = 1.2, 0.75  # Lunr's
SCALE = 100
STOP_MARK = "~"  # a headline's stop word, as a term of its own: "~de"
TITLE, SECTION, BODY = (FIELDS.index(name) for name in ("title", "section", "body"))


@dataclass(frozen=True)
class FullDocument:
    """A story as the index takes it: its result record and its body's text."""

    record: SearchDocument
    body: str

    def field_texts(self) -> tuple[str, ...]:
        """The texts of ``FIELDS``, in that order."""
        record = self.record
        city = " ".join([record.city, *record.aliases()])
        return (record.title, city, record.section, record.lead, self.body)


class Token(NamedTuple):
    terms: tuple[str, ...]  # the index terms of the word
    stop_term: str | None  # ``~de``: the word is a stop word (counted in headlines only)
    word: str | None  # the word as the vocabulary counts it (None: a stop word or a letter)


@lru_cache(maxsize=500_000)
def token(word: str) -> Token:
    """What one lower-case token gives the index (cached: texts repeat their words)."""
    terms = index_terms(word)
    trimmed = trim(word)
    folded = fold(trimmed)
    stop_term = STOP_MARK + folded if not terms and trimmed in stop_words() else None
    counted = folded if len(folded) > 1 and folded not in stop_words() else None
    return Token(terms, stop_term, counted)


class Weighed(NamedTuple):
    postings: dict[str, tuple[array[int], array[int]]]  # term -> (story numbers, weights)
    words: Counter[str]  # the archive's words "Bedoelde u ...?" may offer


class _Counted(NamedTuple):
    """One story's terms: what the second pass needs of it."""

    terms: list[str]
    fields: bytes  # the field of each term
    counts: array[int]  # how often the field holds it
    lengths: tuple[int, ...]  # each field's number of terms


def _count(document: FullDocument, shown: list[str], body_words: list[str]) -> _Counted:
    terms: list[str] = []
    fields = bytearray()
    counts = array("i")
    lengths = []
    for position, text in enumerate(document.field_texts()):
        found: list[str] = []
        words = body_words if position == BODY else None if position == SECTION else shown
        for part in SEPARATOR.split(text.lower()):
            made = token(part)
            found += made.terms
            if position == TITLE and made.stop_term:
                found.append(made.stop_term)
            if made.word and words is not None:
                words.append(made.word)
        lengths.append(len(found))
        for term, count in Counter(found).items():
            terms.append(term)
            fields.append(position)
            counts.append(count)
    return _Counted(terms, bytes(fields), counts, tuple(lengths))


def weigh(documents: Iterable[FullDocument]) -> Weighed:
    """The postings of every term of ``documents`` (a story's number: its place
    among them) and the archive's words: those of headlines, leads and places,
    and the body's that occur more than once."""
    shown: Counter[str] = Counter()
    body_words: Counter[str] = Counter()
    counted = []
    for document in documents:
        seen: list[str] = []
        heard: list[str] = []
        counted.append(_count(document, seen, heard))
        shown.update(seen)
        body_words.update(heard)
    holding: Counter[str] = Counter()
    for story in counted:
        holding.update(set(story.terms))
    average = [
        (sum(story.lengths[field] for story in counted) / len(counted) if counted else 0) or 1.0
        for field in range(len(FIELDS))
    ]
    idf = {term: _idf(count, len(counted)) * SCALE for term, count in holding.items()}
    postings: dict[str, tuple[array[int], array[int]]] = {}
    for number, story in enumerate(counted):
        for term, weight in _story_weights(story, average).items():
            found = postings.get(term)
            if found is None:
                found = postings[term] = (array("i"), array("i"))
            scaled = max(1, round(abs(weight) * idf[term]))
            found[0].append(number)
            found[1].append(-scaled if weight < 0 else scaled)
    words = shown + Counter({word: count for word, count in body_words.items() if count > 1})
    return Weighed(postings, words)


def _story_weights(story: _Counted, average: list[float]) -> dict[str, float]:
    """term -> its BM25 weight in the story, negative when the headline holds it
    (Lunr's: ``boost * (k1 + 1) * tf / (k1 * (1 - b + b * length / average) + tf)``)."""
    pairs = zip(story.lengths, average, strict=True)
    norms = [K1 * (1 - B + B * length / mean) for length, mean in pairs]
    weights: dict[str, float] = {}
    in_title: set[str] = set()
    for term, field, count in zip(story.terms, story.fields, story.counts, strict=True):
        weight = BOOST_OF[field] * (K1 + 1) * count / (norms[field] + count)
        weights[term] = weights.get(term, 0.0) + weight
        if field == TITLE:
            in_title.add(term)
    for term in in_title:
        weights[term] = -weights[term]
    return weights


def _idf(holding: int, total: int) -> float:
    return math.log(1 + abs((total - holding + 0.5) / (holding + 0.5)))
