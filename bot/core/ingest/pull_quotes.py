"""Pull quotes: each tied to the sentence it repeats and given to whoever said those words.

A pull quote repeats words of the body, so it is the words of whoever said them there: the
person its display names ("— Name" under it), else the speaker of the quotation (direct, or
a transcript turn) that holds most of the words it repeats, else the article's author (the
byline, or the publication when no one is named): words of the article's own. The byline
is never given words the body puts in someone else's mouth.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.core.ingest.layout import PullQuote
from bot.core.ingest.quotes import clean_speaker
from bot.core.model import Quote, Sentence

__all__ = ["Spoken", "pull_quotes"]


@dataclass(frozen=True, slots=True)
class Spoken:
    """A stretch of the body text said by someone: offsets into the joined body sentences."""

    start: int
    end: int
    speaker: str


def joined(facts: Sequence[Sentence]) -> tuple[str, dict[str, int]]:
    """The body sentences joined by spaces, and where each sentence starts in that text."""
    starts: dict[str, int] = {}
    parts: list[str] = []
    at = 0
    for sentence in facts:
        starts[sentence.id] = at
        parts.append(sentence.text)
        at += len(sentence.text) + 1
    return " ".join(parts) + " ", starts


def pull_quotes(
    pulls: Sequence[PullQuote],
    facts: Sequence[Sentence],
    spoken: Sequence[Spoken],
    cited: Mapping[int, str],
    author: str,
) -> list[tuple[int, Quote]]:
    """Each pull quote with the sentence it repeats and its speaker (ids are set later).

    `facts` are the body sentences in order, `spoken` the stretches of their joined text
    that someone says, `cited` the speaker a display names, by its line.
    """
    if not facts:
        return []
    full, starts = joined(facts)
    offsets = [starts[s.id] for s in facts]
    found: list[tuple[int, Quote]] = []
    for pull in pulls:
        start, end = _repeated(pull.text, full)
        index = max(k for k, at in enumerate(offsets) if at <= start)
        target = facts[index]
        named = clean_speaker(cited.get(pull.line) or "")
        speaker = named or _said_by(start, end, spoken) or target.speaker or author
        text = pull.text.strip()
        inner = text[1:-1]
        quoted_display = len(text) > 2 and text[0] in '"“' and text[-1] in '"”'
        if quoted_display and not any(m in inner for m in '"“”'):
            text = inner.strip()  # the display's quotation marks are not the words
        found.append((pull.line, Quote("", text, speaker, "pull", target.id, target.notes)))
    return found


def _repeated(text: str, full: str) -> tuple[int, int]:
    """Where in the body text a display line's words stand: (start, end)."""
    match = fuzz.partial_ratio_alignment(text, full)
    if match is None:
        return 0, 0
    start, end = int(match.dest_start), int(match.dest_end)
    while start < end and full[start] == " ":
        start += 1
    return start, max(end, start)


def _said_by(start: int, end: int, spoken: Sequence[Spoken]) -> str | None:
    """Who says most of the stretch [start, end): the innermost quotation holding it."""
    length = max(end - start, 1)
    holding = [
        s for s in spoken if 2 * (min(end, s.end) - max(start, s.start)) >= length and s.speaker
    ]
    if not holding:
        return None
    return min(holding, key=lambda s: s.end - s.start).speaker
