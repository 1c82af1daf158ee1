"""Sections for agency items: the Dutch name of what an item is about.

Stage: import (every agency format's reader; ANP's codes go through
``generator.formats.anp_codes`` first, which falls back on this module).

Promise: ``section_from_subjects`` gives a Dutch section for the first
subject it recognises: an IPTC media topic or subject code (``medtop:04000000``,
``subj:04005004``, a bare ``04005004``, a URI ending in one, TT's
``TT:11000000:POL``) by its top-level family, a second-level media topic
(``medtop:20000822``) by its parent, an agency's own category (``dpacat:sp``,
``apcategorycode:f``; tables in ``generator.formats.subject_codes``), an
English top-level topic name (also IPTC's older subject names and a few
department names such as ``Politics``, ``Sports``) or a section name an
agency already gives in Dutch (``Binnenland``); ``None`` when none is
recognised. An unknown code is never a section.
"""

from __future__ import annotations

import re

from generator.formats.subject_codes import AGENCY_CATEGORIES, MEDIA_TOPIC_CHILDREN

# IPTC Media Topics, top level (code -> Dutch section).
MEDIA_TOPICS = {
    "01000000": "Cultuur",
    "02000000": "Misdaad en recht",
    "03000000": "Rampen en ongelukken",
    "04000000": "Economie",
    "05000000": "Onderwijs",
    "06000000": "Milieu",
    "07000000": "Gezondheid",
    "08000000": "Mensen",
    "09000000": "Werk",
    "10000000": "Vrije tijd",
    "11000000": "Politiek",
    "12000000": "Religie",
    "13000000": "Wetenschap",
    "14000000": "Samenleving",
    "15000000": "Sport",
    "16000000": "Conflicten",
    "17000000": "Weer",
}
_NAMES = {
    "arts, culture, entertainment and media": "Cultuur",
    "crime, law and justice": "Misdaad en recht",
    "disaster, accident and emergency incident": "Rampen en ongelukken",
    "economy, business and finance": "Economie",
    "education": "Onderwijs",
    "environment": "Milieu",
    "health": "Gezondheid",
    "labour": "Werk",
    "lifestyle and leisure": "Vrije tijd",
    "politics": "Politiek",
    "religion": "Religie",
    "science and technology": "Wetenschap",
    "society": "Samenleving",
    "sport": "Sport",
    "conflict, war and peace": "Conflicten",
    "weather": "Weer",
    "human interest": "Mensen",
    # IPTC's older subject codes name some families otherwise.
    "arts, culture and entertainment": "Cultuur",
    "disaster and accident": "Rampen en ongelukken",
    "social issue": "Samenleving",
    "unrest, conflicts and war": "Conflicten",
    # Department names as agencies give them in English (STT: ``Politics``).
    "sports": "Sport",
    "economy": "Economie",
    "business": "Economie",
    "finance": "Economie",
    "culture": "Cultuur",
    "entertainment": "Cultuur",
    "science": "Wetenschap",
}
_DUTCH = {
    name.casefold(): name
    for name in "Binnenland Buitenland Economie Sport Cultuur Media Wetenschap Politiek "
    "Financieel Opmerkelijk Regio Algemeen Weer Gezondheid Onderwijs Milieu".split()
}
# An IPTC code with its scheme (``medtop:``, ``subj:``, a URI) or bare, or as
# TT writes it (``TT:11000000:POL``).
_CODE = re.compile(
    r"(?:.*?(?:medtop|subj|iptc|mediatopic|subjectcode)[:/]|tt:)?(\d{8})(?::[a-z]{2,5})?",
    re.IGNORECASE,
)


def section_from_subjects(subjects: list[str]) -> str | None:
    for subject in subjects:
        value = subject.strip()
        section = _code_section(value) or _agency_section(value)
        if section is None and not _CODE.fullmatch(value):
            section = _NAMES.get(value.casefold()) or _DUTCH.get(value.casefold())
        if section:
            return section
    return None


def _code_section(value: str) -> str | None:
    """An IPTC code's section: by its family (``04`` of ``04005004``), or a
    second-level media topic's by its parent."""
    code = _CODE.fullmatch(value)
    if code is None:
        return None
    number = code.group(1)
    return MEDIA_TOPICS.get(number[:2] + "000000") or MEDIA_TOPIC_CHILDREN.get(number)


def _agency_section(value: str) -> str | None:
    """``dpacat:sp`` -> ``Sport``: an agency's own scheme, from its table."""
    scheme, _, code = value.partition(":")
    table = AGENCY_CATEGORIES.get(scheme.strip().casefold())
    return table.get(code.strip().casefold()) if table and code else None
