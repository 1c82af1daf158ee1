"""sitemap.xml (an index of gzipped files of at most 50,000 URLs each) and robots.txt.

Promise: every page of the site is listed once, stories with their last
change; the files depend only on the archive, so building twice gives the same
bytes. URLs are absolute when ``SITEURL`` is set (publishing), else root-relative.
The URL files are gzipped (``sitemap-N.xml.gz``, as the sitemap protocol
allows): a URL a story, they would be a few percent of a large site.
robots.txt is written only where crawlers read it, at the root of a host
(``SITEURL`` without a path), and names the sitemap only by an absolute URL;
a site under a path (``https://user.github.io/archief``) has its sitemap
submitted to the search engines instead (README.md, "Publishing").
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from generator.addresses import CITY, SECTION, day_url, groups_url, month_url, year_url
from generator.site.archive import Archive
from generator.site.build import Build
from generator.site.structure import built_archive
from generator.storage import gzipped, write_if_changed

MAX_URLS = 50_000
_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def page_urls(archive: Archive) -> list[tuple[str, str | None]]:
    """(path, last change) of every page, in a stable order."""
    urls: list[tuple[str, str | None]] = [("", None), ("kalender/", None), ("zoeken/", None)]
    months = archive.months()
    urls += [(year_url(year), None) for year in sorted({year for year, _ in months})]
    urls += [(month_url(year, month), None) for year, month in sorted(months)]
    urls += [(day_url(day), None) for day in archive.ordered_days]
    for kind, groups in ((SECTION, archive.sections), (CITY, archive.cities)):
        urls.append((groups_url(kind), None))
        for group in groups:
            urls.append((group.url, None))
            urls += [(group.year_url(year), None) for year, _ in group.years()]
    for site in reversed(archive.stories):  # oldest first: new stories add at the end
        changed = site.story.modified or site.story.date
        urls.append((site.url, changed.isoformat()))
    return urls


def write_sitemaps(build: Build, generator: object, writer: object) -> None:
    """sitemap.xml, sitemaps/sitemap-N.xml and robots.txt."""
    output = build.settings.output
    base = build.settings.site_url
    urls = page_urls(built_archive(build))
    parts = [urls[start : start + MAX_URLS] for start in range(0, len(urls), MAX_URLS)]
    written = set()
    for number, part in enumerate(parts, 1):
        written.add(f"sitemap-{number}.xml.gz")
        entries = "".join(_url(base, path, changed) for path, changed in part)
        text = f'{_HEAD}<urlset xmlns="{_NAMESPACE}">\n{entries}</urlset>\n'
        write_if_changed(output / "sitemaps" / f"sitemap-{number}.xml.gz", gzipped(text.encode()))
    listed = "".join(
        f"<sitemap><loc>{escape(f'{base}/sitemaps/sitemap-{n}.xml.gz')}</loc></sitemap>\n"
        for n in range(1, len(parts) + 1)
    )
    for stale in (output / "sitemaps").glob("sitemap-*"):  # an older build's, a part too many
        if stale.name not in written:
            stale.unlink()
    index = f'{_HEAD}<sitemapindex xmlns="{_NAMESPACE}">\n{listed}</sitemapindex>\n'
    write_if_changed(output / "sitemap.xml", index)
    _write_robots(build.settings.output, base)


def _write_robots(output: Path, base: str) -> None:
    """robots.txt at a host's root; none under a path, where no crawler asks for it."""
    robots = output / "robots.txt"
    if urlsplit(base).path.strip("/"):
        robots.unlink(missing_ok=True)
        return
    named = f"Sitemap: {base}/sitemap.xml\n" if base.startswith(("http://", "https://")) else ""
    write_if_changed(robots, f"User-agent: *\nAllow: /\n{named}")


def _url(base: str, path: str, changed: str | None) -> str:
    last = f"<lastmod>{escape(changed)}</lastmod>" if changed else ""
    return f"<url><loc>{escape(f'{base}/{path}')}</loc>{last}</url>\n"
