"""A reference note's access date: "[5 Jan 2024]", "(accessed 3 March 2025)", "Retrieved …".

One rule for every reader (the notes step, the HTML page's notes). A stamp is a date in
brackets alone, or a date after "accessed" ("last accessed", "date accessed"), "retrieved" or
"abgerufen am", with or without a colon, "on" and brackets. The date is written day month
year ("3 March 2025", "3rd Mar. 2025", "5. Januar 2024"), month day year ("March 3, 2025") or
ISO ("2025-03-03"). A stamp whose date is no real date ("[5 Foo 2024]", "31 Feb") is no stamp.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = ["AccessStamp", "find_access_stamp", "without_access_stamps"]

_MONTH_NAMES = (
    ("january", "januar", "jänner"),
    ("february", "februar"),
    ("march", "märz", "maerz"),
    ("april",),
    ("may", "mai"),
    ("june", "juni"),
    ("july", "juli"),
    ("august",),
    ("september", "sept"),
    ("october", "oktober"),
    ("november",),
    ("december", "dezember"),
)
_MONTHS = {name: i for i, names in enumerate(_MONTH_NAMES, 1) for name in names}

_MONTH = r"[^\W\d_]{3,9}"
_DATE = (
    rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(?P<m1>{_MONTH})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
)
_LEAD = r"(?:date\s+|last\s+)?(?:accessed|retrieved)(?:\s+on)?|abgerufen(?:\s+am)?"
_STAMP = re.compile(
    # "[5 Jan 2024]", "[accessed 5 Jan 2024]"; "(accessed 3 March 2025)", "Retrieved: …"
    rf"(?:(?P<square>\[)\s*(?:(?:{_LEAD})\s*:?\s*)?|\(?\b(?:{_LEAD})\s*:?\s*)"
    rf"(?:{_DATE})(?(square)\s*\]|\)?)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class AccessStamp:
    """An access date found in a note: the ISO date and where its stamp stands in the text."""

    iso: str
    start: int
    end: int


def _month(word: str) -> int | None:
    word = word.lower()
    if word in _MONTHS:
        return _MONTHS[word]
    # "Sep", "Febr": the start of a month's English name
    found = {i for i, names in enumerate(_MONTH_NAMES, 1) if names[0].startswith(word)}
    return found.pop() if len(word) >= 3 and len(found) == 1 else None


def _iso(match: re.Match[str]) -> str | None:
    g = match.groupdict()
    if g["y3"]:
        year, month, day = int(g["y3"]), int(g["m3"]), int(g["d3"])
    else:
        name, day_text, year_text = (
            (g["m1"], g["d1"], g["y1"]) if g["m1"] else (g["m2"], g["d2"], g["y2"])
        )
        found = _month(name)
        if found is None:
            return None
        year, month, day = int(year_text), found, int(day_text)
    try:
        return date(year, month, day).isoformat()
    except ValueError:  # "31 Feb", month 13
        return None


def _stamps(text: str) -> list[AccessStamp]:
    out = []
    for match in _STAMP.finditer(text):
        iso = _iso(match)
        if iso is not None:
            start, end = match.span()
            # a bracket the stamp does not close (or open) belongs to the text around it
            opened, closed = text[start] == "(", text[end - 1] == ")"
            start, end = start + (opened and not closed), end - (closed and not opened)
            out.append(AccessStamp(iso, start, end))
    return out


def find_access_stamp(text: str) -> AccessStamp | None:
    """The first access stamp in a note's text, or None."""
    stamps = _stamps(text)
    return stamps[0] if stamps else None


def without_access_stamps(text: str) -> str:
    """The text with every access stamp cut out."""
    for stamp in reversed(_stamps(text)):
        text = text[: stamp.start] + text[stamp.end :]
    return text
