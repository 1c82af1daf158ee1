"""Atom feeds: all stories, each section and each city (the newest of each).

Promise: titles and summaries go into the feeds as text (feedgenerator
escapes them), never as markup; entries carry stable ids (the story id as a
tag URI) so feed readers never show a story twice; a feed's bytes depend only
on its stories, so building twice gives the same file. Feeds are XML 1.0,
which cannot hold most control characters: the reader drops them from every
value, and the feed drops any left (so no story can stop a feed), and a feed
that still cannot be written is reported and the others are written.
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path
from typing import Any

from feedgenerator import Atom1Feed

from generator.site.archive import Archive
from generator.site.build import Build
from generator.site.failures import describe
from generator.site.writer import write_unless_fresh
from generator.storage import atomic_write

FEED_ITEMS_DEFAULT = 50
FEED_PATH_DEFAULT = "feeds/atom.xml"
# Characters XML 1.0 does not allow (tab, line feed and carriage return it does).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: object) -> str:
    """``value`` as text an XML 1.0 file can hold."""
    return _NOT_XML.sub("", str(value))


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
        title=xml_text(title),
        link=xml_text(_absolute(settings, "")),
        feed_url=xml_text(_absolute(settings, path)),
        description=xml_text(settings.get("SITESUBTITLE", "")),
        language="nl",
    )
    for article in stories:
        feed.add_item(
            title=xml_text(article.title),
            link=xml_text(_absolute(settings, article.url)),
            unique_id=xml_text(_entry_id(article)),
            description=xml_text(article.summary),  # escaped HTML: the reader made it so
            pubdate=article.date,
            updateddate=getattr(article, "modified", None) or article.date,
            categories=[xml_text(article.category.name)],
        )
    atomic_write(output / path, feed.writeString("utf-8"))


def write_feeds(build: Build, generator: Any, writer: Any) -> None:
    """The feed of all stories, and one per section and per city."""
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
        try:
            write_unless_fresh(
                writer,
                path,
                [title, stories],
                partial(write_feed, output, settings, path, title, stories),
            )
        except Exception as error:  # one feed: the others, and the pages, go on
            build.failures.page_failed(path, describe(error))
