"""Our own listing pages: home, calendar (years, months, days), sections,
cities (with maps), a page for each other name of a place that sends the
reader on to the place's page, search and the 404 page.

Pelican's period archives and tag/category/author pages are switched off in
the settings (their cost grows with the square of the archive). The archive
is grouped once (``archive.py``), and each page is rendered from its own
group only, so a listing page costs time in proportion to what it shows.

URLs stay put: ``/YYYY/``, ``/YYYY/MM/``, ``/YYYY/MM/DD/`` list a period
oldest first; ``/rubriek/<slug>/YYYY/`` and ``/plaats/<slug>/YYYY/`` list a
section's or city's year oldest first, paginated within the year
(``pagina/2/``), so a new story changes only the pages of its own period and
never moves older periods' stories to other pages. The
landing pages ``/rubriek/<slug>/`` and ``/plaats/<slug>/`` show the years
and the newest stories.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pelican.paginator import Paginator

from generator.addresses import (
    CITY,
    INDEX,
    SECTION,
    day_url,
    group_url,
    groups_url,
    month_url,
    save_as,
    year_url,
)
from generator.site.archive import Archive, Group
from generator.site.build import Build, PelicanGenerator, SiteSettings
from generator.site.neighbours import on_this_day
from generator.site.stories import SiteStory
from generator.site.structure import built_archive
from generator.site.svg import NETHERLANDS, WORLD, Bar, Dot, bar_chart, dot_map
from generator.site.templating import nl_date

GROUP_NEWEST = 20  # stories on a section's or city's landing page


def write_listings(build: Build, generator: PelicanGenerator, writer: Any) -> None:
    """Every listing page of the site."""
    archive = built_archive(build)
    pages = Pages(build.settings, generator, writer)
    _write_home(pages, archive, build.settings.home_items)
    _write_calendar(pages, archive)
    for groups, heading, kind in (
        (archive.sections, "Rubrieken", SECTION),
        (archive.cities, "Plaatsen", CITY),
    ):
        maps = _maps(groups) if kind == CITY else []
        pages.write(
            save_as(groups_url(kind)),
            "groups",
            groups=groups,
            kind=kind,
            heading=heading,
            maps=maps,
        )
        for group in groups:
            _write_group(pages, group)
    for alias in archive.city_aliases:  # a place's other name: on to its page
        pages.write(save_as(group_url(CITY, alias.slug)), "alias", alias=alias)
    pages.write("zoeken/index.html", "search")
    pages.write_absolute("404.html", "404")  # served for any missing path: no relative links


def _write_home(pages: Pages, archive: Archive, count: int) -> None:
    today, earlier = on_this_day(archive)
    days = [(day, len(archive.days[day])) for day in reversed(archive.ordered_days[-14:])]
    pages.write(
        "index.html",
        "home",
        stories=archive.stories[:count],
        days=days,
        sections=archive.sections,
        on_this_day=earlier,
        today=today,
    )


def _write_calendar(pages: Pages, archive: Archive) -> None:
    months = archive.months()
    years = sorted({year for year, _ in months})
    pages.write("kalender/index.html", "calendar", years=_year_rows(archive, months, years))
    for year in years:
        rows = [
            (month, days, archive.count(days))
            for (y, month), days in sorted(months.items())
            if y == year
        ]
        total = sum(count for _, _, count in rows)
        pages.write(save_as(year_url(year)), "year", year=year, months=rows, total=total)
    ordered = sorted(months)
    for position, (year, month) in enumerate(ordered):
        days = months[(year, month)]
        pages.write(
            save_as(month_url(year, month)),
            "month",
            year=year,
            month=month,
            days=[(day, len(archive.days[day])) for day in days],
            chart=_month_chart(archive, year, month),
            previous_month=ordered[position - 1] if position > 0 else None,
            next_month=ordered[position + 1] if position + 1 < len(ordered) else None,
        )
    ordered_days = archive.ordered_days
    for position, day in enumerate(ordered_days):
        pages.write(
            save_as(day_url(day)),
            "day",
            day=day,
            day_stories=archive.days[day],
            previous_day=ordered_days[position - 1] if position > 0 else None,
            next_day=ordered_days[position + 1] if position + 1 < len(ordered_days) else None,
        )


def _year_rows(
    archive: Archive, months: dict[tuple[int, int], list[date]], years: list[int]
) -> list[tuple[int, list[tuple[int, int]]]]:
    return [
        (
            year,
            [
                (month, archive.count(days))
                for (y, month), days in sorted(months.items())
                if y == year
            ],
        )
        for year in years
    ]


def _month_chart(archive: Archive, year: int, month: int) -> str:
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    bars = []
    for ordinal in range(first.toordinal(), following.toordinal()):
        day = date.fromordinal(ordinal)
        count = len(archive.days.get(day, []))
        title = f"{nl_date(day)}: {count} bericht{'en' if count != 1 else ''}"
        # Relative to the month's page: ``15/`` for the 15th.
        href = day_url(day).removeprefix(month_url(year, month)) if count else None
        bars.append(Bar(str(day.day), title, count, href))
    return bar_chart(bars, title=f"Berichten per dag in {nl_date(first, 'MMMM y')}")


def _maps(cities: list[Group]) -> list[tuple[str, str]]:
    dots = [
        # Relative to the index of cities: ``den-haag/``.
        Dot(group.name, place.lat, place.lon, group.count, group.url.removeprefix(groups_url(CITY)))
        for group in cities
        if (place := group.place) is not None
    ]
    home = [dot for dot in dots if NETHERLANDS.holds(dot)]
    abroad = [dot for dot in dots if not NETHERLANDS.holds(dot)]
    maps = []
    if home:
        maps.append(
            ("Nederland en omgeving", dot_map(home, NETHERLANDS, title="Plaatsen in Nederland"))
        )
    if abroad:
        maps.append(
            (
                "De wereld",
                dot_map(abroad, WORLD, title="Plaatsen in de rest van de wereld", width=720),
            )
        )
    return maps


def _month_starts(stories: list[SiteStory]) -> list[tuple[int, int]]:
    """(month, position of its first story) for each month of a year's stories."""
    starts: list[tuple[int, int]] = []
    for position, site in enumerate(stories):
        if not starts or starts[-1][0] != site.day.month:
            starts.append((site.day.month, position))
    return starts


def _write_group(pages: Pages, group: Group) -> None:
    years = group.years()
    pages.write(
        save_as(group.url),
        "group",
        group=group,
        years=years,
        newest=group.newest(GROUP_NEWEST),
    )
    for year, stories in years:
        pages.write_paginated(
            group.year_url(year), "group_year", stories, month_jumps=True, group=group, year=year
        )


class Pages:
    """Writes one page through Pelican's writer (relative URLs, signals)."""

    def __init__(self, settings: SiteSettings, generator: PelicanGenerator, writer: Any) -> None:
        self.settings = settings
        self.generator = generator
        self.writer = writer
        self.context = generator.context

    def write(self, path: str, template: str, **variables: object) -> None:
        self.writer.write_file(
            path,
            self.generator.get_template(template),
            self.context,
            relative_urls=self.settings.relative_urls,
            page_name=path.removesuffix(INDEX),
            **variables,
        )

    def write_absolute(self, path: str, template: str, **variables: object) -> None:
        self.writer.write_file(
            path,
            self.generator.get_template(template),
            self.context,
            relative_urls=False,
            **variables,
        )

    def write_paginated(
        self,
        url: str,
        template: str,
        stories: list[SiteStory],
        month_jumps: bool = False,
        **variables: object,
    ) -> None:
        """One page per ``DEFAULT_PAGINATION`` stories (URLs from Pelican's
        ``PAGINATION_PATTERNS``), each written on its own: a page is rendered
        again only when its own stories, or the number of pages, change. Only
        the first page shows the total, which every new story changes. With
        ``month_jumps`` (a year's stories, oldest first) every page gets
        ``jumps``: each month and the page its first story is on (a new story
        adds to the last page, so only a new month changes them)."""
        per_page = self.settings.pagination or max(len(stories), 1)
        paginator = Paginator(save_as(url), url, stories, self.settings.raw, per_page)
        pages = [paginator.page(number) for number in range(1, paginator.num_pages + 1)]
        if month_jumps:
            variables["jumps"] = [
                (month, str(pages[index // per_page].url))
                for month, index in _month_starts(stories)
            ]
        for position, page in enumerate(pages):
            self.write(
                str(page.save_as),
                template,
                stories=list(page.object_list),
                page_number=int(page.number),
                page_count=len(pages),
                first_number=int(page.start_index()),
                total=len(stories) if position == 0 else None,
                previous_url=str(pages[position - 1].url) if position > 0 else None,
                next_url=str(pages[position + 1].url) if position + 1 < len(pages) else None,
                **variables,
            )
