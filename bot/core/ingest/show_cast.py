"""A show's cast lines: "Hosts: Jo Park and Sam Lee", "Guest: Dr Ana Ruiz, University of X".

A podcast's or broadcast's transcript names its people in full once, in its header, and its
turns then label them by the first name alone ("**Jo:**"): such a label is the one cast member
whose first name (or surname) it is. The hosts made the episode: they are its authors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.core.ingest.metadata import is_name
from bot.core.ingest.names import INSTITUTION, NAME_TITLES, TITLES

_CAST = re.compile(
    r"^\s*(co-?hosts?|hosts?|presenters?|guests?|panel(?:ists)?)\s*:\s*(.+?)\s*$", re.I
)
_GUEST = re.compile(r"^(?:guests?|panel)", re.I)


def _untitled(name: str) -> str:
    words = name.split()
    while len(words) > 2 and (w := words[0].lower()) and (w in TITLES or w in NAME_TITLES):
        words = words[1:]
    return " ".join(words)


def cast_of(line: str) -> tuple[str, tuple[str, ...]] | None:
    """The role ("host" or "guest") and the people a cast line names, titles dropped.

    Each person is the first part of an "A and B" / "A; B" / "A & B" list item, before any
    comma or bracket (their role or institution). None when the line names no person.
    """
    match = _CAST.match(line.replace("*", ""))
    if not match:
        return None
    names: list[str] = []
    for piece in re.split(r"\s*[;&]\s*|\s+and\s+", match.group(2)):
        name = _untitled(re.split(r"\s*[,(]", piece, maxsplit=1)[0].strip(" ."))
        if is_name(name) and not INSTITUTION.search(name):
            names.append(name)
    if not names:
        return None
    return ("guest" if _GUEST.match(match.group(1)) else "host"), tuple(names)


def cast_member(label: str, people: Iterable[str]) -> str | None:
    """The one person whose first name or surname a one-word label is ("Jo" → "Jo Park")."""
    if " " in label.strip():
        return None
    word = label.strip().lower()
    found = {p for p in people if word in (p.split()[0].lower(), p.split()[-1].lower())}
    return next(iter(found)) if len(found) == 1 else None
