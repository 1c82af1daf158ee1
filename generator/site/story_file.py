"""Site build, reading: one story file, parsed and checked.

Stage: the reading boundary of the site build; ``read_cache`` runs it on
every core and keeps what it gives.

Promise: no story costs more than its bounded share: a body over
``MAX_BODY_CHARS`` or front matter over ``MAX_FRONT_MATTER_CHARS`` is the
file's ``ContentError`` (a file too large to be within them is not even
read), and the front matter is read as a typed, cleaned and bounded
``Story`` (``generator.content.record``), with Pelican's ``status``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import NamedTuple

from generator.content.frontmatter import closing_fence, split
from generator.content.markdown import markdown_to_html
from generator.content.record import plain_text, read_story
from generator.errors import ContentError
from generator.model import Story

# Rendering costs up to ~30 µs a character of dense markup (a line of
# ``[``); a real story's body is under 100,000 characters. One million
# characters (a page of a few MB) is the ceiling, as for the converter.
MAX_BODY_CHARS = 1_000_000
# The converter writes a few thousand characters of front matter.
MAX_FRONT_MATTER_CHARS = 500_000
# UTF-8 takes at most 4 bytes a character: a larger file breaks a limit.
MAX_FILE_BYTES = 4 * (MAX_BODY_CHARS + MAX_FRONT_MATTER_CHARS)


class Parsed(NamedTuple):
    """One story file as the reader takes it (and the read cache keeps it)."""

    html: str  # the body, rendered
    story: Story
    digest: str  # of the file's bytes: what incremental builds compare
    status: str | None  # Pelican's ``status`` (``hidden``, ``draft``), when the file sets one


def parse(path: str) -> Parsed:
    """The reader's work on one file; raises ``ContentError`` for a broken one."""
    size = Path(path).stat().st_size
    _check_size(size, MAX_FILE_BYTES, "a story file", "bytes", path)
    data = Path(path).read_bytes()
    text = data.decode("utf-8")
    body_start = closing_fence(text)  # where split() will find the body
    _check_size(body_start, MAX_FRONT_MATTER_CHARS, "front matter", "characters", path)
    metadata, body = split(text, path=path)
    _check_size(len(body), MAX_BODY_CHARS, "a story body", "characters", path)
    source = hashlib.blake2b(data, digest_size=12).hexdigest()
    status = plain_text(metadata.get("status"), "status", path)
    return Parsed(markdown_to_html(body), read_story(metadata, path), source, status or None)


def _check_size(size: int, limit: int, what: str, unit: str, path: str) -> None:
    if size > limit:
        raise ContentError(
            f"expected {what} of at most {limit:,} {unit}, found {size:,}", path=path
        )
