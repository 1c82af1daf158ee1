"""ninjs, IPTC's news in JSON: versions 1.x, 2.x and 3.x.

Field names differ per version: 1.x ``headline``, ``body_text``/``body_html``,
``byline``, ``versioncreated``; 2.x ``headlines[]``, ``bodies[]``, ``by``; 3.x
the same in camelCase (``versionCreated``, ``firstCreated``). The reader
accepts any of them in any item, also the early 2.0 shape (``headline`` and
``body`` as lists of ``name``/``text`` and ``name``/``value``). ``embargoed``
is the embargo (UTC when it gives no offset). Promise: a text item becomes one
story; pictures, video, audio, graphics, events, planning items and packages
without text are refused as ``NotAStoryError`` with the reason. Every field
read here (``uri``, ``located``, ``copyrightHolder``, ``language``, ...) is
cleaned and bounded with the rest of the item in ``story.build_item``.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from generator.errors import NotAStoryError
from generator.formats.fields import as_list, as_mapping, as_text, version_number
from generator.formats.markup import Body, body_from_element, body_from_html, body_from_text
from generator.formats.sections import section_from_subjects
from generator.formats.story import Fields, build_item, first_date, parse_date
from generator.formats.xml import first, parse_xml
from generator.model import WireItem
from generator.text.clean import without_surrogates

_NOT_TEXT = {"picture", "video", "audio", "graphic", "component", "event", "planning"}


def looks_like_ninjs(document: Any) -> bool:
    if not isinstance(document, dict):
        return False
    marks = {
        "uri",
        "headline",
        "headlines",
        "body_text",
        "bodies",
        "versioncreated",
        "versionCreated",
    }
    standard = document.get("standard")
    return (isinstance(standard, dict) and standard.get("name") == "ninjs") or len(
        marks & set(document)
    ) >= 2


def ninjs_version(document: dict[str, Any]) -> str:
    version = as_text(as_mapping(document.get("standard")).get("version"))
    if version:
        return version
    if any(
        key in document for key in ("versionCreated", "firstCreated", "pubStatus", "contentType")
    ):
        return "3"
    if any(key in document for key in ("headlines", "bodies", "descriptions")):
        return "2"
    if isinstance(document.get("headline"), list) or isinstance(document.get("body"), list):
        return "2"  # the early 2.0 shape
    return "1"


def read_ninjs(document: dict[str, Any], path: str) -> list[WireItem]:
    kind = as_text(document.get("type")) or "text"
    body = _body(document, path)
    if kind in _NOT_TEXT or (kind == "composite" and not body.paragraphs):
        raise NotAStoryError(f"a ninjs {kind} item, not a text story", path=path)
    version = ninjs_version(document)

    def get(*keys: str) -> Any:
        """The first of ``keys`` that the item has: versions name fields differently."""
        return next((document[key] for key in keys if document.get(key)), None)

    def text(*keys: str) -> str | None:
        return as_text(get(*keys))

    date, date_source = first_date(
        ("ninjs firstCreated", text("firstCreated", "firstcreated")),
        ("ninjs versionCreated", text("versionCreated", "versioncreated")),
        path=path,
    )
    return [
        build_item(
            Fields(
                wire_format=f"ninjs-{version.split('.')[0]}",
                path=path,
                title=_main(get("headlines"))
                or _main(get("headline"))
                or text("headline", "title"),
                body=body,
                description=_main(get("descriptions")) or text("description_text", "description"),
                date=date,
                date_source=date_source,
                modified=parse_date(text("versionCreated", "versioncreated"), naive_zone=UTC),
                embargo=parse_date(text("embargoed"), naive_zone=UTC),
                guid=text("uri"),
                version=version_number(get("version")) or 1,
                located=_located(document),
                agency=text("copyrightHolder", "copyrightholder"),
                section=section_from_subjects(_terms(get("subjects", "subject"))),
                byline=text("by", "byline"),
                genre=next(iter(_names(get("genres", "genre"))), None),
                keywords=_names(get("subjects", "subject"))
                + [k for k in map(as_text, as_list(get("keywords"))) if k],
                language=text("language"),
            )
        )
    ]


def _body(document: dict[str, Any], path: str) -> Body:
    entries = [
        entry
        for entry in as_list(document.get("bodies")) + _listed(document.get("body"))
        if isinstance(entry, dict) and as_text(entry.get("value"))
    ]
    # Early 2.0 items give the body twice (``text`` and ``xhtml``): the markup has the paragraphs.
    marked = [e for e in entries if "html" in _kind(e).lower()]
    for entry in marked + entries:
        return _body_value(entry, path)
    markup = as_text(document.get("body_xhtml")) or as_text(document.get("body_html"))
    if markup:
        return body_from_html(markup, path=path)
    return body_from_text(as_text(document.get("body_text")) or "")


def _body_value(entry: dict[str, Any], path: str) -> Body:
    value = as_text(entry["value"]) or ""
    kind = _kind(entry)
    if "nitf" in kind.lower():
        root = parse_xml(without_surrogates(value).encode("utf-8"), path)
        content = first(root, "body.content")
        return body_from_element(content) if content is not None else Body()
    if "html" in kind.lower() or value.lstrip().startswith("<"):
        return body_from_html(value, path=path)
    return body_from_text(value)


def _kind(entry: dict[str, Any]) -> str:
    """What a body entry holds: its content type, role or (early 2.0) name."""
    keys = ("contentType", "contenttype", "role", "name")
    return next((kind for kind in (as_text(entry.get(k)) for k in keys) if kind), "")


def _listed(value: Any) -> list[Any]:
    """A list field; a text or mapping in its place is no list of entries."""
    return value if isinstance(value, list) else []


def _main(entries: Any) -> str | None:
    """The main one of ``headlines``/``descriptions`` (early 2.0: ``headline``
    as a list of ``name``/``text``)."""
    values = [
        (e.get("role") or e.get("name"), value)
        for e in _listed(entries)
        if isinstance(e, dict) and (value := as_text(e.get("value")) or as_text(e.get("text")))
    ]
    main = next((value for role, value in values if role in ("main", "lead", "text")), None)
    return main or (values[0][1] if values else None)


def _names(entries: Any) -> list[str]:
    if isinstance(entries, dict):
        entries = [entries]
    if not isinstance(entries, list):
        return []
    found = (
        as_text(e.get("name")) or as_text(e.get("literal")) for e in entries if isinstance(e, dict)
    )
    return [name for name in found if name]


def _terms(entries: Any) -> list[str]:
    """Every uri, literal and name of a list of subjects, for the section lookup."""
    keys = ("uri", "qcode", "code", "literal", "name")
    found = (as_text(e.get(k)) for e in as_list(entries) if isinstance(e, dict) for k in keys)
    return [term for term in found if term]


def _located(document: dict[str, Any]) -> str | None:
    located = as_text(document.get("located"))
    return located if located and located.strip() else None
