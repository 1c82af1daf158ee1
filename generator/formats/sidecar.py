"""Sidecars: what a raw file cannot say about itself, in ``NAME.meta.yaml``.

A copied web page does not say when it was copied, nor (without a
``Meer uit`` list) which section it belongs to. Promise: ``parse_sidecar``
returns those facts from a sidecar's bytes (``generator.sources`` finds and
reads the file, a regular one inside the folder only); a sidecar that is no
UTF-8 YAML mapping, has other keys, a time without offset, or any YAML anchor
or alias (refused before anything is expanded: a few hundred bytes of nested
aliases stand for billions of values) is an error naming the sidecar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import yaml

from generator.errors import InputError, ParseError
from generator.yaml_safe import SafeLoader, load_yaml

SIDECAR_SUFFIX = ".meta.yaml"
KEYS = ("captured_at", "section")
MAX_SIDECAR_BYTES = 64 * 1024  # two short values: a larger sidecar is refused unread


@dataclass(frozen=True)
class Sidecar:
    captured_at: datetime | None = None
    section: str | None = None


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIX)


def parse_sidecar(data: bytes, where: str) -> Sidecar:
    """The facts in the sidecar ``data``, read from the file shown as ``where``."""
    try:
        text = data.decode("utf-8-sig")
        _refuse_aliases(text, where)
        mapping = load_yaml(text)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise InputError(f"expected a YAML mapping: {error}", path=where) from error
    if not isinstance(mapping, dict):
        raise ParseError(expected="a YAML mapping with captured_at", found=str(mapping), path=where)
    unknown = sorted(str(key) for key in mapping if key not in KEYS)
    if unknown:
        raise ParseError(expected=f"only the keys {', '.join(KEYS)}", found=unknown[0], path=where)
    captured = mapping.get("captured_at")
    section = mapping.get("section")
    return Sidecar(
        captured_at=parse_timestamp(str(captured), where=where) if captured else None,
        section=str(section) if section else None,
    )


def _refuse_aliases(text: str, where: str) -> None:
    """Scan the tokens (which expands nothing) and refuse any anchor or alias."""
    # libyaml's scanner where there is one, as load_yaml's.
    for token in yaml.scan(text, Loader=SafeLoader):
        if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
            kind = "an anchor" if isinstance(token, yaml.AnchorToken) else "an alias"
            raise InputError(
                f"expected a YAML mapping without anchors or aliases, found {kind} "
                f"{token.value[:40]!r} (refused before anything is expanded)",
                path=where,
                line=token.start_mark.line + 1,
            )


def parse_timestamp(value: str, *, where: str) -> datetime:
    """An ISO 8601 time with a UTC offset; ``ParseError`` otherwise."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise ParseError(
            expected="an ISO 8601 time with offset, such as 2025-03-14T18:05:00+01:00",
            found=value,
            path=where,
        )
    return moment
