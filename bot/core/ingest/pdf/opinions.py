"""A court opinion's caption: the case name is the title, the court the publication.

An opinion opens with its caption: the court's name ("SUPREME COURT OF …", "IN THE COURT OF
APPEAL"), the case name under it ("SMITH v. JONES", "In re Estate of Varga"), and a docket line
that dates the decision ("No. 25-118. Argued … - Decided February 20, 2026"; "Judgment
delivered 4 May 2024"). Lines above the court's name ("Cite as: …", a notice of revision) are
the reporter's. The opinion is written by the judge who delivers it ("ROE, J., delivered the
opinion of the Court", "JUSTICE ROE delivered the opinion of the Court"). Names printed in
capitals are written as names ("MARLOW HOUSING TRUST v. DELACROIX" → "Marlow Housing Trust v.
Delacroix").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.ingest.pdf.lines import Line
from bot.core.ingest.pdf.meta import iso_date

_COURT = re.compile(r"\b(?:court|tribunal)\b", re.I)
_PARTY = r"[A-Z][\w.,'’&-]*(?:\s+(?:[A-Z][\w.,'’&-]*|of|the|and|for|de|van|von|et\s+al\.))*"
_CASE = re.compile(
    rf"^(?:{_PARTY}\s+[vV](?:[sS])?\.?\s+{_PARTY}|(?:In\s+re|IN\s+RE|Ex\s+parte|EX\s+PARTE)\s+{_PARTY})$"
)
_DECIDED = re.compile(
    r"\b(?:decided|delivered|filed|judgment\s+(?:given|delivered|handed\s+down)|"
    r"date\s+of\s+(?:decision|judgment))\s*:?\s*(?:on\s+)?(?P<date>.+)$",
    re.I,
)
_JUDGE = r"(?P<judge>[A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+)?)"
_DELIVERS = r"\s+(?:delivered|announced)\s+the\s+(?:opinion|judgment)\b"
_AUTHOR = (
    re.compile(rf"\b(?:CHIEF\s+)?(?:JUSTICE|JUDGE|Justice|Judge)\s+{_JUDGE}{_DELIVERS}"),
    re.compile(rf"\b{_JUDGE},\s+(?:C\.\s?J\.|P\.\s?J\.|J\.)(?:,)?{_DELIVERS}"),
)
_CAPTION_WORDS = 14  # the court's and the case's lines are short
_ABOVE = 3  # reporter's lines above the court's name, at most
_SMALL_WORDS = frozenset(
    {"of", "the", "and", "for", "in", "at", "on", "v.", "v", "vs.", "re", "parte"}
)


@dataclass(frozen=True)
class OpinionFront:
    """What an opinion's caption says, and its lines (no text of the opinion)."""

    case: str
    court: str
    date: str | None
    lines: tuple[Line, ...]


def opinion_front(lines: Sequence[Line]) -> OpinionFront | None:
    """The caption of a first page that opens a court opinion, or None for any other page."""
    texts = [ln.text.strip() for ln in lines]
    for k, text in enumerate(texts[: _ABOVE + 2]):
        if not _caption_line(text) or not _COURT.search(text) or _CASE.match(text):
            continue
        case_at = next(
            (j for j in range(k + 1, min(k + 3, len(texts))) if _CASE.match(texts[j])), None
        )
        if case_at is None or not _caption_line(texts[case_at]):
            continue
        taken = [*lines[: case_at + 1]]
        date = None
        for j in range(case_at + 1, min(case_at + 3, len(texts))):
            match = _DECIDED.search(texts[j])
            if match and (date := iso_date(match.group("date"))):
                taken.append(lines[j])
                break
        court = as_name(re.sub(r"^in\s+the\s+", "", text, flags=re.I))
        return OpinionFront(as_name(texts[case_at]), court, date, tuple(taken))
    return None


def delivering_judge(texts: Sequence[str]) -> str | None:
    """The judge who delivers the opinion of the court, as a name ("Okonkwo-Reid")."""
    joined = " ".join(texts)
    for pattern in _AUTHOR:
        match = pattern.search(joined)
        if match:
            return as_name(match.group("judge"))
    return None


def _caption_line(text: str) -> bool:
    return 1 <= len(text.split()) <= _CAPTION_WORDS and not text.endswith((",", ";", ":"))


def as_name(text: str) -> str:
    """A name printed in capitals as a name is written ("COURT OF X" → "Court of X")."""
    if any(c.islower() for w in text.split() if w.lower() not in _SMALL_WORDS for c in w):
        return text
    words = [w.lower() if w.lower() in _SMALL_WORDS else w.title() for w in text.split()]
    return " ".join([words[0].title(), *words[1:]]) if words else text
