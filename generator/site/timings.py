"""Site build, all stages: how long each step of the last build took.

Promise: every step of the plugin is timed (wall seconds); at the end of a
build the times are logged and written to ``wire-timings.json`` in Pelican's
``CACHE_PATH``, where ``make bench`` reads them. With ``WIRE_COUNT_CALLS``
set, each step's function calls in this process are counted too (see
``generator.call_count``): a measure of work that the growth test compares.
"""

from __future__ import annotations

import functools
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from generator.call_count import CallCounter
from generator.storage import atomic_write

TIMINGS_FILE = "wire-timings.json"
logger = logging.getLogger(__name__)
recorded: dict[str, float] = {}
counts: dict[str, int] = {}  # what the build did, beside how long it took
calls: dict[str, int] = {}  # function calls each step made, when counted
_started: dict[str, tuple[float, int]] = {}
_counter: CallCounter | None = None
Handler = TypeVar("Handler", bound=Callable[..., Any])


def timed(step: str) -> Callable[[Handler], Handler]:
    """Add the time a signal handler takes to ``step``."""

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        def run(*args: Any, **kwargs: Any) -> Any:
            since = _now()
            try:
                return handler(*args, **kwargs)
            finally:
                _add(step, since)

        return run  # type: ignore[return-value]

    return decorate


def start(step: str) -> None:
    _started[step] = _now()


def stop(step: str) -> None:
    if step in _started:
        _add(step, _started.pop(step))


def _now() -> tuple[float, int]:
    return time.perf_counter(), _counter.calls() if _counter is not None else 0


def _add(step: str, since: tuple[float, int]) -> None:
    seconds, made = _now()
    recorded[step] = recorded.get(step, 0.0) + seconds - since[0]
    if _counter is not None:
        calls[step] = calls.get(step, 0) + made - since[1]


def begin_build(pelican: Any) -> None:
    """Signal handler (initialized)."""
    global _counter
    for kept in (recorded, counts, calls, _started):
        kept.clear()
    _counter = CallCounter() if pelican.settings.get("WIRE_COUNT_CALLS") else None
    if _counter is not None:
        _counter.start()
    start("total")


def begin_reading(generator: Any) -> None:
    """Signal handler (article_generator_init)."""
    start("read")


def end_reading(generator: Any) -> None:
    """Signal handler (article_generator_finalized), before the structure step."""
    stop("read")


def end_build(pelican: Any) -> None:
    """Signal handler (finalized): log the steps and keep them for benchmarks."""
    global _counter
    stop("total")
    if _counter is not None:
        _counter.stop()
        _counter = None
    steps = ", ".join(f"{step} {seconds:.2f} s" for step, seconds in recorded.items())
    logger.info("wire-archive build steps: %s", steps)
    folder = Path(pelican.settings.get("CACHE_PATH", "cache"))
    report = {"seconds": recorded, "counts": counts, **({"calls": calls} if calls else {})}
    atomic_write(folder / TIMINGS_FILE, json.dumps(report, indent=1, sort_keys=True) + "\n")
