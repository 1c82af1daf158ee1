"""Site build, all stages: how long each step of a build took.

Promise: every step of the plugin is timed (wall seconds) by the plugin
itself, around the stage it calls (``Timings.step``); at the end of a build the
times are logged and written to ``wire-timings.json`` in Pelican's
``CACHE_PATH``, where ``make bench`` reads them. With ``WIRE_COUNT_CALLS``
set, each step's function calls in this process are counted too (see
``generator.call_count``): a measure of work that the growth test compares.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.call_count import CallCounter
from generator.storage import atomic_write

TIMINGS_FILE = "wire-timings.json"
logger = logging.getLogger(__name__)


class Timings:
    """The steps of one build: seconds, counts of what was done, calls made."""

    def __init__(self, count_calls: bool = False) -> None:
        self.seconds: dict[str, float] = {}
        self.counts: dict[str, int] = {}  # what the build did, beside how long it took
        self.calls: dict[str, int] = {}  # function calls each step made, when counted
        self._started: dict[str, tuple[float, int]] = {}
        self._counter = CallCounter() if count_calls else None
        if self._counter is not None:
            self._counter.start()

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        """Add the time the block takes to step ``name``."""
        since = self._now()
        try:
            yield
        finally:
            self._add(name, since)

    def start(self, name: str) -> None:
        self._started[name] = self._now()

    def stop(self, name: str) -> None:
        if name in self._started:
            self._add(name, self._started.pop(name))

    def add(self, name: str, seconds: float) -> None:
        """Time spent on ``name`` elsewhere (in another process)."""
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds

    def _now(self) -> tuple[float, int]:
        return time.perf_counter(), self._counter.calls() if self._counter is not None else 0

    def _add(self, name: str, since: tuple[float, int]) -> None:
        seconds, made = self._now()
        self.add(name, seconds - since[0])
        if self._counter is not None:
            self.calls[name] = self.calls.get(name, 0) + made - since[1]

    def finish(self, cache: Path) -> None:
        """Stop counting; log the steps and keep them for benchmarks."""
        if self._counter is not None:
            self._counter.stop()
            self._counter = None
        steps = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in self.seconds.items())
        logger.info("wire-archive build steps: %s", steps)
        report: dict[str, object] = {"seconds": self.seconds, "counts": self.counts}
        if self.calls:
            report["calls"] = self.calls
        atomic_write(cache / TIMINGS_FILE, json.dumps(report, indent=1, sort_keys=True) + "\n")
