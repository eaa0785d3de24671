"""Markdown shapes the reader asks about: an image, the caption under it, a table's rows.

An image on a line of its own may have an emphasised line under it, its caption; a table's
rows are read as sentences, or as a notes list when numbered so.
"""

from __future__ import annotations

import re
from itertools import pairwise

from markdown_it.token import Token


def first_line(token: Token) -> tuple[Token, Token | None]:
    """An inline token cut after its first line: (first line, the lines below or None)."""
    children = token.children or []
    cut = next((k for k, c in enumerate(children) if c.type in ("softbreak", "hardbreak")), None)
    if cut is None or not children[cut + 1 :]:
        return Token("inline", "", 0, children=children[:cut]), None
    head = Token("inline", "", 0, children=children[:cut])
    return head, Token("inline", "", 0, children=children[cut + 1 :])


def image_first(token: Token) -> tuple[str, Token | None] | None:
    """The raw alt text of a paragraph opening with an image on a line of its own, and the rest.

    The lines below the image come back as an inline token of their own (None when there are
    none); None when the paragraph does not open with an image alone.
    """
    head, rest = first_line(token)
    alone = [c for c in head.children or [] if not (c.type == "text" and not c.content.strip())]
    if len(alone) != 1 or alone[0].type != "image":
        return None
    return alone[0].content, rest


def caption_lines(token: Token) -> tuple[Token, Token | None] | None:
    """An emphasised run under an image, whole or as its first line, and the lines after it."""
    if emphasis_only(token):
        return token, None
    head, rest = first_line(token)
    return (head, rest) if rest is not None and emphasis_only(head) else None


def emphasis_only(token: Token) -> bool:
    """Whether a paragraph is one emphasised run ("*A reader browses …*", "_…_")."""
    children = [c for c in token.children or [] if not (c.type == "text" and not c.content.strip())]
    if len(children) < 3 or children[0].type != "em_open" or children[-1].type != "em_close":
        return False
    depth = 0
    for k, child in enumerate(children):
        depth += {"em_open": 1, "em_close": -1}.get(child.type, 0)
        if depth == 0 and k < len(children) - 1:
            return False  # "*a* and *b*": two runs, not one
    return True


def note_rows(rows: list[tuple[int, list[str]]]) -> list[tuple[int, int, str]]:
    """(line, number, text) of a notes table: a number and a text a row, numbered on by one.

    A table whose first column holds years ("| 2023 | 1.2 tonnes |") or ranks beside several
    values is data, not notes.
    """
    notes: list[tuple[int, int, str]] = []
    for line, cells in rows:
        number = re.fullmatch(r"\[?(\d{1,3})\]?\.?", cells[0].strip()) if cells else None
        if number and len(cells) == 2 and cells[1].strip():
            notes.append((line, int(number.group(1)), cells[1].strip()))
    numbers = [n for _, n, _ in notes]
    if not notes or len(notes) < len(rows) - 1:
        return []
    if any(b != a + 1 for a, b in pairwise(numbers)):
        return []
    return notes


def table_row(header: list[str], cells: list[str]) -> str:
    """A table row as one sentence: "Header: value; Header: value." (empty cells left out)."""
    parts = []
    for k, cell in enumerate(cells):
        value = cell.strip()
        if not value:
            continue
        name = header[k].strip().rstrip(":") if k < len(header) else ""
        parts.append(f"{name}: {value}" if name and name != value else value)
    if not parts:
        return ""
    text = "; ".join(parts)
    return text if text.endswith((".", "!", "?")) else text + "."
