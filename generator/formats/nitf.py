"""NITF 3.x, the IPTC's News Industry Text Format (also as the body of other formats).

Fields: ``hedline/hl1``, ``dateline``/``location``/``city``, ``date.issue``
(``norm``), ``byline``, ``doc-id`` (``id-string``), ``body.content``, and
``tobject.subject``/``key-list`` for the section and keywords. Promise: one
NITF document becomes one story; its subheads (``hl2``) stay headings; words
in the byline and dateline never glue across elements (``Jan Jansen`` and
``<byttl>correspondent</byttl>`` give ``Jan Jansen, correspondent``), and the
dateline's date (``<story.date>``) is never taken for its city.
"""

from __future__ import annotations

from generator.formats.markup import Body, body_from_element, inline_text
from generator.formats.sections import section_from_subjects
from generator.formats.story import Fields, build_item, parse_date
from generator.formats.xml import Element, attribute, child, descendants, first, text
from generator.model import WireItem


def nitf_body(root: Element) -> Body:
    content = first(root, "body.content")
    return body_from_element(content) if content is not None else Body()


def read_nitf(root: Element, path: str) -> list[WireItem]:
    docdata = first(root, "docdata")
    issue = first(docdata, "date.issue") if docdata is not None else None
    location = first(root, "location")
    subjects = [
        value
        for element in descendants(root, "tobject.subject")
        for value in (
            attribute(element, "tobject.subject.refnum"),
            attribute(element, "tobject.subject.type"),
        )
        if value
    ]
    keywords = [attribute(k, "key") for k in descendants(root, "keyword")]
    return [
        build_item(
            Fields(
                wire_format="nitf",
                path=path,
                title=_words(first(root, "hl1")) or text(child(root, "head", "title")),
                body=nitf_body(root),
                description=_words(first(root, "abstract")),
                date=parse_date(attribute(issue, "norm")),
                date_source="NITF date.issue",
                guid=attribute(first(root, "doc-id"), "id-string"),
                located=text(first(location, "city")) if location is not None else None,
                dateline=_dateline(root),
                agency=text(first(root, "distributor")),
                section=section_from_subjects(subjects),
                byline=_byline(root),
                keywords=[k for k in keywords if k],
                language=attribute(root, "{http://www.w3.org/XML/1998/namespace}lang"),
            )
        )
    ]


def _byline(root: Element) -> str | None:
    """``<byline>Jan Jansen<byttl>correspondent</byttl></byline>`` -> ``Jan Jansen,
    correspondent``: the name and the title are separate parts."""
    byline = first(root, "byline")
    if byline is None:
        return None
    name = _words(byline, frozenset({"byttl"}), apart=True)
    titles = [_words(title, apart=True) for title in descendants(byline, "byttl")]
    parts = (part.strip(" ,;") for part in (name, *titles) if part)
    return ", ".join(part for part in parts if part) or None


def _dateline(root: Element) -> str | None:
    """The dateline's words without its date (``<story.date>``): the place."""
    return _words(first(root, "dateline"), frozenset({"story.date"}), apart=True)


def _words(
    element: Element | None, skip: frozenset[str] = frozenset(), *, apart: bool = False
) -> str | None:
    """The text inside ``element`` (see ``inline_text``), white space folded."""
    if element is None:
        return None
    return " ".join(inline_text(element, skip, apart=apart).split()) or None
