"""Places and sections in any script get URLs of their own: Москва, Київ,
Αθήνα and 北京 are four city pages (not one ``/plaats/item/``), two non-Latin
sections are two section pages, and names that clash on one slug (北京 and
背景 are both ``bei-jing``) never share a URL, also after an incremental build."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from tests.test_build_failures import build, copy_stories, variant
from tests.test_incremental import assert_same_tree

pytestmark = pytest.mark.site
CITIES = {"Москва": "moskva", "Київ": "kiyiv", "Αθήνα": "athena", "北京": "bei-jing"}
SECTIONS = {"Политика": "politika", "政治": "zheng-zhi"}


def title_of(page: Path) -> str:
    return str(html.parse(str(page)).getroot().xpath("string(//h1)")).strip()


def group_links(page: Path) -> dict[str, set[str]]:
    """Where a story page's city and section links lead ("plaats", "rubriek")."""
    links = html.parse(str(page)).getroot().xpath("//main//a/@href")
    return {
        kind: {str(link) for link in links if f"/{kind}/" in link} for kind in ("plaats", "rubriek")
    }


def resolve(page: Path, link: str) -> Path:
    return (page.parent / link / "index.html").resolve()


@pytest.fixture(scope="module")
def world_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[Path]]:
    work = tmp_path_factory.mktemp("world")
    content, output = work / "content", work / "output"
    template = copy_stories(content, 1)[0]
    stories = [
        variant(template, f"stad-{n}", title=f"Bericht uit {city}", city=city, category=section)
        for n, (city, section) in enumerate(zip(CITIES, [*SECTIONS, *SECTIONS], strict=True))
    ]
    result = build(content, output)
    assert result.returncode == 0, result.stdout + result.stderr
    return content, output, stories


def test_each_city_in_any_script_has_its_own_page(
    world_site: tuple[Path, Path, list[Path]],
) -> None:
    _, output, _ = world_site
    for city, slug in CITIES.items():
        assert title_of(output / "plaats" / slug / "index.html") == city
    assert not (output / "plaats" / "item").exists()


def test_each_section_in_any_script_has_its_own_page(
    world_site: tuple[Path, Path, list[Path]],
) -> None:
    _, output, _ = world_site
    for section, slug in SECTIONS.items():
        assert title_of(output / "rubriek" / slug / "index.html") == section
        assert (output / "feeds" / "rubriek" / f"{slug}.atom.xml").is_file()


def test_a_story_links_to_the_pages_of_its_own_city_and_section(
    world_site: tuple[Path, Path, list[Path]],
) -> None:
    content, output, stories = world_site
    for story in stories:
        page = output / story.relative_to(content).with_suffix("") / "index.html"
        links = group_links(page)
        assert [f"Bericht uit {title_of(resolve(page, city))}" for city in links["plaats"]] == [
            title_of(page)
        ]
        assert [title_of(resolve(page, section)) in SECTIONS for section in links["rubriek"]] == [
            True
        ]


def test_names_that_clash_on_a_slug_never_share_a_url(tmp_path: Path) -> None:
    content, output = tmp_path / "content", tmp_path / "output"
    template = copy_stories(content, 1)[0]
    variant(template, "ouder", title="Ouder bericht", city="北京", date="2024-04-09T08:00:00+02:00")
    variant(template, "nieuwer", title="Nieuwer bericht", city="背景")
    variant(template, "emoji-1", title="Eerste teken", category="🙂")
    variant(template, "emoji-2", title="Tweede teken", category="🙃")
    assert build(content, output).returncode == 0

    assert title_of(output / "plaats" / "bei-jing" / "index.html") == "北京"  # the oldest keeps it
    clashing = list((output / "plaats").glob("bei-jing-*/index.html"))
    assert [title_of(page) for page in clashing] == ["背景"]
    sections = {title_of(p): p.parent.name for p in (output / "rubriek").glob("*/index.html")}
    assert sections["🙂"] != sections["🙃"]
    assert {sections["🙂"], sections["🙃"]} & {"item"}


def test_an_older_clashing_name_moves_the_url_and_every_link_follows(tmp_path: Path) -> None:
    """An older story of another name takes the bare slug: the incremental
    build rewrites every page that links to the moved city, byte for byte as
    a build from scratch."""
    content, output = tmp_path / "content", tmp_path / "output"
    template = copy_stories(content, 1)[0]
    # Nothing else in common: the first story's page changes only by its city's URL.
    first = variant(template, "eerst", title="Havenstaking", summary="Havenstaking.", city="北京")
    assert build(content, output).returncode == 0
    assert title_of(output / "plaats" / "bei-jing" / "index.html") == "北京"

    variant(
        template,
        "ouder",
        title="Wolkbreuk",
        summary="Wolkbreuk.",
        city="背景",
        date="2024-01-02T08:00:00+01:00",
    )
    assert build(content, output).returncode == 0
    fresh = tmp_path / "fresh"
    assert build(content, fresh).returncode == 0
    assert_same_tree(output, fresh)
    assert title_of(output / "plaats" / "bei-jing" / "index.html") == "背景"
    page = output / first.relative_to(content).with_suffix("") / "index.html"
    [city] = group_links(page)["plaats"]
    assert city.startswith("../../../../plaats/bei-jing-")
    assert title_of(resolve(page, city)) == "北京"
