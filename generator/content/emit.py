"""Content files, writing: front matter as block YAML, fast.

Promise: ``emit`` gives, for the values front matter holds (strings, whole
numbers, plain decimals, booleans, None, lists of such, mappings of such), the
very bytes PyYAML's safe dumper gives with our options, and ``None`` for
anything it is not sure of, which then goes to PyYAML (the tests compare the
two on generated documents). PyYAML's representer costs ~0.2 ms a story, the
largest part of an import after parsing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

# A scalar PyYAML would write plain, if it does not also hold ": " or " #": it
# starts with a letter or a slash, holds only printable characters (no line breaks, no
# tabs) and ends in neither a space nor a colon.
_UNPRINTABLE = r"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff\U00010000-\U0010ffff"
_PLAIN = re.compile(rf"(?:[^\W\d_{_UNPRINTABLE}]|/)(?:[^{_UNPRINTABLE}]*[^\s:{_UNPRINTABLE}])?")
# Words PyYAML reads as booleans or null (and single letters, to be safe).
_NOT_STRINGS = re.compile(
    r"(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    r"|null|Null|NULL|y|Y|n|N)"
)
# ISO 8601 dates and times: PyYAML reads them as timestamps, so it quotes them.
_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\d(?:T\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:\d\d|Z)?)?")
_KEY = re.compile(r"[a-z_][a-z0-9_]*")


class _UnsureError(Exception):
    """A value this module does not write: PyYAML does."""


def emit(metadata: Mapping[str, Any]) -> str | None:
    if not metadata:
        return None  # "{}": a flow mapping
    try:
        return "".join(_entries(metadata, ""))
    except _UnsureError:
        return None


def _entries(mapping: Mapping[str, Any], indent: str) -> list[str]:
    lines = []
    for key, value in mapping.items():
        if not isinstance(key, str) or not _KEY.fullmatch(key) or _NOT_STRINGS.fullmatch(key):
            raise _UnsureError
        lines += _entry(f"{indent}{key}:", value, indent)
    return lines


def _entry(head: str, value: Any, indent: str) -> list[str]:
    if isinstance(value, Mapping):
        if not value:
            return [f"{head} {{}}\n"]
        return [f"{head}\n", *_entries(value, indent + "  ")]
    if isinstance(value, list):
        if not value:
            return [f"{head} []\n"]
        return [f"{head}\n"] + [f"{indent}- {_scalar(item)}\n" for item in value]
    return [f"{head} {_scalar(value)}\n"]


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        if not math.isfinite(value) or "e" in text or "." not in text:
            raise _UnsureError
        return text
    if isinstance(value, str):
        return _string(value)
    raise _UnsureError


def _string(text: str) -> str:
    if _TIMESTAMP.fullmatch(text):
        return f"'{text}'"
    if not _PLAIN.fullmatch(text) or _NOT_STRINGS.fullmatch(text):
        raise _UnsureError
    if ": " in text or " #" in text:  # an indicator: PyYAML quotes the whole
        return "'" + text.replace("'", "''") + "'"
    return text
