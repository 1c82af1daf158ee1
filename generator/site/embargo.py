"""Site build, before any page is written: stories under embargo are held back.

Stage: part of ``structure.prepare`` (after Pelican read every article, before
anything is written or grouped).

Promise: a story whose ``embargo`` lies after the build's time
(``WIRE_BUILD_TIME``, default now) leaves every list of Pelican's articles
generator (published, hidden, draft, and their translations), so no page,
listing, feed, sitemap, search file, neighbour link, count or map of this
build holds it, and the page an earlier build wrote of it is removed as
stale (``build_state``). Nothing about the decision is cached: every build
decides again from the story's front matter, so the first build after the
embargo publishes the story, even when no file changed. Each story held
back is named at the end of the build (``report``), with a count; holding a
story back is no failure.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from generator.addresses import local_time
from generator.model import Story
from generator.site.stories import SiteStory

# Every list of articles Pelican writes pages from or hands to templates
# (``ArticlesGenerator.generate_context``): a story must leave all of them.
ARTICLE_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
    "dates",
)


@dataclass(frozen=True)
class HeldBack:
    """A story this build did not publish, and until when."""

    source_path: str  # the content file, as Pelican names it
    until: datetime  # its embargo


class WireArticle(Protocol):
    """What this stage needs of Pelican's ``Article``: the story it carries."""

    wire: SiteStory


class ShownPath(Protocol):
    """``Failures.shown_path``: a path under content/ as the user knows it."""

    def __call__(self, relative: str) -> str: ...


def embargo_after(story: Story, now: datetime) -> datetime | None:
    """``story``'s embargo when it has not ended at ``now`` (both aware), else
    None: a story is published from the very moment its embargo names."""
    return story.embargo if story.embargo is not None and story.embargo > now else None


def take_out(generator: object, leaves: Callable[[SiteStory], bool]) -> tuple[list[SiteStory], int]:
    """Take every story ``leaves`` picks out of the articles generator's lists
    (in place: Pelican's context holds the same lists), so no page, listing,
    feed or search file of the build holds it; (the stories taken out, in the
    order of their content files; how many stories stayed)."""
    gone: dict[str, SiteStory] = {}
    stayed: set[str] = set()
    for name in ARTICLE_LISTS:
        articles: object = getattr(generator, name, None)
        if not isinstance(articles, list):
            continue  # a list this Pelican does not keep
        kept: list[WireArticle] = []
        for article in articles:
            site: SiteStory | None = getattr(article, "wire", None)
            if site is not None and leaves(site):
                gone[site.source_path] = site
                continue
            if site is not None:
                stayed.add(site.source_path)
            kept.append(article)
        articles[:] = kept
    return [gone[path] for path in sorted(gone)], len(stayed)


def hold_back(generator: object, now: datetime) -> list[HeldBack]:
    """Take every story under embargo at ``now`` out of the build (``take_out``);
    the stories held back, in the order of their content files."""
    under, _ = take_out(generator, lambda site: embargo_after(site.story, now) is not None)
    return [HeldBack(site.source_path, site.story.embargo or now) for site in under]


def report(held: list[HeldBack], content: Path, shown_path: ShownPath) -> None:
    """One line per story held back, then the count (stderr, as the
    converter's notices: this is news, not a failure)."""
    if not held:
        return
    for story in held:
        where = shown_path(_relative(story.source_path, content))
        until = local_time(story.until).isoformat()
        print(f"Embargo: {where}: held back under embargo until {until}", file=sys.stderr)
    count = f"{len(held)} {'story' if len(held) == 1 else 'stories'}"
    print(
        f"Embargo: {count} held back, published by the first build after the embargo ends",
        file=sys.stderr,
        flush=True,
    )


def _relative(source_path: str, content: Path) -> str:
    path = Path(source_path)
    if path.is_relative_to(content):
        return path.relative_to(content).as_posix()
    resolved = content.resolve()
    return path.relative_to(resolved).as_posix() if path.is_relative_to(resolved) else source_path
