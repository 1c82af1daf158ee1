"""Every input format, case by case: each fixture holds a wire file (a copied
page, a ninjs or ANP JSON item, an NITF, NewsML-G2 or NewsML 1.2 document) and
the content files it must become (front matter and body; the digest line left
out), or the error or skip it must give."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from generator.content.store import ContentStore
from generator.errors import NotAStoryError, WireArchiveError
from generator.formats import Source, read_items
from generator.formats.credits import person_byline, provider_agency
from generator.import_summary import Summary
from generator.importer import integrate
from tests.conftest import FIXTURES
from tests.fixture_files import Case, read_cases

DEFAULT_CAPTURED_AT = "2025-03-14T18:05:00+01:00"
_DIGEST = re.compile(r"^digest: .*\n", re.MULTILINE)

CASES = [
    pytest.param(path, case, id=f"{path.parent.name}/{path.stem}:{case.id}")
    for folder in ("webpage", "formats")
    for path in sorted((FIXTURES / folder).glob("*.txt"))
    for case in read_cases(path)
]


def convert(case: Case, content: Path) -> str:
    """What the importer makes of the case's page, as the files it writes."""
    name = case.options.get("name", "page.txt")
    source = Source(
        path=Path(name),
        data=(case.input + "\n").encode("utf-8"),
        captured_at=datetime.fromisoformat(case.options.get("captured_at", DEFAULT_CAPTURED_AT)),
        section=case.options.get("section"),
        name=name,
    )
    try:
        _, items = read_items(source)
    except NotAStoryError as skipped:
        return f"skipped: {skipped}"
    except WireArchiveError as error:
        return f"error: {error}"
    files = []
    for target in integrate(items, ContentStore(content), Summary()):
        text = _DIGEST.sub("", target.read_text("utf-8"))
        files.append(f"=> {target.relative_to(content).as_posix()}\n{text.rstrip()}")
    return "\n".join(files)


@pytest.mark.parametrize(("path", "case"), CASES)
def test_case(
    path: Path, case: Case, tmp_path: Path, fixture_updates: dict[Path, dict[int, str]]
) -> None:
    actual = convert(case, tmp_path)
    fixture_updates.setdefault(path, {})[case.line] = actual
    assert actual == case.expected


@pytest.mark.parametrize(
    ("byline", "kept"),
    [
        ("By Staff Reporter, BusinessDesk", False),
        ("Staff writer", False),
        ("Reuters Staff", False),
        ("Redactie", False),
        ("Situation serious, ready for all scenarios says EC", False),
        ("Redactie ANP", True),  # a named desk
        ("Jan Staff", True),  # a surname
        ("Door onze correspondent in Brussel", True),
        ("Paulo Santalucia and Frances d'Emilio", True),
        ("Aaron J. Staples, Michigan State University", True),
        ("jan jansen", True),  # short: too little to call it a sentence
    ],
)
def test_person_byline(byline: str, kept: bool) -> None:
    assert (person_byline(byline) == byline) is kept


@pytest.mark.parametrize(
    ("provider", "agency"),
    [
        ("CL", None),  # a system's code, no agency
        ("STT", "STT"),
        ("TT", "TT"),
        ("pa", "PA"),
        ("BusinessDesk", "BUSINESSDESK"),
        ("anp.nl", "ANP"),
    ],
)
def test_provider_agency(provider: str, agency: str | None) -> None:
    assert provider_agency(provider) == agency
