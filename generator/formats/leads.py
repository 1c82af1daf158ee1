"""The opening of a story, as every format hands it over: the dateline paragraph.

Promise: ``read_lead`` finds the dateline in the first paragraph (also when it
stands as a paragraph of its own, which is then joined to the next), resolves
its cities to Dutch names and a place record, and gives the lead without the
dateline as the summary. ``repair_first_letter`` is for pages that set the
first letter apart as a drop cap. An opening in capitals without an agency
(``STEMMEN - ``, an opinion label) is a dateline only when it names a place
the gazetteer knows: otherwise it stays text, no city is made of it, and a
warning names the file.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from generator.model import Place
from generator.places import repair_drop_cap, resolve_city
from generator.text.datelines import RawDateline, replace_city, split_dateline

_LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class Lead:
    paragraphs: list[str]
    summary: str
    city: str | None = None
    cities: tuple[str, ...] = ()  # all of them, when the dateline names several
    place: Place | None = None
    agency: str | None = None
    joined: bool = False  # the dateline stood alone and was joined to the next paragraph


def read_lead(
    paragraphs: list[str], *, repair_first_letter: bool = False, path: str = "<text>"
) -> Lead:
    """The dateline and summary of a story whose body is ``paragraphs`` (from
    the file ``path``, which a warning names)."""
    paragraphs = list(paragraphs)
    dateline = split_dateline(paragraphs[0])
    if dateline and not dateline.rest and len(paragraphs) > 1:
        # ``DEN HAAG (ANP) -`` on a line of its own: it belongs to the next one.
        paragraphs[:2] = [f"{paragraphs[0]} {paragraphs[1]}"]
        dateline = split_dateline(paragraphs[0])
        joined = True
    else:
        joined = False
    if dateline is None:
        return Lead(paragraphs, paragraphs[0])
    if repair_first_letter:
        repaired = repair_drop_cap(dateline.city)
        if repaired:
            paragraphs[0] = replace_city(paragraphs[0], dateline.city, repaired)
            dateline = RawDateline(repaired, dateline.agency, dateline.rest, dateline.region)
    region = dateline.region
    cities = [resolve_city(name, region) for name in dateline.city.split("/") if name.strip()]
    if dateline.agency is None and not any(city.place for city in cities):
        _LOG.warning(
            "Warning: %s: the lead opens with %r, which is no place the gazetteer knows "
            "and has no agency: read as text, not as a dateline",
            path,
            dateline.city,
        )
        return Lead(paragraphs, paragraphs[0], joined=joined)
    return Lead(
        paragraphs=paragraphs,
        summary=dateline.rest or paragraphs[0],
        city=cities[0].name,
        cities=tuple(city.name for city in cities) if len(cities) > 1 else (),
        place=cities[0].place,
        agency=dateline.agency,
        joined=joined,
    )
