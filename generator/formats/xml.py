"""Safe XML for the agency formats, and namespace-blind access to it.

Promises: ``parse_xml`` never expands an entity, never loads a DTD, never
touches the network, and refuses a document that names an external DTD,
whose DTD declares entities (billion laughs, external entities) or that nests
deeper than libxml2's limit, with an error naming the file (and line). The helpers find elements by
local name, so the same reader serves documents with a namespace, with a
prefix or with none.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeAlias

from lxml import etree

from generator.errors import InputError, ParseError

Element: TypeAlias = Any  # lxml's element (lxml ships no type stubs)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,  # keeps libxml2's limits on depth and size
        remove_comments=True,
        remove_pis=True,
        # collect_ids stays at its default: turning it off makes libxml2 try to
        # load an external DTD (which no_network then refuses, failing the file).
    )


def parse_xml(data: bytes, path: str) -> Element:
    """The document's root element; ``ParseError``/``InputError`` if unsafe or broken."""
    try:
        root: Element = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        raise ParseError(
            expected="well-formed XML", found=str(error.msg), path=path, line=error.lineno
        ) from error
    docinfo = root.getroottree().docinfo
    if docinfo.system_url or docinfo.public_id:
        named = docinfo.system_url or docinfo.public_id
        raise InputError(
            f"expected XML without an external DTD, found one named {named!r} (refused unread)",
            path=path,
        )
    dtd = docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError(
            "expected XML without entity declarations, found a DTD that declares entities "
            "(refused: entities are never expanded)",
            path=path,
        )
    return root


def local(element: Element) -> str:
    """The element's name without namespace or prefix (lxml writes ``{ns}name``)."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(element: Element | None, name: str) -> list[Element]:
    return [] if element is None else [child for child in element if local(child) == name]


def child(element: Element | None, *path: str) -> Element | None:
    """The first element down ``path`` (local names), or ``None``."""
    for name in path:
        if element is None:
            return None
        element = next((c for c in element if local(c) == name), None)
    return element


def descendants(element: Element, name: str) -> Iterator[Element]:
    return (found for found in element.iter() if local(found) == name)


def first(element: Element, name: str) -> Element | None:
    return next(descendants(element, name), None)


def text(element: Element | None) -> str | None:
    """All text inside, white space folded; ``None`` when there is none."""
    if element is None:
        return None
    folded = " ".join("".join(element.itertext()).split())
    return folded or None


def attribute(element: Element | None, name: str) -> str | None:
    if element is None:
        return None
    value = element.get(name)
    return value.strip() if value and value.strip() else None
