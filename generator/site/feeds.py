"""Atom feeds: all stories, each section and each city (the newest of each).

Promise: every feed and every entry has an author (RFC 4287 4.1.1): the
entry's agency, else the site, and the site for the feed; titles and
summaries go into the feeds as text (feedgenerator escapes them), never as
markup; with ``WIRE_FEED_FULL_TEXT`` every entry also carries the story's
whole text as ``<content type="html">``: the very HTML of the story page's
body (Pelican's ``Article.get_content``, from the reader's markdown-it
rendering with raw HTML off, so wire text stays text), beside the summary;
entries carry stable ids (the story id as a tag URI) so feed readers never
show a story twice; a feed's bytes depend only on its stories and the
settings, so building twice gives the same file. Feeds are XML 1.0, which
cannot hold most control characters: the reader drops them from every
value, and the feed drops any left (so no story can stop a feed), and a feed
that still cannot be written is reported and the others are written.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import partial
from typing import Protocol, cast

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


class FeedArticle(Protocol):
    """What feeds use of Pelican's ``Article``: its story, and its body as the page shows it."""

    wire: SiteStory

    def get_content(self, siteurl: str) -> str: ...


class ArticleSource(Protocol):
    """What feeds use of Pelican's ``ArticlesGenerator``: its articles."""

    articles: list[FeedArticle]
    hidden_articles: list[FeedArticle]


Body = Callable[[SiteStory], str]


def story_bodies(settings: SiteSettings, generator: object) -> Body:
    """Each story's body HTML as its page shows it: Pelican's ``get_content``
    of the story's article (the reader's markdown-it HTML, raw HTML off), with
    links made from the feed's domain, as Pelican's own feeds do."""
    source = cast(ArticleSource, generator)
    article_of = {
        id(article.wire): article for article in [*source.articles, *source.hidden_articles]
    }

    def body(site: SiteStory) -> str:
        article = article_of.get(id(site))
        if article is None:  # a story the generator did not read: Pelican's order changed
            raise RuntimeError(f"wire-archive: no article for {site.source_path}")
        return article.get_content(settings.feed_domain)

    return body


def write_feed(
    settings: SiteSettings,
    path: str,
    title: str,
    stories: list[SiteStory],
    body: Body | None = None,
) -> None:
    """One Atom feed; with ``body``, each entry's whole text as its content."""
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
            content=None if body is None else xml_text(body(site)),  # HTML, escaped as text
        )
    atomic_write(settings.output / path, feed.writeString("utf-8"))


def write_feeds(build: Build, generator: object, writer: object) -> None:
    """The feed of all stories, and one per section and per city."""
    settings, archive = build.settings, built_archive(build)
    limit = settings.feed_items
    site_name = settings.site_name
    body = story_bodies(settings, generator) if settings.feed_full_text else None
    feeds = [(settings.feed_path, site_name, archive.stories[:limit])]
    for group in [*archive.sections, *archive.cities]:
        feeds.append((group.feed_url, f"{site_name}: {group.name}", group.newest(limit)))
    for path, title, stories in feeds:
        try:
            write_unless_fresh(
                writer,
                path,
                [title, stories],  # the settings (full text or not) are in the site key
                partial(write_feed, settings, path, title, stories, body),
            )
        except Exception as error:  # one feed: the others, and the pages, go on
            build.failures.page_failed(path, describe(error))
