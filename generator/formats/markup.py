"""Story bodies in markup (HTML, XHTML, NITF ``body.content``) or plain text ->
paragraphs and subheads.

Promises: the text of every paragraph comes out as plain text with white
space folded (markup is dropped, never passed on); subheads (``<hl2>``,
``<h2>``-``<h6>``, a paragraph that is all bold) are marked as headings;
empty paragraphs, scripts, styles and media are dropped; desk footers such as
``(redactie: ...)`` are set aside, not shown as text; a fully letter-spaced
notice is closed up (``N i e u w bericht`` -> ``Nieuw bericht``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import html as lxml_html

from generator.content.markdown import clean_text
from generator.formats.xml import Element, local
from generator.text.updates import unspace

_BLOCKS = frozenset("p hl1 hl2 h1 h2 h3 h4 h5 h6 li pre blockquote dt dd tr caption".split())
_HEADINGS = frozenset("hl2 h2 h3 h4 h5 h6".split())
_CONTAINERS = frozenset(
    "body body.content section div article ul ol dl table tbody thead block".split()
)
_SKIPPED = frozenset(
    "script style media img figure object embed iframe head title noscript".split()
)
_BOLD = frozenset("b strong".split())
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FOOTER = re.compile(r"^\((?:redactie|red\.|eindredactie)\b.*\)$", re.IGNORECASE)


@dataclass
class Body:
    paragraphs: list[str] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)
    footers: list[str] = field(default_factory=list)

    def add(self, raw: str, *, heading: bool = False) -> None:
        text = clean_text(unspace(raw) if _is_letter_spaced(raw) else raw)
        if not text:
            return
        if _FOOTER.match(text):
            self.footers.append(text)
            return
        if heading:
            self.headings.append(len(self.paragraphs))
        self.paragraphs.append(text)


def _is_letter_spaced(text: str) -> bool:
    words = text.split()
    return len(words) >= 4 and sum(len(word) == 1 for word in words) >= 0.6 * len(words)


def body_from_element(element: Element, *, skip: frozenset[str] = frozenset()) -> Body:
    """Paragraphs and subheads of a body element (any namespace)."""
    body = Body()
    _walk(element, body, skip)
    return body


def body_from_html(markup: str) -> Body:
    """Paragraphs and subheads of an HTML fragment (lxml's HTML parser: no network)."""
    markup = _CONTROL.sub("", markup)  # lxml refuses NUL and other control characters
    if not markup.strip():
        return Body()
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    return body_from_element(root)


def body_from_text(text: str) -> Body:
    """One paragraph per non-empty line."""
    body = Body()
    for line in text.splitlines():
        body.add(line)
    return body


def _walk(element: Element, body: Body, skip: frozenset[str]) -> None:
    name = local(element)
    if name in _SKIPPED or name in skip:
        return
    if name in _BLOCKS and not _has_blocks(element):
        body.add(_text_with_breaks(element), heading=name in _HEADINGS or _is_all_bold(element))
        return
    # A container: runs of loose text and inline markup between blocks are paragraphs.
    run = [element.text or ""]
    for child in element:
        if _is_block(child):
            body.add("".join(run))
            _walk(child, body, skip)
            run = []
        elif local(child) not in _SKIPPED:
            run.append(" " if local(child) == "br" else "".join(child.itertext()))
        run.append(child.tail or "")
    body.add("".join(run))


def _is_block(element: Element) -> bool:
    name = local(element)
    return name in _BLOCKS or name in _CONTAINERS or name in _SKIPPED


def _has_blocks(element: Element) -> bool:
    return any(local(child) in _BLOCKS | _CONTAINERS for child in element)


def _text_with_breaks(element: Element) -> str:
    # <br> separates words that the source shows on separate lines.
    parts = [element.text or ""]
    for child in element:
        if local(child) not in _SKIPPED:
            parts.append(" " if local(child) == "br" else "".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts)


def _is_all_bold(element: Element) -> bool:
    """``<p><b>Subkop</b></p>``: a subhead written as a bold paragraph."""
    kids = [child for child in element if local(child) != "br"]
    if len(kids) != 1 or local(kids[0]) not in _BOLD:
        return False
    loose = (element.text or "") + (kids[0].tail or "")
    return not loose.strip() and bool("".join(kids[0].itertext()).strip())
