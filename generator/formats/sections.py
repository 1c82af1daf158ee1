"""Sections for agency items: the Dutch name of what an item is about.

Promise: ``section_from_subjects`` gives a Dutch section for the first
subject it recognises: an IPTC media topic code (``medtop:04000000`` or its
URI), an English or Dutch top-level topic name, or a section name an agency
already gives in Dutch (``Binnenland``); ``None`` when none is recognised.
ANP's own codes (``BIN``, ``ANP/ECO``) have their table in
``generator.formats.anp_codes``, which falls back on this one.
"""

from __future__ import annotations

import re

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
}
_DUTCH = {
    name.casefold(): name
    for name in "Binnenland Buitenland Economie Sport Cultuur Media Wetenschap Politiek "
    "Financieel Opmerkelijk Regio Algemeen Weer Gezondheid Onderwijs Milieu".split()
}
_CODE = re.compile(r"(?:medtop[:/]|mediatopic/|subj[:/])?(\d{8})$")


def section_from_subjects(subjects: list[str]) -> str | None:
    for subject in subjects:
        value = subject.strip()
        code = _CODE.search(value)
        if code and code.group(1)[:2] + "000000" in MEDIA_TOPICS:
            return MEDIA_TOPICS[code.group(1)[:2] + "000000"]
        named = _NAMES.get(value.casefold()) or _DUTCH.get(value.casefold())
        if named:
            return named
    return None
