"""Site build, all stages: how long each step of the last build took.

Promise: every step of the plugin is timed (wall seconds); at the end of a
build the times are logged and written to ``wire-timings.json`` in Pelican's
``CACHE_PATH``, where ``make bench`` and the growth test read them.
"""

from __future__ import annotations

import functools
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from generator.content.store import atomic_write

TIMINGS_FILE = "wire-timings.json"
logger = logging.getLogger(__name__)
recorded: dict[str, float] = {}
counts: dict[str, int] = {}  # what the build did, beside how long it took
_started: dict[str, float] = {}
Handler = TypeVar("Handler", bound=Callable[..., Any])


def timed(step: str) -> Callable[[Handler], Handler]:
    """Add the time a signal handler takes to ``step``."""

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return handler(*args, **kwargs)
            finally:
                recorded[step] = recorded.get(step, 0.0) + time.perf_counter() - start

        return run  # type: ignore[return-value]

    return decorate


def start(step: str) -> None:
    _started[step] = time.perf_counter()


def stop(step: str) -> None:
    if step in _started:
        recorded[step] = recorded.get(step, 0.0) + time.perf_counter() - _started.pop(step)


def begin_build(pelican: Any) -> None:
    """Signal handler (initialized)."""
    recorded.clear()
    counts.clear()
    _started.clear()
    start("total")


def begin_reading(generator: Any) -> None:
    """Signal handler (article_generator_init)."""
    start("read")


def end_reading(generator: Any) -> None:
    """Signal handler (article_generator_finalized), before the structure step."""
    stop("read")


def end_build(pelican: Any) -> None:
    """Signal handler (finalized): log the steps and keep them for benchmarks."""
    stop("total")
    steps = ", ".join(f"{step} {seconds:.2f} s" for step, seconds in recorded.items())
    logger.info("wire-archive build steps: %s", steps)
    folder = Path(pelican.settings.get("CACHE_PATH", "cache"))
    report = {"seconds": recorded, "counts": counts}
    atomic_write(folder / TIMINGS_FILE, json.dumps(report, indent=1, sort_keys=True) + "\n")
