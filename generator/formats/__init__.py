"""Input formats: each module reads one kind of raw wire file into ``WireItem``s.

``detect`` picks the parser for a file; a format registers itself by adding a
``WireFormat`` to ``FORMATS``. Everything downstream sees only ``WireItem``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from generator.formats import webpage
from generator.model import WireItem


@dataclass(frozen=True)
class Source:
    """One raw file and what the importer knows about it from outside."""

    path: Path
    text: str
    captured_at: datetime | None
    section: str | None
    name: str  # the path as shown to the user and recorded in front matter


@dataclass(frozen=True)
class WireFormat:
    name: str
    suffixes: tuple[str, ...]
    parse: Callable[[Source], list[WireItem]]


def _parse_webpage(source: Source) -> list[WireItem]:
    return webpage.parse(
        source.text, path=source.name, captured_at=source.captured_at, section=source.section
    )


FORMATS: tuple[WireFormat, ...] = (WireFormat("webpage", (".txt",), _parse_webpage),)


def detect(path: Path) -> WireFormat | None:
    """The format a wire file is in, or ``None`` when it is no wire file we read."""
    suffix = path.suffix.lower()
    return next((fmt for fmt in FORMATS if suffix in fmt.suffixes), None)
