"""The Pelican side of wire-archive: a plugin that only wires signals.

- ``reader``: Markdown with YAML front matter, rendered by markdown-it-py;
- ``structure``: the archive's grouping and each story's neighbours, once;
- ``listings``: home, calendar, section, city (with maps), search and 404
  pages, each costing time in proportion to what it shows (Pelican's own
  archives are switched off);
- ``feeds``: Atom feeds of all stories, each section and each city;
- ``sitemap``: sitemap.xml and robots.txt;
- ``search_index``: the Lunr index, its result store and the browser scripts.

Add ``"generator.site"`` to ``PLUGINS`` in the Pelican settings.
"""

from __future__ import annotations

from pelican import signals

from generator.site import feeds, listings, reader, search_index, sitemap, structure, templating


def register() -> None:
    signals.initialized.connect(structure.clean_output)
    signals.readers_init.connect(reader.add_reader)
    signals.generator_init.connect(templating.add_filters)
    signals.generator_init.connect(reader.drop_disabled_markdown_reader)
    signals.article_generator_finalized.connect(structure.prepare)
    signals.article_writer_finalized.connect(listings.write_listings)
    signals.article_writer_finalized.connect(feeds.write_feeds)
    signals.article_writer_finalized.connect(sitemap.write_sitemaps)
    signals.article_writer_finalized.connect(search_index.write_search_files)
