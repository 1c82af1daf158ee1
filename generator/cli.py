"""The command line: ``wire-archive import``, ``wire-archive search`` and
``wire-archive periods``.

Promise: errors print as ``Error: <path>:<line>: <what was expected, what was
found>`` on stderr; the exit status is 0 when everything converted, 1 when any
file failed, 2 for a wrong call. This module never imports Pelican.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

import click

from generator.cache import cache_file
from generator.cli_progress import progress_bar
from generator.content.store import Outcome
from generator.errors import WireArchiveError
from generator.formats.sidecar import parse_timestamp
from generator.import_summary import Summary, describe_embargoes
from generator.importer import run_import
from generator.periods import FRONT, build_all, periods_of, story_years, write_front
from generator.search.query import Filters, search
from generator.search.reader import SearchIndex
from generator.search.snippets import snippet


class _Timestamp(click.ParamType):  # type: ignore[type-arg]  # generic only in newer stubs
    name = "ISO-8601"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime:
        if isinstance(value, datetime):
            return value
        try:
            return parse_timestamp(str(value), where="--captured-at")
        except WireArchiveError as error:
            self.fail(error.message, param, ctx)


@click.group()
@click.version_option(package_name="wire-archive", prog_name="wire-archive")
def main() -> None:
    """Turn a pile of news-wire items into a searchable static website."""


@main.command("import")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--content",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("content"),
    show_default=True,
    help="Folder the Markdown files are written to.",
)
@click.option(
    "--captured-at",
    type=_Timestamp(),
    help="When pages without a .meta.yaml sidecar were copied (ISO 8601 with offset).",
)
@click.option(
    "--force",
    "force",
    multiple=True,
    metavar="FILE",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Overwrite this content file even if it was edited by hand (repeat for more "
    "files); its wire files are read again. To re-read every wire file: --no-cache.",
)
@click.option(
    "--cache",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(".cache/wire-archive"),
    show_default=True,
    envvar="WIRE_ARCHIVE_CACHE",
    help="Where to remember what was imported, so unchanged files are skipped.",
)
@click.option("--no-cache", is_flag=True, help="Read every file and remember nothing.")
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    help="Worker processes for large piles.  [default: one per core]",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Name each story file as it is created or updated.",
)
def import_command(
    paths: tuple[Path, ...],
    content: Path,
    captured_at: datetime | None,
    force: tuple[Path, ...],
    cache: Path,
    no_cache: bool,
    jobs: int | None,
    as_json: bool,
    verbose: bool,
) -> None:
    """Convert wire files (default: the wire/ folder) into content/.

    A story file edited by hand is never overwritten: while the wire has a
    newer text for it, every import says so (Kept: ...); --force FILE
    overwrites that one file with the wire's text, and only that one.
    """
    sources = list(paths) or [Path("wire")]
    if not paths and not sources[0].is_dir():
        raise click.UsageError("no PATH given and no wire/ folder here")
    for file in force:
        if not file.resolve().is_relative_to(content.resolve()):
            raise click.BadParameter(
                f"expected a story file in {content}, found {file}", param_hint="--force"
            )
    with progress_bar() as progress:
        try:
            summary = run_import(
                sources,
                content,
                captured_at=captured_at,
                force=force,
                cache_path=None if no_cache else cache_file(cache, content),
                jobs=jobs,
                progress=progress,
                on_saved=_name_saved_file if verbose else None,
            )
        except WireArchiveError as stopped:
            raise click.ClickException(str(stopped)) from stopped
    for problem in summary.errors:
        click.echo(f"Error: {problem}", err=True)
    for replaced in summary.replaced:
        click.echo(f"Replaced: {replaced}", err=True)
    for path in summary.kept_edited:
        click.echo(
            f"Kept: {path} was edited by hand; the wire has a newer text "
            f"(--force {path} overwrites it)",
            err=True,
        )
    for path in summary.not_forced:
        click.echo(
            f"Kept: {path}: no wire file of this import holds its story (nothing overwritten)",
            err=True,
        )
    for reason in summary.not_stories:
        click.echo(f"Skipped: {reason}", err=True)
    if as_json:
        click.echo(json.dumps(summary.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(_describe(summary))
    sys.exit(1 if summary.failed else 0)


@main.command("search")
@click.argument("query")
@click.option(
    "--site",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=Path("output"),
    show_default=True,
    help="The built site whose search files to use.",
)
@click.option("--section", help="Only stories of this section.")
@click.option("--city", help="Only stories from this city.")
@click.option("--from", "date_from", metavar="YYYY-MM-DD", help="Only stories from this day on.")
@click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Only stories up to this day.")
@click.option(
    "--order", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True
)
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
def search_command(
    query: str,
    site: Path,
    section: str | None,
    city: str | None,
    date_from: str | None,
    date_to: str | None,
    order: str,
    limit: int,
    as_json: bool,
) -> None:
    """Search the built site as its search page does: the same hits, in the same order."""
    for value, option in ((date_from, "--from"), (date_to, "--to")):
        if value and not _is_day(value):
            raise click.BadParameter(f"expected YYYY-MM-DD, found {value!r}", param_hint=option)
    try:
        index = SearchIndex(site / "search")
    except (OSError, ValueError, WireArchiveError) as error:
        raise click.ClickException(
            f"expected the search files of a built site in {site}/search: {error}"
        ) from error
    filters = Filters(section or None, city or None, date_from, date_to)
    results = search(index, query, filters, order)
    numbers = [hit.number for hit in results.hits[:limit]]
    shown = [index.record(number) for number in numbers]
    asked = results.suggestion if results.corrected and results.suggestion else query
    snippets = [
        "".join(piece for piece, _ in snippet(d.lead, index.body(n), asked))
        for d, n in zip(shown, numbers, strict=True)
    ]
    if as_json:
        rows = [
            {"url": d.url, "title": d.title, "city": d.city, "section": d.section, "date": d.date,
             "snippet": text}
            for d, text in zip(shown, snippets, strict=True)
        ]  # fmt: skip
        answer = {
            "total": len(results.hits),
            "partial": results.partial,
            "suggestion": results.suggestion,
            "corrected": results.corrected,
            "hits": rows,
        }
        click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
        return
    for doc, text in zip(shown, snippets, strict=True):
        place = f" · {doc.city}" if doc.city else ""
        click.echo(f"{doc.date_text}{place} · {doc.section}\n  {doc.title}\n  {text}\n  {doc.url}")
    if results.corrected:
        found = len(results.hits)
        click.echo(f"Geen berichten voor {query!r}; {found} voor {results.suggestion!r}.")
    elif results.partial:
        click.echo(f"Geen berichten met alles wat u zocht; {len(results.hits)} met een deel ervan.")
    else:
        found = len(results.hits)
        click.echo(f"{found} berichten gevonden." if found else "Geen berichten gevonden.")
    if results.suggestion and not results.corrected:
        click.echo(f"Bedoelde u: {results.suggestion}?")


def _base_url(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """The front site's address, to which each period's name is added."""
    url = value.rstrip("/")
    scheme, _, rest = url.partition("://")
    if scheme not in ("http", "https") or "/" not in rest.strip("/"):
        raise click.BadParameter(
            "expected the front site's address with its repository's name, such as "
            f"https://user.github.io/archief (periods go to .../archief-2023), found {value!r}"
        )
    return url


@main.command("periods")
@click.argument(
    "content", type=click.Path(exists=True, file_okay=False, path_type=Path), metavar="CONTENT"
)
@click.option(
    "--base-url",
    required=True,
    callback=_base_url,
    metavar="URL",
    help="The front site's address, such as https://user.github.io/archief; the period "
    "2023 is published at URL-2023 (https://user.github.io/archief-2023).",
)
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("sites"),
    show_default=True,
    help="Where the sites go: OUTPUT/2023/ and so on, and the front site in OUTPUT/front/.",
)
@click.option(
    "--settings",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=Path("publishconf.py"),
    show_default=True,
    help="The Pelican settings file each period is built with.",
)
@click.option(
    "--years-per-site",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    metavar="N",
    help="Years in each period, counted from the archive's first year (2: 2023-2024, ...).",
)
@click.option(
    "--cache",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(".cache/periods"),
    show_default=True,
    help="Where each period's build keeps its caches, in a folder of its own.",
)
@click.option(
    "--title",
    default="Wire-archief",
    show_default=True,
    help="The front site's name.",
)
def periods_command(
    content: Path,
    base_url: str,
    output: Path,
    settings: Path,
    years_per_site: int,
    cache: Path,
    title: str,
) -> None:
    """Build one site per period (a year, or --years-per-site years) of CONTENT,
    each for its own address, and a front site linking them.

    For an archive that outgrows one GitHub Pages site (1 GB). Each period's
    site is built by Pelican with WIRE_PERIOD set, into OUTPUT/<period>/, for
    URL-<period>: publish each from a repository of its own (archief-2023).
    OUTPUT/front/ is the front site, for URL itself. A period whose build
    fails does not stop the others; the exit status is then 1.
    """
    periods = periods_of(story_years(content), years_per_site)
    if not periods:
        raise click.UsageError(
            f"expected story files (YYYY/MM/DD/slug.md) in {content}, found none"
        )
    builds = build_all(periods, content, output, settings, base_url, cache, click.echo)
    linked = write_front(output / FRONT, base_url, title, builds)
    click.echo(
        f"Front site: {output / FRONT} links {len(linked)} of {len(builds)} periods, for {base_url}"
    )
    failed = [built.period.name for built in builds if not built.succeeded]
    if failed:
        click.echo(
            f"Error: {len(failed)} of {len(builds)} period builds failed: {', '.join(failed)}",
            err=True,
        )
    sys.exit(1 if failed or not linked else 0)


_SAVED = {Outcome.NEW: "Created", Outcome.UPDATED: "Updated"}


def _name_saved_file(outcome: Outcome, path: Path) -> None:
    """For --verbose: a line as soon as a story's file is in place (flushed,
    so that a pipe reading the import sees it at once)."""
    if outcome in _SAVED:
        click.echo(f"{_SAVED[outcome]}: {path}")


def _is_day(value: str) -> bool:
    try:
        datetime.strptime(value, "%Y-%m-%d")
    except ValueError:
        return False
    return True


def _describe(summary: Summary) -> str:
    counts = summary.outcomes
    rate = summary.items / summary.seconds if summary.seconds else 0.0
    per_format = "".join(
        f"\n  {name}: {found['files']} files, {found['items']} items"
        for name, found in sorted(summary.formats.items())
    )
    skipped = (
        f"\n  {len(summary.not_stories)} files without a text story skipped"
        if summary.not_stories
        else ""
    )
    if summary.unknown_codes:  # kept as keywords, never shown as a section
        codes = ", ".join(
            f"{code} ({count})" for code, count in sorted(summary.unknown_codes.items())
        )
        skipped += f"\n  unknown ANP codes kept as keywords: {codes}"
    return (
        f"Imported {summary.items} items from {summary.files - summary.skipped} files "
        f"({summary.skipped} unchanged files skipped) in {summary.seconds:.2f} s "
        f"({rate:.0f} items/s): {counts['new']} new, {counts['updated']} updated "
        f"({len(summary.replaced)} with a newer text replacing the old), "
        f"{counts['unchanged']} unchanged, {summary.merged} merged, "
        f"{counts['kept-edited']} kept (edited by hand), {summary.failed} failed."
        f"{per_format}{skipped}{describe_embargoes(summary.embargoed)}"
    )
