"""The Atom feed of the newest stories.

Promise: titles and summaries go into the feed as text (feedgenerator escapes
them), never as markup; entries are the newest ``WIRE_FEED_ITEMS`` stories,
with stable ids (the story id as a tag URI) so feed readers never show a story
twice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from feedgenerator import Atom1Feed

from generator.content.store import atomic_write

FEED_ITEMS_DEFAULT = 50
FEED_PATH_DEFAULT = "feeds/atom.xml"


def _absolute(settings: dict[str, Any], path: str) -> str:
    base = str(settings.get("FEED_DOMAIN") or settings.get("SITEURL") or "").rstrip("/")
    return f"{base}/{path}"


def _entry_id(article: Any) -> str:
    """A tag URI (RFC 4151) from the story id: it never changes with the URL."""
    story = article.metadata.get("id", article.slug)
    return f"tag:wire-archive,{article.date:%Y-%m-%d}:{story}"


def write_feeds(generator: Any, writer: Any) -> None:
    """Signal handler: ``feeds/atom.xml`` with the newest stories."""
    settings = generator.settings
    path = str(settings.get("WIRE_FEED_PATH", FEED_PATH_DEFAULT))
    limit = int(settings.get("WIRE_FEED_ITEMS", FEED_ITEMS_DEFAULT))
    feed = Atom1Feed(
        title=settings.get("SITENAME", "wire-archive"),
        link=_absolute(settings, ""),
        feed_url=_absolute(settings, path),
        description=settings.get("SITESUBTITLE", ""),
        language="nl",
    )
    for article in generator.articles[:limit]:
        feed.add_item(
            title=article.title,
            link=_absolute(settings, article.url),
            unique_id=_entry_id(article),
            description=article.summary,  # escaped HTML: the reader made it so
            pubdate=article.date,
            updateddate=getattr(article, "modified", None) or article.date,
            categories=[article.category.name],
        )
    target = Path(generator.output_path) / path
    atomic_write(target, feed.writeString("utf-8"))
