"""Our own listing pages: home, calendar (years, months, days), sections,
cities (with maps), search and the 404 page.

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

from generator.site.archive import Archive, Group
from generator.site.build import Build
from generator.site.neighbours import on_this_day
from generator.site.svg import NETHERLANDS, WORLD, Bar, Dot, bar_chart, dot_map
from generator.site.templating import nl_date

HOME_ITEMS_DEFAULT = 30
GROUP_NEWEST = 20  # stories on a section's or city's landing page


def day_url(day: date) -> str:
    return f"{day:%Y}/{day:%m}/{day:%d}/"


def write_listings(build: Build, generator: Any, writer: Any) -> None:
    """Every listing page of the site."""
    archive: Archive = generator.context["wire_archive"]
    pages = Pages(generator, writer)
    _write_home(pages, archive, int(generator.settings.get("WIRE_HOME_ITEMS", HOME_ITEMS_DEFAULT)))
    _write_calendar(pages, archive)
    for groups, heading in ((archive.sections, "Rubrieken"), (archive.cities, "Plaatsen")):
        maps = _maps(groups) if groups is archive.cities else []
        kind = "rubriek" if groups is archive.sections else "plaats"
        pages.write(
            f"{kind}/index.html", "groups", groups=groups, kind=kind, heading=heading, maps=maps
        )
        for group in groups:
            _write_group(pages, group)
    pages.write("zoeken/index.html", "search")
    pages.write_absolute("404.html", "404")  # served for any missing path: no relative links


def _write_home(pages: Pages, archive: Archive, count: int) -> None:
    today, earlier = on_this_day(archive)
    days = [(day, len(archive.days[day])) for day in reversed(archive.ordered_days[-14:])]
    pages.write(
        "index.html",
        "home",
        articles=archive.articles[:count],
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
        pages.write(
            f"{year}/index.html", "year", year=year, months=rows, total=sum(r[2] for r in rows)
        )
    ordered = sorted(months)
    for position, (year, month) in enumerate(ordered):
        days = months[(year, month)]
        pages.write(
            f"{year}/{month:02d}/index.html",
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
            day_url(day) + "index.html",
            "day",
            day=day,
            day_articles=archive.days[day],
            previous_day=ordered_days[position - 1] if position > 0 else None,
            next_day=ordered_days[position + 1] if position + 1 < len(ordered_days) else None,
        )


def _year_rows(
    archive: Archive, months: dict[tuple[int, int], list[date]], years: list[int]
) -> list[Any]:
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
        bars.append(Bar(str(day.day), title, count, f"{day.day:02d}/" if count else None))
    return bar_chart(bars, title=f"Berichten per dag in {nl_date(first, 'MMMM y')}")


def _maps(cities: list[Group]) -> list[tuple[str, str]]:
    dots = [
        Dot(
            group.name,
            float(group.place["lat"]),
            float(group.place["lon"]),
            group.count,
            f"{group.slug}/",
        )
        for group in cities
        if isinstance(group.place, dict) and "lat" in group.place and "lon" in group.place
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


def _write_group(pages: Pages, group: Group) -> None:
    years = group.years()
    pages.write(
        group.url + "index.html",
        "group",
        group=group,
        years=years,
        newest=group.newest(GROUP_NEWEST),
    )
    for year, stories in years:
        pages.write_paginated(f"{group.url}{year}/", "group_year", stories, group=group, year=year)


class Pages:
    """Writes one page through Pelican's writer (relative URLs, signals)."""

    def __init__(self, generator: Any, writer: Any) -> None:
        self.generator = generator
        self.writer = writer
        self.relative = bool(generator.settings.get("RELATIVE_URLS"))
        self.context = generator.context

    def write(self, save_as: str, template: str, **variables: Any) -> None:
        self.writer.write_file(
            save_as,
            self.generator.get_template(template),
            self.context,
            relative_urls=self.relative,
            page_name=save_as.removesuffix("index.html"),
            **variables,
        )

    def write_absolute(self, save_as: str, template: str, **variables: Any) -> None:
        self.writer.write_file(
            save_as,
            self.generator.get_template(template),
            self.context,
            relative_urls=False,
            **variables,
        )

    def write_paginated(
        self, url: str, template: str, articles: list[Any], **variables: Any
    ) -> None:
        """One page per ``DEFAULT_PAGINATION`` stories (URLs from Pelican's
        ``PAGINATION_PATTERNS``), each written on its own: a page is rendered
        again only when its own stories, or the number of pages, change. Only
        the first page shows the total, which every new story changes."""
        settings = self.generator.settings
        per_page = int(settings.get("DEFAULT_PAGINATION") or 0) or max(len(articles), 1)
        paginator = Paginator(url + "index.html", url, articles, settings, per_page)
        pages = [paginator.page(number) for number in range(1, paginator.num_pages + 1)]
        for position, page in enumerate(pages):
            self.write(
                page.save_as,
                template,
                stories=list(page.object_list),
                page_number=page.number,
                page_count=len(pages),
                first_number=page.start_index(),
                total=len(articles) if position == 0 else None,
                previous_url=pages[position - 1].url if position > 0 else None,
                next_url=pages[position + 1].url if position + 1 < len(pages) else None,
                **variables,
            )
