"""A paper's index-term lines: "Keywords: ...", "JEL codes: H54, L96" (metadata, not prose).

"JEL Classification Numbers: F24, G21" is such a line too.
"""

from __future__ import annotations

import re

from bot.core.ingest.pdf.lines import Line

_TERMS_LABEL = re.compile(
    r"^\s*(?:key\s*words?|key\s+terms|index\s+terms|subject\s+terms|"
    r"jel(?:\s+(?:codes?|classifications?(?:\s+(?:codes?|numbers?))?|subject\s+codes?))?)"
    r"\s*[:—–]\s*\S",
    re.I,
)


def is_terms_line(text: str) -> bool:
    """Whether a line opens with an index-term label ("Keywords:", "JEL classification:")."""
    return bool(_TERMS_LABEL.match(text))


def cut_index_terms(columns: list[list[Line]]) -> list[list[Line]]:
    """The columns without index-term lists: a labelled line and the lines that wrap it.

    A list wraps onto a line close below in the same type when the line above ends in a comma
    or semicolon or the next one goes on in lower case.
    """
    kept: list[list[Line]] = []
    for col in columns:
        out: list[Line] = []
        k = 0
        while k < len(col):
            if not is_terms_line(col[k].text):
                out.append(col[k])
                k += 1
                continue
            k += 1
            while k < len(col) and _wraps(col[k - 1], col[k]):
                k += 1
        if out:
            kept.append(out)
    return kept


def _wraps(prev: Line, line: Line) -> bool:
    text = line.text.lstrip()
    return (
        abs(line.size - prev.size) < 0.3
        and 0 < prev.base - line.base < 1.8 * max(prev.size, 1.0)
        and (prev.text.rstrip().endswith((",", ";")) or text[:1].islower())
        and not is_terms_line(text)
    )
