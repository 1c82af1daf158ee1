"""YAML front matter: the fence around it, written and read.

Stage: import (writing) and build (reading, ``split``).

Promise: ``join`` and ``split`` are inverses: any mapping of strings written
by ``join`` comes back from ``split`` unchanged, whatever quotes, colons,
dashes or line separators its values hold. ``dump_yaml`` writes the bytes
PyYAML's safe dumper would (``emit`` writes what it is sure of, PyYAML the
rest); ``split`` reads with the safe loader (``generator.yaml_safe``).
"""

from __future__ import annotations

from typing import Any

import yaml

from generator.content.emit import emit
from generator.errors import ContentError
from generator.yaml_safe import SafeDumper, load_yaml

FENCE = "---"


def dump_yaml(metadata: dict[str, Any]) -> str:
    """The mapping as block YAML, keys in the given order, one line per value
    (``emit`` writes what it can, byte for byte as PyYAML would; PyYAML the rest)."""
    fast = emit(metadata)
    return fast if fast is not None else pyyaml_dump(metadata)


def pyyaml_dump(metadata: dict[str, Any]) -> str:
    return yaml.dump(
        metadata,
        Dumper=SafeDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,
    )


def join(metadata: dict[str, Any], body: str) -> str:
    """A whole content file: fenced front matter, a blank line, the body."""
    return f"{FENCE}\n{dump_yaml(metadata)}{FENCE}\n\n{body}"


def closing_fence(text: str) -> int:
    """Where the front matter's closing ``---`` line starts (its newline), -1 if none."""
    return text.find(f"\n{FENCE}\n", len(FENCE))


def body_of(text: str) -> str:
    """The body of a content file, its front matter not parsed ("" without one)."""
    end = closing_fence(text)
    return text[end + len(FENCE) + 2 :].lstrip("\n") if text.startswith(FENCE) and end >= 0 else ""


def split(text: str, *, path: str = "<text>") -> tuple[dict[str, Any], str]:
    """Front matter and body of a content file; ``ContentError`` if it has none."""
    if not text.startswith(FENCE + "\n"):
        raise ContentError("expected front matter opening with '---' on line 1", path=path, line=1)
    end = closing_fence(text)
    if end < 0:
        raise ContentError("expected a closing '---' after the front matter", path=path)
    try:
        metadata = load_yaml(text[len(FENCE) + 1 : end + 1])
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        raise ContentError(
            f"expected valid YAML front matter: {error}", path=path, line=line
        ) from error
    if not isinstance(metadata, dict):
        raise ContentError("expected the front matter to be a mapping of keys", path=path, line=2)
    return metadata, body_of(text)
