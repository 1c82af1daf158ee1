"""Measuring one command as a process tree: wall time, CPU time, peak memory, output size.

Promises: ``run_measured`` starts a command, waits for it with ``os.wait4`` and
returns its wall time, its CPU time (user + system of the process and of every
descendant it reaped, which is what ``wait4`` reports), its exit status, and
the peak of the summed resident memory of the whole process tree, sampled
every 50 ms with psutil. That sum is conservative: forked workers share pages
with their parent, and each is counted in full; a tree that lives less than
one interval may show no memory at all. The command's output goes to log
files, never to a pipe, so a long output cannot stall it. ``tree_size``
counts the files and bytes under a folder.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import psutil

INTERVAL = 0.05  # seconds between memory samples


@dataclass(frozen=True)
class Measurement:
    wall: float  # seconds
    cpu: float  # seconds, user + system, the process and its reaped descendants
    peak_mb: float  # the largest summed RSS of the tree seen in a sample
    status: int  # exit status (negative: killed by that signal)
    log: Path  # stdout goes to log.with_suffix(".out"), stderr to .err

    @property
    def ok(self) -> bool:
        return self.status == 0


def tree_rss(root: psutil.Process) -> int:
    """Bytes resident in ``root`` and all its descendants, as far as they still run:
    their proportional set size (a page shared by forked processes counts once in
    all), or, where the system cannot tell, their resident set size."""
    total = 0
    try:
        members = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    for member in members:
        try:
            total += _pss(member)
        except psutil.Error:
            continue  # it ended between listing and reading
    return total


def _pss(process: psutil.Process) -> int:
    try:
        pss: int = process.memory_full_info().pss
        return pss
    except (AttributeError, psutil.AccessDenied):
        return int(process.memory_info().rss)


def _sample_peak(pid: int, done: threading.Event, peak: list[int]) -> None:
    try:
        root = psutil.Process(pid)
    except psutil.Error:
        return
    while not done.is_set():
        peak[0] = max(peak[0], tree_rss(root))
        done.wait(INTERVAL)


def run_measured(
    command: list[str], *, cwd: Path, log: Path, env: Mapping[str, str] | None = None
) -> Measurement:
    """Run ``command`` to its end and measure it (see the module's promise)."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.with_suffix(".out").open("wb") as out, log.with_suffix(".err").open("wb") as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env
        )
        done, peak = threading.Event(), [0]
        sampler = threading.Thread(target=_sample_peak, args=(process.pid, done, peak))
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    return Measurement(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        peak_mb=peak[0] / 2**20,
        status=process.returncode,
        log=log,
    )


def tree_size(folder: Path) -> tuple[int, int]:
    """(files, bytes) under ``folder``."""
    files = size = 0
    for directory, _, names in os.walk(folder):
        for name in names:
            files += 1
            size += Path(directory, name).stat().st_size
    return files, size


def log_tail(measurement: Measurement, lines: int = 15) -> str:
    """The last lines of the command's stderr (and stdout), to show why it failed."""
    parts = []
    for suffix in (".err", ".out"):
        path = measurement.log.with_suffix(suffix)
        text = path.read_text("utf-8", errors="replace").splitlines() if path.exists() else []
        parts += text[-lines:]
    return "\n".join(parts)


def sent_size(data: bytes) -> int:
    """The bytes a web server sends for a file: gzipped at level 6, as servers
    compress text, unless the site stores it gzipped already (``storage.gzipped``)."""
    return len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 6))
