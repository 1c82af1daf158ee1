"""A story's snippet, the same in Python and in the browser.

``tests/fixtures/search_snippets.txt`` holds shared vectors in the fixture
style of ``tests/fixture_files.py``: a title, the query as an option
(``query: ...``), then the story (its lead on the first line, its body's
paragraphs on the lines after), then the snippet ``snippets.snippet`` must
give, its marked words in ``[...]``. ``\\uXXXX`` stands for a character in
queries, stories and snippets (``\\u00a0``: a no-break space). Python and
``search-snippets.js`` (under node, ``tests/js/index-side.js``) must give
exactly those pieces; and, a Hypothesis property, the same pieces as each
other for random stories and queries, their snippets and highlights.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.search.snippets import ELLIPSIS, PIECES, SNIPPET_WORDS, highlight, snippet
from tests.conftest import FIXTURES
from tests.fixture_files import Case, read_cases
from tests.search_files import node_side

VECTORS = FIXTURES / "search_snippets.txt"
CASES = read_cases(VECTORS)
ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
SHOWN_ESCAPED = re.compile("[\u00a0\u2000-\u200b\u202f\ufeff\t]")
Pieces = list[list[Any]]


def unescape(text: str) -> str:
    return ESCAPE.sub(lambda found: chr(int(found.group(1), 16)), text)


def asked(case: Case) -> dict[str, str]:
    """The case's lead, body and query, as the snippet functions take them."""
    lead, _, body = unescape(case.input).partition("\n")
    return {"lead": lead, "body": body, "query": unescape(case.options["query"])}


def shown(pieces: Pieces) -> str:
    """Pieces as the fixture writes them: marked ones in ``[...]``."""
    text = "".join(f"[{piece}]" if marked else piece for piece, marked in pieces)
    return SHOWN_ESCAPED.sub(lambda found: f"\\u{ord(found.group(0)):04x}", text)


def python_snippet(lead: str, body: str, query: str) -> Pieces:
    return [list(piece) for piece in snippet(lead, body, query)]


def test_the_vectors_cover_the_rules() -> None:
    titles = " ".join(case.title.lower() for case in CASES)
    assert len(CASES) >= 15
    for rule in ("lead", "more words", "ellipsis", "prefix", "diminutive", "past tense",
                 "not found", "punctuation", "hyphen", "no-break", "empty body"):  # fmt: skip
        assert rule in titles, rule
    assert not any("[" in case.input for case in CASES)  # [...] marks the found words only


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_python_gives_the_vectors_snippet(
    case: Case, fixture_updates: dict[Path, dict[int, str]]
) -> None:
    pieces = python_snippet(**asked(case))
    fixture_updates.setdefault(VECTORS, {})[case.line] = shown(pieces)
    assert shown(pieces) == case.expected
    # The pieces are the words and separators of their text: the text shown fixes them.
    text = "".join(piece for piece, _ in pieces)
    assert [piece for piece, _ in pieces] == [piece for piece in PIECES.split(text) if piece]


def test_the_browser_gives_every_vectors_snippet() -> None:
    answer = node_side({"snippets": [asked(case) for case in CASES]})["snippets"]
    for case, pieces in zip(CASES, answer, strict=True):
        assert pieces == python_snippet(**asked(case)), case.title
        assert shown(pieces) == case.expected, case.title


def test_a_long_sentence_is_cut_to_its_words_around_the_first_found() -> None:
    words = [f"woord{n}" for n in range(100)]
    pieces = snippet(" ".join(words) + ".", "", "woord50")
    kept = [piece for piece, _ in pieces if piece.strip() and piece != ELLIPSIS]
    assert kept == words[45:75] and len(kept) == SNIPPET_WORDS
    assert pieces[0][0] == pieces[-1][0] == ELLIPSIS


# Random stories of Dutch words (with their forms, accents, capitals and
# punctuation) and queries of their words, whole or begun.
WORDS = ["haven", "havens", "Rotterdam", "rotterdamse", "keeper", "sluis", "sluizen", "uiltje",
         "uil", "huizen", "huis", "stemde", "stemden", "stem", "werkte", "werk", "café", "Curaçao",
         "Oekraïne", "de", "het", "een", "van", "en", "niet", "Noord-Holland", "ziekenhuis",
         "brand", "branden", "België", "MH17", "2-0", "12", "procent", "kabinet",
         "'s-Hertogenbosch", "zzp'ers", "IJmuiden", "ĳsselmeer", "Tweede", "Kamer"]  # fmt: skip
SEPARATORS = [" ", " ", " ", ", ", ". ", "! ", "? ", "… ", " - ", "-", "\u00a0", "\n", ": ", " (",
              ") ", " «", "» ", "  ", "\t", "; ", '"']  # fmt: skip


@st.composite
def texts(draw: st.DrawFn, most: int = 60) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), max_size=most))
    gap = st.just(" ") | st.sampled_from(SEPARATORS)  # half of them spaces: long sentences too
    gaps = draw(st.lists(gap, min_size=len(words), max_size=len(words)))
    end = draw(st.sampled_from(["", ".", "!", "…", " "]))
    return "".join(gap + word for gap, word in zip(gaps, words, strict=True)).lstrip() + end


ANY = st.characters(exclude_categories=["Cs"])  # any character but a lone surrogate


def changed(draw: st.DrawFn, word: str) -> str:
    """A word as a reader may type it: whole or begun, in any case."""
    kept = draw(st.sampled_from([len(word), len(word), len(word), max(1, len(word) - 2), 3]))
    cases: list[Callable[[str], str]] = [str.lower, str.upper, str.title, str.strip]
    return draw(st.sampled_from(cases))(word[:kept])


@st.composite
def stories(draw: st.DrawFn) -> dict[str, str]:
    """A lead, a body, and a query of their words (or of others, or of anything)."""
    lead, body = draw(texts(most=20)), draw(texts())
    own = [word for word in WORDS if word in f"{lead} {body}"] or WORDS
    chosen = draw(st.lists(st.sampled_from(own) | st.sampled_from(WORDS), min_size=1, max_size=4))
    text = " ".join(changed(draw, word) for word in chosen)
    quoted = draw(st.sampled_from(["{}", "{}", '"{}"', '{} ""']))
    query = quoted.format(text) + draw(st.sampled_from(["", " ", "  "]))
    anything = draw(st.integers(min_value=0, max_value=4)) == 0
    return {
        "lead": lead,
        "body": body,
        "query": draw(st.text(ANY, max_size=12)) if anything else query,
    }


@settings(max_examples=12)  # each example a batch: one node call for many stories
@given(st.lists(stories(), min_size=40, max_size=80))
def test_python_and_the_browser_agree_on_random_stories(batch: list[dict[str, str]]) -> None:
    asked_highlight = [{"text": story["lead"], "query": story["query"]} for story in batch]
    answer = node_side({"snippets": batch, "highlight": asked_highlight})
    assert answer["snippets"] == [python_snippet(**story) for story in batch]
    assert answer["highlight"] == [
        [list(piece) for piece in highlight(story["lead"], story["query"])] for story in batch
    ]
