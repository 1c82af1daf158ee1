"""The gazetteer's cost: its size, and loading it in a fresh process beside the floor.

Ours: a new Python process imports ``generator.places.gazetteer`` and looks
one name up (which loads the whole extract). The floor: a new Python process
that only reads the same file's text and splits it into lines, what any
reader of the file pays. Each runs ``REPEATS`` times, alternating; each side
keeps its best time, and the start-up of a bare interpreter is taken off both.
"""

from __future__ import annotations

import subprocess
import sys
import time

from benchmarks.pile import ROOT

REPEATS = 5
EXTRACT = ROOT / "generator" / "places" / "gazetteer.tsv"
OURS = "from generator.places.gazetteer import find_place; find_place('Amsterdam')"
FLOOR = f"open({str(EXTRACT)!r}, encoding='utf-8').read().splitlines()"


def _seconds(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
    return time.perf_counter() - start


def measure_gazetteer() -> list[str]:
    """Rows for ``make bench``: size, places and names, load time against the floor."""
    best = {"ours": float("inf"), "floor": float("inf"), "python": float("inf")}
    for _ in range(REPEATS):
        for side, code in (("ours", OURS), ("floor", FLOOR), ("python", "pass")):
            best[side] = min(best[side], _seconds(code))
    lines = [line for line in EXTRACT.read_text("utf-8").splitlines() if not line.startswith("#")]
    keys = sum(len(line.rsplit("\t", 1)[1].split("|")) for line in lines)
    ours, floor = best["ours"] - best["python"], best["floor"] - best["python"]
    return [
        f"gazetteer: {EXTRACT.stat().st_size / 1e6:.1f} MB, {len(lines):,} places, "
        f"{keys:,} names (lookup keys)",
        f"{'  load in a fresh process (s)':<40}{ours:>10.2f}{floor:>10.2f}{ours / floor:>8.1f}",
    ]


if __name__ == "__main__":
    print("\n".join(measure_gazetteer()))
