"""Site build, writing: Pelican's writer, made incremental and parallel.

Promises:
- ``write_file`` only queues a page with its fingerprint; ``flush`` (after
  every page is queued) renders the pages whose fingerprint differs from the
  last build's and leaves the others' files untouched, so a rebuild after a
  day's wire renders only the pages that day touches;
- templates see the settings and the page's own variables, never the whole
  archive, so the fingerprint covers everything a page is rendered from, and
  an incremental build writes the same bytes as a build from scratch;
- many pages are rendered in worker processes (forked, so they share the
  parsed archive), one per core;
- every file is written to a temporary file and renamed into place;
- a page that cannot be rendered costs that page only: it is reported (a
  story page by its content file, ``failures``) and the rest are rendered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, NamedTuple

from pelican.writers import FileOverwriteFailedError, Writer

from generator.parallel import fork_map, workers, worth_forking
from generator.site.build import Build
from generator.site.build_state import BuildState, relative, state_file
from generator.site.failures import describe
from generator.site.fingerprint import digest, encode, page_key, site_key
from generator.storage import replacing

logger = logging.getLogger(__name__)
CHUNK = 100  # pages a worker takes at a time


class Rendered(NamedTuple):
    files: list[str]  # the files the page (or paginated series) wrote
    error: str | None  # why it could not be rendered: text, which any worker can send


class Job(NamedTuple):
    name: str
    key: str
    template: Any
    context: dict[str, Any]  # the settings, as the template sees them
    options: dict[str, Any]  # Pelican's write_file arguments but the context
    variables: dict[str, Any]


class WireWriter(Writer):  # type: ignore[misc]
    build: ClassVar[Build | None] = None  # set on the class made for each build

    def __init__(self, output_path: str, settings: dict[str, Any]) -> None:
        super().__init__(output_path, settings)
        self.output = Path(output_path)
        self.site_key = site_key(settings, Path(settings["THEME"]))
        cache = Path(settings.get("CACHE_PATH", "cache"))
        self.state = BuildState.load(state_file(cache, self.output), self.output)
        self.workers = workers(int(settings.get("WIRE_BUILD_JOBS") or 0))
        self.jobs: list[Job] = []
        self.names: set[str] = set()
        self.context: dict[str, Any] = {}
        self.source_context: dict[str, Any] | None = None
        self.recording: list[str] | None = None
        if self.build is not None:
            self.build.writer = self  # the pages it queues are rendered at the end

    def write_file(
        self,
        name: str,
        template: Any,
        context: dict[str, Any],
        relative_urls: bool = False,
        paginated: dict[str, Any] | None = None,
        template_name: str | None = None,
        override_output: bool = False,
        url: str | None = None,
        **variables: Any,
    ) -> None:
        if not name:
            return
        if name in self.names and not override_output:
            raise FileOverwriteFailedError(f'Failed to overwrite "{name}": written twice')
        self.names.add(name)
        # Templates get the settings only: whatever else they show comes in
        # their own variables, which the fingerprint covers.
        if context is not self.source_context:
            self.source_context = context
            self.context = {key: value for key, value in context.items() if key.isupper()}
        options = {
            "relative_urls": relative_urls,
            "paginated": paginated,
            "template_name": template_name,
            "override_output": override_output,
            "url": url,
        }
        described = {**variables, **options, "template": template.name}
        described.pop("override_output")
        key = page_key(self.site_key, name, described)
        self.jobs.append(Job(name, key, template, self.context, options, variables))

    def is_fresh(self, name: str, key: str) -> bool:
        """For files the plugin writes itself: taken over if unchanged."""
        if self.state.is_fresh(name, key):
            self.state.keep(name)
            return True
        return False

    def record(self, name: str, key: str, files: list[str]) -> None:
        self.state.record(name, key, files)

    def flush(self) -> tuple[int, int, int]:
        """Render what changed; (pages rendered, pages kept, stale files deleted)."""
        todo = [job for job in self.jobs if not self.is_fresh(job.name, job.key)]
        self.state.begin()
        for job, done in zip(todo, self._render(todo), strict=True):
            if done.error is None:
                self.state.record(job.name, job.key, done.files)
            else:  # not recorded: the next build tries it again
                self._report(job, done.error)
        stale = self.state.finish()
        kept = len(self.jobs) - len(todo)
        self.jobs, self.names = [], set()
        return len(todo), kept, len(stale)

    def _render(self, todo: list[Job]) -> list[Rendered]:
        if not worth_forking(len(todo), self.workers):
            return [self.render_safely(job) for job in todo]
        chunks = [
            range(start, min(start + CHUNK, len(todo))) for start in range(0, len(todo), CHUNK)
        ]
        # Workers inherit the queue (templates, stories) by fork; only indexes travel.
        done = fork_map(
            _render_chunk, chunks, shared=(self, todo), minimum=2, processes=self.workers
        )
        return [files for chunk in done for files in chunk]

    def _report(self, job: Job, error: str) -> None:
        failures = self.build.failures if self.build is not None else None
        if failures is None:
            logger.error("Error: %s: could not be written: %s", job.name, error)
            return
        article = job.variables.get("article")
        source = getattr(article, "source_path", None) if article is not None else None
        if source:
            failures.story_failed(str(source), error)
        else:
            failures.page_failed(job.name, error)

    def render_safely(self, job: Job) -> Rendered:
        """``render``, and any error of this one page caught (one bad story
        must not take the other pages with it)."""
        try:
            return Rendered(self.render(job), None)
        except Exception as error:
            return Rendered([], describe(error))

    def render(self, job: Job) -> list[str]:
        """Render one queued page (or paginated series); the files it wrote."""
        self.recording = []
        try:
            super().write_file(job.name, job.template, job.context, **job.options, **job.variables)
            return self.recording
        finally:
            self.recording = None

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        if self.recording is not None:
            self.recording.append(relative(self.output, filename))
        return replacing(Path(filename), encoding=encoding)  # as Pelican opens it, but whole


def _render_chunk(queue: tuple[WireWriter, list[Job]], indexes: range) -> list[Rendered]:
    writer, todo = queue
    return [writer.render_safely(todo[index]) for index in indexes]


def write_unless_fresh(writer: Any, name: str, inputs: Any, write: Callable[[], None]) -> None:
    """A file the plugin writes itself (a feed): written only when ``inputs``
    (stories, titles) changed since the last build, or the file did."""
    if not isinstance(writer, WireWriter):
        write()
        return
    key = digest(writer.site_key, name, encode(inputs))
    if not writer.is_fresh(name, key):
        write()
        writer.record(name, key, [name])


def writer_for(build: Build) -> type[WireWriter]:
    """Our writer class for ``build`` (Pelican wants a class, and makes the writer)."""
    return type(WireWriter.__name__, (WireWriter,), {"build": build})


def flush_pages(build: Build) -> None:
    """Render the queued pages (at Pelican's ``finalized``, after every page is queued)."""
    writer, build.writer = build.writer, None
    if writer is not None:
        rendered, kept, stale = writer.flush()
        build.timings.counts.update(
            pages_rendered=rendered, pages_kept=kept, stale_files_removed=stale
        )
        logger.info(
            "wire-archive: %d pages rendered, %d unchanged, %d stale files removed",
            rendered,
            kept,
            stale,
        )
