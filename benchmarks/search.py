"""``make bench`` (search part): our index split by term beside Pagefind, on the same sites.

For 1,000 and 10,000 synthetic stories (and 100,000 with BENCH_FULL=1):
- index build: ours (``benchmarks.search_build``, in its own process: time
  and peak memory) and Pagefind's (``pagefind --site``, time);
- in headless Chromium, from the first keystroke of a query: the bytes
  fetched before the first result appears (counted gzipped, as a web server
  sends them), the time to that first result (ours: the first item of
  ``#search-results``, which the search page fills as soon as the worker's
  "results" message is in), and then the median time per query once the
  index is open (ours: from asking the worker to its "results" message,
  ``assets/our-timer.js``, the snippets then let in untimed; Pagefind's: to
  its first result's data).

Both search the same thing: every story page holds its title, lead, city,
section and body (the paragraphs after the dateline's), which is what our
index holds; Pagefind indexes those pages.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from benchmarks.measure import sent_size
from benchmarks.pile import ROOT
from benchmarks.synthetic import synthetic_items
from generator.content.files import relative_path
from generator.model import WireItem
from tests.local_site import launch_chromium, serve

QUERIES = [
    "rotterdam haven",
    "brand",
    "kabinet plan",
    "utrecht trein",
    "storm",
    "rellen",
    "minister begroting",
]
ASSETS = Path(__file__).parent / "assets"
PAGE = (ASSETS / "story.html").read_text("utf-8")  # one story, as Pagefind sees it
PAGEFIND_PAGE = (ASSETS / "pagefind.html").read_text("utf-8")  # a search box on Pagefind's API
SHOWN = 20  # the results a search page asks for at first (search-page.js: PAGE)
OUR_TIMER = (ASSETS / "our-timer.js").read_text("utf-8").split("\n", 1)[1]
# (heading, width, decimals); "pf" columns are Pagefind's.
COLUMNS = [
    ("stories", 10, 0), ("build s", 8, 1), ("peak MB", 8, 0), ("first KB", 9, 0), ("first s", 8, 2),
    ("key ms", 7, 0), ("ms", 6, 1), ("pf build s", 11, 1), ("pf KB", 7, 0), ("pf first s", 11, 2),
    ("pf key ms", 10, 0), ("pf ms", 7, 1),
]  # fmt: skip


def table_row(values: list[Any]) -> str:
    cells = []
    for (_, width, decimals), value in zip(COLUMNS, values, strict=True):
        shown = value if isinstance(value, str) else f"{value:,.{decimals}f}"
        cells.append(f"{shown:>{width}}")
    return "".join(cells)


def _sample_site(work: Path) -> Path:
    """The sample archive built once: its search page, theme and vendored scripts."""
    output = work / "sample"
    command = [sys.executable, "-m", "pelican", str(ROOT / "content"), "-o", str(output), "-q"]
    subprocess.run([*command, "-s", str(ROOT / "pelicanconf.py")], check=True, cwd=ROOT)
    return output


def story_page(item: WireItem) -> str:
    """The story's page for Pagefind: what our index holds of it, in ``<main>``."""
    body = "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in item.paragraphs[1:])
    return PAGE.format(
        title=html.escape(item.title),
        lead=html.escape(item.summary),
        city=html.escape(item.city or ""),
        section=html.escape(item.section),
        body=body,
    )


def build_site(count: int, site: Path, sample: Path) -> dict[str, float]:
    for part in ("theme", "vendor", "zoeken"):
        shutil.copytree(sample / part, site / part)
    for item in synthetic_items(count):
        page = site / relative_path(item, item.slug or item.id).with_suffix("") / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(story_page(item), "utf-8")
    ours = subprocess.run(
        [sys.executable, "-m", "benchmarks.search_build", str(count), str(site)],
        check=True, capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    built: dict[str, float] = json.loads(ours.stdout)
    start = time.perf_counter()
    pagefind = ROOT / "node_modules" / ".bin" / "pagefind"
    subprocess.run([str(pagefind), "--site", str(site), "--quiet"], check=True, capture_output=True)
    built["pagefind_seconds"] = time.perf_counter() - start
    (site / "pagefind.html").write_text(PAGEFIND_PAGE, "utf-8")
    return built


def _gzip_size(site: Path, url: str, base: str) -> int:
    path = site / url.removeprefix(base).lstrip("/").split("?")[0]
    if path.is_dir():
        path = path / "index.html"
    if not path.is_file():
        return 0
    return sent_size(path.read_bytes())


WATCH = """selector => {
    let keyed = null;  // the page's clock at the first key after this
    document.addEventListener("keydown", () => { keyed = keyed ?? performance.now(); },
                              {capture: true, once: true});
    return {shown: new Promise(resolve => {
        const done = () => { window.resultShown(); resolve(performance.now() - keyed); };
        new MutationObserver((changes, observer) => {
            if (document.querySelector(selector)) { observer.disconnect(); done(); }
        }).observe(document.body, {childList: true, subtree: true, attributes: true});
    })};
}"""  # an object holding the promise: evaluate_handle would wait for a bare one


def answered(results: str, query: str, item: bool = True) -> str:
    """The selector of the list once it shows the answer to ``query`` (with a
    result; else, settled: ours with the whole page of results in)."""
    settled = "" if item or results != "#search-results" else '[data-complete="true"]'
    return f"{results}[data-answered={json.dumps(query)}]{settled}" + (" li" if item else "")


class Page:
    """A search page in a fresh browser context, told by the page itself (a
    MutationObserver calling back into this process) when a list is shown."""

    def __init__(self, browser: Any, url: str, field: str, results: str) -> None:
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.moments: list[float] = []
        self.page.expose_function("resultShown", lambda: self.moments.append(time.perf_counter()))
        self.page.goto(url)
        self.page.wait_for_load_state("networkidle")
        self.field, self.results = self.page.locator(field), results

    def shown_after(self, selector: str, act: Any) -> tuple[float, float]:
        """Do ``act`` (keys); when ``selector`` then matched: this process's
        clock, and the page's milliseconds since the first key."""
        watching = self.page.evaluate_handle(WATCH, selector)
        act()
        since_key: float = self.page.evaluate("watching => watching.shown", watching)
        return self.moments[-1], since_key


def first_result(
    browser: Any, site: Path, base: str, page_url: str, field: str, results: str
) -> tuple[float, int, float]:
    """Cold, from the first keystroke of the first query (the page's own
    clock, from its keydown event to the result in its document): seconds to its first
    result and the gzipped bytes of the requests made before that result was
    shown (ours: not the snippets' bodies asked for once it is; Pagefind's: not
    the fragments of earlier searches' results still arriving); then warm,
    the median milliseconds from the last keystroke of each other query to
    its first result (the words before it typed and answered first, the
    page settled: ours with the whole page of those results in)."""
    page = Page(browser, f"{base}/{page_url}", field, results)
    fetched: list[tuple[float, str]] = []
    page.context.on("request", lambda request: fetched.append((time.perf_counter(), request.url)))
    type_first = lambda: page.field.press_sequentially(QUERIES[0], delay=5)  # noqa: E731
    shown, first_ms = page.shown_after(answered(results, QUERIES[0]), type_first)
    size = sum(
        _gzip_size(site, url, base) for url in {u for moment, u in fetched if moment <= shown}
    )
    keys = []
    for query in QUERIES[1:]:
        page.shown_after(
            answered(results, query[:-1], item=False), lambda q=query: page.field.fill(q[:-1])
        )
        last_key = lambda q=query: page.field.press(q[-1])  # noqa: E731
        keys.append(page.shown_after(answered(results, query), last_key)[1])
    page.context.close()
    return first_ms / 1000, size, sorted(keys)[len(keys) // 2]


ROUNDS = 3  # cold and warm runs of each engine, taken in turns: medians


def alternating(browser: Any, site: Path, base: str) -> tuple[list[float], list[float]]:
    """``first_result`` of ours and Pagefind's, in turns, ``ROUNDS`` times
    each: the median of each figure (a busy moment hits both alike)."""
    runs: dict[str, list[tuple[float, int, float]]] = {"ours": [], "theirs": []}
    for _ in range(ROUNDS):
        runs["ours"].append(
            first_result(browser, site, base, "zoeken/", "#search-input", "#search-results")
        )
        runs["theirs"].append(first_result(browser, site, base, "pagefind.html", "#q", "#results"))
    return _medians(runs["ours"]), _medians(runs["theirs"])


def _medians(runs: list[tuple[float, int, float]]) -> list[float]:
    return [sorted(values)[len(values) // 2] for values in zip(*runs, strict=True)]


def per_query(browser: Any, base: str, ours: bool) -> float:
    """Milliseconds per query once the index is open (the median of the queries)."""
    page = browser.new_page()
    if ours:
        page.goto(f"{base}/zoeken/")
        times = page.evaluate(OUR_TIMER, [QUERIES, SHOWN])
    else:
        page.goto(f"{base}/pagefind.html")
        page.locator("#q").fill("haven")
        page.locator("#q").dispatch_event("input")
        page.wait_for_function("() => document.querySelectorAll('#results li').length > 0")
        times = [page.evaluate("q => window.timeQuery(q)", query) for query in QUERIES]
    page.close()
    median: float = sorted(times)[len(times) // 2]
    return median


def measure_search() -> list[str]:
    sizes = [1_000, 10_000] + ([100_000] if os.environ.get("BENCH_FULL") == "1" else [])
    work = Path(tempfile.mkdtemp(prefix="wire-search-bench-"))
    rows = [table_row([name for name, _, _ in COLUMNS])]
    try:
        sample = _sample_site(work)
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for count in sizes:
                site = work / f"site-{count}"
                built = build_site(count, site, sample)
                with serve(site) as base:
                    ours, theirs = alternating(browser, site, base)
                    ours_ms = per_query(browser, base, True)
                    theirs_ms = per_query(browser, base, False)
                values = [
                    count,
                    built["seconds"],
                    built["peak_mb"],
                    ours[1] / 1024,
                    ours[0],
                    ours[2],
                    ours_ms,
                ]
                values += [built["pagefind_seconds"], theirs[1] / 1024, theirs[0], theirs[2]]
                values += [theirs_ms]
                rows.append(table_row(values))
                shutil.rmtree(site, ignore_errors=True)
            browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return rows


if __name__ == "__main__":
    print("\n".join(measure_search()))
