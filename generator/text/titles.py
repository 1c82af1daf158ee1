"""Titles for items that arrive without a headline (teasers).

Promise: ``first_sentence`` finds the end of the first sentence without being
fooled by initials (``Mark S. (32)``) or common Dutch abbreviations, and
``title_from_text`` turns it into a headline of readable length.
"""

from __future__ import annotations

import re

MAX_TITLE = 110

# Words after which a period does not end a sentence.
_ABBREVIATIONS = frozenset(
    """bijv bv ca dhr dr drs e.a etc ing ir jl jr mevr mr mw nl nr o.a ong prof resp sr st
    jan feb mrt apr jun jul aug sep sept okt nov dec vs""".split()
)
_END = re.compile(r"[.!?]+[\"'”’)]*(?=\s+[\"'“‘(]?[^\W_a-z]|\s*$)")


def first_sentence(text: str) -> str:
    """The text up to and including the first sentence's final punctuation."""
    for match in _END.finditer(text):
        before = text[: match.start()].rsplit(None, 1)
        word = before[-1] if before else ""
        if _is_abbreviation(word) and match.group(0).startswith(".") and match.end() < len(text):
            continue
        return text[: match.end()].strip()
    return text.strip()


def _is_abbreviation(word: str) -> bool:
    bare = word.lstrip("(\"'“‘")
    if len(bare) == 1 and bare.isalpha():
        return True  # an initial: ``Mark S.``
    return bare.lower() in _ABBREVIATIONS


def title_from_text(text: str) -> str:
    """A headline from the first sentence: no final period, at most ~110 characters."""
    sentence = first_sentence(text)
    if sentence.endswith(".") and not sentence.endswith(".."):
        sentence = sentence[:-1]
    if len(sentence) <= MAX_TITLE:
        return sentence
    cut = sentence[:MAX_TITLE].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"
