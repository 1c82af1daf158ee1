"""Diagnostics, every stage: how much work a step does, counted in calls.

Promise: a ``CallCounter`` counts every function call (Python and built-in)
that this process makes while it is on, through the interpreter's profiling
hook (cProfile, in C). The same work gives the same count on a quiet machine
and on a busy one, where seconds would measure the machine as much as the
work; so tests compare counts to see how a step grows with the archive, and
leave seconds to ``make bench``. Counting slows a run about 2.5 times: it is
off unless asked for, and only this process is counted (not its workers).
"""

from __future__ import annotations

import cProfile
from types import TracebackType


class CallCounter:
    """Counts calls from ``start()`` on; ``calls()`` reads the count so far."""

    def __init__(self) -> None:
        self._profile = cProfile.Profile()

    def start(self) -> None:
        self._profile.enable()

    def stop(self) -> None:
        self._profile.disable()

    def calls(self) -> int:
        """Calls that have returned since ``start()`` (a call still running
        counts once it returns)."""
        return sum(entry.callcount for entry in self._profile.getstats())

    def __enter__(self) -> CallCounter:
        self.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()
