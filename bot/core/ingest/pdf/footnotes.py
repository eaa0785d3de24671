"""Footnotes: the notes printed at the foot of a column or page, in smaller type.

The foot of each column is read upwards while the type stays smaller than the body's; the
notes start at the first of those lines that opens with the next note number (raised, or
plain and glued: "1Preliminary"). A line starting with the expected next number, or with a
number marked in the page's text, opens a note; other lines continue it. A note cut by the
page break goes on in the first unnumbered small lines of the next foot. Numbers must follow
each other or be marked, so a small-type table at the foot of a page is not taken for notes.

Some writers set markers as plain digits glued after a full stop ("utility-scale.1 The cost"),
in the body's type on its baseline. Such a digit vouches for a note of its number at the foot
of the same page (not one a raised marker cites); once that note is read, the digit is raised
in the body text ("utility-scale.¹") so the sentence ends there and carries its note.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from bot.core.ingest.pdf.furniture import Page
from bot.core.ingest.pdf.lines import Line
from bot.core.ingest.sentences import SUPERSCRIPTS

_SMALL = 0.95
_PLAIN_NUMBER = re.compile(r"^(\d{1,3})(?:\s+|(?=[A-Z“\"‘(]))(?=\S)")
_SUPER_NUMBER = re.compile(rf"^([{SUPERSCRIPTS}]{{1,3}})\s*(?=\S)")
_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")
_MAX_SKIP = 3  # a note number with a marker may skip this many (notes the reader missed)
# a plain-digit marker: a word (not a number: "16.2 GW") ends a sentence, the digits glued on,
# then the next sentence or the line's end ("scale.1 The", "p.m.4", "year.”6")
_PLAIN_MARKER = re.compile(r"(?<=[A-Za-z%)\]][.?!])([\"”’)]?)(\d{1,3})(?=\s+[A-Z“\"‘(]|\s*$)")
_TO_SUPER = str.maketrans("0123456789", SUPERSCRIPTS)
# a plain-digit marker after a figure's full stop ("in 2015.2 Cell prices") reads like a
# decimal, so it counts only for a note at the page's foot no other marker cites, and only
# before a sentence's first word (capitalised, not an unit in capitals: "16.2 GW")
_FIGURE_MARKER = re.compile(r"(?<=\d\.)(\d{1,3})(?=\s+[A-Z][a-z])")
# one glued after a year's full stop ("in October 2022.1 The") may vouch for the next note
# (a decimal or a version, "version 3.1 The", may not)
# one glued after a figure's full stop at the end of a line: only for a note still uncited
_LAST = re.compile(r"(?<=\d\.)(\d{1,3})(?=\s*$)")
_YEAR_MARKER = re.compile(r"(?<=\b(?:1[89]|20)\d\d\.)(\d{1,3})(?=\s+[A-Z][a-z])")
# so may one after a sum of money or a figure with thousands separators ("the rent to
# $1,414.1 She wrote"): a price or a count is not written with one or two odd decimals
_AMOUNT_MARKER = re.compile(
    r"(?:[$€£¥]\d[\d,]*|(?<![\d.,])\d{1,3}(?:,\d{3})+)\.(\d{1,3})(?=\s+[A-Z][a-z])"
)


@dataclass
class FootNote:
    """One footnote as read: number, the lines it spans, its page."""

    number: int
    lines: list[Line]


def _number(line: Line) -> tuple[int, str] | None:
    """The note number a line opens with, and the text after it."""
    text = line.text
    sup = _SUPER_NUMBER.match(text)
    if sup:
        return int(sup.group(1).translate(_TO_DIGIT)), text[sup.end() :]
    plain = _PLAIN_NUMBER.match(text)
    if plain:
        return int(plain.group(1)), text[plain.end() :]
    return None


def _opens(line: Line, last: int, markers: set[int]) -> bool:
    """Whether a line opens the next note: its number follows the last or has a marker."""
    found = _number(line)
    return (
        found is not None
        and last < found[0]
        # the first note needs a marker to vouch for it (a numbered list is not notes)
        and (
            (found[0] == last + 1 and (last > 0 or found[0] in markers))
            or (found[0] in markers and (found[0] <= last + 1 + _MAX_SKIP or last == 0))
        )
    )


def marked_numbers(lines: Sequence[Line]) -> set[int]:
    """The note numbers the lines' raised markers cite (not a raised number opening a line)."""
    found: set[int] = set()
    for line in lines:
        for run in re.finditer(rf"[{SUPERSCRIPTS}]+", line.text):
            if run.start() > 0:  # a raised number opening a line is a note's own number
                found.add(int(run.group(0).translate(_TO_DIGIT)))
    return found


def plain_markers(lines: Sequence[Line], size: float) -> set[int]:
    """The note numbers plain digits glued after a sentence's end cite, in body-size lines."""
    found: set[int] = set()
    for line in lines:
        if line.size >= _SMALL * size and not line.cells:
            found.update(int(m.group(2)) for m in _PLAIN_MARKER.finditer(line.text))
    return found


def _raise_plain(page: Page, numbers: set[int], size: float) -> None:
    """Rewrite the page's plain-digit markers of these note numbers as raised digits."""

    def lift(match: re.Match[str]) -> str:
        number = match.group(2)
        return match.group(1) + (number.translate(_TO_SUPER) if int(number) in numbers else number)

    for line in page.lines:
        if line.size >= _SMALL * size and not line.cells:
            line.text = _PLAIN_MARKER.sub(lift, line.text)


def _figure_markers(page: Page, size: float) -> set[int]:
    """The numbers one digit glued to a year or an amount stands for in the page's body lines."""
    counts: dict[int, int] = {}
    for line in page.lines:
        if line.size >= _SMALL * size and not line.cells:
            for m in (*_YEAR_MARKER.finditer(line.text), *_AMOUNT_MARKER.finditer(line.text)):
                counts[int(m.group(1))] = counts.get(int(m.group(1)), 0) + 1
    return {number for number, count in counts.items() if count == 1}


def _raise_after_figures(
    page: Page, uncited: set[int], size: float, pattern: re.Pattern[str] = _FIGURE_MARKER
) -> set[int]:
    """Raise the one figure-glued digit ("2015.2 Cell") of each note no marker cites.

    Returns the numbers raised.
    """
    body = [ln for ln in page.lines if ln.size >= _SMALL * size and not ln.cells]
    done: set[int] = set()
    for number in sorted(uncited):
        hits = [
            (line, m)
            for line in body
            for m in pattern.finditer(line.text)
            if int(m.group(1)) == number
        ]
        if len(hits) == 1:
            line, m = hits[0]
            raised = m.group(1).translate(_TO_SUPER)
            line.text = line.text[: m.start()] + raised + line.text[m.end() :]
            done.add(number)
    return done


def split_footnotes(pages: Sequence[Page], body_size: float) -> list[FootNote]:
    """Take the footnotes out of every column foot; return them in order."""
    notes: list[FootNote] = []
    seen: set[int] = set()
    left: dict[int, set[int]] = {}  # a page's notes no marker cites
    raised = marked_numbers([ln for page in pages for ln in page.lines])
    for page in pages:
        seen |= marked_numbers(page.lines)
        # plain digits vouch only for this page's notes, and not for a number a raised marker cites
        plain = plain_markers(page.lines, body_size) - raised
        # a lone year-glued digit ("October 2022.1 The") may vouch for the next note only
        figure = _figure_markers(page, body_size) - raised - plain
        before = len(notes)
        doomed: set[int] = set()
        for col in page.columns:
            tail = len(col)
            while tail > 0 and col[tail - 1].size < _SMALL * body_size:
                tail -= 1
            if tail == len(col):
                continue
            last = notes[-1].number if notes else 0
            markers = seen | plain | {n for n in figure if n == last + 1}
            start = next((k for k in range(tail, len(col)) if _opens(col[k], last, markers)), None)
            if start is None:
                continue
            # unnumbered small lines just above the first note go on with a note left open
            lead = start
            while (
                lead > tail
                and notes
                and (not _closed(notes[-1]) or col[lead - 1].text[:1].islower())
                and not col[lead - 1].text.lower().startswith(("source", "note"))
                and not _in_a_row(col[lead - 1], col)
            ):
                lead -= 1
            if lead < start and notes:
                notes[-1].lines.extend(col[lead:start])
            for k, line in enumerate(col[start:]):
                found = _number(line)
                current = notes[-1].number if notes else 0
                if found and (k == 0 or _opens(line, current, markers)):
                    notes.append(FootNote(found[0], [line]))
                else:
                    notes[-1].lines.append(line)
            doomed.update(id(ln) for ln in col[lead:])
        page.remove(doomed)
        cited = {n.number for n in notes[before:]} & plain
        if cited:
            _raise_plain(page, cited, body_size)
        uncited = {n.number for n in notes[before:]} - plain - raised
        if uncited:
            uncited -= _raise_after_figures(page, uncited, body_size)
        left[page.index] = uncited
    # a note still uncited whose marker is glued to a figure that ends its line, on the note's
    # page or the next (the paragraph ran on over the page): "… under 19.2"
    for page, after in pairwise(pages):
        if left.get(page.index):
            left[page.index] -= _raise_after_figures(page, left[page.index], body_size, _LAST)
            # a plain marker of the note's number there cites it already
            rest = left[page.index] - plain_markers(after.lines, body_size)
            _raise_after_figures(after, rest, body_size, _LAST)
    return notes


def _in_a_row(line: Line, col: Sequence[Line]) -> bool:
    """Whether a line is one cell of a row: another line stands beside it on its baseline."""
    return bool(line.cells) or any(
        other is not line and abs(other.base - line.base) < 0.5 * line.size for other in col
    )


def _closed(note: FootNote) -> bool:
    text = note.lines[-1].text.rstrip()
    return text.endswith((".", "?", "!", ")", "”", '"')) and not text.endswith("-")


def note_text(note: FootNote) -> list[str]:
    """The note's text lines, the number taken off the first."""
    first = _number(note.lines[0])
    texts = [first[1] if first else note.lines[0].text] + [ln.text for ln in note.lines[1:]]
    return [t.strip() for t in texts if t.strip()]
