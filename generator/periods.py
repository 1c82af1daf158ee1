"""``wire-archive periods``: one site per period, and a front site linking them.

For an archive that outgrows one GitHub Pages site (1 GB). The periods are
the years the stories are filed under (each story's day in Amsterdam, as the
site files it: ``addresses.local_day`` of its front matter's ``date``), one
year a site or ``years_per_site`` years counted from the first year. Each period is built by
Pelican as a site of its own, with ``WIRE_PERIOD`` set, into
``OUTPUT/<period>``, for the address ``<base-url>-<period>`` (a repository
of its own, ``archief-2023``, published on its own Pages site), with a build
cache of its own; a failed build does not stop the others. Then
``OUTPUT/front`` gets the front site, published at ``<base-url>``: one page
in Dutch linking every period's site with its number of stories (as its own
search files count them), with the theme's stylesheet.

Promise: a period's name (``2023``, ``2023-2024``) and so its address never
change once the first year is fixed: more years add periods. This module
runs Pelican in a process of its own and never imports it.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.addresses import local_day
from generator.content.frontmatter import split
from generator.content.record import read_story
from generator.errors import ContentError, SiteError
from generator.search.reader import SearchIndex
from generator.storage import atomic_write

FRONT = "front"  # the front site's folder under the output folder
THEME_FILES = ("css/style.css", "favicon.svg")  # what the front page uses of a site's theme/
# As themes/wire/templates/base.html: the front page loads nothing from elsewhere either.
CONTENT_SECURITY_POLICY = "default-src 'self';object-src 'none';base-uri 'self';form-action 'self'"


@dataclass(frozen=True)
class Period:
    """The years ``first`` to ``last``: one site."""

    first: int
    last: int

    @property
    def name(self) -> str:
        """``2023`` or ``2023-2024``: its ``WIRE_PERIOD``, folder and address suffix."""
        return str(self.first) if self.first == self.last else f"{self.first}-{self.last}"

    def url(self, base_url: str) -> str:
        return f"{base_url}-{self.name}"


@dataclass(frozen=True)
class Built:
    """One period's build: its site, whether Pelican succeeded, how many stories it holds."""

    period: Period
    site: Path
    url: str
    succeeded: bool
    stories: int | None  # None: the build left no site to count


def story_years(content: Path) -> list[int]:
    """The years of the stories in ``content``: each story's day in Amsterdam,
    from its front matter as the site reads it; a file that cannot be read
    counts by its folder (``YYYY/MM/DD/slug.md``), and its build names it."""
    years: set[int] = set()
    for path in sorted(content.rglob("*.md")):
        relative = path.relative_to(content)
        if any(part.startswith(".") for part in relative.parts):
            continue  # hidden, as Pelican leaves them
        try:
            metadata, _ = split(path.read_text("utf-8"), path=str(path))
            years.add(local_day(read_story(metadata, str(path)).date).year)
        except (OSError, ValueError, ContentError):  # ValueError: not UTF-8
            if relative.parts[0].isdigit():
                years.add(int(relative.parts[0]))
    return sorted(years)


def periods_of(years: list[int], years_per_site: int) -> list[Period]:
    """The periods holding ``years``: ``years_per_site`` calendar years each,
    counted from the first year (so a period's name stays when years are added)."""
    if not years:
        return []
    start = years[0]
    firsts = sorted({start + (year - start) // years_per_site * years_per_site for year in years})
    return [Period(first, first + years_per_site - 1) for first in firsts]


def pelican_command(
    content: Path, site: Path, settings: Path, period: Period, url: str, cache: Path
) -> list[str]:
    """The Pelican build of one period (paths absolute: it runs beside ``settings``)."""
    overrides = {"WIRE_PERIOD": period.name, "SITEURL": url, "CACHE_PATH": str(cache)}
    return [
        *(sys.executable, "-m", "pelican", str(content), "-o", str(site), "-s", str(settings)),
        "-e",
        *(f"{name}={json.dumps(value)}" for name, value in overrides.items()),
    ]


def build_period(
    period: Period, content: Path, output: Path, settings: Path, base_url: str, cache: Path
) -> Built:
    """Build one period's site with Pelican, which runs in the settings file's
    folder (as ``make`` runs it) and prints to the terminal."""
    site, url = output / period.name, period.url(base_url)
    command = pelican_command(
        content.resolve(),
        site.resolve(),
        settings.resolve(),
        period,
        url,
        (cache / period.name).resolve(),
    )
    # SITEURL for publishconf.py too, which reads it from the environment.
    environment = {**os.environ, "SITEURL": url}
    done = subprocess.run(command, cwd=settings.resolve().parent, env=environment, check=False)
    return Built(period, site, url, done.returncode == 0, count_stories(site))


def count_stories(site: Path) -> int | None:
    """The stories a built site holds, as its search files count them."""
    try:
        return SearchIndex(site / "search").total
    except (OSError, ValueError, KeyError, SiteError):
        return None


def build_all(
    periods: list[Period],
    content: Path,
    output: Path,
    settings: Path,
    base_url: str,
    cache: Path,
    say: Callable[[str], None],
) -> list[Built]:
    """Build every period's site, one after the other; what each build did."""
    builds: list[Built] = []
    for period in periods:
        say(f"Building {period.name} into {output / period.name} for {period.url(base_url)}")
        built = build_period(period, content, output, settings, base_url, cache)
        builds.append(built)
        say(describe(built))
    return builds


def describe(built: Built) -> str:
    name = built.period.name
    if built.succeeded:
        return f"Built {name}: {built.site} holds {_stories(built.stories or 0)}, for {built.url}"
    left = (
        f"its folder holds a site of {_stories(built.stories)}, which the front page links"
        if built.stories is not None
        else "it left no site, and the front page does not link it"
    )
    return f"Failed {name}: Pelican stopped with an error (above); {left}"


def write_front(front: Path, base_url: str, title: str, builds: list[Built]) -> list[Built]:
    """The front site in ``front``: ``index.html`` linking every period site
    that was written (newest first), and the theme files it uses, copied from
    one of them. The periods it links."""
    linked = [built for built in builds if built.stories is not None]
    if not linked:
        return []
    for name in THEME_FILES:
        source = linked[0].site / "theme" / name
        if source.is_file():
            target = front / "theme" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    newest_first = sorted(linked, key=lambda built: built.period.first, reverse=True)
    atomic_write(front / "index.html", front_page(base_url, title, newest_first))
    return linked


def front_page(base_url: str, title: str, builds: list[Built]) -> str:
    """The front site's ``index.html`` (Dutch, as the sites it links)."""
    name = html.escape(title)
    items = "".join(
        f'<li><a href="{html.escape(built.url)}/">{built.period.name}</a> '
        f'<span class="count">{_berichten(built.stories or 0)}</span></li>\n'
        for built in builds
    )
    return (
        "<!doctype html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
        f"<title>{name}</title>\n"
        f'<meta name="description" content="{name}: het archief per periode, '
        'elke periode een eigen site.">\n'
        f'<link rel="canonical" href="{html.escape(base_url)}/">\n'
        '<link rel="icon" href="theme/favicon.svg" type="image/svg+xml">\n'
        '<link rel="stylesheet" href="theme/css/style.css">\n'
        "</head>\n<body>\n"
        f'<header class="site-header"><div class="wrap"><a class="brand" href="./">{name}</a>'
        "</div></header>\n"
        '<main id="inhoud" class="wrap">\n'
        "<h1>Het archief per periode</h1>\n"
        "<p>Elke periode is een eigen site, met een eigen kalender, zoekfunctie en feeds.</p>\n"
        f'<ul class="months">\n{items}</ul>\n'
        "</main>\n"
        f'<footer class="site-footer"><div class="wrap"><p>{name}</p></div></footer>\n'
        "</body>\n</html>\n"
    )


def _stories(number: int) -> str:
    return f"{number:,} {'story' if number == 1 else 'stories'}"


def _berichten(number: int) -> str:
    """``1.234 berichten``: Dutch groups thousands with a dot."""
    return f"{number:,}".replace(",", ".") + (" bericht" if number == 1 else " berichten")
