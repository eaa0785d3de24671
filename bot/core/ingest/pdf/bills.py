"""A bill's title page: its sponsors are its authors, its long title the subtitle.

A bill as introduced names who brought it in a sentence of its own: "Senator A (for herself
and Senator B) introduced the following bill; which was referred to …", "Mr. LEE (for
himself, Ms. ORTIZ and Mr. PARK) introduced the following bill". Those members are the bill's
authors, never the legislature printed above ("STATE OF …", "118TH CONGRESS"). The short lines
in capitals above that sentence (the session, the legislature, the bill number, the chamber "IN
THE SENATE …") are the title page's furniture: no subtitle, author or section. The long title
under the number ("To establish …, and for other purposes.") says what the bill does: its
subtitle.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.ingest.pdf.lines import Line

_TITLE = (
    r"(?:Senators?|Sen\.|Representatives?|Rep\.|Delegates?|Del\.|Assembly\s?(?:member|man|woman)s?"
    r"|Council(?:l?or|member)s?|Deputy|Mr\.?|Mrs\.?|Ms\.?|Mx\.?|Dr\.?)"
)
# a name's words stand on one printed line; "of Texas" may follow it ("Mr. LEE of Texas")
_NAME = r"[A-Z][\w'’.-]*(?:[ ]+[A-Z][\w'’.-]*){0,4}(?:[ ]+of[ ]+[A-Z][a-z]+(?:[ ]+[A-Z][a-z]+)?)?"
_SPONSORS = re.compile(
    rf"(?P<first>(?:\b{_TITLE}\s+)?{_NAME}(?:(?:\s*,\s*|\s+and\s+)(?:{_TITLE}\s+)?{_NAME})*)\s*"
    r"(?:\((?:for\s+(?:himself|herself|themselves|itself)(?:\s*,\s*|\s+and\s+))?"
    r"(?P<others>[^()]*)\)\s*)?"
    r"(?:introduced|presented|submitted)\s+the\s+following\s+"
    r"(?:bill|act|measure|(?:joint\s+|concurrent\s+)?resolution)\b"
)
_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_IN_TITLE = re.compile(rf"(?:^|\s){_TITLE}\s+")
# the long title under the bill's number: "To amend …", "A bill to …", "An Act to …"
_LONG_TITLE = re.compile(r"^(?:(?:An?\s+)?(?:bill|act|resolution)\s+)?to\s+[a-z]", re.I)
_LONG_TITLE_LINES = 5
_FURNITURE_WORDS = 8  # a session, legislature, bill-number or chamber line is this short


@dataclass(frozen=True)
class BillFront:
    """A bill's sponsors and its title page's furniture lines."""

    sponsors: tuple[str, ...]
    furniture: tuple[Line, ...]
    long_title: str | None = None  # "To establish …, and for other purposes."
    long_title_lines: tuple[Line, ...] = ()


def bill_front(lines: Sequence[Line], keep: Sequence[Line] = ()) -> BillFront | None:
    """The sponsors a first page names as introducing the bill, or None for any other page.

    `keep` are lines taken for the title or date: never furniture.
    """
    texts = [ln.text.strip() for ln in lines]
    joined = "\n".join(texts)
    match = _SPONSORS.search(joined)
    if match is None:
        return None
    sponsors = _SPLIT.split(match.group("first"))
    sponsors += _SPLIT.split(match.group("others") or "")
    names = tuple(name for part in sponsors if (name := _member(part)))
    if not names:
        return None
    # the lines above the sponsors' sentence: only the short capitals are furniture
    offset, above = 0, []
    for line, text in zip(lines, texts, strict=True):
        if offset + len(text) > match.start():
            break
        offset += len(text) + 1
        above.append(line)
    kept = {id(ln) for ln in keep}
    furniture = tuple(ln for ln in above if id(ln) not in kept and _capitals_line(ln.text))
    start = next((k for k, t in enumerate(texts) if _LONG_TITLE.match(t)), None)
    end = (
        next((k for k in range(start, len(texts)) if texts[k].endswith(".")), None)
        if start is not None
        else None
    )
    if start is None or end is None or end - start >= _LONG_TITLE_LINES:
        return BillFront(names, furniture)
    long_lines = tuple(lines[start : end + 1])
    return BillFront(names, furniture, " ".join(texts[start : end + 1]), long_lines)


def _member(part: str) -> str | None:
    """A sponsor's name without the title before it; the words before a title are not his."""
    titled = list(_IN_TITLE.finditer(part))
    name = part[titled[-1].end() :] if titled else part
    name = name.strip(" .,;")
    if not name[:1].isupper():
        return None
    # a surname printed in capitals ("Mr. LEE") is a name as any other writes it
    return " ".join(w.title() if len(w) > 1 and w.isupper() else w for w in name.split())


def _capitals_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return (
        bool(letters)
        and len(text.split()) <= _FURNITURE_WORDS
        and all(c.isupper() for c in letters)
    )
