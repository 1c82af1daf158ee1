"""The web-page format: the text of an ANP news page as copied from a browser.

Layout (see README, "Copied web pages"): the headline; the lead, opening with a
dateline; more paragraphs; then optionally ``Meer uit <Sectie>`` and a list of
teasers, each the lead of another story, each followed by its relative age,
which the copy glues to the start of the next teaser's line.

Promise: ``parse`` returns the main story first, then one item per teaser, in
page order; or raises ``ParseError`` with the line that breaks these rules.
Every item is cleaned and bounded like any other format's
(``generator.text.clean``): a page with more than ``MAX_ITEMS_PER_FILE``
items, or a capture time outside the archive's years, is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from generator.errors import ParseError
from generator.formats.leads import Lead, read_lead
from generator.model import DEFAULT_SECTION, DatePrecision, WireItem
from generator.text.ages import Age, date_from_age, match_age_prefix
from generator.text.clean import MAX_ITEMS_PER_FILE, check_date, check_size, clean_item, clean_line
from generator.text.datelines import split_dateline
from generator.text.identity import story_id
from generator.text.titles import title_from_text
from generator.text.updates import replaced_headline, split_version

_MORE_FROM = re.compile(r"^Meer uit (?P<section>\S.{0,40})$")


@dataclass
class _Line:
    number: int
    text: str


@dataclass
class _Teaser:
    line: int
    paragraphs: list[str]
    age: Age | None = None


@dataclass
class _Page:
    headline: _Line
    body: list[_Line]
    section: str
    teasers: list[_Teaser] = field(default_factory=list)


def parse(
    text: str, *, path: str, captured_at: datetime | None, section: str | None = None
) -> list[WireItem]:
    """All items on one copied page; ``section`` serves when it has no ``Meer uit``."""
    page = _split_page(_lines(text), path, section or DEFAULT_SECTION)
    if captured_at is None:
        raise ParseError(
            expected="a capture time (--captured-at, or captured_at in a .meta.yaml sidecar)",
            found="none",
            path=path,
        )
    check_date(captured_at, "the capture time", path)  # ages count back from it
    items = [_main_story(page, path, captured_at)]
    items.extend(_teaser_item(teaser, page.section, path, captured_at) for teaser in page.teasers)
    return items


def _lines(text: str) -> list[_Line]:
    numbered = (_Line(n, clean_line(raw)) for n, raw in enumerate(text.splitlines(), 1))
    return [line for line in numbered if line.text]


def _split_page(lines: list[_Line], path: str, default_section: str) -> _Page:
    if not lines:
        raise ParseError(expected="a headline on the first line", found="an empty file", path=path)
    headline, rest = lines[0], lines[1:]
    if split_dateline(headline.text):
        raise ParseError(
            expected="a headline before the dateline", found=headline.text, path=path, line=1
        )
    more = next((i for i, line in enumerate(rest) if _MORE_FROM.match(line.text)), None)
    body = rest if more is None else rest[:more]
    if not body:
        raise ParseError(
            expected="a lead paragraph after the headline",
            found=rest[0].text if rest else "end of file",
            path=path,
            line=rest[0].number if rest else headline.number,
        )
    if more is None:
        return _Page(headline, body, default_section)
    section_match = _MORE_FROM.match(rest[more].text)
    assert section_match is not None
    page = _Page(headline, body, section_match.group("section").strip())
    page.teasers = _teasers(rest[more + 1 :], path, rest[more].number)
    return page


def _teasers(lines: list[_Line], path: str, more_line: int) -> list[_Teaser]:
    teasers: list[_Teaser] = []
    for line in lines:
        glued = match_age_prefix(line.text)
        text = line.text
        if glued:
            age, text = glued
            if not teasers or teasers[-1].age is not None:
                raise ParseError(
                    expected="a teaser before its age", found=line.text, path=path, line=line.number
                )
            teasers[-1].age = age
        if not text:
            continue
        if teasers and teasers[-1].age is None:
            teasers[-1].paragraphs.append(text)  # a teaser that runs over two lines
        else:
            # The page's own story is one item too.
            check_size(
                len(teasers) + 2, MAX_ITEMS_PER_FILE, "a page", path, unit="items", line=line.number
            )
            teasers.append(_Teaser(line.number, [text]))
    if not teasers:
        raise ParseError(
            expected="teasers after 'Meer uit'", found="end of file", path=path, line=more_line
        )
    if teasers[-1].age is None:
        last = lines[-1]
        raise ParseError(
            expected="the last teaser's age (such as '7 uur geleden')",
            found=last.text,
            path=path,
            line=last.number,
        )
    return teasers


def _main_story(page: _Page, path: str, captured_at: datetime) -> WireItem:
    title, version = split_version(page.headline.text)
    paragraphs = [line.text for line in page.body]
    replaces = replaced_headline(paragraphs[0])
    if replaces is not None:
        paragraphs = paragraphs[1:] or paragraphs  # the notice is not the story's text
        version = max(version, 2)
    lead = read_lead(paragraphs, repair_first_letter=True, path=path)  # pages: drop caps
    return _item(
        lead,
        title=title,
        section=page.section,
        date=captured_at,
        precision=DatePrecision.CAPTURED,
        date_source="captured-at",
        kind="story",
        path=path,
        captured_at=captured_at,
        version=version,
        replaces=replaces,
    )


def _teaser_item(teaser: _Teaser, section: str, path: str, captured_at: datetime) -> WireItem:
    assert teaser.age is not None
    lead = read_lead(teaser.paragraphs, path=path)
    return _item(
        lead,
        title=title_from_text(lead.summary),
        section=section,
        date=date_from_age(teaser.age, captured_at),
        precision=teaser.age.precision,
        date_source=f"age: {teaser.age.text.lower()}",
        kind="teaser",
        path=path,
        captured_at=captured_at,
    )


def _item(
    lead: Lead,
    *,
    title: str,
    section: str,
    date: datetime,
    precision: DatePrecision,
    date_source: str,
    kind: str,
    path: str,
    captured_at: datetime,
    version: int = 1,
    replaces: str | None = None,
) -> WireItem:
    item = WireItem(
        id=story_id(lead.summary),
        title=title,
        paragraphs=lead.paragraphs,
        summary=lead.summary,
        date=date,
        date_precision=precision,
        date_source=date_source,
        section=section,
        city=lead.city,
        cities=lead.cities,
        place=lead.place,
        agency=lead.agency,
        kind=kind,
        captured_at=captured_at,
        sources=(path,),
        version=version,
        replaces=replaces,
    )
    return clean_item(item)
