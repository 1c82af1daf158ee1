"""Sidecars: what a raw file cannot say about itself, in ``NAME.meta.yaml``.

A copied web page does not say when it was copied, nor (without a
``Meer uit`` list) which section it belongs to. Promise: ``read_sidecar``
returns those facts from the sidecar next to a wire file, or empty ones when
there is none; a sidecar with other keys or a time without offset is a
``ParseError`` naming the sidecar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import yaml

from generator.content.frontmatter import load_yaml
from generator.errors import InputError, ParseError

SIDECAR_SUFFIX = ".meta.yaml"
KEYS = ("captured_at", "section")


@dataclass(frozen=True)
class Sidecar:
    captured_at: datetime | None = None
    section: str | None = None


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> Sidecar:
    """The sidecar of wire file ``path``; an empty one when it has none."""
    sidecar = sidecar_path(path)
    if not sidecar.exists():
        return Sidecar()
    try:
        data = load_yaml(sidecar.read_text("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise InputError(f"expected a YAML mapping: {error}", path=sidecar) from error
    if not isinstance(data, dict):
        raise ParseError(expected="a YAML mapping with captured_at", found=str(data), path=sidecar)
    unknown = sorted(str(key) for key in data if key not in KEYS)
    if unknown:
        raise ParseError(
            expected=f"only the keys {', '.join(KEYS)}", found=unknown[0], path=sidecar
        )
    captured = data.get("captured_at")
    section = data.get("section")
    return Sidecar(
        captured_at=parse_timestamp(str(captured), where=str(sidecar)) if captured else None,
        section=str(section) if section else None,
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
