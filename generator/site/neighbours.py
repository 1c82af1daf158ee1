"""What a story page links to besides itself: the stories before and after it
on the same day and in the same city, and a few related stories.

Promises: neighbours follow the archive's time order; related stories are
first those from the same city within ``RELATED_DAYS`` days, then those sharing
the rarest words of the headline and lead; each story gets at most
``RELATED_COUNT``. The work per story is bounded (rare words have short
posting lists), so the whole costs time in proportion to the archive.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from generator.search.pipeline import stop_words
from generator.site.archive import Archive

RELATED_COUNT = 3
RELATED_DAYS = 3
MAX_WORD_STORIES = 25  # a word in more stories than this says little about any of them
_WORD = re.compile(r"[^\W\d_]{5,}")


def attach_neighbours(archive: Archive) -> None:
    for stories in archive.days.values():
        _link(stories, "day")
    near: dict[int, list[Any]] = {}
    for group in archive.cities:
        _link(group.articles, "city")
        for position, story in enumerate(group.articles):
            near[id(story)] = _same_city_near(group.articles, position)
    words = _rare_words(archive.articles)
    for article in archive.articles:
        article.related = _related(article, words, near.get(id(article), []))


def _same_city_near(stories: list[Any], position: int) -> list[Any]:
    """The stories of the same city within ``RELATED_DAYS`` days, closest first;
    only the few around ``position`` in the city's time order are looked at."""
    story = stories[position]
    around = (
        stories[max(0, position - RELATED_COUNT) : position]
        + stories[position + 1 : position + 1 + RELATED_COUNT]
    )
    window = timedelta(days=RELATED_DAYS)
    close = [other for other in around if abs(other.date - story.date) <= window]
    return sorted(close, key=lambda other: (abs(other.date - story.date), other.date))


def _link(stories: list[Any], kind: str) -> None:
    for position, story in enumerate(stories):
        setattr(story, f"{kind}_prev", stories[position - 1] if position > 0 else None)
        setattr(
            story, f"{kind}_next", stories[position + 1] if position + 1 < len(stories) else None
        )


def _words(article: Any) -> set[str]:
    """The headline's and lead's words, stop words left out (kept on the story)."""
    found: set[str] | None = getattr(article, "wire_words", None)
    if found is None:
        text = f"{article.title} {getattr(article, 'lead', '')}".casefold()
        found = {word for word in _WORD.findall(text) if word not in stop_words()}
        article.wire_words = found
    return found


def _rare_words(articles: list[Any]) -> dict[str, list[Any]]:
    postings: dict[str, list[Any]] = defaultdict(list)
    for article in articles:
        for word in _words(article):
            postings[word].append(article)
    return {word: found for word, found in postings.items() if 1 < len(found) <= MAX_WORD_STORIES}


def _related(article: Any, words: dict[str, list[Any]], near: list[Any]) -> list[Any]:
    chosen = list(near[:RELATED_COUNT])
    scores: dict[int, tuple[float, Any]] = {}
    for word in sorted(_words(article)):  # a fixed order: float sums, and so ties, repeat
        for other in words.get(word, []):
            if other is not article:
                score, _ = scores.get(id(other), (0.0, other))
                scores[id(other)] = (score + 1 / len(words[word]), other)
    ranked = sorted(scores.values(), key=lambda pair: (-pair[0], pair[1].date, pair[1].slug))
    seen = {id(other) for other in chosen}
    chosen += [other for _, other in ranked if id(other) not in seen]
    return chosen[:RELATED_COUNT]


def on_this_day(archive: Archive) -> tuple[date | None, list[Any]]:
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
