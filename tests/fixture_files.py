"""Fixture files in markdown-it-py's style: many small cases, input beside expected output.

A case is a title line, optional ``key: value`` option lines, then three
blocks, each closed by a line holding only a dot::

    Title of the case
    captured_at: 2025-03-14T18:05:00+01:00
    .
    input
    .
    expected output
    .

Cases are separated by blank lines. ``rewrite`` writes the actual outputs back
into the file: the only way expected outputs change (``pytest --update-fixtures``).
Test workers (pytest-xdist) may rewrite one file at once: each holds a lock
while it reads and writes, and the file is replaced whole (temp file, rename),
so no worker reads a half-written file or loses another's updates.
"""

from __future__ import annotations

import fcntl
from dataclasses import dataclass, field
from pathlib import Path

DOT = "."


@dataclass
class Case:
    title: str
    input: str
    expected: str
    line: int
    options: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.line}-{self.title}"


def read_cases(path: Path) -> list[Case]:
    lines = path.read_text("utf-8").split("\n")
    cases: list[Case] = []
    position = 0
    while position < len(lines):
        if not lines[position].strip():
            position += 1
            continue
        start = position
        header: list[str] = []
        while lines[position] != DOT:
            header.append(lines[position])
            position += 1
        blocks: list[list[str]] = [[], []]
        for block in blocks:
            position += 1
            while lines[position] != DOT:
                block.append(lines[position])
                position += 1
        position += 1
        options = dict(line.split(": ", 1) for line in header[1:])
        cases.append(
            Case(header[0], "\n".join(blocks[0]), "\n".join(blocks[1]), start + 1, options)
        )
    return cases


def rewrite(path: Path, actual: dict[int, str]) -> None:
    """Replace the expected block of each case (by its line) with ``actual``."""
    lock_path = path.with_name(f".{path.name}.lock")
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        parts: list[str] = []
        for case in read_cases(path):
            header = [case.title, *(f"{key}: {value}" for key, value in case.options.items())]
            output = actual.get(case.line, case.expected)
            parts.append("\n".join([*header, DOT, case.input, DOT, output, DOT]))
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text("\n\n".join(parts) + "\n", "utf-8")
        temporary.replace(path)
