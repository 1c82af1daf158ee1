"""Datelines: ``DEN HAAG (ANP/AFP) - `` at the start of a story's first paragraph.

Promise: ``split_dateline`` returns the city as written, the agency codes and
the rest of the paragraph, or ``None`` when the paragraph opens with no
dateline. Parentheses that hold no agency code (``Overheid (CMO) -``) are never
taken for one, because every code between the parentheses must be a known
agency. AP's underscore (``NEW YORK (AP) _ text``, a dash on old wire
terminals) is a dash after an agency code. ``agency_code`` turns an agency's
name (``The Associated Press``) into its code and refuses a member or source
id (``Z01122``): an id is no agency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Agencies that appear in Dutch wire copy, alone or as co-sources of ANP.
AGENCY_CODES = frozenset(
    {
        "ANP", "AFN", "AFP", "AP", "APA", "BELGA", "BLOOMBERG", "BNO", "DPA", "EFE",
        "ANSA", "KYODO", "NTB", "PAP", "REUTERS", "RTR", "SDA", "TT", "XINHUA",
    }
)  # fmt: skip

_CITY = r"(?P<city>['’]?[^\W\d_][^\W\d_'’.\- /]*(?:[ '’.\-/]{1,2}[^\W\d_][^\W\d_'’.\-]*){0,5}\.?)"
# ``GROSSETO, Italy (AP) --``, ``DAMASCUS, March 3 (Reuters) -``, ``Madrid, 14 mar (EFE).-``
_REGION = r"(?:, (?P<region>[^\W_][^(),]{0,30}?))?"
_TELEX_DATE = r"(?: \d{1,2}/\d{1,2})?"
_AGENCY = r"\((?P<agency>[A-Za-z]+(?:/[A-Za-z]+)*)\)"
_DASH = r"\.?\s?(?:--|[-–—=_])(?:\s+|$)"  # the text may follow on the next line

_WITH_AGENCY = re.compile(rf"^{_CITY}{_REGION}{_TELEX_DATE} {_AGENCY}{_DASH}")
# Regional copy carries no agency: ``DOMBURG - ``. Only an all-capitals city
# qualifies, so an ordinary sentence with a dash is never read as a dateline.
_WITHOUT_AGENCY = re.compile(r"^(?P<city>['’]?[A-ZÀ-Þ][A-ZÀ-Þ'’.\-/ ]{1,40}?) [-–—](?: |$)")


# Agencies' names as their files write them (distributor, copyright holder).
_AGENCY_NAMES = {
    "the associated press": "AP",
    "associated press": "AP",
    "agencia efe": "EFE",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "thomson reuters": "REUTERS",
    "reuters.com": "REUTERS",
    "deutsche presse-agentur": "DPA",
    "australian associated press": "AAP",
    "press association": "PA",
    "pa media": "PA",
}
# A member, source or customer id (``Z01122``): letters and digits, no name.
_AGENCY_ID = re.compile(r"[A-Za-z]{0,3}[0-9][A-Za-z0-9]*")


def agency_code(value: str | None) -> str | None:
    """``The Associated Press`` -> ``AP``; an id such as ``Z01122`` -> ``None``;
    any other name as given (``ANP``, ``NTB``)."""
    name = " ".join((value or "").split())
    if not name or _AGENCY_ID.fullmatch(name):
        return None
    return _AGENCY_NAMES.get(name.casefold(), name)


@dataclass(frozen=True)
class RawDateline:
    """A dateline as written: ``city`` keeps the wire's capitals."""

    city: str
    agency: str | None
    rest: str
    region: str | None = None  # what follows the city: ``Pa.``, ``Italy``, ``March 14``


def split_dateline(paragraph: str) -> RawDateline | None:
    """Split ``CITY (AGENCY) - text`` into its parts, or return ``None``."""
    match = _WITH_AGENCY.match(paragraph)
    if match:
        codes = match.group("agency").upper().split("/")
        if all(code in AGENCY_CODES for code in codes):
            agency = "/".join(codes)
            city, region = match.group("city").strip(), match.group("region")
            return RawDateline(city, agency, paragraph[match.end() :], region)
        return None
    match = _WITHOUT_AGENCY.match(paragraph)
    if match and match.group("city").upper() == match.group("city"):
        return RawDateline(match.group("city").strip(), None, paragraph[match.end() :])
    return None


def replace_city(paragraph: str, written: str, repaired: str) -> str:
    """Put the repaired city back in place of the one written at the start."""
    if paragraph.startswith(written):
        return repaired + paragraph[len(written) :]
    return paragraph
