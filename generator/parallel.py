"""Work on every core, for every stage: the one way wire-archive starts workers.

Promises:
- ``fork_map`` gives the same list as ``[function(item) for item in items]``
  and ``fork_stream`` the same results, in order, as they come; with
  ``shared``, the function is called as ``function(shared, item)``;
- work is spread over forked worker processes (one per core, or
  ``processes``) only when it pays: two or more workers, at least
  ``PARALLEL_FROM`` items (fewer finish sooner than workers start) and a
  platform that can fork; otherwise it runs here, in order;
- forked workers share the parent's memory (a parsed archive, compiled
  templates, ``shared``) instead of receiving copies: only items and results
  travel, pickled. The heap is frozen while they run, so a garbage collection
  in a worker does not copy the parent's memory into it;
- ``fork_process`` runs one function beside the caller (the search index
  beside the page rendering), with the same sharing; joining it gives the
  seconds it took, or ``ChildProcessError`` if it failed.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from multiprocessing.process import BaseProcess
from multiprocessing.sharedctypes import Synchronized
from typing import TypeVar, cast

Item = TypeVar("Item")
Result = TypeVar("Result")
PARALLEL_FROM = 200  # items (files, pages) for workers to pay off

# What the function of each map shares with its workers: set before they fork,
# so they inherit it instead of unpickling it; removed when the map ends. Keyed
# by map, so maps under way at once (a stream left open) each find their own.
_shared: dict[int, tuple[Callable[[object, object], object], object]] = {}
_map_keys = itertools.count()


def workers(wanted: int = 0) -> int:
    """The worker processes to use: ``wanted``, else one per core this process may use."""
    if wanted > 0:
        return wanted
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def worth_forking(items: int, processes: int = 0, minimum: int = PARALLEL_FROM) -> bool:
    """Whether ``items`` pieces of work are worth spreading over workers."""
    return items >= minimum and min(workers(processes), items) > 1 and can_fork()


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
    function: Callable[..., Result],
    items: Sequence[Item],
    *,
    shared: object = None,
    minimum: int = PARALLEL_FROM,
    chunksize: int = 1,
    processes: int = 0,
) -> list[Result]:
    """``[function(item) ...]`` (``function(shared, item)`` with ``shared``)."""
    return list(
        fork_stream(
            function,
            items,
            shared=shared,
            minimum=minimum,
            chunksize=chunksize,
            processes=processes,
        )
    )


def fork_stream(
    function: Callable[..., Result],
    items: Sequence[Item],
    *,
    shared: object = None,
    minimum: int = PARALLEL_FROM,
    chunksize: int = 1,
    processes: int = 0,
) -> Generator[Result]:
    """The results of ``fork_map`` one by one, in order, as workers finish them;
    closing the iterator early cancels what they have not begun."""
    if not worth_forking(len(items), processes, minimum):
        yield from map(function if shared is None else partial(function, shared), items)
        return
    key = next(_map_keys)
    _shared[key] = (function, shared)
    # ``_call`` calls function(shared, item) in the worker: it returns what function does.
    call = function if shared is None else cast("Callable[[Item], Result]", partial(_call, key))
    try:
        # An executor, not multiprocessing's Pool: a worker that dies (killed,
        # out of memory) is BrokenProcessPool here, where Pool waits for ever.
        count = min(workers(processes), len(items))
        executor = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"))
        try:
            with frozen_heap():  # the workers fork at the first submission, inside map
                results = executor.map(call, items, chunksize=chunksize)
            yield from results
        finally:
            executor.shutdown(wait=True, cancel_futures=True)
    finally:
        del _shared[key]


def _call(key: int, item: object) -> object:
    """In a worker: the function of map ``key`` with its shared state."""
    function, shared = _shared[key]
    return function(shared, item)


@dataclass
class Background:
    """A function running in a forked process (``fork_process``)."""

    process: BaseProcess
    seconds: Synchronized[float]  # what the function took, once it has ended

    def join(self) -> float:
        """Wait for the function; the seconds it took. ``ChildProcessError``
        if it did not end well (its error is printed by the process)."""
        self.process.join()
        if self.process.exitcode != 0:
            raise ChildProcessError(
                f"{self.process.name} ended with exit status {self.process.exitcode}"
            )
        return float(self.seconds.value)


def fork_process(function: Callable[..., None], *args: object, name: str) -> Background:
    """``function(*args)`` in a forked process, started now; the caller joins it."""
    context = multiprocessing.get_context("fork")
    seconds: Synchronized[float] = context.Value("d", 0.0)
    process = context.Process(target=_timed, args=(seconds, function, *args), name=name)
    with frozen_heap():  # the child shares the parent's objects instead of copying them
        process.start()
    return Background(process, seconds)


def _timed(seconds: Synchronized[float], function: Callable[..., None], *args: object) -> None:
    start = time.perf_counter()
    function(*args)
    seconds.value = time.perf_counter() - start
