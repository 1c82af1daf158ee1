"""Site build, search: the search files for the browser, written beside the pages.

Promise: running ``pelican`` alone gives a site whose search works:
``search/manifest.json`` and the index split into content-hashed files (see
``generator.search.index_files``), over each story's headline, place,
section, lead and body (read from its content file), and lunr.js
with lunr-languages' Dutch support copied from ``node_modules`` into
``vendor/`` (installed from the npm registry, never committed). A missing
``node_modules`` is a clear error, not a site with silently broken search.
The search documents are made from the typed stories (``SiteStory``), each
with its local day (``addresses.day_key``), so the period filter puts a story
on the day the archive files it under.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from generator.addresses import day_key
from generator.content.frontmatter import body_of
from generator.content.markdown import markdown_to_paragraphs
from generator.errors import SiteError
from generator.parallel import can_fork, fork_process, workers
from generator.search.index_files import MANIFEST, build_index, dump
from generator.search.store import SearchDocument
from generator.search.weights import FullDocument
from generator.site.build import Build
from generator.site.static_files import copy_if_changed
from generator.site.stories import SiteStory
from generator.site.structure import built_archive
from generator.site.templating import nl_datetime
from generator.storage import atomic_write, write_if_changed

# npm package file -> where the site serves it
VENDOR_FILES = {
    "lunr/lunr.min.js": "vendor/lunr.min.js",
    "lunr-languages/min/lunr.stemmer.support.min.js": "vendor/lunr.stemmer.support.min.js",
    "lunr-languages/min/lunr.nl.min.js": "vendor/lunr.nl.min.js",
}


def documents(stories: Iterable[SiteStory]) -> Iterator[FullDocument]:
    """What the index takes of each story, in the order given (newest first):
    its record and its body's text, read from its content file."""
    for site in stories:
        record = SearchDocument(
            url=site.url,
            title=site.story.title,
            lead=site.story.summary,
            city=site.city_name or site.story.city or "",
            section=site.story.section,
            date=site.story.date.isoformat(),
            date_text=nl_datetime(site.story.date, site.story.date_precision),
            day=day_key(site.story.date),
            city_aliases="|".join(site.city_aliases),
        )
        yield FullDocument(record, body_text(site.source_path, site.story.summary))


def body_text(source_path: str, lead: str) -> str:
    """The body's paragraphs after the lead (one a line), as plain text; a
    file that can no longer be read (removed since) has none."""
    try:
        text = Path(source_path).read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    paragraphs, _ = markdown_to_paragraphs(body_of(text))
    return "\n".join(p for p in paragraphs if not (lead and lead in p))


def start_search_files(build: Build) -> None:
    """The vendored scripts at once (a missing node_modules stops the build
    early), then the index of the archive's stories (``build.archive``,
    newest first): in a process of their own, forked now, so that indexing
    runs beside the rest of the build instead of after it;
    ``finish_search_files`` waits for it."""
    settings = build.settings
    copy_vendor_files(settings.node_modules, settings.output)
    stories = built_archive(build).stories
    folder = settings.output / "search"
    if workers(settings.jobs) < 2 or not can_fork():
        with build.timings.step("search"):
            write_search_files(folder, stories)
        return
    # One core: the other renders the pages.
    build.search = fork_process(write_search_files, folder, stories, name="wire-search")


def finish_search_files(build: Build) -> None:
    """Wait for the search process (at Pelican's finalized, after the pages)."""
    running, build.search = build.search, None
    if running is None:
        return
    try:
        seconds = running.join()
    except ChildProcessError as error:
        raise SiteError(
            f"expected the search index to be built, but {error}; its error is printed above"
        ) from error
    build.timings.add("search", seconds)


def write_search_files(folder: Path, stories: list[SiteStory]) -> None:
    """The index of ``stories`` (newest first) in ``folder``: its files, then
    its manifest. A file is named after its content, so one already there
    is left untouched; files the new manifest does not name are removed
    afterwards, so the folder is what a build from scratch would make."""
    written: set[str] = set()

    def write_new(name: str, data: bytes) -> None:
        written.add(name)
        if not (folder / name).exists():  # a content-hashed name: same name, same bytes
            atomic_write(folder / name, data)

    manifest = build_index(list(documents(stories)), write_new)
    write_if_changed(folder / MANIFEST, dump(manifest))
    for stale in [*folder.rglob("*.json"), *folder.rglob("*.json.gz")]:
        name = stale.relative_to(folder).as_posix()
        if name != MANIFEST and name not in written:
            stale.unlink()


def copy_vendor_files(node_modules: Path, output: Path) -> None:
    for source, target in VENDOR_FILES.items():
        path = node_modules / source
        if not path.is_file():
            raise SiteError(
                f"expected {source} from the npm registry in {node_modules}, found nothing; "
                "run 'make html' (or 'npm ci') to install it"
            )
        copy_if_changed(path, output / target)
