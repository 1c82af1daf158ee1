"""An update or a shared lead joins its own story, never an unrelated older one.

ANP repeats its copy (``AEX opent hoger``, ``Beurs lager geopend``, weather,
traffic): a match by headline or lead holds only for the same agency (or
source format), close in time, and never against a different provider id.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content.files import render
from generator.content.frontmatter import split
from generator.content.index import IndexEntry
from generator.content.store import ContentStore
from generator.import_summary import Summary
from generator.importer import run_import
from generator.matching import (
    LEAD_WINDOW,
    UPDATE_WINDOW,
    Known,
    PileStories,
    agency_family,
    compatible,
    format_family,
    title_key,
)
from generator.merge import resolve_identities
from generator.model import DatePrecision, WireItem
from generator.text.identity import story_id
from generator.text.updates import split_version
from tests.test_cli import write_page

AEX_2024 = """AEX opent hoger
AMSTERDAM (ANP) - De AEX-index opende dinsdag 0,4 procent hoger op 880 punten.
Banken en chipfondsen lagen goed in de markt.
"""
AEX_2025_UPDATE = """AEX opent hoger (2)
AMSTERDAM (ANP) - De AEX opende woensdag met een winst van 0,8 procent op 912 punten.
Vooral techfondsen waren in trek bij beleggers.
"""
SHORT = """Beurs lager geopend
AMSTERDAM (ANP) - Het Damrak opende lager.
"""
LONG_LEAD = """Files rond Utrecht
UTRECHT (ANP) - Op de ring rond Utrecht staan vanochtend lange files door een ongeluk op de A12.
"""


def files(content: Path) -> dict[str, bytes]:
    return {p.relative_to(content).as_posix(): p.read_bytes() for p in content.rglob("*.md")}


def import_pages(*pages: Path, content: Path) -> Summary:
    summary = run_import(list(pages), content, jobs=1)
    assert not summary.errors, summary.errors
    return summary


def test_an_update_a_year_later_leaves_last_years_story_alone(tmp_path: Path) -> None:
    wire, content = tmp_path / "wire", tmp_path / "content"
    old = write_page(wire, "aex-2024", AEX_2024, "2024-05-14T09:15:00+02:00")
    import_pages(old, content=content)
    before = files(content)
    new = write_page(wire, "aex-2025", AEX_2025_UPDATE, "2025-06-11T09:20:00+02:00")
    summary = import_pages(new, content=content)
    after = files(content)
    assert summary.outcomes["new"] == 1 and summary.replaced == []
    assert {name: after[name] for name in before} == before
    [added] = set(after) - set(before)
    assert added.startswith("2025/06/11/") and b"912 punten" in after[added]


def test_a_repeated_headline_in_one_pile_a_year_apart_gives_two_stories(tmp_path: Path) -> None:
    wire = tmp_path / "wire"
    write_page(wire, "aex-2024", AEX_2024, "2024-05-14T09:15:00+02:00")
    write_page(wire, "aex-2025", AEX_2025_UPDATE, "2025-06-11T09:20:00+02:00")
    summary = import_pages(wire, content=tmp_path / "content")
    assert (summary.merged, summary.outcomes["new"]) == (0, 2)
    texts = files(tmp_path / "content")
    assert sum(b"880 punten" in text for text in texts.values()) == 1


def test_an_update_within_two_days_merges_and_is_reported(tmp_path: Path) -> None:
    wire, content = tmp_path / "wire", tmp_path / "content"
    import_pages(write_page(wire, "a", AEX_2024, "2024-05-14T09:15:00+02:00"), content=content)
    update = write_page(wire, "b", AEX_2025_UPDATE, "2024-05-15T10:00:00+02:00")
    summary = import_pages(update, content=content)
    [(name, text)] = files(content).items()
    assert name.startswith("2024/05/14/") and b"912 punten" in text and b"version: 2" in text
    [replaced] = summary.replaced
    assert replaced.path == str(content / name)
    assert (replaced.version, replaced.source) == (2, str(update))


@pytest.mark.parametrize("page", [SHORT, LONG_LEAD], ids=["short lead", "long lead"])
def test_identical_copy_a_year_apart_is_two_stories(tmp_path: Path, page: str) -> None:
    wire, content = tmp_path / "wire", tmp_path / "content"
    import_pages(write_page(wire, "a", page, "2024-05-14T09:15:00+02:00"), content=content)
    first = files(content)
    import_pages(write_page(wire, "b", page, "2025-05-14T09:15:00+02:00"), content=content)
    both = files(content)
    assert len(both) == 2 and {name: both[name] for name in first} == first
    again = import_pages(wire, content=content)  # both read again: nothing moves
    assert files(content) == both and again.outcomes["unchanged"] == 2


def test_an_identical_copy_the_next_day_is_the_same_story(tmp_path: Path) -> None:
    wire = tmp_path / "wire"
    write_page(wire, "a", LONG_LEAD, "2024-05-14T09:15:00+02:00")
    write_page(wire, "b", LONG_LEAD, "2024-05-15T09:15:00+02:00")
    summary = import_pages(wire, content=tmp_path / "content")
    assert (summary.merged, len(files(tmp_path / "content"))) == (1, 1)


def test_replacing_a_stored_text_is_named_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_page(Path("wire"), "a", AEX_2024, "2024-05-14T09:15:00+02:00")
    runner = CliRunner()
    assert runner.invoke(main, ["import", "wire", "--no-cache"]).exit_code == 0
    write_page(Path("wire"), "b", AEX_2025_UPDATE, "2024-05-14T15:00:00+02:00")
    result = runner.invoke(main, ["import", "wire/b.txt", "--no-cache"])
    assert result.exit_code == 0
    line = "Replaced: content/2024/05/14/aex-opent-hoger.md (text of version 2 from wire/b.txt)"
    assert line in result.stderr
    assert "(1 with a newer text replacing the old)" in result.stdout
    as_json = runner.invoke(main, ["import", "wire/b.txt", "--no-cache", "--json"])
    assert '"replaced": []' in as_json.stdout  # the second time there is nothing to replace


def test_a_teaser_growing_into_its_story_within_one_pile_is_not_reported(
    tmp_path: Path,
) -> None:
    page = AEX_2024 + "Meer uit Economie\n" + "AMSTERDAM (ANP) - " + LONG_LEAD.split(" - ")[1]
    page += "2 uur geleden\n"
    wire = tmp_path / "wire"
    write_page(wire, "a", page, "2024-05-14T09:15:00+02:00")
    write_page(wire, "b", LONG_LEAD, "2024-05-14T09:30:00+02:00")
    summary = import_pages(wire, content=tmp_path / "content")
    assert summary.merged == 1 and summary.replaced == []


# Matching rules, item by item.

DAY = datetime.fromisoformat("2025-03-10T09:00:00+01:00")
LEAD = "De gemeente Utrecht zet vanaf maandag extra bussen in naar het station."


def item(
    title: str = "Extra bussen naar station Utrecht",
    *,
    lead: str = LEAD,
    date: datetime = DAY,
    agency: str | None = "ANP",
    wire_format: str | None = None,
    guid: str | None = None,
    version: int = 1,
    precision: DatePrecision = DatePrecision.EXACT,
) -> WireItem:
    return WireItem(
        id=story_id(lead) if guid is None else f"wa-guid-{guid}",
        title=title,
        paragraphs=[lead],
        summary=lead,
        date=date,
        date_precision=precision,
        date_source="created",
        section="Binnenland",
        agency=agency,
        wire_format=wire_format,
        guid=guid,
        version=version,
    )


def stored(tmp_path: Path, *stories: WireItem) -> ContentStore:
    for story in stories:
        ContentStore(tmp_path).save(story)
    return ContentStore(tmp_path)


def joins(tmp_path: Path, story: WireItem, newcomer: WireItem) -> bool:
    """Does ``newcomer`` get the id of ``story``, stored in content/ before?"""
    [resolved] = resolve_identities([newcomer], stored(tmp_path, story).stories)
    return resolved.id == story.id


@pytest.mark.parametrize(
    ("hours", "expected"), [(0, True), (47, True), (-3, True), (49, False), (24 * 365, False)]
)
def test_an_update_joins_a_story_by_headline_only_within_two_days(
    tmp_path: Path, hours: int, expected: bool
) -> None:
    update = item(lead="Het aantal extra bussen is verdubbeld.", version=2)
    update = replace(update, date=DAY + timedelta(hours=hours))
    assert joins(tmp_path, item(), update) is expected


@pytest.mark.parametrize(("days", "expected"), [(2, True), (-2, True), (4, False)])
def test_a_shared_lead_joins_only_within_three_days(
    tmp_path: Path, days: int, expected: bool
) -> None:
    other = item("Utrecht: meer bussen", guid="nitf-1", wire_format="nitf")
    other = replace(other, date=DAY + timedelta(days=days))
    assert joins(tmp_path, item(), other) is expected


def test_a_coarse_date_widens_the_window_by_its_precision(tmp_path: Path) -> None:
    teaser = item(date=DAY + timedelta(days=4), precision=DatePrecision.DAY)
    assert joins(tmp_path, item(guid="g-1", wire_format="nitf"), teaser)


@pytest.mark.parametrize(
    ("agency", "expected"), [("ANP/AFP", True), ("anp.nl", True), ("Reuters", False)]
)
def test_an_update_joins_only_a_story_of_the_same_agency(
    tmp_path: Path, agency: str, expected: bool
) -> None:
    update = item(lead="Het aantal extra bussen is verdubbeld.", version=2, agency=agency)
    assert joins(tmp_path, item(), update) is expected


def test_an_item_without_agency_joins_only_the_same_source_format(tmp_path: Path) -> None:
    newsml = item(agency=None, wire_format="newsml-g2", guid="urn:newsml:anp.nl:1")
    ninjs = item(lead="Er rijden vanaf maandag meer bussen.", agency=None, wire_format="ninjs-2")
    ninjs = replace(ninjs, version=2)  # no uri: found by headline, if at all
    assert not joins(tmp_path / "a", newsml, ninjs)
    assert joins(tmp_path / "b", newsml, replace(ninjs, wire_format="newsml-1.2"))


def test_disagreeing_provider_ids_never_merge(tmp_path: Path) -> None:
    one = item(guid="anp:1", wire_format="anp-json")
    other = item(guid="anp:2", wire_format="anp-json", date=DAY + timedelta(hours=2))
    assert not joins(tmp_path, one, other)


def test_one_lead_released_at_the_same_minute_is_one_story_in_two_wrappings(
    tmp_path: Path,
) -> None:
    ninjs = item(agency=None, guid="http://example.com/items/1", wire_format="ninjs-3")
    newsml = item(agency="BUSINESSWIRE", guid="urn:newsml:example.com:1", wire_format="newsml-1.2")
    assert joins(tmp_path / "a", ninjs, replace(newsml, date=DAY + timedelta(seconds=30)))
    assert not joins(tmp_path / "b", ninjs, replace(newsml, date=DAY + timedelta(minutes=5)))
    captured = replace(newsml, date_precision=DatePrecision.CAPTURED)
    assert not joins(tmp_path / "c", ninjs, captured)


def test_the_same_provider_id_merges_across_any_gap(tmp_path: Path) -> None:
    one = item(guid="anp:1", wire_format="anp-json")
    later = item(lead="Alles anders.", guid="anp:1", wire_format="anp-json", version=3)
    assert joins(tmp_path, one, replace(later, date=DAY + timedelta(days=30)))


def test_an_update_chain_follows_its_newest_version_in_one_pile() -> None:
    versions = [
        item(),
        item(lead="Tweede versie van het bericht.", version=2, date=DAY + timedelta(hours=40)),
        item(lead="Derde versie van het bericht.", version=3, date=DAY + timedelta(hours=80)),
    ]
    assert len({found.id for found in resolve_identities(versions, PileStories())}) == 1


def test_compatible_is_symmetric_in_time() -> None:
    one, other = Known.of(item()), Known.of(item(date=DAY + UPDATE_WINDOW))
    assert compatible(one, other, UPDATE_WINDOW) and compatible(other, one, UPDATE_WINDOW)
    far = Known.of(item(date=DAY + LEAD_WINDOW + timedelta(minutes=1)))
    assert not compatible(one, far, LEAD_WINDOW) and not compatible(far, one, LEAD_WINDOW)


def test_families() -> None:
    assert [agency_family(a) for a in ("ANP/BELGA", "anp.nl", "ANP Nieuws", None, "")] == [
        "anp", "anp", "anp", None, None,
    ]  # fmt: skip
    assert [format_family(f) for f in ("ninjs-2", "newsml-g2", "newsml-1.2", None)] == [
        "ninjs", "newsml", "newsml", "webpage",
    ]  # fmt: skip


def test_an_index_entry_of_an_older_cache_is_read_again(tmp_path: Path) -> None:
    store = stored(tmp_path, item())
    [(name, entry)] = store.index.items()
    assert entry.lead is not None and IndexEntry.from_json(entry.to_json()) == entry
    older = [*entry.stamp, entry.id, entry.slug, entry.title, entry.date, entry.lead]
    assert IndexEntry.from_json(older) is None  # the positional list of cache format 4
    unreadable = replace(entry, stamp=(0, 0, 0), title="Ander bericht", lead=None)
    for stale in (unreadable, IndexEntry((0, 0, 0))):
        again = ContentStore(tmp_path, index={name: stale})
        assert again.index[name] == entry and again.stories.by_lead(entry.lead)


def test_an_index_entry_from_the_file_equals_the_one_of_the_item_written() -> None:
    story = item(guid="urn:anp:1", agency="ANP", wire_format="ninjs-2")
    story = replace(story, modified=story.date + timedelta(hours=2), slug="bussen")
    written = render(story, "bussen")
    metadata, _ = split(written)
    stamp = (1, 2, 3)
    assert IndexEntry.of_front_matter(stamp, metadata) == IndexEntry.of_item(stamp, story, "bussen")


@pytest.mark.parametrize(
    "data",
    [
        {"stamp": [1, 2], "id": "wa-1"},
        {"stamp": [1, 2, True], "id": "wa-1"},
        {"stamp": [1, 2, 3], "id": 7},
        {"stamp": [1, 2, 3], "story": "wa-1"},
        {"id": "wa-1"},
        "wa-1",
    ],
)
def test_an_index_entry_that_does_not_parse_is_none(data: object) -> None:
    assert IndexEntry.from_json(data) is None


@pytest.mark.parametrize(
    ("headline", "key"),
    [
        ("Brand in haven (2)", "brand in haven"),
        ("Brand in haven(99)", "brand in haven"),
        ("Brand in haven. (3)", "brand in haven"),
        ("Zomerserie (1)", "zomerserie (1)"),
        ("Stand (0)", "stand (0)"),
        ("Storing (02)", "storing (02)"),
        ("Afsluitdijk (100)", "afsluitdijk (100)"),
        ("(2)", "(2)"),
    ],
)
def test_a_headline_is_matched_without_the_version_marker_the_reader_takes_off(
    headline: str, key: str
) -> None:
    assert title_key(headline) == key
    bare, version = split_version(headline)
    assert title_key(bare) == key and (version > 1) == (bare != headline)
