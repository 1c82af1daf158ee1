"""``make screenshots``: pictures of the built sample site for the README.

Builds content/ into a temporary folder, serves it on localhost and takes
screenshots with Debian's chromium (driven by Playwright) of the home, month,
places (map), story and search pages, at desktop and phone width, into
docs/screenshots/.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.local_site import launch_chromium, serve

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "screenshots"
PAGES = {
    "home": "",
    "month": "2025/03/",
    "places-map": "plaats/",
    "story": None,  # the first story of 29 March 2025
    "search": "zoeken/?q=haven",
}
DEVICES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def main() -> None:
    site = Path(tempfile.mkdtemp(prefix="wire-shots-"))
    command = [sys.executable, "-m", "pelican", str(ROOT / "content"), "-o", str(site)]
    subprocess.run([*command, "-s", str(ROOT / "pelicanconf.py"), "-q"], check=True, cwd=ROOT)
    story = next(p for p in sorted((site / "2025" / "03" / "29").iterdir()) if p.is_dir())
    TARGET.mkdir(parents=True, exist_ok=True)
    try:
        with serve(site) as host, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for device, viewport in DEVICES.items():
                page = browser.new_page(viewport=viewport)
                for name, url in PAGES.items():
                    path = url if url is not None else f"2025/03/29/{story.name}/"
                    page.goto(f"{host}/{path}")
                    page.wait_for_load_state("networkidle")
                    if name == "search":
                        page.wait_for_selector("#search-results li")
                    page.screenshot(path=str(TARGET / f"{name}-{device}.png"))
                page.close()
            browser.close()
    finally:
        shutil.rmtree(site, ignore_errors=True)
    print(f"screenshots written to {TARGET.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
