"""NITF 3.x, the IPTC's News Industry Text Format (also as the body of other formats).

Fields: ``hedline/hl1``, ``dateline``/``location``/``city``, ``date.issue``
(``norm``), ``byline``, ``doc-id`` (``id-string``), ``body.content``, the
section from ``doc-scope``, ``classifier`` (``apcategorycode``) and
``tobject.subject``, and ``key-list`` keywords. Promise: one NITF document
becomes one story; its subheads (``hl2``) stay headings; words in the byline
and dateline never glue across elements (``Jan Jansen`` and
``<byttl>correspondent</byttl>`` give ``Jan Jansen, correspondent``), and the
dateline's date (``<story.date>``) is never taken for its city. A byline's
name in capitals (AP: ``By JANE DOE``) is written as a name (``By Jane Doe``).
The date is ``date.issue``, else ``pubdata date.publication``, else the
dateline's ``story.date``; a ``norm`` without offset is UTC, as NITF defines
it. A document whose ``management-status`` is ``embargoed`` has its
``date.release`` as the embargo. The agency is the first of ``distributor``,
``doc.copyright holder``, ``doc-id regsrc``, ``del-list from-src`` that names
one (``The Associated Press`` -> ``AP``; an id such as ``Z01122`` is passed
over).
"""

from __future__ import annotations

from datetime import UTC, datetime

from generator.formats.markup import Body, body_from_element, inline_text
from generator.formats.sections import section_from_subjects
from generator.formats.story import Fields, build_item, parse_date
from generator.formats.xml import Element, attribute, child, descendants, first, text
from generator.model import WireItem
from generator.text.datelines import agency_code


def nitf_body(root: Element) -> Body:
    content = first(root, "body.content")
    return body_from_element(content) if content is not None else Body()


def read_nitf(root: Element, path: str) -> list[WireItem]:
    location = first(root, "location")
    keywords = [attribute(k, "key") for k in descendants(root, "keyword")]
    date, date_source = _date(root)
    return [
        build_item(
            Fields(
                wire_format="nitf",
                path=path,
                title=_words(first(root, "hl1")) or text(child(root, "head", "title")),
                body=nitf_body(root),
                description=_words(first(root, "abstract")),
                date=date,
                date_source=date_source,
                embargo=_embargo(root),
                guid=attribute(first(root, "doc-id"), "id-string"),
                located=text(first(location, "city")) if location is not None else None,
                dateline=_dateline(root),
                agency=_agency(root),
                section=section_from_subjects(_subjects(root)),
                byline=nitf_byline(root),
                keywords=[k for k in keywords if k],
                language=attribute(root, "{http://www.w3.org/XML/1998/namespace}lang"),
            )
        )
    ]


def _date(root: Element) -> tuple[datetime | None, str]:
    """The issue date, else the publication date, else the dateline's date;
    ``norm`` is ISO 8601 in UTC when it gives no offset (NITF's definition)."""
    candidates = (
        ("NITF date.issue", attribute(first(root, "date.issue"), "norm")),
        ("NITF date.issue", text(first(root, "date.issue"))),
        ("NITF date.publication", attribute(first(root, "pubdata"), "date.publication")),
        ("NITF story.date", attribute(first(root, "story.date"), "norm")),
    )
    for label, value in candidates:
        moment = parse_date(value)
        if moment is not None:
            return moment, label
    for label, value in candidates:
        moment = parse_date(value, naive_zone=UTC)
        if moment is not None:
            return moment, f"{label}, no offset: UTC per NITF"
    return None, candidates[0][0]


def _subjects(root: Element) -> list[str]:
    """What the document is about, for its section: the scope (PA:
    ``SPORT``), classifiers (AP: ``apcategorycode:s``), then the subject codes."""
    scopes = [attribute(scope, "scope") for scope in descendants(root, "doc-scope")]
    classifiers = [
        f"{attribute(found, 'type') or ''}:{attribute(found, 'value') or ''}"
        for found in descendants(root, "classifier")
    ]
    subjects = [
        attribute(element, name)
        for element in descendants(root, "tobject.subject")
        for name in ("tobject.subject.refnum", "tobject.subject.type")
    ]
    return [value for value in (*scopes, *classifiers, *subjects) if value]


def _embargo(root: Element) -> datetime | None:
    """An embargoed document's release time (``date.release``), in UTC when
    ``norm`` gives no offset (NITF's definition)."""
    docdata = first(root, "docdata")
    if (attribute(docdata, "management-status") or "").casefold() != "embargoed":
        return None
    return parse_date(attribute(first(root, "date.release"), "norm"), naive_zone=UTC)


def _agency(root: Element) -> str | None:
    names = (
        text(first(root, "distributor")),
        attribute(first(root, "doc.copyright"), "holder"),
        attribute(first(root, "doc-id"), "regsrc"),
        attribute(first(root, "from-src"), "src-name"),
    )
    return next((code for code in map(agency_code, names) if code), None)


def nitf_byline(root: Element) -> str | None:
    """``<byline>Jan Jansen<byttl>correspondent</byttl></byline>`` -> ``Jan Jansen,
    correspondent``: the name and the title are separate parts."""
    byline = first(root, "byline")
    if byline is None:
        return None
    name = _name_case(_words(byline, frozenset({"byttl"}), apart=True))
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


def _name_case(name: str | None) -> str | None:
    """``By JANE DOE`` -> ``By Jane Doe``; a name already in mixed case stays."""
    if name is None:
        return None
    by, _, rest = name.partition(" ")
    if by.casefold() not in ("by", "door") or not rest:
        by, rest = "", name
    if rest.upper() != rest or not any(ch.isalpha() for ch in rest):
        return name
    return f"{by} {rest.title()}" if by else rest.title()
