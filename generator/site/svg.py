"""Pictures drawn at build time as SVG: a month's stories per day, and a map of places.

Promises: the SVG needs no JavaScript and no outside file; every text in it is
escaped; every bar and dot is a link with a title, so the picture works with
a keyboard and a screen reader (the pages also list the same links as text).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Bar:
    label: str  # shown under the bar
    title: str  # read out and shown on hover
    count: int
    href: str | None


def bar_chart(bars: Sequence[Bar], *, title: str, width: int = 720, height: int = 180) -> str:
    """Vertical bars, one per entry, scaled to the largest count."""
    top = max((bar.count for bar in bars), default=0) or 1
    slot = width / max(len(bars), 1)
    plot = height - 24
    parts = [
        # Not role="img": the bars are links, and an image may hold none.
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="group"'
        f' aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="chart-title">{escape(title)}</title>'
    ]
    for index, bar in enumerate(bars):
        x = index * slot
        tall = round(plot * bar.count / top, 1)
        shape = (
            f'<rect x="{x + slot * 0.15:.1f}" y="{plot - tall:.1f}" width="{slot * 0.7:.1f}"'
            f' height="{tall:.1f}"/>'
            f'<text x="{x + slot / 2:.1f}" y="{height - 6}" text-anchor="middle"'
            f' aria-hidden="true">{escape(bar.label)}</text>'
        )
        named = f"<title>{escape(bar.title)}</title>{shape}"
        parts.append(
            f'<a href="{escape(bar.href)}">{named}</a>'
            if bar.href and bar.count
            else f"<g>{named}</g>"
        )
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class Dot:
    name: str
    lat: float
    lon: float
    count: int
    href: str


@dataclass(frozen=True)
class Frame:
    """The part of the world a map shows (degrees)."""

    west: float
    east: float
    south: float
    north: float

    def holds(self, dot: Dot) -> bool:
        return self.west <= dot.lon <= self.east and self.south <= dot.lat <= self.north


NETHERLANDS = Frame(west=3.2, east=7.3, south=50.6, north=53.6)
WORLD = Frame(west=-180, east=180, south=-60, north=78)


LABELLED = 12  # the largest places get their name beside the dot


def dot_map(dots: Sequence[Dot], frame: Frame, *, title: str, width: int = 640) -> str:
    """Dots sized by count on an equirectangular projection, corrected for latitude;
    a graticule every ``step`` degrees and the names of the largest places help
    the reader find their way without a coastline."""
    middle = math.radians((frame.north + frame.south) / 2)
    aspect = (frame.north - frame.south) / ((frame.east - frame.west) * max(math.cos(middle), 0.2))
    height = round(width * aspect)
    top = max((dot.count for dot in dots), default=1)

    def position(dot: Dot) -> tuple[float, float]:
        x = (dot.lon - frame.west) / (frame.east - frame.west) * width
        y = (frame.north - dot.lat) / (frame.north - frame.south) * height
        return x, y

    parts = [
        f'<svg class="map" viewBox="0 0 {width} {height}" role="group"'
        f' aria-labelledby="map-title-{width}-{height}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="map-title-{width}-{height}">{escape(title)}</title>',
        f'<rect class="map-frame" x="0" y="0" width="{width}" height="{height}"/>',
        _graticule(frame, width, height),
    ]
    for dot in sorted(dots, key=lambda d: -d.count):  # small dots drawn last, on top
        x, y = position(dot)
        radius = 3 + 9 * math.sqrt(dot.count / top)
        label = f"{dot.name}: {dot.count} bericht{'en' if dot.count != 1 else ''}"
        parts.append(
            f'<a href="{escape(dot.href)}"><title>{escape(label)}</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}"/></a>'
        )
    parts += _labels(dots, position, top, width)
    parts.append("</svg>")
    return "".join(parts)


def _labels(
    dots: Sequence[Dot], position: Callable[[Dot], tuple[float, float]], top: int, width: int
) -> list[str]:
    """Names beside the largest dots, skipping any that would overlap one placed."""
    placed: list[tuple[float, float, float, float]] = []
    labels = []
    for dot in sorted(dots, key=lambda d: (-d.count, d.name))[:LABELLED]:
        x, y = position(dot)
        radius = 3 + 9 * math.sqrt(dot.count / top)
        wide = 6.5 * len(dot.name)
        left = x + radius + 2 if x + radius + 2 + wide <= width else x - radius - 2 - wide
        box = (left, y - 8, left + wide, y + 5)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
            continue
        placed.append(box)
        labels.append(
            f'<text class="map-label" x="{left:.1f}" y="{y + 4:.1f}" aria-hidden="true">'
            f"{escape(dot.name)}</text>"
        )
    return labels


def _graticule(frame: Frame, width: int, height: int) -> str:
    span = frame.east - frame.west
    step = 30 if span > 90 else 1
    lines = []
    for lon in range(math.ceil(frame.west / step) * step, int(frame.east) + 1, step):
        x = (lon - frame.west) / span * width
        lines.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}"/>')
    for lat in range(math.ceil(frame.south / step) * step, int(frame.north) + 1, step):
        y = (frame.north - lat) / (frame.north - frame.south) * height
        lines.append(f'<line x1="0" y1="{y:.1f}" x2="{width}" y2="{y:.1f}"/>')
    return f'<g class="graticule" aria-hidden="true">{"".join(lines)}</g>'
