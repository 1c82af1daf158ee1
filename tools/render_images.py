"""The theme's default images, drawn anew: what shows when a story is shared.

Stories carry no pictures, so every page offers the site's own: a card with
the site's name, its subtitle and the mark of ``favicon.svg``, in the
theme's colours (read from ``style.css``), as ``og:image`` (1200x630) and as
the JSON-LD ``image`` in the three aspect ratios Google's Article
documentation asks for (16x9, 4x3, 1x1, each 1200 px wide); and the mark
alone, full bleed, as the publisher's logo (512x512). Each is an HTML page
rendered by Debian's headless chromium (``--screenshot``), nothing fetched;
the PNGs go to ``themes/wire/static/images/``, which the build copies to
``output/theme/images/``.

    python -m tools.render_images [--out DIR] [--name TEXT] [--tagline TEXT]

The name and tagline default to ``SITENAME`` and ``SITESUBTITLE`` of
``pelicanconf.py``. Text is set in the theme's fonts (Georgia, else the
machine's serif: DejaVu Serif on Debian), so another machine may draw it
slightly differently; the images are committed, so the site does not depend
on it.
"""

from __future__ import annotations

import argparse
import html
import re
import runpy
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

from tests.local_site import CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parent.parent
THEME_STATIC = ROOT / "themes" / "wire" / "static"
TARGET = THEME_STATIC / "images"
SHARE_SIZES = [(1200, 630), (1200, 675), (1200, 900), (1200, 1200)]
LOGO_SIZE = 512
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def share_name(width: int, height: int) -> str:
    return f"share-{width}x{height}.png"


def logo_name(size: int = LOGO_SIZE) -> str:
    return f"logo-{size}.png"


def palette(css: str) -> dict[str, str]:
    """The light theme's colours: the custom properties of the first ``:root``."""
    block = css[css.index(":root") : css.index("}", css.index(":root"))]
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,8})\s*;", block))


def tagline_html(tagline: str) -> str:
    """The tagline as HTML, broken after its first comma (``Nieuws van de
    draad,`` / ``per dag, plaats en rubriek``); one without is balanced by the
    browser."""
    head, comma, tail = tagline.partition(", ")
    if not comma:
        return html.escape(tagline)
    return f"{html.escape(head)},<br>{html.escape(tail)}"


def share_page(width: int, height: int, name: str, tagline: str, mark: str, css: str) -> str:
    """The share card at ``width`` x ``height``: mark beside the name when wide,
    above it when not; everything scaled with the card, centred, with room
    around it for the crops sites make."""
    colours = palette(css)
    wide = width / height >= 1.5
    # 1 at the og:image size and 16x9 (wide) and at 4x3 (stacked); the square larger.
    unit = min(height / 630, width / 1200) if wide else min(height / 900, width / 1000)
    mark_size = round((210 if wide else 240) * unit)
    return f"""<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><style>
html, body {{ margin: 0; width: {width}px; height: {height}px; overflow: hidden; }}
body {{
  background: {colours["bg"]}; color: {colours["fg"]};
  display: flex; flex-direction: column;
}}
main {{
  flex: 1; display: flex; align-items: center; justify-content: center;
  flex-direction: {"row" if wide else "column"}; gap: {round(56 * unit)}px;
  padding: 0 {round(80 * unit)}px;
  text-align: {"left" if wide else "center"};
}}
.mark {{ width: {mark_size}px; height: {mark_size}px; flex: none; }}
.mark svg {{ width: 100%; height: 100%; display: block; }}
h1 {{
  margin: 0; font: bold {round(104 * unit)}px/1.05 Georgia, "Times New Roman", serif;
  letter-spacing: -0.01em; white-space: nowrap;
}}
.rule {{
  height: {round(6 * unit)}px; width: {round(120 * unit)}px; background: {colours["accent"]};
  margin: {round(26 * unit)}px {"0" if wide else "auto"};
}}
p {{
  margin: 0; max-width: {round(720 * unit)}px; color: {colours["muted"]}; text-wrap: balance;
  font: {round(34 * unit)}px/1.35 system-ui, "DejaVu Sans", sans-serif;
}}
footer {{ height: {round(18 * unit)}px; background: {colours["accent"]}; }}
footer::before {{
  content: ""; display: block; height: {round(4 * unit)}px; background: {colours["fg"]};
  transform: translateY(-{round(4 * unit)}px);
}}
</style></head><body>
<main>
  <div class="mark">{mark}</div>
  <div>
    <h1>{html.escape(name)}</h1>
    <div class="rule"></div>
    <p>{tagline_html(tagline)}</p>
  </div>
</main>
<footer></footer>
</body></html>
"""


def logo_page(size: int, mark: str, css: str) -> str:
    """The mark alone, full bleed: its own colour behind its rounded corners,
    so the logo is a square (sites round or crop it as they show logos), the
    lines well inside the circle a round crop keeps."""
    accent = palette(css)["accent"]
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><style>
html, body {{ margin: 0; width: {size}px; height: {size}px; overflow: hidden;
  background: {accent}; }}
svg {{ width: 100%; height: 100%; display: block; }}
</style></head><body>{mark}</body></html>
"""


def screenshot(chromium: str, page: str, width: int, height: int, target: Path) -> None:
    """``page`` rendered by headless chromium into the PNG ``target``."""
    with tempfile.TemporaryDirectory(prefix="wire-images-") as work:
        source = Path(work) / "page.html"
        source.write_text(page, "utf-8")
        shot = Path(work) / "shot.png"
        command = [
            chromium,
            "--headless",
            *CHROMIUM_FLAGS,
            f"--user-data-dir={Path(work) / 'profile'}",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--window-size={width},{height}",
            f"--screenshot={shot}",
            source.as_uri(),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=120)
        data = shot.read_bytes()
    found = png_size(data)
    if found != (width, height):
        raise RuntimeError(f"expected a {width}x{height} screenshot, chromium gave {found}")
    target.write_bytes(smaller_png(data))


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    if data[:8] != PNG_SIGNATURE or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    chunks, at = [], len(PNG_SIGNATURE)
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        chunks.append((data[at + 4 : at + 8], data[at + 8 : at + 8 + length]))
        at += 12 + length
    return chunks


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _unfilter(raw: bytes, width: int, height: int, channels: int) -> list[bytes]:
    """The rows of a non-interlaced 8-bit PNG, its filters undone."""
    stride, rows, previous = width * channels, [], bytearray(width * channels)
    for y in range(height):
        start = y * (stride + 1)
        kind, row = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            left = row[x - channels] if x >= channels else 0
            up, corner = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1:
                row[x] = (row[x] + left) & 0xFF
            elif kind == 2:
                row[x] = (row[x] + up) & 0xFF
            elif kind == 3:
                row[x] = (row[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                near = min((abs(guess - left), 0), (abs(guess - up), 1), (abs(guess - corner), 2))
                row[x] = (row[x] + (left, up, corner)[near[1]]) & 0xFF
        rows.append(bytes(row))
        previous = row
    return rows


def smaller_png(data: bytes) -> bytes:
    """The same picture, stored as small as the standard library can: opaque
    pixels as RGB, and as a palette when there are at most 256 colours (flat
    designs with anti-aliased text often are), compressed at zlib's level 9.
    Falls back to chromium's own PNG when it is not a plain 8-bit RGB(A)."""
    chunks = _chunks(data)
    header = chunks[0][1]
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    if depth != 8 or colour not in (2, 6) or interlace:
        return data
    channels = 4 if colour == 6 else 3
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    rows = _unfilter(raw, width, height, channels)
    if channels == 4 and all(row[3::4] == b"\xff" * width for row in rows):
        rows = [bytes(b for i, b in enumerate(row) if i % 4 != 3) for row in rows]
        channels = 3
    colours: dict[bytes, int] = {}
    for row in rows:
        for x in range(0, len(row), channels):
            colours.setdefault(row[x : x + channels], len(colours))
            if len(colours) > 256:
                break
    if len(colours) <= 256:
        ordered = sorted(colours)
        index = {pixel: i for i, pixel in enumerate(ordered)}
        pixels = [
            bytes(index[row[x : x + channels]] for x in range(0, len(row), channels))
            for row in rows
        ]
        extra = [_chunk(b"PLTE", b"".join(pixel[:3] for pixel in ordered))]
        if channels == 4:
            extra.append(_chunk(b"tRNS", bytes(pixel[3] for pixel in ordered)))
        colour_type, store = 3, pixels
    else:
        extra, colour_type, store = [], 2 if channels == 3 else 6, rows
    body = zlib.compress(b"".join(b"\x00" + row for row in store), 9)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    encoded = PNG_SIGNATURE + _chunk(b"IHDR", ihdr) + b"".join(extra)
    encoded += _chunk(b"IDAT", body) + _chunk(b"IEND", b"")
    return encoded if len(encoded) < len(data) else data


def _site_texts() -> tuple[str, str]:
    settings = runpy.run_path(str(ROOT / "pelicanconf.py"))
    return str(settings["SITENAME"]), str(settings["SITESUBTITLE"])


def main(argv: list[str] | None = None) -> int:
    name, tagline = _site_texts()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=TARGET, help="where the PNGs go")
    parser.add_argument("--name", default=name, help="the site's name (SITENAME)")
    parser.add_argument("--tagline", default=tagline, help="the line below it (SITESUBTITLE)")
    options = parser.parse_args(argv)
    chromium = shutil.which("chromium")
    if chromium is None:
        print("Error: Debian's chromium is needed ('make browser' installs it)", file=sys.stderr)
        return 2
    css = (THEME_STATIC / "css" / "style.css").read_text("utf-8")
    mark = (THEME_STATIC / "favicon.svg").read_text("utf-8").strip()
    options.out.mkdir(parents=True, exist_ok=True)
    jobs = [
        (share_name(w, h), w, h, share_page(w, h, options.name, options.tagline, mark, css))
        for w, h in SHARE_SIZES
    ]
    jobs.append((logo_name(), LOGO_SIZE, LOGO_SIZE, logo_page(LOGO_SIZE, mark, css)))
    for file_name, width, height, page in jobs:
        target = options.out / file_name
        screenshot(chromium, page, width, height, target)
        print(f"{target}: {width}x{height}, {target.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
