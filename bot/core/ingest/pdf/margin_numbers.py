"""Paragraph numbers printed in the margin: furniture, not the text of the paragraph.

Many official papers number their paragraphs in the left margin ("1.", "2.", "3.2", "A.1"):
the number stands left of the column's text edge and the paragraph's first word starts on that
edge, like every other line of the column. The number may be read into its line or, set far
enough apart, as a line of its own on the same baseline: either way it goes. A numbered list
or heading starts its number on the edge itself ("1. Item", "2 Method"), so it is left as it
is. A decimal or lettered number ("3.2", "A.1") numbers a paragraph, never a list item: where
short paragraphs leave fewer lines on the text edge than on the margin, any edge several lines
start on will do for it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from bot.core.ingest.pdf.lines import Line

_NUMBER = re.compile(r"^\s*(?:[A-Z]\.)?\d{1,3}(?:\.\d{1,3}){0,3}\.?\s+(?=\S)")
_LONE = re.compile(r"^\s*(?:[A-Z]\.)?\d{1,3}(?:\.\d{1,3}){0,3}\.?\s*$")
_DECIMAL = re.compile(r"^\s*(?:[A-Z]\.\d{1,3}|\d{1,3}(?:\.\d{1,3}){1,3})\b")
_EDGE_SLACK = 3.0  # points: lines that start this close to the edge start on it
_MIN_LINES = 3  # a column needs this many lines on its edge to show one


def cut_margin_numbers(columns: list[list[Line]]) -> list[list[Line]]:
    """The columns with each margin paragraph number taken off its line."""
    out: list[list[Line]] = []
    for col in columns:
        if not col:
            out.append(col)
            continue
        edge, edges = _edge(col), _edges(col)
        kept = [ln for ln in col if not _lone_number(col, ln, _edges_for(ln, edge, edges))]
        out.append([_unnumbered(ln, _edges_for(ln, edge, edges)) for ln in kept])
    return out


def _edges_for(line: Line, edge: float | None, edges: list[float]) -> list[float]:
    """The text edges a line's number may stand left of: any edge for a decimal number."""
    if _DECIMAL.match(line.text):
        return edges
    return [edge] if edge is not None else []


def _lone_number(col: list[Line], line: Line, edges: list[float]) -> bool:
    """A paragraph number read as a line of its own: in the margin, level with a text line.

    The line beside it, in the same type, starts on a text edge, on the same baseline.
    """
    if line.cells or not _LONE.match(line.text):
        return False
    return any(
        other is not line
        and not other.cells
        and abs(other.base - line.base) <= 0.3 * max(line.size, 1.0)
        and abs(other.size - line.size) < 0.5
        and any(abs(other.x0 - e) <= _EDGE_SLACK and line.x1 < e - _EDGE_SLACK for e in edges)
        and any(c.isalpha() for c in other.text)
        for other in col
    )


def _starts(col: list[Line]) -> Counter[int]:
    return Counter(round(ln.x0) for ln in col if not ln.bullet and not ln.cells)


def _edge(col: list[Line]) -> float | None:
    """The column's text edge: where most of its lines (not its list items) start."""
    counts = _starts(col)
    if not counts:
        return None
    edge, _ = counts.most_common(1)[0]
    near = sum(c for x, c in counts.items() if abs(x - edge) <= _EDGE_SLACK)
    return float(edge) if near >= _MIN_LINES else None


def _edges(col: list[Line]) -> list[float]:
    """Every x where at least `_MIN_LINES` of the column's lines start."""
    counts = _starts(col)
    return [
        float(x)
        for x in counts
        if sum(c for y, c in counts.items() if abs(y - x) <= _EDGE_SLACK) >= _MIN_LINES
    ]


def _unnumbered(line: Line, edges: list[float]) -> Line:
    match = _NUMBER.match(line.text)
    if match is None or line.cells or not edges:
        return line
    if line.bullet:  # the number was set apart and joined to the line as its label
        starts, ends = line.text_x0, line.x0
    else:
        digits = sum(1 for c in match.group(0) if not c.isspace())
        if len(line.glyphs) <= digits:
            return line
        number, rest = line.glyphs[:digits], line.glyphs[digits:]
        if "".join(g.char for g in number) != match.group(0).strip():
            return line  # the text was rewritten from its glyphs: leave it
        starts, ends = rest[0].x0, number[-1].x1
    if not any(ends < e - _EDGE_SLACK and abs(starts - e) <= _EDGE_SLACK for e in edges):
        return line
    return replace(line, text=line.text[match.end() :], x0=starts, bullet=False)
