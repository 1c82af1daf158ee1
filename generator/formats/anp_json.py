"""ANP's news API in JSON: one item per file, or a listing of items.

Stage: import (``generator.formats.read_items`` hands it ANP's JSON).

Fields: ``id``, ``version``, ``title``, ``bodyText`` (HTML paragraphs, the first
opening with the dateline), ``firstIssueDate``, ``pubDate``, ``modified``,
``sourceTitle`` (``ANP``, ``ANP/AFP``, ``ANP 101``), ``category`` or
``categories`` (ANP's codes, ``ANP/BIN``, or Dutch section names; see
``generator.formats.anp_codes``), ``keywords`` (a list or comma-separated
text), ``authors``.

The API delivers each answer wrapped: ``{"hasError": false, "data": ...}``.
``data`` is one item (``kind`` ``TEXTARTICLE``), a listing of references
(``{"items": [{"id", "kind", "modified"}], "hasMore": true}``), or a media
item (``kind`` ``PHOTO``, no ``bodyText``). Unwrapped files are read too: an
item, a list of items, or an object with the items under
``items``/``results``/``data``.

Promise: a text item becomes a story dated on the archive's clock (the instant
as given, shown with the Amsterdam offset); a listing of references, a media
item and a listing without items are skipped with that reason
(``NotAStoryError``); an error answer (``hasError: true``) is the file's error,
with the API's message; a listing of more than ``MAX_ITEMS_PER_FILE`` items is
refused whole (``generator.text.clean``).
"""

from __future__ import annotations

from typing import Any

from generator.errors import InputError, NotAStoryError, ParseError
from generator.formats.anp_codes import read_categories
from generator.formats.fields import as_list, as_mapping, as_text, version_number
from generator.formats.markup import body_from_html
from generator.formats.story import (
    Fields,
    build_item,
    first_date,
    in_archive_time,
    parse_date,
)
from generator.model import WireItem
from generator.text.clean import MAX_ITEMS_PER_FILE, check_size

_LISTING_KEYS = ("items", "results", "data")
_MEDIA_KINDS = frozenset({"PHOTO", "PICTURE", "IMAGE", "GRAPHIC", "VIDEO", "AUDIO", "MEDIA"})


def is_api_answer(document: Any) -> bool:
    """The news API's wrapper: ``hasError`` (true or false) beside ``data``."""
    return (
        isinstance(document, dict)
        and isinstance(document.get("hasError"), bool)
        and ("data" in document or document["hasError"])
    )


def anp_items(document: Any) -> list[dict[str, Any]] | None:
    """The ANP items in ``document``, or ``None`` when it is not ANP's JSON.
    An API answer without text items gives ``[]``: it is ANP's, and
    ``read_anp_json`` says why it holds no story."""
    if is_api_answer(document):
        return anp_items(document.get("data")) or []
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
        raise _no_story(document, path)
    check_size(len(items), MAX_ITEMS_PER_FILE, "a listing", path, unit="items")
    # A picture listed beside the texts is passed over; only pictures are no story.
    texts = [(n, item) for n, item in enumerate(items, 1) if _kind(item) not in _MEDIA_KINDS]
    if not texts:
        kinds = ", ".join(sorted({_kind(item) for item in items}))
        raise NotAStoryError(f"an ANP news API media item ({kinds}) without text", path=path)
    return [_read_item(item, path, position) for position, item in texts]


def _kind(item: dict[str, Any]) -> str:
    return (as_text(item.get("kind")) or "").upper()


def _no_story(document: Any, path: str) -> InputError:
    """Why an ANP document holds no text item: an error answer, references
    only, or media."""
    if not is_api_answer(document):
        return NotAStoryError("an ANP listing without items", path=path)
    if document["hasError"]:
        message = _error_message(document)
        return InputError(
            "expected an ANP news API item, found an error answer (hasError: true)"
            + (f": {message}" if message else ", without a message"),
            path=path,
        )
    data = document.get("data")
    listed = as_mapping(data).get("items")
    if isinstance(listed, list):
        return NotAStoryError(
            f"an ANP news API listing: references to {len(listed)} items, no text", path=path
        )
    media = [d for d in as_list(data) if isinstance(d, dict)]
    if media:
        kinds = sorted({as_text(d.get("kind")) or "media" for d in media})
        return NotAStoryError(
            f"an ANP news API media answer ({', '.join(kinds)}): "
            f"{len(media)} item{'s' if len(media) != 1 else ''} without text",
            path=path,
        )
    return NotAStoryError("an ANP news API answer without data", path=path)


def _error_message(document: dict[str, Any]) -> str | None:
    """The API's message, wherever its answer puts it."""
    for holder in (document, as_mapping(document.get("error")), as_mapping(document.get("data"))):
        for key in ("errorMessage", "message", "error", "errors"):
            found = holder.get(key)
            text = as_text(found) or ", ".join(filter(None, map(as_text, as_list(found))))
            if text:
                return " ".join(text.split())[:300]
    return None


def _author(author: Any) -> str | None:
    return as_text(author.get("name")) if isinstance(author, dict) else as_text(author)


def _keywords(value: Any) -> list[str]:
    """``["Verkeer", "Storm"]`` or ``"verkeer, storm"``: each keyword once."""
    found = [as_text(v) or "" for v in as_list(value)]
    if isinstance(value, str):
        found = value.split(",")
    return [" ".join(k.split()) for k in found if k.strip()]


def _read_item(item: dict[str, Any], path: str, position: int) -> WireItem:
    if not isinstance(item.get("bodyText", ""), str):
        raise ParseError(
            expected="bodyText as an HTML string", found=repr(item.get("bodyText")), path=path
        )
    # ``category`` is the item's main code; ``categories`` may repeat it.
    found = [*as_list(item.get("category")), *as_list(item.get("categories"))]
    categories = read_categories(name for name in map(as_text, found) if name)
    keywords: list[str] = []
    for keyword in [*categories.keywords, *_keywords(item.get("keywords"))]:
        if keyword.casefold() not in {k.casefold() for k in keywords}:
            keywords.append(keyword)
    authors = [name for name in map(_author, as_list(item.get("authors"))) if name]
    published = as_text(item.get("pubDate"))
    date, date_source = first_date(
        ("ANP firstIssueDate", as_text(item.get("firstIssueDate"))), ("ANP pubDate", published)
    )
    story = as_text(item.get("id"))
    modified = parse_date(as_text(item.get("modified"))) or parse_date(published)
    return build_item(
        Fields(
            wire_format="anp-json",
            path=path if position == 1 else f"{path}#{position}",
            title=as_text(item.get("title")),
            body=body_from_html(as_text(item.get("bodyText")) or "", path=path),
            date=in_archive_time(date),
            date_source=date_source,
            modified=in_archive_time(modified),
            guid=f"anp:{story}" if story else None,
            version=version_number(item.get("version")) or 1,
            agency=as_text(item.get("sourceTitle")),
            section=categories.section,
            byline=", ".join(authors) or None,
            keywords=keywords,
        )
    )
