"""A key-facts panel: a big figure in display type with the label that says what it counts.

A factsheet sets the label under the figure; a report's "Key facts" page often sets it beside
it, to the right, its first line level with the figure's top ("38%   share of school blocks
past their expected design life"). Lines are ordered by baseline, so the label's first line,
set higher than the big figure's baseline, comes before it: the figure is moved to just
before its label, and the two read as one statement.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.ingest.pdf.lines import Line

FIGURE_CHARS = 12  # a big number's line: "£4.2bn", "1 in 6", "38%", "GBP 1.8bn"
# a figure, perhaps with a currency code or sign, a unit or "in"/"of" ("£4.2bn", "GBP 11.4bn",
# "1 in 6"); a unit may be a quotient or carry a power ("23 ug/m3", "50 km/h", "12 m2");
# not "Part 2", "2024 review"
_UNIT = r"[a-zµμ]{1,3}\d?(?:/[a-zµμ]{1,3}\d?)?\.?"
FIGURE = re.compile(
    rf"^(?:[A-Z]{{3}}\s)?[$€£¥+~<>]?\d[\d.,]*(?:\s?[%x]|\s?{_UNIT})?"
    r"(?:\s+(?:in|of)\s+\d[\d.,]*)?$"
)
DISPLAY = 1.5  # a big figure's type is at least this many times the body's
LABEL_UNDER = 0.7  # its label's type is at most this share of the figure's
_REACH = 8  # ems of the figure's type: how far right of it its label may start


def is_big_figure(line: Line, body_size: float) -> bool:
    """A line holding only a figure, in display type."""
    text = line.text.strip()
    return (
        not line.cells
        and line.size >= DISPLAY * body_size
        and len(text) <= FIGURE_CHARS
        and bool(FIGURE.match(text))
    )


def _beside(figure: Line, line: Line) -> bool:
    """Whether a line is a label set right of a big figure, its first line by the figure's top."""
    return (
        line is not figure
        and not line.cells
        and line.size <= LABEL_UNDER * figure.size
        and any(c.isalpha() for c in line.text)
        and 0 < line.x0 - figure.x1 <= _REACH * figure.size
        and figure.bottom - 0.2 * line.size <= line.base <= figure.top + 0.2 * line.size
    )


def side_panels(
    columns: Sequence[Sequence[Line]], body_size: float
) -> tuple[list[list[Line]], set[int]]:
    """The columns with each big figure moved before the label beside it, and those figures."""
    out: list[list[Line]] = []
    found: set[int] = set()
    labels: set[int] = set()
    for col in columns:
        lines = list(col)
        for figure in [ln for ln in lines if is_big_figure(ln, body_size)]:
            label = next((ln for ln in lines if _beside(figure, ln)), None)
            if label is None or id(label) in labels:
                continue
            lines.remove(figure)
            lines.insert(lines.index(label), figure)
            found.add(id(figure))
            labels.add(id(label))
        out.append(lines)
    return out, found
