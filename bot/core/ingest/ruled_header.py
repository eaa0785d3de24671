"""A plain-text header set apart by a rule: "Label: value" lines over a line of dashes.

A transcript or briefing exported as plain text may open with its fields, one a line (the
programme or subject, the broadcast or meeting date, who presents, who the guests are), and a
rule ("-----", "=====") under them. Everything above that rule is the header: a title field
("Programme:", "Subject:", "Title:") gives the title, else the first line that is no field; a
field whose value is a date (a weekday before it and the hour after it allowed) gives the date;
"THE SHOW - Station" line over a title that names the show gives the station as the publication.
The cast lines ("Presenter: …", "Guests: …") stay for the transcript reader; no other header
line is text. A rule anywhere else is no text either (see `is_rule`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.ingest.figures import find_figures, iso_date
from bot.core.ingest.formats import DocumentMeta
from bot.core.ingest.metadata import is_outlet
from bot.core.ingest.organisations import title_case

# "-----", "=====", "* * *", "______": a line of one rule character, three times or more
_RULE = re.compile(r"^\s*([-=_~*─━═])(?:\s*\1){2,}\s*$")
_FIELD = re.compile(r"^([A-Z][A-Za-z'’]*(?:\s+[A-Za-z'’]+){0,2})\s*:\s+(\S.*?)\s*$")
# the fields that name what the document is: a programme's name, a memo's subject
_TITLE_FIELDS = frozenset("title subject re programme program show podcast episode event".split())
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|wed|thu|fri|sat|sun)\.?)"
_HOUR = r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?|noon|midday|midnight)"
# what may stand around a date in a field: "Sunday 9 March 2025, 09:00", "4 June 2025 at 2pm"
_AROUND_DATE = re.compile(
    rf"^(?:{_WEEKDAY},?\s+)?(?P<date>.+?)(?:,?\s+(?:at\s+|from\s+)?{_HOUR}"
    rf"(?:\s*[-–]\s*{_HOUR})?(?:\s+[A-Z]{{2,4}})?)?\.?$",
    re.I,
)
_SHOW_AND_STATION = re.compile(r"^(.+?)\s+[-–—|]\s+(.+)$")
_HEADER_MAX_LINES = 12
_LINE_MAX_WORDS = 30
_MIN_FIELDS = 2
_RULE_WITHIN = 16  # the rule closes a header near the top, among the first lines


def is_rule(line: str) -> bool:
    """Whether a line is a horizontal rule ("-----", "=====", "* * *"): layout, never text."""
    return bool(_RULE.match(line))


@dataclass(frozen=True, slots=True)
class RuledHeader:
    """What a ruled header says, and which of its source lines (0-based) the body keeps."""

    meta: DocumentMeta
    rule: int  # the index of the rule line
    kept: tuple[int, ...]  # cast lines, left for the transcript reader


def read_ruled_header(lines: Sequence[str]) -> RuledHeader | None:
    """The header above the first rule among a text's first lines, or None.

    Above the rule: 2 to 12 lines, each starting with a capital, a digit or a bracket, none
    long, and at least two of them fields ("Label: value"); else the rule heads no header.
    """
    seen = 0
    rule = None
    for k, line in enumerate(lines):
        if not line.strip():
            continue
        if is_rule(line):
            if seen:
                rule = k
                break
            continue
        seen += 1
        if seen > _RULE_WITHIN:
            return None
    if rule is None:
        return None
    above = [
        (k, lines[k].strip()) for k in range(rule) if lines[k].strip() and not is_rule(lines[k])
    ]
    if not 2 <= len(above) <= _HEADER_MAX_LINES or any(
        len(text.split()) > _LINE_MAX_WORDS or not re.match(r"[A-Z0-9\"“'‘(\[]", text)
        for _, text in above
    ):
        return None
    fields = [(k, m.group(1), m.group(2)) for k, text in above if (m := _FIELD.match(text))]
    if len(fields) < _MIN_FIELDS:
        return None
    from bot.core.ingest.cast_lists import cast_line

    kept = tuple(k for k, text in above if cast_line(text))
    title = next((v for _, label, v in fields if label.lower() in _TITLE_FIELDS), None)
    field_lines = {k for k, _, _ in fields}
    plain = [text for k, text in above if k not in field_lines and not text.endswith(".")]
    if title is None and plain:
        title = title_case(plain[0]) if plain[0].isupper() else plain[0]
    date = next((d for _, _, v in fields if (d := field_date(v))), None)
    return RuledHeader(
        DocumentMeta(title=title, date=date, publication=_station(plain, title)), rule, kept
    )


def field_date(value: str) -> str | None:
    """The ISO date a field's value is, a weekday before it and the hour after it allowed."""
    match = _AROUND_DATE.match(value.strip())
    if not match:
        return None
    written = match.group("date").strip(" ,")
    dates = [f for f in find_figures(written) if f.kind == "date"]
    if not dates or dates[0].start > 0 or dates[0].end < len(written.rstrip(".")):
        return None
    return iso_date(dates[0])


def _station(plain: Sequence[str], title: str | None) -> str | None:
    """The station of a "SHOW NAME - Station" line over a title that names the show."""
    if not plain or not title:
        return None
    match = _SHOW_AND_STATION.match(plain[0])
    if not match or not _loose(title).startswith(_loose(match.group(1))):
        return None
    station = match.group(2).strip()
    return station if is_outlet(station) else None


def _loose(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
