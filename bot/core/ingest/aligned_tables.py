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
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_CELL = re.compile(r"\S+(?: \S+)*")  # a cell: words apart by single spaces
_FIGURE = re.compile(r"^[(<>~≈±+−–-]?[£$€¥]?\d[\d,.]*(?:[-–/]\d[\d,.]*)?\s?%?\)?[*†‡]*$")
_NO_VALUE = re.compile(r"^(?:[-–—.…x]+|n/?a)$", re.I)
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
        if len(rows) >= 2:
            out[k] = ""
            out.update(rows)
            k = rows[-1][0] + 1
        else:
            k += 1
    return out


def _rows_under(texts: Sequence[str], gaps: Sequence[bool], k: int) -> list[tuple[int, str]]:
    header = _cells(texts[k])
    if len(header) < 2 or not _spaced(texts[k]):
        return []
    best: list[tuple[int, str]] = []
    for names in (header, header[1:]) if len(header) >= 3 else (header,):
        label = header[0] if names is not header else None
        rows: list[tuple[int, str]] = []
        j = k + 1
        while (
            j < len(texts)
            and not (j < len(gaps) and gaps[j])
            and (row := _row(names, texts[j], label)) is not None
        ):
            rows.append((j, row))
            j += 1
        best = max(best, rows, key=len)
    return best
