"""Reading JSON fields whose types a file may get wrong.

Promise: these helpers never raise: a field of an unexpected type reads as
missing (``as_text``), as a one-item list (``as_list``) or as an empty mapping
(``as_mapping``), so a sloppy or hostile file gives a story without that
field, or the reader's own clear error about what is missing.
"""

from __future__ import annotations

import re
from typing import Any

# A version is a small whole number: ANP's updates count to about 20, and four
# ASCII digits leave room for any provider's revisions. ``str.isdigit`` would
# also pass ``"²"`` (which ``int`` refuses) and 5,000 digits (over Python's
# conversion limit); this pattern passes neither.
_VERSION = re.compile(r"[0-9]{1,4}")
MAX_VERSION = 9_999
# Numbers read as text: ids are at most 64-bit; a longer integer (over
# Python's 4,300-digit conversion limit, even) is no field of ours.
_MAX_NUMBER_BITS = 128


def as_text(value: Any) -> str | None:
    """Text as text, a number as its digits, anything else as missing."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value) if value.bit_length() <= _MAX_NUMBER_BITS else None
    if isinstance(value, float):
        return str(value)
    return None


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def as_mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def version_number(value: Any) -> int | None:
    """A version or revision as a whole number from 1 to ``MAX_VERSION``:
    ``"2"`` or ``2``; anything else (``"²"``, ``"0"``, 5,000 digits) is missing."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 0 < value <= MAX_VERSION else None
    text = as_text(value)
    if text is None or not _VERSION.fullmatch(text.strip()):
        return None
    number = int(text.strip())
    return number if number > 0 else None
