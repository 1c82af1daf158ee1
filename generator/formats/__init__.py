"""Input formats: each module reads one kind of raw wire file into ``WireItem``s.

``is_wire_file`` says which files to look at (by name); ``read_items`` says
what a file is by its content, not by its extension, looking at its first
characters once a byte-order mark (UTF-8, UTF-16 LE or BE) has told how to
read them: JSON that is ninjs or ANP's news API, XML (an XML declaration, or
the root of NITF, NewsML-G2 or NewsML 1.2; any markup in a ``.xml`` file), and
text, which is a copied web page. Everything downstream sees only ``WireItem``.
Promise: a file that is no text (see ``Source.text``) or JSON beyond Python's
limits (numbers of over 4,300 digits, nesting deeper than the recursion limit)
is refused with an error naming the file.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
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
_EXTENSION = re.compile(r"\.[a-z0-9]{1,10}")  # what a file name's extension looks like
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
        one), else Windows-1252 (which reads Latin-1 text the same).

        No text, refused as binary data: a file with NUL bytes (a binary file, or
        UTF-16 without a byte-order mark); a text in which more than one character
        in 20 is a control character (C0 other than tab, line feed, form feed and
        carriage return; DEL; C1), which no wire text has; and a file that is not
        UTF-8 in which fewer than half the characters are ASCII (Dutch in Windows-1252
        is nearly all ASCII; random bytes are mostly not)."""
        text, legacy = self._decoded()
        _refuse_binary(text, self.name, legacy=legacy)
        return text

    def _decoded(self) -> tuple[str, bool]:
        """The text, and whether it was read in a legacy 8-bit encoding."""
        if self.data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            try:
                return self.data.decode("utf-16"), False
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
            return self.data.decode("utf-8-sig"), False
        except UnicodeDecodeError:
            pass
        try:
            return self.data.decode("cp1252"), True
        except UnicodeDecodeError:
            return self.data.decode("latin-1"), True


def is_wire_file(path: Path) -> bool:
    """Worth opening: a wire extension (or none), and no licence or read-me.

    What follows the last dot counts as an extension only when it looks like
    one: Reuters names files by their tag (``tag_reuters.com,0000_newsml_L4N1``),
    whose ``.com,0000_...`` is part of a name, so such a file is looked at and
    recognised by its content like any file without an extension."""
    suffix = path.suffix.lower()
    if not _EXTENSION.fullmatch(suffix):
        suffix = ""
    return suffix in WIRE_SUFFIXES and not path.name.lower().startswith(_NOT_WIRE)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 1 / 20


def _refuse_binary(text: str, name: str, *, legacy: bool) -> None:
    """See ``Source.text``: the rule that tells binary data from text."""
    controls = len(_CONTROL.findall(text)) if _CONTROL.search(text) else 0
    if controls > len(text) * _MAX_CONTROL_SHARE:
        raise InputError(
            f"expected text, found binary data ({controls} of {len(text)} characters "
            "are control characters)",
            path=name,
        )
    if legacy and not text.isascii():
        ascii_count = len(text.encode("ascii", "ignore"))
        if ascii_count < len(text) / 2:
            raise InputError(
                f"expected text, found binary data (neither UTF-8 nor mostly ASCII: "
                f"{len(text) - ascii_count} of {len(text)} bytes are not)",
                path=name,
            )


def read_items(source: Source) -> tuple[str, list[WireItem]]:
    """The format of ``source``, by content, and its items."""
    start = _opening(source.data)
    if start[:1] in ("{", "["):
        return _read_json(source)
    if _looks_like_xml(start, source.path):
        return _read_xml(source)
    items = webpage.parse(
        source.text(), path=source.name, captured_at=source.captured_at, section=source.section
    )
    return "webpage", items


_SNIFF_BYTES = 512
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _opening(data: bytes) -> str:
    """The first characters of the file after its byte-order mark and white
    space, enough to tell its format (any ASCII-compatible text without one)."""
    codec = "latin-1"
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            data, codec = data[len(bom) :], bom_codec
            break
    return data[:_SNIFF_BYTES].decode(codec, "ignore").lstrip(" \t\r\n")


_XML_ROOT = re.compile(
    r"<(?:\?xml|!DOCTYPE|(?:[\w.-]+:)?(?:nitf|NewsML|newsItem|newsMessage|packageItem|conceptItem"
    r"|knowledgeItem|planningItem|contentSet|contentMeta|itemMeta)\b)"
)
XML_SUFFIXES = frozenset({".xml", ".nitf", ".newsml", ".g2"})


def _looks_like_xml(start: str, path: Path) -> bool:
    """An XML declaration or a news format's root, or any markup in an XML file.
    A copied page whose headline happens to open with ``<`` stays a page."""
    if not start.startswith("<"):
        return False
    return path.suffix.lower() in XML_SUFFIXES or bool(_XML_ROOT.match(start))


def _read_json(source: Source) -> tuple[str, list[WireItem]]:
    try:
        document: Any = json.loads(source.text())
    except json.JSONDecodeError as error:
        raise ParseError(
            expected="valid JSON", found=error.msg, path=source.name, line=error.lineno
        ) from error
    except ValueError as error:  # Python's limit on the digits of an integer
        raise InputError(
            f"expected JSON numbers of at most {sys.get_int_max_str_digits()} digits, "
            "found a longer one",
            path=source.name,
        ) from error
    except RecursionError:
        raise InputError(
            "expected JSON nested no deeper than the reader can follow, found deeper nesting",
            path=source.name,
        ) from None
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
