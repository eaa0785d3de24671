"""A post's meta line: "Published 9 April 2025 · Reading time 7 minutes", "Updated: 2024-05-03".

A recording's line too: "Recorded 3 February 2025, published 10 February 2025" (the date is the
published one: a labelled publication date wins over a recording or an update date).

Blog and CMS exports print the post's date on a line of its own, often with the reading time or
the byline beside it, the parts cut by a middle dot, a bar or a dash. The line is the post's
date, never a sentence: its date is read, its reading time dropped, and a byline part is given
back to stand on its own line (the header step reads bylines); a byline's desk or role after a
comma ("By Ana Ruiz, Energy Desk") is the writer's, no second name, and a date there
("Posted by Ana Ruiz, 19 March 2025") the post's. A newsletter's issue number beside a date
("Issue #87 · 12 September 2025") makes the date the issue's, a version beside it ("Version
2.1 · Published 3 November 2026") the version's. A preprint's line of sentences ("Preprint,
not peer reviewed. Posted 3 October 2026. Correspondence: name@host") is its date too, the
status and contact notes beside it no text. A record's credit line
("Notes by: Name", "Minutes taken by: Name") names who wrote the record up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.ingest.author_lines import names_a_body
from bot.core.ingest.figures import find_figures, iso_date
from bot.core.ingest.metadata import series_line
from bot.core.ingest.organisations import SMALL_WORDS
from bot.core.ingest.prepared_by import PREPARED, WRITTEN, either

_LABELS = (
    r"(?:last\s+)?(?:updated?|published|posted|released|dated|modified|revised|"
    r"first\s+published|recorded|broadcast|aired)"
)
# "Recorded 3 February 2025, published 10 February 2025": a comma before a date's label cuts too
_SEPARATORS = re.compile(rf"\s+[·•|—–]\s+|\s*[·•|]\s*|,\s+(?={_LABELS}\b)", re.I)
_DATE_LABEL = re.compile(rf"^(?:{_LABELS}(?:\s+(?:on|at))?\s*:?\s*)", re.I)
# the date a reader means: when it was published, over when it was recorded or last updated
_PUBLISHED = re.compile(r"^(?:first\s+)?(?:published|posted|released|dated)\b", re.I)
_ISO = re.compile(r"^((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[T ]\d\d:\d\d(?::\d\d)?Z?)?$")
_READING_TIME = re.compile(
    r"^(?:(?:estimated\s+)?(?:reading|read)\s+time|time\s+to\s+read)?\s*:?\s*(?:about\s+|~\s*)?"
    r"\d{1,3}(?:\s*[-–]\s*\d{1,3})?[\s-]*(?:min(?:ute)?s?\.?|m)(?:\s+(?:read|reading|to\s+read))?$",
    re.I,
)
_WORD_COUNT = re.compile(r"^\d{1,3}(?:,\d{3})?\s+words$", re.I)
_BYLINE = re.compile(r"^[Bb]y\s+[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,5}$")
# "By Rosalind Achebe-Frost, Energy Desk": one writer and the desk or role after a comma (two
# writers are joined with "and", never by a comma alone)
_BYLINE_DESK = re.compile(
    r"^([Bb]y\s+[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,5}),\s+[A-Z][\w&.'’-]*(?:\s+[\w&.'’-]+){0,5}$"
)
_JOINED = re.compile(r"\s(?:and|&)\s", re.I)
# "Posted by Oliver Strand, 19 March 2025": a byline with the post's date after a comma
_BYLINE_DATED = re.compile(
    r"^(?:(?:posted|written|published)\s+)?by\s+([A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,5}?),\s+(\S.*)$",
    re.I,
)
# "Issue #87", "Issue 42", "No. 114", "Vol. 3, No. 2": which issue a newsletter's line dates
_ISSUE = re.compile(
    r"^(?:(?:vol(?:ume)?\.?\s*\d{1,4},?\s+)?(?:issue|no\.|number|edition)\s*#?\s*\d{1,5}"
    r"|#\d{1,5})$",
    re.I,
)
# a record's credit line: "Notes by: Marcus Reid", "Minutes taken by: …", "Prepared by: …";
# the one who wrote the record up (a chair, a host, a sponsor or a reviewer did not)
_CREDIT = re.compile(
    r"^(?:(?:(?:meeting\s+)?notes|minutes|report|record)\s+"
    rf"(?:{either('taken', WRITTEN, PREPARED)}\s+)?by|"
    rf"{either(WRITTEN, PREPARED, 'drafted', 'minuted', 'authored')}\s+by|"
    r"note[-\s]?taker|minute[-\s]?taker|rapporteur)\s*:\s*(?P<names>\S.*?)\s*$",
    re.I,
)
# a document's version beside its date: "Version 2.1", "v3.0.2", "Draft 4", "Rev. 2"
_VERSION = re.compile(
    r"^(?:version|ver\.|v\.?|draft|revision|rev\.|release)\s*\d{1,3}(?:\.\d{1,3}){0,2}[a-z]?$",
    re.I,
)
# a preprint's status and its contact, in sentences beside the date: "Preprint, not peer
# reviewed. Posted 3 October 2026. Correspondence: name@host.example"
_STATUS = re.compile(
    r"^(?:(?:this\s+is\s+an?\s+)?(?:preprint|pre-print|working\s+paper|(?:discussion\s+)?draft|"
    r"(?:author'?s?\s+)?(?:accepted\s+)?manuscript)(?:[,;:]?\s+(?:and\s+)?(?:it\s+)?(?:has\s+)?"
    r"not\s+(?:yet\s+)?(?:been\s+)?(?:peer[-\s]reviewed|certified\s+by\s+peer\s+review))?"
    r"|not\s+(?:yet\s+)?peer[-\s]reviewed)\.?$",
    re.I,
)
_CONTACT = re.compile(
    r"^(?:correspondence|corresponding\s+author|contact|e-?mail)(?:\s+to)?\s*:?\s*\S+@\S+?\.?$",
    re.I,
)
# the sentences of such a line: a stop after a word or a figure, a capital after it
_STOPS = re.compile(r"(?:(?<=[a-z][a-z]\.)|(?<=\d\.))\s+(?=[A-Z])")
_MAX_CHARS = 120


@dataclass(frozen=True, slots=True)
class MetaLine:
    """What a meta line holds: its date in ISO form (None: a reading time alone) and bylines."""

    date: str | None
    bylines: tuple[str, ...] = ()


def is_reading_time(text: str) -> bool:
    """Whether a line only says how long a page takes to read ("14 min read", "Reading time: 6")."""
    return bool(_READING_TIME.match(text.strip()))


def _date(part: str) -> tuple[str, bool] | None:
    """The ISO date a part is (after an optional "Published"-like label), and if it had a label."""
    label = _DATE_LABEL.match(part)
    body = part[label.end() :] if label else part
    body = body.strip(" .,")
    iso = _ISO.match(body)
    if iso:
        year, month, day = iso.groups()
        if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
            return f"{year}-{month}-{day}", label is not None
        return None
    dates = [f for f in find_figures(body) if f.kind == "date"]
    if not dates or dates[0].start > 0 or dates[0].end < len(body) - 1:
        return None
    written = iso_date(dates[0])
    if len(written) == 4:
        return None  # a year alone is no post's date
    return written, label is not None


def stated_date(text: str) -> str | None:
    """The ISO date a field's value states ("3 February 2026", "2026-02-03"); None otherwise."""
    found = _date(text.strip())
    return found[0] if found else None


def read_meta_line(text: str) -> MetaLine | None:
    """The date (and byline parts) of a post's meta line; None when the line is anything else.

    Every part must be a date, a reading time or word count, or a byline, and one a date or a
    reading time; a date alone counts only with its label ("Posted on 3 May 2024"), since a bare
    date is left to the shared dateline rule, which knows where the header ends.
    """
    text = text.strip()
    if not text or len(text) > _MAX_CHARS or not (text[0].isupper() or text[0].isdigit()):
        return None
    parts = [p.strip() for p in _SEPARATORS.split(text) if p.strip()]
    found = _meta_parts(parts)
    if found is None and _STOPS.search(text):  # "Preprint, not peer reviewed. Posted …."
        found = _meta_parts([q for p in parts for q in _STOPS.split(p)], notes=True)
    return found


def _meta_parts(parts: list[str], *, notes: bool = False) -> MetaLine | None:
    """A meta line's parts read (see `read_meta_line`); with `notes`, status and contact too.

    A line of sentences is a meta line only with its date: the status and contact notes
    beside it say nothing of their own.
    """
    date: str | None = None
    labelled = False
    published = False
    furniture = False
    issue = False
    bylines: list[str] = []
    for part in parts:
        if _READING_TIME.match(part) or _WORD_COUNT.match(part):
            furniture = True
            continue
        if _ISSUE.match(part):
            issue = True  # the issue's number says the date beside it is the issue's
            continue
        if _VERSION.match(part):
            issue = True  # the version the date is of: "Version 2.1 · Published 3 November 2026"
            continue
        if notes and (_STATUS.match(part) or _CONTACT.match(part)):
            continue
        dated = _BYLINE_DATED.match(part)
        when = _date(dated.group(2)) if dated and not _JOINED.search(dated.group(1)) else None
        if dated and when is not None:
            bylines.append(f"By {dated.group(1)}")
            date, labelled = date or when[0], True
            continue
        if _BYLINE.match(part):
            bylines.append(part)
            continue
        desk = _BYLINE_DESK.match(part)
        if desk and not _JOINED.search(part):
            bylines.append(desk.group(1))  # the desk is the writer's, not a second name
            continue
        found = _date(part)
        if found is None:
            return None
        if date is None or (found[1] and _PUBLISHED.match(part) and not published):
            date, labelled = found
            published = found[1] and bool(_PUBLISHED.match(part))
    if date is None and (notes or not furniture):
        return None
    if date is not None and not (furniture or labelled or bylines or issue):
        return None
    return MetaLine(date, tuple(bylines))


# an imprint: "Published by the Secretariat of the Basin Commission, Treaty Series No. 12,
# November 2025": who issues the document, then its series, a place or a date
_IMPRINT = re.compile(
    r"^(?:[Pp]ublished|[Ii]ssued)\s+by\s+(?:the\s+)?(?P<publisher>[A-Z][^,;]{2,80}?)"
    r"(?P<rest>(?:,\s*[^,;]+){0,3})\.?$"
)
_PLACE = re.compile(r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?$")


@dataclass(frozen=True, slots=True)
class Imprint:
    """An imprint line's publisher and the series it names (None: none named)."""

    publisher: str
    series: str | None = None


def read_imprint(text: str) -> Imprint | None:
    """The publisher and series of an imprint line ("Published by X, Series No. 4, May 2025").

    After the publisher every part must be its series, a date or a place; else the line is a
    sentence that happens to start so, and None.
    """
    match = _IMPRINT.match(text.strip())
    if match is None:
        return None
    words = match.group("publisher").split()
    if not words[-1][:1].isupper():
        return None
    if any(not w[:1].isupper() and w.lower() not in SMALL_WORDS for w in words):
        return None  # a name's words: "Office for Rail Safety", no clause after it
    if not names_a_body(match.group("publisher")):
        return None  # "Published by Jane Doe": a person, the byline rule's
    series: str | None = None
    for part in (p.strip() for p in match.group("rest").split(",") if p.strip()):
        issued = series_line(part)
        if issued is not None and series is None:
            series = issued[1]
        elif _date(part) is None and not _PLACE.match(part):
            return None
    return Imprint(match.group("publisher").strip(), series)


def credit_names(text: str) -> str | None:
    """The names a record's credit line gives ("Notes by: Marcus Reid" → "Marcus Reid")."""
    match = _CREDIT.match(text.strip())
    return match.group("names").rstrip(".") if match else None
