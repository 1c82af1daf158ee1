"""Attribution: the place data comes from GeoNames (CC BY 4.0), and the site says so.

Every page of the built sample credits GeoNames in its footer, with links to
GeoNames and to the licence; the maps of the places index credit it beside
the map; the repository carries a licence of its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from tests.conftest import ROOT

pytestmark = pytest.mark.site
GEONAMES = "https://www.geonames.org/"
LICENCE = "https://creativecommons.org/licenses/by/4.0/deed.nl"


def links(element: html.HtmlElement) -> set[str]:
    return {str(link.get("href")) for link in element.iter("a")}


def test_every_page_credits_geonames_in_its_footer(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        footers = html.parse(str(path)).getroot().cssselect("footer.site-footer")
        assert footers, path
        assert {GEONAMES, LICENCE} <= links(footers[0]), path
        assert "CC BY 4.0" in footers[0].text_content(), path


def test_the_maps_credit_geonames_beside_them(built_site: Path) -> None:
    root = html.parse(str(built_site / "plaats" / "index.html")).getroot()
    captions = root.cssselect("figure.map-figure figcaption")
    assert captions
    assert all({GEONAMES, LICENCE} <= links(caption) for caption in captions)


def test_the_repository_has_a_licence_and_the_readme_credits_geonames() -> None:
    assert (ROOT / "LICENSE").read_text("utf-8").startswith("MIT License")
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "GeoNames" in readme and "CC BY 4.0" in readme
