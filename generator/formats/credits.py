"""Who sent an agency item and who wrote it, as the formats' metadata says.

Stage: import (the agency readers and ``generator.formats.story``).

Promises: ``provider_agency`` turns a provider's id into an agency's name: a
domain (``ansa.it``, ``www.globenewswire.com``) gives the name from a small
table (``ansa.it`` -> ``ANSA``, ``globenewswire.com`` -> ``GlobeNewswire``),
else its first label in capitals (``anp.nl`` -> ``ANP``); any other id is
given in capitals (``stt`` -> ``STT``), except a code of at most three
letters that is no agency known here (BusinessDesk's ``CL``): that is a
system's code, not a name, and gives none. ``person_byline`` drops a byline
that names no person: an editor's login (``degenhardt.sandra``, ``tsafos``),
a desk's initials (``gr/bp``, ``VRG``), a generic credit (``Staff Reporter``,
``Staff``, ``Staff writer``, ``Reuters Staff``, ``Redactie``, with or
without ``By`` and a title after a comma), or a sentence (ANSA's subtitle in
``<byline>``: five words or more, not opened by ``By``/``Door``/``Von``...,
whose part before the first comma has a lower-case word that is no name's
particle); a name with a space stays, and so does an agency's code (``NTB``).
``release_city`` finds the dateline a
press-release wire writes (``TORONTO, 26 mai 2020 (GLOBE NEWSWIRE) --``) in the
first paragraphs of a body: where the release was issued.
"""

from __future__ import annotations

import re

from generator.text.datelines import AGENCY_CODES

# Agencies' short codes beside the datelines' (``AGENCY_CODES``): a provider
# id of at most three letters is an agency's only when it is one of these.
KNOWN_CODES = AGENCY_CODES | frozenset(
    """AA AAP ANA ANI APA APS ATS BTA CNA CP CTK DJ IPS KNA MAP MTI NTB PA PAP PNA PTI
    SDA SPA STA STT TAP TT UPI VNA WAM""".split()
)
_SHORT_CODE = re.compile(r"[A-Za-z]{1,3}")

# Domains of providers whose name is no capitalised first label.
_DOMAINS = {
    "ansa.it": "ANSA",
    "globenewswire.com": "GlobeNewswire",
}
_DOMAIN = re.compile(r"(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,6})", re.IGNORECASE)


def provider_agency(provider: str | None) -> str | None:
    """See the module's promise: ``ansa.it`` -> ``ANSA``, ``anp.nl`` -> ``ANP``."""
    value = (provider or "").strip()
    if not value:
        return None
    domain = _DOMAIN.fullmatch(value)
    if domain is None:
        code = value.upper()
        return None if _SHORT_CODE.fullmatch(value) and code not in KNOWN_CODES else code
    name = domain.group(1).casefold()
    return _DOMAINS.get(name) or name.split(".")[0].upper() or None


# ``degenhardt.sandra``, ``tsafos``: a login is lower case, without a space.
_LOGIN = re.compile(r"[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*")
# ``gr/bp``, ``VRG``: a desk's initials.
_INITIALS = re.compile(r"[A-Za-z]{1,4}(?:/[A-Za-z]{1,4})+|[A-Z]{2,4}")


# ``Staff Reporter``, ``Reuters Staff``, ``Redactie``: a credit that names no
# one (an agency's code may come first; ``Jan Staff`` is a name).
_GENERIC = re.compile(
    r"(?:(?P<agency>[\w-]+) )?staff(?: (?:reporters?|writers?|correspondents?))?|redactie",
    re.IGNORECASE,
)
# The words that open a byline: ``By``, ``Door``, ``Von``, ``Par``, ``Di``...
_OPENER = re.compile(r"(?:by|door|von|par|por|di|da|av|af)\s", re.IGNORECASE)
# Lower-case words a name may hold: ``Frances d'Emilio``, ``Jan van der Berg``.
_PARTICLES = frozenset(
    "and en und et y e of van von de der den des du da di del della la le ten ter bin al".split()
)
_SENTENCE_WORDS = 5


def person_byline(byline: str | None) -> str | None:
    """``byline``, unless it names no person (see the module): a login, a
    desk's initials, a generic credit or a sentence."""
    if byline is None:
        return None
    text = byline.strip()
    name = _OPENER.sub("", text, count=1).split(",", 1)[0].strip()
    generic = _GENERIC.fullmatch(name)
    if generic and (generic["agency"] or "").upper() in KNOWN_CODES | {""}:
        return None
    if _is_sentence(text):
        return None
    if " " in text or text.upper() in AGENCY_CODES:
        return byline
    return None if _LOGIN.fullmatch(text) or _INITIALS.fullmatch(text) else byline


def _is_sentence(text: str) -> bool:
    """ANSA's subtitle in ``<byline>``: ``Situation serious, ready for all
    scenarios says EC``: long, no opener, and a name part with a plain word."""
    if _OPENER.match(text) or len(text.split()) < _SENTENCE_WORDS:
        return False
    name = text.split(",", 1)[0].split()
    return any(word.islower() and word not in _PARTICLES for word in name)


# ``TORONTO, 26 mai 2020 (GLOBE NEWSWIRE) --``, ``KANSAS CITY, Mo.--(BUSINESS WIRE)--``
_RELEASE = re.compile(
    r"(?P<city>[A-ZÀ-Þ][A-ZÀ-Þ.'’ -]{1,40}),[^()]{1,40}?"
    r"\((?:GLOBE NEWSWIRE|BUSINESS WIRE|PR NEWSWIRE|ACCESSWIRE|MARKETWIRED)\)\s?[-–—]{1,2}"
)
_RELEASE_PARAGRAPHS = 4  # a correction notice and a subtitle may come first


def release_city(paragraphs: list[str]) -> str | None:
    """The city of a press-release wire's dateline in the first paragraphs."""
    for paragraph in paragraphs[:_RELEASE_PARAGRAPHS]:
        found = _RELEASE.match(paragraph)
        if found:
            return found.group("city").strip()
    return None
