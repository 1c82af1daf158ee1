"""A synthetic pile of copied ANP web pages, for site-build benchmarks.

Promise: ``write_pile(folder, count, seed, start_day)`` writes pages in the
format of ``wire/webpages`` (headline, dateline lead, paragraphs, an optional
``Meer uit <Sectie>`` list of teasers with glued ages; a ``NAME.meta.yaml``
sidecar with ``captured_at``, and ``section`` where the page has no list)
that ``wire-archive import`` turns into exactly ``count`` stories, and
returns that number. The same arguments always give the same bytes.

Shape: 150 stories a day (from 06:00 to 22:00, Amsterdam time), each day
drawn from its own seeded generator, so ``start_day=days_for(count)`` adds
"one more day" dated after every story already written and changes none of
them. The 300 most populous Dutch places come up with a long tail (Zipf), the
8 sections with ``synthetic.SECTION_WEIGHTS``; headlines of about 8 words and
bodies of about 250, composed from ``words_nl.txt``. About a quarter of the
stories are known only as teasers (they appear in the ``Meer uit`` list of a
later page of their section, never on a page of their own); the other
stories' pages list up to five earlier stories of their section as teasers
(which merge into those stories). About 7% of the stories get an update page
later the same day: mostly a ``(2)`` (now and then also a ``(3)``) after the
headline, sometimes the letter-spaced ``N i e u w bericht, vervangt:`` notice
under a new headline. Teasers only name stories of the same day.
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from benchmarks.synthetic import PER_DAY, SECTION_WEIGHTS, SECTIONS, WORDS, places

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
FIRST_DAY = date(2023, 1, 2)
TEASERS = 5  # at most this many teasers on a page
TEASER_ONLY = 0.3  # chance that a story (not the last of its section that day) is a teaser only
UPDATED = 0.07  # chance that a full story gets an update page
NOTICE = 0.2  # of those, the share announced by a notice rather than a (2)
THIRD = 0.2  # of the (2) updates, the share that also get a (3)
REGIONAL = 0.05  # datelines without agency (regional copy)
CITIES = places()
CITY_WEIGHTS = [1 / (rank + 1) for rank in range(len(CITIES))]


@dataclass
class _Story:
    number: int
    moment: datetime
    section: str
    dateline: str  # "ROTTERDAM (ANP) - "
    title: str
    lead: str
    paragraphs: list[str]
    teaser_only: bool = False


def days_for(count: int) -> int:
    """How many days a pile of ``count`` stories spans: the next day's index."""
    return math.ceil(count / PER_DAY)


def write_pile(folder: Path, count: int, seed: int = 7, start_day: int = 0) -> int:
    """Write pages for ``count`` stories from day ``start_day`` on; return the story count."""
    written, day = 0, start_day
    while written < count:
        take = min(PER_DAY, count - written)
        pages = random.Random(f"{seed}/{day}/{take}")  # who is a teaser, who gets updates
        _write_day(folder, day, _day_stories(day, seed)[:take], pages)
        written += take
        day += 1
    return written


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng, rng.randint(8, 18)) for _ in range(4))


def _lead(rng: random.Random) -> str:
    return f"{_sentence(rng, rng.randint(12, 18))} {_sentence(rng, rng.randint(10, 14))}"


def _dateline(rng: random.Random) -> str:
    written, _ = rng.choices(CITIES, CITY_WEIGHTS)[0]
    return f"{written} - " if rng.random() < REGIONAL else f"{written} (ANP) - "


def _day_stories(day: int, seed: int) -> list[_Story]:
    """The day's 150 stories, in time order."""
    rng = random.Random(f"{seed}/{day}")
    morning = datetime.combine(FIRST_DAY + timedelta(days=day), time(6), AMSTERDAM)
    stories = []
    for number in range(PER_DAY):
        stories.append(
            _Story(
                number=number,
                moment=morning + timedelta(minutes=rng.randrange(16 * 60)),
                section=rng.choices(SECTIONS, SECTION_WEIGHTS)[0],
                dateline=_dateline(rng),
                title=_sentence(rng, rng.randint(6, 10)).rstrip("."),
                lead=_lead(rng),
                paragraphs=[_paragraph(rng) for _ in range(4)],
            )
        )
    return sorted(stories, key=lambda story: (story.moment, story.number))


def _by_section(stories: list[_Story]) -> dict[str, list[_Story]]:
    sections: dict[str, list[_Story]] = {}
    for story in stories:
        sections.setdefault(story.section, []).append(story)
    return sections


def _choose_teasers_only(sections: dict[str, list[_Story]], rng: random.Random) -> None:
    """Never two in a row and never a section's last, so the next page lists each one."""
    for run in sections.values():
        for before, story in itertools.pairwise(run[:-1]):
            story.teaser_only = not before.teaser_only and rng.random() < TEASER_ONLY


def _write_day(folder: Path, day: int, stories: list[_Story], rng: random.Random) -> None:
    target = folder / (FIRST_DAY + timedelta(days=day)).isoformat()
    target.mkdir(parents=True, exist_ok=True)
    sections = _by_section(stories)
    _choose_teasers_only(sections, rng)
    for run in sections.values():
        for position, story in enumerate(run):
            if story.teaser_only:
                continue
            earlier = run[max(0, position - TEASERS) : position][::-1]
            section = None if earlier else story.section  # a page with a list names it there
            _write_page(target, _name(story), _page(story, earlier), story.moment, section)
            if rng.random() < UPDATED:
                _write_updates(target, story, rng)


def _name(story: _Story, version: int = 1) -> str:
    suffix = f"-v{version}" if version > 1 else ""
    return f"{story.moment:%H%M}-{story.number:03d}{suffix}"


def _age(minutes: int) -> str:
    if minutes < 1:
        return "zojuist"
    if minutes < 60:
        return "1 minuut geleden" if minutes == 1 else f"{minutes} minuten geleden"
    hours = minutes // 60
    return "een uur geleden" if hours == 1 else f"{hours} uur geleden"


def _page(story: _Story, teasers: list[_Story]) -> list[str]:
    lines = [story.title, story.dateline + story.lead, *story.paragraphs]
    if teasers:
        lines.append(f"Meer uit {story.section}")
        age = ""
        for teaser in teasers:
            lines.append(age + teaser.dateline + teaser.lead)
            age = _age(int((story.moment - teaser.moment).total_seconds() // 60))
        lines.append(age)
    return lines


def _write_updates(target: Path, story: _Story, rng: random.Random) -> None:
    """A later version (or two) of ``story``: a new lead sentence, new paragraphs."""
    last = datetime.combine(story.moment.date(), time(23, 50), AMSTERDAM)
    moment = story.moment
    notice = rng.random() < NOTICE
    for version in (2, 3) if not notice and rng.random() < THIRD else (2,):
        moment = min(moment + timedelta(minutes=rng.randint(20, 150)), last)
        first = story.lead.split(". ")[0].rstrip(".")
        lead = f"{first}. {_sentence(rng, rng.randint(10, 16))}"
        paragraphs = [_paragraph(rng) for _ in range(3)]
        if notice:
            headline = _sentence(rng, rng.randint(6, 10)).rstrip(".")
            lines = [headline, f"N i e u w bericht, vervangt: {story.title}"]
        else:
            lines = [f"{story.title} ({version})"]
        lines += [story.dateline + lead, *paragraphs]
        _write_page(target, _name(story, version), lines, moment, story.section)


def _write_page(
    target: Path, name: str, lines: list[str], captured: datetime, section: str | None
) -> None:
    """The page and its sidecar; ``section`` for a page without a ``Meer uit`` list."""
    (target / f"{name}.txt").write_text("\n".join(lines) + "\n", "utf-8")
    sidecar = f'captured_at: "{captured.isoformat()}"\n'
    if section is not None:
        sidecar += f'section: "{section}"\n'
    (target / f"{name}.meta.yaml").write_text(sidecar, "utf-8")
