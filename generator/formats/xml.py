"""Safe XML for the agency formats, and namespace-blind access to it.

Promises: ``parse_xml`` never expands an entity, never loads a DTD, never
touches the network, and refuses a document whose DTD declares entities
(billion laughs, external entities), that uses an entity no one declared or
that nests deeper than libxml2's limit, with an error naming the file (and
line). A document that only names a DTD (``<!DOCTYPE nitf SYSTEM
"nitf.dtd">``, as agencies deliver NITF) is read: the DTD is never loaded;
so is one whose DTD only declares parameter entities that name external DTDs
(``<!ENTITY % nitf SYSTEM "nitf-3-0.dtd"> %nitf;``), which are never loaded
either.
The helpers find elements by local name, so the same reader serves
documents with a namespace, with a
prefix or with none.
"""

from __future__ import annotations

import re
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
    # Naming a DTD is harmless: it is never loaded (``load_dtd=False``,
    # ``no_network``). Only declared entities could expand or read files.
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and not all(_external_parameter(e, data) for e in dtd.iterentities()):
        raise InputError(
            "expected XML without entity declarations, found a DTD that declares entities "
            "(refused: entities are never expanded)",
            path=path,
        )
    # With a DTD named, libxml2 lets an undeclared ``&name;`` pass (it might be
    # declared in the unread DTD); its text would silently go missing.
    undeclared = next((node for node in root.iter() if node.tag is etree.Entity), None)
    if undeclared is not None:
        raise InputError(
            f"expected XML without entity references, found {undeclared.text!r} "
            "(declared only in a DTD that is never read)",
            path=path,
        )
    return root


def _external_parameter(entity: Any, data: bytes) -> bool:
    """``<!ENTITY % nitf SYSTEM "nitf-3-0.dtd">``: a parameter entity naming
    an external DTD (as ATS and Kyodo deliver NewsML 1.2), which is never
    loaded, so it declares nothing. lxml does not tell parameter entities from
    general ones: the document's own declarations do (one of either kind with
    the name refuses it)."""
    if entity.system_url is None or entity.content or not entity.name:
        return False
    name = re.escape(entity.name.encode("utf-8"))
    parameter = re.search(rb"<!ENTITY\s+%\s+" + name + rb"\s", data)
    general = re.search(rb"<!ENTITY\s+" + name + rb"\s", data)
    return parameter is not None and general is None


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
