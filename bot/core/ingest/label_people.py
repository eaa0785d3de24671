"""Who a transcript's short labels stand for: initials ("SK:") and roles ("MODERATOR:").

An interview may label its turns with the speakers' initials; the text names those people in
full somewhere (the standfirst, the byline, the introduction), and the label is the person the
text names whose initials it spells. A header's list of who attends may give a person's role
("Joan Mwangi (moderator)", "Marco Bellini, Clerk"); a label that is that role names them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from bot.core.ingest.metadata import is_name

_INITIALS = re.compile(r"^(?:[A-Z]\.?){2,3}$")  # "SK", "S.K.", "MGR"
_GAP = r"[ \t]+"  # within a line: a text's lines are joined with no blank line between
_FULL_NAME = re.compile(
    rf"(?<![\w'’-])[A-Z][a-z'’-]+(?:{_GAP}(?:(?:de|van|von|al|el|da|di|le|la|du){_GAP})?"
    r"[A-Z][a-z'’-]+){1,2}(?![\w'’-])"
)
_PARTICLES = frozenset("de van von al el da di le la du".split())
_TITLE_WORD = re.compile(r"^(?:[A-Z][a-z]{1,3}\.|Dr|Mr|Mrs|Ms|Prof|Professor|Sir|Dame)$")
_ROLE_MAX_WORDS = 3


def is_initials(label: str) -> bool:
    """Whether a label is a speaker's initials: two or three capitals, dots allowed."""
    return bool(_INITIALS.match(label.replace(" ", "")))


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w not in _PARTICLES)


def person_with_initials(
    label: str, text: str, common: frozenset[str], known: Iterable[str] = ()
) -> str | None:
    """The person the text names whose initials the label spells ("SK" → "Saoirse Kealy").

    People the header names (the byline, the guest) come first; else the full name the text
    writes most often with those initials, each of its words one the text never writes in
    lower case (so "The Ocean" never stands for "TO"). None when no name, or two equally
    often, fit.
    """
    letters = label.replace(".", "").replace(" ", "")
    for name in known:
        if name and _initials(name) == letters:
            return name
    forms = Counter(
        match.group(0)
        for match in _FULL_NAME.finditer(text)
        if _initials(match.group(0)) == letters
        and all(w.lower() not in common for w in match.group(0).split() if w not in _PARTICLES)
    )
    ranked = forms.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return " ".join(ranked[0][0].split())


def _untitled(name: str) -> str:
    words = name.split()
    while len(words) > 2 and _TITLE_WORD.match(words[0]):
        words = words[1:]
    return " ".join(words)


def roles_of(items: Sequence[str]) -> dict[str, str]:
    """The roles a list of who attends gives its people: role (lower case) → the person.

    An item is a person and what they do: "Moira Hale, Head of Media (moderator)",
    "Rep. Lena Fiske (Chair)", "Marco Bellini, Clerk". A role two people hold names neither.
    """
    found: dict[str, set[str]] = {}
    for item in items:
        item = re.sub(r"^\s*(?:[-*•]|\d{1,3}[.)])\s+", "", item).strip().rstrip(".;")
        head = re.split(r"\s*[,(–—]\s*|\s+-\s+", item, maxsplit=1)[0]
        rest = item[len(head) :].lstrip(" ,–—-")
        name = _untitled(head.removeprefix("and ").strip())
        if not is_name(name):
            continue
        roles = re.findall(r"\(([^()]+)\)", item)
        roles += [part for part in re.split(r"\s*,\s*", re.sub(r"\([^()]*\)", "", rest)) if part]
        for role in roles:
            role = " ".join(role.split()).lower()
            if role and len(role.split()) <= _ROLE_MAX_WORDS:
                found.setdefault(role, set()).add(name)
    return {role: next(iter(names)) for role, names in found.items() if len(names) == 1}


def role_holder(label: str, roles: Mapping[str, str]) -> str | None:
    """The person a role label ("MODERATOR", "Chair") names in the list of who attends."""
    return roles.get(" ".join(label.split()).lower())
