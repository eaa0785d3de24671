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
