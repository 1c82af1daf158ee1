"""Search, index build (full text): postings split by term, records by story number.

Stage: site build (work in progress for issue 16: not wired into the site yet;
``docs/search-fulltext.md`` says where it goes).

Promises: ``build_fulltext`` makes, from the stories newest first (each a
store ``SearchDocument`` and its body text), the files of an index a query can
read a few at a time: term chunks holding every posting of consecutive terms
(story number and integer weight, negative when the term is in the headline),
record chunks of ``DOCS_PER_FILE`` stories, and a manifest listing them with
each local day's first story. Weights are Lunr's BM25 over the fields with
Lunr's boosts, times 100, rounded: integers, which both languages add alike.
The same stories always give the same files, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from generator.search.pipeline import fold, index_terms, stop_words, trim
from generator.search.store import FIELDS, SearchDocument, store_row
from generator.search.suggest import vocabulary
from generator.search.words import SEPARATOR

FORMAT = 4
BOOSTS = {"title": 10, "city": 5, "section": 2, "lead": 1, "body": 1}
K1, B = 1.2, 0.75  # lunr's
SCALE = 100
CHUNK_BYTES = 48_000
DOCS_PER_FILE = 16


@dataclass(frozen=True)
class FullDocument:
    record: SearchDocument
    body: str


def field_texts(document: FullDocument) -> dict[str, str]:
    record = document.record
    city = " ".join([record.city, *record.aliases()])
    return {
        "title": record.title,
        "city": city,
        "section": record.section,
        "lead": record.lead,
        "body": document.body,
    }


STOP_MARK = "~"  # a headline's stop word, as a term of its own: "~de"


def field_terms(text: str, *, headline: bool = False) -> list[str]:
    """A field's terms; a headline's stop words too, marked, so a query of
    stop words only (``alles of niets``) finds the headlines that hold it."""
    terms: list[str] = []
    for word in SEPARATOR.split(text.lower()):
        found = index_terms(word)
        if found:
            terms += found
        elif headline and (trimmed := trim(word)) in stop_words():
            terms.append(STOP_MARK + fold(trimmed))  # as a query's word: folded
    return terms


def postings(documents: list[FullDocument]) -> dict[str, list[tuple[int, int]]]:
    """term -> [(story number, weight)], story numbers ascending."""
    counted: list[dict[str, Counter[str]]] = []
    lengths: dict[str, list[int]] = defaultdict(list)
    holding: Counter[str] = Counter()
    for document in documents:
        fields = {
            name: Counter(field_terms(text, headline=name == "title"))
            for name, text in field_texts(document).items()
        }
        counted.append(fields)
        for name, terms in fields.items():
            lengths[name].append(sum(terms.values()))
        holding.update(set().union(*(terms.keys() for terms in fields.values())))
    average = {name: (sum(found) / len(found)) or 1.0 for name, found in lengths.items()}
    total = len(documents)
    made: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for number, fields in enumerate(counted):
        weights: dict[str, float] = defaultdict(float)
        for name, terms in fields.items():
            length = sum(terms.values())
            for term, frequency in terms.items():
                weights[term] += BOOSTS[name] * _bm25(frequency, length, average[name])
        for term, weight in weights.items():
            scaled = max(1, round(weight * _idf(holding[term], total) * SCALE))
            made[term].append((number, -scaled if term in fields["title"] else scaled))
    return made


def _bm25(frequency: int, length: int, average: float) -> float:
    return (K1 + 1) * frequency / (K1 * (1 - B + B * length / average) + frequency)


def _idf(holding: int, total: int) -> float:
    return math.log(1 + abs((total - holding + 0.5) / (holding + 0.5)))


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _named(folder: str, number: int, text: str) -> str:
    return f"{folder}/{number:04d}.{hashlib.sha256(text.encode()).hexdigest()[:10]}.json"


def term_chunks(made: dict[str, list[tuple[int, int]]]) -> list[tuple[str, str]]:
    """(first term, JSON text) of each chunk, in term order."""
    chunks: list[tuple[str, str]] = []
    current: dict[str, list[int]] = {}
    size = 0
    for term in sorted(made):
        flat: list[int] = []
        previous = 0
        for number, weight in made[term]:
            flat += [number - previous, weight]
            previous = number
        current[term] = flat
        size += len(term) + 4 * len(flat)
        if size >= CHUNK_BYTES:
            chunks.append((next(iter(current)), _dump(current)))
            current, size = {}, 0
    if current:
        chunks.append((next(iter(current)), _dump(current)))
    return chunks


def build_fulltext(documents: list[FullDocument]) -> tuple[dict[str, object], dict[str, str]]:
    """The manifest and the files (name -> text) of the index of ``documents``
    (newest first: a story's number is its place in this list)."""
    files: dict[str, str] = {}
    terms = []
    for number, (first, text) in enumerate(term_chunks(postings(documents))):
        name = _named("terms", number, text)
        files[name] = text
        terms.append([first, name])
    docs = []
    for number, start in enumerate(range(0, len(documents), DOCS_PER_FILE)):
        rows = [store_row(d.record) for d in documents[start : start + DOCS_PER_FILE]]
        text = _dump(rows)
        name = _named("docs", number, text)
        files[name] = text
        docs.append(name)
    facets = _dump(story_facets(documents))
    files[facets_name := _named("facets", 0, facets)] = facets
    words = _dump(dict(sorted(archive_words(documents).items())))
    files[words_name := _named("words", 0, words)] = words
    manifest: dict[str, object] = {
        "format": FORMAT,
        "fields": list(FIELDS),
        "total": len(documents),
        "boosts": BOOSTS,
        "terms": terms,
        "docs": {"size": DOCS_PER_FILE, "files": docs},
        "days": first_of_each_day(documents),
        "facets": facets_name,
        "words": words_name,
    }
    return manifest, files


def archive_words(documents: list[FullDocument]) -> Counter[str]:
    """The words "Bedoelde u ...?" offers (``suggest``): those of headlines,
    leads and places, and the body's that occur more than once."""
    shown = vocabulary(f"{d.record.title} {d.record.lead} {d.record.city}" for d in documents)
    body = vocabulary(d.body for d in documents)
    return shown + Counter({word: count for word, count in body.items() if count > 1})


def story_facets(documents: list[FullDocument]) -> dict[str, object]:
    """The section and place of every story, as one number each (for the
    filters, without the records): ``section * (places + 1) + place + 1``."""
    sections = sorted({d.record.section for d in documents})
    cities = sorted({d.record.city for d in documents if d.record.city})
    section_of = {name: position for position, name in enumerate(sections)}
    city_of = {name: position for position, name in enumerate(cities)}
    width = len(cities) + 1
    codes = [
        section_of[d.record.section] * width + city_of.get(d.record.city, -1) + 1 for d in documents
    ]
    aliases = {alias: d.record.city for d in documents for alias in d.record.aliases()}
    return {"sections": sections, "cities": cities, "aliases": aliases, "doc": codes}


def first_of_each_day(documents: list[FullDocument]) -> list[list[object]]:
    """[day, first story number] for each local day, newest first."""
    days: list[list[object]] = []
    for number, document in enumerate(documents):
        if not days or days[-1][0] != document.record.day:
            days.append([document.record.day, number])
    return days
