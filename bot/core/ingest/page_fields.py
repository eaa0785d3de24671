"""A wiki page's field table: "| Page owner | Last reviewed | Status |" over one row of values.

Wikis and handbooks (Confluence's page properties, a GitHub or MkDocs handbook page, an
intranet export) often open with a small table of the page's own fields, laid across (the
labels as the header row, one row of values) or down (a label and its value on each row). It
is the page's metadata, no passage: its owner or author wrote and answers for the page (the
team in brackets after the name is theirs, no second author), its stated date (published or
effective, else last reviewed or updated, else created) dates it, and the fields left (the next
review, the status) stay as one line of text, since a reader may ask when a page is next due.
A table is a field table only when most of its labels are page-field labels and its values are
short: a data table ("Item | Cost") is never one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.ingest.metadata import parse_byline
from bot.core.ingest.post_meta import stated_date

_OWNER = r"(?:(?:page|document|content|policy|doc)\s+)?owners?"
_AUTHOR = re.compile(
    rf"^(?:authors?|written\s+by|created\s+by|authored\s+by|{_OWNER}|maintainers?|maintained\s+by)$",
    re.I,
)
# the page's own dates, the strongest first: when it was issued, when last looked at, made
_DATES = (
    re.compile(
        r"^(?:date|published|publication\s+date|date\s+published|issued|issue\s+date|"
        r"effective(?:\s+date|\s+from)?|approved\s+on|date\s+approved)$",
        re.I,
    ),
    re.compile(
        r"^(?:last\s+)?(?:reviewed|review\s+date|updated|modified|revised|edited)"
        r"(?:\s+(?:on|date))?$|^(?:last\s+)?(?:review|update|revision)$",
        re.I,
    ),
    re.compile(r"^(?:created|date\s+created|created\s+on)$", re.I),
)
_OTHER = re.compile(
    r"^(?:next\s+review(?:\s+date)?|review\s+due|due\s+for\s+review|expires|status|version|"
    r"approved\s+by|approver|reviewers?|reviewed\s+by|classification|audience|applies\s+to|"
    r"scope|contact|team|department|directorate|owning\s+team|tags|labels|category|"
    r"document\s+(?:id|type|number)|reference|ref)$",
    re.I,
)
_JOINED = re.compile(r"\s(?:and|&)\s", re.I)
_BRACKETED = re.compile(r"\s*\([^()]*\)\s*$")
_LABEL_HEADER = re.compile(r"^(?:fields?|propert(?:y|ies)|keys?|names?|labels?|items?)?$", re.I)
_VALUE_HEADER = re.compile(r"^(?:values?|details?|)$", re.I)
_MAX_VALUE_WORDS = 12
_MIN_KNOWN = 2


@dataclass(frozen=True, slots=True)
class PageFields:
    """What a field table says: the page's authors and date, and the other fields as a line."""

    authors: tuple[str, ...]
    date: str | None
    rest: str | None  # "Next review: August 2026; Status: Approved." (None: nothing left)


def _label(text: str) -> str:
    return " ".join(text.strip(" :*_").split())


def _known(label: str) -> bool:
    return bool(_AUTHOR.match(label) or _OTHER.match(label) or any(p.match(label) for p in _DATES))


def _pairs(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[tuple[str, str]] | None:
    """The table's (label, value) pairs, read across or down; None for another shape."""
    if header and len(rows) == 1 and len(rows[0]) == len(header):
        return [(_label(h), v.strip()) for h, v in zip(header, rows[0], strict=True)]
    if all(len(row) == 2 for row in rows) and (not header or len(header) == 2):
        pairs = [(_label(row[0]), row[1].strip()) for row in rows]
        if header and not (
            _LABEL_HEADER.match(_label(header[0])) and _VALUE_HEADER.match(_label(header[1]))
        ):
            pairs.insert(0, (_label(header[0]), header[1].strip()))  # the first pair as header
        return pairs
    return None


def _names(value: str) -> tuple[str, ...]:
    """The people an owner or author cell names ("Siobhan Marr (People Policy Team)").

    A unit after a comma is the person's ("Tomasz Wren, Finance"): two people are joined
    with "and", never by a comma alone.
    """
    value = _BRACKETED.sub("", value)
    if not _JOINED.search(value):
        value = value.split(",")[0]
    return parse_byline(value) or ()


def page_fields(header: Sequence[str], rows: Sequence[Sequence[str]]) -> PageFields | None:
    """The fields of a page's field table; None when the table holds anything else."""
    pairs = _pairs(header, rows)
    if not pairs or any(len(v.split()) > _MAX_VALUE_WORDS for _, v in pairs):
        return None
    known = [label for label, _ in pairs if _known(label)]
    if len(known) < _MIN_KNOWN or 2 * len(known) < len(pairs):
        return None
    authors: tuple[str, ...] = ()
    dated: dict[int, tuple[int, str]] = {}  # rank → (pair index, ISO date)
    used: set[int] = set()
    for k, (label, value) in enumerate(pairs):
        if _AUTHOR.match(label) and not authors and (names := _names(value)):
            authors = names
            used.add(k)
            continue
        rank = next((r for r, p in enumerate(_DATES) if p.match(label)), None)
        when = stated_date(value) if rank is not None else None
        if rank is not None and when is not None:
            dated.setdefault(rank, (k, when))
    date = None
    if dated:
        k, date = dated[min(dated)]
        used.add(k)
    rest = "; ".join(
        f"{label}: {value}" for k, (label, value) in enumerate(pairs) if k not in used and value
    )
    if rest and not rest.endswith("."):
        rest += "."
    return PageFields(authors, date, rest or None)
