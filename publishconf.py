"""Pelican settings for publishing (``make publish``, ``make github``).

``SITEURL`` comes from the environment, so the site can live under a GitHub
Pages sub-path: ``SITEURL=https://user.github.io/archief make publish``.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
if not SITEURL.startswith(("http://", "https://")):
    # Root-relative links, a sitemap of "/" and relative feed links would be
    # published without a word: refuse instead.
    print(
        "Error: publishconf.py needs SITEURL, the site's address "
        f"(https://user.github.io/archief), found {SITEURL!r}; "
        "run: SITEURL=https://... make publish",
        file=sys.stderr,
    )
    raise SystemExit(2)
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
# The build removes the pages it no longer writes itself; keeping output/ lets
# the next build render only what changed (the workflow caches it between runs).
DELETE_OUTPUT_DIRECTORY = False
