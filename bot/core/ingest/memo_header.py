"""A memo's field header ("TO: / FROM: / DATE: / RE:") and a post's field lines ("Event: …").

An office memo opens with labelled fields instead of a byline: who it is to, who it is from,
its date and its subject. The subject ("RE:", "Subject:") is the title, the sender ("FROM:") the
author (the role after a comma is theirs), the date its date; the addressee lines are no text.
A write-up's header may hold other field lines ("Event: Conference 2025, 13 March 2025, Hall,
City"): a value of parts, no sentence, that no one says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.ingest.figures import find_figures, iso_date
from bot.core.ingest.metadata import is_name
from bot.core.ingest.sign_off import signatory

# the fields of a memo's header, and what each gives the document
_MEMO_FIELDS = {
    "to": "recipient",
    "cc": "recipient",
    "attn": "recipient",
    "from": "author",
    "speaker": "author",  # a speech's header: "Speaker: Rt Hon Name MP, Secretary of State"
    "date": "date",
    "re": "title",
    "subject": "title",
}
_SENTENCE_END = re.compile(r"[.!?…\"”’)]$")


@dataclass(frozen=True, slots=True)
class MemoField:
    """What one memo header field gives: its role and its value, read."""

    role: str  # "recipient", "author", "date" or "title"
    value: str


def memo_field(label: str, value: str) -> MemoField | None:
    """The memo field a labelled header line is ("FROM" + "Ana Ruiz, Head of Policy"), or None.

    The author is the name before any comma; a date must read as one; a title must be there.
    """
    field = label.strip().rstrip(".:").lower()
    role = _MEMO_FIELDS.get(field)
    value = value.strip()
    if role is None or not value:
        return None
    if role == "author":
        name = value.split(",", 1)[0].strip()
        if field == "speaker":  # an office's style is no part of the name: "Rt Hon …, MP"
            name = signatory(name) or ""
        return MemoField(role, name) if is_name(name) else None
    if role == "date":
        dates = [f for f in find_figures(value) if f.kind == "date"]
        written = iso_date(dates[0]) if dates else ""
        return MemoField(role, written) if len(written) == 10 else None
    return MemoField(role, value)


def is_field_line(label: str, value: str) -> bool:
    """Whether a one-word label over a value is a header's field, not a speaker's turn.

    The value is no sentence (no closing stop) and is a list of parts: it holds a date, or two
    commas ("Conference 2025, 13 March 2025, Brabazon Hall, Bristol").
    """
    value = value.strip()
    if " " in label.strip() or not value or _SENTENCE_END.search(value):
        return False
    dated = any(f.kind == "date" for f in find_figures(value))
    return dated or value.count(",") >= 2
