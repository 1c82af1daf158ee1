"""Stable story ids.

Promise: the id depends only on the story's lead (without dateline), folded
for case and spacing, so the same story captured twice, or first as a teaser
and later in full, gets the same id.
"""

from __future__ import annotations

import hashlib


def story_id(lead: str) -> str:
    """``wa-`` and 16 hex digits of a hash of the folded lead."""
    folded = " ".join(lead.casefold().split())
    return "wa-" + hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]
