"""A statistics bulletin's masthead in plain text: field cells set apart by wide gaps.

A bulletin typed for print opens with a block of lines that each hold one or two cells, the
second pushed to the right margin:

    REGIONAL STATISTICS OFFICE                          STATISTICAL BULLETIN 2026/41
    Housing Supply: New Build Starts and Completions, July to September 2026
    Published: 19 November 2026                     Statistician: Dr Owain Prothero-Lake

The issuer's name is the publication and the numbered kind the series; the line that is one
long cell is the title; "Published:" gives the date and "Statistician:" (or "Author:") the
author; the other cells (a status, a contact) are no text. At the foot, a "Next update: …"
line is a dated fact of its own (no heading), and the copyright line is furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.ingest.figures import find_figures, iso_date
from bot.core.ingest.formats import DocumentMeta
from bot.core.ingest.organisations import SMALL_WORDS
from bot.core.ingest.wire_export import as_written

_MAX_LINES = 6
_GAP = re.compile(r"\s{3,}")
_FIELD = re.compile(r"^([A-Z][\w’'-]*(?:\s+[\w’'-]+){0,2})\s*:\s+(\S.*)$")
_OWN_DATE = re.compile(r"^(?:published|released|issued|(?:release|publication)\s+date)$", re.I)
_AUTHOR = re.compile(
    r"^(?:(?:responsible\s+|lead\s+)?statisticians?|authors?|prepared\s+by|compiled\s+by)$", re.I
)
_OTHER_FIELD = re.compile(
    r"^(?:contact|e-?mail|enquiries|telephone|tel|phone|next\s+\w+|status|coverage|geography|"
    r"period|frequency|theme|reference)$",
    re.I,
)
_KIND = re.compile(r"\b(?:bulletin|release|statistics|digest|report|update)\b", re.I)
_TITLE_MIN_WORDS = 4
_NEXT = re.compile(r"^\s*next\s+(?:update|release|publication|edition|bulletin)\s*:\s+\S", re.I)
COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|crown\s+copyright|copyright\b)", re.I)


@dataclass(frozen=True, slots=True)
class Masthead:
    """What a masthead says, and how many source lines it takes."""

    meta: DocumentMeta
    lines: int


def _cells(line: str) -> list[str]:
    return [cell for cell in _GAP.split(line.strip()) if cell]


def read_masthead(text: str) -> Masthead | None:
    """The masthead at the top of `text`; None when the text opens otherwise.

    Cheap on any other text: only the first lines are looked at, and the first must be two
    cells apart by a wide gap, one of them a numbered kind of document.
    """
    head = text.lstrip("\n").split("\n", _MAX_LINES)[:_MAX_LINES]
    skipped = len(text) - len(text.lstrip("\n"))
    first = _cells(head[0]) if head else []
    if len(first) != 2 or not any(_KIND.search(c) and re.search(r"\d", c) for c in first):
        return None
    block: list[str] = []
    for line in head:
        if not line.strip():
            break
        block.append(line)
    title = date = None
    authors: list[str] = []
    for line in block[1:]:
        cells = _cells(line)
        field = _FIELD.match(cells[0]) if cells else None
        label = field.group(1) if field else ""
        # a title may hold a colon ("Housing Supply: New Build …"); a field's label is known
        known = _OWN_DATE.match(label) or _AUTHOR.match(label) or _OTHER_FIELD.match(label)
        if len(cells) == 1 and title is None and not known:
            title = cells[0] if len(cells[0].split()) >= _TITLE_MIN_WORDS else None
            continue
        for cell in cells:
            if (field := _FIELD.match(cell)) is None:
                continue
            label, value = field.group(1), field.group(2).strip()
            dates = [f for f in find_figures(value) if f.kind == "date"]
            if _OWN_DATE.match(label) and dates and date is None:
                date = iso_date(dates[0])
            elif _AUTHOR.match(label):
                authors.extend(name.strip() for name in re.split(r"\s*(?:,|\band\b)\s*", value))
    if title is None or (date is None and not authors):
        return None
    series = next(c for c in first if _KIND.search(c) and re.search(r"\d", c))
    issuer = next(c for c in first if c != series)
    meta = DocumentMeta(
        title=title,
        authors=tuple(a for a in authors if a),
        date=date,
        publication=_named(issuer, text),
        series=_named(series, text),
    )
    return Masthead(meta, skipped + len(block))


def _named(name: str, text: str) -> str:
    """A name in capitals as the text writes it elsewhere, else in title case ("… for …")."""
    written = as_written(name, text)
    if not name.isupper() or written != name.title():
        return written
    words = written.split()
    return " ".join(w.lower() if k and w.lower() in SMALL_WORDS else w for k, w in enumerate(words))


def bulletin_body(text: str, masthead: Masthead) -> str:
    """The text without its masthead and copyright footer, line numbers kept.

    The "Next update:" line is closed as a sentence of its own.
    """
    lines = text.split("\n")
    out = ["" if k < masthead.lines else line for k, line in enumerate(lines)]
    for k, line in enumerate(out):
        if _NEXT.match(line) and not line.rstrip().endswith("."):
            out[k] = f"{line.rstrip()}."
    last = max((k for k, line in enumerate(out) if line.strip()), default=None)
    if last is not None:
        start = last
        while start > 0 and out[start - 1].strip():
            start -= 1
        if COPYRIGHT.match(out[start]):
            out[start : last + 1] = [""] * (last + 1 - start)
    return "\n".join(out)
