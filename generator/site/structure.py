"""Before any page is written: the archive's structure and each story's neighbours.

Promise: ``prepare`` runs once, after Pelican has read every article and
before it writes them, so story pages can link to their neighbours and
related stories, and every listing, feed and sitemap uses the same grouping
(``context["wire_archive"]``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.parallel import keep_out_of_gc
from generator.site.archive import attach_group_urls, build_archive
from generator.site.build import Build
from generator.site.neighbours import attach_neighbours
from generator.storage import remove_stale_temp_files


def prepare(build: Build, generator: Any) -> None:
    """After reading (Pelican's article_generator_finalized)."""
    # Newest first, and stories of the same minute by their place under
    # content/: Pelican reads files in no fixed order.
    generator.articles.sort(key=lambda article: article.archive_path)
    generator.articles.sort(key=lambda article: article.date, reverse=True)
    for article in generator.articles:
        # Pelican formats a URL from the settings on every access; pages ask
        # for each story's URL many times (neighbours, listings, feeds).
        article.override_url = article.url
        article.override_save_as = article.save_as
    # Pelican's category, tag and author pages are off, but its loop over them
    # still compares every story with every story of each category first.
    generator.categories, generator.tags, generator.authors = [], {}, []
    keep_out_of_gc()  # the stories live as long as the build
    archive = build_archive(list(generator.articles))
    attach_group_urls(generator.hidden_articles, archive)  # written too, linking to both
    attach_neighbours(archive)
    generator.context["wire_archive"] = archive
    build.archive = archive


def clean_output(output: Path) -> None:
    """At the start of a build: remove what a killed build left half-written
    of our own files (they are written to a temporary file, then renamed)."""
    remove_stale_temp_files(output)
