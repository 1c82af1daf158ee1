"""The Pelican reader: Markdown + YAML front matter -> HTML, and the story as ``article.wire``.

Promise: the body is rendered by markdown-it-py in CommonMark mode with raw
HTML off, so wire text can never become markup; front matter is read with
the safe loader into a typed ``Story`` (``story_file.parse``). Pelican gets
only what it needs of it (title, date, modified, category, slug, status, and
the summary as escaped HTML: Pelican treats summaries as HTML) and ``wire``,
the story's ``SiteStory``, which every stage and template reads;
``archive_path``, the file's place under content/, is the story's URL. A
file that cannot be read is reported with its path and reason, then raised
for Pelican, which leaves it out; ``failures`` counts it.
"""

from __future__ import annotations

import html
import os
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from pelican.readers import BaseReader
from pelican.utils import SafeDatetime

from generator.addresses import local_day
from generator.site import story_file
from generator.site.build import Build
from generator.site.stories import SiteStory


class WireMarkdownReader(BaseReader):  # type: ignore[misc]
    enabled = True
    file_extensions: ClassVar[list[str]] = ["md"]
    build: ClassVar[Build | None] = None  # set on the class made for each build

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        try:
            return self._read(source_path)
        except Exception as error:  # Pelican logs only the path: say why
            if self.build is not None:
                self.build.failures.story_unreadable(source_path, error)
            raise ValueError(str(error)) from error

    def _read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        reading = self.build.reading if self.build is not None else None
        parsed = reading.take(source_path) if reading is not None else None
        if parsed is None:
            parsed = story_file.parse(source_path)
        story = parsed.story
        url, save_as = self._locations(archive_path(source_path, self.settings["PATH"]))
        wire = SiteStory(story, url, save_as, source_path, parsed.digest, local_day(story.date))
        metadata: dict[str, Any] = {
            "title": story.title,
            "date": _pelican_time(story.date),
            "category": self.process_metadata("category", story.section),
            "slug": story.slug,
            "summary": html.escape(story.summary),
            "wire": wire,
        }
        if story.modified is not None:
            metadata["modified"] = _pelican_time(story.modified)
        if parsed.status:
            metadata["status"] = self.process_metadata("status", parsed.status)
        if url:  # else Pelican makes them from its settings
            metadata.update(url=url, save_as=save_as)
        return parsed.html, metadata

    def _locations(self, story_path: str) -> tuple[str, str]:
        """A story's URL and file, when the settings make them from
        ``{archive_path}`` alone (ours do): Pelican would format them from every
        field of the story on each use, at ~40 µs a time. Pages, and settings
        with other fields, are left to Pelican (empty here)."""
        if any(story_path.startswith(f"{page}/") for page in self.settings["PAGE_PATHS"]):
            return "", ""
        fields = {"archive_path": story_path}
        try:
            url = str(self.settings["ARTICLE_URL"].format_map(fields))
            return url, str(self.settings["ARTICLE_SAVE_AS"].format_map(fields))
        except (KeyError, IndexError, ValueError, AttributeError):
            return "", ""


def _pelican_time(moment: datetime) -> SafeDatetime:
    """The same moment as Pelican's own datetime type (it formats dates with it)."""
    return SafeDatetime.combine(moment.date(), moment.timetz())


def archive_path(source_path: str, content_root: str) -> str:
    """``2025/03/14/slug`` for ``content/2025/03/14/slug.md``: the story's URL.

    The converter never moves a file once written, so deriving the URL from
    the file's place keeps it stable when a later version moves the date.
    """
    root = content_root.rstrip(os.sep) + os.sep
    if source_path.startswith(root):  # the usual case, without relpath's cost
        relative = source_path[len(root) :]
    else:
        relative = os.path.relpath(source_path, content_root)
    return Path(relative).with_suffix("").as_posix()


def add_reader(build: Build, readers: Any) -> None:
    """Our reader for ``.md`` files, bound to ``build`` (Pelican makes the instance)."""
    bound = type(WireMarkdownReader.__name__, (WireMarkdownReader,), {"build": build})
    readers.reader_classes["md"] = bound


def drop_disabled_markdown_reader(generator: Any) -> None:
    """Pelican warns for every .md file that its own (absent) Markdown reader is
    disabled, even though ours reads them; forget that reader for our extension."""
    for extension in WireMarkdownReader.file_extensions:
        generator.readers.disabled_readers.pop(extension, None)
