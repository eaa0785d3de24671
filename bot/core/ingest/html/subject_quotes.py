"""A pull quote no one is credited with, on a page about one person: that person's words.

An obituary or a profile sets the subject's words apart ("A home is not a reward …") with no
"— Name" under them: the page is about the person its headline opens with ("Jo Park, nurse
who …, dies aged 80", "Obituary: Jo Park", "Jo Park obituary"), and the body names her. A pull
quote that repeats the body's words is left to the layout, which gives it to whoever says them
there; so is every pull quote on a page whose headline names no one first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.ingest.html.walker import RawBlock
from bot.core.ingest.names import is_person, name_at
from bot.core.ingest.quotes import PULL_QUOTE_MIN_SCORE, repeat_score

# "Obituary: Name", "Profile – Name": the page's kind before the subject's name
_KIND_LEAD = re.compile(r"^(?:obituary|profile|tribute|in\s+memoriam)\s*[:–—-]\s*", re.I)
# what follows the subject's name in such a headline: a comma, a colon, a dash, "obituary"
_AFTER_NAME = re.compile(r"^\s*(?:$|[,:–—]|-\s|\(|obituary\b)", re.I)


def headline_subject(title: str | None) -> str | None:
    """The person a headline opens with, when it is about that person; else None."""
    if not title:
        return None
    text = _KIND_LEAD.sub("", title.strip())
    name = name_at(text)
    if name is None or not is_person(name) or not text.startswith(name):
        return None
    return name if _AFTER_NAME.match(text[len(name) :]) else None


def credit_subject(
    blocks: Sequence[RawBlock], uncredited: Sequence[RawBlock], title: str | None
) -> None:
    """Credit each uncredited pull quote that repeats nothing to the headline's subject."""
    subject = headline_subject(title)
    if subject is None or not uncredited:
        return
    body = [b for b in blocks if b.kind in ("paragraph", "list")]
    text = "\n".join(t for b in body for t, _ in b.lines)
    if subject not in text:
        return  # the body never names her: no page about her
    for quote in uncredited:
        words = " ".join(t for t, _ in quote.lines)
        if repeat_score(words, text) >= PULL_QUOTE_MIN_SCORE:
            continue  # it repeats the body: its speaker there says it
        line = quote.lines[-1][1]
        quote.lines.append((f"— {subject}.", line))
