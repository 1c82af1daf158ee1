"""One search index build, alone in its process so its peak memory can be read.

    python -m benchmarks.search_build COUNT FOLDER

writes FOLDER/search (manifest and monthly shards) for COUNT synthetic stories
and prints {"seconds": ..., "peak_mb": ..., "bytes": ..., "gzip_bytes": ...,
"rebuild_seconds": ...}; the last is a rebuild after a day's wire (150 more
stories) that takes over the shards whose stories did not change.
"""

from __future__ import annotations

import gzip
import json
import resource
import sys
import time
from pathlib import Path

from benchmarks.synthetic import synthetic_items
from generator.addresses import day_key
from generator.content.files import relative_path
from generator.search.shards import MANIFEST, build_shards, dump
from generator.search.store import SearchDocument
from generator.site.templating import nl_datetime

DAY = 150  # a day's wire in the synthetic archive


def documents(count: int) -> list[SearchDocument]:
    return [
        SearchDocument(
            url=relative_path(item, item.slug or item.id).with_suffix("").as_posix() + "/",
            title=item.title,
            lead=item.summary,
            city=item.city or "",
            section=item.section,
            date=item.date.isoformat(),
            date_text=nl_datetime(item.date, item.date_precision),
            day=day_key(item.date),
        )
        for item in synthetic_items(count)
    ]


def main() -> None:
    count, folder = int(sys.argv[1]), Path(sys.argv[2])
    docs = documents(count)
    start = time.perf_counter()
    manifest, files = build_shards(docs)
    seconds = time.perf_counter() - start
    target = folder / "search"
    target.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (target / name).write_text(text, "utf-8")
    (target / MANIFEST).write_text(dump(manifest), "utf-8")
    sizes = [len(text.encode()) for text in files.values()]
    packed = [len(gzip.compress(text.encode(), 6)) for text in files.values()]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    built = {entry["digest"]: files[entry["file"]] for entry in manifest["shards"]}
    grown = docs + documents(count + DAY)[count:]
    start = time.perf_counter()
    build_shards(grown, reuse=built.get)
    rebuild = time.perf_counter() - start
    sizes_out = {"bytes": sum(sizes), "gzip_bytes": sum(packed)}
    print(
        json.dumps({"seconds": seconds, "peak_mb": peak, **sizes_out, "rebuild_seconds": rebuild})
    )


if __name__ == "__main__":
    main()
