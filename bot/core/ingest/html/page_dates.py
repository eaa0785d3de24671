"""Dates as pages write them: ISO stamps, "05/29/2007", "Monday, November 18th, 2019".

And a page's statement of its last edit: "This page was last edited on 2 May 2024, at 11:32
(UTC).", "Page last updated: 3 May 2024", "Last modified 2016-10-28"; and the entries of its
history ("Last updated 5 May 2025 — Added the report.").
"""

from __future__ import annotations

import re

__all__ = ["history_entry", "iso_date", "issue_month", "last_edit_date", "written_date"]

_ISO = re.compile(r"(\d{4})[-/]?(\d{2})[-/]?(\d{2})")


def iso_date(value: str) -> str | None:
    """The ISO date a metadata value holds (a stamp, a date with slashes, or written out)."""
    match = _ISO.search(value)
    if not match:
        return _numeric_date(value) or written_date(value)
    year, month, day = match.groups()
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    return f"{year}-{month}-{day}"


_SLASHED = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")


def _numeric_date(value: str) -> str | None:
    """A date written "05/29/2007" or "29.05.2007", when one part over 12 fixes the order."""
    match = _SLASHED.search(value)
    if not match:
        return None
    first, second, year = (int(g) for g in match.groups())
    if first > 12 >= second >= 1 and first <= 31:
        day, month = first, second
    elif second > 12 >= first >= 1 and second <= 31:
        month, day = first, second
    else:
        return None  # 03/04/2007: April or March, the page does not say
    return f"{year}-{month:02d}-{day:02d}"


_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_WRITTEN = re.compile(
    r"\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})"
    r"|([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))\b"
)


def written_date(text: str) -> str | None:
    """The ISO form of a date written out ("Monday, November 18th, 2019", "5 April 2018")."""
    for match in _WRITTEN.finditer(text):
        day, month, year = (
            (match.group(1), match.group(2), match.group(3))
            if match.group(1)
            else (match.group(5), match.group(4), match.group(6))
        )
        number = next(
            (
                i
                for i, m in enumerate(_MONTHS, 1)
                if len(month) >= 3 and m.startswith(month.lower())
            ),
            None,
        )
        if number and 1 <= int(day) <= 31:
            return f"{year}-{number:02d}-{int(day):02d}"
    return None


# a dateline part that is a month alone: "Issue 42 · May 2025", "Vol. 3 | Spring issue | March 2024"
_LINE_PARTS = re.compile(r"\s+[·•|–—]\s+|\s*[·•|]\s*")
_MONTH_YEAR = re.compile(r"^([A-Za-z]{3,9})\.?,?\s+(\d{4})$")


def issue_month(text: str) -> str | None:
    """The "YYYY-MM" a header line's month part gives ("… · Issue 42 · May 2025" → 2025-05).

    Only a part that is a month and a year and nothing else, between the line's separators
    (or the whole line): a month named inside a sentence dates nothing.
    """
    parts = _LINE_PARTS.split(text.strip())
    for part in parts:
        match = _MONTH_YEAR.match(part.strip())
        if not match:
            continue
        name = match.group(1).lower()
        number = next(
            (i for i, m in enumerate(_MONTHS, 1) if name in (m, m[:3])),
            None,
        )
        if number:
            return f"{match.group(2)}-{number:02d}"
    return None


# the line a wiki or a government site prints under (or over) its text; what follows the date is
# at most the hour and the time zone
_LAST_EDIT = re.compile(
    r"^(?:(?:this\s+)?(?:page|article|entry|content|document)\s+(?:was\s+)?)?last\s+"
    r"(?:edited|modified|updated|revised|reviewed|changed)\s*(?:on\b)?\s*:?\s*(?P<date>.+)$",
    re.I,
)
_AFTER_DATE = re.compile(
    r"^(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?)?\s*\.?$",
    re.I,
)
_DATE_FIRST = re.compile(
    r"^(?:\w+day,?\s+)?(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}"
    r"|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
)


def last_edit_date(text: str) -> str | None:
    """The ISO date of a page's "last edited on …" line, when the line says that alone.

    "This page was last edited on 2 May 2024, at 11:32 (UTC)." gives 2024-05-02; a line
    that goes on after the date and the hour ("… by Ana Lind", a sentence) gives None.
    """
    line = _LAST_EDIT.match(" ".join(text.split()))
    if not line:
        return None
    date = _DATE_FIRST.match(line.group("date"))
    if not date or not _AFTER_DATE.match(line.group("date")[date.end() :]):
        return None
    return iso_date(date.group())


_STAMP = re.compile(
    r"^(?:(?:first|last)\s+)?(?:published|updated|revised|amended|modified|edited|changed)"
    r"(?:\s+on)?\s*:?\s*",
    re.I,
)
# what a page's history says was done: "Added the report", "First published.", "Corrected …"
_EDIT_NOTE = re.compile(
    r"^(?:first\s+published|published|added|updated|corrected|amended|revised|replaced|removed|"
    r"changed|edited)\b",
    re.I,
)
_NOTE_LEAD = re.compile(r"^\s*(?:[—–|:.-]\s*)?")
_NOTE_WORDS = 40


def history_entry(text: str) -> bool:
    """Whether a line is an entry of a page's history of edits, no fact of the subject's.

    "Published 3 May 2025", "Last updated 5 May 2025 — Added the evaluation report.": an edit
    word, its date, then at most a note; or the date first and a note of what was done
    ("5 May 2025: Added the allocations table."). A dated event ("5 May 2025: Clubs open.")
    is none.
    """
    line = " ".join(text.split())
    stamp = _STAMP.match(line)
    rest = line[stamp.end() :] if stamp else line
    date = _DATE_FIRST.match(rest)
    if not date:
        return False
    after = rest[date.end() :]
    hour = _AFTER_DATE.match(after)
    if hour and stamp:
        return True  # "Updated 5 May 2025, 10:00": the stamp alone
    note = _NOTE_LEAD.sub("", after, count=1).strip()
    if not note or len(note.split()) > _NOTE_WORDS:
        return False
    return bool(stamp) or bool(_EDIT_NOTE.match(note))
