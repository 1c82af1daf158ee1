"""Site build, files copied as they are: the theme's static folder and the
browser scripts from node_modules.

Promise: a file is copied only when the copy in ``output/`` is missing or
differs, so a rebuild leaves unchanged files (and their modification times)
alone; Pelican's own copying of theme files, which rewrites them on every
build, is switched off in the settings (``THEME_STATIC_PATHS = []``).
"""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

from generator.site.build import SiteSettings


def copy_if_changed(source: Path, target: Path) -> bool:
    if target.is_file() and filecmp.cmp(source, target, shallow=False):
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return True


def copy_tree(source: Path, target: Path) -> None:
    for path in sorted(source.rglob("*")):
        if path.is_file():
            copy_if_changed(path, target / path.relative_to(source))


def copy_theme_files(settings: SiteSettings) -> None:
    """``<theme>/static`` to ``output/theme`` (once every page is queued)."""
    copy_tree(settings.theme / "static", settings.output / settings.theme_static_dir)
