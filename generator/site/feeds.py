"""Atom feeds: all stories, each section and each city (the newest of each).

Promise: titles and summaries go into the feeds as text (feedgenerator
escapes them), never as markup; entries carry stable ids (the story id as a
tag URI) so feed readers never show a story twice; a feed's bytes depend only
on its stories, so building twice gives the same file.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from feedgenerator import Atom1Feed

from generator.content.store import atomic_write
from generator.site.archive import Archive
from generator.site.timings import timed
from generator.site.writer import write_unless_fresh

FEED_ITEMS_DEFAULT = 50
FEED_PATH_DEFAULT = "feeds/atom.xml"


def feed_path(kind: str, slug: str) -> str:
    """Where the feed of one section or city lives: ``feeds/plaats/den-haag.atom.xml``."""
    return f"feeds/{kind}/{slug}.atom.xml"


def _absolute(settings: dict[str, Any], path: str) -> str:
    base = str(settings.get("FEED_DOMAIN") or settings.get("SITEURL") or "").rstrip("/")
    return f"{base}/{path}"


def _entry_id(article: Any) -> str:
    """A tag URI (RFC 4151) from the story id: it never changes with the URL."""
    story = article.metadata.get("id", article.slug)
    return f"tag:wire-archive,{article.date:%Y-%m-%d}:{story}"


def write_feed(
    output: Path, settings: dict[str, Any], path: str, title: str, stories: list[Any]
) -> None:
    feed = Atom1Feed(
        title=title,
        link=_absolute(settings, ""),
        feed_url=_absolute(settings, path),
        description=settings.get("SITESUBTITLE", ""),
        language="nl",
    )
    for article in stories:
        feed.add_item(
            title=article.title,
            link=_absolute(settings, article.url),
            unique_id=_entry_id(article),
            description=article.summary,  # escaped HTML: the reader made it so
            pubdate=article.date,
            updateddate=getattr(article, "modified", None) or article.date,
            categories=[article.category.name],
        )
    atomic_write(output / path, feed.writeString("utf-8"))


@timed("feeds")
def write_feeds(generator: Any, writer: Any) -> None:
    """Signal handler: the feed of all stories, and one per section and per city."""
    settings = generator.settings
    archive: Archive = generator.context["wire_archive"]
    output = Path(generator.output_path)
    limit = int(settings.get("WIRE_FEED_ITEMS", FEED_ITEMS_DEFAULT))
    site = settings.get("SITENAME", "wire-archive")
    all_path = str(settings.get("WIRE_FEED_PATH", FEED_PATH_DEFAULT))
    feeds = [(all_path, site, archive.articles[:limit])]
    for group in [*archive.sections, *archive.cities]:
        feeds.append(
            (feed_path(group.kind, group.slug), f"{site}: {group.name}", group.newest(limit))
        )
    for path, title, stories in feeds:
        write_unless_fresh(
            writer,
            path,
            [title, stories],
            partial(write_feed, output, settings, path, title, stories),
        )
