"""What a story page links to besides itself: the stories before and after it
on the same day and in the same city, and a few related stories.

Promises: neighbours follow the archive's time order; related stories are
related by what they say, not by where: those sharing the rarest words of
the headline and lead (a word counts 1 / the number of stories it is in),
with at least ``MIN_SCORE`` in all (a place's name, in many stories, does
not relate a port's figures to a football match there), never a story the
page already links as a neighbour; each story gets at most
``RELATED_COUNT``, fewer when fewer are related. The work per story is
bounded (rare words have short posting lists), so the whole costs time in
proportion to the archive.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from generator.search.pipeline import stop_words
from generator.site.archive import Archive
from generator.site.stories import SiteStory

RELATED_COUNT = 3
MIN_SCORE = 0.5  # one word only two stories have, or several a few more have
# Words of the calendar say when, not what: "zaterdagavond", "februari".
_WHEN = re.compile(
    r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\w*"
    r"|januari|februari|maart|april|juni|juli|augustus|september|oktober|november|december"
    r"|vannacht|vanavond|vanmorgen|vanmiddag|gisteren|vorige|vorig"
)
MAX_WORD_STORIES = 25  # a word in more stories than this says little about any of them
_WORD = re.compile(r"[^\W\d_]{5,}")
Words = dict[int, set[str]]  # id of a story -> its headline's and lead's words


def attach_neighbours(archive: Archive) -> None:
    for stories in archive.days.values():
        for position, site in enumerate(stories):
            site.day_prev, site.day_next = _around(stories, position)
    for group in archive.cities:
        for position, site in enumerate(group.stories):
            site.city_prev, site.city_next = _around(group.stories, position)
    words = {id(site): _words(site) for site in archive.stories}
    postings = _rare_words(archive.stories, words)
    for site in archive.stories:
        site.related = _related(site, words, postings)


def _around(stories: list[SiteStory], position: int) -> tuple[SiteStory | None, SiteStory | None]:
    before = stories[position - 1] if position > 0 else None
    after = stories[position + 1] if position + 1 < len(stories) else None
    return before, after


def _words(site: SiteStory) -> set[str]:
    """The headline's and lead's words, stop words left out."""
    text = f"{site.story.title} {site.story.summary}".casefold()
    return {
        word
        for word in _WORD.findall(text)
        if word not in stop_words() and not _WHEN.fullmatch(word)
    }


def _rare_words(stories: list[SiteStory], words: Words) -> dict[str, list[SiteStory]]:
    postings: dict[str, list[SiteStory]] = defaultdict(list)
    for site in stories:
        for word in words[id(site)]:
            postings[word].append(site)
    return {word: found for word, found in postings.items() if 1 < len(found) <= MAX_WORD_STORIES}


def _related(
    site: SiteStory, words: Words, postings: dict[str, list[SiteStory]]
) -> list[SiteStory]:
    linked = {id(other) for other in (site.day_prev, site.day_next, site.city_prev, site.city_next)}
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
    chosen = [other for score, other in ranked if score >= MIN_SCORE and id(other) not in linked]
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
