"""A news story's closing credit line: "Reporting by A; Editing by B", no fact of the story.

Shared by the readers that meet wire copy: the HTML walker and the plain-text wire export.
"""

from __future__ import annotations

import re

# a wire story's closing credit line: "Reporting by A and B; Additional reporting by C in
# Tokyo; Editing by D": each part a job and "by", no fact of the story's
_CREDIT_PART = re.compile(
    r"^(?:additional\s+|further\s+)?(?:reporting|writing|editing|compiled|compilation|"
    r"graphics|research|translation|production|fact-?checking|photography)"
    r"(?:\s+and\s+(?:editing|writing|reporting|graphics))?\s+by\s+",
    re.I,
)
# who did it: capitalised names joined by "and" or commas, each perhaps where they filed from
# ("A in Geneva and B in Accra"), or all of them ("A and B in Tokyo")
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|der|al|bin|le|la))*"
_FILED = rf"{_NAME}(?:\s+(?:in|at|from)\s+{_NAME})?"
_CREDIT_NAMES = re.compile(rf"{_FILED}(?:\s*(?:,|\band\b|&)\s*{_FILED})*")
_CREDIT_WORDS = 60
# "Our Standards: The X Trust Principles.": the outlet's boilerplate link under the story
_STANDARDS_LINE = re.compile(
    r"^our\s+(?:editorial\s+)?(?:standards|principles|policies|ethics(?:\s+policy)?)\s*:",
    re.I,
)
_STANDARDS_WORDS = 12


def closing_credit(line: str) -> bool:
    """Whether a line is a story's closing credit or standards link, not its text.

    "Reporting by A; Editing by B" (every part a job done by someone) or "Our Standards: …"
    in a few words.
    """
    words = len(line.split())
    if _STANDARDS_LINE.match(line) and words <= _STANDARDS_WORDS:
        return True
    parts = [p.strip() for p in re.split(r"\s*;\s*", line.rstrip(". ")) if p.strip()]
    return words <= _CREDIT_WORDS and bool(parts) and all(map(_credit_part, parts))


def _credit_part(part: str) -> bool:
    """Whether one part of a credit line is a job and who did it: "editing by Farah Aziz"."""
    lead = _CREDIT_PART.match(part)
    return lead is not None and bool(_CREDIT_NAMES.fullmatch(part[lead.end() :].strip()))
