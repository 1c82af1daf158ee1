"""Reading one item of each format: our reader against the bare parse of the same bytes.

The items are the first case of each fixture file in tests/fixtures/formats
(and a copied page from tests/fixtures/webpage). The baseline is what any
reader must pay: ``json.loads``, lxml's ``fromstring`` or decoding the text.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from lxml import etree

from benchmarks.pile import ROOT
from generator.formats import Source, read_items
from tests.fixture_files import read_cases

FIXTURES = ROOT / "tests" / "fixtures"
ROUNDS = 300
LABELS = {
    "anp_json": "ANP JSON",
    "newsml12": "NewsML 1.2",
    "newsml_g2": "NewsML-G2",
    "ninjs": "ninjs",
    "nitf": "NITF",
    "teasers": "web page (with teasers)",
}


def _source(text: str, name: str, captured_at: str | None) -> Source:
    moment = datetime.fromisoformat(captured_at) if captured_at else None
    return Source(Path(name), text.encode("utf-8"), moment, None, name)


def _samples() -> list[tuple[str, Source]]:
    files = [*sorted((FIXTURES / "formats").glob("*.txt")), FIXTURES / "webpage" / "teasers.txt"]
    samples = []
    for path in files:
        if path.stem == "xml_safety":
            continue
        case = read_cases(path)[0]
        source = _source(
            case.input + "\n", case.options.get("name", "page.txt"), case.options.get("captured_at")
        )
        samples.append((LABELS.get(path.stem, path.stem), source))
    return samples


def _bare(source: Source) -> Callable[[], object]:
    head = source.data.lstrip()[:1]
    if head in (b"{", b"["):
        return lambda: json.loads(source.data)
    if head == b"<":
        return lambda: etree.fromstring(source.data)
    return lambda: source.data.decode("utf-8").splitlines()


def _per_call(action: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(ROUNDS):
            action()
        best = min(best, (time.perf_counter() - start) / ROUNDS)
    return best


def measure_formats() -> list[tuple[str, float, float]]:
    """(format, our microseconds per item, the bare parse's microseconds)."""
    rows = []
    for name, source in _samples():
        read_items(source)  # warm caches (gazetteer) outside the timing
        ours = _per_call(lambda source=source: read_items(source))  # type: ignore[misc]
        items = len(read_items(source)[1])
        rows.append((name, ours * 1e6 / items, _per_call(_bare(source)) * 1e6))
    return rows
