"""Site build, search: the search files for the browser, written beside the pages.

Promise: running ``pelican`` alone gives a site whose search works:
``search/manifest.json`` and one content-hashed shard per month (the Lunr
index and the result store, see ``generator.search.shards``), and lunr.js
with lunr-languages' Dutch support copied from ``node_modules`` into
``vendor/`` (installed from the npm registry, never committed). A missing
``node_modules`` is a clear error, not a site with silently broken search.
The search documents are made from the typed stories (``SiteStory``), each
with its local day (``addresses.day_key``), so the period filter puts a story
on the day the archive files it under.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from generator.addresses import day_key
from generator.errors import SiteError
from generator.parallel import can_fork, fork_process, workers
from generator.search.shards import MANIFEST, build_shards, built_shards, dump
from generator.search.store import SearchDocument
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


def documents(stories: Iterable[SiteStory]) -> list[SearchDocument]:
    """One search document per story, in the order given: newest first, so
    refs count up from the newest."""
    return [
        SearchDocument(
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
        for site in stories
    ]


def start_search_files(build: Build) -> None:
    """The vendored scripts at once (a missing node_modules stops the build
    early), then the shards of the archive's stories (``build.archive``,
    newest first): in a process of their own, forked now, so that indexing
    runs beside the rest of the build instead of after it;
    ``finish_search_files`` waits for it."""
    settings = build.settings
    copy_vendor_files(settings.node_modules, settings.output)
    stories = built_archive(build).stories
    folder = settings.output / "search"
    if workers(settings.jobs) < 2 or not can_fork():
        with build.timings.step("search"):
            write_search_files(folder, stories, settings.jobs, stream=True)
        return
    # One core: the other renders the pages.
    build.search = fork_process(write_search_files, folder, stories, 1, True, name="wire-search")


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


def write_search_files(
    folder: Path, stories: list[SiteStory], jobs: int, stream: bool = False
) -> None:
    """The manifest and the shards, in ``folder``; ``jobs`` processes build
    the shards that changed (0: one per core) unless ``stream``ed.

    Shards whose stories did not change are taken over from the last build
    (their files are left untouched); shards no longer listed are removed, so
    the folder is what a build from scratch would make. Streamed, each shard
    is written as soon as it is built, one after the other.
    """

    def write_new(name: str, text: str) -> None:
        if not (folder / name).exists():  # a content-hashed name: same name, same bytes
            atomic_write(folder / name, text)

    manifest, files = build_shards(
        documents(stories),
        reuse=_previous_shards(folder),
        processes=jobs,
        sink=write_new if stream else None,
    )
    if not stream:
        for name, text in files.items():
            write_new(name, text)
    for stale in folder.glob("*.json"):
        if stale.name != MANIFEST and stale.name not in files:
            stale.unlink()
    write_if_changed(folder / MANIFEST, dump(manifest))


def _previous_shards(folder: Path) -> Callable[[str], str | None]:
    """Look up the shards of the last build by the digest of their documents."""
    built = built_shards(folder)

    def reuse(digest: str) -> str | None:
        path = built.get(digest)
        return path.read_text("utf-8") if path is not None and path.is_file() else None

    return reuse


def copy_vendor_files(node_modules: Path, output: Path) -> None:
    for source, target in VENDOR_FILES.items():
        path = node_modules / source
        if not path.is_file():
            raise SiteError(
                f"expected {source} from the npm registry in {node_modules}, found nothing; "
                "run 'make html' (or 'npm ci') to install it"
            )
        copy_if_changed(path, output / target)
