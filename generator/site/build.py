"""Site build, all stages: one build's settings and state, passed to every handler.

Promise: the plugin's signal handlers share nothing through module globals:
``Build`` is made when Pelican starts a build (``initialized``) and handed to
each stage, which keeps what it must pass on (the reading under way, the
writer, the archive, the search process) on it. ``SiteSettings`` is the typed
view of the settings the plugin reads, so no stage looks a setting up by name
or guesses its type; ``settings.raw`` is Pelican's own dict, for Pelican.
``PelicanRun`` and ``PelicanGenerator`` declare what the plugin uses of
Pelican's objects (Pelican ships no types), so the handlers are typed too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from jinja2 import Environment, Template

from generator.addresses import ARCHIVE_ZONE
from generator.errors import SiteError
from generator.site.period import Period, period_setting

if TYPE_CHECKING:
    from generator.parallel import Background
    from generator.site.archive import Archive
    from generator.site.embargo import HeldBack
    from generator.site.failures import Failures
    from generator.site.read_cache import Reading
    from generator.site.timings import Timings
    from generator.site.writer import WireWriter

HOME_ITEMS_DEFAULT = 30
FEED_ITEMS_DEFAULT = 50
FEED_PATH_DEFAULT = "feeds/atom.xml"


class PelicanRun(Protocol):
    """What the plugin uses of the ``Pelican`` object a build signal sends."""

    settings: dict[str, Any]


class PelicanGenerator(Protocol):
    """What the plugin uses of a Pelican generator (its articles generator above all)."""

    settings: dict[str, Any]
    context: dict[str, Any]
    path: str
    env: Environment

    def get_files(self, paths: Sequence[str], exclude: Sequence[str] = ()) -> set[str]: ...

    def get_template(self, name: str) -> Template: ...


@dataclass(frozen=True)
class SiteSettings:
    """The settings the plugin reads (README.md lists the ``WIRE_`` ones)."""

    raw: dict[str, Any]  # Pelican's settings, as Pelican keeps them
    content: Path  # PATH
    output: Path  # OUTPUT_PATH
    cache: Path  # CACHE_PATH
    theme: Path  # THEME
    theme_static_dir: str  # THEME_STATIC_DIR
    site_name: str  # SITENAME
    site_subtitle: str  # SITESUBTITLE
    site_url: str  # SITEURL, without a trailing /
    feed_domain: str  # FEED_DOMAIN (else SITEURL), without a trailing /
    relative_urls: bool  # RELATIVE_URLS
    pagination: int  # DEFAULT_PAGINATION: 0 for none
    paginated_templates: frozenset[str]  # PAGINATED_TEMPLATES (the writer refuses them)
    article_paths: tuple[str, ...]  # ARTICLE_PATHS, under PATH
    article_excludes: tuple[str, ...]  # ARTICLE_EXCLUDES
    home_items: int  # WIRE_HOME_ITEMS
    feed_items: int  # WIRE_FEED_ITEMS
    feed_path: str  # WIRE_FEED_PATH
    feed_full_text: bool  # WIRE_FEED_FULL_TEXT: each entry also carries the story's whole text
    node_modules: Path  # WIRE_NODE_MODULES
    jobs: int  # WIRE_BUILD_JOBS: worker processes, 0 for one per core
    count_calls: bool  # WIRE_COUNT_CALLS
    build_time: datetime  # WIRE_BUILD_TIME (aware): embargoes end before it; default now
    period: Period | None  # WIRE_PERIOD: only the stories of these years; None: all

    @classmethod
    def of(cls, raw: dict[str, Any]) -> SiteSettings:
        def text(key: str, default: str = "") -> str:
            value = raw.get(key)
            return default if value is None else str(value)

        def number(key: str, default: int) -> int:
            value = raw.get(key)
            return default if value is None or value == "" else int(value)

        def names(key: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
            value = raw.get(key)
            return default if value is None else tuple(str(name) for name in value)

        site_url = text("SITEURL").rstrip("/")
        return cls(
            raw=raw,
            content=Path(text("PATH", "content")),
            output=Path(text("OUTPUT_PATH", "output")),
            cache=Path(text("CACHE_PATH", "cache")),
            theme=Path(text("THEME")),
            theme_static_dir=text("THEME_STATIC_DIR", "theme"),
            site_name=text("SITENAME", "wire-archive"),
            site_subtitle=text("SITESUBTITLE"),
            site_url=site_url,
            feed_domain=text("FEED_DOMAIN").rstrip("/") or site_url,
            relative_urls=bool(raw.get("RELATIVE_URLS")),
            pagination=number("DEFAULT_PAGINATION", 0) if raw.get("DEFAULT_PAGINATION") else 0,
            paginated_templates=frozenset(names("PAGINATED_TEMPLATES")),
            article_paths=names("ARTICLE_PATHS", ("",)),
            article_excludes=names("ARTICLE_EXCLUDES"),
            home_items=number("WIRE_HOME_ITEMS", HOME_ITEMS_DEFAULT),
            feed_items=number("WIRE_FEED_ITEMS", FEED_ITEMS_DEFAULT),
            feed_path=text("WIRE_FEED_PATH", FEED_PATH_DEFAULT),
            feed_full_text=bool(raw.get("WIRE_FEED_FULL_TEXT")),
            node_modules=Path(text("WIRE_NODE_MODULES", "node_modules")),
            jobs=number("WIRE_BUILD_JOBS", 0),
            count_calls=bool(raw.get("WIRE_COUNT_CALLS")),
            build_time=build_time(raw.get("WIRE_BUILD_TIME")),
            period=period_setting(raw.get("WIRE_PERIOD")),
        )


def build_time(value: object) -> datetime:
    """``WIRE_BUILD_TIME`` as an aware moment: the build's "now", which decides
    which embargoes have ended. Unset: the real current time (tests set it, so
    no test depends on the clock). Without an offset it is Amsterdam's time,
    as in the front matter (``generator.content.record``)."""
    if value is None or value == "":
        return datetime.now(UTC)
    if isinstance(value, datetime):
        found = value
    else:
        try:
            found = datetime.fromisoformat(str(value))
        except ValueError as error:
            raise SiteError(
                f"expected WIRE_BUILD_TIME as an ISO 8601 date and time, found {value!r}"
            ) from error
    return found if found.tzinfo is not None else found.replace(tzinfo=ARCHIVE_ZONE)


@dataclass
class Build:
    """One site build: its settings, and what its stages hand on to each other."""

    settings: SiteSettings
    timings: Timings
    failures: Failures
    reading: Reading | None = None  # the story files being parsed (read_cache)
    writer: WireWriter | None = None  # the pages queued (writer)
    archive: Archive | None = None  # the stories grouped (structure)
    search: Background | None = None  # the search index being built beside the pages
    held_back: list[HeldBack] = field(default_factory=list)  # under embargo (structure)
