"""Before any page is written: the archive's structure and each story's neighbours.

Promise: ``prepare`` runs once, after Pelican has read every article and
before it writes them, so story pages can link to their neighbours and
related stories, and every listing, feed and sitemap uses the same grouping
(``context["wire_archive"]``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.content.store import remove_stale_temp_files
from generator.site.archive import build_archive
from generator.site.neighbours import attach_neighbours


def prepare(generator: Any) -> None:
    """Signal handler (article_generator_finalized)."""
    archive = build_archive(list(generator.articles))
    attach_neighbours(archive)
    generator.context["wire_archive"] = archive


def clean_output(pelican: Any) -> None:
    """Signal handler (initialized): remove what a killed build left half-written
    of our own files (they are written to a temporary file, then renamed)."""
    remove_stale_temp_files(Path(pelican.output_path))
