"""YAML read safely, for every stage that reads it (sidecars, content files).

Promise: ``load_yaml`` builds only plain data (mappings, lists, strings,
numbers, dates), never an object of a class named in the text, and uses
libyaml's C loader where PyYAML was built with it (much faster), its pure
Python safe loader elsewhere; ``SafeLoader`` and ``SafeDumper`` are those
classes, for a caller that scans or dumps with them.
"""

from __future__ import annotations

from typing import Any

import yaml

try:  # the C loader and dumper are much faster; fall back where libyaml is absent
    from yaml import CSafeDumper as SafeDumper
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper, SafeLoader  # type: ignore[assignment]

__all__ = ["SafeDumper", "SafeLoader", "load_yaml"]


def load_yaml(text: str) -> Any:
    """YAML with the safe loader (libyaml's where there is one)."""
    return yaml.load(text, Loader=SafeLoader)
