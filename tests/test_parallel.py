"""The one worker helper (generator.parallel): forked workers give what a plain
map gives, in order; ``shared`` reaches them by fork; a stream closed early
cancels what workers have not begun; a worker that dies is an error, never a hang;
small work never forks."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from generator import parallel
from generator.parallel import PARALLEL_FROM, fork_map, fork_process, fork_stream, worth_forking
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="needs fork")
MANY = PARALLEL_FROM * 2


def square(number: int) -> int:
    return number * number


def scaled(factor: dict[str, int], number: int) -> int:
    return number * factor["by"]


def pid_of(_: int) -> int:
    return os.getpid()


def shared_identity(shared: dict[str, int], _: int) -> int:
    return shared["id"]


def test_fork_map_gives_a_plain_maps_list_in_order() -> None:
    numbers = list(range(MANY))
    assert fork_map(square, numbers, processes=2) == [square(n) for n in numbers]


def test_fork_map_runs_in_other_processes_when_there_is_enough_work() -> None:
    pids = set(fork_map(pid_of, range(MANY), processes=2, chunksize=10))
    assert os.getpid() not in pids
    assert len(pids) >= 1


def test_below_the_threshold_nothing_forks() -> None:
    few = range(PARALLEL_FROM - 1)
    assert not worth_forking(len(few), processes=4)
    assert set(fork_map(pid_of, few, processes=4)) == {os.getpid()}
    assert set(fork_stream(pid_of, few, processes=4)) == {os.getpid()}


def test_one_process_never_forks() -> None:
    assert set(fork_map(pid_of, range(MANY), processes=1)) == {os.getpid()}


def test_a_lower_minimum_forks_small_work() -> None:
    pids = set(fork_map(pid_of, range(4), processes=2, minimum=2))
    assert os.getpid() not in pids


def test_shared_is_passed_first_here_and_in_workers() -> None:
    factor = {"by": 3}
    expected = [n * 3 for n in range(MANY)]
    assert fork_map(scaled, range(MANY), shared=factor, processes=2) == expected
    assert fork_map(scaled, range(5), shared=factor, processes=2) == expected[:5]  # here
    assert list(fork_stream(scaled, range(MANY), shared=factor, processes=2)) == expected


def test_shared_reaches_workers_by_fork_not_by_pickle() -> None:
    class Unpicklable(dict[str, int]):
        def __reduce__(self) -> str | tuple[object, ...]:
            raise AssertionError("shared state was pickled")

    shared = Unpicklable(id=12345)
    assert set(fork_map(shared_identity, range(MANY), shared=shared, processes=2)) == {12345}


@pytest.mark.parametrize("count", [5, MANY])  # run here, and in workers
def test_streams_open_at_once_each_keep_their_shared_state(count: int) -> None:
    first = fork_stream(scaled, range(count), shared={"by": 2}, processes=2)
    second = fork_stream(scaled, range(count), shared={"by": 5}, processes=2)
    pairs = list(zip(first, second, strict=True))
    assert pairs == [(n * 2, n * 5) for n in range(count)]
    assert not parallel._shared  # both maps cleaned up after themselves


def test_a_stream_gives_results_in_order_as_they_come() -> None:
    stream = fork_stream(square, range(MANY), processes=2, chunksize=5)
    assert next(stream) == 0
    assert next(stream) == 1
    assert list(stream) == [n * n for n in range(2, MANY)]


def test_closing_a_stream_early_stops_its_workers() -> None:
    before = set(multiprocessing.active_children())
    stream = fork_stream(square, range(MANY * 10), processes=2, chunksize=5)
    assert next(stream) == 0
    workers = set(multiprocessing.active_children()) - before
    assert workers, "expected the stream to have started workers"
    stream.close()
    assert not any(worker.is_alive() for worker in workers)
    assert not parallel._shared


def test_an_error_in_a_worker_reaches_the_caller_and_stops_the_rest() -> None:
    before = set(multiprocessing.active_children())
    with pytest.raises(ZeroDivisionError):
        fork_map(reciprocal, [1] * MANY + [0], processes=2)
    assert set(multiprocessing.active_children()) <= before


def reciprocal(number: int) -> float:
    return 1 / number


def dies_at_five(number: int) -> int:
    if number == 5:
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's OOM killer would
    return number


def test_a_worker_that_dies_is_an_error_not_a_hang() -> None:
    # In a process of its own, so that a regression (a pool that waits for
    # ever) fails on the timeout instead of hanging the suite.
    script = (
        "from concurrent.futures.process import BrokenProcessPool\n"
        "from generator.parallel import fork_map\n"
        "from tests.test_parallel import dies_at_five\n"
        "try:\n"
        "    fork_map(dies_at_five, range(400), processes=2, chunksize=5)\n"
        "except BrokenProcessPool:\n"
        "    print('broken')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.stdout.strip() == "broken", done.stderr


def write_number(path: str, number: int) -> None:
    Path(path).write_text(str(number), "utf-8")


def fail_in_child() -> None:
    raise SystemExit(3)


def test_a_background_process_shares_by_fork_and_reports_its_time(tmp_path: Path) -> None:
    target = tmp_path / "done.txt"
    running = fork_process(write_number, str(target), 42, name="wire-test")
    # The seconds start at 0.0 and only the child, once done, sets them.
    assert running.join() > 0.0
    assert target.read_text("utf-8") == "42"


def test_a_background_process_that_fails_is_an_error_on_join() -> None:
    running = fork_process(fail_in_child, name="wire-test")
    with pytest.raises(ChildProcessError, match="wire-test ended with exit status 3"):
        running.join()
