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
- ``plugin`` and ``build``: the handlers, and the one ``Build`` they pass to
  every stage (settings, and what one stage hands the next);
- ``failures``: a story that cannot be read or rendered is reported by its
  path, the rest of the site is built, and the build then exits non-zero.

Add ``"generator.site"`` to ``PLUGINS`` in the Pelican settings.
"""

from __future__ import annotations

from pelican import signals

from generator.site.plugin import WirePlugin

# One plugin object for the process: blinker keeps a connection once, so a
# Pelican made twice in one process (tests, ``pelican -r``) wires it once.
PLUGIN = WirePlugin()


def register() -> None:
    signals.initialized.connect(PLUGIN.initialized)
    signals.get_writer.connect(PLUGIN.get_writer)
    signals.readers_init.connect(PLUGIN.readers_init)
    signals.generator_init.connect(PLUGIN.generator_init)
    signals.article_generator_init.connect(PLUGIN.article_generator_init)
    signals.article_generator_finalized.connect(PLUGIN.article_generator_finalized)
    signals.article_writer_finalized.connect(PLUGIN.article_writer_finalized)
    signals.finalized.connect(PLUGIN.finalized)
