"""Before any page is written: the archive's structure and each story's neighbours.

Promise: ``prepare`` runs once, after Pelican has read every article and
before it writes them, so story pages can link to their neighbours and
related stories, and every listing, feed, sitemap and the search use the
same grouping (``build.archive``: ``SiteStory`` records, newest first).
Stories under embargo at the build's time are taken out first
(``embargo.hold_back``), so nothing of this build holds them.
Pelican's articles are touched here only: held back, sorted, and their
stories taken.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, cast

from generator.parallel import keep_out_of_gc
from generator.site.archive import Archive, attach_group_urls, build_archive
from generator.site.build import Build
from generator.site.embargo import hold_back
from generator.site.neighbours import attach_neighbours
from generator.site.stories import SiteStory
from generator.storage import remove_stale_temp_files


def newest_first(stories: list[SiteStory]) -> list[SiteStory]:
    """Newest first, and stories of the same moment by their place under
    content/ (their URL): Pelican reads files in no fixed order."""
    by_place = sorted(stories, key=lambda site: site.source_path.removesuffix(".md"))
    return sorted(by_place, key=lambda site: site.story.date, reverse=True)


class WireArticle(Protocol):
    """What this stage needs of Pelican's ``Article``: the story it carries."""

    wire: SiteStory


class ArticleGenerator(Protocol):
    """What this stage uses of Pelican's ``ArticlesGenerator``."""

    articles: list[WireArticle]
    hidden_articles: list[WireArticle]
    categories: list[object]
    tags: dict[object, object]
    authors: list[object]


def prepare(build: Build, pelican_generator: object) -> None:
    """After reading (Pelican's article_generator_finalized, which sends its
    ``ArticlesGenerator``)."""
    generator = cast(ArticleGenerator, pelican_generator)
    # First: a story held back must not count in any grouping, link or list.
    build.held_back = hold_back(generator, build.settings.build_time)
    articles, hidden = generator.articles, generator.hidden_articles
    stories = newest_first([article.wire for article in articles])
    article_of = {id(article.wire): article for article in articles}
    articles[:] = [article_of[id(site)] for site in stories]  # Pelican's order too
    # Pelican's category, tag and author pages are off, but its loop over them
    # still compares every story with every story of each category first.
    generator.categories, generator.tags, generator.authors = [], {}, []
    keep_out_of_gc()  # the stories live as long as the build
    archive = build_archive(stories)
    attach_group_urls([article.wire for article in hidden], archive)  # written too
    attach_neighbours(archive)
    build.archive = archive


def built_archive(build: Build) -> Archive:
    """The archive ``prepare`` made, for the stages after it."""
    if build.archive is None:  # a stage before prepare: Pelican's signal order changed
        raise RuntimeError("wire-archive: the archive was asked for before it was built")
    return build.archive


def clean_output(output: Path) -> None:
    """At the start of a build: remove what a killed build left half-written
    of our own files (they are written to a temporary file, then renamed)."""
    remove_stale_temp_files(output)
