"""Site build, reading: one story file, parsed and checked.

Stage: the reading boundary of the site build; ``read_cache`` runs it on
every core and keeps what it gives.

Promise: no story costs more than its bounded share: a body over
``MAX_BODY_CHARS`` or front matter over ``MAX_FRONT_MATTER_CHARS`` is the
file's ``ContentError`` (a file too large to be within them is not even
read), and front matter values are cleaned and bounded (``story_fields``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from generator.content.frontmatter import split
from generator.content.markdown import markdown_to_html
from generator.errors import ContentError
from generator.site.story_fields import clean_front_matter

# Rendering costs up to ~30 µs a character of dense markup (a line of
# ``[``); a real story's body is under 100,000 characters. One million
# characters (a page of a few MB) is the ceiling, as for the converter.
MAX_BODY_CHARS = 1_000_000
# The converter writes a few thousand characters of front matter.
MAX_FRONT_MATTER_CHARS = 500_000
# UTF-8 takes at most 4 bytes a character: a larger file breaks a limit.
MAX_FILE_BYTES = 4 * (MAX_BODY_CHARS + MAX_FRONT_MATTER_CHARS)
Parsed = tuple[str, dict[str, Any], str]  # HTML, front matter, digest of the file


def parse(path: str) -> Parsed:
    """The reader's work on one file; raises ``ContentError`` for a broken one."""
    size = Path(path).stat().st_size
    _check_size(size, MAX_FILE_BYTES, "a story file", "bytes", path)
    data = Path(path).read_bytes()
    text = data.decode("utf-8")
    body_start = text.find("\n---\n", 3)  # where split() will find the body
    _check_size(body_start, MAX_FRONT_MATTER_CHARS, "front matter", "characters", path)
    metadata, body = split(text, path=path)
    _check_size(len(body), MAX_BODY_CHARS, "a story body", "characters", path)
    source = hashlib.blake2b(data, digest_size=12).hexdigest()
    return markdown_to_html(body), clean_front_matter(metadata, path), source


def _check_size(size: int, limit: int, what: str, unit: str, path: str) -> None:
    if size > limit:
        raise ContentError(
            f"expected {what} of at most {limit:,} {unit}, found {size:,}", path=path
        )
