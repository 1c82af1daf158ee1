"""``make bench`` (search quality): ours beside Pagefind on the judged Dutch set.

The set (``tests/fixtures/search/``: composed Dutch stories and information
needs, each need tagged with the phenomena it tests) is built into one site;
both engines answer every need's query on it (``benchmarks.judged_engines``).
Printed, ours beside Pagefind: MRR@10, the needs with a relevant story in the
top 10, the queries with no result at all, and the same per phenomenon.

    python -m benchmarks.judged [--show-misses]

``--show-misses`` also lists, per engine, the needs it did not find in the top 10.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from benchmarks.judged_engines import build, ours, pagefind
from benchmarks.judged_metrics import Scores, found_in_top, score
from benchmarks.judged_set import Need, load_needs, load_stories

ENGINES = ("ours", "pagefind")
Rankings = Mapping[str, Sequence[str]]


def _cells(scores: Scores) -> str:
    return f"{scores.mrr:>7.3f}{f'{scores.found}/{scores.needs}':>8}{scores.zero:>6}"


def table(needs: list[Need], rankings: Mapping[str, Rankings]) -> list[str]:
    """The side-by-side rows: the whole set, then each phenomenon."""
    rows = [
        f"{'':<22}" + "".join(f"{engine:>21}   " for engine in ENGINES),
        f"{'needs (count)':<22}" + f"{'MRR@10':>7}{'top10':>8}{'zero':>6}   " * len(ENGINES),
    ]
    groups = [("all", needs)] + [
        (tag, [need for need in needs if tag in need.tags])
        for tag in sorted({tag for need in needs for tag in need.tags})
    ]
    for label, group in groups:
        relevant = {need.id: need.relevant for need in group}
        cells = "".join(f"{_cells(score(rankings[e], relevant))}   " for e in ENGINES)
        rows.append(f"{f'{label} ({len(group)})':<22}{cells}")
    return rows


def misses(needs: list[Need], ranking: Rankings) -> list[str]:
    return [
        f"  {need.id}: {need.query!r} -> {list(ranking[need.id][:3])}"
        for need in needs
        if not found_in_top(ranking[need.id], need.relevant)
    ]


def measure_judged(show_misses: bool = False) -> list[str]:
    stories, needs = load_stories(), load_needs()
    work = Path(tempfile.mkdtemp(prefix="wire-judged-"))
    try:
        output = build(work, stories)
        rankings = {"ours": ours(output, needs), "pagefind": pagefind(output, needs)}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rows = [f"judged set: {len(stories)} stories, {len(needs)} needs (top10: needs found)"]
    rows += table(needs, rankings)
    if show_misses:
        for engine in ENGINES:
            rows += [f"{engine}, not in the top 10:", *misses(needs, rankings[engine])]
    return rows


if __name__ == "__main__":
    print("\n".join(measure_judged(show_misses="--show-misses" in sys.argv[1:])))
