"""The best hits of a search filtered to one group, taken from the same search unfiltered.

A must-match filter makes tantivy score every document the query matches; without one it skips
the documents that cannot reach the top (block-max pruning), several times faster on a large
index. The searcher's group filter is a term on a field without frequencies or lengths: it adds
the same score to every document of the group. So the group's documents among the unfiltered
best, with that score added as tantivy adds it (in 32-bit floats), are the filtered search's
best, in its order (score, then address), whenever `filtered_top` can prove it; else it gives
None and the caller runs the filtered search. Pure: plain numbers in, positions out.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence


def f32(value: float) -> float:
    """`value` rounded to the nearest 32-bit float, as tantivy's scores are."""
    return array("f", [value])[0]


def f32_below(value: float) -> float:
    """The largest 32-bit float below a positive 32-bit float."""
    bits = array("I", array("f", [value]).tobytes())
    bits[0] -= 1
    return array("f", bits.tobytes())[0]


def filtered_top(
    scores: Sequence[float],
    member: Sequence[bool],
    extra: float,
    limit: int,
    *,
    complete: bool,
) -> tuple[list[int], list[float]] | None:
    """The positions and scores of the filtered search's `limit` best hits, or None.

    `scores` are the unfiltered hits' scores, best first (ties in address order, as tantivy
    returns them), `member` whether each hit is in the group, `extra` what the filter's term
    adds to a score, `complete` whether the unfiltered search returned every match. None when
    the unfiltered hits may not hold the filtered ones: too few of the group, a hit past them
    that could tie with the last one kept, or two scores the addition made equal (tantivy then
    orders them by address, which the unfiltered order does not show).
    """
    kept = [i for i, inside in enumerate(member) if inside][: limit + 1]
    raw = [scores[i] for i in kept]
    summed = array("f", [score + extra for score in raw]).tolist()
    for i in range(len(summed) - 1):
        if summed[i] == summed[i + 1] and raw[i] != raw[i + 1]:
            return None
    if not complete:
        if len(kept) < limit or not scores:
            return None
        last = scores[-1]
        floor = f32(last + extra)  # the most a hit past the unfiltered ones can score
        boundary = summed[limit - 1]
        # equal to it only with the same raw score as the last hit: such hits come after the
        # kept ones (a larger address), and no lower raw score rounds up to it
        tied_safely = (
            boundary == floor
            and raw[limit - 1] == last
            and last > 0
            and f32(f32_below(last) + extra) < floor
        )
        if boundary < floor or (boundary == floor and not tied_safely):
            return None
    return kept[:limit], summed[:limit]
