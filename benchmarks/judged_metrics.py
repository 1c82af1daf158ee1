"""Scoring a search engine on the judged set (benchmarks, metrics): small pure functions.

Promises: a ranking is the list of story ids an engine returned for one need,
best first; ``reciprocal_rank`` is 1/rank of the first relevant story within
the top ``k`` (0 if none), ``found_in_top`` whether there is one,
``is_zero_result`` whether the engine returned nothing at all; ``score``
gives MRR@k, the needs found in the top k and the zero-result queries over
any set of needs, so the same numbers come out for the whole set and for each
phenomenon.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

K = 10


def reciprocal_rank(ranking: Sequence[str], relevant: Iterable[str], k: int = K) -> float:
    wanted = set(relevant)
    for position, story in enumerate(ranking[:k], 1):
        if story in wanted:
            return 1 / position
    return 0.0


def found_in_top(ranking: Sequence[str], relevant: Iterable[str], k: int = K) -> bool:
    return reciprocal_rank(ranking, relevant, k) > 0


def is_zero_result(ranking: Sequence[str]) -> bool:
    return len(ranking) == 0


@dataclass(frozen=True)
class Scores:
    needs: int
    mrr: float  # mean reciprocal rank at K
    found: int  # needs with a relevant story in the top K
    zero: int  # queries that returned nothing


def score(
    rankings: Mapping[str, Sequence[str]], relevant: Mapping[str, Iterable[str]], k: int = K
) -> Scores:
    """Over the needs of ``relevant`` (need id -> relevant story ids); a need
    missing from ``rankings`` counts as a query with no results."""
    if not relevant:
        return Scores(0, 0.0, 0, 0)
    ranks = {need: rankings.get(need, []) for need in relevant}
    return Scores(
        needs=len(ranks),
        mrr=sum(reciprocal_rank(ranks[need], relevant[need], k) for need in ranks) / len(ranks),
        found=sum(found_in_top(ranks[need], relevant[need], k) for need in ranks),
        zero=sum(is_zero_result(ranking) for ranking in ranks.values()),
    )
