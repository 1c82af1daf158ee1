"""The Pelican reader: Markdown + YAML front matter -> HTML + metadata.

Promise: the body is rendered by markdown-it-py in CommonMark mode with raw
HTML off, so wire text can never become markup; front matter is read with
the safe loader. ``summary`` is handed to Pelican as escaped HTML (Pelican
treats summaries as HTML) and kept as plain text in ``lead``; ``archive_path``
is the file's place under content/, which the settings make the story's URL.
Front matter comes cleaned and bounded (``story_fields``, applied while
parsing). A file that cannot be read is reported with its path and reason,
then raised for Pelican, which leaves it out; ``failures`` counts it.
"""

from __future__ import annotations

import html
import os
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from pelican.readers import BaseReader
from pelican.utils import SafeDatetime

from generator.site import story_file
from generator.site.build import Build

# Keys whose values Pelican turns into objects (dates, categories).
_PELICAN_KEYS = ("date", "modified", "category", "status", "slug", "title")


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
        body_html, metadata, source_digest = parsed
        found = self._metadata(metadata)
        found["archive_path"] = archive_path(source_path, self.settings["PATH"])
        found["wire_source_digest"] = source_digest  # what incremental builds compare
        found.update(self._locations(found["archive_path"]))
        return body_html, found

    def _locations(self, story_path: str) -> dict[str, str]:
        """A story's ``url`` and ``save_as``, when the settings make them from
        ``{archive_path}`` alone (ours do): Pelican would format them from every
        field of the story on each use, at ~40 µs a time. Pages, and settings
        with other fields, are left to Pelican."""
        if any(story_path.startswith(f"{page}/") for page in self.settings["PAGE_PATHS"]):
            return {}
        fields = {"archive_path": story_path}
        try:
            return {
                "url": self.settings["ARTICLE_URL"].format_map(fields),
                "save_as": self.settings["ARTICLE_SAVE_AS"].format_map(fields),
            }
        except (KeyError, IndexError, ValueError, AttributeError):
            return {}

    def _metadata(self, raw: dict[str, Any]) -> dict[str, Any]:
        metadata: dict[str, Any] = {}
        for key, value in raw.items():
            name = str(key).lower()
            if name == "summary":
                metadata["summary"] = html.escape(str(value))
                metadata["lead"] = str(value)
            elif name in ("date", "modified") and (moment := _iso_datetime(value)):
                metadata[name] = moment
            elif name in _PELICAN_KEYS:
                metadata[name] = self.process_metadata(name, str(value))
            else:
                metadata[name] = value
        return metadata


def _iso_datetime(value: Any) -> SafeDatetime | None:
    """Our front matter's ISO 8601 date, read without dateutil's guesswork (the
    converter always writes this form; anything else goes to Pelican's parser)."""
    if isinstance(value, datetime):
        value = value.isoformat()
    try:
        moment = SafeDatetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


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
