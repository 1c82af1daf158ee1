"""No step of an import or a site build grows faster than n log n.

Two synthetic archives, 2,000 and 8,000 stories, go through the converter and
a full site build on one core; each step's time at 8,000 is compared with its
time at 2,000. Linear steps take about 4 times as long, n log n steps about
4.7 times, quadratic ones 16 times. Ratios, not absolute times: this machine
is shared. A step too quick to time reliably at 8,000 is not compared.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.synthetic import write_content
from benchmarks.webpages import write_pile
from generator.importer import run_import
from tests.conftest import ROOT

pytestmark = pytest.mark.site
SMALL, LARGE = 2_000, 8_000
N_LOG_N = LARGE / SMALL * math.log(LARGE) / math.log(SMALL)  # 4.73
LIMIT = 1.5 * N_LOG_N  # room for a shared machine's noise, well short of 16
MEASURABLE = 0.4  # seconds at 8,000; quicker steps are mostly noise


def import_seconds(folder: Path, count: int) -> dict[str, float]:
    pile, imported = folder / "pile", folder / "imported"
    if not pile.exists():
        write_pile(pile, count)
    shutil.rmtree(imported, ignore_errors=True)
    start = time.perf_counter()
    summary = run_import([pile], imported, jobs=1)
    assert summary.failed == 0
    return {"import": time.perf_counter() - start}


def build_seconds(folder: Path, count: int) -> dict[str, float]:
    content, cache = folder / "content", folder / "cache"
    if not content.exists():
        write_content(content, count)
    command = [sys.executable, "-m", "pelican", str(content), "-o", str(folder / "output"), "-q"]
    command += ["-s", str(ROOT / "pelicanconf.py"), "--fatal", "errors"]
    command += ["-e", f'CACHE_PATH="{cache}"', "WIRE_BUILD_JOBS=1"]  # one -e: a second replaces it
    for leftover in (cache, folder / "output"):
        shutil.rmtree(leftover, ignore_errors=True)
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    report = json.loads((cache / "wire-timings.json").read_text("utf-8"))
    steps: dict[str, float] = report["seconds"]
    return steps


def steps(folder: Path, count: int) -> dict[str, float]:
    return {**import_seconds(folder / "import", count), **build_seconds(folder / "build", count)}


def quicker(first: dict[str, float], second: dict[str, float]) -> dict[str, float]:
    return {step: min(seconds, second.get(step, seconds)) for step, seconds in first.items()}


def too_fast(small: dict[str, float], large: dict[str, float]) -> dict[str, float]:
    return {
        step: round(large[step] / max(small[step], 0.01), 1)
        for step in large
        if large[step] >= MEASURABLE and large[step] / max(small[step], 0.01) > LIMIT
    }


def test_no_step_grows_faster_than_n_log_n(tmp_path: Path) -> None:
    small = steps(tmp_path / "small", SMALL)
    large = steps(tmp_path / "large", LARGE)
    assert len(large) > 8  # every step was timed
    grown = too_fast(small, large)
    if grown:  # a busy moment can slow one run: measure both again, keep the quicker
        small = quicker(small, steps(tmp_path / "small", SMALL))
        large = quicker(large, steps(tmp_path / "large", LARGE))
        grown = too_fast(small, large)
    assert grown == {}, f"steps growing faster than n log n (ratio 8k/2k, limit {LIMIT:.1f})"
