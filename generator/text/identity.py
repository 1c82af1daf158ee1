"""Stable story ids: the one place an id is made.

Stage: reading (and merging, for a story's id of its day).

Promises: every id is ``wa-`` and 16 hex digits of a SHA-256 (``hashed_id``);
``story_id`` depends only on the story's lead (without dateline), folded for
case and spacing, so the same story captured twice, or first as a teaser and
later in full, gets the same id; ``guid_id`` depends only on the provider's
story id, so every version of an agency's story gets the same id, and never
one a lead could give (the key is prefixed ``guid:``).
"""

from __future__ import annotations

import hashlib

ID_PREFIX = "wa-"


def hashed_id(key: str) -> str:
    """``wa-`` and 16 hex digits of a hash of ``key``, taken as it is."""
    return ID_PREFIX + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def story_id(lead: str) -> str:
    """The id of a story known by its lead: the lead folded, then hashed."""
    return hashed_id(" ".join(lead.casefold().split()))


def guid_id(guid: str) -> str:
    """Our id for a provider's story id (the same for all its versions)."""
    return hashed_id(f"guid:{guid}")
