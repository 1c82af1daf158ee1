"""A coverage-guided fuzzer (atheris) over every input format: ``make fuzz``.

Feeds arbitrary bytes, under each kind of file name, to ``read_items``. Any
exception other than the project's own errors is a crash: atheris stops and
writes the input that caused it; pin it as an ``@example`` in
tests/test_fuzz_formats.py. FUZZ_SECONDS sets the time (default 60).
"""

from __future__ import annotations

import contextlib
import sys
from datetime import datetime
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from generator.errors import WireArchiveError
    from generator.formats import Source, read_items

CAPTURED = datetime.fromisoformat("2025-03-14T18:05:00+01:00")
NAMES = ("item.json", "item.xml", "pagina.txt", "bericht.nitf")


def one_input(data: bytes) -> None:
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    with contextlib.suppress(WireArchiveError):  # the project's own error is an answer
        read_items(Source(Path(name), data[1:], CAPTURED, None, name))


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
