"""NewsML-G2 news items, with or without namespace prefixes.

Fields: ``guid``/``version``, ``itemMeta`` (``itemClass``, ``provider``,
``firstCreated``, ``versionCreated``), ``contentMeta`` (``headline``,
``located``, ``dateline``, ``by``/``creator``, ``subject``, ``genre``,
``slugline``, ``description``, ``language``) and ``contentSet``
(``inlineXML`` with NITF or XHTML, or ``inlineData`` text). Promise: every text
``newsItem`` of a document (also inside a ``newsMessage``) becomes a story;
pictures and video beside text items are skipped; a document without any text
item (a package, pictures, video, a fragment of a document) is refused as
``NotAStoryError`` with the reason. Without ``by`` or ``creator``, the byline
is the NITF body's (name and title kept apart). A provider that names no
agency (BusinessDesk's code ``CL``) gives way to the ``newsMessage`` header's
``sender``. Reuters' one-``<p>`` XHTML
body with a paragraph per indented line becomes those paragraphs.
"""

from __future__ import annotations

import re
from datetime import UTC

from generator.errors import NotAStoryError
from generator.formats.credits import provider_agency
from generator.formats.fields import version_number
from generator.formats.markup import Body, body_from_element, body_from_text, inline_text
from generator.formats.nitf import nitf_body, nitf_byline
from generator.formats.sections import section_from_subjects
from generator.formats.story import Fields, build_item, first_date, parse_date, text_items
from generator.formats.xml import (
    Element,
    attribute,
    child,
    children,
    descendants,
    first,
    local,
    text,
)
from generator.model import WireItem

G2_ROOTS = frozenset(
    {"newsItem", "newsMessage", "packageItem", "conceptItem", "knowledgeItem", "planningItem"}
)
_INDENTED = re.compile(r"\n {3,}\S")
_WRAPPING_P = re.compile(r"^\s*<p>|</p>\s*$", re.IGNORECASE)
_FRAGMENTS = frozenset({"contentSet", "contentMeta", "itemMeta", "inlineXML", "located", "assert"})


def is_g2(root: Element) -> bool:
    return local(root) in G2_ROOTS or local(root) in _FRAGMENTS


def read_g2(root: Element, path: str) -> list[WireItem]:
    name = local(root)
    if name in _FRAGMENTS:
        raise NotAStoryError(
            f"a fragment of a NewsML-G2 document (<{name}>), without item metadata", path=path
        )
    if name == "packageItem":
        raise NotAStoryError(
            "a NewsML-G2 package (it lists other items, it holds no text)", path=path
        )
    items = [root] if name == "newsItem" else list(descendants(root, "newsItem"))
    if not items:
        raise NotAStoryError(f"a NewsML-G2 <{name}>, which holds no news item", path=path)
    return text_items(items, _read_item, path)


def _read_item(item: Element, path: str) -> list[WireItem]:
    meta, content = child(item, "itemMeta"), child(item, "contentMeta")
    item_class = attribute(child(meta, "itemClass"), "qcode") or "ninat:text"
    if not item_class.endswith("text"):
        raise NotAStoryError(f"a NewsML-G2 item of class {item_class}, not a text story", path=path)
    first_created = text(child(meta, "firstCreated")) or text(child(content, "contentCreated"))
    version_created = text(child(meta, "versionCreated"))
    subjects = _subject_terms(content)
    genre = child(content, "genre")
    date, date_source = first_date(
        ("NewsML-G2 firstCreated", first_created),
        ("NewsML-G2 versionCreated", version_created),
        path=path,
    )
    return [
        build_item(
            Fields(
                wire_format="newsml-g2",
                path=path,
                title=text(child(content, "headline")) or _nitf_title(item),
                body=_body(item),
                description=text(child(content, "description")),
                date=date,
                date_source=date_source,
                modified=parse_date(version_created, naive_zone=UTC),
                embargo=parse_date(text(child(meta, "embargoed")), naive_zone=UTC),
                guid=attribute(item, "guid"),
                version=version_number(attribute(item, "version")) or 1,
                located=_located(child(content, "located")),
                dateline=text(child(content, "dateline")),
                agency=_provider(child(meta, "provider")) or _sender(item),
                section=section_from_subjects(subjects),
                byline=text(child(content, "by"))
                or text(child(child(content, "creator"), "name"))
                or _nitf_byline(item)
                or _tt_byline(item),
                genre=text(child(genre, "name")) or attribute(genre, "qcode"),
                keywords=[text(k) or "" for k in children(content, "keyword")]
                if content is not None
                else [],
                language=attribute(child(content, "language"), "tag")
                or attribute(item, "{http://www.w3.org/XML/1998/namespace}lang"),
            )
        )
    ]


def _body(item: Element) -> Body:
    content_set = child(item, "contentSet")
    if content_set is None:
        return Body()
    for inline in children(content_set, "inlineXML"):
        nitf = first(inline, "nitf")
        if nitf is not None:
            return nitf_body(nitf)
        html_body = first(inline, "body")
        if html_body is not None:
            return _indented_paragraphs(html_body) or body_from_element(html_body)
        tt_body = first(inline, "BODY")
        if tt_body is not None:
            return _tt_body(tt_body)
        if len(inline):
            return body_from_element(inline)
    for inline in children(content_set, "inlineData"):
        return _plain_text(inline.text or "")
    return Body()


def _plain_text(raw: str) -> Body:
    """``inlineData`` text: a paragraph per line, or per indented line when
    the text is wrapped (ANSA: three spaces open a paragraph); a ``<p>`` that
    wraps it all (ANSA writes one into its plain text) is no paragraph."""
    raw = _WRAPPING_P.sub("", raw)
    return _indented_text(raw) or body_from_text(raw)


def _indented_paragraphs(html_body: Element) -> Body | None:
    """Reuters' XHTML holds a whole story in one ``<p>``, a paragraph per line
    indented by four spaces (wrapped lines are not indented): split it so.
    ``None`` for any other body."""
    blocks = list(html_body)
    if len(blocks) != 1 or local(blocks[0]) != "p" or len(blocks[0]):
        return None
    return _indented_text(blocks[0].text or "")


def _indented_text(raw: str) -> Body | None:
    """A paragraph per indented line (wrapped lines are not indented), or
    ``None`` when the text has no indented line."""
    if not _INDENTED.search(raw):
        return None
    paragraphs: list[str] = []
    fresh = True
    for line in raw.splitlines():
        if not line.strip():
            fresh = True
        elif fresh or line.startswith("   "):
            paragraphs.append(line.strip())
            fresh = False
        else:
            paragraphs[-1] += " " + line.strip()
    return body_from_text("\n".join(paragraphs))


def _nitf_byline(item: Element) -> str | None:
    """The byline of an NITF body (``<byline>`` with ``<byttl>``), when the
    metadata names no writer."""
    nitf = (
        first(child(item, "contentSet"), "nitf") if child(item, "contentSet") is not None else None
    )
    return nitf_byline(nitf) if nitf is not None else None


def _nitf_title(item: Element) -> str | None:
    """The headline of an NITF body (``hl1``, else ``head/title``), when the
    metadata gives none (BusinessDesk)."""
    content_set = child(item, "contentSet")
    nitf = first(content_set, "nitf") if content_set is not None else None
    if nitf is None:
        return None
    return text(first(nitf, "hl1")) or text(child(nitf, "head", "title"))


def _tt_body(body: Element) -> Body:
    """TT's own body markup: ``P`` and ``CITAT`` (a quote) are paragraphs,
    ``MELLIS`` a subhead; the headline again (``RUBRIK``), the place (``DAT``)
    and the writer (``BYLINE``) are no text."""
    found = Body()
    for element in body.iter():
        name = local(element)
        if name in ("P", "CITAT", "MELLIS"):
            found.add(inline_text(element), heading=name == "MELLIS")
    return found


def _tt_byline(item: Element) -> str | None:
    """TT's own body markup names the writer in ``<BYLINE>``."""
    content_set = child(item, "contentSet")
    return text(first(content_set, "BYLINE")) if content_set is not None else None


def _subject_terms(content: Element | None) -> list[str]:
    """For the section: each subject's codes (its own, its ``broader`` and
    ``sameAs`` ones), then its literal and names (``sport``, ``Politics``)."""
    terms: list[str | None] = []
    for subject in children(content, "subject"):
        terms.append(attribute(subject, "qcode"))
        terms += [attribute(r, "qcode") for r in subject if local(r) in ("broader", "sameAs")]
        terms.append(attribute(subject, "literal"))
        terms += [text(name) for name in children(subject, "name")]
    return [term for term in terms if term]


def _located(located: Element | None) -> str | None:
    if located is None:
        return None
    literal = attribute(located, "literal") or ""
    # A literal in capitals only (TT's ``EU``) is an abbreviation, no city.
    name = text(child(located, "name")) or (literal if literal.upper() != literal else None)
    if name:
        return name
    qcode = attribute(located, "qcode") or ""
    return qcode.split(":", 1)[1] if ":" in qcode and not qcode.split(":", 1)[1].isdigit() else None


def _sender(item: Element) -> str | None:
    """The ``newsMessage`` header's ``sender`` (BusinessDesk, ``reuters.com``),
    for an item whose provider names no agency."""
    root = item.getroottree().getroot()
    header = next((h for h in root if local(h).casefold() == "header"), None)
    sender = (
        next((s for s in header if local(s).casefold() == "sender"), None)
        if header is not None
        else None
    )
    return provider_agency(text(sender))


def _provider(provider: Element | None) -> str | None:
    value = attribute(provider, "literal") or attribute(provider, "qcode")
    if value and ":" in value:
        value = value.split(":", 1)[1]
    return provider_agency(value)
