"""Work on every core: a map over forked worker processes, where it pays.

Promise: ``fork_map`` gives the same list as ``[function(item) for item in
items]``. With two or more cores, enough items and a platform that can fork,
the items are spread over one worker process per core; forked workers share
the parent's memory (the parsed archive, compiled templates) instead of
receiving copies, so only the items and the results are pickled.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Leave the objects that exist now out of garbage collection while forked
    workers run: a collection in a worker writes to the header of every object
    it scans, which would copy the parent's whole memory into each worker."""
    frozen_before = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not frozen_before:  # a heap frozen for good (see keep_out_of_gc) stays so
            gc.unfreeze()


def keep_out_of_gc() -> None:
    """Leave every object that exists now out of garbage collection for good:
    for data that lives until the process ends (a build's parsed archive), which
    each full collection would otherwise scan again, millions of objects each time."""
    gc.freeze()


def fork_map(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    *,
    min_items: int = 2,
    chunksize: int = 1,
    processes: int = 0,
) -> list[Result]:
    count = min(processes or workers(), len(items))
    if len(items) < min_items or count < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(item) for item in items]
    with frozen_heap(), multiprocessing.get_context("fork").Pool(count) as pool:
        return pool.map(function, items, chunksize=chunksize)
