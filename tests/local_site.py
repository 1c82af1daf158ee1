"""A built site served on localhost, and Debian's chromium to look at it.

Shared by the browser tests, the site tests and ``make screenshots``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from generator.storage import gunzipped

ROOT = Path(__file__).resolve().parent.parent

# As the machine's notes advise: without the background-networking flags,
# chromium keeps trying to reach outside hosts that this machine refuses.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing address gets the site's 404.html (status 404), as GitHub
        Pages answers: the one at the root, or the project site's own."""
        page = self._not_found_page() if code == 404 else None
        if page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _not_found_page(self) -> Path | None:
        first = self.path.lstrip("/").split("/", 1)[0]
        for folder in (Path(self.directory), Path(self.directory) / first):
            if (folder / "404.html").is_file() and folder.resolve().is_relative_to(
                Path(self.directory).resolve()
            ):
                return folder / "404.html"
        return None


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """``http://127.0.0.1:PORT`` serving ``directory`` until the block ends."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def launch_chromium(playwright: Any) -> Any:
    executable = shutil.which("chromium")
    assert executable, "Debian's chromium is needed: 'make browser' installs it"
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)


@dataclasses.dataclass(frozen=True)
class BuiltSite:
    content: Path
    output: Path
    log: str = ""  # what the build printed (stdout, then stderr)


def build_site(content: Path, root: Path, *settings: str) -> BuiltSite:
    """``content`` built by a real Pelican with our settings into ``root/output``
    (its caches in ``root/cache``); warnings are errors. ``settings``: more
    ``NAME=json`` overrides for Pelican's ``-e``."""
    output = root / "output"
    command = [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-q"]
    command += ["-s", str(ROOT / "pelicanconf.py"), "--fatal", "warnings"]
    command += ["-e", f'CACHE_PATH="{root / "cache"}"', *settings]
    built = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stdout + built.stderr
    return BuiltSite(content, output, built.stdout + built.stderr)


def readable_bytes(path: Path) -> bytes:
    """A built file's bytes as a reader gets them: the site stores its search
    index and sitemap parts gzipped, so a check for what a page or file says
    must look inside them."""
    return gunzipped(path.read_bytes())
