"""The site's writer renders a page as Pelican's own ``Writer.write_file`` does
(same bytes, same ``Writing`` log line, same ``content_written`` signal), each
file written whole, and refuses what the site never uses (Pelican's pagination
and feeds) instead of doing it differently."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import jinja2
import pytest
from pelican.plugins import signals
from pelican.writers import FileOverwriteFailedError, Writer

from generator.errors import SiteError
from generator.site.build import Build, SiteSettings
from generator.site.failures import Failures
from generator.site.timings import Timings
from generator.site.writer import WireWriter, writer_for
from tests.conftest import ROOT

TEMPLATE = "<a href='{{ SITEURL }}/'>{{ SITENAME }}</a> {{ output_file }}: {{ title }}\n"
CONTEXT = {"SITEURL": "https://example.org/archief", "SITENAME": "Wire-archief"}
PAGES = {  # name: relative URLs
    "index.html": True,
    "2025/03/14/dijk/index.html": True,
    "rubriek/binnenland/index.html": False,
    "sitemap.html": False,
}


def template() -> jinja2.Template:
    return jinja2.Environment(loader=jinja2.DictLoader({"page": TEMPLATE})).get_template("page")


def settings(tmp_path: Path) -> dict[str, Any]:
    return {
        "PATH": str(tmp_path / "content"),
        "OUTPUT_PATH": str(tmp_path / "wire"),
        "CACHE_PATH": str(tmp_path / "cache"),
        "THEME": str(ROOT / "themes" / "wire"),
        "PAGINATED_TEMPLATES": {"index": None},
        "WIRE_BUILD_JOBS": 1,
    }


def wire_writer(tmp_path: Path) -> tuple[Build, WireWriter]:
    raw = settings(tmp_path)
    build = Build(SiteSettings.of(raw), Timings(), Failures(raw["PATH"]))
    return build, writer_for(build)(raw["OUTPUT_PATH"], settings=raw)


def written(output: Path) -> dict[str, bytes]:
    return {
        p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*") if p.is_file()
    }


def test_pages_are_the_bytes_pelicans_writer_writes(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    sent: list[tuple[str, str]] = []

    def on_written(path: str, context: dict[str, Any]) -> None:
        sent.append((Path(path).name, context["output_file"]))

    signals.content_written.connect(on_written)
    try:
        pelican_writer = Writer(str(tmp_path / "pelican"), settings=settings(tmp_path))
        for name, relative in PAGES.items():
            pelican_writer.write_file(
                name, template(), dict(CONTEXT), relative_urls=relative, title=name
            )
        pelican_sent, sent[:] = list(sent), []
        _, writer = wire_writer(tmp_path)
        with caplog.at_level(logging.INFO):
            for name, relative in PAGES.items():
                writer.write_file(name, template(), CONTEXT, relative_urls=relative, title=name)
            assert not written(tmp_path / "wire")  # queued only
            assert writer.flush() == (len(PAGES), 0, 0)
    finally:
        signals.content_written.disconnect(on_written)
    assert written(tmp_path / "wire") == written(tmp_path / "pelican")
    assert "../../../../" in written(tmp_path / "wire")["2025/03/14/dijk/index.html"].decode()
    assert sent == pelican_sent
    logged = [r.getMessage() for r in caplog.records if r.name == "pelican.writers"]
    assert logged == [f'Writing "{tmp_path / "wire" / name}"' for name in PAGES]
    assert not list((tmp_path / "wire").rglob("*.wire-tmp"))


def test_an_unchanged_page_is_not_rendered_again(tmp_path: Path) -> None:
    for expected in ((1, 0, 0), (0, 1, 0)):
        _, writer = wire_writer(tmp_path)
        writer.write_file("index.html", template(), CONTEXT, relative_urls=True, title="a")
        assert writer.flush() == expected


def test_a_page_that_would_land_outside_the_output_costs_that_page_only(tmp_path: Path) -> None:
    build, writer = wire_writer(tmp_path)
    writer.write_file("../buiten.html", template(), CONTEXT, title="buiten")
    writer.write_file("index.html", template(), CONTEXT, title="binnen")
    assert writer.flush() == (2, 0, 0)
    assert list(build.failures.pages) == ["../buiten.html"]
    assert not (tmp_path / "buiten.html").exists()
    assert (tmp_path / "wire" / "index.html").is_file()


def test_a_page_queued_twice_is_refused(tmp_path: Path) -> None:
    _, writer = wire_writer(tmp_path)
    writer.write_file("index.html", template(), CONTEXT, title="a")
    with pytest.raises(FileOverwriteFailedError):
        writer.write_file("index.html", template(), CONTEXT, title="b")


def test_pelicans_pagination_and_feeds_are_refused(tmp_path: Path) -> None:
    _, writer = wire_writer(tmp_path)
    with pytest.raises(SiteError, match="PAGINATED_TEMPLATES"):
        writer.write_file("a.html", template(), CONTEXT, paginated={"articles": [1]})
    with pytest.raises(SiteError, match="PAGINATED_TEMPLATES"):
        writer.write_file("b.html", template(), CONTEXT, template_name="index", articles=[1])
    with pytest.raises(SiteError, match="feeds"):
        writer.write_feed([], CONTEXT, "feeds/all.atom.xml")
    writer.write_file("c.html", template(), CONTEXT, template_name="page", articles=[1])
    assert [job.name for job in writer.jobs] == ["c.html"]  # a template Pelican would not paginate


def test_the_writer_belongs_to_a_build(tmp_path: Path) -> None:
    with pytest.raises(SiteError, match="writer_for"):
        WireWriter(str(tmp_path), settings(tmp_path))
