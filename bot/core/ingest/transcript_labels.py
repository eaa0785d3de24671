"""A transcript's turn labels: "Name: …", "NAME (Outlet):", "Q:", "Dr. VARGA.", clock lines.

What a label looks like and what it is not (a "Note:" or "Source:" line), the labels that
name no one person ("Speaker 2", "Q", "HOST"), and the recording's clock lines, which are furniture.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.core.ingest.formats import Block, SourceLine
from bot.core.ingest.metadata import is_name
from bot.core.ingest.parliament import collective_label, member_label

_NAME_TOKEN = r"[A-Z][\w.'’-]*"
_STAMP = r"[(\[]?\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?[)\]]?"  # "(00:01:06)", "[12:04]", "00:15"


# a reporter's label names the outlet too: "ANA RUIZ (Valley Courier):", "Lee Chan (KXTV):"
_AFFILIATION = r"\((?!\d)[^()\n:]{2,40}\)"
_LABEL = re.compile(
    rf"^\s*(?:{_STAMP}\s+)?((?:{_NAME_TOKEN}|Q|A)(?:\s+(?:{_NAME_TOKEN}|\d+)){{0,4}})"
    rf"(?:\s*{_STAMP}|\s*(?P<outlet>{_AFFILIATION}))?\s*:\s*(?=\S|$)"
)


# "Jo Park — 00:12:31" alone on its line, the words below it: a recording's export labels a
# turn with the speaker and the clock; only a person's name or a role stands so (an agenda's
# "Keynote — 09:30" is no speaker)
_STAMP_LINE = re.compile(
    rf"^\s*({_NAME_TOKEN}(?:\s+(?:{_NAME_TOKEN}|\d+)){{0,4}})\s*(?:[—–-]\s*|\s)"
    r"[(\[]?\d{1,2}(?::\d{2}){1,2}[)\]]?\s*$"
)


# a committee's record numbers its questions before the member's label ("Q12 Chair:",
# "Q13 Dr Amira Sallow:"): the number files the question, it is no part of who asks it
_QUESTION_NUMBER = re.compile(r"^Q\.?\s?\d{1,4}[a-z]?\s+(?=[A-Z])")
_BARE_Q = re.compile(r"^\s*Q\.?\s+(?=[A-Z“\"‘'(])")  # "Q Thank you, Dana." (no colon)


# a hearing's record labels a turn with a title and the surname in capitals, then a full stop
# ("Mr. LINDQVIST.", "Senator REYES of Ohio.", "Chairwoman DIAZ."), or with the office alone
# ("The CHAIR.", "The PRESIDING OFFICER."); no colon follows
_RECORD_LABEL = re.compile(
    r"^\s*(?:(?P<title>[A-Z][a-z]{1,3}\.|[A-Z][a-z]{3,})\s+"
    r"(?P<surname>(?:[A-Z]{1,3}['’])?[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+)?)"
    r"(?:\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
    r"|The\s+(?P<office>[A-Z]{3,}(?:\s+[A-Z]{3,}){0,2}))\.(?:\s+(?=\S)|\s*$)"
)
_NOT_SPEAKERS = frozenset(
    """note notes source sources photo photos figure table chart map image caption credit
    credits update updated see disclaimer keywords tags date title subject summary abstract
    link links contents editor's editors author authors by from to cc re warning tip example
    examples definition step part chapter section appendix box exhibit abbreviations
    supplementary information background participants present attendees panelists speakers
    location venue place time transcript""".split()
)
GENERIC_SPEAKER = re.compile(
    r"^(?:(?:unknown|unidentified|male|female|another|other)\s+)?(?:speaker|audience(?:\s+member)?|"
    r"participant|questioner|question|reporter|caller|voice|member|attendee|panelist|operator|"
    r"interviewer|moderator|q)(?:\s*\d+)?$",
    re.I,
)


# a generic label in sentence case, its later words in small letters ("Audience member:")
_GENERIC_LABEL = re.compile(r"^\s*([A-Z][a-z]+(?:\s+[a-z]+){1,2})\s*:\s*(?=\S)")
ANSWER_LABEL = re.compile(r"^(?:a\.?|answer)$", re.I)


# a role in a show ("HOST (Nadia Ferrante):", "PRESENTER:", "Jo Park (Guest):"): one person's
# part; the role named once with the person's name is that person in every later bare turn
ROLE_LABEL = re.compile(
    r"^(?:co-?)?(?:hosts?|guests?|presenters?|interviewers?|interviewees?|moderators?|"
    r"narrators?|anchors?)(?:\s*\d+)?$",
    re.I,
)
GUEST_LABEL = re.compile(r"^(?:guests?|interviewees?)", re.I)
NARRATOR_LABEL = re.compile(r"^narrators?$", re.I)
QUESTION_LABEL = re.compile(r"^(?:q\.?|question|questioner|interviewer)$", re.I)  # "Q." too
NAME_TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sir madam chair chairman chairwoman
    vice president governor secretary senator minister ambassador general director""".split()
)
ABBREVIATED_TITLE = re.compile(r"^[A-Z][a-z]{1,3}\.$")  # "Rep.", "Sen.", "Gov." before a surname
MANY_LABEL = "Hon. Members"  # a label many speak ("Some hon. Members:"): nobody's words


def label_of(text: str, record: bool = False) -> tuple[str, int, str | None] | None:
    """A paragraph's turn label, where its label ends, and what its brackets say (or None).

    The brackets name an outlet ("ANA RUIZ (Valley Courier):"), the person a role label is
    ("HOST (Nadia Ferrante):") or the role of the person named ("Jo Park (Guest):").
    """
    member = member_label(text, record)  # "Name (Seat) (Party):", "The Minister for X (Name):"
    if member:
        return member[0], member[1], None
    collective = collective_label(text)
    if collective:
        return MANY_LABEL, collective, None
    match = _LABEL.match(text)
    generic = _GENERIC_LABEL.match(text) if not match else None
    if generic and GENERIC_SPEAKER.match(generic.group(1)):
        return generic.group(1), generic.end(), None  # "Audience member:", "Unknown speaker:"
    stamped = _STAMP_LINE.match(text) if not match else None
    if stamped:
        label = stamped.group(1)
        if is_name(label) or ROLE_LABEL.match(label) or GENERIC_SPEAKER.match(label):
            return label, len(text), None
    if not match:
        bare = _BARE_Q.match(text)
        return ("Q", bare.end(), None) if bare else _record_label(text)
    label = _QUESTION_NUMBER.sub("", match.group(1).strip())
    words = label.split()
    if (
        any(w.endswith(("'s", "’s")) for w in words)
        or label.lower() in _NOT_SPEAKERS
        or words[0].lower().rstrip(".") in _NOT_SPEAKERS
    ):
        return None
    if len(label) > 50:
        return None
    outlet = match.group("outlet")
    return label, match.end(), outlet[1:-1].strip() if outlet else None


def _record_label(text: str) -> tuple[str, int, str | None] | None:
    """A hearing record's label: "Dr. VARGA." → "Dr. VARGA", "The CHAIR." → "The CHAIR".

    The title is an abbreviated one ("Ms.", "Rep.") or a word titles are ("Senator").
    """
    match = _RECORD_LABEL.match(text)
    if not match:
        return None
    office = match.group("office")
    if office:
        return f"The {office}", match.end(), None
    title = match.group("title")
    if not title.endswith(".") and title.lower() not in NAME_TITLES:
        return None
    return f"{title} {match.group('surname')}", match.end(), None


# a recording's clock alone on a line ("[00:03:47]", "00:03:47", "1:04 P.M. EST"): furniture
_CLOCK_LINE = re.compile(
    r"^\s*(?:\[\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?\]|\(\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?\)"
    r"|\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,4})?"
    r"|\d{1,2}\.\d{2}\s*[AaPp]\.?\s?[Mm]\.?)\s*$"  # a record's "12.47 pm" too
)


def without_clock_lines(blocks: Sequence[Block]) -> list[Block]:
    """Drop the recording's clock lines; a clock over a labelled line starts a new block.

    A transcript export may stamp a turn with the clock on the line above its label
    ("[00:03:47]" over "ROE: …", no blank line between): the label then opens its own
    paragraph, and the turn is never glued to the one before.
    """
    out: list[Block] = []
    for block in blocks:
        if block.kind == "list" or not any(_CLOCK_LINE.match(line.text) for line in block.lines):
            out.append(block)
            continue
        runs: list[list[SourceLine]] = [[]]
        lines = block.lines
        for k, line in enumerate(lines):
            if not _CLOCK_LINE.match(line.text):
                runs[-1].append(line)
            elif runs[-1] and k + 1 < len(lines) and label_of(lines[k + 1].text):
                runs.append([])
        out.extend(
            replace(block, lines=tuple(run), gap_before=block.gap_before if j == 0 else 0)
            for j, run in enumerate(r for r in runs if r)
        )
    return out
