"""ninjs, IPTC's news in JSON: versions 1.x, 2.x and 3.x.

Field names differ per version: 1.x ``headline``, ``body_text``/``body_html``,
``byline``, ``versioncreated``; 2.x ``headlines[]``, ``bodies[]``, ``by``;
3.x the same in camelCase (``versionCreated``, ``firstCreated``). The reader
accepts any of them in any item. Promise: a text item becomes one story;
pictures, video, audio, graphics and packages without text are refused as
``NotAStoryError`` with the reason. Every field read here (``uri``,
``located``, ``copyrightHolder``, ``language``, ...) is cleaned and bounded
with the rest of the item in ``story.build_item``.
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

_NOT_TEXT = {"picture", "video", "audio", "graphic", "component"}


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
                title=_main(get("headlines")) or text("headline", "title"),
                body=body,
                description=_main(get("descriptions")) or text("description_text", "description"),
                date=date,
                date_source=date_source,
                modified=parse_date(text("versionCreated", "versioncreated"), naive_zone=UTC),
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
    for entry in as_list(document.get("bodies")):
        if isinstance(entry, dict) and as_text(entry.get("value")):
            return _body_value(entry, path)
    markup = as_text(document.get("body_xhtml")) or as_text(document.get("body_html"))
    if markup:
        return body_from_html(markup, path=path)
    return body_from_text(as_text(document.get("body_text")) or "")


def _body_value(entry: dict[str, Any], path: str) -> Body:
    value = as_text(entry["value"]) or ""
    kind = as_text(entry.get("contentType") or entry.get("contenttype") or entry.get("role")) or ""
    if "nitf" in kind.lower():
        root = parse_xml(without_surrogates(value).encode("utf-8"), path)
        content = first(root, "body.content")
        return body_from_element(content) if content is not None else Body()
    if "html" in kind.lower() or value.lstrip().startswith("<"):
        return body_from_html(value, path=path)
    return body_from_text(value)


def _main(entries: Any) -> str | None:
    values = [e for e in as_list(entries) if isinstance(e, dict) and as_text(e.get("value"))]
    main = next((e for e in values if e.get("role") in ("main", "lead", "text")), None)
    chosen = main or (values[0] if values else None)
    return as_text(chosen["value"]) if chosen else None


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
    keys = ("uri", "qcode", "literal", "name")
    found = (as_text(e.get(k)) for e in as_list(entries) if isinstance(e, dict) for k in keys)
    return [term for term in found if term]


def _located(document: dict[str, Any]) -> str | None:
    located = as_text(document.get("located"))
    return located if located and located.strip() else None
