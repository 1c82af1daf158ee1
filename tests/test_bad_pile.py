"""One bad item costs one item, never the archive: 2,000 good files and one of
each kind of bad file, imported in one run (in this process and with worker
processes) and built into one site. Every good story arrives, every bad file
is named once, and the exit status says that something failed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

pytestmark = [pytest.mark.site, pytest.mark.long]
GOOD = 2_000
CITIES = ("ZWOLLE", "DEN HAAG", "UTRECHT", "GRONINGEN", "MAASTRICHT", "ARNHEM", "LEEUWARDEN")
CAPTURED = "2025-03-14T18:05:00+01:00"


def good_page(number: int) -> str:
    city = CITIES[number % len(CITIES)]
    return (
        f"Bericht nummer {number} over de gemeenteraad\n"
        f"{city} (ANP) - De gemeenteraad sprak op avond {number} lang over de begroting "
        f"van het jaar, en besloot na stemming {number} tot uitstel.\n"
        "Het college reageert volgende week.\n"
    )


def ninjs(uri: str, **fields: object) -> str:
    item = {
        "uri": uri,
        "headline": f"Kop van bericht {uri}",
        "versioncreated": "2025-03-14T10:00:00+01:00",
        "body_text": f"UTRECHT (ANP) - De tekst van bericht {uri}, lang genoeg om te lezen.",
        **fields,
    }
    return json.dumps(item)


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def write_bad_files(wire: Path, outside: Path) -> None:
    """One file of each kind the converter must refuse, each by its own name."""
    (wire / "getal.json").write_text('{"uri": "x", "version": ' + "9" * 5_000 + "}", "utf-8")
    (wire / "diep.json").write_text(nested(100_000), "utf-8")
    late = ninjs("urn:test:9999", versioncreated="9999-12-31T23:59:00-01:00")
    (wire / "jaar-9999.json").write_text(late, "utf-8")
    deep = ninjs("urn:test:diep", body_html="<div>" * 300 + "Tekst" + "</div>" * 300)
    (wire / "html-diep.json").write_text(deep, "utf-8")
    long_headline = "Kop " * 200 + "\nZWOLLE (ANP) - Een bericht met een veel te lange kop.\n"
    (wire / "lange-kop.txt").write_text(long_headline, "utf-8")
    (wire / "binair.txt").write_bytes(bytes(range(1, 32)) * 40)
    (wire / "link-naar-buiten.txt").symlink_to(outside / "id_rsa")
    os.mkfifo(wire / "pijp.txt")
    (wire / "map-als-sidecar.txt").write_text(good_page(90_001), "utf-8")
    (wire / "map-als-sidecar.meta.yaml").mkdir()
    (wire / "aliassen.txt").write_text(good_page(90_002), "utf-8")
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
    (wire / "aliassen.meta.yaml").write_text(bomb, "utf-8")
    (wire / os.fsdecode(b"caf\xe9.txt")).write_text(good_page(90_004), "utf-8")  # not UTF-8


# The names the errors give (a sidecar's error names the sidecar).
BAD = [
    "getal.json", "diep.json", "jaar-9999.json", "html-diep.json", "lange-kop.txt", "binair.txt",
    "link-naar-buiten.txt", "pijp.txt", "map-als-sidecar.meta.yaml", "aliassen.meta.yaml",
    "caf\\xe9.txt",
]  # fmt: skip
# Files that once stopped the whole import and now give their story.
RESCUED: dict[str, str] = {
    "html-commentaar.json": ninjs(
        "urn:test:commentaar", body_html="<p>ASSEN (ANP) - Tekst</p><!-- noot --><p>Meer</p>"
    ),
    "surrogaat.json": ninjs("urn:test:surrogaat").replace("Kop van", "Kop \\ud800 van"),
    "versie-superscript.json": ninjs("urn:test:sup", version="²"),
    "stuurteken-plaats.json": ninjs("urn:test:plaats", located="Assen\u000b\u001b"),
    "k" * 240 + ".txt": good_page(90_003),
}


@pytest.fixture(scope="module")
def pile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bad-pile")
    wire, outside = root / "wire", root / "buiten"
    wire.mkdir()
    outside.mkdir()
    (outside / "id_rsa").write_text("GEHEIME SLEUTEL 7f3a\n", "utf-8")
    for number in range(GOOD):
        (wire / f"goed-{number:04d}.txt").write_text(good_page(number), "utf-8")
    write_bad_files(wire, outside)
    for name, text in RESCUED.items():
        (wire / name).write_text(text, "utf-8")
    return root


def stories(content: Path) -> list[str]:
    return [path.read_text("utf-8") for path in content.rglob("*.md")]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_every_good_file_arrives_and_every_bad_one_is_named_once(pile: Path, jobs: str) -> None:
    content = pile / f"content-{jobs}"
    result = run_cli(
        "import", str(pile / "wire"), "--content", str(content), "--no-cache", "--jobs", jobs,
        "--captured-at", CAPTURED, "--json",
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    for name in BAD:
        naming = [line for line in errors if f"/wire/{name}" in line]
        assert len(naming) == 1, (name, errors)
    assert len(errors) == len(BAD), errors
    texts = stories(content)
    assert len(texts) == GOOD + len(RESCUED)
    assert not any("GEHEIME SLEUTEL" in text for text in texts)
    summary = json.loads(result.stdout)
    assert summary["failed"] == len(BAD)


def test_the_site_of_the_pile_holds_every_story(pile: Path) -> None:
    content, output = pile / "content-1", pile / "site"
    if not content.exists():
        run_cli("import", str(pile / "wire"), "--content", str(content), "--captured-at", CAPTURED)
    command = [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-q"]
    command += ["-s", str(ROOT / "pelicanconf.py"), "-e", f'CACHE_PATH="{pile / "cache"}"']
    built = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    pages = list(output.glob("2025/*/*/*/index.html"))
    assert len(pages) == GOOD + len(RESCUED)
    assert "GEHEIME SLEUTEL" not in "".join(p.read_text("utf-8") for p in output.rglob("*.xml"))
