"""Dateline cities in proper Dutch casing, and the drop-cap repair.

Promise: ``proper_name`` gives the name as a Dutch reader writes it
(``Den Haag``, ``'s-Hertogenbosch``, ``IJmuiden``, ``Bergen op Zoom``): first
from the list of known places in ``known_places.txt``, otherwise by the rules
of Dutch place-name spelling. ``repair_drop_cap`` restores a first letter that
a web page set apart as a drop cap (``EN HAAG`` -> ``DEN HAAG``), but only when
the written name is unknown and exactly one repaired name is known.
"""

from __future__ import annotations

import string
from functools import cache
from importlib import resources

# Words written in lower case inside a place name (never as its first word).
_PARTICLES = frozenset(
    """aan am an bij d' da de del della den der des di do dos du en het im in la le
    los of onder op over sur te ten ter uit upon van von y""".split()
)


@cache
def known_places() -> dict[str, str]:
    """Upper-case key -> proper name, from the packaged list."""
    text = resources.files("generator.places").joinpath("known_places.txt").read_text("utf-8")
    names = (line.strip() for line in text.splitlines())
    return {_key(name): name for name in names if name and not name.startswith("#")}


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").upper().split())


def proper_name(written: str) -> str:
    """The Dutch spelling of a dateline city written in any casing."""
    known = known_places().get(_key(written))
    if known:
        return known
    if written != written.upper():
        return " ".join(written.split())  # mixed case: the wire already cased it
    return _case_by_rules(written)


def _case_by_rules(written: str) -> str:
    words = written.replace("’", "'").lower().split()
    cased = [_case_word(word, first=index == 0) for index, word in enumerate(words)]
    return " ".join(cased)


def _case_word(word: str, *, first: bool) -> str:
    if word in ("'s", "'t"):
        return word  # 's-Gravenhage, 't Harde: the article stays lower case
    if word.startswith(("'s-", "'t-")):
        return word[:3] + _case_word(word[3:], first=True)
    if not first and word in _PARTICLES:
        return word
    return "-".join(_capitalise(part) for part in word.split("-"))


def _capitalise(part: str) -> str:
    if part.startswith("ij"):
        return "IJ" + part[2:]  # IJmuiden, IJssel: the Dutch digraph is one letter
    return part[:1].upper() + part[1:]


def repair_drop_cap(written: str) -> str | None:
    """The known city that ``written`` is with its first letter restored, if exactly one."""
    places = known_places()
    if _key(written) in places:
        return None
    candidates = [letter + written for letter in string.ascii_uppercase]
    found = [name for name in candidates if _key(name) in places]
    return found[0] if len(found) == 1 else None
