"""Tables laid out with spaces in plain text: a header line of column names, then rows.

A scanned or typed report aligns its table in columns of spaces:

                          1995-96     1996-97     1997-98
  Water put into supply     512         498         487

The header line holds two or more cells (runs of text apart by two or more spaces); each row
under it holds a label and one figure under each column name (where the header names the
label column, "Year" over "2021", the label may be a figure too). Every row reads as a sentence
of its own that names each figure's column ("Water put into supply — 1995-96 512; 1996-97 498;
1997-98 487."), as the other readers' table rows do; the header line is no heading and no text.
Prose never has figures standing under column names in two or more lines in a row.

A header may stand on two lines, a unit line under the names ("2025 budget" over "£m"): a line
right above the header with a cell over each of its columns joins its names ("2025 budget £m").
A sum rule under the rows ("-------" under each column) is no row and no text: the total row
under it is one more row of the table. A rule right under the header closes the header; it is
no row either. A figure may carry a note's mark ("955¹", "3.4 (c)").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_CELL = re.compile(r"\S+(?: \S+)*")  # a cell: words apart by single spaces
_FIGURE = re.compile(
    r"^[(<>~≈±+−–-]?[£$€¥]?\d[\d,.]*(?:[-–/]\d[\d,.]*)?\s?%?\)?[*†‡]*"
    r"(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+| \([a-z]\))?$"  # a note's mark: "955¹", "3.4 (c)"
)
_NO_VALUE = re.compile(r"^(?:[-–—.…x]+|n/?a)$", re.I)
_RULE_CELL = re.compile(r"^(?:[-–—=_]{3,})$")
_SLACK = 3  # columns a figure may stand off its column name's edges


def _cells(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _CELL.finditer(text)]


def _spaced(text: str) -> bool:
    return "  " in text.strip()


def _row(
    header: list[tuple[int, int, str]], text: str, label: tuple[int, int, str] | None = None
) -> str | None:
    """A row's sentence when its figures stand under the header's columns, else None.

    `label` is the header's name of the label column, if it has one: under it the row's label
    may be a figure too ("Year" over "2021").
    """
    if not _spaced(text):
        return None
    cells = _cells(text)
    if len(cells) != len(header) + 1:
        return None
    if _FIGURE.match(cells[0][2]) and not (
        label is not None and label[0] - _SLACK <= cells[0][0] <= label[1] + _SLACK
    ):
        return None
    parts = []
    for (start, end, value), (h_start, h_end, name) in zip(cells[1:], header, strict=True):
        if not (_FIGURE.match(value) or _NO_VALUE.match(value)):
            return None
        middle = (start + end) / 2
        if not h_start - _SLACK <= middle <= h_end + _SLACK:
            return None
        if not _NO_VALUE.match(value):
            parts.append(f"{name} {value}")
    return f"{cells[0][2]} — " + "; ".join(parts) + "." if parts else None


def aligned_rows(texts: Sequence[str], gaps: Sequence[bool] = ()) -> dict[int, str]:
    """The lines of space-aligned tables: each row's index with its sentence, a header's with "".

    `texts` are consecutive source lines; `gaps[k]` says a blank line stands before line k
    (blank lines in `texts` count so too). A table is a header line and two or more rows right
    under it; the header may name the label column too ("Item   2020   2021").
    """
    out: dict[int, str] = {}
    k = 0
    while k < len(texts):
        rows = _rows_under(texts, gaps, k)
        if sum(bool(text) for _, text in rows) >= 2:  # rules under the header are no rows
            out[k] = ""
            out.update(rows)
            for above in _names_above(texts, gaps, k):
                out[above] = ""
            k = rows[-1][0] + 1
        else:
            k += 1
    return out


def _over(upper: tuple[int, int, str], lower: tuple[int, int, str]) -> bool:
    """Whether a cell stands over another (its middle within the other's edges, or so)."""
    middle = (upper[0] + upper[1]) / 2
    low_middle = (lower[0] + lower[1]) / 2
    return (
        lower[0] - _SLACK <= middle <= lower[1] + _SLACK
        or upper[0] - _SLACK <= low_middle <= upper[1] + _SLACK
    )


def _stacked(upper: list[tuple[int, int, str]], lower: list[tuple[int, int, str]]) -> bool:
    """Whether `upper` is a header line over `lower`: a cell over each of its own.

    The upper line may leave the label column unnamed ("Starts" over "Q3 2025", nothing over
    "Tenure"): then its cells stand over the lower line's others.
    """
    lower = lower[_skipped(upper, lower) :]
    return len(upper) == len(lower) and all(
        _over(u, low) for u, low in zip(upper, lower, strict=True)
    )


def _skipped(upper: list[tuple[int, int, str]], lower: list[tuple[int, int, str]]) -> int:
    """1 when the upper line names every column of the lower but its first, else 0."""
    return int(len(upper) + 1 == len(lower) >= 3 and upper[0][0] > lower[0][1] + _SLACK)


def _names_above(texts: Sequence[str], gaps: Sequence[bool], k: int) -> list[int]:
    """The header lines stacked right above line k (the nearest first)."""
    found: list[int] = []
    below = _cells(texts[k])
    j = k - 1
    while (
        j >= 0
        and not (j + 1 < len(gaps) and gaps[j + 1])
        and _spaced(texts[j])
        and _stacked(cells := _cells(texts[j]), below)
    ):
        found.append(j)
        below = cells
        j -= 1
    return found


def _header(texts: Sequence[str], gaps: Sequence[bool], k: int) -> list[tuple[int, int, str]]:
    """Line k's header cells, each named with the names stacked over it."""
    header = _cells(texts[k])
    for j in _names_above(texts, gaps, k):
        above = _cells(texts[j])
        skip = _skipped(above, header)
        header = header[:skip] + [
            (start, end, f"{upper} {name}")
            for (start, end, name), (_, _, upper) in zip(header[skip:], above, strict=True)
        ]
    return header


def _sum_rule(names: list[tuple[int, int, str]], text: str) -> bool:
    """Whether a line is a rule under each figure column ("-------" under the sums' terms)."""
    cells = _cells(text)
    return (
        bool(cells)
        and all(_RULE_CELL.match(value) for _, _, value in cells)
        and len(cells) in (len(names), len(names) + 1)
    )


def _rows_under(texts: Sequence[str], gaps: Sequence[bool], k: int) -> list[tuple[int, str]]:
    if len(_cells(texts[k])) < 2 or not _spaced(texts[k]):
        return []
    header = _header(texts, gaps, k)
    best: list[tuple[int, str]] = []
    for names in (header, header[1:]) if len(header) >= 3 else (header,):
        label = header[0] if names is not header else None
        rows: list[tuple[int, str]] = []
        j = k + 1
        while j < len(texts) and not (j < len(gaps) and gaps[j]):
            if j + 1 < len(texts) and _sum_rule(names, texts[j]):
                # the rule is no row: under the header it closes it, and under rows the
                # total under it is one more
                rows.append((j, ""))
                j += 1
                continue
            if (row := _row(names, texts[j], label)) is None:
                break
            rows.append((j, row))
            j += 1
        while rows and not rows[-1][1]:
            rows.pop()
        if len(rows) > 2 and rows[0][1] and not rows[1][1] and all(t for _, t in rows[2:4]):
            rows = []  # a rule under the first line closes a header ("Sector  2023  2024")
        best = max(best, rows, key=len)
    return best
