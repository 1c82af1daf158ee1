"""The site's search documents come from the typed stories (``SiteStory``).

Each story gives one document, in the order given (newest first: refs count
up from the newest), with its local day: a story dated late in the evening in
another offset is found on the day the archive files it under.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from generator.addresses import local_day
from generator.model import DatePrecision, Story
from generator.search.query import Filters, search
from generator.search.shards import load_all_shards
from generator.search.store import SearchDocument
from generator.site.search_index import documents, write_search_files
from generator.site.stories import SiteStory


def site_story(slug: str, moment: str, city: str | None = "Rotterdam") -> SiteStory:
    date = datetime.fromisoformat(moment)
    day = local_day(date)
    story = Story(
        id=f"id-{slug}",
        title=f"Haven {slug}",
        summary=f"De haven van {slug} blijft open.",
        date=date,
        date_precision=DatePrecision.HOUR,
        date_source="age: 2 uur geleden",
        section="Economie",
        city=city,
    )
    url = f"{day:%Y/%m/%d}/{slug}/"
    return SiteStory(story, url, f"{url}index.html", f"{url[:-1]}.md", "digest", day)


STORIES = [
    site_story("utc", "2025-03-14T23:30:00+00:00"),
    site_story("zonder-plaats", "2025-03-14T12:00:00+01:00", city=None),
]


def test_a_document_holds_the_story_as_the_site_shows_it() -> None:
    late, no_city = documents(STORIES)
    assert late == SearchDocument(
        url="2025/03/15/utc/",
        title="Haven utc",
        lead="De haven van utc blijft open.",
        city="Rotterdam",
        section="Economie",
        date="2025-03-14T23:30:00+00:00",
        date_text="15 maart 2025, ca. 00:30",
        day="2025-03-15",
    )
    assert (no_city.city, no_city.day) == ("", "2025-03-14")


def test_the_search_files_put_each_story_on_its_local_day(tmp_path: Path) -> None:
    folder = tmp_path / "search"
    write_search_files(folder, STORIES, jobs=1, stream=True)
    shards = load_all_shards(folder)
    assert [shard.id for shard in shards] == ["2025-03"]
    assert shards[0].store["0"].url == "2025/03/15/utc/"  # the first given is ref 0

    def found(day: str) -> list[str]:
        hits = search(shards, "haven", Filters(date_from=day, date_to=day)).hits
        return [hit.record.url for hit in hits]

    assert found("2025-03-15") == ["2025/03/15/utc/"]
    assert found("2025-03-14") == ["2025/03/14/zonder-plaats/"]
