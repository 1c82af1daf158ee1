"""The site's search documents come from the typed stories (``SiteStory``).

Each story gives one document (``search_index.documents``), in the order
given (newest first: story numbers count up from the newest): its record,
with its local day (a story dated late in the evening in another offset is
found on the day the archive files it under), and its body's text read from
its content file (``body_text``: the paragraphs beside the one holding the
lead, a paragraph a line, as plain text).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from generator.addresses import local_day
from generator.content.markdown import paragraphs_to_markdown
from generator.model import DatePrecision, Story
from generator.search.query import Filters, search
from generator.search.reader import SearchIndex
from generator.search.store import SearchDocument
from generator.site.search_index import body_text, documents, write_search_files
from generator.site.stories import SiteStory


def content_file(
    folder: Path, slug: str, paragraphs: list[str], headings: tuple[int, ...] = ()
) -> str:
    """A content file as the converter writes one: front matter, then the paragraphs."""
    path = folder / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    front = f"---\ntitle: Haven {slug}\nslug: {slug}\n---\n\n"
    path.write_text(front + paragraphs_to_markdown(paragraphs, headings), "utf-8")
    return str(path)


def site_story(
    slug: str, moment: str, city: str | None = "Rotterdam", source: str = ""
) -> SiteStory:
    date = datetime.fromisoformat(moment)
    day = local_day(date)
    lead = f"De haven van {slug} blijft open."
    story = Story(
        id=f"id-{slug}",
        title=f"Haven {slug}",
        summary=lead,
        date=date,
        date_precision=DatePrecision.HOUR,
        date_source="age: 2 uur geleden",
        section="Economie",
        city=city,
    )
    url = f"{day:%Y/%m/%d}/{slug}/"
    return SiteStory(story, url, f"{url}index.html", source or f"{url[:-1]}.md", "digest", day)


def stories(folder: Path) -> list[SiteStory]:
    made = []
    for slug, moment, city in [
        ("utc", "2025-03-14T23:30:00+00:00", "Rotterdam"),
        ("zonder-plaats", "2025-03-14T12:00:00+01:00", None),
    ]:
        lead = f"De haven van {slug} blijft open."
        paragraphs = [
            f"ROTTERDAM (ANP) - {lead}",
            f"De sluis bij {slug} gaat dicht.",
            "Meer volgt.",
        ]
        made.append(site_story(slug, moment, city, content_file(folder, slug, paragraphs)))
    return made


def test_a_document_holds_the_story_as_the_site_shows_it(tmp_path: Path) -> None:
    late, no_city = documents(stories(tmp_path))
    assert late.record == SearchDocument(
        url="2025/03/15/utc/",
        title="Haven utc",
        lead="De haven van utc blijft open.",
        city="Rotterdam",
        section="Economie",
        date="2025-03-14T23:30:00+00:00",
        date_text="15 maart 2025, ca. 00:30",
        day="2025-03-15",
    )
    assert late.body == "De sluis bij utc gaat dicht.\nMeer volgt."
    assert (no_city.record.city, no_city.record.day) == ("", "2025-03-14")
    assert no_city.body == "De sluis bij zonder-plaats gaat dicht.\nMeer volgt."


def test_a_places_name_and_other_names_come_from_the_site(tmp_path: Path) -> None:
    [story] = stories(tmp_path)[:1]
    story.city_name, story.city_aliases = "Den Haag", ("'s-Gravenhage", "The Hague")
    [document] = documents([story])
    assert document.record.city == "Den Haag"
    assert document.record.aliases() == ["'s-Gravenhage", "The Hague"]


def test_the_body_is_the_paragraphs_beside_the_lead_as_plain_text(tmp_path: Path) -> None:
    lead = "Het *kabinet* valt [vandaag]."
    paragraphs = [
        f"DEN HAAG (ANP) - {lead}",
        "Tussenkop",
        "1. De premier & de <koning> spreken_elkaar.",
        "# Geen kop, maar tekst",
    ]
    source = content_file(tmp_path, "kabinet", paragraphs, headings=(1,))
    assert body_text(source, lead) == "\n".join(paragraphs[1:])  # escapes and heading marks gone


def test_a_story_without_a_lead_keeps_every_paragraph(tmp_path: Path) -> None:
    source = content_file(tmp_path, "zonder", ["Eerste alinea.", "Tweede alinea."])
    assert body_text(source, "") == "Eerste alinea.\nTweede alinea."
    assert body_text(content_file(tmp_path, "leeg", []), "Iets.") == ""


def test_a_content_file_that_cannot_be_read_has_no_body(tmp_path: Path) -> None:
    assert body_text(str(tmp_path / "weg.md"), "De haven.") == ""
    broken = tmp_path / "kapot.md"
    broken.write_bytes(b"---\ntitle: x\n---\n\n\xff\xfe kapot\n")
    assert body_text(str(broken), "De haven.") == ""


def test_the_search_files_put_each_story_on_its_local_day(tmp_path: Path) -> None:
    folder = tmp_path / "search"
    write_search_files(folder, stories(tmp_path / "content"))
    index = SearchIndex(folder)
    assert index.manifest["days"] == [["2025-03-15", 0], ["2025-03-14", 1]]
    assert index.record(0).url == "2025/03/15/utc/"  # the first given is number 0
    assert index.body(0) == "De sluis bij utc gaat dicht.\nMeer volgt."

    def found(day: str) -> list[str]:
        hits = search(index, "haven", Filters(date_from=day, date_to=day)).hits
        return [index.record(hit.number).url for hit in hits]

    assert found("2025-03-15") == ["2025/03/15/utc/"]
    assert found("2025-03-14") == ["2025/03/14/zonder-plaats/"]
    sluis = search(index, "sluis", Filters(date_from="2025-03-15")).hits  # in the body only
    assert [index.record(hit.number).url for hit in sluis] == ["2025/03/15/utc/"]
