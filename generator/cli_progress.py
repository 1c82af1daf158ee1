"""A progress bar for long imports, shown only to a person at a terminal.

Promise: ``progress_bar`` yields a callback for ``run_import``; it draws a
bar on stderr once a run has many files and stderr is a terminal, and does
nothing otherwise (pipes, CI logs and ``--json`` output stay clean).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

SHOW_FROM = 200  # files: smaller piles finish before a bar helps


@contextmanager
def progress_bar() -> Iterator[Callable[[int, int], None]]:
    if not sys.stderr.isatty():
        yield lambda done, total: None
        return
    columns = (TextColumn("Importing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True, redirect_stdout=False) as bar:
        task = None

        def advance(done: int, total: int) -> None:
            nonlocal task
            if total < SHOW_FROM:
                return
            if task is None:
                task = bar.add_task("import", total=total)
            bar.update(task, completed=done)

        yield advance
