"""Story bodies in markup (HTML, XHTML, NITF ``body.content``) or plain text ->
paragraphs and subheads.

Promises: the text of every paragraph comes out as plain text with white
space folded (markup is dropped, never passed on); subheads (``<hl2>``,
``<h2>``-``<h6>``, a paragraph that is all bold) are marked as headings;
empty paragraphs, scripts, styles and media are dropped; desk footers such as
``(redactie: ...)`` are set aside, not shown as text; a fully letter-spaced
notice is closed up (``N i e u w bericht`` -> ``Nieuw bericht``); in a
plain-text body, inline markup that arrived escaped as text (``<b>...</b>``
as characters, Belga) loses its tags, its text kept. Words
never glue across elements that the source shows apart (paragraphs, cells,
line breaks, blocks inside inline markup); comments, processing instructions
and CDATA in HTML are ignored; HTML nested deeper than libxml2 reads (253
levels in a body) is the file's ``ParseError``, never a story silently
without text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import html as lxml_html

from generator.errors import ParseError
from generator.formats.xml import Element, local
from generator.text.clean import clean_line, without_surrogates
from generator.text.updates import unspace

_BLOCKS = frozenset("p hl1 hl2 h1 h2 h3 h4 h5 h6 li pre blockquote dt dd tr caption".split())
_HEADINGS = frozenset("hl2 h2 h3 h4 h5 h6".split())
_BLOCKS = _BLOCKS | {"address", "summary", "legend", "figcaption"}
_CONTAINERS = frozenset(
    """body body.content section div article ul ol dl table tbody thead tfoot block header
    footer main aside nav hgroup details fieldset form center menu dir""".split()
)
# Elements the source shows apart from what surrounds them: their text is a
# word of its own also where it ends up inside a paragraph (``<td>``, ``<br>``).
_SEPARATE = _BLOCKS | _CONTAINERS | {"br", "hr", "td", "th", "tr", "li", "dt", "dd"}
_SKIPPED = frozenset(
    "script style media img figure object embed iframe head title noscript".split()
)
_BOLD = frozenset("b strong".split())
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Inline markup in a plain-text body, escaped by the sender: a pair of tags
# around text without tags (nested pairs go one level per pass).
_INLINE_TAGS = "b|i|u|s|em|strong|sup|sub|span|a|font|small|big|mark|cite|q"
_ESCAPED_PAIR = re.compile(
    rf"<(?P<tag>{_INLINE_TAGS})(?:\s[^<>]*)?>(?P<text>[^<>]*)</(?P=tag)\s*>", re.IGNORECASE
)
_ESCAPED_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_MAX_TAG_DEPTH = 8
_FOOTER = re.compile(r"^\((?:redactie|red\.|eindredactie)\b.*\)$", re.IGNORECASE)


@dataclass
class Body:
    paragraphs: list[str] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)
    footers: list[str] = field(default_factory=list)

    def add(self, raw: str, *, heading: bool = False) -> None:
        text = clean_line(unspace(raw) if _is_letter_spaced(raw) else raw)
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


def body_from_html(markup: str, *, path: str) -> Body:
    """Paragraphs and subheads of an HTML fragment (lxml's HTML parser: no network).
    ``ParseError`` naming ``path`` when libxml2 gives up (nesting, a huge text)."""
    # lxml refuses NUL and other control characters, and cannot encode a lone surrogate.
    markup = without_surrogates(_CONTROL.sub("", markup))
    if not markup.strip():
        return Body()
    parser = lxml_html.HTMLParser()
    root = lxml_html.fragment_fromstring(markup, create_parent="div", parser=parser)
    fatal = next((e for e in parser.error_log if e.level_name == "FATAL"), None)
    if fatal is not None:
        # libxml2 stops at such an error and keeps what it had: often nothing.
        raise ParseError(
            expected="HTML that the parser reads to the end (at most 253 levels deep)",
            found=str(fatal.message),
            path=path,
        )
    return body_from_element(root)


def body_from_text(text: str) -> Body:
    """One paragraph per non-empty line; inline markup that arrived escaped as
    text (Belga: ``&lt;b&gt;Van Geel&lt;/b&gt;``) loses its tags."""
    body = Body()
    for line in text.splitlines():
        body.add(_without_escaped_tags(line))
    return body


def _without_escaped_tags(line: str) -> str:
    """``Steven <b>Van Geel</b> gaf`` -> ``Steven Van Geel gaf``: only inline
    tags that open and close in the line (and ``<br>``) are markup; any other
    ``<`` (``a <b> tag``, ``x < y``) is the text's own."""
    if "<" not in line:
        return line
    for _ in range(_MAX_TAG_DEPTH):
        stripped = _ESCAPED_PAIR.sub(r"\g<text>", line)
        if stripped == line:
            break
        line = stripped
    return _ESCAPED_BREAK.sub(" ", line)


def _walk(element: Element, body: Body, skip: frozenset[str]) -> None:
    name = local(element)
    if name in _SKIPPED or name in skip:
        return
    if name in _BLOCKS and not _has_blocks(element):
        body.add(inline_text(element, skip), heading=name in _HEADINGS or _is_all_bold(element))
        return
    # A container: runs of loose text and inline markup between blocks are paragraphs.
    run = [element.text or ""]
    for child in element:
        if _is_block(child):
            body.add("".join(run))
            _walk(child, body, skip)
            run = []
        elif _is_text_element(child, skip):
            run.append(_spaced(child, skip))
        run.append(child.tail or "")  # also after a comment or processing instruction
    body.add("".join(run))


def _is_block(element: Element) -> bool:
    name = local(element)
    return name in _BLOCKS or name in _CONTAINERS or name in _SKIPPED


def _has_blocks(element: Element) -> bool:
    return any(local(child) in _BLOCKS | _CONTAINERS for child in element)


def _is_text_element(element: Element, skip: frozenset[str]) -> bool:
    """An element whose text counts: no comment, processing instruction, script or media."""
    name = local(element)  # '' for comments and processing instructions
    return bool(name) and name not in _SKIPPED and name not in skip


def inline_text(
    element: Element, skip: frozenset[str] = frozenset(), *, apart: bool = False
) -> str:
    """All text inside ``element``, a space where the source shows elements apart
    (``<br>``, cells, blocks inside inline markup; with ``apart``, every element,
    as in metadata such as a byline), comments and media left out."""
    parts = [element.text or ""]
    for child in element:
        if _is_text_element(child, skip):
            parts.append(_spaced(child, skip, apart=apart))
        parts.append(child.tail or "")
    return "".join(parts)


def _spaced(element: Element, skip: frozenset[str], *, apart: bool = False) -> str:
    text = inline_text(element, skip, apart=apart)
    return f" {text} " if apart or local(element) in _SEPARATE else text


def _is_all_bold(element: Element) -> bool:
    """``<p><b>Subkop</b></p>``: a subhead written as a bold paragraph."""
    kids = [child for child in element if local(child) not in ("", "br")]
    if len(kids) != 1 or local(kids[0]) not in _BOLD:
        return False
    loose = (element.text or "") + "".join(child.tail or "" for child in element)
    return not loose.strip() and bool(inline_text(kids[0]).strip())
