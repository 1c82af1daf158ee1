"""Wire text -> Markdown that renders back to exactly the same characters.

Promise: for any plain text, ``paragraph_to_markdown`` gives Markdown that a
CommonMark renderer turns into one paragraph showing the text unchanged (once
cleaned by ``generator.text.clean.clean_line``). Wire text is data, never
markup: every character that could start emphasis, a link, raw HTML, an
entity or a block (heading, list, quote, rule) is backslash-escaped; nothing
else is, so the files stay readable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markdown_it import MarkdownIt

from generator.text.clean import clean_line

# The one renderer of the project: CommonMark, raw HTML off (it shows as text).
RENDERER = MarkdownIt("commonmark", {"html": False})

# Characters that mean something anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]<>&~|])")
# Characters that mean something at the start of a line.
_BLOCK_START = re.compile(r"^([#>+\-=])")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])")


def paragraph_to_markdown(text: str) -> str:
    """One paragraph of wire text as one line of Markdown."""
    escaped = _INLINE.sub(r"\\\1", clean_line(text))
    escaped = _BLOCK_START.sub(r"\\\1", escaped)
    return _ORDERED_START.sub(r"\1\\\2", escaped)


HEADING = "## "
_TRAILING_HASHES = re.compile(r"(?<!\\)#+$")


def paragraphs_to_markdown(paragraphs: list[str], headings: Iterable[int] = ()) -> str:
    """Paragraphs separated by blank lines, ending with a newline; the ones at
    the positions in ``headings`` as level-2 headings (a story's subheads)."""
    marked = set(headings)
    blocks = []
    for position, paragraph in enumerate(paragraphs):
        block = paragraph_to_markdown(paragraph)
        if block and position in marked:
            # A heading's trailing #s would be read as its closing sequence.
            block = _TRAILING_HASHES.sub(lambda found: "\\#" * len(found.group(0)), block)
            blocks.append(HEADING + block)
        elif block:
            blocks.append(block)
    return "\n\n".join(blocks) + "\n" if blocks else ""


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def markdown_to_paragraphs(markdown: str) -> tuple[list[str], tuple[int, ...]]:
    """The inverse of ``paragraphs_to_markdown``: the paragraphs back, exactly,
    and the positions of the headings among them."""
    blocks = [block for block in markdown.strip("\n").split("\n\n") if block]
    headings = tuple(i for i, block in enumerate(blocks) if block.startswith(HEADING))
    texts = (block.removeprefix(HEADING) for block in blocks)
    return [_ESCAPED.sub(r"\1", text) for text in texts], headings


def markdown_to_html(markdown: str) -> str:
    """Render a content file's body as the site shows it."""
    return str(RENDERER.render(markdown))
