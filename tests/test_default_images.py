"""The theme's default images (``tools/render_images.py``): the share card as
``og:image`` (1200x630) and in Google's three aspect ratios for an Article's
image (16x9, 4x3, 1x1, each 1200 px wide, each over 50,000 pixels), and the
publisher's logo (square, PNG, at least 112 px); each a small, whole PNG, and
each copied by the build to ``output/theme/images/``. Read with the standard
library only (the PNG's chunks, IHDR first, each with its CRC)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from tests.conftest import ROOT

IMAGES = ROOT / "themes" / "wire" / "static" / "images"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PROMISED = {
    "share-1200x630.png": (1200, 630),  # og:image
    "share-1200x675.png": (1200, 675),  # 16x9
    "share-1200x900.png": (1200, 900),  # 4x3
    "share-1200x1200.png": (1200, 1200),  # 1x1
    "logo-512.png": (512, 512),  # the publisher's logo
}
MAX_BYTES = 64_000  # flat colours: a few tens of KB


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """Every chunk (type, data) of a PNG, each CRC checked, ending with IEND."""
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    chunks, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + body), f"bad CRC in {kind!r}"
        chunks.append((kind, body))
        at += 12 + length
    assert chunks[0][0] == b"IHDR" and chunks[-1][0] == b"IEND", [k for k, _ in chunks]
    return chunks


def png_header(data: bytes) -> tuple[int, int, int, int]:
    """Width, height, bit depth and colour type from the IHDR chunk."""
    width, height, depth, colour = struct.unpack(">IIBB", png_chunks(data)[0][1][:10])
    return width, height, depth, colour


@pytest.mark.parametrize("name", PROMISED)
def test_each_image_is_a_small_png_of_its_promised_size(name: str) -> None:
    data = (IMAGES / name).read_bytes()
    width, height, depth, colour = png_header(data)
    assert (width, height) == PROMISED[name]
    assert depth == 8 and colour in (2, 3, 6)  # RGB, palette or RGBA: what every viewer shows
    assert len(data) <= MAX_BYTES, len(data)
    decoded = zlib.decompress(b"".join(body for kind, body in png_chunks(data) if kind == b"IDAT"))
    channels = {2: 3, 3: 1, 6: 4}[colour]
    assert len(decoded) == height * (1 + width * channels)  # whole: every row is there


def test_the_share_images_are_what_google_and_opengraph_ask_for() -> None:
    sizes = [PROMISED[name] for name in PROMISED if name.startswith("share-")]
    assert all(width * height >= 50_000 and width >= 1200 for width, height in sizes)
    ratios = {round(width / height, 2) for width, height in sizes}
    assert {round(16 / 9, 2), round(4 / 3, 2), 1.0, round(1200 / 630, 2)} == ratios
    width, height = PROMISED["logo-512.png"]
    assert width == height >= 112


@pytest.mark.site
def test_the_build_copies_them_to_theme_images(built_site: Path) -> None:
    for name in PROMISED:
        built = built_site / "theme" / "images" / name
        assert built.read_bytes() == (IMAGES / name).read_bytes(), name
