"""ANP's news API in JSON: one item per file, or a listing of items.

Fields: ``id``, ``version``, ``title``, ``bodyText`` (HTML paragraphs, the first
opening with the dateline), ``firstIssueDate``, ``pubDate``, ``modified``,
``sourceTitle`` (``ANP``, ``ANP/AFP``), ``category`` or ``categories`` (Dutch
section names), ``authors``. A listing is a list of items, or an object with
the items under ``items``/``results``/``data``; a listing of more than
``MAX_ITEMS_PER_FILE`` items is refused whole (``generator.text.clean``).
"""

from __future__ import annotations

from typing import Any

from generator.errors import NotAStoryError, ParseError
from generator.formats.fields import as_list, as_text, version_number
from generator.formats.markup import body_from_html
from generator.formats.story import Fields, build_item, first_date, parse_date
from generator.model import WireItem
from generator.text.clean import MAX_ITEMS_PER_FILE, check_size

_LISTING_KEYS = ("items", "results", "data")


def anp_items(document: Any) -> list[dict[str, Any]] | None:
    """The ANP items in ``document``, or ``None`` when it is not ANP's JSON."""
    if isinstance(document, dict):
        if "bodyText" in document:
            return [document]
        listed = next(
            (document[k] for k in _LISTING_KEYS if isinstance(document.get(k), list)), None
        )
        return anp_items(listed) if listed is not None else None
    if isinstance(document, list) and document and all(isinstance(d, dict) for d in document):
        return document if any("bodyText" in d for d in document) else None
    return None


def read_anp_json(document: Any, path: str) -> list[WireItem]:
    items = anp_items(document) or []
    if not items:
        raise NotAStoryError("an ANP listing without items", path=path)
    check_size(len(items), MAX_ITEMS_PER_FILE, "a listing", path, unit="items")
    return [_read_item(item, path, position) for position, item in enumerate(items, 1)]


def _author(author: Any) -> str | None:
    return as_text(author.get("name")) if isinstance(author, dict) else as_text(author)


def _read_item(item: dict[str, Any], path: str, position: int) -> WireItem:
    if not isinstance(item.get("bodyText", ""), str):
        raise ParseError(
            expected="bodyText as an HTML string", found=repr(item.get("bodyText")), path=path
        )
    found = as_list(item.get("categories")) or as_list(item.get("category"))
    categories = [name for name in map(as_text, found) if name]
    authors = [name for name in map(_author, as_list(item.get("authors"))) if name]
    published = as_text(item.get("pubDate"))
    date, date_source = first_date(
        ("ANP firstIssueDate", as_text(item.get("firstIssueDate"))), ("ANP pubDate", published)
    )
    story = as_text(item.get("id"))
    return build_item(
        Fields(
            wire_format="anp-json",
            path=path if position == 1 else f"{path}#{position}",
            title=as_text(item.get("title")),
            body=body_from_html(as_text(item.get("bodyText")) or "", path=path),
            date=date,
            date_source=date_source,
            modified=parse_date(as_text(item.get("modified"))) or parse_date(published),
            guid=f"anp:{story}" if story else None,
            version=version_number(item.get("version")) or 1,
            agency=as_text(item.get("sourceTitle")),
            section=categories[0] if categories else None,
            byline=", ".join(authors) or None,
            keywords=categories[1:],
        )
    )
