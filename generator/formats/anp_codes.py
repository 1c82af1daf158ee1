"""ANP's category codes: which Dutch section of the site each one is, in one table.

Stage: import (the ANP news API and ANP's NewsML 1.2 readers use it; the
import summary reports what it did not know).

ANP marks an item with codes in its ``categories`` (news API) or its Genre
and Subject (NewsML 1.2): ``BIN``, ``ANP/BIN``, ``XANP/BIN`` (the ``X`` form
is the one ANP's news API gives its own desks), ``AFN`` (ANP's financial
service), ``ANP/ENTERTAINMENT``, and codes that name a service or a version
rather than a subject (``ALL``, ``101``, ``2ndlead``).

Promise: ``read_categories`` turns an item's categories into a section and
keywords. A known section code gives its Dutch section; a Dutch section name
or IPTC subject (``generator.formats.sections``) is taken as such; a code
that names no section is dropped; an unknown code never becomes the section:
it is kept as a keyword in its ANP form (``ANP/XYZ``) and listed in
``unknown``, so the import summary can report it (``unknown_codes``). Other
names (``Beurs``) are keywords, or the section when nothing else names one
(as ANP's own Dutch category names do).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.formats.sections import section_from_subjects

# Code -> the site's Dutch section. The desk codes (BIN, BUI, ECO, SPO) and
# AFN are ANP's own; FIN and the culture codes are what its news API sends
# (ANP/ENTERTAINMENT, ANP/MUZIEK, XANP/KCE for "Kunst, Cultuur, Entertainment").
SECTION_CODES = {
    "BIN": "Binnenland",
    "BUI": "Buitenland",
    "ECO": "Economie",
    "AFN": "Economie",
    "FIN": "Economie",
    "SPO": "Sport",
    "KCE": "Cultuur",
    "KUN": "Cultuur",
    "CUL": "Cultuur",
    "ENTERTAINMENT": "Cultuur",
    "MUZIEK": "Cultuur",
    "MED": "Media",
    "POL": "Politiek",
    "WET": "Wetenschap",
    "REG": "Regio",
}
# Codes that say how an item travels (every item, a service, a second lead),
# not what it is about: never a section, never a keyword.
SERVICE_CODES = frozenset({"ALL", "101", "2NDLEAD", "LEAD", "SPOED", "FLASH", "PRIO"})

_PREFIX = re.compile(r"^X?ANP/", re.IGNORECASE)
# An unprefixed code as ANP writes it: capitals and digits (``BIN``, ``2ndlead``
# is known by name); a Dutch name (``Beurs``) is no code.
_BARE_CODE = re.compile(r"[A-Z0-9]{2,15}")


@dataclass
class Categories:
    """What an item's categories say: its section, keywords and unknown codes."""

    section: str | None = None
    keywords: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


def code_of(value: str) -> str | None:
    """``ANP/BIN``, ``XANP/bin`` or ``BIN`` -> ``BIN``; ``None`` when ``value``
    is no code (a name such as ``Beurs`` or ``Binnenland``)."""
    text = value.strip()
    bare = _PREFIX.sub("", text)
    if bare != text and bare:
        return bare.upper()
    if bare.upper() in SERVICE_CODES:  # ``2ndlead`` as ANP writes it
        return bare.upper()
    return bare if _BARE_CODE.fullmatch(bare) else None


def read_categories(values: Iterable[str], *, names_as_section: bool = True) -> Categories:
    """See the module's promise; ``names_as_section=False`` keeps a name no
    table knows from becoming the section (a NewsML genre such as ``Nieuws``)."""
    found = Categories()
    named: str | None = None  # a category no table knows, the section failing any other
    for value in (v.strip() for v in values):
        code = code_of(value)
        if code in SERVICE_CODES:
            continue
        section = SECTION_CODES.get(code) if code else section_from_subjects([value])
        if section:
            found.section = found.section or section
        elif code:
            kept = value if _PREFIX.match(value) else f"ANP/{code}"
            if kept not in found.unknown:
                found.unknown.append(kept)
                found.keywords.append(kept)
        elif value:
            named = named or value
            found.keywords.append(value)
    if found.section is None and named is not None and names_as_section:
        found.section = named
        found.keywords.remove(named)
    return found


def unknown_codes(keywords: Iterable[str]) -> list[str]:
    """The keywords that are ANP codes no table here knows (``ANP/XYZ``):
    what ``read_categories`` kept of an unknown code, for the import summary."""
    return [
        keyword
        for keyword in keywords
        if _PREFIX.match(keyword)
        and (code_of(keyword) or "") not in SECTION_CODES
        and code_of(keyword) not in SERVICE_CODES
    ]
