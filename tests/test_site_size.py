"""The build says how big the site is, and warns before GitHub Pages' limits.

Real builds of the sample: the size line counts exactly the bytes and files
of output/; with the limits set low (``WIRE_SITE_LIMIT_MB``,
``WIRE_FILE_LIMIT_MB``) the warnings name the share and each file too large,
and the build still succeeds.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.site.size_report import MB, limits, measure
from tests.conftest import ROOT
from tests.local_site import build_site

pytestmark = pytest.mark.site


def _files(output: Path) -> list[Path]:
    return [path for path in output.rglob("*") if path.is_file()]


def test_the_build_reports_the_sites_size_without_a_warning(tmp_path: Path) -> None:
    built = build_site(ROOT / "content", tmp_path)
    files = _files(built.output)
    total = sum(path.stat().st_size for path in files)
    [line] = [line for line in built.log.splitlines() if line.startswith("Site size: ")]
    assert f"holds {total / MB:,.1f} MB in {len(files):,} files" in line
    assert "of the 1,000 MB a site may have" in line
    assert "Warning:" not in built.log


def test_a_site_near_its_limit_and_a_file_above_one_are_warned_of(tmp_path: Path) -> None:
    built = build_site(
        ROOT / "content", tmp_path, "-e", "WIRE_SITE_LIMIT_MB=1.0", "WIRE_FILE_LIMIT_MB=0.02"
    )
    share = re.search(r"Warning: the site is (\d+)% of the 1 MB limit", built.log)
    assert share and int(share.group(1)) >= 80, built.log
    assert "wire-archive periods" in built.log
    large = {p.relative_to(built.output).as_posix() for p in _files(built.output)}
    large = {name for name in large if (built.output / name).stat().st_size > 20_000}
    named = set(re.findall(r"Warning: \S+?/output/(\S+) is [\d.,]+ MB, above", built.log))
    assert large and named == large


def test_limits_default_to_github_pages_and_read_the_settings() -> None:
    assert limits({}) == (1_000 * MB, 100 * MB)
    assert limits({"WIRE_SITE_LIMIT_MB": 2000, "WIRE_FILE_LIMIT_MB": "50"}) == (2_000 * MB, 50 * MB)


def test_measure_counts_every_file_and_names_the_large_ones(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "big.bin").write_bytes(b"x" * 300)
    (tmp_path / "small.txt").write_bytes(b"y" * 10)
    size = measure(tmp_path, file_limit=100)
    assert (size.files, size.bytes, size.too_large) == (2, 310, [("a/b/big.bin", 300)])
