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
- a match by headline or lead never reaches an unrelated story: only one of
  the same agency (or source format), within ``UPDATE_WINDOW`` or
  ``LEAD_WINDOW``, and not one whose provider id differs (``generator.matching``);
- a story keeps the slug it was written with; a new one is named after the
  fullest text of its first version (a headline over a teaser's sentence), so
  the URL does not depend on which later versions came along;
- what the winning version lacks (a city, a section other than the default,
  an agency...) is taken from the other versions;
- merging is idempotent: merging a merged item with any of its parts again
  gives the same item.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta

from generator.addresses import day_key
from generator.matching import (
    LEAD_WINDOW,
    UPDATE_WINDOW,
    Known,
    PileStories,
    Stories,
    compatible,
    gap,
    is_update,
    lead_key,
    title_key,
)
from generator.model import DEFAULT_SECTION, WireItem
from generator.text.identity import story_id
from generator.text.slugs import slugify


def resolve_identities(items: list[WireItem], archive: Stories) -> list[WireItem]:
    """Give each item the id of the story it belongs to, when that story is known.

    An item with a provider id joins the story that carries the same one; an
    update without one (a web page's ``(2)`` or notice) finds its story by
    headline; any item may find it by its lead, so the same story from two
    sources or in two formats becomes one. Every such match obeys
    ``compatible``: the same agency (or source format), close in time, no
    provider ids that disagree. An item whose own id (the hash of its lead)
    is held by a story it may not join gets an id of its own for its day, so
    recurring copy never lands in last year's file. Stories in ``items`` are
    searched first, then the ``archive``; stories before updates, each in the
    pile's order.
    """
    pile = PileStories()
    resolved: dict[int, WireItem] = {}
    for position in sorted(range(len(items)), key=lambda index: is_update(items[index])):
        item = items[position]
        target = _find_story(item, pile, archive)
        if target != item.id:
            item = replace(item, id=target)
        pile.add(item)
        resolved[position] = item
    return [resolved[position] for position in range(len(items))]


def _find_story(item: WireItem, pile: Stories, archive: Stories) -> str:
    me = Known.of(item)
    if item.guid is not None:
        # The provider's id names the story: trusted across any gap in time.
        for known in [*pile.by_guid(item.guid), *archive.by_guid(item.guid)]:
            return known.id
    elif is_update(item):
        title = title_key(item.replaces or item.title)
        found = _nearest(me, [*pile.by_title(title), *archive.by_title(title)], UPDATE_WINDOW)
        if found is not None:
            return found
    lead = lead_key(item.summary)
    if lead is not None:
        candidates = [*pile.by_lead(lead), *archive.by_lead(lead)]
        found = _nearest(me, candidates, LEAD_WINDOW, same_lead=True)
        if found is not None:
            return found
    return _own_id(item, me, pile, archive)


def _own_id(item: WireItem, me: Known, pile: Stories, archive: Stories) -> str:
    """The item's id, or, when a story it may not join holds it, one for its day."""
    day = day_key(item.date)
    for attempt in range(100):
        candidate = item.id if attempt == 0 else _day_id(item.id, day, attempt)
        holders = [*pile.by_id(candidate), *archive.by_id(candidate)]
        if not holders or _nearest(me, holders, LEAD_WINDOW) is not None:
            return candidate
    raise AssertionError(f"no free id for {item.id}")  # 100 unrelated stories on one day


def _day_id(story: str, day: str, attempt: int) -> str:
    suffix = "" if attempt == 1 else f"#{attempt}"
    return story_id(f"{story}@{day}{suffix}")


def _nearest(
    me: Known, candidates: list[Known], window: timedelta, *, same_lead: bool = False
) -> str | None:
    """The id of the candidate closest in time that ``me`` may join, if any."""
    fitting = [known for known in candidates if compatible(me, known, window, same_lead=same_lead)]
    if not fitting:
        return None
    return min(fitting, key=lambda known: (gap(me, known), -known.first.timestamp())).id


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
