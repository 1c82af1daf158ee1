"""What a story page links to besides itself: the stories before and after it
on the same day and in the same city, and a few related stories.

Promises: neighbours follow the archive's time order; related stories are
first those from the same city within ``RELATED_DAYS`` days, then those sharing
the rarest words of the headline and lead, never a story the page already
links as a neighbour; each story gets at most ``RELATED_COUNT``. The work
per story is bounded (rare words have short posting lists), so the whole
costs time in proportion to the archive.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta

from generator.search.pipeline import stop_words
from generator.site.archive import Archive
from generator.site.stories import SiteStory

RELATED_COUNT = 3
RELATED_DAYS = 3
MAX_WORD_STORIES = 25  # a word in more stories than this says little about any of them
_WORD = re.compile(r"[^\W\d_]{5,}")
Words = dict[int, set[str]]  # id of a story -> its headline's and lead's words


def attach_neighbours(archive: Archive) -> None:
    for stories in archive.days.values():
        for position, site in enumerate(stories):
            site.day_prev, site.day_next = _around(stories, position)
    near: dict[int, list[SiteStory]] = {}
    for group in archive.cities:
        for position, site in enumerate(group.stories):
            site.city_prev, site.city_next = _around(group.stories, position)
            near[id(site)] = _same_city_near(group.stories, position)
    words = {id(site): _words(site) for site in archive.stories}
    postings = _rare_words(archive.stories, words)
    for site in archive.stories:
        site.related = _related(site, words, postings, near.get(id(site), []))


def _around(stories: list[SiteStory], position: int) -> tuple[SiteStory | None, SiteStory | None]:
    before = stories[position - 1] if position > 0 else None
    after = stories[position + 1] if position + 1 < len(stories) else None
    return before, after


def _same_city_near(stories: list[SiteStory], position: int) -> list[SiteStory]:
    """The stories of the same city within ``RELATED_DAYS`` days, closest first;
    only the few around ``position`` in the city's time order are looked at."""
    moment = stories[position].story.date
    around = (
        stories[max(0, position - RELATED_COUNT) : position]
        + stories[position + 1 : position + 1 + RELATED_COUNT]
    )
    window = timedelta(days=RELATED_DAYS)
    close = [other for other in around if abs(other.story.date - moment) <= window]
    return sorted(close, key=lambda other: (abs(other.story.date - moment), other.story.date))


def _words(site: SiteStory) -> set[str]:
    """The headline's and lead's words, stop words left out."""
    text = f"{site.story.title} {site.story.summary}".casefold()
    return {word for word in _WORD.findall(text) if word not in stop_words()}


def _rare_words(stories: list[SiteStory], words: Words) -> dict[str, list[SiteStory]]:
    postings: dict[str, list[SiteStory]] = defaultdict(list)
    for site in stories:
        for word in words[id(site)]:
            postings[word].append(site)
    return {word: found for word, found in postings.items() if 1 < len(found) <= MAX_WORD_STORIES}


def _related(
    site: SiteStory, words: Words, postings: dict[str, list[SiteStory]], near: list[SiteStory]
) -> list[SiteStory]:
    linked = {id(other) for other in (site.day_prev, site.day_next, site.city_prev, site.city_next)}
    chosen = [other for other in near if id(other) not in linked][:RELATED_COUNT]
    scores: dict[int, tuple[float, SiteStory]] = {}
    for word in sorted(words[id(site)]):  # a fixed order: float sums, and so ties, repeat
        for other in postings.get(word, []):
            if other is not site:
                score, _ = scores.get(id(other), (0.0, other))
                scores[id(other)] = (score + 1 / len(postings[word]), other)
    ranked = sorted(
        scores.values(),
        key=lambda pair: (-pair[0], pair[1].story.date, pair[1].story.slug or ""),
    )
    seen = linked | {id(other) for other in chosen}
    chosen += [other for _, other in ranked if id(other) not in seen]
    return chosen[:RELATED_COUNT]


def on_this_day(archive: Archive) -> tuple[date | None, list[SiteStory]]:
    """Stories of this calendar date in earlier years; "this date" is the newest
    day in the archive, so a build never depends on the clock."""
    if not archive.days:
        return None, []
    newest = max(archive.days)
    earlier = [
        day
        for day in archive.days
        if (day.month, day.day) == (newest.month, newest.day) and day.year < newest.year
    ]
    return newest, [story for day in sorted(earlier, reverse=True) for story in archive.days[day]]
