"""Slugs: the URL-safe name of a story, section or city.

Promise: a slug is lowercase ASCII letters, digits and single hyphens (and a
trailing hyphen after a name Windows reserves, ``con`` -> ``con-``), never
empty, at most ``MAX_SLUG`` characters, cut at a word boundary: no slug can
climb out of its folder (``..``), name another folder (``/``, a backslash) or a
device. Accents are folded (``Oekraïne`` -> ``oekraine``) so a URL reads
like its title. ``name_slug`` also transliterates letters of other scripts
(``Москва`` -> ``moskva``, ``北京`` -> ``bei-jing``), so names of places and
sections in any script read as words in their URLs; for Latin names it gives
what ``slugify`` gives.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

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


def name_slug(text: str, fallback: str = "item") -> str:
    """``Москва`` -> ``moskva``, ``Αθήνα`` -> ``athena``; ``Den Haag`` -> ``den-haag``."""
    if not text.isascii():
        text = "".join(_ascii_form(char) for char in unicodedata.normalize("NFC", text))
    return slugify(text, fallback)


@lru_cache(maxsize=4096)
def _ascii_form(char: str) -> str:
    """A letter or digit that folding would drop, transliterated (Unidecode's
    table); anything else as it is, for ``slugify`` to fold or drop as always,
    so Latin names keep the slugs they had."""
    if char.isascii() or not char.isalnum() or char in _FOLDED_LETTERS:
        return char
    if unicodedata.normalize("NFKD", char).encode("ascii", "ignore"):
        return char
    return str(unidecode(char))


_FOLDED_LETTERS = frozenset(chr(code) for code in _LETTERS)
