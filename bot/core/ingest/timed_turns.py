"""An automatic transcript export: each turn under a "Name  0:21" header line.

Transcription services (and the meeting tools that use them) head each turn with the speaker
and the time into the recording on a line of their own ("Jane Okoro  0:21", "Speaker 2
(01:02:13)"), the words on the lines below. Above the first turn they print their own block:
the recording's title and time, fields of the tool ("Duration 41:37", "Transcribed by …"), and
generated parts under one-word labels ("Summary", "Action items", "Keywords …"). The header
becomes the turn's "Name:" label (the time is no text); the tool's fields, keywords and part
labels are no text (a label heading a part would hold the turns below it in that part).
"""

from __future__ import annotations

import re

from bot.core.ingest.formats import Block, DocumentMeta, line_groups, split_lists

_HEAD_CHARS = 6000
_MIN_HEADERS = 3
_HEADER = re.compile(
    r"^[ \t]*(?P<name>[A-Z][\w.'’-]*(?:[ \t][\w.'’-]+){0,4}?)[ \t]+"
    r"[(\[]?(?P<clock>\d{1,2}:\d{2}(?::\d{2})?)[)\]]?:?[ \t]*$",
    re.M,
)
_TOOL_FIELD = re.compile(
    r"^\s*(?:duration|length|running\s+time|(?:transcribed|transcription|generated|powered)"
    r"\s+by)\b",
    re.I,
)
_KEYWORDS = re.compile(r"^\s*(?:keywords|tags|topics)\s*:?\s*(?P<rest>.*)$", re.I)
_PART_LABEL = re.compile(r"^\s*[A-Z][a-z]+(?:[ \t][a-z]+){0,2}\s*:?\s*$")


def _headers(text: str) -> list[re.Match[str]]:
    """The turn headers of a text's head, tool fields left out."""
    return [m for m in _HEADER.finditer(text) if not _TOOL_FIELD.match(m.group(0))]


def is_timed_transcript(text: str) -> bool:
    """Whether the head of a text has several "Name  0:21" headers naming two speakers or more."""
    found = _headers(text[:_HEAD_CHARS])
    return len(found) >= _MIN_HEADERS and len({m.group("name") for m in found}) >= 2


def read_timed_transcript(text: str) -> tuple[list[Block], DocumentMeta] | None:
    """The export's blocks, each header made its turn's label, the tool's block read; else None."""
    if not is_timed_transcript(text):
        return None
    lines = text.split("\n")
    headers = {text.count("\n", 0, m.start()): m.group("name") for m in _headers(text)}
    first_turn = min(headers)
    keywords: list[str] = []
    for k, name in headers.items():
        if k + 1 < len(lines) and lines[k + 1].strip():
            lines[k], lines[k + 1] = "", f"{name}: {lines[k + 1].strip()}"
    for k, line in enumerate(lines):
        alone = not (lines[k - 1].strip() if k else "") and not "".join(lines[k + 1 : k + 2])
        if _TOOL_FIELD.match(line) and (k < first_turn or alone):
            lines[k] = ""  # "Transcribed by https://otter.ai" closing the export, too
        elif k < first_turn and (keyed := _KEYWORDS.match(line)):
            listed = keyed.group("rest") or (lines[k + 1] if k + 1 < first_turn else "")
            keywords += [w.strip() for w in listed.split(",") if w.strip()]
            lines[k] = ""
            if not keyed.group("rest") and k + 1 < first_turn:
                lines[k + 1] = ""
    blocks: list[Block] = []
    for group, gap in line_groups(lines):
        if group[0].number <= first_turn and len(group) > 1 and _PART_LABEL.match(group[0].text):
            blocks.extend(split_lists(group[1:], gap))  # its label names the part: no text
        else:
            blocks.extend(split_lists(group, gap))
    return blocks, DocumentMeta(keywords=tuple(keywords))
