"""One content file per item: its front matter, its place, and the hand-edit check.

Promises: ``render`` is deterministic (the same item gives the same bytes);
``read_item`` reads back exactly the item that was rendered, so a content
file is the archive's record of its story; every file records a digest of its
own text, so ``is_hand_edited`` can tell a file the tool wrote from one a
person has changed since, and ``recorded_digest`` whether the tool would now
write anything other than what it wrote before that change.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict
from dataclasses import fields as dataclass_fields
from datetime import datetime
from pathlib import Path
from typing import Any

from generator.addresses import local_day, story_file
from generator.content.frontmatter import FENCE, join, split
from generator.content.markdown import markdown_to_paragraphs, paragraphs_to_markdown
from generator.content.record import read_story
from generator.model import Place, Story, WireItem
from generator.text.clean import clean_line

DIGEST_KEY = "digest"
_DIGEST_LINE = re.compile(rf"^{DIGEST_KEY}: (sha256:[0-9a-f]{{32}})\n", re.MULTILINE)


def front_matter(item: WireItem, slug: str) -> dict[str, Any]:
    """The front-matter keys, in the order a reader of the file expects them."""
    metadata: dict[str, Any] = {
        "title": clean_line(item.title),
        "date": item.date.isoformat(),
        "category": clean_line(item.section),
        "city": item.city,
        "cities": list(item.cities) or None,
        "place": _place(item.place),
        "agency": item.agency,
        "slug": slug,
        "summary": clean_line(item.summary),
        "id": item.id,
        "kind": item.kind,
        "date_precision": str(item.date_precision),
        "date_source": item.date_source,
        "captured_at": _iso(item.captured_at),
        "modified": _iso(item.modified),
        "embargo": _iso(item.embargo),
        "version": item.version if item.version > 1 else None,
        "replaces": item.replaces,
        "sources": list(item.sources) or None,
        "guid": item.guid,
        "byline": item.byline,
        "genre": item.genre,
        "keywords": list(item.keywords) or None,
        "language": item.language,
        "wire_format": item.wire_format,
    }
    return {key: value for key, value in metadata.items() if value is not None}


def _place(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {key: value for key, value in asdict(place).items() if value is not None}


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def read_item(text: str, path: str = "<text>") -> WireItem:
    """The item a content file records (``record.read_story`` and the body's
    paragraphs); ``ContentError`` if it is not one of ours."""
    metadata, body = split(text, path=path)
    story = read_story(metadata, path)
    paragraphs, headings = markdown_to_paragraphs(body)
    fields = {field.name: getattr(story, field.name) for field in dataclass_fields(Story)}
    return WireItem(**fields, paragraphs=paragraphs, headings=headings)


def render(item: WireItem, slug: str) -> str:
    """The file's whole text, digest included.

    The digest line is the last of the front matter: the text without it is
    exactly what was hashed, so ``is_hand_edited`` can check it by removing it.
    """
    body = paragraphs_to_markdown(item.paragraphs, item.headings)
    unsigned = join(front_matter(item, slug), body)
    fence_end = unsigned.index(f"\n{FENCE}\n", len(FENCE)) + 1
    digest_line = f"{DIGEST_KEY}: {_digest(unsigned)}\n"
    return unsigned[:fence_end] + digest_line + unsigned[fence_end:]


def _digest(unsigned_text: str) -> str:
    return "sha256:" + hashlib.sha256(unsigned_text.encode("utf-8")).hexdigest()[:32]


def is_hand_edited(text: str) -> bool:
    """True when the file no longer matches the digest the tool wrote into it.

    The digest line is the last of the front matter; taking it out gives back
    exactly the text that was hashed, so any other change shows.
    """
    match = _DIGEST_LINE.search(text)
    if match is None:
        return True
    unsigned = text[: match.start()] + text[match.end() :]
    return match.group(1) != _digest(unsigned)


def recorded_digest(text: str) -> str | None:
    """The digest a file records: that of the text the tool last wrote to it.
    Equal digests mean the tool would write now exactly what it wrote then."""
    match = _DIGEST_LINE.search(text)
    return match.group(1) if match else None


def relative_path(item: WireItem, slug: str) -> Path:
    """``YYYY/MM/DD/slug.md``: files sorted as the archive is, by local day."""
    return Path(story_file(local_day(item.date), slug))
