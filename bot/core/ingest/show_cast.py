"""A show's cast lines: "Hosts: Jo Park and Sam Lee", "Guest: Dr Ana Ruiz, University of X".

A podcast's or broadcast's transcript names its people in full once, in its header, and its
turns then label them by the first name alone ("**Jo:**"): such a label is the one cast member
whose first name (or surname) it is. The hosts made the episode: they are its authors. An
intro may name them instead ("host **Fern Achterberg** talks to **Dr Tobias Rennick**"): the
name after "host" is the host, a name after "talks to", "speaks with", "joined by" or "guest"
the guest, and the turns' role labels ("Host", "Guest") are those people.
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


# the words an intro puts before a name it casts: "host Jo Park", "talks to Dr Ana Ruiz"
_BEFORE_HOST = re.compile(r"\b(?:co-?)?(?:host|presenter)(?:s|ed\s+by)?\s*$", re.I)
_BEFORE_GUEST = re.compile(
    r"\b(?:(?:talks?|speaks?|chats?|sits?\s+down)\s+(?:to|with)|joined\s+by|"
    r"interviews|meets|(?:my|our|the|a|with)\s+guests?|guests?)\s*$",
    re.I,
)
_ROLE_WORDS = {"host": "host", "presenter": "host", "guest": "guest", "interviewee": "guest"}


def intro_cast(text: str, names: Iterable[str]) -> dict[str, str]:
    """The host and the guest an intro names by the words before each name, one each.

    `names` are the runs the intro sets apart (bold); each must read as a person's name.
    """
    found: dict[str, set[str]] = {}
    at = 0
    for name in names:
        where = text.find(name, at)
        if where < 0 or not is_name(_untitled(name)) or INSTITUTION.search(name):
            continue
        before = text[max(0, where - 30) : where]
        at = where + len(name)
        role = "host" if _BEFORE_HOST.search(before) else None
        role = role or ("guest" if _BEFORE_GUEST.search(before) else None)
        if role:
            found.setdefault(role, set()).add(name)
    return {role: next(iter(people)) for role, people in found.items() if len(people) == 1}


def role_person(label: str, cast: dict[str, str]) -> str | None:
    """The person a role label ("Host", "Guest") names where an intro cast one each."""
    role = _ROLE_WORDS.get(label.strip().lower())
    return cast.get(role) if role else None
