"""Who a transcript's labels are: full names, introductions, hand-offs, roles, asker and guest.

A surname alone takes the fullest form of the name the text uses, a generic label the name the
speaker introduces themselves with or is handed the floor by, a role the person it is named with.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from bot.core.ingest.formats import Block
from bot.core.ingest.label_people import is_initials, person_with_initials, role_holder
from bot.core.ingest.metadata import common_words, is_name
from bot.core.ingest.transcript_labels import (
    ABBREVIATED_TITLE,
    ANSWER_LABEL,
    GENERIC_SPEAKER,
    NAME_TITLES,
    QUESTION_LABEL,
    ROLE_LABEL,
)

# the press's generic labels: its questions are asked, not quoted
_PRESS = re.compile(r"^(?:q|question|questioner|reporter|journalist)(?:\s*\d+)?$", re.I)
_PERSON = (
    r"[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+(?:de|van|von|al|el|da|di|le|la)?\s*[A-Z][a-z'’-]+){1,2}"
)
_INTRO = re.compile(
    rf"(?:^|\b(?:[Hh]i|[Hh]ello|[Hh]ey|[Tt]hanks|[Tt]hank you|[Yy]es|[Ss]ure|[Oo]kay|[Gg]ood "
    rf"(?:morning|afternoon|evening))\b[,.!]?\s+|\bI'm\s+|\bI am\s+|\b[Tt]his is\s+|"
    rf"\b[Mm]y name is\s+)({_PERSON})(?=\s*(?:,|\bat\b|\bfrom\b|\bof\b|\bwith\b|\bhere\b|\.))"
)


def full_name(name: str, text: str) -> str:
    """The fullest form of a name the text uses: "Jefferson" → "Philip Jefferson".

    A titled surname ("Ms. Whitfield") becomes the full name where the text gives it.
    """
    words = name.split()
    if len(words) == 2 and (words[0].lower() in NAME_TITLES or ABBREVIATED_TITLE.match(words[0])):
        fuller = full_name(words[1], text)
        return fuller if fuller != words[1] else name
    if len(words) != 1 or not name[:1].isupper():
        return name
    pattern = re.compile(rf"\b((?:[A-Z][a-z'’-]+ +)(?:[A-Z]\. +)?){re.escape(name)}\b")
    forms = Counter(
        m.group(0)
        for m in pattern.finditer(text)
        if (first := m.group(1).split()[0]).lower() not in NAME_TITLES
        and not first.endswith(("'s", "’s"))  # "Fed's Jefferson": an owner, not a first name
        and not re.search(r"['’][a-z]{1,2}$", first)  # "I'm Owen": a contraction, no name
    )
    if not forms:
        return name
    return forms.most_common(1)[0][0]


def title_case(label: str, text: str = "") -> str:
    """An all-caps label as the text writes the name ("PIETER DE WIT" → "Pieter de Wit")."""
    if not label.isupper() or len(label) <= 2:
        return label
    pattern = r"\s+".join(re.escape(w) for w in label.split())
    for match in re.finditer(rf"(?<![\w'’-]){pattern}(?![\w'’-])", text, re.I):
        if not match.group(0).isupper() and match.group(0)[:1].isupper():
            return " ".join(match.group(0).split())
    return " ".join(w[:1] + w[1:].lower() if w.isalpha() else w.title() for w in label.split())


def resolve(
    label: str,
    turn: str,
    text: str,
    interviewer: str | None,
    guest: str | None,
    roles: Mapping[str, str] | None = None,
) -> str:
    """Who a label names: a full name where the turn or the document gives it.

    A role the list of who attends gives someone ("MODERATOR") is that person; initials
    ("SK") are the person the text names with them.
    """
    office = office_of(label)
    holder = role_holder(office or label, roles or {})
    if holder:
        return holder
    if office:
        return f"The {title_case(office)}"
    if is_initials(label):
        known = [n for n in (interviewer, guest) if n]
        person = person_with_initials(label, text, common_words(text), known)
        if person:
            return person
    if QUESTION_LABEL.match(label):
        return interviewer or "Interviewer"  # a question is never the guest's
    if ANSWER_LABEL.match(label):
        return guest or "Interviewee"  # an answer is never the interviewer's
    if GENERIC_SPEAKER.match(label) or ANSWER_LABEL.match(label) or QUESTION_LABEL.match(label):
        intro = _INTRO.search(turn[:200])
        # "Dr Qureshi." alone, a titled name: the speaker hands over, no one introduces himself
        if intro and not _hands_over(intro.group(1), turn):
            return intro.group(1)
        return title_case(label) if label.isupper() and len(label) > 2 else label
    title, _, surname = label.partition(" ")
    titled = bool(ABBREVIATED_TITLE.match(title)) or title.lower() in NAME_TITLES
    if titled and not title.isupper() and surname.isupper():
        name = f"{title} {title_case(surname, text)}"  # "Dr. VARGA" as the text writes it
    else:
        name = title_case(label, text)
    return full_name(name, text)


def office_of(label: str) -> str | None:
    """The office a record's "The CHAIR" label names ("CHAIR"), or None."""
    return label[4:] if label.startswith("The ") and label[4:].isupper() else None


def holds_office(label: str, text: str) -> bool:
    """Whether "The CHAIR" names an office, not an acronym ("The BBC.").

    Each word of an office is one the text also writes in small letters ("Madam Chair").
    """
    office = office_of(label) or ""
    return bool(office) and all(
        any(
            not m.group(0).isupper()
            for m in re.finditer(rf"(?<![\w'’-]){re.escape(w)}(?![\w'’-])", text, re.I)
        )
        for w in office.split()
    )


def _hands_over(name: str, turn: str) -> bool:
    return name.split()[0].lower() in NAME_TITLES or turn.strip(" .,!?") == name


def guest_from(title: str, blocks: Sequence[Block], interviewer: str | None) -> str | None:
    """The guest of an interview: a name in the title that the body text names too.

    The body names them in full ("Jo Park, who …", "Jo Park said") or by a title and the
    surname ("Ms Dufresne-Koné has been …"); a title before the name in the title ("Foreign
    Minister Amélie Dufresne-Koné on …") is no part of it.
    """
    body = " ".join(b.text for b in blocks if b.kind != "heading").replace(title, " ")
    # "notes from Jo Park's keynote": the possessive's "'s" is no part of the name
    tokens = [re.sub(r"['’]s$", "", t) for t in re.findall(r"[^\s:;,.!?()\"“”]+", title)]
    for size in (3, 2):
        for k in range(len(tokens) - size + 1):
            words = tokens[k : k + size]
            name = " ".join(words)
            if not all(w[:1].isupper() for w in words) or name == interviewer:
                continue
            if re.search(rf"\b{re.escape(name)}\b(?:,| is\b| was\b| said\b| says\b)", body):
                return name
            untitled = _untitled(name)
            surname = untitled.split()[-1]
            whole = k + size == len(tokens) or not tokens[k + size][:1].isupper()
            if (
                whole
                and is_name(untitled)
                and untitled != interviewer
                and re.search(rf"\b(?:{_TITLE_WORDS})\.?\s+{re.escape(surname)}(?![\w'’-])", body)
            ):
                return untitled
    return None


_TITLE_WORDS = "Mr|Mrs|Ms|Mx|Dr|Prof|Professor|Minister|President|Senator|Ambassador|Governor"


def introduced_speaker(turn: str, speakers: frozenset[str] | set[str]) -> str | None:
    """The reporter a question's words name as its asker ("Thanks. Deborah Kline, Pacific Wire.").

    The name is introduced as `_INTRO` reads it, and is no labelled speaker's ("Thanks, Erik
    Halvorsen." thanks the one who answers).
    """
    intro = _INTRO.search(turn[:200])
    if not intro or _hands_over(intro.group(1), turn):
        return None
    name = intro.group(1)
    return None if name.split()[-1].lower() in speakers else name


# the floor handed on at a turn's end: "Yes, Lara.", "Go ahead, Matt.", "Matt." alone
_HAND_OFF = re.compile(
    r"(?:^|[.!?]\s+)(?:(?:yes|yeah|okay|ok|sure|right|all right|go ahead|please)\s*,\s*)?"
    r"([A-Z][a-z'’-]+)\s*[.!?]?\s*$",
    re.I,
)
_NO_NAMES = frozenset(
    """thanks thank yes yeah no okay ok sure right next please good great fine go anyone anybody
    everyone everybody sorry well so now again here there""".split()
)


def handed_to(paragraph: str, speakers: frozenset[str] | set[str], text: str) -> str | None:
    """The person the last words of a turn hand the floor to, where they name one.

    The name is one word the text never writes in lower case ("Said." is no name where the
    text says "said"), no labelled speaker's, and no greeting or filler ("Thanks.", "Next.");
    the text's fuller form of it is the asker ("Deborah" → "Deborah Kline").
    """
    match = _HAND_OFF.search(paragraph[-60:]) if paragraph else None
    name = match.group(1) if match else ""
    if not name or not name[:1].isupper():
        return None
    word = name.lower()
    if word in _NO_NAMES or word in speakers or word in NAME_TITLES or word in common_words(text):
        return None
    return full_name(name, text)


def _untitled(name: str) -> str:
    words = name.split()
    while len(words) > 1 and (words[0].lower() in NAME_TITLES or ABBREVIATED_TITLE.match(words[0])):
        words = words[1:]
    return " ".join(words)


def one_name_each(speakers: Mapping[int, str], known: Sequence[str]) -> dict[int, str]:
    """Every turn of one person under one name: "ROE:" after "JANE ROE:".

    The speakers (and the people the header's cast names) who share a surname are one person
    when their names, titles aside, give one full name ("Professor Jane Roe", "Jane Roe",
    "Roe"): each is then that name. One form alone stays as it is, and
    two first names with one surname are two people.
    """
    groups: dict[str, set[str]] = {}
    for name in {*speakers.values(), *known}:
        groups.setdefault(name.split()[-1].lower().rstrip("."), set()).add(name)
    renamed: dict[str, str] = {}
    for names in groups.values():
        full = {_untitled(n) for n in names if len(_untitled(n).split()) >= 2}
        if len(names) >= 2 and len(full) == 1:
            renamed.update(dict.fromkeys(names, next(iter(full))))
    return {line: renamed.get(name, name) for line, name in speakers.items()}


def role_of(label: str, bracket: str | None) -> str | None:
    """The show role a label gives: "HOST" in "HOST (Name):" or "HOST:", "Guest" in "X (Guest):"."""
    if ROLE_LABEL.match(label):
        return label
    if bracket is not None and ROLE_LABEL.match(bracket):
        return bracket
    return None


def asker_of(label: str, bracket: str | None) -> str | None:
    """The reporter a question's brackets name: "Q (Helen Ward, Valley Courier):" → Helen Ward.

    Only a question's or a generic label ("Q", "QUESTION", "REPORTER") takes the name, and
    only the name before an outlet: "Q (Harbour Gazette):" alone may name the outlet, and
    the brackets of a named speaker ("ANA RUIZ (Valley Courier):") hold the outlet alone.
    """
    if bracket is None or not (QUESTION_LABEL.match(label) or GENERIC_SPEAKER.match(label)):
        return None
    parts = re.split(r"\s*[,;/|–—]\s*|\s+-\s+", bracket, maxsplit=1)
    name = parts[0].strip()
    if len(parts) != 2 or not parts[1].strip():
        return None
    if is_name(name):
        return name
    # a member of the public is named by the first name alone: "CALLER (Janet, Dunmore):"
    public = is_public(label)
    return name if public and re.fullmatch(r"[A-Z][a-zà-ÿ'’-]+", name) else None


def is_public(label: str) -> bool:
    """Whether a generic label is a member of the public's (a caller's, an audience member's).

    Their words are their own, quoted; a questioner's or a reporter's are the press's.
    """
    return bool(GENERIC_SPEAKER.match(label)) and not _PRESS.match(label)


def answerer_of(labels: Iterable[tuple[str, int, str | None]]) -> str | None:
    """Who answers in a briefing: the one name more than half the named turns are labelled with.

    "Li Wen:" over most turns, the outlets' "Reuters:" and bare "Q:" asking: a bare "A:" there
    is the spokesperson's. Roles, questions, answers and generic labels count for no one.
    """
    counts = Counter(
        label
        for label, _, bracket in labels
        if not any(
            p.match(label) for p in (GENERIC_SPEAKER, ANSWER_LABEL, QUESTION_LABEL, ROLE_LABEL)
        )
        and (bracket is None or not ROLE_LABEL.match(bracket))
    )
    if not counts:
        return None
    top, many = counts.most_common(1)[0]
    named = many * 2 > sum(counts.values()) and many >= 2 and is_name(title_case(top))
    return top if named else None


def named_roles(labels: Iterable[tuple[str, int, str | None]], text: str) -> dict[str, str]:
    """Who each role is, where a label names them with it: role (lower case) → the person.

    "HOST (Nadia Ferrante):" and "Nadia Ferrante (Host):" both make the host Nadia Ferrante;
    a role two people are named with names neither.
    """
    found: dict[str, set[str]] = {}
    for label, _, bracket in labels:
        if bracket is None:
            continue
        if ROLE_LABEL.match(label) and is_name(bracket):
            found.setdefault(label.lower(), set()).add(bracket)
        elif ROLE_LABEL.match(bracket) and not ROLE_LABEL.match(label):
            found.setdefault(bracket.lower(), set()).add(full_name(title_case(label, text), text))
    return {role: next(iter(names)) for role, names in found.items() if len(names) == 1}
