"""A correction or editor's note appended at the end of a story: no part of its last section.

"This article was amended on 9 October 2025. An earlier version said …", "Correction: …",
"Clarification (3 May): …", or a paragraph its class marks (`class="correction"`), standing
after the story's last paragraph (only pictures and notes after it): an unnamed heading before
it closes the last section, so its sentences are under no heading of the story. The notice
stays text; a notice inside the story, or a paragraph that merely mentions one, is left be.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.core.ingest.html.walker import RawBlock

__all__ = ["NOTICE_CLASS", "close_before_notices"]

NOTICE_CLASS = re.compile(
    r"(?:^|[-_\s])(?:corrections?|clarifications?|editors?-?notes?|amendments?)(?:$|[-_\s])",
    re.I,
)
_NOTICE = re.compile(
    r"^(?:(?:corrections?|clarifications?|editor['’]?s\s+note)\s*(?:\([^)]{1,40}\))?\s*[:—–]"
    r"|this\s+(?:article|story|report|piece|post)\s+(?:was|has\s+been)\s+"
    r"(?:amended|corrected|updated|changed|clarified)\b"
    r"|an\s+earlier\s+version\s+of\s+this\s+(?:article|story|report|piece|post)\b)",
    re.I,
)
_AFTER = frozenset({"image", "notes"})  # what may stand after the notice at the end


def close_before_notices(blocks: list[RawBlock], marked: Iterable[int]) -> list[RawBlock]:
    """The blocks with an unnamed heading before the notices appended at their end.

    `marked`: source lines of paragraphs whose markup says they are a notice.
    """
    lines = set(marked)
    end = len(blocks)
    while end > 0 and blocks[end - 1].kind in _AFTER:
        end -= 1
    start = end
    while start > 0 and _is_notice(blocks[start - 1], lines):
        start -= 1
    if start == end or not any(b.kind == "heading" and b.lines[0][0] for b in blocks[:start]):
        return blocks  # no notice at the end, or no section for it to leave
    level = min((b.level or 1) for b in blocks[:start] if b.kind == "heading")
    line = blocks[start].lines[0][1]
    closing = replace(blocks[start], kind="heading", lines=[("", line)], level=level, alone=False)
    return [*blocks[:start], closing, *blocks[start:]]


def _is_notice(block: RawBlock, marked: set[int]) -> bool:
    if block.kind != "paragraph" or not block.lines:
        return False
    return block.lines[0][1] in marked or bool(_NOTICE.match(block.lines[0][0]))
