"""Printed line numbers: the margin column of a bill, a transcript or a court filing.

Legislatures print a bill with its lines numbered in the margin (1, 2, 3 … from the top of each
page, or every fifth line), as courts do their pleadings. Each number stands apart from its text
line, level with it, in a narrow column beside the text; the numbers step evenly down the page,
and nearly every line of the text beside them has one. They are furniture, never text: left in,
they read as a table's first column and as a page number at the top of the page.

A numbered list is not such a column: its items wrap (not every line has a number), and a
ranked table's rows are short cells, not lines of prose.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from bot.core.ingest.pdf.lines import Line

_MIN_NUMBERS = 5  # a page shows a line-number column with this many numbers
_EDGE_SLACK = 3.0  # points: numbers aligned on their right (or left) edge to this
_COVERED = 0.8  # share of the text lines beside the column that have a number
_PROSE_WORDS = 4  # a line of running text has this many words at least (most lines)


def cut_line_numbers(lines: list[Line]) -> list[Line]:
    """A page's lines without its printed line numbers, where it has a column of them."""
    numbers = [ln for ln in lines if _bare_number(ln)]
    if len(numbers) < _MIN_NUMBERS:
        return lines
    column = _column(numbers, lines)
    if not column:
        return lines
    doomed = {id(ln) for ln in column}
    return [ln for ln in lines if id(ln) not in doomed]


def _bare_number(line: Line) -> bool:
    text = line.text.strip()
    return 0 < len(text) <= 4 and text.isdigit() and not line.cells


def _beside(number: Line, text: Line) -> bool:
    """TEXT is the line NUMBER counts: level with it, wholly to one side, not touching it."""
    em = max(number.size, text.size, 1.0)
    if abs(number.base - text.base) > 0.5 * em:
        return False
    return number.x1 + 0.5 * number.size <= text.x0 or text.x1 + 0.5 * number.size <= number.x0


def _column(numbers: list[Line], lines: list[Line]) -> list[Line]:
    """The numbers of the page's line-number column, or [] where it has none."""
    edges = Counter(round(ln.x1) for ln in numbers)
    edge, _ = edges.most_common(1)[0]
    aligned = [ln for ln in numbers if abs(ln.x1 - edge) <= _EDGE_SLACK]
    if len(aligned) < _MIN_NUMBERS:
        lefts = Counter(round(ln.x0) for ln in numbers)
        left, _ = lefts.most_common(1)[0]
        aligned = [ln for ln in numbers if abs(ln.x0 - left) <= _EDGE_SLACK]
    if len(aligned) < _MIN_NUMBERS:
        return []
    aligned.sort(key=lambda ln: -ln.base)  # top of the page first
    values = [int(ln.text) for ln in aligned]
    steps = [b - a for a, b in pairwise(values)]
    step, count = Counter(steps).most_common(1)[0]
    if step <= 0 or count < _COVERED * len(steps) or any(s <= 0 for s in steps):
        return []
    rest = [ln for ln in lines if not _bare_number(ln)]
    partners = [next((t for t in rest if _beside(n, t)), None) for n in aligned]
    found = [t for t in partners if t is not None]
    if len(found) < _COVERED * len(aligned):
        return []
    if sum(len(t.text.split()) >= _PROSE_WORDS for t in found) < len(found) / 2:
        return []  # short cells beside the numbers: a ranked table, not lines of text
    if step == 1 and not _covers(aligned, rest):
        return []
    return aligned


def _covers(column: list[Line], rest: list[Line]) -> bool:
    """Nearly every text line beside the column, top to bottom, has a number of its own."""
    top, bottom = column[0].base, column[-1].base
    side = [
        t
        for t in rest
        if bottom - 1 <= t.base <= top + 1
        and (t.x0 >= column[0].x1 or t.x1 <= column[0].x0)
        and t.size >= 0.7 * max(n.size for n in column)
    ]
    numbered = sum(any(_beside(n, t) for n in column) for t in side)
    return bool(side) and numbered >= _COVERED * len(side)
