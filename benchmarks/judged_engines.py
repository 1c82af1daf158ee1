"""The two engines on the judged set (benchmarks, engines): one built site, ours and Pagefind.

Promises:
- ``build`` writes the set as content files and builds it with Pelican and our
  plugin into ``work/output`` (warnings are errors), then indexes the same
  output with Pagefind: only the story pages (``YYYY/MM/DD/slug/index.html``),
  only their ``<main>`` (headline, date line, lead and body; not the menus),
  as Dutch;
- ``ours`` answers each query with ``generator.search.query.search`` over the
  index the build wrote (``search/``: split by term, over headline, place,
  section, lead and body; exactly the browser's hits), ``pagefind`` with
  Pagefind's own JavaScript API in headless Chromium; both give each need's
  first ten hits as story ids.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from benchmarks.judged_set import JudgedStory, Need, story_of_url, write_content
from benchmarks.pile import ROOT
from generator.search.query import search
from generator.search.reader import SearchIndex
from tests.local_site import build_site, launch_chromium, serve

TOP = 10
PAGEFIND = ROOT / "node_modules" / ".bin" / "pagefind"
STORY_PAGES = "20*/*/*/*/index.html"
QUERY_PAGE = "judged-pagefind.html"
# A page without the site's Content-Security-Policy, which would not let Pagefind's WebAssembly run.
PAGE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>judged</title></head>
<body><script type="module">
window.topUrls = async (queries, top) => {
  const pagefind = await import("./pagefind/pagefind.js");
  const answers = [];
  for (const query of queries) {
    const found = await pagefind.search(query);
    const data = await Promise.all(found.results.slice(0, top).map((result) => result.data()));
    answers.push(data.map((page) => page.url));
  }
  return answers;
};
</script></body></html>
"""


def build(work: Path, stories: list[JudgedStory]) -> Path:
    """The built site's output folder, searchable by both engines."""
    content = work / "content"
    write_content(content, stories)
    output = build_site(content, work).output
    command = [str(PAGEFIND), "--site", str(output), "--glob", STORY_PAGES]
    command += ["--root-selector", "main", "--force-language", "nl", "--quiet"]
    subprocess.run(command, check=True, capture_output=True, text=True)
    (output / QUERY_PAGE).write_text(PAGE, "utf-8")
    return output


def ours(output: Path, needs: list[Need]) -> dict[str, list[str]]:
    index = SearchIndex(output / "search")
    return {
        need.id: [
            story_of_url(index.record(hit.number).url)
            for hit in search(index, need.query).hits[:TOP]
        ]
        for need in needs
    }


def pagefind(output: Path, needs: list[Need]) -> dict[str, list[str]]:
    with sync_playwright() as playwright, serve(output) as base:
        browser = launch_chromium(playwright)
        try:
            urls = _pagefind_urls(browser, f"{base}/{QUERY_PAGE}", [n.query for n in needs])
        finally:
            browser.close()
    return {
        need.id: [story_of_url(url) for url in found]
        for need, found in zip(needs, urls, strict=True)
    }


def _pagefind_urls(browser: Any, page_url: str, queries: list[str]) -> list[list[str]]:
    page = browser.new_page()
    page.goto(page_url)
    page.wait_for_function("() => typeof window.topUrls === 'function'")
    urls: list[list[str]] = page.evaluate("([q, top]) => window.topUrls(q, top)", [queries, TOP])
    page.close()
    return urls
