"""Atom feeds: all stories, each section and each city (the newest of each).

Promise: every feed and every entry has an author (RFC 4287 4.1.1): the
entry's agency, else the site, and the site for the feed; titles and summaries
go into the feeds as text (feedgenerator
escapes them), never as markup; entries carry stable ids (the story id as a
tag URI) so feed readers never show a story twice; a feed's bytes depend only
on its stories, so building twice gives the same file. Feeds are XML 1.0,
which cannot hold most control characters: the reader drops them from every
value, and the feed drops any left (so no story can stop a feed), and a feed
that still cannot be written is reported and the others are written.
"""

from __future__ import annotations

import html
import re
from functools import partial

from feedgenerator import Atom1Feed

from generator.site.build import Build, SiteSettings
from generator.site.failures import describe
from generator.site.stories import SiteStory
from generator.site.structure import built_archive
from generator.site.writer import write_unless_fresh
from generator.storage import atomic_write

# Characters XML 1.0 does not allow (tab, line feed and carriage return it does).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: object) -> str:
    """``value`` as text an XML 1.0 file can hold."""
    return _NOT_XML.sub("", str(value))


def _absolute(settings: SiteSettings, path: str) -> str:
    return f"{settings.feed_domain}/{path}"


def _entry_id(site: SiteStory) -> str:
    """A tag URI (RFC 4151) from the story id: it never changes with the URL.
    (Its date is the one the source gave, in the source's offset: an id, not
    a day of the archive, and ids once published stay.)"""
    return f"tag:wire-archive,{site.story.date:%Y-%m-%d}:{site.story.id}"


def write_feed(settings: SiteSettings, path: str, title: str, stories: list[SiteStory]) -> None:
    feed = Atom1Feed(
        title=xml_text(title),
        link=xml_text(_absolute(settings, "")),
        feed_url=xml_text(_absolute(settings, path)),
        description=xml_text(settings.site_subtitle),
        language="nl",
        author_name=xml_text(settings.site_name),  # RFC 4287 4.1.1: a feed has an author
    )
    for site in stories:
        story = site.story
        feed.add_item(
            title=xml_text(story.title),
            link=xml_text(_absolute(settings, site.url)),
            unique_id=xml_text(_entry_id(site)),
            description=xml_text(html.escape(story.summary)),  # feeds take it as HTML
            pubdate=story.date,
            updateddate=story.modified or story.date,
            categories=[xml_text(story.section)],
            author_name=xml_text(story.agency or settings.site_name),
        )
    atomic_write(settings.output / path, feed.writeString("utf-8"))


def write_feeds(build: Build, generator: object, writer: object) -> None:
    """The feed of all stories, and one per section and per city."""
    settings, archive = build.settings, built_archive(build)
    limit = settings.feed_items
    site_name = settings.site_name
    feeds = [(settings.feed_path, site_name, archive.stories[:limit])]
    for group in [*archive.sections, *archive.cities]:
        feeds.append((group.feed_url, f"{site_name}: {group.name}", group.newest(limit)))
    for path, title, stories in feeds:
        try:
            write_unless_fresh(
                writer,
                path,
                [title, stories],
                partial(write_feed, settings, path, title, stories),
            )
        except Exception as error:  # one feed: the others, and the pages, go on
            build.failures.page_failed(path, describe(error))
