"""Input formats: each module reads one kind of raw wire file into ``WireItem``s.

``is_wire_file`` says which files to look at (by name); ``read_items`` says
what a file is by its content, not by its extension: JSON that is ninjs or
ANP's news API, XML (an XML declaration, or the root of NITF, NewsML-G2 or
NewsML 1.2; any markup in a ``.xml`` file), and text, which is a copied web
page. Everything downstream sees only ``WireItem``.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from generator.errors import InputError, NotAStoryError, ParseError
from generator.formats import webpage
from generator.formats.anp_json import anp_items, read_anp_json
from generator.formats.newsml12 import read_newsml12
from generator.formats.newsml_g2 import is_g2, read_g2
from generator.formats.ninjs import looks_like_ninjs, ninjs_version, read_ninjs
from generator.formats.nitf import read_nitf
from generator.formats.xml import local, parse_xml
from generator.model import WireItem

WIRE_SUFFIXES = frozenset({".txt", ".json", ".xml", ".nitf", ".newsml", ".ninjs", ".g2", ""})
# Files that travel with a pile but hold no wire item.
_NOT_WIRE = ("license", "licence", "readme", "copying", "notice", "changelog", "authors")


@dataclass(frozen=True)
class Source:
    """One raw file and what the importer knows about it from outside."""

    path: Path
    data: bytes
    captured_at: datetime | None
    section: str | None
    name: str  # the path as shown to the user and recorded in front matter

    def text(self) -> str:
        """The file as text: UTF-16 with a byte-order mark, UTF-8 (with or without
        one), else Windows-1252 (which reads Latin-1 text the same); a file with NUL
        bytes is no text (a binary file, or UTF-16 without a byte-order mark)."""
        if self.data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            try:
                return self.data.decode("utf-16")
            except UnicodeDecodeError as error:
                raise InputError(
                    f"expected UTF-16 text after its byte-order mark, found {error.reason} "
                    f"at offset {error.start}",
                    path=self.name,
                ) from error
        if b"\x00" in self.data:
            offset = self.data.index(b"\x00")
            raise InputError(
                f"expected text, found a NUL byte at offset {offset} (a binary file?)",
                path=self.name,
            )
        try:
            return self.data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
        try:
            return self.data.decode("cp1252")
        except UnicodeDecodeError:
            return self.data.decode("latin-1")


def is_wire_file(path: Path) -> bool:
    """Worth opening: a wire extension (or none), and no licence or read-me."""
    stem = path.name.lower()
    return path.suffix.lower() in WIRE_SUFFIXES and not stem.startswith(_NOT_WIRE)


def read_items(source: Source) -> tuple[str, list[WireItem]]:
    """The format of ``source``, by content, and its items."""
    start = source.data.lstrip(codecs.BOM_UTF8 + b" \t\r\n")
    if start[:1] in (b"{", b"["):
        return _read_json(source)
    if _looks_like_xml(start, source.path):
        return _read_xml(source)
    items = webpage.parse(
        source.text(), path=source.name, captured_at=source.captured_at, section=source.section
    )
    return "webpage", items


_XML_ROOT = re.compile(
    rb"<(?:\?xml|!DOCTYPE|(?:[\w.-]+:)?(?:nitf|NewsML|newsItem|newsMessage|packageItem|conceptItem"
    rb"|knowledgeItem|planningItem|contentSet|contentMeta|itemMeta)\b)"
)
XML_SUFFIXES = frozenset({".xml", ".nitf", ".newsml", ".g2"})


def _looks_like_xml(start: bytes, path: Path) -> bool:
    """An XML declaration or a news format's root, or any markup in an XML file.
    A copied page whose headline happens to open with ``<`` stays a page."""
    if not start.startswith(b"<"):
        return False
    return path.suffix.lower() in XML_SUFFIXES or bool(_XML_ROOT.match(start))


def _read_json(source: Source) -> tuple[str, list[WireItem]]:
    try:
        document: Any = json.loads(source.text())
    except json.JSONDecodeError as error:
        raise ParseError(
            expected="valid JSON", found=error.msg, path=source.name, line=error.lineno
        ) from error
    if anp_items(document) is not None:
        return "anp-json", read_anp_json(document, source.name)
    if looks_like_ninjs(document):
        return f"ninjs-{ninjs_version(document).split('.')[0]}", read_ninjs(document, source.name)
    raise NotAStoryError("JSON that is neither ninjs nor ANP's news API", path=source.name)


def _read_xml(source: Source) -> tuple[str, list[WireItem]]:
    root = parse_xml(source.data, source.name)
    name = local(root)
    if name == "nitf":
        return "nitf", read_nitf(root, source.name)
    if name == "NewsML":
        return "newsml-1.2", read_newsml12(root, source.name)
    if is_g2(root):
        return "newsml-g2", read_g2(root, source.name)
    raise NotAStoryError(
        f"XML with root <{name}>, which is no news format wire-archive reads", path=source.name
    )
