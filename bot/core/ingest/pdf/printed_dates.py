"""Dates a PDF prints outside a date line: an event's line on a title slide, a footer's label.

A talk's title slide names where and when it was given on one line of names and a date
("Regional Forum, Harbour Hall, 22 May 2025"): every part before the date is a capitalised
name, so a sentence that ends in a date is no such line. A factsheet or leaflet prints its
date in the small print at the foot of its pages ("… Published June 2025   Page 1 of 2"): the
label says it is the document's own date; the running footer it sits in is cut as furniture,
so the date is read from the cut lines. A title page may print it the same way on a line of
its own ("Ordered by the House of Commons to be printed on 18 November 2025"): a labelled date
on a line that is no sentence (no closing stop, a few words) dates the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.core.ingest.pdf.meta import iso_date

_PARTICLES = frozenset("of the and for on in at de la du von van & y".split())
_NAME_PART_WORDS = 6
_NAME_PARTS = 4
_LINE_WORDS = 16  # a title page's line, not a paragraph's
_LABELLED = re.compile(
    r"\b(?:[Ff]irst\s+)?(?:[Pp]ublished|[Ii]ssued|[Uu]pdated|[Rr]evised|[Pp]rinted)(?:\s+on)?"
    r"\s*:?\s+(?P<d>(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?\d{4}|\d{4}-\d{2}-\d{2})"
)


def _is_name_part(part: str) -> bool:
    words = part.split()
    if not 1 <= len(words) <= _NAME_PART_WORDS or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _PARTICLES for w in words)


def event_date(text: str) -> str | None:
    """The date of a line of names ending in a date ("Forum, Hall, 22 May 2025"), else None."""
    parts = [p.strip() for p in text.strip().rstrip(".").split(",")]
    if not 2 <= len(parts) <= _NAME_PARTS + 1:
        return None
    date = iso_date(parts[-1], whole=True)
    if date is None and len(parts) > 2:
        date = iso_date(", ".join(parts[-2:]), whole=True)  # "May 22, 2025"
        parts = parts[:-1] if date else parts
    if date is None or not all(_is_name_part(p) for p in parts[:-1]):
        return None
    return date


def labelled_date(texts: Iterable[str]) -> str | None:
    """The first "Published June 2025" a page's small print holds, as ISO; else None."""
    for text in texts:
        for match in _LABELLED.finditer(text):
            date = iso_date(match.group("d"), whole=True)
            if date is not None:
                return date
    return None


def title_page_date(texts: Iterable[str]) -> str | None:
    """The labelled date of a first page's line that is no sentence, as ISO; else None."""
    for text in texts:
        stripped = text.strip()
        if stripped.endswith((".", "!", "?")) or len(stripped.split()) > _LINE_WORDS:
            continue
        date = labelled_date([stripped])
        if date is not None:
            return date
    return None
