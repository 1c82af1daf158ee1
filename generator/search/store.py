"""Search, index build and answers: the result store, its one schema and its typed record.

Promises:
- ``store_schema.json`` is the only place the layout of a store row is
  written down: ``FIELDS`` is read from it, the manifest hands the names to
  the browser, and rows are made (``store_row``) and read (``read_row``) by
  field name, in Python as in ``search-index.js``;
- ``SearchDocument`` has exactly the schema's fields (the tests hold them
  together), so a result is read as ``record.city`` or ``record.day``, never by
  position;
- a row is read with the names its index was written with (the manifest's
  ``fields``), so search files keep working whatever the order; files that
  do not fit the schema are a ``SiteError`` that says what is wrong.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources

from generator.errors import SiteError

SCHEMA = "store_schema.json"


@dataclass(frozen=True)
class SearchDocument:
    """What is indexed of one story, and what a result shows of it: one row
    of the store (each field's meaning is written in ``store_schema.json``)."""

    url: str
    title: str
    lead: str
    city: str
    section: str
    date: str  # ISO 8601 with its offset
    date_text: str
    day: str  # the local day, ``addresses.day_key``
    city_aliases: str = ""  # the city's other names, ``|`` between them

    def in_city(self, city: str) -> bool:
        """True when ``city`` is this story's city, by its name or another name."""
        return city == self.city or (bool(self.city_aliases) and city in self.aliases())

    def aliases(self) -> list[str]:
        return self.city_aliases.split("|") if self.city_aliases else []


def schema_fields() -> tuple[str, ...]:
    """The field names of a store row, in their order, as the schema writes them."""
    text = resources.files("generator.search").joinpath(SCHEMA).read_text("utf-8")
    return tuple(str(field["name"]) for field in json.loads(text)["fields"])


FIELDS = schema_fields()


def store_row(document: SearchDocument) -> list[str]:
    """One document as the index's record files keep it: its values in the schema's order."""
    return [str(getattr(document, name)) for name in FIELDS]


def check_fields(names: object) -> tuple[str, ...]:
    """The field names a manifest gives, if they are the schema's (in any order)."""
    if not isinstance(names, list) or sorted(map(str, names)) != sorted(FIELDS):
        raise SiteError(
            f"expected the search manifest to name the store's fields {list(FIELDS)}, "
            f"found {names!r}; build the site again"
        )
    return tuple(map(str, names))


def read_row(names: tuple[str, ...], row: Sequence[str]) -> SearchDocument:
    """A stored row as its record; ``names`` from ``check_fields``."""
    if len(row) != len(names):
        raise SiteError(f"expected a search store row of {len(names)} fields, found {row!r}")
    return SearchDocument(*[row[position] for position in _positions(names)])


@cache
def _positions(names: tuple[str, ...]) -> tuple[int, ...]:
    """Where each of the record's fields is in a row written with ``names``
    (looked up once per layout: a search reads thousands of rows)."""
    return tuple(names.index(field.name) for field in fields(SearchDocument))
