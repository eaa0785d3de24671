"""Photo captions: recognise a caption by its trailing credit and keep the credit apart.

A print caption ends in a credit line ("Photo: © Mohammed Jalil, dpa, picture alliance.").
This module only splits a block's text into caption and credit; it never decides where the
caption goes in the article and never touches body paragraphs without such a credit.
"""

from __future__ import annotations

import re

_CREDIT_WORDS = (
    r"(?:Cover\s+)?(?:Photos?|Images?|Pictures?|Illustrations?|Graphics?|Infographics?|"
    r"Maps?|Cartoons?|Drawings?|Fotos?|Bild|Abbildung|Credits?|Photo\s+credits?)"
)
_CREDIT = re.compile(
    rf"(?:^|(?<=[.?!…\"”)]\s)|(?<=[.?!…\"”)]))\s*((?:{_CREDIT_WORDS}\s*:\s*©?|©)\s*\S[^©]*?)\s*$"
)
# in a caption the reader marks, its "Source(s): …" / "Note(s): …" lines close it, whether
# or not the caption before them ends in a full stop (a chart's title often has none)
_SOURCE = re.compile(r"(?:(?<=\s)|(?<=[.?!…\"”)]))\s*((?:Sources?|Notes?)\s*:\s*\S[^©]*?)\s*$")
_MAX_CREDIT_CHARS = 160


_SOURCE_NOTE = re.compile(r"^(?:Sources?|Notes?)\s*:", re.I)
# a numbered exhibit's label: "Table 1.", "Figure 2:", "Chart 3 Patients…"
_EXHIBIT = re.compile(
    r"^(?:Figure|Fig\.|Table|Exhibit|Chart|Map|Graph|Box)\s+[A-Z]?\d+[A-Za-z]?(?:[.:–—-]|\s+[A-Z])"
)


def is_source_note(credit: str) -> bool:
    """Whether a caption's credit is its Source or Notes statement, not a photo credit."""
    return bool(_SOURCE_NOTE.match(credit.strip()))


def states_source(caption: str, credit: str) -> bool:
    """Whether a caption's credit is a numbered table's or chart's Source or Notes statement.

    "Table 1. …" over "Source: EIA data." says where its figures come from: that is text
    (a reader asks for it). A photo's "Source: AGENCY/Name" under a caption without a
    label is a credit only.
    """
    return is_source_note(credit) and bool(_EXHIBIT.match(caption.strip()))


def split_credit(text: str, *, sources: bool = False) -> tuple[str, str] | None:
    """Split "caption. Photo: © X." into ("caption.", "Photo: © X."); None if no credit ends it.

    With `sources` (a block the reader marks as a caption) a closing "Source(s): …" or
    "Note(s): …" (with any text after it) is the credit too.
    """
    match = _CREDIT.search(text) or (_SOURCE.search(text) if sources else None)
    if not match:
        return None
    credit = match.group(1).strip()
    if len(credit) > _MAX_CREDIT_CHARS:
        return None
    return text[: match.start(1)].strip(), credit
