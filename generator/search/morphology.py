"""Search: the Dutch word forms the Snowball stemmer leaves apart.

Stage: index build and query (``search-dutch.js`` is its twin in the browser;
``tests/fixtures/search_forms.tsv`` holds the vectors both must give).

Promises, for a folded, lower-case word (``pipeline.fold``):

- ``base_forms`` gives the words it is a form of, where a rule says so
  without a dictionary: a diminutive's noun (``uiltje`` -> ``uil`` and
  ``uilt``, ``terrasje`` -> ``terras``, ``balletje`` -> ``bal``, ``boompje`` ->
  ``boom``, ``koninkje`` -> ``koning``), a plural's singular where the
  consonant changes (``ziekenhuizen`` -> ``ziekenhuis``, ``brieven`` ->
  ``brief``) or the vowel does (``steden`` -> ``stad``, from a short table),
  a plural in ``-s`` after a vowel or an unstressed ``-en``, ``-el``, ``-er``
  (``cafes`` -> ``cafe``, ``havens`` -> ``haven``), a plural in ``-en`` whose
  singular the stemmer makes another term of (``fietsen`` -> ``fiets``). Where a rule cannot
  tell (``kaartje``: ``kaart`` + ``je`` or ``kaar`` + ``tje``) it gives both:
  the index holds them as extra terms of the word, so ``uil`` finds ``uiltje``.
- ``query_forms`` adds what is only safe in a query, where it widens one
  search and nothing else: a weak verb's past tense (``stemde``, ``werkten``
  -> ``stem``, ``werk``; in the index it would join ``tweede`` to ``twee``).
  A present in ``-t`` is left alone: ``stemt`` -> ``stem`` would also make
  ``maart`` ``maar`` and ``markt`` ``mark``.

Forms are words, not terms: the pipeline (``index_term``) makes terms of them.
"""

from __future__ import annotations

import re

MIN_BASE = 3  # no base shorter than this: ``meisje`` -> ``meis``, never ``m``
# Plurals whose vowel changes; the Snowball stemmer leaves them apart.
IRREGULAR = {
    "steden": "stad",
    "schepen": "schip",
    "kinderen": "kind",
    "eieren": "ei",
    "bladeren": "blad",
    "volkeren": "volk",
}
_VOWELS = "aeiou"
_DOUBLED_VOWEL_END = re.compile(r"([aeiou])\1$")
_DOUBLED_CONSONANT_END = re.compile(r"([bcdfghjklmnpqrstvwxz])\1$")


def _undouble_vowel(word: str) -> str:
    """``autoo`` -> ``auto``: a diminutive doubles a final vowel."""
    return _DOUBLED_VOWEL_END.sub(r"\1", word)


def _diminutive_bases(word: str) -> list[str]:
    stem = word[:-1] if word.endswith("jes") else word
    if not stem.endswith("je") or len(stem) < MIN_BASE + 2:
        return []
    if stem.endswith("etje") and _DOUBLED_CONSONANT_END.search(stem[:-4]):
        return [stem[:-5]]  # balletje -> bal, bolletje -> bol
    if stem.endswith("etje"):
        return [stem[:-4], stem[:-2]]  # bloemetje -> bloem (and bloemet)
    if stem.endswith("pje"):
        return [stem[:-3], stem[:-2]]  # boompje -> boom (and boomp)
    if stem.endswith("nkje"):
        return [stem[:-3] + "g", stem[:-2]]  # koninkje -> koning (and konink)
    if stem.endswith("tje"):
        return [_undouble_vowel(stem[:-3]), stem[:-2]]  # uiltje -> uil, kaartje -> kaart
    return [stem[:-2]]  # huisje -> huis, terrasje -> terras


def _plural_bases(word: str) -> list[str]:
    if word in IRREGULAR:
        return [IRREGULAR[word]]
    if len(word) > MIN_BASE + 5 and word.endswith("heden"):
        return [word[:-5] + "heid"]  # mogelijkheden -> mogelijkheid
    if len(word) > MIN_BASE + 2 and word.endswith("zen") and word[-4] in _VOWELS:
        return [word[:-3] + "s"]  # huizen -> huis, ziekenhuizen -> ziekenhuis
    if len(word) > MIN_BASE + 2 and word.endswith("ven") and word[-4] in _VOWELS + "lr":
        return [word[:-3] + "f"]  # brieven -> brief, golven -> golf
    if len(word) > MIN_BASE + 2 and word.endswith("en"):
        # fietsen -> fiets: the stemmer makes "fiets" of the plural but "fiet" of
        # the singular; the singular's own term joins them.
        return [_DOUBLED_CONSONANT_END.sub(r"\1", word[:-2])]
    if len(word) > MIN_BASE + 1 and word.endswith("s") and word[-2] in "aeiouy":
        return [word[:-1]]  # cafes -> cafe, auto's comes trimmed as autos -> auto
    if len(word) > MIN_BASE + 2 and word[-3:] in ("ens", "els", "ers", "ems"):
        return [word[:-1]]  # havens -> haven, tafels -> tafel, lezers -> lezer
    return []


def base_forms(word: str) -> tuple[str, ...]:
    """The words ``word`` is a diminutive or plural of (see the module)."""
    found = [*_diminutive_bases(word), *_plural_bases(word)]
    return _distinct(word, found)


def _past_bases(word: str) -> list[str]:
    for ending in ("den", "ten", "de", "te"):
        if word.endswith(ending) and len(word) - len(ending) >= MIN_BASE:
            base = word[: -len(ending)]
            return [_DOUBLED_CONSONANT_END.sub(r"\1", base)] if base[-1] not in _VOWELS else []
    return []


def query_forms(word: str) -> tuple[str, ...]:
    """``base_forms`` and the verb forms only a query may widen to (see the module)."""
    found = [*base_forms(word), *_past_bases(word)]
    return _distinct(word, found)


def _distinct(word: str, forms: list[str]) -> tuple[str, ...]:
    kept: list[str] = []
    for form in forms:
        if len(form) >= MIN_BASE and form != word and form not in kept:
            kept.append(form)
    return tuple(kept)
