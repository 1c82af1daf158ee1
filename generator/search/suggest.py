"""Search: "Bedoelde u ...?" for a word the archive does not hold.

Stage: query (``search-dutch.js`` takes the same steps in the browser).

Promise: ``correction`` gives, for a word of three letters or more that no
story matches, the word of the
archive's vocabulary (the words of the headlines, leads and places searched)
closest to it: at most one edit away for a word of up to five letters, two
for a longer one (Levenshtein: a letter added, dropped or changed), the most
frequent of the closest, then the first in alphabetical order; ``None`` when
none is that close. The same vocabulary and the same choice in both languages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from generator.search.pipeline import stop_words
from generator.search.words import MIN_PREFIX, text_words

# A word this short is an edit or two away from too many: none is offered.
MIN_CORRECTED = MIN_PREFIX


def vocabulary(texts: Iterable[str]) -> Counter[str]:
    """How often each word occurs in ``texts`` (stop words and single letters left out)."""
    counts: Counter[str] = Counter()
    for text in texts:
        words = text_words(text)
        counts.update(word for word in words if len(word) > 1 and word not in stop_words())
    return counts


def allowed_edits(word: str) -> int:
    return 1 if len(word) <= 5 else 2


def distance(first: str, second: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` as soon as it must exceed ``limit``."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous = list(range(len(second) + 1))
    for row, left in enumerate(first, 1):
        current = [row]
        for column, right in enumerate(second, 1):
            changed = previous[column - 1] + (left != right)
            current.append(min(previous[column] + 1, current[column - 1] + 1, changed))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def correction(word: str, words: Counter[str]) -> str | None:
    """The closest word of ``words`` to ``word`` (see the module), or ``None``."""
    if len(word) < MIN_CORRECTED:
        return None
    limit = allowed_edits(word)
    best: tuple[int, int, str] | None = None
    for candidate, count in words.items():
        if candidate == word:
            continue
        found = distance(word, candidate, limit)
        if found <= limit and (best is None or (found, -count, candidate) < best):
            best = (found, -count, candidate)
    return best[2] if best else None
