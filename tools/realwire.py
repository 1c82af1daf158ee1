"""A table of what the converter makes of a folder of real wire files (a check by hand).

Stage: a developer's tool beside the import stage; it writes nothing into content/ and
never imports Pelican. Run it over a folder of real deliveries (kept outside the
repository) and read each row against its file:

    .venv/bin/python tools/realwire.py /tmp/realwire > /tmp/realwire/table.md

Promise: every file is read on its own with ``generator.sources.parse_file``, the
importer's own reader, so a file that breaks a reader (or the reader breaks on) is
that file's row and never stops the others; each item is one row (file, format,
outcome, title, date, city, agency, section, byline, embargo); a file the importer would not
look at by its name is listed apart, not read. The table is Markdown; a ``|`` or a
line break in a field cannot break a row.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from generator.formats import is_wire_file
from generator.model import WireItem
from generator.sources import Parsed, parse_file, wire_files

COLUMNS = (
    "file",
    "format",
    "outcome",
    "title",
    "date",
    "city",
    "agency",
    "section",
    "byline",
    "embargo",
)
MAX_CELL = 70  # long enough to judge a title, short enough to read a row
MAX_OUTCOME = 160  # an error or a warning must be readable whole


@dataclass(frozen=True)
class Row:
    """One line of the table: an item, or a file that gave none (and why)."""

    file: str
    format: str
    outcome: str
    title: str = ""
    date: str = ""
    city: str = ""
    agency: str = ""
    section: str = ""
    byline: str = ""
    embargo: str = ""

    def cells(self) -> tuple[str, ...]:
        return (
            self.file,
            self.format,
            self.outcome,
            self.title,
            self.date,
            self.city,
            self.agency,
            self.section,
            self.byline,
            self.embargo,
        )


def read_file(path: Path, name: str) -> list[Row]:
    """The rows of one file, each noting the warnings the readers gave while reading
    it (a date without offset read as UTC, ...): a row that is right only by an
    assumption should say so."""
    with captured_warnings() as warnings:
        rows = rows_of(parse_file(path), name)
    if not warnings:
        return rows
    note = "; ".join(f"warning: {text}" for text in dict.fromkeys(warnings))
    return [replace(row, outcome=f"{row.outcome} ({note})") for row in rows]


class _Collect(logging.Handler):
    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        # The readers' messages open with "Warning: <path>: ", which the row shows.
        text = record.getMessage()
        self.into.append(text.split(": ", 2)[-1] if text.startswith("Warning: ") else text)


@contextmanager
def captured_warnings() -> Iterator[list[str]]:
    """The warnings the converter logs meanwhile, kept off stderr (the table shows them)."""
    logger = logging.getLogger("generator")
    found: list[str] = []
    handler = _Collect(found)
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield found
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def rows_of(parsed: Parsed, name: str) -> list[Row]:
    """The rows of one file as ``parse_file`` read it; ``name``: the file as shown."""
    if parsed.error is not None:
        # The reader's own sentence, without the path that the row already shows.
        reason = parsed.error.message
        outcome = f"skipped: {reason}" if parsed.skipped else f"error: {reason}"
        return [Row(name, sniff_format(parsed.path), outcome)]
    if not parsed.items:
        return [Row(name, parsed.wire_format or sniff_format(parsed.path), "no items")]
    wire_format = parsed.wire_format or "?"
    return [_item_row(name, wire_format, item) for item in parsed.items]


def _item_row(name: str, wire_format: str, item: WireItem) -> Row:
    return Row(
        file=name,
        format=wire_format,
        outcome="imported",
        title=item.title,
        date=item.date.isoformat(),
        city=item.city or "",
        agency=item.agency or "",
        section=item.section,
        byline=item.byline or "",
        embargo=item.embargo.isoformat() if item.embargo else "",
    )


_XML_ROOT = re.compile(r"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_SNIFF_BYTES = 4096


def sniff_format(path: Path) -> str:
    """What a file that gave no items looks like, for the table only: ``json``,
    ``xml:<root element>``, ``text``, or ``unreadable``. The importer's own
    recognition is ``Parsed.wire_format``; this only names what it refused."""
    try:
        with path.open("rb") as stream:
            head = stream.read(_SNIFF_BYTES)
    except OSError:
        return "unreadable"
    text = head.decode("utf-8", "ignore").lstrip("\ufeff \t\r\n")
    if text[:1] in ("{", "["):
        return "json"
    if text.startswith("<"):
        # Past the declaration, comments and DOCTYPE: the first element is the root.
        body = re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "", text, flags=re.S)
        match = _XML_ROOT.search(body)
        return f"xml:{match.group(2)}" if match else "xml"
    return "text"


def table(folder: Path) -> Iterator[str]:
    """The Markdown lines for ``folder``: the rows, then the counts and the files
    the importer would not open."""
    outcomes: Counter[str] = Counter()
    ignored: list[str] = []
    yield "| " + " | ".join(COLUMNS) + " |"
    yield "|" + " --- |" * len(COLUMNS)
    for path in wire_files([folder]):
        name = path.relative_to(folder).as_posix()
        if not is_wire_file(path):
            if path.suffix != ".md":  # this tool's own tables and notes beside the files
                ignored.append(name)
            continue
        rows = read_file(path, name)
        outcomes[outcome_kind(rows[0].outcome)] += 1
        for row in rows:
            # The file column stays whole: it is how a reader finds the file.
            name_cell, wire_format, outcome, *rest = row.cells()
            cells = [cell(name_cell, limit=None), cell(wire_format), cell(outcome, MAX_OUTCOME)]
            yield "| " + " | ".join([*cells, *map(cell, rest)]) + " |"
    yield ""
    yield "Files: " + ", ".join(f"{count} {outcome}" for outcome, count in sorted(outcomes.items()))
    if ignored:
        yield f"Not opened (not a wire file by name): {len(ignored)}: " + ", ".join(ignored)


def outcome_kind(outcome: str) -> str:
    """``imported``, ``skipped``, ``error``, ``no items``: what the counts count."""
    return re.split(r"[:(]", outcome, maxsplit=1)[0].strip()


def cell(text: str, limit: int | None = MAX_CELL) -> str:
    """``text`` as one table cell: one line, ``|`` escaped, cut to ``limit``."""
    flat = " ".join(text.split())
    if limit is not None and len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return flat.replace("\\", "\\\\").replace("|", "\\|")


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a folder of wire files (walked recursively)")
    args = parser.parse_args(None if argv is None else list(argv))
    if not args.folder.is_dir():
        parser.error(f"expected a folder, found {args.folder!s} is none")
    for line in table(args.folder):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
