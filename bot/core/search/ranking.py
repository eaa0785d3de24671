"""Ranking signals over plain values: a passage's terms, its context's terms, the query's concepts.

Each function scores one candidate from what it is given (term lists, texts) and knows nothing
of how the corpus is stored; the searcher decides which passage is whose context. Never raises.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache

from bot.core.search.text import terms

LENGTH_WEIGHT = 0.01  # a tie-breaker: of two passages that match alike, the shorter says it
TYPICAL_TERMS = 20  # search terms in a sentence of ordinary length

# Ordinals that open the items of a list a sentence announced ("First, …", "Second, …").
_FIRST_ITEM = re.compile(r"^\W*(?:first|firstly|to begin with|1[.)])(?:\W|$)", re.I)
_NEXT_ITEM = re.compile(
    r"^\W*(?:second|secondly|third|thirdly|fourth|fifth|sixth|finally|lastly|last|[2-9][.)])"
    r"(?:\W|$)",
    re.I,
)

Alternatives = Sequence[tuple[float, Sequence[tuple[tuple[str, ...], float]]]]
"""Per query concept: its weight, and its alternatives (terms that must all be present, share)."""


def concept_shares(alternatives: Alternatives, present: set[str]) -> list[float]:
    """For each concept, the share of it the terms cover (its best alternative found, or 0)."""
    return [
        next((w for alt, w in alts if all(t in present for t in alt)), 0.0)
        for _, alts in alternatives
    ]


def covered_weight(alternatives: Alternatives, present: set[str] | frozenset[str]) -> float:
    """The query weight a passage with these terms covers (`concept_shares`, summed)."""
    total = 0.0
    for weight, alts in alternatives:  # plain loops: this runs for every candidate
        for alt, share in alts:
            for term in alt:
                if term not in present:
                    break
            else:
                total += weight * share
                break
    return total


@lru_cache(maxsize=4096)
def heading_terms(heading: str) -> tuple[str, ...]:
    """The search terms of a section heading, in order (cached: many sentences share one)."""
    return tuple(terms(heading))


def length_penalty(term_count: int) -> float:
    """What a passage's length costs it: the coverage of the query ignores how much else it says.

    Grows with the log of the length, so a long sentence pays a little more than a short one,
    never enough to lose to one that covers less of the query.
    """
    return LENGTH_WEIGHT * math.log1p(max(0, term_count) / TYPICAL_TERMS)


def opens_list(text: str) -> bool:
    """Whether a sentence opens as the first item of a list ("First, …", "1. …")."""
    return _FIRST_ITEM.match(text) is not None


def continues_list(text: str) -> bool:
    """Whether a sentence opens as a later item of a list ("Second, …", "Finally, …")."""
    return _NEXT_ITEM.match(text) is not None
