"""Transcripts: speaker-labelled turns ("Name: …", "NAME: …", "Q: …") and who says them.

Every reader writes a turn as a paragraph starting with its label. A document is a transcript
when several paragraphs open with labels and at least two labels differ; then each label is cut
from its paragraph, and the paragraphs after it (until the next label or heading) are the same
speaker's. A label is resolved to the person's full name where the text gives it: an all-caps
label is written in title case, a surname alone takes the fullest form of that name the text
uses ("Jefferson" → "Philip Jefferson"), and a generic label ("Speaker 4", "Q") takes the name
the speaker introduces themselves with ("Hi, Nick Timiraos at the Wall Street Journal"), never a
name said alone or with a title ("MODERATOR: Dr Qureshi." hands over). Initials ("SK:") and
roles the list of who attends gives ("(moderator)") name people (see `label_people`); a
reporter's label names the outlet ("ANA RUIZ (Valley Courier):"), and the press is not quoted. A
question ("Q", "QUESTION:", a bare "Q " as press-briefing transcripts write it) is the
interviewer's, an answer ("A") the guest's. A show's role label names its person once ("HOST
(Nadia Ferrante):", "Jo Park (Guest):") and every later bare "HOST:" is that person. A label may
carry a time stamp ("Name (00:01:06):", or "Jo Park — 00:12:31" alone over the words); a
hearing's record writes a title and the surname in capitals, then a full stop ("Dr. VARGA.",
"Senator REYES of Ohio."), or the office ("The CHAIR.", the person the list of who attends gives
that role); and a clock alone on the line over a label ("[00:03:47]") starts that label's turn,
never the text; one person labelled in full and by surname ("DR JANE ROE:", "ROE:") has one name
in every turn; a header's cast lines ("Host: …", "Presenter: …", "Guest: …, role") name the
interviewer and the guest, and its lists of who attends ("PRESENT: …", "WITNESSES:" and a person
a line) are not text (both read in `cast_lists`); the transcriber's notes ("(Laughter.)",
"[Recess]", "[inaudible 00:03:10]", a paragraph "(The hearing adjourned …)", "[END OF
TRANSCRIPT]") are not the speaker's words, and an editor's notice ("Correction: …", a note of
any kind: "EMBARGOED NOTE: …", "[Editor's note: …]", its label and brackets cut) or the editor's
line on the exchange ("This interview has been edited for length.") ends the turn before it and
is nobody's. With no interviewer named, a question is the reporter's who introduces herself in
it ("Thanks. Deborah Kline, Pacific Wire.") or whom the turn before hands the floor to ("Yes,
Lara.": one word the text never writes in lower case, no labelled speaker's); the press is not
quoted. A committee's record numbers its questions before the label ("Q12 Chair:", "Q13 Dr Ann
Roe:"): the number is no part of the speaker. An interview's guest is the name its title gives
that the body uses in full or by a title and the surname ("Ms Dufresne-Koné").
A note on the recording itself ("Video: a full recording …", "Audio: …") is an editor's notice.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from bot.core.ingest.formats import Block, SourceLine
from bot.core.ingest.label_people import is_initials, person_with_initials, role_holder
from bot.core.ingest.metadata import common_words, is_name, reads_as_heading
from bot.core.ingest.parliament import collective_label, is_procedural, is_record, member_label

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
# "(Laughter.)", "(Inaudible.)", "[Crosstalk]": the transcriber's note, not the speaker's words
_STAGE_DIRECTION = re.compile(
    r"(?:^|(?<=[.!?…]\s))(?:\([A-Z][a-z-]+(?:\s+[a-z-]+){0,2}\.?\)"
    r"|\[[A-Za-z][a-z-]+(?:\s+[a-z-]+){0,2}\.?\])(?=\s|$)"
    # a note with the recording's clock ("[inaudible 00:03:10]") is the transcriber's anywhere
    r"|\s*\[[A-Za-z][a-z-]+(?:\s+[a-z-]+){0,2}\s+\d{1,2}(?::\d{2}){1,2}\]"
)
# a paragraph that is one parenthesis or bracket ("(The hearing adjourned at 11:42 a.m.)",
# "[Recess]"): in a transcript, the transcriber's account of the room, nobody's words; a
# labelled one ("[Note: …]", "[Editor's note: …]") is the editor's, and stays
_NOTE_PARAGRAPH = re.compile(
    r"^\s*[(\[](?![A-Z][\w'’ ]{0,25}:\s)(?:(?<=\()[^()]{2,400}\)|(?<=\[)[^\[\]]{2,400}\])\.?\s*$"
)
_NOT_SPEAKERS = frozenset(
    """note notes source sources photo photos figure table chart map image caption credit
    credits update updated see disclaimer keywords tags date title subject summary abstract
    link links contents editor's editors author authors by from to cc re warning tip example
    examples definition step part chapter section appendix box exhibit abbreviations
    supplementary information background participants present attendees panelists speakers
    location venue place time transcript""".split()
)
# an editor's notice ("Correction: …", "Editor's note: …", "Update (May 2): …") ends a turn:
# it is nobody's words, and its label is cut as a speaker's is
# ("EMBARGOED NOTE: …", "[Editor's note: …]": a note of any kind, in brackets or not)
_NOTICE = re.compile(
    r"^\s*(?P<open>[\[(])?(?:corrections?|clarifications?|updates?|(?:[\w'’-]+\s+){0,2}?notes?|"
    r"errat(?:um|a)|corrigend(?:um|a)|addend(?:um|a)|"
    # a note on the recording itself ("Video: a full recording …", "Audio: …", "Listen: …")
    r"video|audio|recording|watch|listen)(?:\s*\([^()]{1,40}\))?\s*:\s*(?=\S)",
    re.I,
)
# "This interview has been edited for length and clarity.": the editor's word on the whole
# exchange, closing (or opening) it: nobody's turn
_EDITED = re.compile(
    r"^\s*[\[(]?(?:(?:this|the)\s+(?:interview|conversation|transcript|exchange|discussion|"
    r"q\s?&\s?a)\s+(?:has|have|was|were|is)\s+(?:been\s+)?(?:\w+ly\s+)?"
    r"(?:edited|condensed|shortened|abridged|translated)"
    r"|(?:\w+ly\s+)?(?:edited|condensed)(?:\s+and\s+\w+)?\s+for\s+(?:length|clarity|brevity)"
    # "Transcript prepared by the Forum.": who made the record, closing it
    r"|(?:(?:this|the)\s+)?(?:transcript|record)\s+(?:(?:was|has\s+been)\s+)?"
    r"(?:prepared|produced|compiled|provided|supplied|made)\s+by)\b",
    re.I,
)
_CLOSING_BRACKET = {"[": "]", "(": ")"}
_GENERIC = re.compile(
    r"^(?:(?:unknown|unidentified|male|female|another|other)\s+)?(?:speaker|audience(?:\s+member)?|"
    r"participant|questioner|question|reporter|caller|voice|member|attendee|panelist|operator|"
    r"interviewer|moderator|q)(?:\s*\d+)?$",
    re.I,
)
# a generic label in sentence case, its later words in small letters ("Audience member:")
_GENERIC_LABEL = re.compile(r"^\s*([A-Z][a-z]+(?:\s+[a-z]+){1,2})\s*:\s*(?=\S)")
_ANSWER = re.compile(r"^(?:a\.?|answer)$", re.I)
# the press's generic labels: its questions are asked, not quoted
_PRESS = re.compile(r"^(?:q|question|questioner|reporter|journalist)(?:\s*\d+)?$", re.I)
# a role in a show ("HOST (Nadia Ferrante):", "PRESENTER:", "Jo Park (Guest):"): one person's
# part; the role named once with the person's name is that person in every later bare turn
_ROLE = re.compile(
    r"^(?:co-?)?(?:hosts?|guests?|presenters?|interviewers?|interviewees?|moderators?|"
    r"narrators?|anchors?)(?:\s*\d+)?$",
    re.I,
)
_GUEST_ROLE = re.compile(r"^(?:guests?|interviewees?)", re.I)
_QUESTION = re.compile(r"^(?:q\.?|question|questioner|interviewer)$", re.I)  # "Q." too
_PERSON = (
    r"[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+(?:de|van|von|al|el|da|di|le|la)?\s*[A-Z][a-z'’-]+){1,2}"
)
_INTRO = re.compile(
    rf"(?:^|\b(?:[Hh]i|[Hh]ello|[Hh]ey|[Tt]hanks|[Tt]hank you|[Yy]es|[Ss]ure|[Oo]kay|[Gg]ood "
    rf"(?:morning|afternoon|evening))\b[,.!]?\s+|\bI'm\s+|\bI am\s+|\b[Tt]his is\s+|"
    rf"\b[Mm]y name is\s+)({_PERSON})(?=\s*(?:,|\bat\b|\bfrom\b|\bof\b|\bwith\b|\bhere\b|\.))"
)
_TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sir madam chair chairman chairwoman
    vice president governor secretary senator minister ambassador general director""".split()
)
_ABBREVIATED_TITLE = re.compile(r"^[A-Z][a-z]{1,3}\.$")  # "Rep.", "Sen.", "Gov." before a surname
_MIN_TURNS = 3
_MANY = "Hon. Members"  # a label many speak ("Some hon. Members:"): nobody's words


@dataclass(frozen=True, slots=True)
class Turns:
    """The blocks with labels cut off, and the speaker of each turn paragraph (by first line)."""

    blocks: tuple[Block, ...]
    speakers: dict[int, str]  # a block's first source line → its speaker (resolved)
    starts: frozenset[int]  # first lines of labelled paragraphs: a turn never joins the last
    # first lines of a reporter's turns ("NAME (Outlet):"): the press asks, it is not quoted
    asked: frozenset[int] = frozenset()


def _label_of(text: str, record: bool = False) -> tuple[str, int, str | None] | None:
    """A paragraph's turn label, where its label ends, and what its brackets say (or None).

    The brackets name an outlet ("ANA RUIZ (Valley Courier):"), the person a role label is
    ("HOST (Nadia Ferrante):") or the role of the person named ("Jo Park (Guest):").
    """
    member = member_label(text, record)  # "Name (Seat) (Party):", "The Minister for X (Name):"
    if member:
        return member[0], member[1], None
    collective = collective_label(text)
    if collective:
        return _MANY, collective, None
    match = _LABEL.match(text)
    generic = _GENERIC_LABEL.match(text) if not match else None
    if generic and _GENERIC.match(generic.group(1)):
        return generic.group(1), generic.end(), None  # "Audience member:", "Unknown speaker:"
    stamped = _STAMP_LINE.match(text) if not match else None
    if stamped:
        label = stamped.group(1)
        if is_name(label) or _ROLE.match(label) or _GENERIC.match(label):
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
    if not title.endswith(".") and title.lower() not in _TITLES:
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
            elif runs[-1] and k + 1 < len(lines) and _label_of(lines[k + 1].text):
                runs.append([])
        out.extend(
            replace(block, lines=tuple(run), gap_before=block.gap_before if j == 0 else 0)
            for j, run in enumerate(r for r in runs if r)
        )
    return out


def full_name(name: str, text: str) -> str:
    """The fullest form of a name the text uses: "Jefferson" → "Philip Jefferson".

    A titled surname ("Ms. Whitfield") becomes the full name where the text gives it.
    """
    words = name.split()
    if len(words) == 2 and (words[0].lower() in _TITLES or _ABBREVIATED_TITLE.match(words[0])):
        fuller = full_name(words[1], text)
        return fuller if fuller != words[1] else name
    if len(words) != 1 or not name[:1].isupper():
        return name
    pattern = re.compile(rf"\b((?:[A-Z][a-z'’-]+ +)(?:[A-Z]\. +)?){re.escape(name)}\b")
    forms = Counter(
        m.group(0)
        for m in pattern.finditer(text)
        if (first := m.group(1).split()[0]).lower() not in _TITLES
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
    office = _office(label)
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
    if _QUESTION.match(label):
        return interviewer or "Interviewer"  # a question is never the guest's
    if _ANSWER.match(label):
        return guest or "Interviewee"  # an answer is never the interviewer's
    if _GENERIC.match(label) or _ANSWER.match(label) or _QUESTION.match(label):
        intro = _INTRO.search(turn[:200])
        # "Dr Qureshi." alone, a titled name: the speaker hands over, no one introduces himself
        if intro and not _hands_over(intro.group(1), turn):
            return intro.group(1)
        return title_case(label) if label.isupper() and len(label) > 2 else label
    title, _, surname = label.partition(" ")
    titled = bool(_ABBREVIATED_TITLE.match(title)) or title.lower() in _TITLES
    if titled and not title.isupper() and surname.isupper():
        name = f"{title} {title_case(surname, text)}"  # "Dr. VARGA" as the text writes it
    else:
        name = title_case(label, text)
    return full_name(name, text)


def _office(label: str) -> str | None:
    """The office a record's "The CHAIR" label names ("CHAIR"), or None."""
    return label[4:] if label.startswith("The ") and label[4:].isupper() else None


def _holds_office(label: str, text: str) -> bool:
    """Whether "The CHAIR" names an office, not an acronym ("The BBC.").

    Each word of an office is one the text also writes in small letters ("Madam Chair").
    """
    office = _office(label) or ""
    return bool(office) and all(
        any(
            not m.group(0).isupper()
            for m in re.finditer(rf"(?<![\w'’-]){re.escape(w)}(?![\w'’-])", text, re.I)
        )
        for w in office.split()
    )


def _hands_over(name: str, turn: str) -> bool:
    return name.split()[0].lower() in _TITLES or turn.strip(" .,!?") == name


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


def find_turns(
    blocks: Sequence[Block],
    text: str,
    interviewer: str | None = None,
    guest: str | None = None,
    roles: Mapping[str, str] | None = None,
    breaks: frozenset[int] = frozenset(),
    record: bool = False,
) -> Turns:
    """Cut turn labels off paragraphs and say who speaks each paragraph of a transcript.

    `roles` maps the roles the header's list of who attends gives to its people; `breaks`
    are the first lines of blocks after a thematic break, where a turn ends; `record` says
    the text is a house's record (its reader read the house's header), see `parliament`.
    """
    labelled: dict[int, tuple[str, int, str | None]] = {}
    notices: dict[int, int] = {}  # a notice's block → where its label ends
    bracketed: set[int] = set()  # the notices set in brackets: "[Editor's note: …]"
    record = record or is_record(text)  # "Name (Seat):" in a house's record is a member
    for k, block in enumerate(blocks):
        if block.kind == "paragraph" and block.lines:
            notice = _NOTICE.match(block.lines[0].text)
            found = _label_of(block.lines[0].text, record)
            if notice:
                notices[k] = notice.end()
                if notice.group("open"):
                    bracketed.add(k)
            elif _EDITED.match(block.lines[0].text):
                notices[k] = 0
            elif found:
                labelled[k] = found
    common = common_words(text)  # a speaker reads as a name, never a heading ("ACTION:")
    known = [n for n in (interviewer, guest) if n]
    # initials ("SK") are a speaker's only where the text names a person with them ("NB" is not),
    # or where they spell the surname another label gives in full ("TAN:" after "JOHN TAN:")
    surnames = {v[0].split()[-1].lower() for v in labelled.values() if len(v[0].split()) > 1}
    speaks = {
        label: bool(
            person_with_initials(label, text, common, known) or label.lower() in surnames
            if is_initials(label)
            else _holds_office(label, text)
            if _office(label)
            else _GENERIC.match(label)
            or _ANSWER.match(label)
            or _QUESTION.match(label)
            or _ROLE.match(label)
            or role_holder(label, roles or {})
            or label == _MANY
            or not reads_as_heading(label, common)
        )
        for label in {v[0] for v in labelled.values()}
    }
    asking = _asking_initials(labelled, blocks, {label for label, ok in speaks.items() if ok})
    labelled = {k: v for k, v in labelled.items() if speaks[v[0]] or v[0] in asking}
    distinct = {label.lower() for label, _, _ in labelled.values()}
    if len(labelled) < _MIN_TURNS or len(distinct) < 2:
        return Turns(tuple(_without_reactions(blocks)), {}, frozenset())
    if interviewer and interviewer.split()[-1].lower() in {
        w.lower() for label, _, _ in labelled.values() for w in label.split()
    }:
        interviewer = None  # the byline's author answers: the questions are someone else's
    cast = _named_roles(labelled.values(), text)
    answerer = _answerer(labelled.values())  # whom a bare "A:" answer is, with no guest named
    answering = guest or (answerer and resolve(answerer, "", text, interviewer, None, roles))
    out: list[Block] = []
    speakers: dict[int, str] = {}
    starts: set[int] = set()
    asked: set[int] = set()
    current: str | None = None
    reporter = False
    handed = ""  # the last paragraph of the turn before: it may hand the floor on ("Yes, Lara.")
    cache: dict[str, str] = {}
    for k, block in enumerate(blocks):
        if block.kind == "heading" or k in notices or block.line in breaks:
            current = None
        if k in notices:
            block = _notice_text(block, notices[k], k in bracketed)
        if k in labelled:
            label, cut, bracket = labelled[k]
            first = block.lines[0]
            rest = first.text[cut:].strip()
            turn = " ".join([rest, *(line.text for line in block.lines[1:])])
            role = _role_of(label, bracket)
            reporter = bracket is not None and role is None and not _public(label)
            generic = bool(_GENERIC.match(label) or _ANSWER.match(label))
            key = label if not generic else f"{label}\n{turn[:200]}"
            if label == _MANY:
                current = None
            elif role is not None and bracket is not None and role == label and is_name(bracket):
                current = bracket  # "GUEST (Omar Haddad):" though two guests are named
            elif role is None and (asker := _asker(label, bracket)):
                current = asker
            elif (
                interviewer is None
                and bracket is None
                and _QUESTION.match(label)
                and (asker := _introduced(turn, surnames) or _handed_to(handed, surnames, text))
            ):
                current, reporter = asker, True  # a reporter named asks: the press, unquoted
            elif label in asking:
                current = interviewer or "Interviewer"  # the publication's questions ("CW:")
            elif role is not None and role.lower() in cast:
                current = cast[role.lower()]
            elif role is not None and _ROLE.match(label) and bracket is None:
                named = guest if _GUEST_ROLE.match(label) else interviewer
                current = named or resolve(label, turn, text, interviewer, guest, roles)
            else:
                if key not in cache:
                    answers = answering if _ANSWER.match(label) else guest
                    cache[key] = resolve(label, turn, text, interviewer, answers, roles)
                current = cache[key]
            lines = ((replace(first, text=rest),) if rest else ()) + block.lines[1:]
            if not lines:
                continue
            block = replace(block, lines=lines)
            starts.add(block.line)
        if asking and k not in labelled and k + 1 in labelled and _caps_question(block):
            current = interviewer or "Interviewer"  # a question printed in capitals, unlabelled
            starts.add(block.line)
        if block.kind == "paragraph" and k not in labelled and _NOTE_PARAGRAPH.match(block.text):
            continue
        if block.kind == "paragraph" and k not in labelled and is_procedural(block.text):
            current = None  # "Question put and agreed to.": the record's words, the turn ends
        if current is not None and block.kind == "paragraph":
            block = _without_stage_directions(block)
            if not block.lines:
                continue
        if current is not None and block.kind in ("paragraph", "list", "quote"):
            speakers[block.line] = current
            if reporter:
                asked.add(block.line)
        handed = block.text if current is not None and block.kind == "paragraph" else ""
        out.append(block)
    speakers = _one_name_each(speakers, [n for n in known if is_name(n)])
    return Turns(tuple(out), speakers, frozenset(starts), frozenset(asked))


def _asking_initials(
    labelled: Mapping[int, tuple[str, int, str | None]],
    blocks: Sequence[Block],
    speaking: set[str],
) -> frozenset[str]:
    """Initials naming no one ("CW:", a magazine's own) that ask the questions another answers.

    Most of their turns hold a question, and another label, a speaker's, answers them: the
    interviewer's label, the publication's.
    """
    turns: dict[str, list[bool]] = {}
    for k, (label, _, _) in labelled.items():
        turns.setdefault(label, []).append("?" in blocks[k].text)
    answering = [
        label
        for label in speaking
        if not is_initials(label) and sum(turns.get(label, [])) * 2 < len(turns.get(label, []))
    ]
    if not answering:
        return frozenset()
    return frozenset(
        label
        for label, asked in turns.items()
        if label not in speaking
        and is_initials(label)
        and len(asked) >= 2
        and sum(asked) * 2 >= len(asked)
    )


def _caps_question(block: Block) -> bool:
    """A paragraph that is one question in capitals ("WHAT DOES THE SUBSIDY PAY FOR?")."""
    text = block.text.strip()
    return (
        block.kind == "paragraph"
        and len(block.lines) == 1
        and text.endswith("?")
        and text.isupper()
        and len(text.split()) >= 3
    )


def _notice_text(block: Block, cut: int, bracketed: bool) -> Block:
    """A notice's block without its label, and without its brackets ("[Note: …]")."""
    first = block.lines[0]
    lines = [replace(first, text=first.text[cut:]), *block.lines[1:]]
    if bracketed:
        opening = first.text.lstrip()[:1]
        last = lines[-1].text.rstrip()
        if last.endswith(_CLOSING_BRACKET[opening]):
            lines[-1] = replace(lines[-1], text=last[:-1].rstrip())
    return replace(block, lines=tuple(line for line in lines if line.text.strip()))


def _introduced(turn: str, speakers: frozenset[str] | set[str]) -> str | None:
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


def _handed_to(paragraph: str, speakers: frozenset[str] | set[str], text: str) -> str | None:
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
    if word in _NO_NAMES or word in speakers or word in _TITLES or word in common_words(text):
        return None
    return full_name(name, text)


def _untitled(name: str) -> str:
    words = name.split()
    while len(words) > 1 and (words[0].lower() in _TITLES or _ABBREVIATED_TITLE.match(words[0])):
        words = words[1:]
    return " ".join(words)


def _one_name_each(speakers: Mapping[int, str], known: Sequence[str]) -> dict[int, str]:
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


def _role_of(label: str, bracket: str | None) -> str | None:
    """The show role a label gives: "HOST" in "HOST (Name):" or "HOST:", "Guest" in "X (Guest):"."""
    if _ROLE.match(label):
        return label
    if bracket is not None and _ROLE.match(bracket):
        return bracket
    return None


def _asker(label: str, bracket: str | None) -> str | None:
    """The reporter a question's brackets name: "Q (Helen Ward, Valley Courier):" → Helen Ward.

    Only a question's or a generic label ("Q", "QUESTION", "REPORTER") takes the name, and
    only the name before an outlet: "Q (Harbour Gazette):" alone may name the outlet, and
    the brackets of a named speaker ("ANA RUIZ (Valley Courier):") hold the outlet alone.
    """
    if bracket is None or not (_QUESTION.match(label) or _GENERIC.match(label)):
        return None
    parts = re.split(r"\s*[,;/|–—]\s*|\s+-\s+", bracket, maxsplit=1)
    name = parts[0].strip()
    if len(parts) != 2 or not parts[1].strip():
        return None
    if is_name(name):
        return name
    # a member of the public is named by the first name alone: "CALLER (Janet, Dunmore):"
    public = _public(label)
    return name if public and re.fullmatch(r"[A-Z][a-zà-ÿ'’-]+", name) else None


def _public(label: str) -> bool:
    """Whether a generic label is a member of the public's (a caller's, an audience member's).

    Their words are their own, quoted; a questioner's or a reporter's are the press's.
    """
    return bool(_GENERIC.match(label)) and not _PRESS.match(label)


def _answerer(labels: Iterable[tuple[str, int, str | None]]) -> str | None:
    """Who answers in a briefing: the one name more than half the named turns are labelled with.

    "Li Wen:" over most turns, the outlets' "Reuters:" and bare "Q:" asking: a bare "A:" there
    is the spokesperson's. Roles, questions, answers and generic labels count for no one.
    """
    counts = Counter(
        label
        for label, _, bracket in labels
        if not any(p.match(label) for p in (_GENERIC, _ANSWER, _QUESTION, _ROLE))
        and (bracket is None or not _ROLE.match(bracket))
    )
    if not counts:
        return None
    top, many = counts.most_common(1)[0]
    named = many * 2 > sum(counts.values()) and many >= 2 and is_name(title_case(top))
    return top if named else None


def _named_roles(labels: Iterable[tuple[str, int, str | None]], text: str) -> dict[str, str]:
    """Who each role is, where a label names them with it: role (lower case) → the person.

    "HOST (Nadia Ferrante):" and "Nadia Ferrante (Host):" both make the host Nadia Ferrante;
    a role two people are named with names neither.
    """
    found: dict[str, set[str]] = {}
    for label, _, bracket in labels:
        if bracket is None:
            continue
        if _ROLE.match(label) and is_name(bracket):
            found.setdefault(label.lower(), set()).add(bracket)
        elif _ROLE.match(bracket) and not _ROLE.match(label):
            found.setdefault(bracket.lower(), set()).add(full_name(title_case(label, text), text))
    return {role: next(iter(names)) for role, names in found.items() if len(names) == 1}


# the room's reaction in a speech ("(Applause)", "(Sustained applause)") or a heckle quoted
# ("(A voice: "It isn't!")"), standing after a sentence ends
_ROOM_NOTE = (
    r"\((?:[A-Z][a-z-]+(?:\s+[a-z-]+){0,2}\.?"
    r"|(?:[A-Z][a-z]*\s+){0,2}[A-Za-z]+:\s*[\"“][^\"“”()]{1,80}[\"”])\)"
)
_REACTION = re.compile(rf"(?<=[.!?…\"”’)])\s+{_ROOM_NOTE}(?=\s|$)")
_OPENING_REACTION = re.compile(rf"^\s*{_ROOM_NOTE}(?:\s+|$)")
_CLOSED = re.compile(r"[.!?…][\"”’)]?$")


def _without_reactions(blocks: Sequence[Block]) -> list[Block]:
    """Outside a transcript, the room's reactions between sentences ("(Laughter)") cut.

    A note goes where a sentence ends before it (on its line, or on the line above), and a
    paragraph that is such notes only; a parenthesis opening a paragraph ("(Reuters) The …")
    or inside a sentence ("the Transport (Scotland) Act") stays.
    """
    out: list[Block] = []
    for block in blocks:
        if block.kind != "paragraph":
            out.append(block)
            continue
        if len(block.lines) == 1 and not _OPENING_REACTION.sub("", block.text).strip():
            continue  # "(Sustained applause)" alone
        lines: list[SourceLine] = []
        closed = False
        for line in block.lines:
            text = _REACTION.sub("", line.text)
            while closed and (opening := _OPENING_REACTION.match(text)):
                text = text[opening.end() :]
            closed = bool(_CLOSED.search(line.text.rstrip()))
            if text.strip():
                lines.append(replace(line, text=text.rstrip()))
        if lines:
            out.append(replace(block, lines=tuple(lines)) if lines != list(block.lines) else block)
    return out


def _without_stage_directions(block: Block) -> Block:
    """A turn's lines without the transcriber's notes ("(Laughter.)"); emptied lines dropped."""
    cleaned = ((line, _STAGE_DIRECTION.sub("", line.text).strip()) for line in block.lines)
    return replace(block, lines=tuple(replace(line, text=text) for line, text in cleaned if text))


# "— Name, role"; a numbered interviewee keeps the number: "— Interviewee 7, regional official"
_ATTRIBUTION = re.compile(
    r"^\s*[—–―-]{1,2}\s*([^\W\d_][\w'’.-]*(?:\s+(?:[^\W\d_][\w'’.-]*)){0,4}"
    r"(?:\s+[A-Z]?\d{1,3}\b)?)\s*(?:,\s*\S.*)?$"
)


def attributed_quotes(turns: Turns) -> Turns:
    """A block quote closed by a "— Name, role" line is a quote by that person.

    The attribution line leaves the text; the quote stands as its own paragraph.
    """
    blocks: list[Block] = []
    speakers = dict(turns.speakers)
    starts = set(turns.starts)
    for block in turns.blocks:
        if block.kind == "quote" and len(block.lines) >= 2:
            match = _ATTRIBUTION.match(block.lines[-1].text)
            name = match.group(1).strip() if match else ""
            if match and all(w[:1].isupper() or w[:1].isdigit() for w in name.split()):
                block = replace(block, lines=block.lines[:-1])
                speakers[block.line] = name
                starts.add(block.line)
        blocks.append(block)
    return Turns(tuple(blocks), speakers, frozenset(starts), turns.asked)


def first_line(lines: Sequence[SourceLine]) -> int:
    """The first source line of a run of lines (0 when empty)."""
    return lines[0].number if lines else 0
