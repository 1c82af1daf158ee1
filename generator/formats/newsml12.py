"""NewsML 1.2, as ANP sends its wire (with an NITF body) and as others do (XHTML).

Stage: import (``generator.formats.read_items`` hands it a ``NewsML`` root).

Fields: ``PublicIdentifier`` (``urn:newsml:anp.nl:20250314:ANPX-...:2``, the
last part being the revision), ``RevisionId``, ``FirstCreated``,
``ThisRevisionCreated``, ``HeadLine``, ``DateLine``, ``Genre``, keywords and
location properties, and the body: the ``NewsComponent`` whose role is
``Body`` (or the first text ``ContentItem``) with NITF ``body.content`` or
XHTML in ``DataContent``, or paragraphs right in it (AFP). The section: the
``Category``/``Rubriek``/``Section``/``Subject`` properties and
``SubjectCode`` subjects; in ANP's items (provider ``anp.nl``) also ANP's desk
codes there and in ``Genre`` (``ECO`` -> ``Economie``,
``generator.formats.anp_codes``), where an unknown code becomes a keyword and
a code is no genre. Dates keep their instant and are shown with the Amsterdam
offset; a date without offset is read as UTC (said in ``date_source``, with a
warning), as is ``StatusWillChange`` (the embargo: when the item becomes
usable). Promise: every ``NewsItem`` with text becomes a story, read without
its pictures, video or sound (a component of the item that holds such media,
caption and headline included); items without text are skipped beside those
with text, and a document with none is refused as ``NotAStoryError``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from generator.errors import NotAStoryError
from generator.formats.anp_codes import code_of, read_categories
from generator.formats.credits import provider_agency
from generator.formats.fields import version_number
from generator.formats.markup import Body, body_from_element, body_from_text
from generator.formats.nitf import nitf_body
from generator.formats.sections import section_from_subjects
from generator.formats.story import (
    Fields,
    build_item,
    first_date,
    in_archive_time,
    parse_date,
    text_items,
)
from generator.formats.xml import Element, attribute, child, descendants, first, local, text
from generator.model import WireItem

_SECTION_PROPERTIES = ("Category", "Rubriek", "Section", "Subject")
_KEYWORD_PROPERTIES = ("Keyword", "Keywords", "Trefwoord")
# NewsML 1.2's own subject elements, inside ``SubjectCode``.
_SUBJECT_ELEMENTS = ("Subject", "SubjectMatter", "SubjectDetail")


def read_newsml12(root: Element, path: str) -> list[WireItem]:
    items = list(descendants(root, "NewsItem"))
    if not items:
        raise NotAStoryError("a NewsML 1.2 document without a NewsItem", path=path)
    return text_items(items, _read_item, path)


_MEDIA_TYPES = frozenset({"photo", "picture", "image", "graphic", "video", "audio", "animation"})


def _is_media(content_item: Element) -> bool:
    media_type = (attribute(child(content_item, "MediaType"), "FormalName") or "").lower()
    mime_type = (attribute(child(content_item, "MimeType"), "FormalName") or "").lower()
    return media_type in _MEDIA_TYPES or mime_type.startswith(("image/", "video/", "audio/"))


def _drop_media(item: Element) -> None:
    """Take the media out of ``item``: a component within another that holds
    media goes whole (its caption and headline are the picture's, not the
    story's) unless its role is the story's (Main, Body); elsewhere only the
    media items go."""
    for content_item in [c for c in descendants(item, "ContentItem") if _is_media(c)]:
        holder = content_item.getparent()
        outer = holder.getparent()  # None once taken out with a sibling
        role = attribute(child(holder, "Role"), "FormalName") or ""
        whole = outer is not None and local(outer) == "NewsComponent" and role not in _STORY_ROLES
        if whole:
            outer.remove(holder)
        else:
            holder.remove(content_item)


_STORY_ROLES = frozenset({"Main", "Body"})
# ``BEIJING, July 23``: a dateline with its date says where the story was
# written; the ``City`` property may name the desk that passed it on (Kyodo: Paris).
_DATED = re.compile(r"[^,(]+, [^,]*\d")


def _read_item(item: Element, path: str) -> list[WireItem]:
    _drop_media(item)
    body = _body(item)
    if not body.paragraphs:
        raise NotAStoryError("a NewsML 1.2 item without text (only media or links)", path=path)
    public = text(first(item, "PublicIdentifier"))
    guid, revision = _split_identifier(public)
    management = first(item, "NewsManagement")
    first_created = text(child(management, "FirstCreated"))
    this_revision = text(child(management, "ThisRevisionCreated"))
    properties: dict[str, list[str]] = {}
    for found in descendants(item, "Property"):  # one pass over the item
        name, value = attribute(found, "FormalName"), attribute(found, "Value")
        if name and value:
            properties.setdefault(name, []).append(value)
    revision_id = version_number(text(first(item, "RevisionId")))
    date, date_source = first_date(
        ("NewsML FirstCreated", first_created),
        ("NewsML ThisRevisionCreated", this_revision),
        path=path,
    )
    provider = text(first(item, "ProviderId"))
    dateline = text(first(item, "DateLine")) or ""
    genre = attribute(first(item, "Genre"), "FormalName")
    subjects = [v for n in _SECTION_PROPERTIES for v in properties.get(n, [])] + [
        value
        for name in _SUBJECT_ELEMENTS
        for found in descendants(item, name)
        if (value := attribute(found, "FormalName"))
    ]
    keywords = [v for n in _KEYWORD_PROPERTIES for v in properties.get(n, [])]
    section = section_from_subjects(subjects)
    if _is_anp(provider):
        # ANP files its desk code (ECO, BIN) as Subject and often as Genre.
        codes = read_categories([*subjects, *([genre] if genre else [])], names_as_section=False)
        section = codes.section
        keywords += [k for k in codes.unknown if k not in keywords]
        genre = None if genre and code_of(genre) else genre
    return [
        build_item(
            Fields(
                wire_format="newsml-1.2",
                path=path,
                title=text(first(item, "HeadLine")),
                body=body,
                date=in_archive_time(date),
                date_source=date_source,
                modified=in_archive_time(parse_date(this_revision, naive_zone=UTC)),
                embargo=in_archive_time(_embargo(management)),
                guid=guid,
                version=revision_id or revision,
                located=None
                if _DATED.match(dateline)
                else next(iter(properties.get("City", [])), None),
                dateline=dateline,
                agency=provider_agency(provider),
                section=section,
                byline=text(first(item, "ByLine")),
                genre=genre,
                keywords=keywords,
                language=attribute(first(item, "Language"), "FormalName"),
            )
        )
    ]


def _body(item: Element) -> Body:
    components = list(descendants(item, "NewsComponent"))
    bodies = [c for c in components if attribute(child(c, "Role"), "FormalName") == "Body"]
    for component in bodies or [item]:
        for data in descendants(component, "DataContent"):
            found = _data_body(data)
            if found.paragraphs:
                return found
    return Body()


def _data_body(data: Element) -> Body:
    nitf = first(data, "nitf")
    if nitf is not None:
        return nitf_body(nitf)
    html_body = first(data, "body")
    if html_body is not None:
        return body_from_element(html_body)
    if len(data) == 0:
        return body_from_text(data.text or "")
    return body_from_element(data)  # AFP's ``bcNITF2.5``: paragraphs without a wrapper


def _split_identifier(public: str | None) -> tuple[str | None, int]:
    """``urn:newsml:anp.nl:20250314:ANPX-1:2`` -> (the urn without revision, 2)."""
    if not public:
        return None, 1
    head, _, last = public.rpartition(":")
    return (head, int(last)) if head and last.isdigit() else (public, 1)


def _is_anp(provider_id: str | None) -> bool:
    return (provider_id or "").strip().lower() in ("anp.nl", "anp")


def _embargo(management: Element | None) -> datetime | None:
    """``StatusWillChange``: the moment an embargoed item becomes usable (UTC
    when it gives no offset, as the item's other dates)."""
    change = child(management, "StatusWillChange")
    future = (attribute(child(change, "FutureStatus"), "FormalName") or "usable").casefold()
    if change is None or future != "usable":
        return None
    return parse_date(text(child(change, "DateAndTime")), naive_zone=UTC)
