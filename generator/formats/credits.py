"""Who sent an agency item and who wrote it, as the formats' metadata says.

Stage: import (the agency readers and ``generator.formats.story``).

Promises: ``provider_agency`` turns a provider's id into an agency's name: a
domain (``ansa.it``, ``www.globenewswire.com``) gives the name from a small
table (``ansa.it`` -> ``ANSA``, ``globenewswire.com`` -> ``GlobeNewswire``),
else its first label in capitals (``anp.nl`` -> ``ANP``); any other id is
given in capitals (``stt`` -> ``STT``). ``person_byline`` drops a byline that
names no person: an editor's login (``degenhardt.sandra``, ``tsafos``) or a
desk's initials (``gr/bp``, ``VRG``); a name with a space stays, and so does
an agency's code (``NTB``). ``release_city`` finds the dateline a
press-release wire writes (``TORONTO, 26 mai 2020 (GLOBE NEWSWIRE) --``) in the
first paragraphs of a body: where the release was issued.
"""

from __future__ import annotations

import re

from generator.text.datelines import AGENCY_CODES

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
        return value.upper()
    name = domain.group(1).casefold()
    return _DOMAINS.get(name) or name.split(".")[0].upper() or None


# ``degenhardt.sandra``, ``tsafos``: a login is lower case, without a space.
_LOGIN = re.compile(r"[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*")
# ``gr/bp``, ``VRG``: a desk's initials.
_INITIALS = re.compile(r"[A-Za-z]{1,4}(?:/[A-Za-z]{1,4})+|[A-Z]{2,4}")


def person_byline(byline: str | None) -> str | None:
    """``byline``, unless it is a login or a desk's initials (see the module)."""
    if byline is None:
        return None
    text = byline.strip()
    if " " in text or text.upper() in AGENCY_CODES:
        return byline
    return None if _LOGIN.fullmatch(text) or _INITIALS.fullmatch(text) else byline


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
