"""Pelican settings for local builds (``make html``, ``make serve``).

Every setting wire-archive adds is prefixed ``WIRE_``; README.md lists them all.
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent

SITENAME = "Wire-archief"
SITESUBTITLE = "Nieuws van de draad, per dag, plaats en rubriek"
SITEURL = ""
RELATIVE_URLS = True
PATH = "content"
THEME = str(ROOT / "themes" / "wire")
TIMEZONE = "Europe/Amsterdam"
DEFAULT_LANG = "nl"
DEFAULT_DATE_FORMAT = "%d-%m-%Y"

PLUGINS = ["generator.site"]

# Stories live at /YYYY/MM/DD/slug/: where their file lies under content/
# (the converter writes it there once and never moves it, so URLs never change).
ARTICLE_URL = "{archive_path}/"
ARTICLE_SAVE_AS = "{archive_path}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"

# Pelican's own archives, tag/category/author pages and feeds are off: their
# cost grows with the square of the archive. Our plugin writes the listings.
DIRECT_TEMPLATES: list[str] = []
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
TAGS_SAVE_AS = ""
TAG_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None

DEFAULT_PAGINATION = 50
PAGINATED_TEMPLATES: dict[str, int | None] = {}  # the plugin paginates its own listings
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/pagina/{number}/", "{base_name}/pagina/{number}/index.html"),
)

# Autoescape: wire text reaches templates as data, never as markup.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

STATIC_PATHS: list[str] = []
# The plugin copies the theme's static folder itself, and only what changed
# (Pelican's copy rewrites every file on every build).
THEME_STATIC_PATHS: list[str] = []
# Our plugin keeps its own caches (parsed stories, what each page was built
# from) in CACHE_PATH; Pelican's content cache is off: it saves nothing here.
CACHE_PATH = os.environ.get("WIRE_ARCHIVE_BUILD_CACHE", str(ROOT / ".cache" / "pelican"))
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
# Each story is one item in one language: no translations to look for (Pelican's
# search for them compares every story with every other).
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None

# wire-archive's own settings
WIRE_HOME_ITEMS = 30  # stories on the home page
WIRE_FEED_ITEMS = 50  # entries in feeds/atom.xml
WIRE_FEED_FULL_TEXT = False  # True: each feed entry also carries the story's whole text
WIRE_FEED_PATH = "feeds/atom.xml"
WIRE_NODE_MODULES = str(ROOT / "node_modules")  # where npm installed lunr
WIRE_BUILD_JOBS = 0  # worker processes for reading and rendering; 0: one per core
