"""Shared set-up of the search tests: an index written to a folder, and the
browser's side of it under node.

``write_index`` builds the index of some stories (``index_files.build_index``)
and writes its files and manifest where the site would; ``node_side`` asks
``tests/js/index-side.js`` (the site's own search scripts with real
lunr-languages) and returns its answer (``node_refusal``: its error); ``pipeline_side`` asks
``tests/js/lunr-side.js`` (the scripts a built site ships) about the Dutch
pipeline functions one by one.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.search import index_files
from generator.search.index_files import MANIFEST, build_index, dump
from generator.search.weights import FullDocument
from tests.conftest import ROOT

NODE_MODULES = Path(os.environ.get("WIRE_NODE_MODULES", ROOT / "node_modules"))
SCRIPTS = ROOT / "tests" / "js"


def write_index(
    folder: Path, documents: list[FullDocument], chunk_bytes: int | None = None
) -> Path:
    """The index of ``documents`` (newest first) written into ``folder``:
    its files, then its manifest; ``chunk_bytes`` sets the term files' size."""
    folder.mkdir(parents=True, exist_ok=True)

    def write(name: str, data: bytes) -> None:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)

    with pytest.MonkeyPatch.context() as patch:
        if chunk_bytes is not None:
            patch.setattr(index_files, "CHUNK_BYTES", chunk_bytes)
        manifest = build_index(documents, write)
    (folder / MANIFEST).write_text(dump(manifest), "utf-8")
    return folder


def _node(script: str, argument: Path, request: dict[str, Any]) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    assert node, "node is needed for the parity tests"
    return subprocess.run(
        [node, str(SCRIPTS / script), str(argument)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        check=False,
    )


def _run(script: str, argument: Path, request: dict[str, Any]) -> dict[str, Any]:
    result = _node(script, argument, request)
    assert result.returncode == 0, result.stderr
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


def node_side(request: dict[str, Any]) -> dict[str, Any]:
    """``tests/js/index-side.js``'s answer to ``request`` (its header says what it takes)."""
    assert (NODE_MODULES / "lunr").is_dir(), (
        f"expected lunr in {NODE_MODULES}: run make setup, or set WIRE_NODE_MODULES"
    )
    return _run("index-side.js", NODE_MODULES, request)


def node_refusal(request: dict[str, Any]) -> str:
    """What ``tests/js/index-side.js`` says when it refuses ``request``."""
    result = _node("index-side.js", NODE_MODULES, request)
    assert result.returncode != 0, result.stdout
    return result.stderr


def pipeline_side(site: Path, request: dict[str, Any]) -> dict[str, Any]:
    """``tests/js/lunr-side.js``'s answer, with the scripts the built ``site`` ships."""
    return _run("lunr-side.js", site, request)
