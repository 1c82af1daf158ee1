"""Search, answering: the sentence of a story that shows why it was found.

Stage: query (``search-snippets.js`` takes the same steps in the browser;
shared vectors in ``tests/fixtures/search_snippets.txt`` hold the two together).

Promises:
- ``highlight`` cuts a text into ``(piece, marked)`` pieces, where a marked
  piece is a word whose index terms a word of the query matches (its own
  term, a form's, or as a prefix): the words found, never the words asked;
- ``snippet`` gives the sentence of the lead and the body that holds the most
  distinct words of the query (the first of those, the lead first), cut to
  about ``SNIPPET_WORDS`` words around its first marked word with ``…`` where
  it was cut; the lead when no sentence holds any. Text stays text: the
  pieces are inserted as text, never as markup.
"""

from __future__ import annotations

import re

from generator.search.pipeline import index_terms
from generator.search.words import SEPARATOR, Word, parse_query

SENTENCE_END = re.compile("(?<=[.!?\u2026])[ \t\n\r\f\v\u00a0]+")
PIECES = re.compile("([ \t\n\r\f\v\u00a0-]+)")  # words and what separates them, kept
SNIPPET_WORDS = 30
ELLIPSIS = "\u2026"

Pieces = list[tuple[str, bool]]


def _marks(piece: str, words: tuple[Word, ...]) -> set[int]:
    """Which of the query's words one piece of text holds."""
    if not _is_word(piece):
        return set()
    terms = index_terms(piece.lower())
    return {position for position, word in enumerate(words) if any(map(word.matches, terms))}


def _is_word(piece: str) -> bool:
    return SEPARATOR.fullmatch(piece) is None


def highlight(text: str, query: str) -> Pieces:
    words = parse_query(query).words
    return [(piece, bool(_marks(piece, words))) for piece in PIECES.split(text) if piece]


def sentences(text: str) -> list[str]:
    return [
        sentence
        for line in text.split("\n")
        for sentence in SENTENCE_END.split(line)
        if sentence.strip()
    ]


def snippet(lead: str, body: str, query: str) -> Pieces:
    words = parse_query(query).words
    best: tuple[int, Pieces] = (0, [])
    for sentence in sentences(f"{lead}\n{body}"):
        pieces = [piece for piece in PIECES.split(sentence) if piece]
        marks = [_marks(piece, words) for piece in pieces]
        held = len(set().union(*marks))
        if held > best[0]:
            best = (held, _cut([(p, bool(m)) for p, m in zip(pieces, marks, strict=True)]))
    return best[1] if best[0] else _cut(highlight(lead, query))


def _cut(pieces: Pieces) -> Pieces:
    """About ``SNIPPET_WORDS`` words from a few before the first marked one."""
    words = [position for position, (piece, _) in enumerate(pieces) if _is_word(piece)]
    if len(words) <= SNIPPET_WORDS:
        return pieces
    first = next((n for n, position in enumerate(words) if pieces[position][1]), 0)
    start = max(0, min(first - 5, len(words) - SNIPPET_WORDS))
    end = start + SNIPPET_WORDS
    kept = pieces[words[start] : words[end - 1] + 1]
    if start > 0:
        kept = [(ELLIPSIS, False), (" ", False), *kept]
    if end < len(words):
        kept = [*kept, (" ", False), (ELLIPSIS, False)]
    return kept
