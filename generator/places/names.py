"""Dateline cities in proper Dutch casing, linked to a place record.

Promise: ``resolve_city`` gives a place the gazetteer knows its one name,
whichever name the wire used (``ROMA``, ``Rome`` and ``Рим`` are all ``Rome``;
``DEN BOSCH`` is ``'s-Hertogenbosch``; ``GENEVE`` is ``Genève``), and its
place record. A place it does not know keeps the name as written, cased by
the rules of Dutch place names (``str.title()`` gets a third of these wrong:
``Nergensdorp aan de Maas``, ``'t Zandt``, ``IJzendoorn``).
``repair_drop_cap`` restores a first letter a web page set apart as a drop cap
(``EN HAAG`` -> ``DEN HAAG``), but only when the written name is unknown and
one repaired name is known (a Dutch one first).
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import cache
from importlib import resources

from generator.model import Place
from generator.places.gazetteer import (
    find_place,
    find_us_place,
    fold,
    name_of_place,
    place_name,
)

# Words written in lower case inside a place name (never as its first word).
_PARTICLES = frozenset(
    """aan am an bij d' da de del della den der des di do dos du en het im in la le
    los of onder op over sur te ten ter uit upon van von y""".split()
)
_SAINT = re.compile(r"^(ST|SINT)\.?[ -]+", re.IGNORECASE)


@dataclass(frozen=True)
class City:
    name: str
    place: Place | None


@cache  # a pile names the same few hundred cities over and over
def resolve_city(written: str, region: str | None = None) -> City:
    """The Dutch spelling of a dateline city and, if known, where it lies.
    A ``region`` that names a US state (``Pa.``, ``Ohio``) picks the place
    of that state (``SPRINGFIELD, Ill.``), or none when the gazetteer has none
    there: never a namesake in another state."""
    written = " ".join(written.replace("’", "'").split())
    state = us_state(region) if region else None
    for candidate in _spellings(written):
        if state is not None:
            found = find_us_place(candidate, state)
            if found is not None and found.geonames is not None:
                return City(name_of_place(found.geonames) or _case(candidate), found)
            continue
        place = find_place(candidate)
        if place:
            return City(place_name(candidate) or _case(candidate), place)
    return City(_case(written), None)


@cache
def _states() -> dict[str, str]:
    """Each way a dateline names a US state (``Pa.``, ``Pennsylvania``, ``PA``)
    -> its postal code."""
    text = resources.files("generator.places").joinpath("us_states.tsv").read_text("utf-8")
    states: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, name, abbreviation = line.split("\t")
            for form in (code, name, abbreviation):
                if form:
                    states[fold(form)] = code
    return states


def us_state(region: str) -> str | None:
    """The postal code of the US state ``region`` names, if it names one."""
    return _states().get(fold(region.strip()))


def proper_name(written: str) -> str:
    return resolve_city(written).name


def _spellings(written: str) -> list[str]:
    """``ST. MICHIELSGESTEL`` is also ``SINT-MICHIELSGESTEL`` and ``SINT MICHIELSGESTEL``."""
    match = _SAINT.match(written)
    if not match:
        return [written]
    rest = written[match.end() :]
    saint = "SINT" if written.isupper() else "Sint"
    return [written, f"{saint}-{rest}", f"{saint} {rest}"]


def _case(written: str) -> str:
    if written != written.upper():
        return written  # mixed case: the wire already cased it (``San Mateo``)
    words = written.lower().split()
    return " ".join(_case_word(word, first=index == 0) for index, word in enumerate(words))


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
    """The known city that ``written`` is with its first letter restored, if one."""
    if any(find_place(spelling) for spelling in _spellings(written)):
        return None
    found = [(letter + written, find_place(letter + written)) for letter in string.ascii_uppercase]
    known = [(name, place) for name, place in found if place]
    dutch = [name for name, place in known if place.country == "NL"]
    if len(dutch) == 1:
        return dutch[0]
    return known[0][0] if len(known) == 1 else None
