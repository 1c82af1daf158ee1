"""Site build, last step: how big the site is, against what GitHub Pages allows.

Promises: after every build one line on stderr gives the output folder's
size (the bytes of its files, in MB of 1,000,000 bytes) and file count, and
what share of the Pages limit that is; a warning (never a failure: the site
was built) when the site reaches ``WARN_SHARE`` of the limit, and one for
every file above the per-file limit, each saying what to do. The limits are
settings, for hosts other than GitHub Pages.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MB = 1_000_000
SITE_LIMIT_MB = 1_000  # GitHub Pages: a published site may be at most 1 GB
FILE_LIMIT_MB = 100  # GitHub: no file above 100 MB
WARN_SHARE = 0.8  # warn from this share of the site limit on


@dataclass
class SiteSize:
    files: int = 0
    bytes: int = 0
    too_large: list[tuple[str, int]] = field(default_factory=list)


def measure(output: Path, file_limit: int) -> SiteSize:
    """The files under ``output``, and those of more than ``file_limit`` bytes."""
    size = SiteSize()
    for folder, _, names in os.walk(output):
        for name in names:
            path = Path(folder, name)
            length = path.stat().st_size
            size.files += 1
            size.bytes += length
            if length > file_limit:
                size.too_large.append((path.relative_to(output).as_posix(), length))
    return size


def limits(raw: dict[str, Any]) -> tuple[int, int]:
    """(site, file) limits in bytes: ``WIRE_SITE_LIMIT_MB``, ``WIRE_FILE_LIMIT_MB``."""
    site = raw.get("WIRE_SITE_LIMIT_MB") or SITE_LIMIT_MB
    file = raw.get("WIRE_FILE_LIMIT_MB") or FILE_LIMIT_MB
    return int(float(site) * MB), int(float(file) * MB)


def report(output: Path, raw: dict[str, Any]) -> SiteSize:
    """Print the site's size and any warning; the measure, for the caller."""
    site_limit, file_limit = limits(raw)
    size = measure(output, file_limit)
    share = size.bytes / site_limit
    print(
        f"Site size: {output}/ holds {size.bytes / MB:,.1f} MB in {size.files:,} files, "
        f"{share:.0%} of the {site_limit / MB:,.0f} MB a site may have",
        file=sys.stderr,
    )
    if share >= WARN_SHARE:
        print(
            f"Warning: the site is {share:.0%} of the {site_limit / MB:,.0f} MB limit; "
            "publish it as one site per period (README.md, 'When the archive outgrows "
            "one site': wire-archive periods)",
            file=sys.stderr,
        )
    for name, length in size.too_large:
        print(
            f"Warning: {output}/{name} is {length / MB:,.1f} MB, above the "
            f"{file_limit / MB:,.0f} MB a file may have; GitHub refuses such a file",
            file=sys.stderr,
        )
    return size
