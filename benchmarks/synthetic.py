"""Synthetic wire archives for benchmarks: deterministic, seeded, shaped like the real thing.

About 150 stories a day; 300 Dutch places with a long tail (the largest places
far more often, as in real datelines); 8 sections; headlines of about eight
words, leads of about thirty, bodies of about 250, from a composed Dutch word
list. The same ``count`` and ``seed`` always give the same stories.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

from generator.content.files import relative_path, render
from generator.model import DatePrecision, WireItem
from generator.places.gazetteer import places_in
from generator.text.identity import story_id
from generator.text.slugs import slugify

SECTIONS = (
    "Binnenland",
    "Buitenland",
    "Economie",
    "Sport",
    "Cultuur",
    "Wetenschap",
    "Politiek",
    "Regio",
)
SECTION_WEIGHTS = (30, 15, 18, 14, 8, 5, 7, 3)
PER_DAY = 150
START = datetime.fromisoformat("2023-01-02T06:00:00+01:00")
WORDS = [
    word
    for line in (Path(__file__).parent / "words_nl.txt").read_text("utf-8").splitlines()
    if not line.startswith("#")
    for word in line.split()
]


DUTCH_NAMES = {"The Hague": "Den Haag"}  # GeoNames' own name is English for this one


def places(count: int = 300) -> list[tuple[str, str]]:
    """The ``count`` most populous Dutch places: (name as a dateline writes it, name)."""
    names = [DUTCH_NAMES.get(name, name) for name, _ in places_in("NL")[:count]]
    return [(name.upper(), name) for name in names]


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def synthetic_items(count: int, seed: int = 7) -> Iterator[WireItem]:
    rng = random.Random(seed)
    cities = places()
    weights = [1 / (rank + 1) for rank in range(len(cities))]
    for number in range(count):
        moment = START + timedelta(days=number // PER_DAY, minutes=rng.randrange(16 * 60))
        written, city = rng.choices(cities, weights)[0]
        lead = f"{_sentence(rng, rng.randint(12, 18))} {_sentence(rng, rng.randint(10, 14))}"
        title = _sentence(rng, rng.randint(6, 10)).rstrip(".") + f" {number}"
        body = [f"{written} (ANP) - {lead}"] + [
            " ".join(_sentence(rng, rng.randint(10, 16)) for _ in range(4)) for _ in range(3)
        ]
        yield WireItem(
            id=story_id(f"{number} {lead}"),
            title=title,
            paragraphs=body,
            summary=lead,
            date=moment,
            date_precision=DatePrecision.MINUTE,
            date_source="synthetic",
            section=rng.choices(SECTIONS, SECTION_WEIGHTS)[0],
            city=city,
            agency="ANP",
            slug=slugify(title),
        )


def write_content(folder: Path, count: int, seed: int = 7) -> int:
    """The Markdown our converter would write for ``count`` synthetic stories."""
    written = 0
    for item in synthetic_items(count, seed):
        target = folder / relative_path(item, item.slug or item.id)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(item, item.slug or item.id), "utf-8")
        written += 1
    return written
