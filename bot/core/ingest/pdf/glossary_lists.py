"""A printed list of abbreviations: one short form and its long form a row ("APF  Asset ...").

A glossary or abbreviations page sets each short form at the left and its long form to the
right on the same baseline, a row of two cells. A run of at least three such rows, most of
whose long forms spell their short form by their initials (so a table of codes is no glossary),
is read as glossary entries, every row of it, and taken out of the body: its rows are no
sentences. The long form is kept as printed; nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.ingest.glossary import is_short_form, long_form
from bot.core.ingest.pdf.furniture import Page
from bot.core.ingest.pdf.lines import Line
from bot.core.model import GlossaryEntry

_MIN_ROWS = 3


def _row(lines: Sequence[Line], k: int) -> tuple[int, str, str] | None:
    """The row starting at line K: how many lines it spans, its short and its long form."""
    line = lines[k]
    if len(line.cells) == 2 and all(line.cells):
        short, long = (c.strip() for c in line.cells)
        width = 1
    elif k + 1 < len(lines) and not line.cells and not lines[k + 1].cells:
        right = lines[k + 1]
        beside = abs(right.base - line.base) < 0.5 * line.size and right.x0 > line.x1 + line.size
        if not beside:
            return None
        short, long, width = line.text.strip(), right.text.strip(), 2
    else:
        return None
    if not is_short_form(short) or " " in short or not any(c.isalpha() for c in long):
        return None
    if len(long.split()) < 2 or long.endswith((".", "?", "!")):
        return None  # a long form is a name, not a sentence
    return width, short, long


def _runs(lines: Sequence[Line]) -> list[tuple[list[int], list[GlossaryEntry]]]:
    """The runs of glossary rows in a column: the lines' positions and the entries."""
    out: list[tuple[list[int], list[GlossaryEntry]]] = []
    k = 0
    while k < len(lines):
        taken: list[int] = []
        entries: list[GlossaryEntry] = []
        j = k
        while j < len(lines) and (row := _row(lines, j)) is not None:
            width, short, long = row
            taken.extend(range(j, j + width))
            entries.append(GlossaryEntry(short=short, long=long))
            j += width
        spelled = sum(1 for e in entries if long_form(e.short, e.long) is not None)
        if len(entries) >= _MIN_ROWS and 2 * spelled >= len(entries):
            out.append((taken, entries))
        k = max(j, k + 1)
    return out


def cut_glossary_lists(pages: Sequence[Page]) -> list[GlossaryEntry]:
    """Take every printed abbreviations list out of the pages; return its entries in order."""
    found: list[GlossaryEntry] = []
    for page in pages:
        doomed: set[int] = set()
        for col in page.columns:
            for taken, entries in _runs(col):
                doomed.update(id(col[k]) for k in taken)
                found.extend(entries)
        page.remove(doomed)
    return found
