"""ANP's update markers: how a new version of a story says what it replaces.

Stage: reading (and matching, which folds the marker out of a headline).

Promises: ``split_version`` is the one rule for a version marker: a headline
suffix ``(2)`` to ``(99)`` (ANP numbers a story's updates from 2 up) is the
version, and the headline without it is the story's headline. Anything else
in brackets is part of the headline: ``(1)``, ``(0)``, ``(02)`` or ``(100)``
is no marker ANP writes (its first version carries no suffix), so it is text,
such as the first part of a series (``Zomerserie (1)``). ``replaced_headline``
reads a letter-spaced notice such as ``N i e u w bericht, vervangt: Brand in
haven`` and gives the headline it names. Neither ever mistakes ordinary text
for a marker: a notice must open the paragraph.
"""

from __future__ import annotations

import re

# ASCII digits only: ``\d`` would also take other scripts' digits.
_VERSION = re.compile(r"^(?P<title>.*\S)\s*\((?P<version>[2-9]|[1-9][0-9])\)$")
# Letters separated by single spaces, as the wire letter-spaces a notice.
_SPACED = re.compile(r"\b(?:[^\W\d_] ){2,}[^\W\d_]\b")
_NOTICE = re.compile(r"^nieuw bericht\s*,?\s*vervangt\s*:?\s*(?P<old>\S.*)$", re.IGNORECASE)


def split_version(headline: str) -> tuple[str, int]:
    """``Brand in haven (2)`` -> (``Brand in haven``, 2); other headlines are version 1."""
    match = _VERSION.match(headline)
    if not match:
        return headline, 1
    return match.group("title"), int(match.group("version"))


def unspace(text: str) -> str:
    """``N i e u w bericht`` -> ``Nieuw bericht``: close up letter-spaced words."""
    return _SPACED.sub(lambda match: match.group(0).replace(" ", ""), text)


def replaced_headline(paragraph: str) -> str | None:
    """The headline a ``Nieuw bericht, vervangt:`` notice names, or ``None``."""
    match = _NOTICE.match(unspace(paragraph))
    return match.group("old").strip() if match else None
