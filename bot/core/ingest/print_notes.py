"""A print export's notes, out of its text.

An Endnotes/Notes section, a "[1]" list, or numbered lines printed at page bottoms in the middle
of the text (in sequence, a wrapped note continuing while its line does not end a sentence).
"""

from __future__ import annotations

import re

from bot.core.ingest.formats import SourceLine
from bot.core.ingest.print_lines import SENTENCE_END, PrintLine, is_numbered_heading
from bot.core.ingest.print_pages import NOTES_HEADING

_NOTE_START = re.compile(r"^\s*\[?(\d{1,3})(?:\]|[.)])?\s+(?=\S)(?!(?:percent|%|per|of|and|to)\b)")
_URL_REST = re.compile(r"^[\w.~%-]*/[\w./~%?=&#+-]*$")  # the rest of a URL cut at a line end


def split_endnotes(lines: list[PrintLine]) -> tuple[list[PrintLine], list[SourceLine]]:
    """Cut an Endnotes section (a heading, then "1 …" lines) from the end of the text."""
    for k in range(len(lines) - 1, -1, -1):
        if (
            NOTES_HEADING.match(lines[k].text)
            and k + 1 < len(lines)
            and re.match(r"^\s*\[?1(?:\]|[.)])?\s", lines[k + 1].text)
        ):
            return lines[:k], _note_lines(lines[k + 1 :])
    return lines, []


def split_bracket_endnotes(lines: list[PrintLine]) -> tuple[list[PrintLine], list[SourceLine]]:
    """A text's last lines when they are "[1] …", "[2] …" in sequence after a blank line.

    Bracketed notes need no heading: their numbers in brackets at a line start, counting up
    from 1 to the end of the text, are a notes list in that shape only.
    """
    start = len(lines)
    while start > 0 and re.match(r"^\s*\[\d{1,3}\]\s+\S", lines[start - 1].text):
        start -= 1
    numbers = [int(re.match(r"^\s*\[(\d{1,3})\]", line.text).group(1)) for line in lines[start:]]  # type: ignore[union-attr]
    if (
        not numbers
        or numbers != list(range(1, len(numbers) + 1))
        or start == 0
        or lines[start - 1].number >= lines[start].number - 1  # no blank line before the list
    ):
        return lines, []
    return lines[:start], [SourceLine(line.text.strip(), line.number) for line in lines[start:]]


def _note_lines(lines: list[PrintLine]) -> list[SourceLine]:
    """Notes in sequence; a page the export ran into one line is cut at each next number."""
    notes: list[SourceLine] = []
    expected = 1
    for line in lines:
        for piece in _cut_notes(line.text.strip(), expected):
            start = _NOTE_START.match(piece)
            if start and expected <= int(start.group(1)) <= expected + 1:
                notes.append(SourceLine(piece, line.number, line.page))
                expected = int(start.group(1)) + 1
            elif notes:
                last = notes[-1]
                notes[-1] = SourceLine(_join(last.text, piece), last.number, last.page)
    return notes


def _cut_notes(text: str, expected: int) -> list[str]:
    """Cut a run-on line before each next note number (after a full stop or a URL)."""
    pieces: list[str] = []
    at = 0
    number = expected if not _NOTE_START.match(text) else int(_NOTE_START.match(text).group(1)) + 1  # type: ignore[union-attr]
    while True:
        cut = re.compile(rf"(?<=[.)/”\"]\s)({number})\s+(?=[A-Z“\"‘])").search(text, at + 1)
        if cut is None:
            break
        pieces.append(text[at : cut.start()].strip())
        at = cut.start()
        number += 1
    pieces.append(text[at:].strip())
    return [p for p in pieces if p]


def _join(left: str, right: str) -> str:
    """Join two lines of a note: a URL or word broken at a hyphen or slash is not spaced."""
    if (
        re.search(r"(?:https?://\S*|[/-])$", left)
        and re.match(r"^[\w./~-]", right)
        and ("http" in left.rsplit(" ", 1)[-1] or left.endswith("/"))
    ):
        return left + right
    return f"{left} {right}"


def split_page_notes(lines: list[PrintLine]) -> tuple[list[PrintLine], list[SourceLine]]:
    """Notes printed at page bottoms, found in the middle of the text, in sequence."""
    body: list[PrintLine] = []
    notes: list[SourceLine] = []
    expected = 1
    open_note = False
    for line in lines:
        start = _NOTE_START.match(line.text)
        if (
            start
            and int(start.group(1)) == expected
            and len(line.text) > 20
            and not is_numbered_heading(line.text)
        ):
            notes.append(SourceLine(line.text.strip(), line.number, line.page))
            expected += 1
            open_note = not SENTENCE_END.search(line.text.strip())
            continue
        url_rest = (
            bool(notes)
            and _URL_REST.match(line.text.strip()) is not None
            and bool(re.search(r"https?://\S*$", notes[-1].text))
        )
        if (open_note or url_rest) and notes:
            last = notes[-1]
            notes[-1] = SourceLine(_join(last.text, line.text.strip()), last.number, last.page)
            open_note = not SENTENCE_END.search(line.text.strip())
            continue
        open_note = False
        body.append(line)
    if len(notes) < 2:
        return lines, []
    return body, notes
