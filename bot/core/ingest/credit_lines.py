"""A feature's credit line under its standfirst ("Interview by A. Photographs by B.").

A magazine prints who made the piece on a line of its own near the top, each part a job and
"by" with the names: the writer's part ("Interview by", "Words by", "Text by", "Reporting
by") names the authors; the others (photographs, illustrations) name no author. The line is
no text of the piece.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.ingest.formats import Block

_WRITER = r"(?:interview(?:ed)?|words|text|reporting|story|written)"
_MAKER = (
    rf"(?:{_WRITER}|photo(?:graph)?s|photography|pictures|illustrations?|images|video|"
    r"graphics|styling)"
)
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|der|al|bin|le|la|dos))+"
_NAMES = rf"{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*"
_PART = re.compile(rf"^((?i:{_MAKER}))\s+(?i:by)\s+({_NAMES})$")  # the names capitalised
_SPLIT_NAMES = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)\s*")
_OPENING_BLOCKS = 6  # the credit line stands near the top, under the headline and standfirst


def credited_authors(line: str) -> tuple[str, ...] | None:
    """The writers a credit line names, or None when the line is no credit line.

    Every part ("Interview by Daniel Pryce.", "Photographs by Hanna Virta.") is a job and
    its names; at least one part is a writer's.
    """
    parts = [p.strip() for p in re.split(r"(?<=\w)\.\s+|\s*[;|]\s*", line.strip()) if p.strip()]
    found = [_PART.match(p.rstrip(".")) for p in parts]
    if not parts or not all(found):
        return None
    writers = [
        name
        for match in found
        if match and re.match(_WRITER, match.group(1), re.I)
        for name in _SPLIT_NAMES.split(match.group(2))
    ]
    return tuple(writers) or None


def take_credit_line(blocks: Sequence[Block], start: int) -> tuple[list[Block], tuple[str, ...]]:
    """The blocks without the opening's credit line, and the writers it names (or none)."""
    for k in range(start, min(len(blocks), start + _OPENING_BLOCKS)):
        block = blocks[k]
        if block.kind != "paragraph":
            continue
        writers = credited_authors(block.text)
        if writers:
            return [*blocks[:k], *blocks[k + 1 :]], writers
    return list(blocks), ()
