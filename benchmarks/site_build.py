"""Site builds side by side: ours, stock Pelican, Hugo and the bare floor (issue 7).

    python -m benchmarks.site_build

For 1,000, 10,000, 20,000 and 50,000 stories (and 100,000 with BENCH_FULL=1;
BENCH_SIZES=1000,2000 replaces the list; BENCH_TOOLS=stock,hugo,floor limits the
competitors; BENCH_BUILD_JOBS=1 builds ours in one process), each in a fresh
temporary folder:

1. a synthetic pile of copied web pages (``benchmarks.webpages``), imported
   with ``wire-archive import PILE --content CONTENT --cache CACHE``;
2. ours: ``python -m pelican`` with ``pelicanconf.py`` (cwd the repository),
   into a fresh output folder, with ``CACHE_PATH`` in a fresh folder;
3. stock Pelican, Hugo and the floor on the same stories
   (``benchmarks.competitors``, ``benchmarks.floor``);
4. one more day (150 stories) added to the pile, imported and built again into
   the same output and cache folders: what ``make html`` does after a day's wire.

Every run is a child process measured the same way (``benchmarks.measure``):
wall time, CPU time of the process tree, peak summed RSS of the tree (an upper
bound: forked workers share pages with their parent), files and bytes written.
Hugo uses every core, as it does by default. A failed run is reported with the
end of its log and the rest goes on. BENCH_KEEP=1 keeps the folders.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchmarks.competitors import hugo_binary, hugo_site, stock_pelican_site
from benchmarks.measure import Measurement, log_tail, run_measured, tree_size
from benchmarks.pile import ROOT
from benchmarks.synthetic import PER_DAY
from benchmarks.webpages import days_for, write_pile

OURS, STOCK, HUGO, FLOOR = "ours", "stock Pelican", "Hugo", "floor"
IMPORT, IMPORT_DAY, OURS_DAY = "import", "import +1 day", "ours +1 day"
HEADER = (
    f"{'size':>8}  {'tool':<15}{'wall s':>9}{'CPU s':>9}{'peak MB':>9}{'files':>9}{'MB':>9}"
    f"{'MB/1k':>8}"
)
SITE_URL = "https://user.github.io/archief"  # ours is built as published, under a sub-path
PYTHON = sys.executable  # the venv's, as `make bench` runs it


@dataclass(frozen=True)
class Row:
    size: int
    tool: str
    run: Measurement
    files: int
    bytes: int


@dataclass
class Work:
    """One size's folders, and what went wrong there."""

    root: Path
    size: int
    problems: list[str]

    def __post_init__(self) -> None:
        for name in ("pile", "logs", "pelican-cache", "hugo-cache"):
            (self.root / name).mkdir(parents=True, exist_ok=True)

    def path(self, name: str) -> Path:
        return self.root / name


def sizes() -> list[int]:
    chosen = os.environ.get("BENCH_SIZES")
    if chosen:
        return [int(size.replace("_", "")) for size in chosen.split(",") if size.strip()]
    full = [100_000] if os.environ.get("BENCH_FULL") == "1" else []
    return [1_000, 10_000, 20_000, 50_000, *full]  # 20,000: the size the targets name


def measured(
    work: Work,
    tool: str,
    command: list[str],
    cwd: Path,
    out: Path,
    env: dict[str, str] | None = None,
) -> Row:
    """Run one command, note a failure, count what it wrote under ``out``."""
    print(f"site build, {work.size:,}: {tool}", file=sys.stderr, flush=True)
    log = work.path("logs") / tool.replace(" ", "-").replace("+", "plus")
    run = run_measured(command, cwd=cwd, log=log, env=env)
    if not run.ok:
        work.problems.append(f"{work.size:,} {tool}: exit {run.status}\n{log_tail(run)}")
    files, size = tree_size(out) if out.exists() else (0, 0)
    return Row(work.size, tool, run, files, size)


def import_pile(work: Work, tool: str, expected: int) -> Row:
    """``wire-archive import``; check its status, its JSON summary and the story count."""
    wire_archive = str(Path(PYTHON).parent / "wire-archive")
    command = [wire_archive, "import", "pile", "--content", "content", "--cache", "import-cache"]
    row = measured(work, tool, [*command, "--json"], work.root, work.path("content"))
    _check_summary(work, tool, row.run)
    stories = sum(1 for _ in work.path("content").rglob("*.md"))
    if stories != expected:
        work.problems.append(f"{work.size:,} {tool}: {stories} stories, expected {expected}")
    return row


def _check_summary(work: Work, tool: str, run: Measurement) -> None:
    try:
        summary = json.loads(run.log.with_suffix(".out").read_text("utf-8"))
    except (OSError, ValueError) as error:
        work.problems.append(f"{work.size:,} {tool}: no JSON summary ({error})")
        return
    if summary.get("failed") or summary.get("errors") or summary.get("skipped_not_stories"):
        shown = json.dumps({key: summary.get(key) for key in ("failed", "errors")})[:2000]
        work.problems.append(f"{work.size:,} {tool}: {shown}")


STEPS: list[str] = []  # our build's own step timings, printed under the table


def build_ours(work: Work, tool: str, out: Path) -> Row:
    cache = json.dumps(str(work.path("pelican-cache")))
    command = [PYTHON, "-m", "pelican", str(work.path("content")), "-o", str(out)]
    command += ["-s", str(ROOT / "publishconf.py"), "-q", "-e", f"CACHE_PATH={cache}"]
    jobs = os.environ.get("BENCH_BUILD_JOBS")  # WIRE_BUILD_JOBS for our build
    command += [f"WIRE_BUILD_JOBS={int(jobs)}"] if jobs else []
    row = measured(work, tool, command, ROOT, out, env={**os.environ, "SITEURL": SITE_URL})
    timings = work.path("pelican-cache") / "wire-timings.json"
    if row.run.ok and timings.is_file():
        report = json.loads(timings.read_text("utf-8"))
        shown = ", ".join(
            f"{step} {seconds:.2f}" for step, seconds in sorted(report["seconds"].items())
        )
        shown += "; " + ", ".join(f"{name} {count:,}" for name, count in report["counts"].items())
        STEPS.append(f"{work.size:>8,}  {tool}: {shown}")
    return row


def build_stock(work: Work) -> Row:
    site, out = work.path("stock"), work.path("out-stock")
    settings = stock_pelican_site(work.path("content"), site)
    command = [PYTHON, "-m", "pelican", str(site / "content"), "-o", str(out)]
    return measured(work, STOCK, [*command, "-s", str(settings), "-q"], site, out)


def build_hugo(work: Work) -> Row:
    site, out = work.path("hugo"), work.path("out-hugo")
    hugo_site(work.path("content"), site)
    command = [str(hugo_binary()), "--source", str(site), "--destination", str(out), "--quiet"]
    command += ["--cacheDir", str(work.path("hugo-cache"))]
    return measured(work, HUGO, command, site, out)


def build_floor(work: Work) -> Row:
    out = work.path("out-floor")
    command = [PYTHON, "-m", "benchmarks.floor", str(work.path("content")), str(out)]
    return measured(work, FLOOR, command, ROOT, out)


COMPETITORS = (
    (build_stock, ("stock", "out-stock")),
    (build_hugo, ("hugo", "out-hugo")),
    (build_floor, ("out-floor",)),
)


def measure_size(work: Work) -> list[Row]:
    """Every run for one size, in the order of the module's promise."""
    expected = write_pile(work.path("pile"), work.size)
    rows = [import_pile(work, IMPORT, expected)]
    rows.append(build_ours(work, OURS, work.path("out-ours")))
    for build, folders in COMPETITORS:
        if _chosen(build.__name__):
            rows.append(build(work))
        if os.environ.get("BENCH_KEEP") != "1":  # disk space: the large sizes write gigabytes
            for folder in folders:
                shutil.rmtree(work.path(folder), ignore_errors=True)
    expected += write_pile(work.path("pile"), PER_DAY, start_day=days_for(work.size))
    rows.append(import_pile(work, IMPORT_DAY, expected))
    rows.append(build_ours(work, OURS_DAY, work.path("out-ours")))
    return rows


def _chosen(name: str) -> bool:
    """BENCH_TOOLS=stock,hugo,floor (any of them) limits the competitors run."""
    tools = os.environ.get("BENCH_TOOLS")
    return tools is None or name.removeprefix("build_") in tools.split(",")


def table(rows: list[Row]) -> list[str]:
    lines = [HEADER]
    for row in rows:
        run = row.run
        cells = f"{row.size:>8,}  {row.tool:<15}{run.wall:>9.2f}{run.cpu:>9.2f}{run.peak_mb:>9.0f}"
        per_thousand = row.bytes / 1e6 / row.size * 1000
        cells += f"{row.files:>9,}{row.bytes / 1e6:>9.1f}{per_thousand:>8.2f}"
        lines.append(cells + ("" if run.ok else f"  FAILED (exit {run.status})"))
    return lines


def _wall(rows: list[Row], size: int, tool: str) -> float | None:
    found = [row.run for row in rows if row.size == size and row.tool == tool and row.run.ok]
    return found[0].wall if found else None


def _ratio(top: float | None, bottom: float | None) -> str:
    return f"{top / bottom:.2f}" if top is not None and bottom else "n/a"


def ratios(rows: list[Row]) -> list[str]:
    """Wall-time ratios per size, and growth from 10,000 to 100,000 stories."""
    lines = ["ratios of wall time:"]
    for size in sorted({row.size for row in rows}):
        ours = _wall(rows, size, OURS)
        full = (ours or 0) + (_wall(rows, size, IMPORT) or 0)
        day = (_wall(rows, size, OURS_DAY) or 0) + (_wall(rows, size, IMPORT_DAY) or 0)
        parts = [f"ours/{tool} {_ratio(ours, _wall(rows, size, tool))}" for tool in (HUGO, STOCK)]
        parts.append(f"ours/floor {_ratio(ours, _wall(rows, size, FLOOR))}")
        parts.append(f"incremental/full build {_ratio(_wall(rows, size, OURS_DAY), ours)}")
        parts.append(f"(with import {_ratio(day or None, full or None)})")
        lines.append(f"{size:>8,}  " + ", ".join(parts[:3]) + ",")
        lines.append(f"{'':>10}" + " ".join(parts[3:]))
    if {10_000, 100_000} <= {row.size for row in rows}:
        growth = [
            f"{tool} {_ratio(_wall(rows, 100_000, tool), _wall(rows, 10_000, tool))}"
            for tool in (OURS, STOCK, HUGO, FLOOR)
        ]
        lines.append("100k/10k build time: " + ", ".join(growth))
    return lines


def measure_site_builds() -> list[str]:
    """The table, the ratios, the notes and any problems, as lines to print."""
    rows: list[Row] = []
    problems: list[str] = []
    for size in sizes():
        work = Work(Path(tempfile.mkdtemp(prefix=f"wire-site-bench-{size}-")), size, problems)
        try:
            rows += measure_size(work)
        finally:
            if os.environ.get("BENCH_KEEP") == "1":
                print(f"kept {work.root}", file=sys.stderr)
            else:
                shutil.rmtree(work.root, ignore_errors=True)
    lines = [*table(rows), "", *ratios(rows), "", "our build's steps (s):", *STEPS, "", *NOTES]
    if problems:
        lines += ["", "PROBLEMS:", *problems]
    return lines


NOTES = [
    "ours also writes what the others lack: a full-text search index, sitemaps, calendar, year and",
    "month pages, SVG maps and charts; stock Pelican also its archives and author pages.",
    "wall and CPU: each tool as a command (Python start-up included for ours, stock Pelican",
    "and the floor); CPU is user + system of the process and its reaped children.",
    "peak MB: the largest summed proportional set size (PSS) of the process tree, sampled",
    "every 50 ms: a page that forked workers share with their parent counts once in all.",
    "import: the pile into Markdown; +1 day: 150 more stories imported and built into the same",
    "output and caches; files/MB: what the run's output folder holds (for imports: content/),",
    "in MB of 1,000,000 bytes of its files; MB/1k: that per 1,000 stories. Ours is built with",
    f"publishconf.py as published under a sub-path ({SITE_URL}), search index included.",
    f"Hugo: its own binary, all cores ({os.cpu_count()} here); floor: bare Jinja2, one process.",
]


def main() -> None:
    print("\n".join(measure_site_builds()))


if __name__ == "__main__":
    main()
