"""A row of icons with their captions, as an infographic sets them across the page.

An icon carries no words; where the PDF gives it a text stand-in ("[car icon]", "[Image:
bus stop]") that stand-in is no text. The captions under a row of icons stand side by side
on one baseline in one short bold type: each is a caption of its own (one statement), none a
heading, and the text under the row sits in the section it was in. A caption may wrap onto a
line under itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import pairwise

from bot.core.ingest.pdf.lines import Line

_PLACEHOLDER = re.compile(
    r"^\[(?:[^\[\]]*\s)?(?:icon|image|photo(?:graph)?|picture|logo|graphic|illustration|"
    r"pictogram)(?:\s*:[^\[\]]*)?\]$",
    re.I,
)
_ROW = 3  # captions in a row at least
_CAPTION_WORDS = 8


def is_placeholder(text: str) -> bool:
    """Whether a line is only an image's text stand-in ("[bike icon]", "[Photo: the pier]")."""
    return bool(_PLACEHOLDER.match(text.strip()))


def _caption_like(line: Line) -> bool:
    text = line.text.strip()
    return (
        not line.cells
        and not line.bullet
        and len(text.split()) <= _CAPTION_WORDS
        and not text.endswith((".", "!", "?", ":"))
    )


def caption_rows(columns: Sequence[Sequence[Line]], heading: Callable[[Line], bool]) -> set[int]:
    """The ids of the lines that caption a row of icons, their wrapped lines with them.

    `heading` tells a line in heading type: a row of such lines on one baseline, side by
    side, in one type, is a row of captions (a table's header row is found as cells).
    """
    lines = [ln for col in columns for ln in col if _caption_like(ln) and heading(ln)]
    found: set[int] = set()
    for line in lines:
        row = [
            o
            for o in lines
            if o.page == line.page
            and abs(o.base - line.base) < 0.3 * max(line.size, 1.0)
            and abs(o.size - line.size) < 0.3
            and o.bold == line.bold
        ]
        spans = sorted((o.x0, o.x1) for o in row)
        apart = all(b[0] > a[1] for a, b in pairwise(spans))
        if len(row) >= _ROW and apart and not _over_a_row(row, columns):
            found.update(id(o) for o in row)
    found.update(_wrapped(found, columns))
    return found


def _over_a_row(row: Sequence[Line], columns: Sequence[Sequence[Line]]) -> bool:
    """Whether a row of short lines stands over another row: a table's header over its cells.

    The next lines under it in another type (a caption's own wrapped line is in its type)
    are a row when three of them or more share a baseline.
    """
    top = row[0]
    under = [
        ln
        for col in columns
        for ln in col
        if ln.page == top.page and ln.base < top.base and (ln.size, ln.bold) != (top.size, top.bold)
    ]
    if not under:
        return False
    nearest = max(ln.base for ln in under)
    return sum(abs(ln.base - nearest) < 0.3 * max(top.size, 1.0) for ln in under) >= _ROW


def _wrapped(found: set[int], columns: Sequence[Sequence[Line]]) -> set[int]:
    """The ids of the captions' wrapped lines, each under its caption."""
    more: set[int] = set()
    for col in columns:  # a caption's wrapped lines, under itself
        for line in col:
            if id(line) in found:
                continue
            if any(
                id(above) in found
                and above.page == line.page
                and abs(line.x0 - above.x0) < 0.5 * max(line.size, 1.0)
                and abs(line.size - above.size) < 0.3
                and line.bold == above.bold
                and 0 < above.base - line.base < 1.6 * max(line.size, 1.0)
                and _caption_like(line)
                for above in col
            ):
                more.add(id(line))
    return more
