"""The web-page format: the text of an ANP news page as copied from a browser.

Layout (see README, "Input formats"): the headline; the lead, opening with a
dateline; more paragraphs; then optionally ``Meer uit <Sectie>`` and a list of
teasers, each the lead of another story, each followed by its relative age,
which the copy glues to the start of the next teaser's line.

Promise: ``parse`` returns the main story first, then one item per teaser, in
page order; or raises ``ParseError`` with the line that breaks these rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from generator.errors import ParseError
from generator.model import DatePrecision, WireItem
from generator.places import proper_name, repair_drop_cap
from generator.text.ages import Age, date_from_age, match_age_prefix
from generator.text.datelines import RawDateline, replace_city, split_dateline
from generator.text.identity import story_id
from generator.text.titles import title_from_text

DEFAULT_SECTION = "Algemeen"
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
    items = [_main_story(page, path, captured_at)]
    items.extend(_teaser_item(teaser, page.section, path, captured_at) for teaser in page.teasers)
    return items


def _lines(text: str) -> list[_Line]:
    numbered = (_Line(n, " ".join(raw.split())) for n, raw in enumerate(text.splitlines(), 1))
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
    paragraphs = [line.text for line in page.body]
    dateline = split_dateline(paragraphs[0])
    if dateline:
        # The page sets the story's first letter apart as a drop cap.
        repaired = repair_drop_cap(dateline.city)
        if repaired:
            paragraphs[0] = replace_city(paragraphs[0], dateline.city, repaired)
            dateline = RawDateline(repaired, dateline.agency, dateline.rest)
    return _item(
        title=page.headline.text,
        paragraphs=paragraphs,
        dateline=dateline,
        section=page.section,
        date=captured_at,
        precision=DatePrecision.CAPTURED,
        date_source="captured-at",
        kind="story",
        path=path,
        captured_at=captured_at,
    )


def _teaser_item(teaser: _Teaser, section: str, path: str, captured_at: datetime) -> WireItem:
    assert teaser.age is not None
    dateline = split_dateline(teaser.paragraphs[0])
    lead = dateline.rest if dateline else teaser.paragraphs[0]
    return _item(
        title=title_from_text(lead),
        paragraphs=teaser.paragraphs,
        dateline=dateline,
        section=section,
        date=date_from_age(teaser.age, captured_at),
        precision=teaser.age.precision,
        date_source=f"age: {teaser.age.text.lower()}",
        kind="teaser",
        path=path,
        captured_at=captured_at,
    )


def _item(
    *,
    title: str,
    paragraphs: list[str],
    dateline: RawDateline | None,
    section: str,
    date: datetime,
    precision: DatePrecision,
    date_source: str,
    kind: str,
    path: str,
    captured_at: datetime,
) -> WireItem:
    summary = dateline.rest if dateline else paragraphs[0]
    return WireItem(
        id=story_id(summary),
        title=title,
        paragraphs=paragraphs,
        summary=summary,
        date=date,
        date_precision=precision,
        date_source=date_source,
        section=section,
        city=proper_name(dateline.city) if dateline else None,
        agency=dateline.agency if dateline else None,
        kind=kind,
        captured_at=captured_at,
        sources=(path,),
    )
