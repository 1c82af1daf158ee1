"""Cleaning and bounding every field of an item, in one place, before it leaves a reader.

Stage: reading. Every format's reader hands its ``WireItem`` through
``clean_item`` (structured formats via ``generator.formats.story.build_item``,
copied web pages via ``generator.formats.webpage``).

Promises:

- every text field (headline, summary, paragraphs, byline, city, agency,
  section, genre, keywords, replaced headline, guid, date source, sources) is
  plain text on one line: control characters (C0, DEL, C1) and other
  non-characters are dropped or folded into a space, and a lone surrogate
  (which a JSON ``"\\ud800"`` gives and which no UTF-8 file can hold) becomes
  U+FFFD, so writing the item can never fail;
- ``language`` is a well-formed BCP 47 tag (``nl``, ``nl-NL``, ``en-GB``,
  ``sr-Latn-RS``) or is dropped with a warning on stderr; it is never passed on;
- dates lie in the years ``EARLIEST_YEAR`` to ``LATEST_YEAR``: a later or
  earlier main date is the file's ``ParseError`` naming the field (a reader
  that has another date uses that one first, see ``story.first_date``); a
  ``modified`` outside the range is dropped (the item keeps its own date);
- every size is bounded by a named constant below, and a breach is the file's
  ``ParseError`` naming the field and its size: no wire file, however large,
  becomes a multi-megabyte page or a hundred thousand stories.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import replace
from datetime import datetime

from generator.errors import ParseError
from generator.model import DEFAULT_SECTION, WireItem

# Real wire headlines stay under 150 characters; 500 leaves room for the
# longest English headline with a kicker, and refuses a body pasted as title.
MAX_HEADLINE = 500
# A lead is one paragraph, typically 200-400 characters. But a plain-text body
# without line breaks arrives as one paragraph, and a real wire story is under
# 20,000 characters: so 20,000 refuses no real story, only a body of a
# different kind (a document, a dump) pasted into one paragraph.
MAX_LEAD = 20_000
# A real wire story is under 20,000 characters; a long report with tables
# under 100,000. One million characters (a page of a few MB) is the ceiling.
MAX_BODY = 1_000_000
# A long story has 50-100 paragraphs; 5,000 is a document, not a story.
MAX_PARAGRAPHS = 5_000
# Byline, city, agency, section, genre, one keyword: a name or a few names.
MAX_NAME = 300
# Wire items carry 0-30 keywords; more is a keyword dump, not metadata.
MAX_KEYWORDS = 200
# A provider's id (``urn:newsml:...``, a URL) is under 200 characters.
MAX_IDENTIFIER = 1_000
# A listing (ANP JSON) or a copied page with teasers: a real page lists 10-50
# teasers; at most 1,000 items per file keeps a 19 MB listing from becoming
# 100,000 stories.
MAX_ITEMS_PER_FILE = 1_000
# Dates: the archive's range. Outside it, a date is a typo or a placeholder
# (``0001-01-01``, ``9999-12-31``) and converting it to Amsterdam time or
# adding an offset would overflow Python's datetime.
EARLIEST_YEAR = 1850
LATEST_YEAR = 2199

_LOG = logging.getLogger(__name__)
# BCP 47, the parts a news item uses: language, script, region, variants,
# extensions and private use (``nl``, ``nl-NL``, ``sr-Latn-RS``, ``de-CH-1996``).
_LANGUAGE_TAG = re.compile(
    r"(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"  # language (and extlang)
    r"(?:-[A-Za-z]{4})?"  # script
    r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"  # region
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"  # variants
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"  # extensions
    r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?",  # private use
)
_LANGUAGE_MAX = 35  # RFC 5646 section 4.4.1: room for every tag in use


def clean_line(text: str | None) -> str:
    """``text`` as one line of plain text: controls dropped, lone surrogates
    U+FFFD, white space folded ('' for ``None``)."""
    if not text:
        return ""
    if not text.isprintable():  # rare: only then look at each character
        text = "".join(_printable(character) for character in text)
    return " ".join(text.split())


def _printable(character: str) -> str:
    if character.isspace():
        return character
    category = unicodedata.category(character)
    if category == "Cs":
        return "\ufffd"  # a lone surrogate: shown as the replacement character
    return "" if category[0] == "C" else character


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate as U+FFFD: encodable as UTF-8 (for lxml)."""
    return _SURROGATE.sub("\ufffd", text)


def clean_name(name: str) -> str:
    """A file name as recorded: spaces kept as they are, other controls dropped,
    lone surrogates (undecodable bytes in a file name) U+FFFD."""
    if name.isprintable():
        return name
    return "".join(" " if c.isspace() else _printable(c) for c in name)


def optional_line(text: str | None) -> str | None:
    """``clean_line``, with ``None`` for nothing left."""
    return clean_line(text) or None


def well_formed_language(value: object) -> str | None:
    """A well-formed BCP 47 tag in its usual casing (``EN-gb`` -> ``en-GB``,
    ``sr-latn-rs`` -> ``sr-Latn-RS``), or ``None`` for anything else: the one
    rule for the converter and for content files read back."""
    tag = clean_line(value) if isinstance(value, str) else ""
    if not tag or len(tag) > _LANGUAGE_MAX or not _LANGUAGE_TAG.fullmatch(tag):
        return None
    parts = tag.split("-")
    cased = [parts[0].lower()]
    extension = False  # after a singleton (``-u-``, ``-x-``) every subtag is lower case
    for part in parts[1:]:
        extension = extension or len(part) == 1
        if not extension and len(part) == 2:
            part = part.upper()  # a region
        elif not extension and len(part) == 4 and part.isalpha():
            part = part.title()  # a script
        else:
            part = part.lower()
        cased.append(part)
    return "-".join(cased)


def language_tag(value: str | None, path: str) -> str | None:
    """``well_formed_language``, with a warning for a tag that is not one."""
    tag = well_formed_language(value)
    if tag is not None or not clean_line(value):
        return tag
    tag = clean_line(value)
    _LOG.warning(
        "Warning: %s: expected a BCP 47 language tag such as 'nl' or 'nl-NL', found %r; "
        "language left out",
        path,
        tag[:60],
    )
    return None


def in_range(moment: datetime) -> bool:
    """Whether ``moment`` lies in the archive's years (no overflow in any time zone)."""
    return EARLIEST_YEAR <= moment.year <= LATEST_YEAR


def check_date(moment: datetime, field: str, path: str) -> datetime:
    if not in_range(moment):
        raise ParseError(
            expected=f"{field} in the years {EARLIEST_YEAR} to {LATEST_YEAR}",
            found=moment.isoformat(),
            path=path,
        )
    return moment


def check_size(
    value: int,
    limit: int,
    what: str,
    path: str,
    *,
    unit: str = "characters",
    line: int | None = None,
) -> None:
    """``ParseError`` when ``value`` exceeds ``limit``: ``what`` names the field."""
    if value > limit:
        raise ParseError(
            expected=f"{what} of at most {limit:,} {unit}",
            found=f"{value:,} {unit}",
            path=path,
            line=line,
        )


def clean_item(item: WireItem) -> WireItem:
    """``item`` with every field cleaned and checked; ``ParseError`` when over a limit."""
    path = item.sources[0] if item.sources else "<item>"
    paragraphs, headings = _clean_paragraphs(item.paragraphs, item.headings)
    cleaned = replace(
        item,
        title=clean_line(item.title),
        paragraphs=paragraphs,
        headings=headings,
        summary=clean_line(item.summary),
        section=clean_line(item.section) or DEFAULT_SECTION,
        city=optional_line(item.city),
        cities=tuple(filter(None, map(clean_line, item.cities))),
        agency=optional_line(item.agency),
        sources=tuple(map(clean_name, item.sources)),
        replaces=optional_line(item.replaces),
        guid=optional_line(item.guid),
        byline=optional_line(item.byline),
        genre=optional_line(item.genre),
        keywords=tuple(dict.fromkeys(filter(None, map(clean_line, item.keywords)))),
        language=language_tag(item.language, path),
        date_source=clean_line(item.date_source),
        date=check_date(item.date, f"the date ({item.date_source})", path),
        modified=item.modified if item.modified and in_range(item.modified) else None,
        # An embargo the archive cannot hold is refused, never dropped: dropped,
        # the story would be published at once.
        embargo=check_date(item.embargo, "the embargo", path) if item.embargo else None,
    )
    _check_sizes(cleaned, path)
    return cleaned


def _clean_paragraphs(
    paragraphs: list[str], headings: tuple[int, ...]
) -> tuple[list[str], tuple[int, ...]]:
    """Cleaned paragraphs without empty ones; heading positions follow."""
    kept: list[str] = []
    positions: list[int] = []
    marked = set(headings)
    for position, paragraph in enumerate(paragraphs):
        text = clean_line(paragraph)
        if text:
            if position in marked:
                positions.append(len(kept))
            kept.append(text)
    return kept, tuple(positions)


def _check_sizes(item: WireItem, path: str) -> None:
    check_size(len(item.title), MAX_HEADLINE, "a headline", path)
    check_size(len(item.replaces or ""), MAX_HEADLINE, "a replaced headline", path)
    check_size(len(item.summary), MAX_LEAD, "a lead", path)
    check_size(len(item.paragraphs), MAX_PARAGRAPHS, "a body", path, unit="paragraphs")
    check_size(sum(map(len, item.paragraphs)), MAX_BODY, "a body", path)
    check_size(len(item.keywords), MAX_KEYWORDS, "a list", path, unit="keywords")
    check_size(len(item.guid or ""), MAX_IDENTIFIER, "an id", path)
    named = {
        "a byline": item.byline,
        "a city": item.city,
        "an agency": item.agency,
        "a section": item.section,
        "a genre": item.genre,
    }
    for what, value in named.items():
        check_size(len(value or ""), MAX_NAME, what, path)
    for keyword in item.keywords:
        check_size(len(keyword), MAX_NAME, "a keyword", path)
