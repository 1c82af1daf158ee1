"""Related stories are related by what they say, not by where they happen.

Composed stories run through ``build_archive`` and ``attach_neighbours``: a
port's figures are related to another port's figures elsewhere, not to a
football match in the same city; a story's neighbours (the same day, the same
city) are never repeated as related; a story that shares only common words
has none.
"""

from __future__ import annotations

from datetime import datetime

from generator.addresses import local_day
from generator.model import DatePrecision, Story
from generator.site.archive import build_archive
from generator.site.neighbours import attach_neighbours
from generator.site.stories import SiteStory

STORIES = [  # slug, moment, city, section, headline, lead
    ("overslag-rotterdam", "2025-03-10T10:00:00+01:00", "Rotterdam", "Economie",
     "Containeroverslag in haven daalt", "De containeroverslag in de zeehaven daalde in februari."),
    ("feyenoord", "2025-03-10T21:00:00+01:00", "Rotterdam", "Sport",
     "Feyenoord wint van Ajax", "Feyenoord heeft zondag in de eredivisie gewonnen van Ajax."),
    ("metro-rotterdam", "2025-03-11T09:00:00+01:00", "Rotterdam", "Binnenland",
     "Metro rijdt weer na storing", "De metro rijdt weer na een storing aan het spoor."),
    ("overslag-antwerpen", "2025-03-12T10:00:00+01:00", "Antwerpen", "Economie",
     "Containeroverslag in Antwerpse haven stijgt", "De containeroverslag in de zeehaven steeg."),
    ("brand-utrecht", "2025-03-13T08:00:00+01:00", "Utrecht", "Binnenland",
     "Brand in woning", "Bij een brand in een woning raakte niemand gewond."),
    ("ajax-utrecht", "2025-03-14T21:00:00+01:00", "Utrecht", "Sport",
     "Ajax verliest van FC Utrecht", "Ajax heeft zondag in de eredivisie verloren in Utrecht."),
]  # fmt: skip


def _site(slug: str, moment: str, city: str, section: str, title: str, lead: str) -> SiteStory:
    date = datetime.fromisoformat(moment)
    day = local_day(date)
    story = Story(
        id=f"id-{slug}", title=title, summary=lead, date=date,
        date_precision=DatePrecision.EXACT, date_source="versioncreated",
        section=section, city=city, slug=slug,
    )  # fmt: skip
    url = f"{day:%Y/%m/%d}/{slug}/"
    return SiteStory(story, url, f"{url}index.html", f"{url[:-1]}.md", "digest", day)


def _related() -> dict[str, list[str]]:
    stories = [_site(*row) for row in STORIES]
    stories.sort(key=lambda site: site.story.date, reverse=True)  # newest first, as read
    archive = build_archive(stories)
    attach_neighbours(archive)
    return {site.story.slug or "": [o.story.slug or "" for o in site.related] for site in stories}


def test_a_story_is_related_by_its_subject_not_by_its_city() -> None:
    related = _related()
    assert related["overslag-rotterdam"] == ["overslag-antwerpen"]
    assert related["overslag-antwerpen"] == ["overslag-rotterdam"]
    assert "overslag-rotterdam" not in related["feyenoord"]
    # Same city, two days apart, neither's neighbour: still not related.
    assert related["metro-rotterdam"] == []
    assert related["feyenoord"] == ["ajax-utrecht"]


def test_a_story_sharing_only_common_words_has_none() -> None:
    assert _related()["brand-utrecht"] == []


def test_neighbours_are_never_repeated_as_related() -> None:
    stories = [_site(*row) for row in STORIES]
    stories.sort(key=lambda site: site.story.date, reverse=True)
    attach_neighbours(build_archive(stories))
    for site in stories:
        near = {site.day_prev, site.day_next, site.city_prev, site.city_next}
        assert not near & set(site.related), site.story.slug
