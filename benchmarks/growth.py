"""How each import and build step grows with the archive: 2,000 against 8,000 stories.

The import reads a synthetic pile of web pages (``benchmarks.webpages``); the
build reads a synthetic archive (``benchmarks.synthetic``), so that the two
stages, like the two sizes, can be measured at once.

A linear step does about 4 times the work at 8,000, an n log n step about 4.7
times, a quadratic one 16 times. Two measures of the same runs:

- calls: the function calls each step makes (``generator.call_count``),
  the same on a quiet or a busy machine; ``tests/test_growth.py`` asserts on
  them;
- seconds: wall time, for ``make bench`` only, since a busy machine moves it.

Everything runs on one core (``--jobs 1``, ``WIRE_BUILD_JOBS=1``), so every
step's work happens in the process that counts it.

    python -m benchmarks.growth                 # the table, both measures
    python -m benchmarks.growth import N DIR    # one stage at one size: calls, as JSON
    python -m benchmarks.growth build N DIR
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

from benchmarks.synthetic import write_content
from benchmarks.webpages import write_pile
from generator.call_count import CallCounter
from generator.importer import run_import

ROOT = Path(__file__).resolve().parent.parent
SMALL, LARGE = 2_000, 8_000
N_LOG_N = LARGE / SMALL * math.log(LARGE) / math.log(SMALL)  # 4.73
Steps = dict[str, float]


def import_step(pile: Path, content: Path, *, count_calls: bool) -> Steps:
    """The converter over a pile of web pages, in this process."""
    shutil.rmtree(content, ignore_errors=True)
    counter = CallCounter()
    start = time.perf_counter()
    with counter if count_calls else nullcontext():
        summary = run_import([pile], content, jobs=1)
    seconds = time.perf_counter() - start
    if summary.failed:
        raise RuntimeError(f"expected a clean import, found {summary.failed} failures")
    return {"import": float(counter.calls()) if count_calls else seconds}


def build_steps(content: Path, work: Path, *, count_calls: bool) -> Steps:
    """A full site build of ``content``, step by step, in a fresh process."""
    cache, output = work / "cache", work / "output"
    for leftover in (cache, output):
        shutil.rmtree(leftover, ignore_errors=True)
    settings = [f'CACHE_PATH="{cache}"', "WIRE_BUILD_JOBS=1"]
    if count_calls:
        settings.append("WIRE_COUNT_CALLS=true")
    command = [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-q"]
    command += ["-s", str(ROOT / "pelicanconf.py"), "--fatal", "errors", "-e", *settings]
    # A fixed hash seed: sets iterate in the same order, so counts repeat exactly.
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, env=env)
    report = json.loads((cache / "wire-timings.json").read_text("utf-8"))
    steps: Steps = report["calls" if count_calls else "seconds"]
    return steps


def measure_import(folder: Path, count: int, *, count_calls: bool) -> Steps:
    """Import a pile of web pages of ``count`` stories."""
    pile = folder / "pile"
    if not pile.exists():
        write_pile(pile, count)
    return import_step(pile, folder / "content", count_calls=count_calls)


def measure_build(folder: Path, count: int, *, count_calls: bool) -> Steps:
    """Build the site of an archive of ``count`` synthetic stories."""
    content = folder / "content"
    if not content.exists():
        write_content(content, count)
    return build_steps(content, folder, count_calls=count_calls)


STAGES = {"import": measure_import, "build": measure_build}


def measure_calls_side_by_side(folder: Path) -> tuple[Steps, Steps]:
    """Calls at ``SMALL`` and at ``LARGE``, each stage and size in a process of
    its own, all at once: counts do not depend on what else runs."""
    runs = {
        (stage, size): subprocess.Popen(
            [sys.executable, "-m", "benchmarks.growth", stage, str(size), str(folder / stage)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        for stage in STAGES
        for size in (SMALL, LARGE)
    }
    found: dict[int, Steps] = {SMALL: {}, LARGE: {}}
    for (stage, size), run in runs.items():
        out, err = run.communicate()
        if run.returncode != 0:
            raise RuntimeError(f"expected the {stage} of {size} stories to succeed, found: {err}")
        found[size].update(json.loads(out))
    return found[SMALL], found[LARGE]


def growth(small: Steps, large: Steps) -> dict[str, float]:
    """Each step's measure at ``LARGE`` over its measure at ``SMALL``."""
    return {step: large[step] / max(small.get(step, 0.0), 1e-9) for step in large}


def table() -> list[str]:
    """Both measures, one row per step."""
    with tempfile.TemporaryDirectory(prefix="wire-growth-") as work:
        folder = Path(work)
        seconds = [
            {
                **measure_import(folder / "import" / str(n), n, count_calls=False),
                **measure_build(folder / "build" / str(n), n, count_calls=False),
            }
            for n in (SMALL, LARGE)
        ]
        calls = measure_calls_side_by_side(folder)
    by_seconds, by_calls = growth(*seconds), growth(*calls)
    rows = [
        f"growth from {SMALL:,} to {LARGE:,} stories (linear 4.0, n log n {N_LOG_N:.1f},"
        " quadratic 16.0)",
        f"{'step':<16}{'s ' + str(SMALL):>10}{'s ' + str(LARGE):>10}{'x':>6}"
        f"{'calls ' + str(SMALL):>16}{'calls ' + str(LARGE):>16}{'x':>6}",
    ]
    for step in sorted(by_calls):
        rows.append(
            f"{step:<16}{seconds[0].get(step, 0):>10.2f}{seconds[1].get(step, 0):>10.2f}"
            f"{by_seconds.get(step, 0):>6.1f}{calls[0][step]:>16,.0f}{calls[1][step]:>16,.0f}"
            f"{by_calls[step]:>6.1f}"
        )
    return rows


def main() -> None:
    if sys.argv[1:2] and sys.argv[1] in STAGES:
        stage, count, folder = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
        print(json.dumps(STAGES[stage](folder / str(count), count, count_calls=True)))
    else:
        print("\n".join(table()))


if __name__ == "__main__":
    main()
