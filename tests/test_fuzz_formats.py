"""Fuzzing every input format with hypothesis, on a bounded budget: whatever a
file holds, reading it gives items or the project's own error, never a crash.

Longer runs: ``make fuzz`` (atheris, coverage-guided, fuzz/fuzz_formats.py).
Every crash found here or there becomes a pinned ``@example``.
"""

from __future__ import annotations

import contextlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree

from generator.errors import WireArchiveError
from generator.formats import Source, read_items

CAPTURED = datetime.fromisoformat("2025-03-14T18:05:00+01:00")

SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40)
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
NINJS_KEYS = """
    uri type version headline headlines body_text body_html body_xhtml bodies
    description_text descriptions versioncreated versionCreated firstcreated
    firstCreated located subjects subject genres by byline language standard
    copyrightHolder
""".split()
ANP_KEYS = """
    id version title bodyText pubDate firstIssueDate modified sourceTitle category
    categories authors
""".split()
PLAUSIBLE = st.sampled_from(
    ["<p>DEN HAAG (ANP) - Tekst.</p>", "2025-03-14T10:00:00+01:00", "20250314T100000+0100", "text",
     "Kop", [{"role": "main", "value": "Kop"}], [{"value": "<p>x</p>", "contentType": "text/html"}],
     {"name": "ninjs", "version": "3.0"}, [{"name": "Sport"}], "ANP"]
)  # fmt: skip
NEWS_TAGS = """
    nitf head docdata date.issue doc-id body body.head hedline hl1 hl2 byline dateline
    location city body.content p b br media newsItem newsMessage itemSet packageItem
    itemMeta itemClass firstCreated versionCreated contentMeta headline located name
    subject contentSet inlineXML inlineData NewsML NewsItem NewsComponent Role
    NewsLines HeadLine DateLine ContentItem DataContent Property PublicIdentifier
    FirstCreated ThisRevisionCreated html h2
""".split()
# Characters an XML document can hold: no surrogates, controls or noncharacters
# (U+FFFE, U+FFFF are category Cn), which lxml refuses to put in a tree.
XML_CHARACTERS = st.characters(blacklist_categories=("Cs", "Cc", "Cn"))
ATTRIBUTES = st.dictionaries(
    st.sampled_from(
        ["qcode", "guid", "version", "norm", "id-string", "FormalName", "Value", "contenttype"]
    ),
    st.text(alphabet=XML_CHARACTERS, max_size=20),
    max_size=2,
)


def read(data: bytes, name: str) -> None:
    with contextlib.suppress(WireArchiveError):  # the project's own error is an answer
        read_items(Source(Path(name), data, CAPTURED, None, name))


NUL_IN_HTML = {
    "uri": "x",
    "headline": "Kop",
    "bodies": [{"value": "<p>a\x00b</p>", "contentType": "text/html"}],
    "versionCreated": "2025-03-14T10:00:00Z",
}


def ninjs_like(values: Any) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(st.sampled_from(NINJS_KEYS), values, min_size=2, max_size=8)


@given(ninjs_like(JSON_VALUES | PLAUSIBLE))
@example(
    {"uri": "<p>DEN HAAG (ANP) - Tekst.</p>", "headline": True}
)  # found: a headline that is no text
@example(NUL_IN_HTML)  # found: a NUL byte in HTML, which lxml's HTML parser refuses
@example(
    {
        "uri": "x",
        "headlines": "Kop",
        "bodies": {"value": "x"},
        "versionCreated": "2025-03-14T10:00:00Z",
    }
)
@example(
    {"uri": "x", "headline": "Kop", "bodies": ["tekst"], "versionCreated": "2025-03-14T10:00:00Z"}
)
def test_any_ninjs_like_json_is_read_or_refused(document: dict[str, Any]) -> None:
    read(json.dumps(document).encode(), "item.json")


@given(
    st.dictionaries(st.sampled_from(ANP_KEYS), JSON_VALUES | PLAUSIBLE, max_size=8).map(
        lambda d: {"bodyText": "", **d}
    )
)
def test_any_anp_like_json_is_read_or_refused(document: dict[str, Any]) -> None:
    read(json.dumps(document).encode(), "item.json")


def _tree(depth: int) -> st.SearchStrategy[Any]:
    text = st.text(alphabet=XML_CHARACTERS, max_size=30)
    leaf: st.SearchStrategy[Any] = st.tuples(
        st.sampled_from(NEWS_TAGS), ATTRIBUTES, text, st.just([])
    )
    if depth == 0:
        return leaf
    return leaf | st.tuples(
        st.sampled_from(NEWS_TAGS), ATTRIBUTES, text, st.lists(_tree(depth - 1), max_size=4)
    )


def _element(spec: Any) -> Any:
    tag, attributes, text, kids = spec
    element = etree.Element(tag, attributes)
    element.text = text
    element.extend(_element(kid) for kid in kids)
    return element


@given(_tree(4))
def test_any_news_shaped_xml_is_read_or_refused(spec: Any) -> None:
    read(etree.tostring(_element(spec), xml_declaration=True, encoding="utf-8"), "item.xml")


@given(st.binary(max_size=300), st.sampled_from(["item.xml", "item.json", "pagina.txt", "item"]))
@example(b"\xfe\xff<`0", "pagina.txt")  # found by atheris: UTF-16 cut off mid-character
@example(b"\xfe\xff\x03\xfe\xff", "item.json")  # found by atheris: the same, as JSON
def test_any_bytes_are_read_or_refused(data: bytes, name: str) -> None:
    read(data, name)
