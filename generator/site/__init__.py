"""The Pelican side of wire-archive: a plugin that only wires signals.

- ``reader``: Markdown with YAML front matter, rendered by markdown-it-py;
- ``listings``: home, day, section, city and search pages, each costing time
  in proportion to what it shows (Pelican's own archives are switched off);
- ``feeds``: the Atom feed;
- ``search_index``: the Lunr index, its result store and the browser scripts.

Add ``"generator.site"`` to ``PLUGINS`` in the Pelican settings.
"""

from __future__ import annotations

from pelican import signals

from generator.site import feeds, listings, reader, search_index, templating


def register() -> None:
    signals.readers_init.connect(reader.add_reader)
    signals.generator_init.connect(templating.add_filters)
    signals.generator_init.connect(reader.drop_disabled_markdown_reader)
    signals.article_writer_finalized.connect(listings.write_listings)
    signals.article_writer_finalized.connect(feeds.write_feeds)
    signals.article_writer_finalized.connect(search_index.write_search_files)
