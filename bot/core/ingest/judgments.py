"""A court's full judgment as plain text: its front matter, its numbered paragraphs.

A judgment opens with front matter: the court, the case number, the date, "Before:" the
judges, "Between:" the parties each over its role ("Appellant", "Respondent", "Claimant" …)
with "- and -" or "v" between them, the counsel who appeared "for the Appellant" and the
hearing date. None of that is text to quote; the title is the case name the parties give
("A v B"), the date the judgment's own "Date:" field. The body is paragraphs numbered
"1." or "[1]" under short cross-headings ("The facts", "Ground 1: the report misled
members"): the number only counts the paragraph, a cross-heading heads a section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.core.ingest.formats import Block, DocumentMeta, SourceLine, line_groups, split_lists

_HEAD_CHARS = 5000  # the front matter sits in the first page or so
_BETWEEN = re.compile(r"^[ \t]*between[ \t]*:?[ \t]*$", re.I | re.M)
_ROLE = re.compile(
    r"^\s*(?:(?:first|second|third|\d+(?:st|nd|rd|th)?)\s+)?"
    r"(?:appellants?|respondents?|claimants?|defendants?|applicants?|petitioners?|"
    r"plaintiffs?|interested\s+part(?:y|ies)|interven[eo]rs?|appellant/\w+|respondent/\w+)"
    r"\s*$",
    re.I,
)
_ROLE_ANY = re.compile(_ROLE.pattern, re.I | re.M)
_SEPARATOR = re.compile(r"^\s*(?:-+\s*)?(?:and|v\.?|vs\.?|against)(?:\s*-+)?\s*$", re.I)
_RULE = re.compile(r"^\s*(?:[-=_*]\s*){3,}$")
_NUMBER = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})\.)\s+(?=\S)")
_LABEL = re.compile(r"^\s*([A-Z][A-Z .'’-]+?)\s*:\s*$")
_FIELD = re.compile(r"^\s*[A-Z][\w ()'’/-]{0,40}:\s*(.*)$")
_DATE_FIELD = re.compile(r"^\s*(?:date(?:\s+of\s+judgment)?|judgment\s+date)\s*:\s*(.+)$", re.I)
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_COURT = re.compile(r"^\s*(?:in\s+the\s+)?(.*\b(?:court|tribunal)\b.*)$", re.I)
_COUNSEL = re.compile(
    r"\bfor\s+the\s+(?:appellants?|respondents?|claimants?|defendants?|applicants?|"
    r"petitioners?|plaintiffs?|interested\s+part(?:y|ies)|interven[eo]rs?|secretary\s+of\s+state)",
    re.I,
)
_SMALL = frozenset("a an and as at by for in of on or the to v".split())
_MAX_HEADING_WORDS = 12


def is_judgment(text: str) -> bool:
    """Whether a text opens with a judgment's parties block ("Between:" and a party's role)."""
    head = text[:_HEAD_CHARS]
    return bool(_BETWEEN.search(head)) and bool(_ROLE_ANY.search(head))


def _title_case(text: str) -> str:
    """Words printed in capitals in title case; words in lower or mixed case as printed."""
    out = []
    for k, word in enumerate(text.split()):
        letters = [c for c in word if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters):
            low = word.lower()
            word = (
                low
                if k and low in _SMALL
                else re.sub(r"[a-z]", lambda m: m[0].upper(), low, count=1)
            )
        out.append(word)
    return " ".join(out)


def _parties(lines: Sequence[str]) -> list[str]:
    """The parties named in the "Between:" block, in order (each the lines above its role)."""
    start = next((k for k, line in enumerate(lines) if _BETWEEN.match(line)), None)
    if start is None:
        return []
    parties: list[str] = []
    name: list[str] = []
    for line in lines[start + 1 :]:
        if _ROLE.match(line):
            if name:
                parties.append(" ".join(name))
            name = []
        elif _SEPARATOR.match(line) or _RULE.match(line):
            name = []
            if _RULE.match(line) and parties:
                break
        elif line.strip():
            name.append(line.strip())
    return parties


def _date(lines: Sequence[str]) -> str | None:
    """The judgment's "Date:" field as an ISO date (a numeric date is day/month/year)."""
    from bot.core.ingest.post_meta import stated_date

    for line in lines:
        if match := _DATE_FIELD.match(line):
            value = match.group(1).strip()
            if numeric := _NUMERIC_DATE.match(value):
                day, month, year = (int(g) for g in numeric.groups())
                if 1 <= month <= 12 and 1 <= day <= 31:
                    return f"{year:04d}-{month:02d}-{day:02d}"
            elif stated := stated_date(value):
                return stated
    return None


def _body_start(lines: Sequence[str]) -> int:
    """The index of the first body line: the judge's label over paragraph 1, or paragraph 1."""
    first = next(
        (k for k, line in enumerate(lines) if (m := _NUMBER.match(line)) and "1" in m.groups()),
        len(lines),
    )
    for k in range(first - 1, -1, -1):
        if _LABEL.match(lines[k]):
            return k
        if _RULE.match(lines[k]) or _BETWEEN.match(lines[k]):
            break
    return first


def _kept_front(lines: list[SourceLine]) -> bool:
    """Whether a front-matter paragraph is prose to keep (the hand-down notice)."""
    text = " ".join(line.text.strip() for line in lines)
    return (
        len(text.split()) >= 8
        and text.rstrip().endswith(".")
        and not _COUNSEL.search(text)
        and not _FIELD.match(lines[0].text)
    )


def _cross_heading(lines: list[SourceLine]) -> bool:
    """A short line alone between paragraphs, with no closing stop: a cross-heading."""
    if len(lines) != 1:
        return False
    text = lines[0].text.strip()
    return (
        bool(text)
        and text[0].isupper()
        and len(text.split()) <= _MAX_HEADING_WORDS
        and text[-1] not in ".:;,!?"
        and not _NUMBER.match(text)
    )


def read_judgment(text: str) -> tuple[list[Block], DocumentMeta] | None:
    """A judgment's body blocks (front matter out) and its case name and date; else None."""
    if not is_judgment(text):
        return None
    lines = text.split("\n")
    parties = _parties(lines)
    start = _body_start(lines)
    if len(parties) < 2 or start >= len(lines):
        return None
    front = lines[:start]
    court = next((m.group(1).strip() for line in front if (m := _COURT.match(line))), None)
    meta = DocumentMeta(
        title=" v ".join(_title_case(p) for p in parties[:2]),
        date=_date(front),
        publication=_title_case(court) if court else None,
    )
    blocks: list[Block] = []
    judge: Block | None = None  # the label of the judge whose judgment this is
    for group, gap in line_groups(lines):
        if group[0].number <= start:
            if _kept_front(group):
                blocks.append(Block("paragraph", tuple(group), gap))
            continue
        if len(group) == 1 and _LABEL.match(group[0].text):
            judge = Block("paragraph", tuple(group), gap)
            blocks.append(judge)
        elif _cross_heading(group):
            # a heading ends a speaker's turn, but a cross-heading is inside one judge's
            # judgment: the judge's label goes again under it (a label alone is no text)
            if judge is not None and blocks and blocks[-1] is judge:
                blocks.pop()
            blocks.append(Block("heading", tuple(group), gap, level=2))
            if judge is not None:
                blocks.append(judge)
        elif cut := _NUMBER.match(group[0].text):
            first = group[0]
            bare = SourceLine(first.text[cut.end() :], first.number, first.page)
            blocks.append(Block("paragraph", (bare, *group[1:]), gap))
        else:
            blocks.extend(split_lists(group, gap))
    judges = {block.text.strip() for block in blocks if _LABEL.match(block.text)}
    if len(judges) == 1:  # one judge's judgment: his label marks no turn, he wrote it
        blocks = [block for block in blocks if not _LABEL.match(block.text)]
        meta = replace(meta, authors=(_title_case(judges.pop().rstrip(": ")),))
    return blocks, meta
