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

from blinker import Signal
from pelican import signals

from generator.errors import SiteError
from generator.site.plugin import WirePlugin

# The one object of the plugin that lives as long as the process: Pelican's
# signals are process-wide (blinker's named signals), and Pelican calls
# register() for every Pelican made (tests, ``pelican -r``), so the handlers
# must be one object, which blinker then connects once. It carries no build
# from one to the next: its Build is made at ``initialized`` and dropped at
# ``finalized``.
PLUGIN = WirePlugin()


def register() -> None:
    for name, handler in PLUGIN.handlers().items():
        _signal(name).connect(handler)


def _signal(name: str) -> Signal:
    """Pelican's signal ``name`` (Pelican ships no types: checked here, once)."""
    found: object = getattr(signals, name, None)
    if not isinstance(found, Signal):
        raise SiteError(f"expected Pelican to send the signal {name!r}, found none")
    return found
