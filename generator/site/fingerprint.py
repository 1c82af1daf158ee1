"""Site build, incremental: what a page is made of, as a short digest.

Promise: a page's fingerprint changes whenever anything it is rendered from
changes: the site key (every template and static file of the theme, the
plugin's code, the settings, the versions of Pelican, Jinja2 and Python) and
the page's own variables, stories included. A story counts by the digest of
its source file, its URL and its section's and city's URLs; the story of a
story page also by its neighbours and related stories, which that page links
to. A value of a type this module does not know is an error, never silently
left out of the digest. ``WIRE_BUILD_TIME`` is the one setting left out of
the site key: it differs from build to build, and what it decides (which
stories are under embargo) reaches each page through its own stories.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

from generator.code_digest import code_digest, files_digest
from generator.site.archive import Group
from generator.site.stories import SiteStory

_PACKAGES = ("pelican", "jinja2", "markdown-it-py", "babel", "feedgenerator", "lunr")
# Settings that change with every build but no page's text: in the key, they
# would render every page again on every build (the build time only decides
# which stories are published, and the stories are in each page's fingerprint).
PER_BUILD_SETTINGS = frozenset({"WIRE_BUILD_TIME"})


def digest(*parts: Any) -> str:
    encoded = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(encoded.encode("utf-8"), digest_size=16).hexdigest()


def story_token(site: SiteStory) -> str:
    """A story as a listing shows it: its source, its URL, the URLs of its
    section and city (which another story's name can move, see ``archive``)
    and its city's one name (``places``)."""
    return " ".join([site.source_digest, site.url, site.section_url, site.city_url, site.city_name])


def story_page_token(site: SiteStory) -> list[str]:
    """A story as its own page shows it: with the stories it links to."""
    linked = [site.day_prev, site.day_next, site.city_prev, site.city_next, *site.related]
    return [story_token(site)] + [story_token(other) if other else "" for other in linked]


def encode(value: object) -> object:
    """A JSON-able value that stands for ``value`` in a fingerprint."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, datetime):
        return ["datetime", value.isoformat()]
    if isinstance(value, date):
        return ["date", value.isoformat()]
    if isinstance(value, Mapping):
        return [[str(key), encode(item)] for key, item in sorted(value.items())]
    if isinstance(value, list | tuple):
        return [encode(item) for item in value]
    if isinstance(value, SiteStory):
        return ["story", story_token(value)]
    if isinstance(value, Content) and isinstance(value.metadata.get("wire"), SiteStory):
        return ["story", story_token(value.metadata["wire"])]  # Pelican's article of a story
    if isinstance(value, Group):  # says itself what pages show of it
        return [type(value).__name__, encode(value.fingerprint())]
    if is_dataclass(value) and not isinstance(value, type):
        return [type(value).__name__, [encode(getattr(value, f.name)) for f in fields(value)]]
    if isinstance(value, URLWrapper):  # Pelican's Category, Tag, Author
        return [type(value).__name__, value.name, value.slug]
    raise TypeError(f"cannot fingerprint a page variable of type {type(value).__name__}")


def _page_story(value: object) -> SiteStory:
    """The story of a story page (Pelican hands the page its article)."""
    wire = value.metadata.get("wire") if isinstance(value, Content) else None
    if not isinstance(wire, SiteStory):
        raise TypeError(f"expected a story page's article, found {type(value).__name__}")
    return wire


def page_key(site_key: str, name: str, variables: Mapping[str, Any]) -> str:
    """The fingerprint of one write request (one page, or one paginated series)."""
    encoded: list[list[object]] = []
    for key, value in sorted(variables.items()):
        if key == "article":  # a story page: its links count too
            encoded.append([key, story_page_token(_page_story(value))])
        else:
            encoded.append([key, encode(value)])
    return digest(site_key, name, encoded)


def site_key(settings: Mapping[str, Any], theme: Path | None) -> str:
    """Everything every page depends on; when it changes, every page is rebuilt.
    Without a theme: what reading a story depends on (the plugin, the settings)."""
    parts: list[Any] = [sys.version, [_version(name) for name in _PACKAGES]]
    lasting = {key: value for key, value in settings.items() if key not in PER_BUILD_SETTINGS}
    parts.append(json.dumps(lasting, sort_keys=True, default=_stable, ensure_ascii=False))
    parts.append(code_digest())  # the converter's and the plugin's code and data
    if theme is not None:
        parts.append(files_digest([theme], theme))
    return digest(*parts)


def _version(name: str) -> str:
    try:
        return f"{name} {metadata.version(name)}"
    except metadata.PackageNotFoundError:
        return f"{name} absent"


def _stable(value: Any) -> str:
    """Settings that JSON cannot hold (functions, classes, paths) by a stable name."""
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
    if isinstance(value, set | frozenset):
        return repr(sorted(map(repr, value)))
    return f"{type(value).__name__}:{value}"
