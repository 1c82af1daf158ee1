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
  beside the page rendering), with the same sharing.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.pool import Pool
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
PARALLEL_FROM = 200  # items (files, pages, shards' stories) for workers to pay off

# What the function of a map shares with its workers: set before they fork,
# so they inherit it instead of unpickling it; cleared when the map ends.
_shared: list[Any] = []


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
    shared: Any = None,
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
    shared: Any = None,
    minimum: int = PARALLEL_FROM,
    chunksize: int = 1,
    processes: int = 0,
) -> Generator[Result]:
    """The results of ``fork_map`` one by one, in order, as workers finish them;
    closing the iterator early stops the workers."""
    call = _call if shared is not None else function
    if not worth_forking(len(items), processes, minimum):
        if shared is not None:
            _shared.append((function, shared))
        try:
            yield from map(call, items)
        finally:
            if shared is not None:
                _shared.pop()
        return
    _shared.append((function, shared))
    try:
        with frozen_heap():
            pool = _pool(min(workers(processes), len(items)))
        try:
            yield from pool.imap(call, items, chunksize=chunksize)
        finally:
            pool.terminate()
            pool.join()
    finally:
        _shared.pop()


def _pool(count: int) -> Pool:
    return multiprocessing.get_context("fork").Pool(count)


def _call(item: Any) -> Any:
    """In a worker (or here): the shared function with its shared state."""
    function, shared = _shared[-1]
    return function(shared, item)


def fork_process(function: Callable[..., None], *args: Any, name: str) -> BaseProcess:
    """``function(*args)`` in a forked process, started now; the caller joins it."""
    process = multiprocessing.get_context("fork").Process(target=function, args=args, name=name)
    with frozen_heap():  # the child shares the parent's objects instead of copying them
        process.start()
    return process
