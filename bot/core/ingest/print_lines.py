"""A print export's lines and the shapes its readers share: a sentence end, a month date."""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"


# a closing stop, maybe followed by quotes and a footnote marker ("… in 2021.²")
SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*[⁰¹²³⁴⁵⁶⁷⁸⁹]*$")
DATE_ALONE = re.compile(rf"^(?:\d{{1,2}}\s+)?(?:{MONTHS})\s+(?:\d{{1,2}},?\s+)?\d{{4}}$", re.I)


@dataclass
class PrintLine:
    """One line of a print export, with its source line number and page."""

    text: str
    number: int
    page: str
    gap: bool = False  # a blank line came before it
    row: bool = False  # a table row read as a sentence of its own


def iso_month(text: str | None) -> str | None:
    """A "March 2024" date as "2024-03"; None when there is none."""
    if not text:
        return None
    month, year = text.split()
    number = MONTHS.split("|").index(month.lower()) + 1
    return f"{year}-{number:02d}"


def is_numbered_heading(text: str) -> bool:
    """A short numbered line without a closing full stop ("3. Refinancing pressure")."""
    return (
        len(text.split()) <= 10
        and not SENTENCE_END.search(text.strip())
        and bool(re.match(r"^\s*\d{1,2}\.\s+[A-Z]", text))
    )


def is_caps_heading(text: str) -> bool:
    """A short line in capitals (nine letters in ten), without digits or a closing stop."""
    letters = [c for c in text if c.isalpha()]
    return (
        len(text.split()) >= 1
        and len(letters) >= 4
        and len(text) <= 70
        and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
        and not SENTENCE_END.search(text)
        and not re.search(r"\d", text)
    )
