"""How a table's cells read: which hold figures, and a body row as one sentence.

A row cited alone must still say what its figures are, so each figure follows its column's
name, after the row's label: "Gas boiler — Install cost (£) 1,700; Grant (£) 0." (the
Markdown reader names values by their columns the same way). A dash for "nothing reported"
is left out. The notes under a table ("[a] Includes …") explain the markers in its cells:
they are its text, each a passage of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.core.ingest.pdf.lines import Line

_NUMBER = r"[£$€¥]?\d[\d,.]*"
_FIGURE = re.compile(
    rf"^[(<>~≈±+−–-]?{_NUMBER}(?:\s?[-–/]\s?{_NUMBER})?\s?(?:%|pp|bn|[kmb])?\)?[⁰¹²³⁴⁵⁶⁷⁸⁹*†‡]*$",
    re.I,
)
_NO_VALUE = re.compile(r"^(?:[-–—.…x*]+|n/?a)$", re.I)  # a dash for "nothing reported"


def is_figure(text: str) -> bool:
    """A cell that holds a figure: "1,700", "42.7", "£11,300", "12%", "2020-21", "(3.5)"."""
    return bool(_FIGURE.match(text.strip()))


def row_passage(line: Line) -> str:
    """A table body row as one sentence: its label, then each figure after its column's name.

    "Gas boiler — Install cost (£) 1,700; Grant (£) 0; Annual running cost (£) 1,040." A row
    cited alone still says what its figures are; a table without a header gives its values.
    A header row, or a label alone on its row, states no fact: "".
    """
    if line.head or not line.cells:
        return ""
    label, *values = line.cells
    if not any(values) and not is_figure(label):
        return ""  # a group label on a row of its own names the rows under it
    names = list(line.names[1:]) + [""] * len(values)
    parts = [
        f"{name} {value}" if name and name != value else value
        for name, value in zip(names, values, strict=False)
        if value and not _NO_VALUE.match(value)
    ]
    if not label:
        text = "; ".join(parts)
    elif parts:
        text = f"{label} — " + "; ".join(parts)  # not "Label:", which reads as a speaker's turn
    else:
        text = label
    return text if text.endswith((".", "!", "?")) else text + "."


# a table's note opens with the marker its cells carry: "[a] Includes …", "(b) …", "* …", "† …"
_STARS = "*†‡§¶"
_NOTE_MARK = re.compile(r"^(\[[a-z0-9]{1,3}\]|\([a-z0-9]{1,2}\)|[*†‡§¶]{1,3})\s*(?=\w)", re.I)


def note_marker(text: str) -> str | None:
    """The marker a table's note opens with ("[a]", "(1)", "†"), or None."""
    match = _NOTE_MARK.match(text.strip())
    return match.group(1) if match else None


def as_note(line: Line) -> tuple[str, Line] | None:
    """A line that opens with a note's marker: (the marker, the line as printed), or None.

    "* Includes …" reads as a list item (lines.py sets a bullet for its star): its star is
    given back.
    """
    mark = note_marker(line.text)
    if mark is not None:
        return mark, line
    if line.bullet and line.text.startswith("• ") and line.glyphs:
        star = min(line.glyphs, key=lambda g: g.x0).char
        if star in _STARS:
            return star, replace(line, text=f"{star} {line.text[2:]}", bullet=False)
    return None


def table_notes(
    lines: Sequence[Line], marked: Sequence[str]
) -> tuple[list[list[Line]], list[Line]]:
    """The notes of a table or chart among lines under it, and the other lines.

    A note opens with a marker ("[a]", "(b)", "*") that one of the `marked` texts (its cells,
    its caption, its labels) carries, and runs over the lines under it that open no other.
    A line with a marker no cell carries ("(a) North" as a chart's label) is no note.
    """
    notes: list[list[Line]] = []
    rest: list[Line] = []
    open_note = False
    for line in lines:
        note = as_note(line)
        mark = note[0] if note else None
        if note and any(note[0] in text and not text.startswith(note[0]) for text in marked):
            notes.append([note[1]])
            open_note = True
        elif mark is None and open_note and _under(notes[-1][-1], line):
            notes[-1].append(line)  # a note wrapped onto a second line
        else:
            rest.append(line)
            open_note = False
    return notes, rest


def _under(above: Line, line: Line) -> bool:
    return abs(above.size - line.size) < 0.5 and 0 < above.base - line.base < 1.6 * line.size


def chart_values(lines: Sequence[Line]) -> list[Line]:
    """A bar chart's labels and the values printed by their bars, one line a bar.

    Between a figure's caption and its source, a label ("London") and a figure ("31%") level
    on one baseline, the figure to the label's right, give one bar's reading: "London 31%.".
    A chart shows them only if two bars or more do; its other labels (ticks) are left out.
    """
    out: list[Line] = []
    for label in lines:
        if label.cells or not any(c.isalpha() for c in label.text) or is_figure(label.text):
            continue
        value = next(
            (
                ln
                for ln in lines
                if ln is not label
                and not ln.cells
                and is_figure(ln.text)
                and abs(ln.base - label.base) <= 0.3 * max(label.size, 1.0)
                and ln.x0 > label.x1
            ),
            None,
        )
        if value is not None:
            # a stop, as a table row's passage has: a fact of its own, never a heading
            out.append(replace(label, text=f"{label.text.strip()} {value.text.strip()}."))
    return out if len(out) >= 2 else []
