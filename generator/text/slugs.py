"""Slugs: the URL-safe name of a story, section or city.

Promise: a slug is lowercase ASCII letters, digits and single hyphens (and a
trailing hyphen after a name Windows reserves, ``con`` -> ``con-``), never
empty, at most ``MAX_SLUG`` characters, cut at a word boundary: no slug can
climb out of its folder (``..``), name another folder (``/``, a backslash) or a
device. Accents are folded (``Oekraïne`` -> ``oekraine``) so a URL reads
like its title.
"""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 60
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# Names Windows will not give a file or folder: a slug never is one.
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)]
)
# Letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans(
    {"ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
     "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th", "ð": "d", "ı": "i"}
)  # fmt: skip


def slugify(text: str, fallback: str = "item") -> str:
    """``'s-Hertogenbosch`` -> ``s-hertogenbosch``; empty results give ``fallback``."""
    folded = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    slug = _NOT_ALNUM.sub("-", ascii_text).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[: MAX_SLUG + 1].rsplit("-", 1)[0]
    slug = slug or fallback
    return f"{slug}-" if slug in _RESERVED else slug
