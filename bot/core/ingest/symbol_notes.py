"""Footnotes marked with symbols: "… 934 mm.*" in the text, "* Long-term average …" below.

Older printed reports mark their few footnotes with "*", "†", "‡" or "§" instead of numbers.
A note is a line that starts with such a symbol and a space, after a blank line (or right
after another note), and continues on the lines under it until a sentence ends; it is a note
only when the same page has the symbol glued to the end of a word or a full stop earlier on
("mm.*", "mains.†"). A bulleted list ("* item" lines with no such marker) stays a list, and a
"*word*" emphasis is no marker. Notes are numbered in the order of their markers.

A table's notes are often lettered: "(a) The fall in …" under a "Notes:" line, the marker
"(a)" glued to a word of a row label ("Economy(a)"). Those are notes of the same kind; a
marker glued to a figure ("section 4(a)") is a cross-reference, never a note's marker. In a
table aligned with spaces the letter stands after a cell's figure ("955 (a)   1,120").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

_NOTE = re.compile(r"^\s*(\*{1,3}|†{1,3}|‡{1,2}|§{1,2}|¶|\([a-z]\))\s+(\S.*)$")
_NOTES_LABEL = re.compile(r"^\s*(?:Notes?|Footnotes)\s*:?\s*$", re.I)
_SYMBOLS = "*†‡§¶"
_EMPHASIS_OPEN = re.compile(r"(?:^|\s)\*[^\s*][^*]*$")  # "*word" still open before the marker
_ALIGNED = re.compile(r"\S {2,}\S")  # a line of a table aligned with spaces
_ENDS = re.compile(r"[.!?][\"”’')\]]*$")


class _Line(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def page(self) -> str: ...
    @property
    def gap(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class SymbolNote:
    """One symbol note: its number, the lines it takes, its text and where its marker is."""

    number: int
    lines: tuple[int, ...]
    text: str
    marker_line: int
    marker_start: int
    marker_end: int


def _markers(text: str, symbol: str) -> list[tuple[int, int]]:
    if symbol.startswith("("):  # a letter glued to a word: "Economy(a)", not "4(a)"
        pattern = re.compile(rf"(?<=[^\W\d_]){re.escape(symbol)}(?=[\s,;:.]|$)")
        found = [(m.start(), m.end()) for m in pattern.finditer(text)]
        if _ALIGNED.search(text):  # a table cell's figure, then its letter: "955 (a)   1,120"
            cell = re.compile(rf"(?<=\d) {re.escape(symbol)}(?= {{2,}}\S|\s*$)")
            found += [(m.start(), m.end()) for m in cell.finditer(text)]
        return sorted(found)
    pattern = re.compile(rf"(?<=[^\s{_SYMBOLS}]){re.escape(symbol)}(?![{_SYMBOLS}])(?=[\s,;:)]|$)")
    found = []
    for match in pattern.finditer(text):
        if symbol[0] == "*" and _EMPHASIS_OPEN.search(text[: match.start()]):
            continue
        found.append((match.start(), match.end()))
    return found


def symbol_notes(lines: Sequence[_Line]) -> list[SymbolNote]:
    """The symbol notes of a text's lines (each line knows its page), numbered by marker."""
    taken: set[int] = set()
    claimed: set[tuple[int, int]] = set()
    found: list[tuple[int, int, int, tuple[int, ...], str]] = []
    k = 0
    while k < len(lines):
        note = _NOTE.match(lines[k].text)
        after_note = bool(k and (k - 1) in taken)
        after_label = bool(k and not lines[k].gap and _NOTES_LABEL.match(lines[k - 1].text))
        if note is None or not (lines[k].gap or after_note or after_label):
            k += 1
            continue
        symbol = note.group(1)
        marker = next(
            (
                (j, start, end)
                for j in range(k - 1, -1, -1)
                if lines[j].page == lines[k].page and j not in taken
                for start, end in reversed(_markers(lines[j].text, symbol))
                if (j, start) not in claimed
            ),
            None,
        )
        if marker is None:
            k += 1
            continue
        span = [k]
        text = note.group(2).strip()
        while (
            not _ENDS.search(text)
            and span[-1] + 1 < len(lines)
            and not lines[span[-1] + 1].gap
            and lines[span[-1] + 1].page == lines[k].page
            and _NOTE.match(lines[span[-1] + 1].text) is None
        ):
            span.append(span[-1] + 1)
            text = f"{text} {lines[span[-1]].text.strip()}"
        taken.update(span)
        claimed.add((marker[0], marker[1]))
        found.append((marker[0], marker[1], marker[2], tuple(span), text))
        k = span[-1] + 1
    found.sort()
    return [
        SymbolNote(n, span, text, line, start, end)
        for n, (line, start, end, span, text) in enumerate(found, start=1)
    ]


@dataclass(frozen=True, slots=True)
class _Plain:
    text: str
    page: str
    gap: bool


def cut_symbol_notes(text: str) -> tuple[str, list[tuple[int, str]]]:
    """Plain text with its symbol notes' lines blanked and its markers superscripts.

    Returns the text (line numbers kept) and each note as (1-based source line, "N text").
    """
    from bot.core.ingest.formats import superscript

    raw = text.split("\n")
    numbers = [k for k, line in enumerate(raw) if line.strip()]
    lines = [_Plain(raw[k], "", bool(j) and numbers[j - 1] != k - 1) for j, k in enumerate(numbers)]
    found = symbol_notes(lines)
    if not found:
        return text, []
    for note in sorted(found, key=lambda n: (n.marker_line, -n.marker_start)):
        k = numbers[note.marker_line]
        mark = superscript(str(note.number))
        rest = raw[k][note.marker_end :]
        if rest.startswith("  "):  # a table's cell: the columns after it keep their place
            mark = mark.ljust(note.marker_end - note.marker_start)
        raw[k] = raw[k][: note.marker_start] + mark + rest
    for note in found:
        for j in note.lines:
            raw[numbers[j]] = ""
        first = numbers[note.lines[0]]
        if first and _NOTES_LABEL.match(raw[first - 1]):
            raw[first - 1] = ""  # the "Notes:" line over them heads nothing left
    return "\n".join(raw), [(numbers[n.lines[0]] + 1, f"{n.number} {n.text}") for n in found]
