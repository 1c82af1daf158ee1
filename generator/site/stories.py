"""Site build: a story as the site uses it, the same record for every page.

Promise: every stage after reading (listings, feeds, sitemap, search,
templates) sees a story as a ``SiteStory``: the ``Story`` its content file
records (typed, cleaned and bounded at reading), where the site puts it
(``url``, ``save_as``, its ``day`` from ``addresses.local_day``), and what the
structure step links it to (its section's and city's pages, its neighbours,
related stories). Pelican's ``Article`` carries it as ``article.wire``;
nothing reads a story's fields off the ``Article``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from generator.model import Story


@dataclass(eq=False)  # compared by identity: one object per story per build
class SiteStory:
    story: Story
    url: str  # ``2025/03/15/slug/``: from the file's place under content/
    save_as: str  # ``2025/03/15/slug/index.html``
    source_path: str  # the content file, as Pelican names it (for error reports)
    source_digest: str  # of the content file's bytes: what incremental builds compare
    day: date  # the local day: ``addresses.local_day(story.date)``
    section_url: str = ""  # set by the structure step
    city_url: str = ""
    city_name: str = ""  # the city's place's one name (``places.py``), set with city_url
    city_aliases: tuple[str, ...] = ()  # the place's other names
    day_prev: SiteStory | None = None
    day_next: SiteStory | None = None
    city_prev: SiteStory | None = None
    city_next: SiteStory | None = None
    related: list[SiteStory] = field(default_factory=list)
