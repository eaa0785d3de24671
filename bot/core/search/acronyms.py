"""Acronyms a text introduces, including syllable acronyms ("Maritime Administration (MARAD)").

The ingest glossary pairs initialisms with their long forms; this finds the pairs where each
word of the long form gives the acronym a prefix of itself (MAR-itime AD-ministration, NATO's
N-orth A-tlantic T-reaty O-rganization alike), so search can expand either form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

MAX_LONG_WORDS = 6
_DEFINED = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
_WORD = re.compile(r"[A-Za-z][\w'.-]*")
_JOINERS = frozenset({"of", "and", "for", "the", "on", "in", "to", "&"})


def defined_acronyms(sentences: Iterable[str]) -> Iterator[tuple[str, str]]:
    """Each (acronym, long form) a sentence introduces as "Long Form (ACRONYM)"."""
    for text in sentences:
        for match in _DEFINED.finditer(text):
            acronym = match.group(1)
            if sum(1 for c in acronym if c.isupper()) < 2:
                continue
            before = _WORD.findall(text[: match.start()])[-(MAX_LONG_WORDS * 2) :]
            long = _long_form(acronym.lower(), before)
            if long:
                yield acronym, long


def _long_form(acronym: str, before: list[str]) -> str | None:
    """The fewest capitalised words ending the text before "(" that spell the acronym."""
    for count in range(1, min(MAX_LONG_WORDS, len(before)) + 1):
        tail = before[-count:]
        if not tail[0][:1].isupper():
            continue
        content = [w for w in tail if w.lower() not in _JOINERS]
        capitalised = all(w[:1].isupper() for w in content)
        if content and capitalised and _spells(acronym, [w.lower() for w in content]):
            return " ".join(tail)
    return None


def _spells(acronym: str, words: list[str]) -> bool:
    """Whether the acronym splits into one non-empty prefix of each word, in order."""
    if not words:
        return not acronym
    first, rest = words[0], words[1:]
    for size in range(1, min(len(first), len(acronym) - len(rest)) + 1):
        if first[:size] == acronym[:size] and _spells(acronym[size:], rest):
            return True
    return False
