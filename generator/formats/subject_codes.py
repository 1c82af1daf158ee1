"""Subject schemes of agencies and of the IPTC, as data: which Dutch section each code is.

Stage: import (``generator.formats.sections`` looks codes up here; no reader
uses these tables directly).

Promise: every table maps a code to one of the site's Dutch sections and to
nothing else; a code that is in no table names no section (the reader files
the story under another subject, or under ``Algemeen``), so an unknown code
never becomes a section of its own.

- ``AGENCY_CATEGORIES``: an agency's own category scheme, by scheme name and
  code. dpa's desks (``dpacat:``, as dpa's digitalwires and NewsML-G2 deliver
  them): ``pl`` Politik, ``wi`` Wirtschaft, ``sp`` Sport, ``ku`` Kultur;
  ``vm`` (Vermischtes, mixed news) names no section. AP's ANPA-1312 category
  codes (``apcategorycode``, also written ``a1312cat``): ``e`` entertainment,
  ``f`` financial, ``l`` lifestyle, ``p`` politics, ``q`` sports results,
  ``s`` sports, ``t`` travel; AP's general codes (``a`` domestic, ``i``
  international, ``w`` Washington, ``v`` advisories) name no section.
- ``MEDIA_TOPIC_CHILDREN``: the second level of the IPTC Media Topics (codes
  from ``20000000``), listed under their top-level topic's section. A deeper
  topic is found through the ``broader`` or ``sameAs`` codes an item gives
  with it, else through its name (``sections``).
"""

from __future__ import annotations

AGENCY_CATEGORIES: dict[str, dict[str, str]] = {
    "dpacat": {"pl": "Politiek", "wi": "Economie", "sp": "Sport", "ku": "Cultuur"},
    "apcategorycode": {
        "e": "Cultuur",
        "f": "Economie",
        "l": "Vrije tijd",
        "p": "Politiek",
        "q": "Sport",
        "s": "Sport",
        "t": "Vrije tijd",
    },
}
AGENCY_CATEGORIES["a1312cat"] = AGENCY_CATEGORIES["apcategorycode"]

# Top-level section -> the second-level media topics under it (IPTC Media
# Topics, retired codes included: old items still carry them).
_CHILDREN_BY_SECTION = {
    "Cultuur": "20000002 20000038 20000045",
    "Conflicten": "20000053 20000056 20000065 20000070 20000071 20000073 20000077 20000080",
    "Misdaad en recht": "20000082 20000106 20000119 20000121 20000129",
    "Rampen en ongelukken": "20000139 20000148 20000160 20000167 20000168",
    "Economie": "20000170 20000209 20000344 20000385",
    "Onderwijs": """20000412 20001338 20001217 20000413 20000414 20001337 20000398 20000399
        20000400 20000410 20000415 20000416 20000411 20001216""",
    "Milieu": "20000418 20000420 20000424 20000430 20000441",
    "Gezondheid": """20000446 20000480 20000461 20000483 20000463 20000464 20000485 20000493
        20000484""",
    "Mensen": """20000497 20000500 20001237 20000498 20001238 20000505 20000501 20000507
        20000504 20000503 20000502 20000499""",
    "Werk": "20000509 20000521 20000523 20000524 20000531 20000533 20000536",
    "Vrije tijd": "20000538 20000565 20001339",
    "Politiek": """20000574 20000587 20000593 20000621 20000638 20000646 20000647 20000648
        20000649""",
    "Religie": """20000657 20000687 20000702 20000688 20000689 20000697 20000690 20000703
        20000696 20000705""",
    "Wetenschap": "20000710 20000715 20000717 20000741 20000735 20000755 20000742 20000756",
    "Samenleving": """20000768 20000770 20000775 20000772 20000780 20000771 20000788 20000799
        20000802 20000808 20000817""",
    "Sport": """20000822 20001103 20001104 20001301 20001108 20001124 20001125 20001126
        20001323 20001324 20001325 20001148""",
    "Weer": "20001128 20001129 20001130 20001131",
}
MEDIA_TOPIC_CHILDREN: dict[str, str] = {
    code: section for section, codes in _CHILDREN_BY_SECTION.items() for code in codes.split()
}
