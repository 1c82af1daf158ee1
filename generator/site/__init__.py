"""The Pelican side of wire-archive: a plugin that only wires signals.

- ``read_cache`` and ``reader``: Markdown with YAML front matter, rendered by
  markdown-it-py, parsed on every core and only when a file changed;
- ``structure``: the archive's grouping and each story's neighbours, once;
- ``listings``: home, calendar, section, city (with maps), search and 404
  pages, each costing time in proportion to what it shows (Pelican's own
  archives are switched off);
- ``feeds``: Atom feeds of all stories, each section and each city;
- ``sitemap``: sitemap.xml and robots.txt;
- ``search_index``: the Lunr index, its result store and the browser scripts;
- ``static_files``: the theme's files, copied only when they changed;
- ``writer``: every page queued with its fingerprint, and only the pages
  whose fingerprint changed rendered, on every core (``fingerprint``,
  ``build_state``);
- ``timings``: how long each step took;
- ``failures``: a story that cannot be read or rendered is reported by its
  path, the rest of the site is built, and the build then exits non-zero.

Add ``"generator.site"`` to ``PLUGINS`` in the Pelican settings.
"""

from __future__ import annotations

from pelican import signals

from generator.site import (
    failures,
    feeds,
    listings,
    read_cache,
    reader,
    search_index,
    sitemap,
    static_files,
    structure,
    templating,
    timings,
    writer,
)


def register() -> None:
    signals.initialized.connect(timings.begin_build)
    signals.initialized.connect(failures.begin_build)
    signals.initialized.connect(structure.clean_output)
    signals.get_writer.connect(writer.make_writer)
    signals.readers_init.connect(reader.add_reader)
    signals.generator_init.connect(templating.add_filters)
    signals.generator_init.connect(reader.drop_disabled_markdown_reader)
    signals.article_generator_init.connect(timings.begin_reading)
    signals.article_generator_init.connect(read_cache.start_reading)
    signals.article_generator_init.connect(failures.watch_content)
    signals.article_generator_finalized.connect(read_cache.finish_reading)
    signals.article_generator_finalized.connect(timings.end_reading)
    signals.article_generator_finalized.connect(search_index.start_search_files)
    signals.article_generator_finalized.connect(structure.prepare)
    signals.article_writer_finalized.connect(listings.write_listings)
    signals.article_writer_finalized.connect(feeds.write_feeds)
    signals.article_writer_finalized.connect(sitemap.write_sitemaps)
    signals.article_writer_finalized.connect(static_files.copy_theme_files)
    signals.finalized.connect(writer.flush_pages)
    signals.finalized.connect(search_index.finish_search_files)
    signals.finalized.connect(timings.end_build)
    signals.finalized.connect(failures.report)  # last: after every page and file
