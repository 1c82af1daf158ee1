"""The floor any generator pays: the site's pages from bare Jinja2 templates, in one process.

    python -m benchmarks.floor CONTENT OUT

reads every content file (YAML front matter, Markdown body rendered with the
project's renderer) and writes, with plain ``write_text``: one page per story
(with the stories before and after it that day), the pages of every day,
section and city (50 stories a page, oldest first), and one Atom-like feed
per section and city (the newest 50). No caching, no workers, no checks:
what is left is reading, rendering and writing, which no generator avoids.
Run as its own process so its time is measured as the others' are.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment

from generator.content.frontmatter import split
from generator.content.markdown import markdown_to_html
from generator.text.slugs import slugify

PER_PAGE = 50
FEED_ITEMS = 50
ENV = Environment(autoescape=True)
BASE = (
    "<!doctype html><html lang=nl><meta charset=utf-8><title>{{ title }}</title>"
    "<header><a href='/'>Wire-archief</a></header><main><h1>{{ title }}</h1>{% block main %}"
    "{% endblock %}</main></html>"
)
ENV.globals["base"] = ENV.from_string(BASE)
STORY = ENV.from_string(
    "{% extends base %}{% block main %}<p><time datetime='{{ s.date }}'>{{ s.date }}</time>"
    " · <a href='/plaats/{{ s.city_slug }}/'>{{ s.city }}</a> · <a href='/rubriek/"
    "{{ s.section_slug }}/'>{{ s.section }}</a></p>{{ s.html|safe }}<nav>{% if prev %}"
    "<a rel=prev href='/{{ prev.url }}'>{{ prev.title }}</a>{% endif %}{% if next %}"
    "<a rel=next href='/{{ next.url }}'>{{ next.title }}</a>{% endif %}</nav>{% endblock %}"
)
LISTING = ENV.from_string(
    "{% extends base %}{% block main %}<ol>{% for s in stories %}<li><a href='/{{ s.url }}'>"
    "{{ s.title }}</a> <time>{{ s.date }}</time><p>{{ s.summary }}</p></li>{% endfor %}</ol>"
    "<nav>{% if number > 1 %}<a rel=prev href='{{ prev }}'>vorige</a>{% endif %}"
    "{% if more %}<a rel=next href='{{ next }}'>volgende</a>{% endif %}</nav>{% endblock %}"
)
FEED = ENV.from_string(
    "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
    "<title>{{ title }}</title><id>{{ id }}</id>{% for s in stories %}<entry><title>"
    "{{ s.title }}</title><link href='/{{ s.url }}'/><id>/{{ s.url }}</id><updated>{{ s.date }}"
    "</updated><summary>{{ s.summary }}</summary></entry>{% endfor %}</feed>"
)


@dataclass(frozen=True)
class Story:
    url: str  # "2023/01/02/slug/"
    title: str
    date: str
    summary: str
    section: str
    section_slug: str
    city: str
    city_slug: str
    html: str


def read_story(content: Path, path: Path) -> Story:
    metadata: dict[str, Any]
    metadata, body = split(path.read_text("utf-8"), path=str(path))
    section, city = str(metadata.get("category", "Algemeen")), str(metadata.get("city", ""))
    return Story(
        url=path.relative_to(content).with_suffix("").as_posix() + "/",
        title=str(metadata["title"]),
        date=str(metadata["date"]),
        summary=str(metadata.get("summary", "")),
        section=section,
        section_slug=slugify(section),
        city=city,
        city_slug=slugify(city) if city else "",
        html=markdown_to_html(body),
    )


def write(out: Path, relative: str, text: str) -> None:
    target = out / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, "utf-8")


def write_stories(out: Path, stories: list[Story]) -> None:
    """Each story page, with its neighbours of the same day."""
    for position, story in enumerate(stories):
        day = story.url[:11]
        prev = stories[position - 1] if position else None
        following = stories[position + 1] if position + 1 < len(stories) else None
        html = STORY.render(
            title=story.title,
            s=story,
            prev=prev if prev and prev.url.startswith(day) else None,
            next=following if following and following.url.startswith(day) else None,
        )
        write(out, story.url + "index.html", html)


def write_listing(out: Path, base: str, title: str, stories: list[Story]) -> None:
    """``base`` (``rubriek/economie/``) 50 stories a page, then the newest 50 as a feed."""
    pages = [stories[start : start + PER_PAGE] for start in range(0, len(stories), PER_PAGE)]
    for number, page in enumerate(pages, 1):
        where = base if number == 1 else f"{base}pagina/{number}/"
        html = LISTING.render(
            title=title,
            stories=page,
            number=number,
            more=number < len(pages),
            prev=f"/{base}" if number == 2 else f"/{base}pagina/{number - 1}/",
            next=f"/{base}pagina/{number + 1}/",
        )
        write(out, where + "index.html", html)


def write_feed(out: Path, relative: str, title: str, stories: list[Story]) -> None:
    newest = stories[-FEED_ITEMS:][::-1]
    write(out, relative, FEED.render(title=title, id=relative, stories=newest))


def groups(stories: Iterable[Story], key: str) -> dict[tuple[str, str], list[Story]]:
    """Stories by (slug, name) of their day, section or city, each group oldest first."""
    grouped: dict[tuple[str, str], list[Story]] = {}
    for story in stories:
        if key == "day":
            name = story.url[:10]
            grouped.setdefault((name, name), []).append(story)
        elif getattr(story, key):
            group = (getattr(story, f"{key}_slug"), getattr(story, key))
            grouped.setdefault(group, []).append(story)
    return grouped


def build(content: Path, out: Path) -> int:
    """Write the floor site; return the number of stories."""
    stories = [read_story(content, path) for path in content.rglob("*.md")]
    stories.sort(key=lambda story: (story.date, story.url))
    write_stories(out, stories)
    for (name, _), day in groups(stories, "day").items():
        write_listing(out, name + "/", name, day)
    for key, folder in (("section", "rubriek"), ("city", "plaats")):
        for (slug, name), members in groups(stories, key).items():
            write_listing(out, f"{folder}/{slug}/", name, members)
            write_feed(out, f"feeds/{folder}/{slug}.atom.xml", name, members)
    return len(stories)


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(sys.argv[2]))
