"""The Pelican side of wire-archive: each signal handed to its stage, with the build.

Promise: one ``Build`` per site build (made at ``initialized``) is the only
state the stages share; each handler here times its stage and passes the
build on, so no stage keeps anything in a module global. Pelican's objects
(its generators, writer, settings dict) stop here, at the boundary: the
stages get what they need of them.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.errors import SiteError
from generator.site import (
    embargo,
    feeds,
    listings,
    period,
    read_cache,
    reader,
    search_index,
    sitemap,
    size_report,
    static_files,
    structure,
    templating,
    writer,
)
from generator.site.build import Build, PelicanGenerator, PelicanRun, SiteSettings
from generator.site.failures import Failures
from generator.site.timings import Timings


class WirePlugin:
    """The handlers of Pelican's signals, for the build under way."""

    def __init__(self) -> None:
        self._build: Build | None = None

    @property
    def build(self) -> Build:
        if self._build is None:  # a signal outside a build: Pelican's order changed
            raise SiteError("expected Pelican's 'initialized' signal first, found another")
        return self._build

    def handlers(self) -> dict[str, Callable[..., object]]:
        """Each of Pelican's signals (by its name in ``pelican.signals``) and its handler."""
        return {
            "initialized": self.initialized,
            "get_writer": self.get_writer,
            "readers_init": self.readers_init,
            "generator_init": self.generator_init,
            "article_generator_init": self.article_generator_init,
            "article_generator_finalized": self.article_generator_finalized,
            "article_writer_finalized": self.article_writer_finalized,
            "finalized": self.finalized,
        }

    def initialized(self, pelican: PelicanRun) -> None:
        templating.add_setting_defaults(pelican.settings)
        settings = SiteSettings.of(pelican.settings)
        timings = Timings(count_calls=settings.count_calls)
        self._build = Build(settings, timings, Failures(str(settings.content)))
        timings.start("total")
        structure.clean_output(settings.output)

    def get_writer(self, pelican: PelicanRun) -> type[writer.WireWriter]:
        self.build.timings.start("pages: queue")
        return writer.writer_for(self.build)

    def readers_init(self, readers: object) -> None:
        reader.add_reader(self.build, readers)

    def generator_init(self, generator: PelicanGenerator) -> None:
        templating.add_filters(generator.env)
        reader.drop_disabled_markdown_reader(generator)

    def article_generator_init(self, generator: PelicanGenerator) -> None:
        build = self.build
        build.timings.start("read")
        build.failures.watch(generator.context)
        with build.timings.step("read: cache"):
            build.reading = read_cache.start_reading(build, generator)

    def article_generator_finalized(self, generator: PelicanGenerator) -> None:
        build = self.build
        with build.timings.step("read: cache"):
            read_cache.finish_reading(build)
        build.timings.stop("read")
        with build.timings.step("structure"):
            period.keep_period(generator, build.settings.period)  # as if only its stories were
            structure.prepare(build, generator)
        search_index.start_search_files(build)

    def article_writer_finalized(self, generator: PelicanGenerator, writer: object) -> None:
        build = self.build
        build.timings.stop("pages: queue")  # the story pages are queued by now
        for step, stage in (
            ("listings", listings.write_listings),
            ("feeds", feeds.write_feeds),
            ("sitemap", sitemap.write_sitemaps),
        ):
            with build.timings.step(step):
                stage(build, generator, writer)
        with build.timings.step("static files"):
            static_files.copy_theme_files(build.settings)

    def finalized(self, pelican: PelicanRun) -> None:
        build = self.build
        with build.timings.step("render"):
            writer.flush_pages(build)
        with build.timings.step("search: wait"):
            search_index.finish_search_files(build)
        build.timings.stop("total")
        build.timings.finish(build.settings.cache)
        self._build = None
        settings, failures = build.settings, build.failures
        embargo.report(build.held_back, settings.content, failures.shown_path)
        size_report.report(settings.output, settings.raw)
        failures.report()  # last: after every page and file (it may raise)
