"""A pile of web-page items made from the sample archive, for benchmarks.

Each copy of a sample page gets a number in its headline and every paragraph,
so its stories get their own ids and slugs (and an update still finds the
story it replaces); capture times are shifted a day per copy.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import yaml

from generator.formats.sidecar import SIDECAR_SUFFIX

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "wire"


def _numbered(line: str, copy: int) -> str:
    if line.rstrip().endswith(("geleden", "zojuist", "gisteren")) or line.startswith("Meer uit"):
        return line  # ages and the section line keep their exact form
    head, dot, tail = line.rpartition(".")
    return f"{head} (nr. {copy}){dot}{tail}" if dot else f"{line} (nr. {copy})"


def make_pile(folder: Path, copies: int) -> int:
    """Write ``copies`` numbered copies of every sample page; return the page count."""
    pages = sorted(SAMPLE.rglob("*.txt"))
    for copy in range(copies):
        for page in pages:
            sidecar = page.with_name(page.stem + SIDECAR_SUFFIX)
            captured = datetime.fromisoformat(
                yaml.safe_load(sidecar.read_text("utf-8"))["captured_at"]
            )
            lines = page.read_text("utf-8").splitlines()
            # The headline gets its number in front, so a version suffix stays last.
            headline, rest = f"{copy}: {lines[0]}", lines[1:]
            text = "\n".join([headline, *(_numbered(line, copy) for line in rest)]) + "\n"
            name = f"{copy:04d}-{page.stem}"
            (folder / f"{name}.txt").write_text(text, "utf-8")
            shifted = (captured - timedelta(days=copy)).isoformat()
            (folder / f"{name}{SIDECAR_SUFFIX}").write_text(f'captured_at: "{shifted}"\n', "utf-8")
    return copies * len(pages)
