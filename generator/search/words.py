"""Search: a reader's query as the words it asks for, and what each word matches.

Stage: query (``search-dutch.js`` takes the same steps in the browser).

Promises:
- any string is a valid query; it is split on white space and hyphens, each
  word trimmed, stop words dropped, each word once (``query_terms``);
- a word matches a term of the index when the term is the word's own
  (``pipeline.index_term``), one of its forms' (``morphology.query_forms``:
  ``stemde`` also matches ``stem``), or, for a word of three letters or more
  (also while it is being typed), a term that starts with the word as typed
  (folded, never stemmed: ``veren`` matches ``verenigd``, not ``verbiedt``;
  ``ziekenhu`` matches ``ziekenhuis``);
- a quoted part (``"tweede kamer"``) is a phrase: its words are asked for,
  and a story must hold them in that order in its headline or lead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.search.morphology import query_forms
from generator.search.pipeline import fold, index_term, index_terms, stop_words, term_of, trim

# The characters lunr's tokenizer splits on, spelt out so both languages agree.
SEPARATOR = re.compile("[ \t\n\r\f\v\u00a0-]+")
QUOTED = re.compile('"([^"]*)"')
# A word shorter than this is matched whole, also while it is being typed: a
# prefix of one or two letters would read a good part of the index.
MIN_PREFIX = 3


@dataclass(frozen=True)
class Word:
    """One word of a query: the index terms it matches exactly, and the prefix
    a term may start with instead (``None``: exact terms only)."""

    text: str  # trimmed, lower case, as typed
    terms: tuple[str, ...]
    prefix: str | None

    def matches(self, term: str) -> bool:
        return term in self.terms or (self.prefix is not None and term.startswith(self.prefix))


@dataclass(frozen=True)
class Query:
    words: tuple[Word, ...]
    phrases: tuple[tuple[str, ...], ...]  # each: its folded words, stop words kept


def query_terms(query: str) -> list[str]:
    """The words of ``query`` that take part in the search, in order, once each."""
    terms: list[str] = []
    for word in SEPARATOR.split(query.lower()):
        term = trim(word)
        if term and term not in stop_words() and term not in terms:
            terms.append(term)
    return terms


def parse_query(query: str) -> Query:
    texts = query_terms(query.replace('"', " "))
    words = tuple(_word(text) for text in texts)
    phrases = tuple(
        phrase for quoted in QUOTED.findall(query) if len(phrase := text_words(quoted)) > 1
    )
    return Query(tuple(word for word in words if word.terms or word.prefix), phrases)


def _word(text: str) -> Word:
    folded = fold(text)
    terms: list[str] = []
    own = index_term(text)
    if own is not None:
        terms.append(own)
    for form in query_forms(folded):
        if (term := term_of(form)) not in terms:
            terms.append(term)
    prefix = folded if len(folded) >= MIN_PREFIX else None
    return Word(text, tuple(terms), prefix)


def text_words(text: str) -> tuple[str, ...]:
    """A text's words as a phrase compares them: trimmed, folded, lower case."""
    return tuple(word for part in SEPARATOR.split(text.lower()) if (word := fold(trim(part))))


def text_terms(text: str) -> frozenset[str]:
    """Every index term a text (a headline) gives, as the index holds them."""
    return frozenset(term for part in SEPARATOR.split(text.lower()) for term in index_terms(part))


def holds_phrase(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(words[start : start + size] == phrase for start in range(len(words) - size + 1))
