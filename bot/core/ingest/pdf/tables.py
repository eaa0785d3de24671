"""Tables on a page: a grid of short cells read as one line a row, not as columns of text.

A table is found by its layout alone: rows of two or more short lines on one baseline (cells,
not running text) whose cells fall into the same columns from row to row, three rows or more,
with figures in most rows under the header. Each row becomes one line spanning the whole table
that holds its cells by column, so the column cut reads the table as a band of its own (its
columns are no gutter) and the blocks step writes each row as a passage (table_text.py). A
table's first rows without figures, bold over plain rows, or with no label over labelled rows
are its header: they name the columns and state no fact. A cell's other lines (wrapped under
it, or centred on a taller row above and below its baseline) join the nearer row; cells set
too close to part are cut at the table's column gaps. A list under a "Contents" heading is
left to the contents code; this module never changes a line that is not in a table.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from statistics import median

from bot.core.ingest.pdf.glyphs import Glyph
from bot.core.ingest.pdf.lines import Line, line_of
from bot.core.ingest.pdf.table_text import is_figure

_MAX_CELL_WORDS = 8
_MAX_CELL_SHARE = 0.4  # a cell is narrower than this share of the page's text width
_MIN_ROWS = 3
_MIN_BODY_ROWS = 2
_ROW_GAP = 3.5  # ems between two rows' baselines at most
_FIGURE_SHARE = 0.3  # of the body's cells
_MAX_HEADER_ROWS = 2
_PROSE_WORDS = 4  # a line of running text has this many words at least (its last aside)
_PROSE_CHAIN = 3  # lines of running text one under another
_LEADING = 1.5  # ems between two lines of running text at most
_CELL_GAP = 0.5  # ems: a gap this wide between glyphs inside a line may part two cells
_LEAD_LINES = 3  # baselines above a table's first row that may hold its cells' first lines
_WRAP = 0.75  # a line closer than this share of the row pitch under a row wraps its cell
_NAMED_GAP = 3.0  # ems between a header's column and the figures' column it names at most
_CONTENTS = re.compile(r"^(?:table\s+of\s+)?contents$", re.I)


@dataclass
class _Row:
    cells: list[Line]  # left to right
    base: float
    wrapped: list[Line] = field(default_factory=list)  # lines under the row, one cell wide
    taken: list[Line] = field(default_factory=list)  # the page's lines cut into cells

    def sources(self) -> list[Line]:
        """The page's lines the row is made of."""
        return [*(self.taken or self.cells), *self.wrapped]


def _cells(lines: Sequence[Line]) -> tuple[set[int], set[int]]:
    """The ids of the lines that may be cells (short and narrow), and of running text.

    Running text is three lines or more of words one under another at the type's leading,
    starting at one x (a column of prose beside a table is not one of its columns).
    """
    width = max(ln.x1 for ln in lines) - min(ln.x0 for ln in lines)
    short = [
        ln
        for ln in lines
        if 1 <= len(ln.text.split()) <= _MAX_CELL_WORDS and ln.width <= _MAX_CELL_SHARE * width
    ]
    ordered = sorted(lines, key=lambda ln: ln.base)
    bases = [ln.base for ln in ordered]
    below: dict[int, Line] = {}
    for line in lines:
        if len(line.text.split()) < _PROSE_WORDS:
            continue
        lo = bisect_left(bases, line.base - _LEADING * line.size)
        under = [
            o
            for o in ordered[lo : bisect_left(bases, line.base)]
            if abs(o.x0 - line.x0) <= 2.0
            and abs(o.size - line.size) < 0.5
            and 0 < line.base - o.base <= _LEADING * line.size
        ]
        if under:
            below[id(line)] = max(under, key=lambda o: o.base)
    prose: set[int] = set()
    for line in lines:
        chain = [line]
        while id(chain[-1]) in below and len(chain) < _PROSE_CHAIN:
            chain.append(below[id(chain[-1])])
        if len(chain) >= _PROSE_CHAIN:
            prose.update(id(ln) for ln in chain)
    return {id(ln) for ln in short if id(ln) not in prose}, prose


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return min(a[1], b[1]) - max(a[0], b[0]) > 0


def _baselines(lines: Sequence[Line]) -> list[list[Line]]:
    """The page's lines top to bottom, grouped by baseline, each group left to right."""
    groups: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: (-ln.base, ln.x0)):
        if groups and abs(groups[-1][0].base - line.base) <= 0.3 * max(line.size, 1.0):
            groups[-1].append(line)
        else:
            groups.append([line])
    return [sorted(g, key=lambda ln: ln.x0) for g in groups]


def _runs(group: Sequence[Line], cells: set[int]) -> list[list[Line]]:
    """Runs of two or more cells side by side on a baseline (a line of prose cuts a run)."""
    runs: list[list[Line]] = [[]]
    for line in group:
        if id(line) in cells:
            runs[-1].append(line)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if len(r) >= 2]


def _merge_spans(spans: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for x0, x1 in sorted(spans):
        if out and x0 < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], x1))
        else:
            out.append((x0, x1))
    return out


def _distinct(row: _Row, columns: Sequence[tuple[float, float]]) -> bool:
    taken = [_column_of(c, columns) for c in row.cells]
    return None not in taken and len(set(taken)) == len(taken)


def _columns(rows: Sequence[_Row]) -> list[tuple[float, float]] | None:
    """The table's columns: the spans its cells overlap in (None: a row has two in one)."""
    columns = _merge_spans([(c.x0, c.x1) for r in rows for c in r.cells])
    return columns if all(_distinct(r, columns) for r in rows) else None


def _extend(
    columns: Sequence[tuple[float, float]], rows: Sequence[_Row], row: _Row
) -> list[tuple[float, float]] | None:
    """The columns of the rows and one more row, or None when that is no grid."""
    grown = _merge_spans([*columns, *((c.x0, c.x1) for c in row.cells)])
    if not _distinct(row, grown):
        return None
    joined = len({_column_of(Line([], x0=a, x1=b), grown) for a, b in columns}) < len(columns)
    if joined and not all(_distinct(r, grown) for r in rows):
        return None  # two columns became one: the rows before must still fit
    return grown


def _column_of(line: Line, columns: Sequence[tuple[float, float]]) -> int | None:
    """The one column a line overlaps (columns left to right, apart), or None."""
    k = bisect_right([col[1] for col in columns], line.x0)  # the first column ending after x0
    if k >= len(columns) or columns[k][0] >= line.x1:
        return None
    if k + 1 < len(columns) and columns[k + 1][0] < line.x1:
        return None
    return k


def _span(rows: Sequence[_Row]) -> tuple[float, float]:
    return min(c.x0 for r in rows for c in r.cells), max(c.x1 for r in rows for c in r.cells)


def find_tables(lines: list[Line]) -> list[Line]:
    """The page's lines with each table's cells merged into one line a row (see module doc)."""
    if len(lines) < 2 * _MIN_ROWS:
        return lines
    cells, prose = _cells(lines)
    merged: dict[int, Line | None] = {}  # a table line's id → its row line, or None (absorbed)
    table: list[_Row] = []
    pending: list[Line] = []  # one-cell lines under the last row: its cell's or the next row's
    above: list[list[Line]] = []  # the baselines just above the table's first row
    history: list[list[Line]] = []
    columns: list[tuple[float, float]] = []  # the table's so far
    span = (0.0, 0.0)
    for group in _baselines(lines):
        base = group[0].base
        if table:
            last = table[-1]
            em = max(c.size for c in last.cells)
            lowest = min(ln.base for ln in [*last.cells, *last.wrapped, *pending])
            near = lowest - base <= _ROW_GAP * em
            run = next(
                (r for r in _runs(group, cells) if _overlap(_span([_Row(r, 0)]), span)), None
            )
            inside = [ln for ln in group if _overlap((ln.x0, ln.x1), span)]
            row = _Row(run, base) if run is not None else None
            grown = _extend(columns, table, row) if near and row is not None else None
            if near and grown is None:
                row = _cut_row(inside, base, columns, prose)
                grown = _extend(columns, table, row) if row is not None else None
            if near and row is not None and grown is not None:
                table.append(row)
                columns = grown
                span = (min(span[0], grown[0][0]), max(span[1], grown[-1][1]))
            elif (
                near
                and len(inside) == 1
                and id(inside[0]) in cells
                and _column_of(inside[0], columns) is not None
            ):
                pending.append(inside[0])
            elif not (near and not inside):  # a line beside the table does not end it
                merged.update(_close(table, _between(table, pending, lines, cells), above, prose))
                table, pending = [], []
        if not table:
            runs = _runs(group, cells)
            if runs:
                table, above = [_Row(runs[0], base)], history[-_LEAD_LINES:]
                columns = _columns(table) or []
                span = _span(table)
        history.append(group)
    if table:
        merged.update(_close(table, _between(table, pending, lines, cells), above, prose))
    if not merged:
        return lines
    return [kept for ln in lines if (kept := merged.get(id(ln), ln)) is not None]


def _between(
    rows: Sequence[_Row], pending: Sequence[Line], lines: Sequence[Line], cells: set[int]
) -> list[Line]:
    """The cell lines off the rows' baselines from the first row down to the last line seen."""
    top = rows[0].base
    bottom = min(ln.base for ln in [*rows[-1].cells, *pending])
    used = {id(c) for r in rows for c in r.sources()}
    return [
        ln
        for ln in lines
        if id(ln) in cells and id(ln) not in used and bottom - 0.1 <= ln.base <= top + 0.1
    ]


def _share(
    rows: Sequence[_Row], between: Sequence[Line], columns: Sequence[tuple[float, float]]
) -> None:
    """Give each line in one column between the rows to the row with the nearer baseline.

    So a cell wrapped under its row joins it, and so does one centred on a taller row, whose
    first lines stand above the row's baseline.
    """
    for line in between:
        if _column_of(line, columns) is not None:
            nearest = min(rows, key=lambda r: (abs(r.base - line.base), r.base - line.base))
            nearest.wrapped.append(line)


def _close(
    rows: list[_Row], between: Sequence[Line], above: Sequence[Sequence[Line]], prose: set[int]
) -> dict[int, Line | None]:
    """The row lines of a finished run of rows when it is a table, keyed by its lines' ids."""
    nearest = above[-1] if above else []
    if len(rows) < _MIN_BODY_ROWS or any(_CONTENTS.match(ln.text.strip()) for ln in nearest):
        return {}
    columns = _columns(rows)
    if columns is None or len(columns) < 2:
        return {}
    _share(rows, between, columns)
    header = _header_above(rows, nearest, columns, prose)
    if header is not None:
        rows = [header, *rows]
    else:
        rows[0].wrapped = [*_lead(rows[0], above, columns, prose), *rows[0].wrapped]
    if len(rows) < _MIN_ROWS:
        return {}
    # a header: rows without figures, bold over plain rows, or with no label over labelled rows
    labelled = [any(_column_of(c, columns) == 0 for c in [*r.cells, *r.wrapped]) for r in rows]
    head = 0
    while head < min(_MAX_HEADER_ROWS, len(rows) - _MIN_BODY_ROWS):
        cells, below = rows[head].cells, rows[head + 1].cells
        bold = all(c.bold for c in cells) and not all(c.bold for c in below)
        stub = not labelled[head] and 2 * sum(labelled[head + 1 :]) > len(rows) - head - 1
        if bold or stub or not any(is_figure(c.text) for c in cells):
            head += 1
        else:
            break
    body = rows[head:]
    if len(body) < _MIN_BODY_ROWS:
        return {}
    columns = _named_columns(rows, head, columns)
    cells = [c for r in body for c in r.cells]
    figured = sum(1 for r in body if any(is_figure(c.text) for c in r.cells))
    figures = sum(is_figure(c.text) for c in cells)
    if figures < _FIGURE_SHARE * len(cells) or figured * 2 < len(body):
        return {}
    filled = [sum(any(_column_of(c, [col]) == 0 for c in r.cells) for r in rows) for col in columns]
    if sum(n < 2 for n in filled) > 1:
        return {}  # columns of one cell each: a bar chart's value labels, not a grid
    rows = _unwrap(rows, head)
    x0, x1 = _span(rows)
    texts = [_by_column(r, columns) for r in rows]
    names = tuple(" ".join(t[k] for t in texts[:head] if t[k]) for k in range(len(columns)))
    out: dict[int, Line | None] = {}
    for k, row in enumerate(rows):
        parts = [*row.cells, *row.wrapped]
        glyphs = [g for c in parts for g in c.glyphs]
        sources = row.sources()
        sizes = [c.size for c in row.cells]
        line = Line(
            glyphs=glyphs,
            page=row.cells[0].page,
            x0=x0,
            x1=x1,
            bottom=min(c.bottom for c in parts),
            top=max(c.top for c in parts),
            base=row.base,
            size=max(set(sizes), key=sizes.count),
            bold=all(c.bold for c in row.cells),
            text=" ".join(t for t in texts[k] if t),
            cells=texts[k],
            names=() if k < head else names,
            head=k < head,
        )
        out.update({id(c): None for c in sources})
        out[id(sources[0])] = line
    return out


def _named_columns(
    rows: Sequence[_Row], head: int, columns: Sequence[tuple[float, float]]
) -> list[tuple[float, float]]:
    """The columns with each header cell's column joined to the one of figures it names.

    A header centred over figures set flush right (or a wide header over narrow figures) may
    not overlap them: its column then holds no body cell, and the figures' column beside it
    no header cell. Such a pair, a few ems apart, is one column (the nearer neighbour when
    both would do); a column whose header is truly empty, or a header over figures, stays.
    """
    if not head:
        return list(columns)

    def holds(k: int, part: Sequence[_Row]) -> bool:
        return any(_column_of(c, columns) == k for r in part for c in [*r.cells, *r.wrapped])

    heads = [holds(k, rows[:head]) for k in range(len(columns))]
    bodies = [holds(k, rows[head:]) for k in range(len(columns))]
    em = max(c.size for r in rows for c in r.cells)
    partner: dict[int, int] = {}  # a figures column → the header column that names it
    for k, (a, b) in enumerate(columns):
        if not heads[k] or bodies[k]:
            continue
        gaps = [
            (columns[j][0] - b if j > k else a - columns[j][1], j)
            for j in (k - 1, k + 1)
            if 0 <= j < len(columns) and bodies[j] and not heads[j] and j not in partner
        ]
        gap, j = min(gaps, default=(0.0, -1))
        if j >= 0 and gap <= _NAMED_GAP * em:
            partner[j] = k
    if not partner:
        return list(columns)
    joined = {k: j for j, k in partner.items()}
    out: list[tuple[float, float]] = []
    for k, (a, b) in enumerate(columns):
        if k in partner:
            continue  # taken into its header's column
        if k in joined:
            other = columns[joined[k]]
            a, b = min(a, other[0]), max(b, other[1])
        out.append((a, b))
    return out


def _cut(line: Line, columns: Sequence[tuple[float, float]]) -> list[Line] | None:
    """A line of cells set too close to be told apart, cut at the table's column gaps.

    Between two columns the line reaches, the cut is its widest gap between glyphs that lies
    between the columns' cells; it must be wider than a word space. Each piece must line up
    with its column's cells (left, right or centre); None when the line is not so made.
    """
    glyphs = sorted(line.glyphs, key=lambda g: g.x0)
    em = max(line.size, 1.0)
    cuts: list[float] = []
    for a, b in pairwise(columns):
        if not (line.x0 < a[1] and line.x1 > b[0]):
            continue
        gaps = [
            (g.x0 - f.x1, (f.x1 + g.x0) / 2)
            for f, g in pairwise(glyphs)
            if g.x0 > a[0] and f.x1 < b[1] and g.x0 >= a[1] - em and f.x1 <= b[0] + em
        ]
        widest = max(gaps, default=(0.0, 0.0))
        if widest[0] < _CELL_GAP * em:
            return None
        cuts.append(widest[1])
    if not cuts:
        return [line]
    pieces: list[list[Glyph]] = [[] for _ in range(len(cuts) + 1)]
    for g in glyphs:
        pieces[bisect_left(cuts, (g.x0 + g.x1) / 2)].append(g)
    out = [piece for gs in pieces if gs and (piece := line_of(gs, line.page)) is not None]
    for piece in out:
        k = _column_of(piece, columns)
        if k is None or not _lines_up(piece, columns[k]):
            return None
    return out


def _lines_up(piece: Line, column: tuple[float, float]) -> bool:
    slack = max(piece.size, 1.0) * 0.3
    return (
        abs(piece.x0 - column[0]) <= slack
        or abs(piece.x1 - column[1]) <= slack
        or abs((piece.x0 + piece.x1) - (column[0] + column[1])) <= 2 * slack
    )


def _cut_row(
    inside: Sequence[Line], base: float, columns: Sequence[tuple[float, float]], prose: set[int]
) -> _Row | None:
    """The lines on one baseline across a table cut into its columns' cells, or None."""
    if not inside or any(id(ln) in prose for ln in inside):
        return None
    cells: list[Line] = []
    for line in inside:
        pieces = _cut(line, columns)
        if pieces is None:
            return None
        cells.extend(pieces)
    if len(cells) < 2:
        return None
    return _Row(cells, base, taken=list(inside))


def _header_above(
    rows: Sequence[_Row],
    above: Sequence[Line],
    columns: Sequence[tuple[float, float]],
    prose: set[int],
) -> _Row | None:
    """The header set too tight to read as cells: the lines just above a table without one.

    They must cut into the table's columns (see `_cut`) and hold no figures unless they are
    bold over plain rows (a header of years).
    """
    first = rows[0]
    if not any(is_figure(c.text) for c in first.cells) and not all(c.bold for c in first.cells):
        return None  # the table's first row is a header already
    span = _span(rows)
    inside = [ln for ln in above if _overlap((ln.x0, ln.x1), span)]
    em = max(c.size for c in first.cells)
    if not inside or inside[0].base - first.base > _ROW_GAP * em:
        return None
    if any(ln.x0 < span[0] - em or ln.text.rstrip().endswith(".") for ln in inside):
        return None  # a line set out of the table, or a sentence, is not its header
    row = _cut_row(inside, inside[0].base, columns, prose)
    if row is None:
        return None
    bold = all(c.bold for c in row.cells) and not all(c.bold for c in first.cells)
    if any(is_figure(c.text) for c in row.cells) and not bold:
        return None
    return row


def _unwrap(rows: list[_Row], head: int) -> list[_Row]:
    """Wrapped lines at a row's distance from their row are rows of their own (a group label).

    Under the last row, only a line closer than a row's distance that ends no sentence (not a
    source note) wraps its cell; the others are not the table's.
    """
    steps = list(pairwise(rows[head:]))
    pitches = [a.base - b.base for a, b in steps if not a.wrapped and not b.wrapped] or [
        a.base - b.base for a, b in steps
    ]
    pitch = median(pitches) if pitches else 0.0
    out: list[_Row] = []
    for k, row in enumerate(rows):
        loose = [w for w in row.wrapped if pitch and abs(row.base - w.base) >= _WRAP * pitch]
        last = k == len(rows) - 1
        if last:
            loose += [w for w in row.wrapped if w.base < row.base and w.text.rstrip()[-1:] == "."]
        row.wrapped = [w for w in row.wrapped if w not in loose]
        out.extend(_Row([w], w.base) for w in loose if w.base > row.base)
        out.append(row)
        if not last:
            out.extend(_Row([w], w.base) for w in loose if w.base < row.base)
    return out


def _lead(
    first: _Row,
    above: Sequence[Sequence[Line]],
    columns: Sequence[tuple[float, float]],
    prose: set[int],
) -> list[Line]:
    """The lines of the first row's cells set above its baseline (centred on a taller row).

    Each is one line apart, in one column, in the row's type, and in a column where the row
    has no cell or has a line under its baseline too (a cell centred on the row).
    """
    em = max(c.size for c in first.cells)
    bold = all(c.bold for c in first.cells)
    span = (columns[0][0], columns[-1][1])
    taken = {_column_of(c, columns) for c in first.cells}
    under = {_column_of(w, columns) for w in first.wrapped if w.base < first.base}
    out: list[Line] = []
    lowest = first.base
    for group in reversed(above):
        inside = [ln for ln in group if _overlap((ln.x0, ln.x1), span)]
        if not inside or inside[0].base - lowest > _LEADING * em:
            break
        if any(
            id(ln) in prose
            or ln.bold != bold
            or ln.text.rstrip().endswith(".")
            or (k := _column_of(ln, columns)) is None
            or (k in taken and k not in under)
            for ln in inside
        ):
            break
        out = [*inside, *out]
        lowest = inside[0].base
    return out


def _by_column(row: _Row, columns: Sequence[tuple[float, float]]) -> tuple[str, ...]:
    texts = [""] * len(columns)
    for line in sorted([*row.cells, *row.wrapped], key=lambda ln: -ln.base):
        k = _column_of(line, columns)
        if k is not None:
            texts[k] = f"{texts[k]} {line.text}".strip()
    return tuple(texts)
