"""A failure is the file's, not the pile's: whatever goes wrong while reading one
file, in this process or in a worker process, becomes that file's error and
the rest is imported."""

from __future__ import annotations

import pickle
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import generator.sources
from generator.errors import InputError, ParseError
from generator.importer import run_import
from generator.parallel import PARALLEL_FROM
from generator.sources import Parsed, parse_file, parse_packed, unpack

CAPTURED = datetime.fromisoformat("2025-03-14T18:05:00+01:00")
PLACES = ["ZWOLLE", "DEVENTER", "KAMPEN", "ASSEN", "EMMEN", "HOORN", "EDE", "TIEL"]


def page(number: int) -> str:
    place = PLACES[number % len(PLACES)]
    return (
        f"Bericht {number}: gemeente {place.title()} opent loket {number}\n"
        f"{place} (ANP) - De gemeente opent vandaag loket nummer {number} voor bewoners.\n"
        f"Het loket {number} is op werkdagen open.\n"
    )


def write(folder: Path, name: str, data: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


HUGE_NUMBER = '{"bodyText": "<p>Tekst.</p>", "title": "Kop", "version": ' + "7" * 5000 + "}"
DEEP_JSON = "[" * 100_000 + "]" * 100_000
BROKEN_PAGE = (
    "Kop zonder meer\nDEN HAAG (ANP) - Tekst.\nMeer uit Binnenland\nUTRECHT (ANP) - Tekst.\n"
)


def test_an_integer_of_5000_digits_is_this_files_error(tmp_path: Path) -> None:
    parsed = parse_file(write(tmp_path, "getal.json", HUGE_NUMBER), CAPTURED)
    assert parsed.items == []
    assert isinstance(parsed.error, InputError)
    assert str(parsed.error) == (
        f"{tmp_path / 'getal.json'}: expected JSON numbers of at most "
        f"{sys.get_int_max_str_digits()} digits, found a longer one"
    )


def test_json_nested_100000_deep_is_this_files_error(tmp_path: Path) -> None:
    parsed = parse_file(write(tmp_path, "diep.json", DEEP_JSON), CAPTURED)
    assert isinstance(parsed.error, InputError)
    assert str(parsed.error).startswith(f"{tmp_path / 'diep.json'}: expected JSON nested")


def explode(kind: type[BaseException]) -> Any:
    def read_items(source: object) -> Any:
        raise kind("kapot in de lezer")

    return read_items


@pytest.mark.parametrize("kind", [ZeroDivisionError, KeyError, MemoryError, AttributeError])
def test_an_unforeseen_exception_names_the_file_and_its_kind(
    kind: type[Exception], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(generator.sources, "read_items", explode(kind))
    parsed = parse_file(write(tmp_path, "p.txt", page(1)), CAPTURED)
    assert isinstance(parsed.error, InputError)
    message = str(parsed.error)
    assert message.startswith(f"{tmp_path / 'p.txt'}: expected a file the converter can read, ")
    assert f"found {kind.__name__} while reading it" in message


def test_a_recursion_error_in_a_reader_is_this_files_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(generator.sources, "read_items", explode(RecursionError))
    parsed = parse_file(write(tmp_path, "p.txt", page(1)), CAPTURED)
    assert "found it nested too deep (RecursionError)" in str(parsed.error)


@pytest.mark.parametrize("kind", [KeyboardInterrupt, SystemExit])
def test_an_interrupt_is_never_swallowed(
    kind: type[BaseException], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(generator.sources, "read_items", explode(kind))
    with pytest.raises(kind):
        parse_file(write(tmp_path, "p.txt", page(1)), CAPTURED)


def test_a_parse_error_travels_back_from_a_worker_whole(tmp_path: Path) -> None:
    path = write(tmp_path, "kapot.txt", BROKEN_PAGE)
    direct = parse_file(path, CAPTURED)
    assert isinstance(direct.error, ParseError)
    with pytest.raises(TypeError):  # why plain pickling is not enough
        pickle.loads(pickle.dumps(direct.error))
    travelled = unpack(path, parse_packed(path, CAPTURED))
    assert isinstance(travelled.error, ParseError)
    assert str(travelled.error) == str(direct.error)
    assert (travelled.error.expected, travelled.error.line) == (
        direct.error.expected,
        direct.error.line,
    )


def test_items_that_do_not_pickle_become_this_files_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(generator.sources, "read_items", lambda source: ("webpage", [lambda: 0]))
    path = write(tmp_path, "p.txt", page(1))
    travelled = unpack(path, parse_packed(path, CAPTURED))
    assert travelled.items == []
    assert str(travelled.error).startswith(f"{tmp_path / 'p.txt'}: expected a file the converter")


def test_a_result_that_cannot_be_unpacked_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    for packed in (b"geen pickle", pickle.dumps("een tekst")):
        parsed = unpack(path, packed)
        assert isinstance(parsed, Parsed) and parsed.items == []
        assert str(parsed.error).startswith(f"{path}: expected a file the converter can read")


def test_bad_files_in_worker_processes_cost_only_themselves(tmp_path: Path) -> None:
    wire, good = tmp_path / "wire", PARALLEL_FROM
    for number in range(good):
        write(wire, f"pagina-{number:03}.txt", page(number))
    bad = {"getal.json": HUGE_NUMBER, "diep.json": DEEP_JSON, "kapot.txt": BROKEN_PAGE}
    for name, text in bad.items():
        write(wire, name, text)
    summary = run_import([wire], tmp_path / "content", captured_at=CAPTURED, jobs=2)
    failed = sorted(error.path.name for error in summary.errors if error.path is not None)
    assert failed == ["diep.json", "getal.json", "kapot.txt"]
    assert summary.items == good
    assert len(list((tmp_path / "content").rglob("*.md"))) == good - summary.merged
