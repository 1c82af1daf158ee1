"""``make bench``: import throughput and site build time, each beside a baseline.

- import: ``wire-archive import`` of a fresh pile on one core (parse, merge,
  render, write atomically), against the floor of writing the same files'
  bytes with a plain ``write_text``: on the working disk, and on a RAM disk
  where there is one (this machine's disk is noisy);
- re-import: the same pile again with the cache, against a fresh import;
- build: ``pelican`` with our plugin over the imported pile, against rendering
  one bare Jinja2 template per story and writing it (the floor any generator
  pays);
- search: ours beside Pagefind (``benchmarks.search``);
- search quality: ours beside Pagefind on the judged Dutch set, MRR@10,
  needs found in the top 10, zero-result queries (``benchmarks.judged``);
- site builds on synthetic piles of web pages: ours (full and after one more
  day), stock Pelican, Hugo and the bare floor (``benchmarks.site_build``);
- the gazetteer: its size, and loading it in a fresh process against reading
  its lines (``benchmarks.gazetteer``);
- growth: each import and build step at 8,000 stories against 2,000, in
  seconds and in function calls (``benchmarks.growth``).

Each pair runs three times, alternating, and each side keeps its best time.
Two piles: one numbered copy of the sample (62 items) and BENCH_COPIES copies
(default 40: 2,480 items).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from jinja2 import Template

from benchmarks.formats import measure_formats
from benchmarks.gazetteer import measure_gazetteer
from benchmarks.growth import table as growth_table
from benchmarks.judged import measure_judged
from benchmarks.pile import ROOT, make_pile
from benchmarks.search import measure_search
from benchmarks.site_build import measure_site_builds
from generator.content.frontmatter import split
from generator.content.markdown import markdown_to_html
from generator.importer import run_import

REPEATS = 3
RAM_DISK = Path("/dev/shm")  # where present: file writes without the disk's noise
STORY = Template(
    "<!doctype html><html lang=nl><title>{{ title }}</title><h1>{{ title }}</h1>{{ body }}"
)


def best_of(
    ours: Callable[[int], object], baseline: Callable[[int], object]
) -> tuple[float, float]:
    """Alternate the two, ``REPEATS`` times; the best time of each."""
    times: tuple[list[float], list[float]] = ([], [])
    for attempt in range(REPEATS):
        for action, record in ((ours, times[0]), (baseline, times[1])):
            start = time.perf_counter()
            action(attempt)
            record.append(time.perf_counter() - start)
    return min(times[0]), min(times[1])


def import_pile(wire: Path, work: Path, attempt: int) -> None:
    run_import([wire], work / f"content-{attempt}", jobs=1)  # one core: the target's terms


def reimport_cached(wire: Path, work: Path, attempt: int) -> None:
    run_import([wire], work / "content-0", cache_path=work / "cache.json", jobs=1)


def write_same_files(work: Path, attempt: int) -> None:
    content = work / f"content-{attempt}"
    for path in content.rglob("*.md"):
        target = work / f"floor-{attempt}" / path.relative_to(content)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text("utf-8"), "utf-8")


def build_site(work: Path, attempt: int) -> None:
    command = [sys.executable, "-m", "pelican", str(work / "content-0"), "-q"]
    command += ["-s", str(ROOT / "pelicanconf.py"), "-o", str(work / f"output-{attempt}")]
    subprocess.run(command, check=True, cwd=ROOT)


def render_bare_pages(work: Path, attempt: int) -> None:
    content = work / "content-0"
    for path in content.rglob("*.md"):
        metadata, body = split(path.read_text("utf-8"))
        html = STORY.render(title=metadata["title"], body=markdown_to_html(body))
        target = work / f"floor-site-{attempt}" / path.relative_to(content).with_suffix(".html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, "utf-8")


def row(label: str, ours: float, baseline: float, unit: str = "s") -> str:
    ratio = f"{ours / baseline:>8.1f}" if unit in ("s", "µs") else ""
    return f"{label + f' ({unit})':<40}{ours:>10.2f}{baseline:>10.2f}{ratio}"


def measure(work: Path, copies: int, *, ram: Path | None) -> list[str]:
    wire = work / "wire"
    wire.mkdir(parents=True)
    make_pile(wire, copies)
    imported, floor = best_of(partial(import_pile, wire, work), partial(write_same_files, work))
    items = sum(1 for _ in (work / "content-0").rglob("*.md"))
    rows = [
        row(f"import, {items} items", imported, floor),
        row("  throughput", items / imported, items / floor, unit="items/s"),
    ]
    if ram is not None:
        ram_wire = ram / "wire"
        shutil.copytree(wire, ram_wire)
        on_ram, ram_floor = best_of(
            partial(import_pile, ram_wire, ram), partial(write_same_files, ram)
        )
        rows.append(row(f"import on a RAM disk, {items} items", on_ram, ram_floor))
        rows.append(row("  throughput", items / on_ram, items / ram_floor, unit="items/s"))
    run_import([wire], work / "content-0", cache_path=work / "cache.json")  # fill the cache
    again, fresh = best_of(partial(reimport_cached, wire, work), partial(import_pile, wire, work))
    rows.append(row("re-import, nothing changed (cached)", again, fresh))
    build, bare = best_of(partial(build_site, work), partial(render_bare_pages, work))
    rows.append(row(f"site build, {items} items", build, bare))
    return rows


def main() -> None:
    sizes = [1, int(os.environ.get("BENCH_COPIES", "40"))]
    rows = [f"{'measure':<40}{'ours':>10}{'baseline':>10}{'ratio':>8}"]
    for copies in sizes:
        work = Path(tempfile.mkdtemp(prefix="wire-bench-"))
        ram = (
            Path(tempfile.mkdtemp(prefix="wire-bench-", dir=RAM_DISK))
            if RAM_DISK.is_dir()
            else None
        )
        try:
            rows += measure(work, copies, ram=ram)
        finally:
            shutil.rmtree(work, ignore_errors=True)
            if ram is not None:
                shutil.rmtree(ram, ignore_errors=True)
    rows.append("reading one item (microseconds; baseline: the bare JSON/XML/text parse)")
    rows += [row(f"  {name}", ours, bare, unit="µs") for name, ours, bare in measure_formats()]
    rows += measure_gazetteer()
    print("\n".join(rows))
    print("\nsearch, ours beside Pagefind (pf) on the same synthetic sites:")
    print("\n".join(measure_search()))
    print("\nsearch quality, ours beside Pagefind on the judged Dutch set:")
    print("\n".join(measure_judged()))
    print(
        "baselines: import = writing the same files (same disk); re-import = a fresh import;"
        " build = one bare Jinja2 page per story"
    )
    print("\nsite builds: ours, stock Pelican, Hugo and the floor on synthetic piles of web pages:")
    print("\n".join(measure_site_builds()))
    print()
    print("\n".join(growth_table()))


if __name__ == "__main__":
    main()
