"""The judged Dutch search set (benchmarks, data): its stories and needs, read and written out.

Promises:
- ``load_stories`` and ``load_needs`` read ``tests/fixtures/search/``: blocks of
  ``key: value`` lines (the format is written at the top of each file), in
  file order; a block that lacks a key or repeats a single-valued one is a
  ``ValueError`` naming the file and line;
- ``write_content`` writes each story as the converter would, with its own
  ``render`` and ``relative_path``: the story's id is its URL slug, so a hit's
  URL names the story it is (``story_of_url``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from generator.content.files import relative_path, render
from generator.model import DatePrecision, WireItem
from generator.places.names import resolve_city
from generator.text.identity import story_id

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "search"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
STORY_KEYS = ("id", "date", "city", "section", "title", "lead", "body")
NEED_KEYS = ("id", "tags", "query", "relevant", "need")
REPEATED = frozenset({"body"})


@dataclass(frozen=True)
class JudgedStory:
    id: str
    date: str  # "YYYY-MM-DD HH:MM", Amsterdam time
    city: str
    section: str
    title: str
    lead: str
    body: tuple[str, ...]


@dataclass(frozen=True)
class Need:
    id: str
    tags: tuple[str, ...]
    query: str
    relevant: frozenset[str]
    need: str


Block = dict[str, list[str]]


def read_blocks(path: Path, keys: tuple[str, ...]) -> list[Block]:
    """The ``key: value`` blocks of ``path``; every key of ``keys`` present."""
    blocks: list[Block] = []
    current: Block = {}
    for number, line in enumerate([*path.read_text("utf-8").split("\n"), ""], 1):
        if line.startswith("#"):
            continue
        if not line.strip():
            if current:
                blocks.append(_complete(current, keys, f"{path.name}:{number}"))
            current = {}
            continue
        key, separator, value = line.partition(": ")
        if not separator or key not in keys or (key in current and key not in REPEATED):
            raise ValueError(f"{path.name}:{number}: expected one 'key: value' of {keys}: {line!r}")
        current.setdefault(key, []).append(value)
    return blocks


def _complete(block: Block, keys: tuple[str, ...], where: str) -> Block:
    missing = [key for key in keys if not any(value.strip() for value in block.get(key, []))]
    if missing:
        raise ValueError(f"{where}: block ends without {missing}")
    return block


def load_stories(folder: Path = FIXTURES) -> list[JudgedStory]:
    stories = []
    for path in sorted(folder.glob("judged_stories_*.txt")):
        for block in read_blocks(path, STORY_KEYS):
            single = {key: block[key][0] for key in STORY_KEYS if key not in REPEATED}
            stories.append(JudgedStory(**single, body=tuple(block["body"])))
    return stories


def load_needs(folder: Path = FIXTURES) -> list[Need]:
    return [
        Need(
            id=block["id"][0],
            tags=tuple(tag.strip() for tag in block["tags"][0].split(",")),
            query=block["query"][0],
            relevant=frozenset(block["relevant"][0].split()),
            need=block["need"][0],
        )
        for block in read_blocks(folder / "judged_needs.txt", NEED_KEYS)
    ]


def wire_item(story: JudgedStory) -> WireItem:
    """The story as a parser would hand it to the converter."""
    city = resolve_city(story.city.upper())
    return WireItem(
        id=story_id(f"judged {story.id}"),
        title=story.title,
        summary=story.lead,
        paragraphs=[f"{story.city.upper()} (ANP) - {story.lead}", *story.body],
        date=datetime.fromisoformat(story.date).replace(tzinfo=AMSTERDAM),
        date_precision=DatePrecision.MINUTE,
        date_source="judged set",
        section=story.section,
        city=city.name,
        place=city.place,
        agency="ANP",
        slug=story.id,
    )


def write_content(folder: Path, stories: list[JudgedStory]) -> int:
    """The Markdown files our converter would write for ``stories``."""
    for story in stories:
        item = wire_item(story)
        target = folder / relative_path(item, story.id)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(item, story.id), "utf-8")
    return len(stories)


def story_of_url(url: str) -> str:
    """``/2025/03/14/slug/`` (or without slashes, or with ``index.html``) -> ``slug``."""
    parts = [part for part in url.split("?")[0].split("/") if part and part != "index.html"]
    return parts[-1] if parts else ""
