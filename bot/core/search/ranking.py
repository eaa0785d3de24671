"""Ranking signals over plain values: a passage's terms, its context's terms, the query's concepts.

Each function scores one candidate from what it is given (term lists, texts) and knows nothing
of how the corpus is stored; the searcher decides which passage is whose context. Never raises.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from bot.core.search.text import terms

Alternatives = Sequence[tuple[float, Sequence[tuple[tuple[str, ...], float]]]]
"""Per query concept: its weight, and its alternatives (terms that must all be present, share)."""


def concept_shares(alternatives: Alternatives, present: set[str]) -> list[float]:
    """For each concept, the share of it the terms cover (its best alternative found, or 0)."""
    return [
        next((w for alt, w in alts if all(t in present for t in alt)), 0.0)
        for _, alts in alternatives
    ]


def covered_weight(alternatives: Alternatives, present: set[str]) -> float:
    """The query weight a passage with these terms covers."""
    shares = concept_shares(alternatives, present)
    return sum(weight * share for (weight, _), share in zip(alternatives, shares, strict=True))


@lru_cache(maxsize=4096)
def heading_terms(heading: str) -> tuple[str, ...]:
    """The search terms of a section heading, in order (cached: many sentences share one)."""
    return tuple(terms(heading))
