"""What an import did: counts, problems and replaced texts, for people and machines.

Stage: import (``generator.importer`` fills it; ``generator.cli`` prints it).

Promise: every file and item of an import lands in one count of ``Summary``,
and ``as_dict`` gives them all under stable names (``wire-archive import
--json``); a story file whose text a newer version replaced is a ``Replaced``
naming the version and the wire file that gave the new text; a story whose
embargo had not ended when it was imported is an ``Embargoed`` (its file is
written all the same: the site holds it back, ``generator.site.embargo``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime

from generator.addresses import local_time
from generator.content.store import Outcome
from generator.errors import WireArchiveError
from generator.formats.anp_codes import unknown_codes
from generator.sources import Parsed


@dataclass(frozen=True)
class Replaced:
    """A story file whose text a newer version replaced."""

    path: str
    version: int
    source: str  # the wire file that gave the new text

    def __str__(self) -> str:
        return f"{self.path} (text of version {self.version} from {self.source})"


@dataclass(frozen=True)
class Embargoed:
    """A story file written under an embargo that had not ended at the import."""

    path: str
    until: datetime  # the embargo (aware)

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "until": local_time(self.until).isoformat()}

    def __str__(self) -> str:
        until = local_time(self.until).isoformat()
        return f"{self.path}: held back until {until}, published by the first build after"


@dataclass
class Summary:
    """What an import did, for people and (``--json``) for machines."""

    files: int = 0
    skipped: int = 0  # unchanged since the last import: not read again
    items: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    merged: int = 0
    ignored: list[str] = field(default_factory=list)  # no wire files by their names
    not_stories: list[str] = field(default_factory=list)  # wire files without a text story
    formats: dict[str, Counter[str]] = field(default_factory=dict)
    errors: list[WireArchiveError] = field(default_factory=list)
    kept_edited: list[str] = field(default_factory=list)  # an update waits: reported every run
    replaced: list[Replaced] = field(default_factory=list)  # files whose text a newer one took
    not_forced: list[str] = field(default_factory=list)  # --force files no story of this run wrote
    unsettled: set[str] = field(default_factory=set)  # sources of stories kept or failed
    unknown_codes: Counter[str] = field(default_factory=Counter)  # ANP codes no table knows
    embargoed: list[Embargoed] = field(default_factory=list)  # written, held back by the site
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.errors)

    def count_format(self, parsed: Parsed) -> None:
        counts = self.formats.setdefault(parsed.wire_format or "unknown", Counter())
        counts["files"] += 1
        counts["items"] += len(parsed.items)
        for item in parsed.items:
            self.unknown_codes.update(unknown_codes(item.keywords))

    def as_dict(self) -> dict[str, object]:
        return {
            "files": self.files,
            "skipped_unchanged_files": self.skipped,
            "items": self.items,
            **{outcome.value: self.outcomes[outcome.value] for outcome in Outcome},
            "merged": self.merged,
            "failed": self.failed,
            "errors": [str(error) for error in self.errors],
            "kept_edited": self.kept_edited,
            "replaced": [asdict(replaced) for replaced in self.replaced],
            "not_forced": self.not_forced,
            "ignored": self.ignored,
            "skipped_not_stories": self.not_stories,
            "unknown_codes": dict(sorted(self.unknown_codes.items())),
            "embargoed": [story.as_dict() for story in self.embargoed],
            "formats": {name: dict(counts) for name, counts in sorted(self.formats.items())},
            "seconds": round(self.seconds, 3),
        }


def describe_embargoes(embargoed: list[Embargoed]) -> str:
    """The summary's lines on stories under embargo (none: no line)."""
    if not embargoed:
        return ""
    count = f"{len(embargoed)} {'story' if len(embargoed) == 1 else 'stories'}"
    return f"\n  {count} under embargo:" + "".join(f"\n    {story}" for story in embargoed)
