"""One search index build, alone in its process so its peak memory can be read.

    python -m benchmarks.search_build COUNT FOLDER

writes FOLDER/search (the manifest and the index split by term, with records
and bodies: ``generator.search.index_files``) for COUNT synthetic stories,
newest first, over headline, place, section, lead and body (the paragraphs
after the first, the dateline's, as ``generator.site.search_index.body_text``
takes them), and prints {"seconds": ..., "peak_mb": ..., "bytes": ...,
"gzip_bytes": ..., "files": ..., "rebuild_seconds": ...}: the first build
(writing its files included), its peak memory, the bytes of its files (and
gzipped, as a server sends them) and how many there are. The rebuild is the
build after a day's wire (150 more stories), into a copy of the first build's
folder: there is nothing to take over any more, so the index is built again
from scratch, as the site build does; only a file whose name (its content's
hash) is already there is not written again.
"""

from __future__ import annotations

import json
import resource
import shutil
import sys
import time
from pathlib import Path

from benchmarks.measure import sent_size
from benchmarks.synthetic import synthetic_items
from generator.addresses import day_key
from generator.content.files import relative_path
from generator.search.index_files import MANIFEST, build_index, dump
from generator.search.store import SearchDocument
from generator.search.weights import FullDocument
from generator.site.templating import nl_datetime

DAY = 150  # a day's wire in the synthetic archive


def documents(count: int) -> list[FullDocument]:
    """``count`` synthetic stories as the index takes them, newest first."""
    made = [
        FullDocument(
            SearchDocument(
                url=relative_path(item, item.slug or item.id).with_suffix("").as_posix() + "/",
                title=item.title,
                lead=item.summary,
                city=item.city or "",
                section=item.section,
                date=item.date.isoformat(),
                date_text=nl_datetime(item.date, item.date_precision),
                day=day_key(item.date),
            ),
            body_of(item.paragraphs),
        )
        for item in synthetic_items(count)
    ]
    made.sort(key=lambda document: document.record.date, reverse=True)
    return made


def body_of(paragraphs: list[str]) -> str:
    """The body as the site indexes it: the paragraphs after the dateline's, one a line."""
    return "\n".join(paragraphs[1:])


def write_index(target: Path, docs: list[FullDocument]) -> int:
    """Build the index of ``docs`` into ``target`` as the site build does: a
    file already there (same name, same content) is left alone. The files
    the index names."""
    names: set[str] = set()

    def write(name: str, data: bytes) -> None:
        names.add(name)
        path = target / name
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)

    manifest = build_index(docs, write)
    (target / MANIFEST).write_text(dump(manifest), "utf-8")
    return len(names) + 1


def main() -> None:
    count, folder = int(sys.argv[1]), Path(sys.argv[2])
    target = folder / "search"
    docs = documents(count)
    start = time.perf_counter()
    files = write_index(target, docs)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    data = [path.read_bytes() for path in sorted(target.rglob("*.json*"))]
    sizes = {"bytes": sum(map(len, data)), "gzip_bytes": sum(map(sent_size, data))}
    del data
    grown = documents(count + DAY)
    again = folder / "search-again"  # a copy: the first build's folder stays as measured
    shutil.copytree(target, again)
    start = time.perf_counter()
    write_index(again, grown)
    rebuild = time.perf_counter() - start
    shutil.rmtree(again)
    built = {"seconds": seconds, "peak_mb": peak, **sizes, "files": files}
    print(json.dumps({**built, "rebuild_seconds": rebuild}))


if __name__ == "__main__":
    main()
