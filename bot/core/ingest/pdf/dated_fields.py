"""A first page's dated field lines: "Next release: 11 March 2026", "Last revised: May 2024".

The document's own date line ("Release date: 12 March 2025") is its date (meta.py) and no
text. Another field of the title block that gives a date (the next issue's, a revision's) is
a fact a reader asks for ("when is the next bulletin out"): it stands as a sentence of its
own, as printed and closed by a full stop as a table's row is, never glued to the field
lines around it nor read as a heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.core.ingest.pdf.blocks import Para
from bot.core.ingest.pdf.lines import Line
from bot.core.ingest.pdf.meta import iso_date

# a short label, a colon, then the value: "Next release: 11 March 2026"
_PROSE_WORDS = 8  # a line of running text has this many words at least
_FIELD = re.compile(r"^[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,3}\s*:\s+(\S.*)$")


def is_dated_field(text: str) -> bool:
    """Whether a line is a labelled date and nothing else ("Next update: June 2025")."""
    match = _FIELD.match(text.strip())
    return bool(match and iso_date(match.group(1), whole=True))


def dated_fields(lines: Sequence[Line]) -> list[Line]:
    """The title block's dated field lines: those above the page's first line of running text.

    A labelled date further down ("Deadline: 30 November 2025" in a list) is the text's.
    """
    out: list[Line] = []
    for line in lines:
        if len(line.text.split()) >= _PROSE_WORDS:
            break
        if not line.cells and is_dated_field(line.text):
            out.append(line)
    return out


def with_fields(paras: Sequence[Para], fields: Sequence[Line]) -> list[Para]:
    """The paragraphs with each field line a paragraph of its own where its page printed it.

    That is before the first heading of the first page (the title block's place), or after
    the first page's paragraphs when it has no heading.
    """
    if not fields:
        return list(paras)
    page = fields[0].page
    at = next(
        (k for k, p in enumerate(paras) if p.kind == "heading" or p.lines[0].page != page),
        len(paras),
    )
    made = [Para("paragraph", [replace(ln, text=_closed(ln.text))], alone=True) for ln in fields]
    return [*paras[:at], *made, *paras[at:]]


def _closed(text: str) -> str:
    """A field line as its sentence: the printed text, closed by a full stop."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."
