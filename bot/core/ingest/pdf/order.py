"""Reading order on a page: columns left to right, full-width parts where they stand.

A recursive cut: a region whose narrower lines leave a vertical gutter (white space with lines
of words on both sides, not a chart's one-word labels) is read left column first; full-width
lines that cross the gutter (a title, a wide table, footnotes across the page) cut the region
into bands read top to bottom. A box set across the gutter that both columns wrap round (a
magazine's pull quote, with column text beside it on both sides) is no band: the columns are
read down past it and the box comes after them. A region with no gutter is one column, read
top to bottom. Each column comes out as its own run of lines, so later steps know where a
column ends (a footnote block sits at the foot of one).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import pairwise

from bot.core.ingest.pdf.lines import Line

_WIDE = 0.6  # a line this share of its region's width is not a column line
_MIN_GUTTER = 0.8  # ems
_MIN_SIDE_LINES = 2
_MAX_DEPTH = 16  # cuts within cuts; a deeper region is read top to bottom
_WHITE_BAND = 5.0  # ems of white space across a region that part what is above and below
_HEADING_WORDS = 8


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


def _gutter(
    lines: Sequence[Line],
    region: tuple[float, float],
    em: float,
) -> tuple[float, float] | None:
    """The widest vertical gap between the lines with enough text on both sides.

    A stray line or two may cross it (a footer URL, a centred caption): they are read as a band
    of their own. Gaps nobody crosses win over gaps a few lines cross. When the lines crossing
    every gap are too many, the count is taken again over the height where both halves of the
    region hold lines: a title, authors and affiliations centred above two columns cross the
    gutter, but above where the columns run.
    """
    found = _widest_gap(lines, lines, region, em)
    if found is not None:
        return found
    middle = (region[0] + region[1]) / 2
    left = [ln.base for ln in lines if ln.x1 <= middle and len(ln.text.split()) > 1]
    right = [ln.base for ln in lines if ln.x0 >= middle and len(ln.text.split()) > 1]
    if len(left) < _MIN_SIDE_LINES or len(right) < _MIN_SIDE_LINES:
        return None
    top, bottom = min(max(left), max(right)), max(min(left), min(right))
    within = [ln for ln in lines if bottom - 0.5 * em <= ln.base <= top + 0.5 * em]
    if top <= bottom or len(within) < 2 * _MIN_SIDE_LINES or len(within) == len(lines):
        return None  # the halves do not run side by side
    return _widest_gap(lines, within, region, em)


def _widest_gap(
    lines: Sequence[Line],
    counted: Sequence[Line],
    region: tuple[float, float],
    em: float,
) -> tuple[float, float] | None:
    """The gutter between LINES, the lines crossing a gap counted over COUNTED only.

    A gap a stray line may cross is tried first; when none has lines of words on both sides,
    the gaps no line crosses: a line that runs into a wide gap (a narrow panel's longest
    line) leaves too few lines wholly on its side, though the white space no line enters
    still parts the columns, if lines on both sides of it stand on the same baselines.
    """
    step = max(1.0, (region[1] - region[0]) / 4000)  # bins of a point, fewer on huge pages
    lo, hi = int(region[0] / step), int(region[1] / step) + 1
    counts = [0] * (hi - lo + 1)
    for ln in counted:
        for x in range(max(int(ln.x0 / step), lo), min(int(ln.x1 / step) + 1, hi) + 1):
            counts[x - lo] += 1
    allowance = max(1, len(counted) // 25)
    for allowed in (allowance, 0):
        best: tuple[int, float, float] | None = None
        x = 0
        while x < len(counts):
            if counts[x] > allowed:
                x += 1
                continue
            start = x
            while x < len(counts) and counts[x] <= allowed:
                x += 1
            g0, g1 = (start + lo) * step, (x - 1 + lo) * step
            if g1 - g0 < _MIN_GUTTER * em or g0 <= region[0] or g1 >= region[1]:
                continue
            # a column holds lines of words; a chart's ticks and names are one word a line
            before = sum(1 for ln in lines if ln.x1 <= g0 + 1 and len(ln.text.split()) > 1)
            after = sum(1 for ln in lines if ln.x0 >= g1 - 1 and len(ln.text.split()) > 1)
            if before < _MIN_SIDE_LINES or after < _MIN_SIDE_LINES:
                continue
            if not allowed and _side_by_side(lines, g0, g1, em) < _MIN_SIDE_LINES:
                continue  # a running head's two ends, a page number: no columns
            crossed = max(counts[start:x])
            if best is None or (crossed, -(g1 - g0)) < (best[0], -(best[2] - best[1])):
                best = (crossed, g0, g1)
        if best is not None:
            return best[1], best[2]
    return None


def _white_band(lines: Sequence[Line], em: float) -> float | None:
    """The height of the lowest white band across a region's lines, else None.

    Columns stop short of a heading and a list set across the page far below them (a
    factsheet's three columns, then its asks): no line of any column stands in the band.
    """
    ordered = sorted(lines, key=lambda ln: ln.base)
    for lower, upper in pairwise(ordered):
        if upper.base - (lower.base + lower.size) >= _WHITE_BAND * em:
            return (upper.base + lower.base) / 2
    return None


def _side_by_side(lines: Sequence[Line], g0: float, g1: float, em: float) -> int:
    """How many lines left of a gap have a line right of it on their baseline."""
    right = [ln.base for ln in lines if ln.x0 >= g1 - 1]
    return sum(
        1
        for ln in lines
        if ln.x1 <= g0 + 1 and any(abs(ln.base - base) < 0.3 * em for base in right)
    )


def _beside(line: Line, others: Sequence[Line], em: float) -> tuple[bool, bool]:
    """Whether lines of words stand level with LINE on its left and on its right."""
    left = right = False
    for other in others:
        if other is line or len(other.text.split()) < 2:
            continue
        if abs(other.base - line.base) > max(line.size, other.size):
            continue
        left = left or other.x1 < line.x0 - 0.5 * em
        right = right or other.x0 > line.x1 + 0.5 * em
    return left, right


def _wrapped_box(lines: Sequence[Line], em: float) -> tuple[list[Line], list[Line]] | None:
    """A box the columns wrap round, and the other lines; None where there is none.

    Lines of the box have column text level with them on both sides; the box holds them and
    the lines between them inside their span (a line level with a column's paragraph break
    has text on one side only). Its lines run on with no wider gap than two lines, and every
    one crosses the gutter the other lines leave: the middle column of three has text on both
    sides too, but stands inside the gutters.
    """
    worded = sorted((ln for ln in lines if len(ln.text.split()) > 1), key=lambda ln: ln.base)
    bases = [ln.base for ln in worded]
    reach = 2 * max((ln.size for ln in lines), default=em)

    def near(line: Line) -> list[Line]:  # the lines of words whose baselines may be level
        return worded[
            bisect_left(bases, line.base - reach) : bisect_right(bases, line.base + reach)
        ]

    seeds = [ln for ln in lines if all(_beside(ln, near(ln), em))]
    if len(seeds) < 2:
        return None
    size = max(ln.size for ln in seeds)
    top, bottom = max(ln.base for ln in seeds), min(ln.base for ln in seeds)
    left, right = min(ln.x0 for ln in seeds) - em, max(ln.x1 for ln in seeds) + em
    inside = [
        ln
        for ln in lines
        if bottom - 0.5 * size <= ln.base <= top + 0.5 * size and ln.x0 >= left and ln.x1 <= right
    ]
    ordered = _top_down(inside)
    if any(a.base - b.base > 2.0 * max(a.size, b.size) for a, b in pairwise(ordered)):
        return None  # not one box
    if sum(len(ln.text.split()) for ln in inside) < 4:
        return None  # a row of chart labels
    ids = {id(ln) for ln in inside}
    rest = [ln for ln in lines if id(ln) not in ids]
    x0, x1 = min(ln.x0 for ln in rest), max(ln.x1 for ln in rest)
    narrow = [ln for ln in rest if ln.width < _WIDE * (x1 - x0)]
    if len(narrow) < 2 * _MIN_SIDE_LINES:
        return None
    gutter = _gutter(narrow, (x0, x1), em)
    if gutter is None or not all(ln.x0 < gutter[0] and ln.x1 > gutter[1] for ln in inside):
        return None
    return ordered, rest


def _top_down(lines: Sequence[Line]) -> list[Line]:
    return sorted(lines, key=lambda ln: (-ln.base, ln.x0))


def _heading_over(above: list[Line], wide: list[Line], middle: float) -> list[Line]:
    """The heading ending a band of column lines that heads the wide lines set under it.

    A box set across the page under two columns ("Did you know?" over a full-width paragraph)
    has its heading on a short line at the left: it falls in the column band, below every line
    of the other column, and would be read at the foot of the left column, away from its box.
    Only a heading's type (bold, or larger than the wide lines) on one short line is moved.
    """
    if not above or not wide:
        return []
    last = above[-1]
    left = (last.x0 + last.x1) / 2 < middle
    others = [ln for ln in above[:-1] if ((ln.x0 + ln.x1) / 2 < middle) != left]
    first = wide[0]
    if not others or last.base >= min(ln.base for ln in others) or last.base <= first.base:
        return []  # something stands beside it, or it is not above the wide lines
    if len(last.text.split()) > _HEADING_WORDS or last.text.rstrip().endswith((".", ",", ";")):
        return []
    if last.text.strip()[:1].islower():
        return []  # the wrapped end of the line above ("twice" / "a day"), not a heading
    if not (last.bold and not first.bold) and last.size < 1.15 * first.size:
        return []
    if last.base - first.base > 3 * max(first.size, 1.0):
        return []  # too far above the box to head it
    return [last]


def columns(lines: Sequence[Line], depth: int = 0) -> list[list[Line]]:
    """Cut a page's lines into columns in reading order, each read top to bottom."""
    if len(lines) <= 1:
        return [list(lines)] if lines else []
    if depth > _MAX_DEPTH:
        return [_top_down(lines)]
    x0 = min(ln.x0 for ln in lines)
    x1 = max(ln.x1 for ln in lines)
    em = _median([ln.size for ln in lines]) or 10.0
    narrow = [ln for ln in lines if ln.width < _WIDE * (x1 - x0)]
    gutter = _gutter(narrow, (x0, x1), em) if len(narrow) >= 2 * _MIN_SIDE_LINES else None
    if gutter is None or any(ln.x0 < gutter[0] - 0.5 and ln.x1 > gutter[1] + 0.5 for ln in narrow):
        boxed = _wrapped_box(lines, em)
        if boxed is not None:
            box, rest = boxed
            return [*columns(rest, depth + 1), box]
    if gutter is None:
        return [_top_down(lines)]
    g0, g1 = gutter
    crossing = [ln for ln in lines if ln.x0 < g0 - 0.5 and ln.x1 > g1 + 0.5]
    if not crossing:
        middle = (g0 + g1) / 2
        left = [ln for ln in lines if (ln.x0 + ln.x1) / 2 < middle]
        right = [ln for ln in lines if (ln.x0 + ln.x1) / 2 >= middle]
        return columns(left, depth + 1) + columns(right, depth + 1)
    cut = _white_band(lines, em)
    if cut is not None and any(ln.base < cut for ln in crossing):
        # columns that end above a wide white band, lines set across the page below it: what
        # stands under the band (a heading in the left column's place, then a list) comes after
        above = [ln for ln in lines if ln.base > cut]
        below = [ln for ln in lines if ln.base <= cut]
        return columns(above, depth + 1) + columns(below, depth + 1)
    # bands: runs of crossing lines and runs of column lines, top to bottom
    bands: list[tuple[bool, list[Line]]] = []
    crossing_ids = {id(ln) for ln in crossing}
    for line in _top_down(lines):
        is_crossing = id(line) in crossing_ids
        if not bands or bands[-1][0] != is_crossing:
            bands.append((is_crossing, []))
        bands[-1][1].append(line)
    for k in range(1, len(bands)):
        if bands[k][0] and not bands[k - 1][0]:
            tail = _heading_over(bands[k - 1][1], bands[k][1], (g0 + g1) / 2)
            if tail:
                bands[k - 1] = (False, bands[k - 1][1][: -len(tail)])
                bands[k] = (True, [*tail, *bands[k][1]])
    out: list[list[Line]] = []
    for _, band in bands:
        if not band:
            continue
        out.extend(columns(band, depth + 1) if len(band) < len(lines) else [band])
    return out
