"""A journal article's citation line: the journal it is published in, and the issue's date.

A journal prints where an article stands atop its first page or in its running lines: the
journal's name, then the volume and issue, often the year and the pages ("Journal of
Comparative Water Policy, Vol. 12, No. 3 (2024), pp. 45-61", "Water Policy 26(4): 112-130,
2024", "Public Administration Review, Volume 84, Issue 2, March 2024, Pages 301-318", a gazette's
"Official Gazette / Vol. 12, No. 40 / Monday, March 3, 2025", a footer "Journal of Comparative
Water Policy 12(3)"). The name is the article's publication; the date (or the year) printed
with the volume is its date, the issue's and not the file's.
A volume with neither an issue nor pages ("Annex, Vol. 2", "Annual Report, Volume 2 (2024)":
a report printed in volumes) makes no citation line. A magazine names its issue without a
volume, after a separator, with the issue's season or month and year ("THE CIVIC QUARTERLY |
Issue 58, Winter 2025"): the magazine is the publication, the year the issue's (a name in
capitals is set in title case).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.core.ingest.organisations import SMALL_WORDS, title_case
from bot.core.ingest.pdf.lines import Line
from bot.core.ingest.pdf.meta import iso_date
from bot.core.ingest.pdf.titlepage import is_prose

# the volume, and the issue with it: "Vol. 12, No. 3", "Volume 84, Issue 2", "12(3)", "26 (4)"
# (an issue is a short number: "3 (2024)" is a number and a year)
_VOLUME = re.compile(
    r"(?:,\s*|\s+)(?:(?P<vol>vol(?:ume)?\.?\s*\d{1,4})(?P<issue>,?\s*(?:no|nr|issue|iss)\.?\s*"
    r"\d{1,4}(?:[-–/]\d{1,4})?)?|(?P<short>\d{1,4}\s?\(\d{1,3}(?:[-–/]\d{1,3})?\)))",
    re.I,
)
_PAGES = re.compile(r"(?:\bpp?\.|\bpages?)\s*\d+(?:\s*[-–]\s*\d+)?|:\s*\d+\s*[-–]\s*\d+", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# a document series' kind closing a name ("Policy Brief"): no magazine ("City Review" may be)
_SERIES_KIND = re.compile(r"\b(?:paper|brief|briefing|report|note|series|study|memo)s?$", re.I)
# a magazine's issue after its name and a separator: "| Issue 58, Winter 2025", "— Issue 7 (2024)"
_MAGAZINE_ISSUE = re.compile(
    r"\s*[|/·•–—]\s*issue\s+\d{1,4}\b[,:]?\s*\(?(?P<when>(?:[A-Za-z]+\s+)?(?:19|20)\d\d)\)?$", re.I
)
_MAX_NAME_WORDS = 10


@dataclass(frozen=True, slots=True)
class Citation:
    """What a journal's citation line says: the journal and the issue's date (if printed)."""

    journal: str
    date: str | None
    text: str


def names_an_issue(text: str) -> bool:
    """Whether a line names a journal issue, with or without the journal's name.

    A volume with its issue or pages ("Vol. 12, No. 3 (2024), pp. 45-61", "12(3): 45-61"),
    not a volume alone ("Annual Report, Volume 2 (2024)").
    """
    line = " " + " ".join(text.split())  # the volume may open the line
    match = _VOLUME.search(line)
    if match is None:
        return False
    issue = match.group("issue") or match.group("short")
    return bool(issue) or _PAGES.search(line[match.end() :]) is not None


def citation(text: str) -> Citation | None:
    """The journal and date a citation line gives, or None when the line is no citation line."""
    text = " ".join(text.split())
    match = _VOLUME.search(text)
    if match is None:
        return _magazine_issue(text)
    name = text[: match.start()].strip(" ,|/·")
    after = text[match.end() :]
    rest = _PAGES.sub(" ", after)
    year = _YEAR.search(rest)
    if not (match.group("issue") or match.group("short") or rest != after):
        return None  # a volume with no issue and no pages: "Annual Report, Volume 2 (2024)"
    if not _journal_name(name):
        return None
    date = iso_date(rest) or (year.group(0) if year else None)
    return Citation(name, date, text)


def _magazine_issue(text: str) -> Citation | None:
    """A magazine's name and issue line ("THE CIVIC QUARTERLY | Issue 58, Winter 2025")."""
    match = _MAGAZINE_ISSUE.search(text)
    if match is None or match.start() == 0:
        return None
    name = text[: match.start()].strip(" ,|/·")
    if not _journal_name(name) or _SERIES_KIND.search(name):
        return None  # "Policy Brief | Issue 3, 2024": a series, not a magazine
    when = match.group("when")
    year = _YEAR.search(when)
    date = iso_date(when) or (year.group(0) if year else None)
    return Citation(title_case(name) if name.isupper() else name, date, text)


def _journal_name(name: str) -> bool:
    """Whether text reads as a journal's name: a few capitalised words, no digits, no sentence."""
    words = name.split()
    if not 1 <= len(words) <= _MAX_NAME_WORDS or not name[:1].isupper():
        return False
    if any(c.isdigit() for c in name) or name.endswith((".", ";", ":", "?", "!")):
        return False
    return all(w[:1].isupper() or w.lower() in SMALL_WORDS or w == "&" for w in words)


def journal_citation(
    lines: Sequence[Line], body_size: float, running: Iterable[str]
) -> tuple[Citation | None, Line | None]:
    """The citation line of a first page's front matter (and that line), else of its running lines.

    The front matter is what stands above the first prose. A running line with a volume and
    issue names the journal too; the date is the first page's line's, else the running line's.
    """
    found: Citation | None = None
    line: Line | None = None
    for candidate in lines:
        if is_prose(candidate, body_size):
            break
        found = citation(candidate.text)
        if found is not None:
            line = candidate
            break
    if found is not None and found.date is not None:
        return found, line
    repeated = next((c for c in map(citation, running) if c is not None), None)
    if found is None or repeated is None:
        return found or repeated, line
    return Citation(found.journal, repeated.date, found.text), line
