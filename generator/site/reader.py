"""The Pelican reader: Markdown + YAML front matter -> HTML + metadata.

Promise: the body is rendered by markdown-it-py in CommonMark mode with raw
HTML off, so wire text can never become markup; front matter is read with
the safe loader. ``summary`` is handed to Pelican as escaped HTML (Pelican
treats summaries as HTML) and kept as plain text in ``lead``; ``archive_path``
is the file's place under content/, which the settings make the story's URL.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any, ClassVar

from pelican.readers import BaseReader

from generator.content.frontmatter import split
from generator.content.markdown import markdown_to_html
from generator.errors import ContentError

# Keys whose values Pelican turns into objects (dates, categories).
_PELICAN_KEYS = ("date", "modified", "category", "status", "slug", "title")


class WireMarkdownReader(BaseReader):  # type: ignore[misc]
    enabled = True
    file_extensions: ClassVar[list[str]] = ["md"]

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        text = Path(source_path).read_text("utf-8")
        try:
            metadata, body = split(text, path=source_path)
        except ContentError as error:
            raise ValueError(str(error)) from error
        found = self._metadata(metadata)
        found["archive_path"] = archive_path(source_path, self.settings["PATH"])
        return markdown_to_html(body), found

    def _metadata(self, raw: dict[str, Any]) -> dict[str, Any]:
        metadata: dict[str, Any] = {}
        for key, value in raw.items():
            name = str(key).lower()
            if name == "summary":
                metadata["summary"] = html.escape(str(value))
                metadata["lead"] = str(value)
            elif name in _PELICAN_KEYS:
                metadata[name] = self.process_metadata(name, str(value))
            else:
                metadata[name] = value
        return metadata


def archive_path(source_path: str, content_root: str) -> str:
    """``2025/03/14/slug`` for ``content/2025/03/14/slug.md``: the story's URL.

    The converter never moves a file once written, so deriving the URL from
    the file's place keeps it stable when a later version moves the date.
    """
    relative = Path(os.path.relpath(source_path, content_root)).with_suffix("")
    return relative.as_posix()


def add_reader(readers: Any) -> None:
    readers.reader_classes["md"] = WireMarkdownReader


def drop_disabled_markdown_reader(generator: Any) -> None:
    """Pelican warns for every .md file that its own (absent) Markdown reader is
    disabled, even though ours reads them; forget that reader for our extension."""
    for extension in WireMarkdownReader.file_extensions:
        generator.readers.disabled_readers.pop(extension, None)
