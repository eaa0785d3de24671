"""Paragraph numbers printed in the margin: furniture, not the text of the paragraph.

Many official papers number their paragraphs in the left margin ("1.", "2.", …): the number
stands left of the column's text edge and the paragraph's first word starts on that edge, like
every other line of the column. A numbered list or heading starts its number on the edge
itself ("1. Item", "2 Method"), so it is left as it is.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from bot.core.ingest.pdf.lines import Line

_NUMBER = re.compile(r"^\s*\d{1,3}\.?\s+(?=\S)")
_EDGE_SLACK = 3.0  # points: lines that start this close to the edge start on it
_MIN_LINES = 3  # a column needs this many lines on its edge to show one


def cut_margin_numbers(columns: list[list[Line]]) -> list[list[Line]]:
    """The columns with each margin paragraph number taken off its line."""
    return [[_unnumbered(col, ln) for ln in col] if col else col for col in columns]


def _edge(col: list[Line]) -> float | None:
    """The column's text edge: where most of its lines (not its list items) start."""
    counts = Counter(round(ln.x0) for ln in col if not ln.bullet and not ln.cells)
    if not counts:
        return None
    edge, _ = counts.most_common(1)[0]
    near = sum(c for x, c in counts.items() if abs(x - edge) <= _EDGE_SLACK)
    return float(edge) if near >= _MIN_LINES else None


def _unnumbered(col: list[Line], line: Line) -> Line:
    match = _NUMBER.match(line.text)
    if match is None or line.cells:
        return line
    edge = _edge(col)
    if edge is None:
        return line
    if line.bullet:  # the number was set apart and joined to the line as its label
        starts = line.text_x0
        in_margin = line.x0 < edge - _EDGE_SLACK
    else:
        digits = sum(1 for c in match.group(0) if not c.isspace())
        if len(line.glyphs) <= digits:
            return line
        number, rest = line.glyphs[:digits], line.glyphs[digits:]
        if "".join(g.char for g in number) != match.group(0).strip():
            return line  # the text was rewritten from its glyphs: leave it
        starts, in_margin = rest[0].x0, number[-1].x1 < edge - _EDGE_SLACK
    if not (in_margin and abs(starts - edge) <= _EDGE_SLACK):
        return line
    return replace(line, text=line.text[match.end() :], x0=starts, bullet=False)
