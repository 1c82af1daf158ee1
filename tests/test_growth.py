"""No step of an import or a site build grows faster than n log n.

Two synthetic archives, 2,000 and 8,000 stories, go through the converter and
a full site build on one core; each step's work at 8,000 is compared with its
work at 2,000. Work is counted in function calls (``generator.call_count``),
not seconds: the count is the same on a busy machine, so the limit can be
tight. Linear steps make about 4 times the calls, n log n steps about 4.7
times, quadratic ones 16 times. The seconds are in ``make bench``
(``python -m benchmarks.growth``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.growth import LARGE, N_LOG_N, growth, measure_calls_side_by_side
from generator.call_count import CallCounter

pytestmark = [pytest.mark.site, pytest.mark.long]
LIMIT = 1.2 * N_LOG_N  # 5.7: room for a sort's extra comparisons, far short of 16
STEPS = {"import", "read", "structure", "pages: queue", "listings", "feeds", "render", "search"}


def test_no_step_grows_faster_than_n_log_n(tmp_path: Path) -> None:
    small, large = measure_calls_side_by_side(tmp_path)
    assert set(large) >= STEPS, "every step was counted"
    # A step that makes fewer calls than there are stories does no work per
    # story: its count is start-up, and its ratio says nothing of growth.
    per_story = {step: ratio for step, ratio in growth(small, large).items() if large[step] > LARGE}
    assert set(per_story) >= STEPS
    grown = {step: round(ratio, 2) for step, ratio in per_story.items() if ratio > LIMIT}
    assert grown == {}, f"steps growing faster than n log n (calls 8k/2k, limit {LIMIT:.1f})"


def test_the_counts_see_a_quadratic_step() -> None:
    """The measure can fail: work that grows with n² shows as 16 times the calls."""

    def pairs(n: int) -> int:
        return sum(1 for a in range(n) for b in range(n) if abs(a - b) == 1)

    with CallCounter() as counter:
        pairs(200)
        small = counter.calls()
        pairs(800)
        large = counter.calls() - small
    assert growth({"pairs": small}, {"pairs": large})["pairs"] > LIMIT
