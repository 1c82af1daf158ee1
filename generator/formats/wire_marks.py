"""What a wire writes into a headline or a place field that is no part of it.

Stage: import (``generator.formats.story`` applies it to every format's item).

Promises: ``without_wire_marker`` takes the routing mark off a headline:
``>>>`` with, right after it, a known agency's code and a slash
(``>>>ANSA/Gazprom cuts ...`` -> ``Gazprom cuts ...``); without the arrows a
slash is the headline's own (``Reuters/Ipsos poll``, ``ANP/AFP``), and a
headline that is nothing but a mark stays as it is. ``without_canton`` takes a
Swiss canton's code (two capitals, one of the 26) off the end of a place
written in small letters: ``Landquart GR`` -> ``Landquart`` (SDA-ATS); a name
in capitals (``BERN BE``) or without such a code (``Den Haag``,
``IJmuiden``) stays.
"""

from __future__ import annotations

import re

from generator.formats.credits import KNOWN_CODES

_WIRE_MARKER = re.compile(rf">{{2,}}\s*(?:(?:{'|'.join(sorted(KNOWN_CODES))})/(?=\S))?")
# The codes of Switzerland's cantons, as SDA-ATS writes them after a place.
_CANTONS = frozenset(
    "AG AI AR BE BL BS FR GE GL GR JU LU NE NW OW SG SH SO SZ TG TI UR VD VS ZG ZH".split()
)


def without_wire_marker(title: str) -> str:
    """``>>>ANSA/Gazprom cuts ...`` -> ``Gazprom cuts ...`` (see the module)."""
    marked = _WIRE_MARKER.match(title)
    rest = title[marked.end() :].strip() if marked else ""
    return rest or title


def without_canton(place: str) -> str:
    """``Landquart GR`` -> ``Landquart`` (see the module)."""
    name, _, code = place.rpartition(" ")
    if code in _CANTONS and name.upper() != name:
        return name.strip()
    return place
