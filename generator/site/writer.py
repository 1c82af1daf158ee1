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

``WireWriter`` is a writer by Pelican's public contract (the class the
``get_writer`` signal returns, made as ``Writer(output_path, settings=...)``,
called through ``write_file``), not a subclass of Pelican's ``Writer``: it
renders a page as ``Writer.write_file`` does for the pages we write (the
page's own ``SITEURL`` for relative URLs, ``output_file``, the template's
``render``, Pelican's ``Writing`` log line and ``content_written`` signal)
and refuses what the site never uses (Pelican's pagination and feeds), so no
private method of Pelican's is overridden.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, NamedTuple
from urllib.parse import urlsplit

from jinja2 import Template
from pelican.plugins import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import FileOverwriteFailedError

from generator.errors import SiteError
from generator.parallel import fork_map, workers, worth_forking
from generator.site.build import Build
from generator.site.build_state import BuildState, WrittenFile, relative, state_file
from generator.site.failures import describe
from generator.site.fingerprint import PER_BUILD_SETTINGS, digest, encode, page_key, site_key
from generator.storage import atomic_write, bytes_digest

logger = logging.getLogger(__name__)
# Pelican's own "Writing" line, under Pelican's logger: its verbosity and
# filters apply as before, and tests stop builds at the moment it announces.
PELICAN_LOG = logging.getLogger("pelican.writers")
CHUNK = 100  # pages a worker takes at a time
PAGINATED_VARIABLES = ("articles", "dates")  # what Pelican's write_file would paginate


class Rendered(NamedTuple):
    files: list[WrittenFile]  # the files the page wrote, each with the digest of its bytes
    error: str | None  # why it could not be rendered: text, which any worker can send


class Job(NamedTuple):
    name: str
    key: str
    template: Template
    context: dict[str, Any]  # the settings, as the template sees them
    relative_urls: bool
    variables: dict[str, Any]


class WireWriter:
    """Pelican's writer for one build: queues pages, renders those that changed."""

    build: ClassVar[Build | None] = None  # set on the class made for each build (writer_for)

    def __init__(self, output_path: str, settings: dict[str, Any]) -> None:
        del settings  # Pelican's dict, as Pelican makes a writer: the build has them typed
        build = self.build
        if build is None:
            raise SiteError("the site's writer is made for a build: use writer_for(build)")
        self.output = Path(output_path)
        self.paginated_templates = build.settings.paginated_templates
        self.site_key = site_key(build.settings.raw, build.settings.theme)
        self.state = BuildState.load(state_file(build.settings.cache, self.output), self.output)
        self.workers = workers(build.settings.jobs)
        self.failures = build.failures
        self.jobs: list[Job] = []
        self.names: set[str] = set()
        self.context: dict[str, Any] = {}
        self.source_context: dict[str, Any] | None = None
        build.writer = self  # the pages it queues are rendered at the end

    def write_file(
        self,
        name: str,
        template: Template,
        context: dict[str, Any],
        relative_urls: bool = False,
        paginated: dict[str, Any] | None = None,
        template_name: str | None = None,
        override_output: bool = False,
        url: str | None = None,
        **variables: Any,
    ) -> None:
        """Queue a page, as Pelican's generators and ours ask for one."""
        if not name:
            return
        if paginated is not None or self._paginates(template_name, variables):
            raise SiteError(
                f"{name}: Pelican's pagination is not used here (the plugin paginates its "
                "listings itself): set PAGINATED_TEMPLATES = {}"
            )
        if name in self.names and not override_output:
            raise FileOverwriteFailedError(f'Failed to overwrite "{name}": written twice')
        self.names.add(name)
        # Templates get the settings only (but the build time, which is not in
        # the site key): whatever else they show comes in their own variables,
        # which the fingerprint covers.
        if context is not self.source_context:
            self.source_context = context
            self.context = {
                key: value
                for key, value in context.items()
                if key.isupper() and key not in PER_BUILD_SETTINGS
            }
            self.context["ROOT"] = site_path(str(context.get("SITEURL", "")))
        # What the page is rendered from (url and template_name serve Pelican's
        # pagination only); the settings are in the site key.
        described = {**variables, "relative_urls": relative_urls, "template": template.name}
        key = page_key(self.site_key, name, described)
        self.jobs.append(Job(name, key, template, self.context, relative_urls, variables))

    def write_feed(self, *args: object, **options: object) -> None:
        """Pelican's feeds are off (FEED_ALL_ATOM = None ...): ``feeds`` writes ours."""
        raise SiteError("Pelican's own feeds are not used here: leave its FEED_ settings at None")

    def _paginates(self, template_name: str | None, variables: dict[str, Any]) -> bool:
        return template_name in self.paginated_templates and any(
            variables.get(key) for key in PAGINATED_VARIABLES
        )

    def is_fresh(self, name: str, key: str) -> bool:
        """For files the plugin writes itself: taken over if unchanged."""
        if self.state.is_fresh(name, key):
            self.state.keep(name)
            return True
        return False

    def record(self, name: str, key: str, files: list[WrittenFile]) -> None:
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
        source: object = getattr(job.variables.get("article"), "source_path", None)
        if source:
            self.failures.story_failed(str(source), error)
        else:
            self.failures.page_failed(job.name, error)

    def render_safely(self, job: Job) -> Rendered:
        """``render``, and any error of this one page caught (one bad story
        must not take the other pages with it)."""
        try:
            return Rendered(self.render(job), None)
        except Exception as error:
            return Rendered([], describe(error))

    def render(self, job: Job) -> list[WrittenFile]:
        """Render one queued page as Pelican's ``Writer.write_file`` does; the file it wrote."""
        page = dict(job.context)
        # Pelican also leaves a relative page's localsiteurl in the shared
        # context for the pages after it (for {filename} links in Content);
        # our templates and stories have none, and a page must not depend on
        # the page rendered before it (workers render in any order).
        page["localsiteurl"] = None
        if job.relative_urls:  # links from this page's folder up to the site's root
            page["SITEURL"] = page["localsiteurl"] = page["ROOT"] = _url_to_root(job.name)
        page["output_file"] = job.name
        page.update(job.variables)
        data = job.template.render(page).encode("utf-8")
        path: str = sanitised_join(str(self.output), job.name)  # refuses ../ out of output/
        atomic_write(Path(path), data)
        PELICAN_LOG.info('Writing "%s"', path)
        signals.content_written.send(path, context=page)
        return [(relative(self.output, path), bytes_digest(data))]


def site_path(site_url: str) -> str:
    """``ROOT``, what the templates put before a site path in a link: the path
    of ``SITEURL`` (``/archief``), so a published page names its site's host
    once (canonical, OpenGraph), not in every link; a page with relative URLs
    gets the way up to the root instead (``render``)."""
    return urlsplit(site_url).path.rstrip("/")


def _url_to_root(name: str) -> str:
    """``../..`` from the page ``name`` (``a/b/index.html``) up to the site's root."""
    url: str = path_to_url(get_relative_path(name))
    return url


def _render_chunk(queue: tuple[WireWriter, list[Job]], indexes: range) -> list[Rendered]:
    writer, todo = queue
    return [writer.render_safely(todo[index]) for index in indexes]


def write_unless_fresh(
    writer: object, name: str, inputs: object, write: Callable[[], None]
) -> None:
    """A file the plugin writes itself (a feed): written only when ``inputs``
    (stories, titles) changed since the last build, or the file did."""
    if not isinstance(writer, WireWriter):
        write()
        return
    key = digest(writer.site_key, name, encode(inputs))
    if not writer.is_fresh(name, key):
        write()
        writer.record(name, key, [(name, None)])


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
