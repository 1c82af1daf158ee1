"""Search: the Dutch text pipeline, registered under the names lunr-languages uses.

Promise: ``trimmer-nl``, ``stopWordFilter-nl`` and ``stemmer-nl`` behave as the
functions lunr-languages registers under those names, so an index built here
loads and searches the same in lunr.js:

- the trimmer strips, from both ends of a token, every character that is not a
  Latin letter (lunr-languages' ranges) or an ASCII digit: ``België`` and
  ``MH17`` survive whole, which lunr.py's own trimmer does not allow;
- the stop words are Snowball's Dutch list (``stopwords_nl.txt``);
- the stemmer is Snowball's original Dutch stemmer (``dutch_porter``), the one
  lunr-languages ports, not the newer ``dutch`` one.

Two functions of our own, registered under the same names in the browser
(``search-core.js``), make Dutch search forgiving:

- ``fold-nl`` (before the stemmer) folds accents: ``curacao`` finds
  ``Curaçao``, ``oekraine`` finds ``Oekraïne``;
- ``plural-nl`` (after the stemmer) merges what the old stemmer leaves apart:
  a doubled final consonant is undoubled (``rellen`` -> ``rell`` -> ``rel``,
  ``cyberaanvallen`` -> ``cyberaanval``). It changes nothing else: a word's
  processed form stays a prefix of its compounds (``haven`` -> ``hav`` still
  finds ``havenbedrijf``), which prefix matching needs.

lunr.py's own ``languages="nl"`` is not used: it downloads NLTK data at build time.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import snowballstemmer
from lunr.pipeline import Pipeline

from generator.search.morphology import base_forms

# Latin letters as lunr-languages counts them for Dutch, plus ASCII digits.
WORD_CHARACTERS = (
    "A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02b8\u02e0-\u02e4\u1d00-\u1d25"
    "\u1d2c-\u1d5c\u1d62-\u1d65\u1d6b-\u1d77\u1d79-\u1dbe\u1e00-\u1eff\u2071\u207f"
    "\u2090-\u209c\u212a\u212b\u2132\u214e\u2160-\u2188\u2c60-\u2c7f\ua722-\ua787"
    "\ua78b-\ua7ad\ua7b0-\ua7b7\ua7f7-\ua7ff\uab30-\uab5a\uab5c-\uab64\ufb00-\ufb06"
    "\uff21-\uff3a\uff41-\uff5a0-9"
)
_LEADING = re.compile(f"^[^{WORD_CHARACTERS}]+")
_TRAILING = re.compile(f"[^{WORD_CHARACTERS}]+$")

TRIMMER = "trimmer-nl"
STOP_WORD_FILTER = "stopWordFilter-nl"
STEMMER = "stemmer-nl"
FOLD = "fold-nl"
PLURAL = "plural-nl"
# Combining marks as JavaScript's /[\u0300-\u036f]/ removes them: the same range on both sides.
_MARKS = re.compile("[\u0300-\u036f]")
_DOUBLED = re.compile(r"([bcdfghjklmnpqrstvwxz])\1$")


def trim(text: str) -> str:
    """Strip non-word characters from both ends."""
    return _TRAILING.sub("", _LEADING.sub("", text))


@cache
def stop_words() -> frozenset[str]:
    text = resources.files("generator.search").joinpath("stopwords_nl.txt").read_text("utf-8")
    return frozenset(
        word for line in text.splitlines() if (word := line.strip()) and word[0] != "#"
    )


@cache
def _stemmer() -> Any:
    return snowballstemmer.stemmer("dutch_porter")


# Snowball in pure Python costs ~40 µs a word; a wire archive's vocabulary is
# Zipfian, so most words repeat and the cache answers nearly every call.
@lru_cache(maxsize=500_000)
def stem(word: str) -> str:
    return str(_stemmer().stemWord(word))


def fold(word: str) -> str:
    """Accents off: NFKD, then the combining marks removed."""
    return _MARKS.sub("", unicodedata.normalize("NFKD", word))


def merge_plural(stem_: str) -> str:
    """``rell`` -> ``rel``, ``cyberaanvall`` -> ``cyberaanval``."""
    return _DOUBLED.sub(r"\1", stem_)


def trimmer_nl(token: Any, i: int | None = None, tokens: Any = None) -> Any:
    token.update(lambda text, metadata=None: trim(text))
    return token if str(token) else None  # an emptied token is no term


def stop_word_filter_nl(token: Any, i: int | None = None, tokens: Any = None) -> Any:
    return None if str(token) in stop_words() else token


def stemmer_nl(token: Any, i: int | None = None, tokens: Any = None) -> Any:
    return token.update(lambda text, metadata=None: stem(text))


def fold_nl(token: Any, i: int | None = None, tokens: Any = None) -> Any:
    return token.update(lambda text, metadata=None: fold(text))


def plural_nl(token: Any, i: int | None = None, tokens: Any = None) -> Any:
    return token.update(lambda text, metadata=None: merge_plural(text))


@lru_cache(maxsize=500_000)
def index_term(word: str) -> str | None:
    """What the five indexing steps make of one token (None: no term)."""
    trimmed = trim(word)
    if not trimmed or trimmed in stop_words():
        return None
    return merge_plural(stem(fold(trimmed)))


def term_of(form: str) -> str:
    """The term of a folded, trimmed word form (``morphology``'s forms)."""
    return merge_plural(stem(form))


@lru_cache(maxsize=500_000)
def index_terms(word: str) -> tuple[str, ...]:
    """Every term one token gives the index: ``index_term``'s, then those of
    the words it is a form of (``morphology.base_forms``: ``uiltje`` also
    gives ``uil``'s term, so a search for ``uil`` finds it)."""
    main = index_term(word)
    if main is None:
        return ()
    terms = [main]
    for form in base_forms(fold(trim(word))):
        if (term := term_of(form)) not in terms:
            terms.append(term)
    return tuple(terms)


def index_nl(token: Any, i: int | None = None, tokens: Any = None) -> Any:
    """``INDEX_PIPELINE`` in one step, once per distinct word, and the terms of
    the word's base forms beside it (the index holds no trace of this step:
    only the search pipeline is stored)."""
    terms = index_terms(str(token))
    if not terms:
        return None
    first = token.update(lambda text, metadata=None: terms[0])
    if len(terms) == 1:
        return first
    return [first, *(first.clone(lambda text, metadata=None, t=t: t) for t in terms[1:])]


Pipeline.register_function(trimmer_nl, TRIMMER)
Pipeline.register_function(stop_word_filter_nl, STOP_WORD_FILTER)
Pipeline.register_function(stemmer_nl, STEMMER)
Pipeline.register_function(fold_nl, FOLD)
Pipeline.register_function(plural_nl, PLURAL)
Pipeline.register_function(index_nl, "index-nl")

INDEX_PIPELINE = (trimmer_nl, stop_word_filter_nl, fold_nl, stemmer_nl, plural_nl)
SEARCH_PIPELINE = (trimmer_nl, fold_nl, stemmer_nl, plural_nl)
