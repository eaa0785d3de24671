"""Courts' summaries of their judgments (press summaries, case summaries), as plain text.

A summary opens with a header: perhaps the document's type in capitals ("PRESS SUMMARY"),
the case name ("R (on the application of X) v Secretary of State …", "Smith v Jones") over
its neutral citation ("[2025] UKSC 14", "[2023] EWCA Civ 988", "2024 SCC 12"), then labelled
lines ("On appeal from: …", "JUSTICES: …", "Date: 9 April 2025"). The case name is the title
and the labelled date the date; the header lines are no text. Below it the summary's headings
are capitals, and a heading alone over its first line ("NOTE" / "This summary is …") is a
heading, not the sentence's first word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.ingest.figures import find_figures, iso_date
from bot.core.ingest.formats import Block, DocumentMeta

# "[2025] UKSC 14", "[2023] EWCA Civ 988", "[2021] EWHC 1234 (Admin)", "2024 SCC 12"
_CITATION = re.compile(
    r"^(?:\[(?:19|20)\d\d\]|(?:19|20)\d\d)\s+[A-Z][A-Za-z]{1,8}(?:\s+[A-Z][a-z]{1,5})?"
    r"\s+\d{1,5}(?:\s+\([A-Za-z ]{2,20}\))?$"
)
# "Smith v Jones", "R (on the application of X) v Secretary of State", "A v. B", "X against Y"
_CASE_NAME = re.compile(r"\S\s+(?:v\.?|vs\.?|against)\s+\S")
# "On appeal from: …", "JUSTICES: …", "Date of judgment: …": a labelled header line
_LABELLED = re.compile(r"^([A-Za-z][A-Za-z ()]{0,30}):\s*\S")
_HEADER_MAX_GROUPS = 10
_LABEL_MAX_WORDS = 4


def _groups(lines: Sequence[str]) -> list[list[int]]:
    """The indices (0-based) of each run of non-blank lines."""
    groups: list[list[int]] = []
    current: list[int] = []
    for k, raw in enumerate(lines):
        if raw.strip():
            current.append(k)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _is_caps_label(text: str) -> bool:
    """A short line in capitals with no closing punctuation ("PRESS SUMMARY", "NOTE")."""
    words = text.split()
    return (
        0 < len(words) <= _LABEL_MAX_WORDS
        and text.isupper()
        and text[-1:].isalpha()
        and not any(c.isdigit() for c in text)
    )


def read_judgment_summary(text: str) -> tuple[str, DocumentMeta] | None:
    """The summary's text with its header lines blanked, and the header's title and date.

    None when the text opens with no case name over a neutral citation.
    """
    lines = text.split("\n")
    groups = _groups(lines)[:_HEADER_MAX_GROUPS]
    cited = next(
        (
            (g, k)
            for g, group in enumerate(groups)
            for k in group
            if _CITATION.match(lines[k].strip())
        ),
        None,
    )
    if cited is None:
        return None
    g, at = cited
    flat = [k for group in groups for k in group]
    before = [k for k in flat if k < at]
    if not before or not _CASE_NAME.search(lines[before[-1]]):
        return None
    case_at = before[-1]
    if any(not _is_caps_label(lines[k].strip()) for k in before[:-1]):
        return None  # only a document type in capitals may stand above the case name
    header = [*before, at]
    date = None
    for group in groups[g:]:
        rest = [k for k in group if k > at]
        if not rest:
            continue
        if not all(_LABELLED.match(lines[k].strip()) for k in rest):
            break
        for k in rest:
            header.append(k)
            label = _LABELLED.match(lines[k].strip())
            if date is None and label and "hearing" not in label.group(1).lower():
                found = [f for f in find_figures(lines[k]) if f.kind == "date"]
                date = iso_date(found[0]) if found else None
    body = ["" if k in set(header) else line for k, line in enumerate(lines)]
    meta = DocumentMeta(title=" ".join(lines[case_at].split()), date=date)
    return "\n".join(body), meta


def heading_apart(blocks: Sequence[Block]) -> list[Block]:
    """A paragraph opening with a heading in capitals alone on its line: heading, then text."""
    out: list[Block] = []
    for block in blocks:
        first = block.lines[0].text.strip() if block.lines else ""
        if block.kind == "paragraph" and len(block.lines) > 1 and _is_caps_label(first):
            out.append(Block("heading", block.lines[:1], block.gap_before))
            out.append(Block("paragraph", block.lines[1:]))
        else:
            out.append(block)
    return out
