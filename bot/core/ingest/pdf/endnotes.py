"""Endnotes: the numbered list under a "Notes" / "Endnotes" / "References" heading near the end.

Unlike footnotes, endnotes are not tied to a column's foot: the list may start mid-column, run
on over columns and pages, and be set in any type. The list starts at the last notes heading
whose next line opens note 1 (or a number a marker in the text cites); a line opens the next
note when its number ("1 ", "1.", "1)", "[1]", "¹", or glued: "1Eastmere") follows the one
before, or skips a few to a marked number; every other line continues the note before it, so
a note wrapped over a column or page break stays whole. The list ends at a heading or a
change of type size (the back matter after it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.ingest.notes import NOTES_HEADING, note_line
from bot.core.ingest.pdf.blocks import is_heading
from bot.core.ingest.pdf.footnotes import FootNote, marked_numbers
from bot.core.ingest.pdf.furniture import Page
from bot.core.ingest.pdf.lines import Line
from bot.core.ingest.sentences import SUPERSCRIPTS, marker_numbers

_GLUED = re.compile(rf"^(?:(\d{{1,3}})(?=[A-Z“\"‘(])|([{SUPERSCRIPTS}]{{1,3}})\s*(?=\S))")
_MAX_SKIP = 3  # a marked number may skip this many (notes the reader missed)
_SIZE_CHANGE = 0.15  # a line this much larger or smaller than the notes is not one of them


def _number(text: str) -> int | None:
    parsed = note_line(text)
    if parsed is not None:
        return parsed[0]
    glued = _GLUED.match(text)
    if glued is None:
        return None
    return int(glued.group(1)) if glued.group(1) else marker_numbers(glued.group(2))[0]


def endnote_text(note: FootNote) -> list[str]:
    """The note's text lines, the number taken off the first."""
    first = note.lines[0].text
    parsed = note_line(first)
    glued = _GLUED.match(first)
    opening = parsed[1] if parsed else first[glued.end() :] if glued else first
    texts = [opening] + [ln.text for ln in note.lines[1:]]
    return [t.strip() for t in texts if t.strip()]


def _opens(number: int | None, last: int, markers: set[int]) -> bool:
    if number is None or number <= last:
        return False
    return number == last + 1 or (number in markers and number <= last + 1 + _MAX_SKIP)


def _is_notes_heading(line: Line, body_size: float) -> bool:
    return is_heading(line, body_size) and bool(NOTES_HEADING.match(line.text.strip(" :*_#")))


def split_endnotes(pages: Sequence[Page], body_size: float) -> list[FootNote]:
    """Take the endnotes list and its heading out of the pages; return the notes in order."""
    flat = [ln for page in pages for ln in page.lines]
    markers = marked_numbers(flat)
    start = None
    for k in range(len(flat) - 2, -1, -1):
        if not _is_notes_heading(flat[k], body_size):
            continue
        first = _number(flat[k + 1].text)
        if first is not None and (first == 1 or (first in markers and first == min(markers))):
            start = k
            break
    if start is None or first is None:
        return []
    notes = [FootNote(first, [flat[start + 1]])]
    size = flat[start + 1].size
    end = start + 2
    for line in flat[end:]:
        number = _number(line.text)
        if _opens(number, notes[-1].number, markers) and number is not None:
            notes.append(FootNote(number, [line]))
        elif is_heading(line, body_size) or abs(line.size - size) > _SIZE_CHANGE * size:
            break
        else:
            notes[-1].lines.append(line)
        end += 1
    doomed = {id(ln) for ln in flat[start:end]}
    for page in pages:
        page.remove(doomed)
    return notes
