"""One page per story: duplicates, teasers of full stories and updated versions.

Promises:
- items with the same id become one item: the fullest text wins (a story over
  a teaser, more text over less, the one seen last on a tie), the earliest date
  stays, and every source is kept;
- an item with the same lead as a known story joins it (the same story from
  two sources or formats); an update of a web page (version 2 and up, or an
  item that says which headline it replaces) takes the id of the story it
  replaces, found by headline, so it merges into that story: the newest
  version's text wins, the first date stays, and ``modified`` records when the
  newer version appeared;
- a story keeps the slug it was written with; a new one is named after the
  fullest text of its first version (a headline over a teaser's sentence), so
  the URL does not depend on which later versions came along;
- what the winning version lacks (a city, a section other than the default,
  an agency...) is taken from the other versions;
- merging is idempotent: merging a merged item with any of its parts again
  gives the same item.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime

from generator.model import DEFAULT_SECTION, WireItem
from generator.text.identity import story_id
from generator.text.slugs import slugify

_VERSION_SUFFIX = re.compile(r"\s*\(\d{1,2}\)$")
MIN_LEAD = 40  # characters: shorter leads are too common to identify a story


def title_key(title: str) -> str:
    """A headline folded for matching: no case, spacing, version suffix or final period."""
    bare = _VERSION_SUFFIX.sub("", " ".join(title.casefold().split()))
    return bare.rstrip(". ")


def is_update(item: WireItem) -> bool:
    return item.version > 1 or item.replaces is not None


def lead_key(summary: str) -> str | None:
    """The lead's identity (as a web page's id); ``None`` for a lead too short to tell."""
    return story_id(summary) if len(" ".join(summary.split())) >= MIN_LEAD else None


def resolve_identities(
    items: list[WireItem],
    find_title: Callable[[str], str | None],
    find_lead: Callable[[str], str | None],
) -> list[WireItem]:
    """Give each item the id of the story it belongs to, when that story is known.

    An update without a provider id (a web page's ``(2)`` or notice) finds its
    story by headline; any other item finds it by its lead, so the same story
    from two sources or in two formats becomes one. Stories in ``items`` are
    searched first, then the archive (``find_title``, ``find_lead``).
    """
    titles = {title_key(item.title): item.id for item in items if not is_update(item)}
    leads: dict[str, str] = {}
    resolved = []
    for item in items:
        if is_update(item) and item.guid is None:
            key = title_key(item.replaces or item.title)
            target = titles.get(key) or find_title(key)
        else:
            key = lead_key(item.summary) or ""
            target = (leads.get(key) or find_lead(key)) if key else None
            leads.setdefault(key, target or item.id)
        if target and target != item.id:
            item = replace(item, id=target)
        resolved.append(item)
    return resolved


def merge_all(items: Iterable[WireItem]) -> list[WireItem]:
    """One item per id, in first-seen order."""
    groups: dict[str, list[WireItem]] = {}
    for item in items:
        groups.setdefault(item.id, []).append(item)
    return [merge_group(group) for group in groups.values()]


def merge_group(group: list[WireItem]) -> WireItem:
    """Merge items of one story, given oldest-seen first."""
    if len(group) == 1:
        return group[0]
    order = {id(item): position for position, item in enumerate(group)}
    newest_version = max(item.version for item in group)
    if newest_version > min(item.version for item in group):
        candidates = [item for item in group if item.version == newest_version]
        base = max(candidates, key=lambda item: (_fullness(item), order[id(item)]))
        modified = _latest([base.date, *(item.modified for item in group)])
    else:
        base = max(group, key=lambda item: (_fullness(item), order[id(item)]))
        modified = _latest([item.modified for item in group])
    base = _fill_gaps(base, group)
    earliest = min(group, key=lambda item: (item.date, order[id(item)]))
    lowest = min(item.version for item in group)
    first = max(
        (item for item in group if item.version == lowest),
        key=lambda item: (_fullness(item), -order[id(item)]),
    )
    return replace(
        base,
        date=earliest.date,
        date_precision=earliest.date_precision,
        date_source=earliest.date_source,
        modified=modified,
        sources=tuple(sorted({source for item in group for source in item.sources})),
        # A written slug is kept; a new story is named after its first version.
        slug=next((item.slug for item in group if item.slug), None) or slugify(first.title),
    )


# What a version may lack that another version of the story knows.
_FILLABLE = ("city", "cities", "place", "agency", "byline", "genre", "language", "guid")


def _fill_gaps(base: WireItem, group: list[WireItem]) -> WireItem:
    """Keep what other versions knew where the winning one knows nothing:
    an update page without ``Meer uit`` must not lose the story's section."""
    others = [item for item in reversed(group) if item is not base]
    filled: dict[str, object] = {}
    for name in _FILLABLE:
        if not getattr(base, name):
            found = next((getattr(item, name) for item in others if getattr(item, name)), None)
            if found:
                filled[name] = found
    if base.section == DEFAULT_SECTION:
        section = next((item.section for item in others if item.section != DEFAULT_SECTION), None)
        if section:
            filled["section"] = section
    return replace(base, **filled) if filled else base  # type: ignore[arg-type]


def _fullness(item: WireItem) -> tuple[bool, int]:
    return item.kind == "story", sum(map(len, item.paragraphs))


def _latest(moments: Iterable[datetime | None]) -> datetime | None:
    known = [moment for moment in moments if moment is not None]
    return max(known) if known else None
