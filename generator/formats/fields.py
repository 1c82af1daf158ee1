"""Reading JSON fields whose types a file may get wrong.

Promise: these helpers never raise: a field of an unexpected type reads as
missing (``as_text``), as a one-item list (``as_list``) or as an empty mapping
(``as_mapping``), so a sloppy or hostile file gives a story without that
field, or the reader's own clear error about what is missing.
"""

from __future__ import annotations

from typing import Any


def as_text(value: Any) -> str | None:
    """Text as text, a number as its digits, anything else as missing."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def as_mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def version_number(value: Any) -> int | None:
    """A version or revision as a positive whole number: ``"2"`` or ``2``; else missing."""
    text = as_text(value)
    return int(text) if text and text.isdigit() and int(text) > 0 else None
