"""Search, answering: a built index, read a file at a time as a query needs it.

Stage: query (``search-index.js`` reads the same files the same way in the
browser).

Promises: ``SearchIndex`` reads the manifest once and a term, record, body,
facets or words file only when asked, each at most once (``fetched`` lists
what was read, in order, so a test or a benchmark can count it); the term
files a word needs are found from the manifest's first terms alone (a term:
the last file whose first term is not after it; a prefix: that file and
every following one whose first term starts with it); a period of days is a
range of story numbers. A manifest of another format, or one that does not
name the store's fields, is a ``SiteError`` that says to build again.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import SiteError
from generator.search.index_files import FORMAT, HASH, MANIFEST, file_name, unpack
from generator.search.store import SearchDocument, check_fields, read_row


@dataclass(frozen=True)
class Filters:
    section: str | None = None
    city: str | None = None  # the place's name or one of its other names
    date_from: str | None = None  # YYYY-MM-DD, inclusive
    date_to: str | None = None


def _split(hashes: str) -> list[str]:
    return [hashes[start : start + HASH] for start in range(0, len(hashes), HASH)]


@dataclass
class SearchIndex:
    folder: Path
    manifest: dict[str, Any] = field(init=False)
    fetched: list[str] = field(default_factory=list)
    _files: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.manifest = json.loads((self.folder / MANIFEST).read_text("utf-8"))
        if self.manifest.get("format") != FORMAT:
            raise SiteError(
                f"expected a search manifest of format {FORMAT} in {self.folder}, "
                f"found format {self.manifest.get('format')!r}; build the site again"
            )
        self.fields = check_fields(self.manifest.get("fields"))
        self.first_terms: list[str] = [str(term) for term in self.manifest["terms"]["first"]]
        self.term_files = _split(str(self.manifest["terms"]["files"]))
        self.record_files = _split(str(self.manifest["docs"]["files"]))
        self.body_files = _split(str(self.manifest["docs"]["bodies"]))
        self.per_file = int(self.manifest["docs"]["size"])
        self.total = int(self.manifest["total"])

    def read(self, name: str) -> Any:
        """A file of the index, read once."""
        if name not in self._files:
            self.fetched.append(name)
            self._files[name] = unpack((self.folder / name).read_bytes())
        return self._files[name]

    def positions(self, term: str, prefix: bool) -> range:
        """The term files that may hold ``term`` (or, as a prefix, the terms it
        begins); none in an empty archive."""
        if not self.first_terms:
            return range(0)
        start = max(bisect.bisect_right(self.first_terms, term) - 1, 0)
        end = start + 1
        while prefix and end < len(self.first_terms) and self.first_terms[end].startswith(term):
            end += 1
        return range(start, end)

    def _chunk(self, position: int) -> dict[str, list[int]]:
        chunk: dict[str, list[int]] = self.read(file_name("terms", self.term_files[position]))
        return chunk

    def postings(self, term: str) -> list[tuple[int, int]]:
        """(story number, weight) of every story holding ``term``."""
        found: list[tuple[int, int]] = []
        for position in self.positions(term, prefix=False):
            found += decode(self._chunk(position).get(term, []))
        return found

    def prefixed(self, prefix: str) -> list[tuple[int, int]]:
        """(story number, weight) for every term that starts with ``prefix``."""
        found: list[tuple[int, int]] = []
        for position in self.positions(prefix, prefix=True):
            for term, flat in self._chunk(position).items():
                if term.startswith(prefix):
                    found += decode(flat)
        return found

    def record(self, number: int) -> SearchDocument:
        rows = self.read(file_name("docs", self.record_files[number // self.per_file]))
        return read_row(self.fields, rows[number % self.per_file])

    def body(self, number: int) -> str:
        """The story's body text (for its snippet)."""
        bodies = self.read(file_name("bodies", self.body_files[number // self.per_file]))
        return str(bodies[number % self.per_file])

    def words(self) -> Counter[str]:
        """The archive's words, for corrections."""
        return Counter(self.read(file_name("words", str(self.manifest["words"]))))

    def facets(self) -> dict[str, Any]:
        facets: dict[str, Any] = self.read(file_name("facets", str(self.manifest["facets"])))
        return facets

    def numbers(self, filters: Filters) -> range:
        """The story numbers of the period ``filters`` asks for: stories are
        numbered newest first, so a period is one range."""
        days = self.manifest["days"]
        to, since = filters.date_to, filters.date_from
        start = next((int(n) for day, n in days if not to or day <= to), self.total)
        end = next((int(n) for day, n in days if since and day < since), self.total)
        return range(start, max(start, end))

    def admits(self, filters: Filters) -> Any:
        """A test of a story number against the section and place filters."""
        if not (filters.section or filters.city):
            return lambda number: True
        facets = self.facets()
        width = len(facets["cities"]) + 1
        sections = {name: position for position, name in enumerate(facets["sections"])}
        cities = {name: position for position, name in enumerate(facets["cities"])}
        city = facets["aliases"].get(filters.city, filters.city)
        section_code = sections.get(filters.section or "", -1)
        city_code = cities.get(city or "", -2)

        def admits(number: int) -> bool:
            code = facets["doc"][number]
            return (not filters.section or code // width == section_code) and (
                not filters.city or code % width - 1 == city_code
            )

        return admits


def decode(flat: list[int]) -> list[tuple[int, int]]:
    """``[gap, weight, gap, weight, ...]`` as ``[(number, weight), ...]``."""
    pairs, number = [], 0
    for position in range(0, len(flat) - 1, 2):
        number += flat[position]
        pairs.append((number, flat[position + 1]))
    return pairs
