"""Pelican settings for publishing (``make publish``, ``make github``).

``SITEURL`` comes from the environment, so the site can live under a GitHub
Pages sub-path: ``SITEURL=https://user.github.io/archief make publish``.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
DELETE_OUTPUT_DIRECTORY = True
