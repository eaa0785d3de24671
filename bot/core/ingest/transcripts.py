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

The labels are read in `transcript_labels`, the people they name found in `transcript_speakers`,
the notes that are nobody's words in `transcript_notes`; here the turns are put together.
A note on the recording itself ("Video: a full recording …", "Audio: …") is an editor's notice.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from bot.core.ingest.committee_hearings import statement_floors
from bot.core.ingest.formats import Block, SourceLine
from bot.core.ingest.label_people import is_initials, person_with_initials, role_holder
from bot.core.ingest.metadata import common_words, is_name, reads_as_heading
from bot.core.ingest.parliament import is_procedural, is_record, member_label
from bot.core.ingest.transcript_labels import (
    ANSWER_LABEL,
    GENERIC_SPEAKER,
    GUEST_LABEL,
    MANY_LABEL,
    NARRATOR_LABEL,
    QUESTION_LABEL,
    ROLE_LABEL,
    label_of,
)
from bot.core.ingest.transcript_labels import without_clock_lines as without_clock_lines
from bot.core.ingest.transcript_notes import (
    EDITED,
    NOTE_PARAGRAPH,
    NOTICE,
    cut_at_gaps,
    notice_text,
    without_reactions,
    without_stage_directions,
)
from bot.core.ingest.transcript_speakers import (
    answerer_of,
    asker_of,
    handed_to,
    holds_office,
    introduced_speaker,
    is_public,
    named_roles,
    office_of,
    one_name_each,
    role_of,
)
from bot.core.ingest.transcript_speakers import full_name as full_name
from bot.core.ingest.transcript_speakers import guest_from as guest_from
from bot.core.ingest.transcript_speakers import resolve as resolve
from bot.core.ingest.transcript_speakers import title_case as title_case

_MIN_TURNS = 3


@dataclass(frozen=True, slots=True)
class Turns:
    """The blocks with labels cut off, and the speaker of each turn paragraph (by first line)."""

    blocks: tuple[Block, ...]
    speakers: dict[int, str]  # a block's first source line → its speaker (resolved)
    starts: frozenset[int]  # first lines of labelled paragraphs: a turn never joins the last
    # first lines of a reporter's turns ("NAME (Outlet):"): the press asks, it is not quoted
    asked: frozenset[int] = frozenset()


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
            notice = NOTICE.match(block.lines[0].text)
            found = label_of(block.lines[0].text, record)
            if notice:
                notices[k] = notice.end()
                if notice.group("open"):
                    bracketed.add(k)
            elif EDITED.match(block.lines[0].text):
                notices[k] = 0
            elif found:
                labelled[k] = found
    # a debate page heads each speech with its member ("Name (Seat) (Party)", "The Minister
    # for X (Name)"): the speech under the heading is that member's until a label or a
    # procedural line; "Hon. Members: Hear, hear!" interrupts it, and it goes on after
    floors = {
        k: member[0]
        for k, block in enumerate(blocks)
        if block.kind == "heading"
        and (member := member_label(f"{block.text.strip()}:", record)) is not None
    }
    # a hearing's "STATEMENT OF RENATA ALVAREZ, …" heads her testimony, and her "Ms. ALVAREZ."
    witnesses = statement_floors(blocks)
    floors = {**witnesses, **floors}
    witness_of = {name.split()[-1].lower(): name for name in witnesses.values()}
    common = common_words(text)  # a speaker reads as a name, never a heading ("ACTION:")
    known = [n for n in (interviewer, guest) if n]
    # initials ("SK") are a speaker's only where the text names a person with them ("NB" is not),
    # or where they spell the surname another label gives in full ("TAN:" after "JOHN TAN:")
    surnames = {v[0].split()[-1].lower() for v in labelled.values() if len(v[0].split()) > 1}
    speaks = {
        label: bool(
            person_with_initials(label, text, common, known) or label.lower() in surnames
            if is_initials(label)
            else holds_office(label, text)
            if office_of(label)
            else GENERIC_SPEAKER.match(label)
            or ANSWER_LABEL.match(label)
            or QUESTION_LABEL.match(label)
            or ROLE_LABEL.match(label)
            or role_holder(label, roles or {})
            or label == MANY_LABEL
            or not reads_as_heading(label, common)
        )
        for label in {v[0] for v in labelled.values()}
    }
    asking = _asking_initials(labelled, blocks, {label for label, ok in speaks.items() if ok})
    labelled = {k: v for k, v in labelled.items() if speaks[v[0]] or v[0] in asking}
    distinct = {label.lower() for label, _, _ in labelled.values()} | set(floors.values())
    # one labelled speaker is a transcript where the format marks where every turn begins (a
    # thread's comments): the unlabelled turns between his are the others'
    marked = bool(breaks) and all(blocks[k].line in breaks for k in labelled)
    if len(labelled) + len(floors) < _MIN_TURNS or (len(distinct) < 2 and not marked):
        return Turns(tuple(without_reactions(blocks)), {}, frozenset())
    if interviewer and interviewer.split()[-1].lower() in {
        w.lower() for label, _, _ in labelled.values() for w in label.split()
    }:
        interviewer = None  # the byline's author answers: the questions are someone else's
    cast = named_roles(labelled.values(), text)
    answerer = answerer_of(labelled.values())  # whom a bare "A:" answer is, with no guest named
    answering = guest or (answerer and resolve(answerer, "", text, interviewer, None, roles))
    out: list[Block] = []
    speakers: dict[int, str] = {}
    starts: set[int] = set()
    asked: set[int] = set()
    current: str | None = None
    reporter = False
    handed = ""  # the last paragraph of the turn before: it may hand the floor on ("Yes, Lara.")
    cache: dict[str, str] = {}
    floor: str | None = None  # the member whose speech a heading opened
    for k, block in enumerate(blocks):
        if block.kind == "heading" or k in notices or block.line in breaks:
            current = floor = floors.get(k)
        if k in notices:
            block = notice_text(block, notices[k], k in bracketed)
        if k in labelled:
            label, cut, bracket = labelled[k]
            first = block.lines[0]
            rest = first.text[cut:].strip()
            turn = " ".join([rest, *(line.text for line in block.lines[1:])])
            role = role_of(label, bracket)
            reporter = bracket is not None and role is None and not is_public(label)
            generic = bool(GENERIC_SPEAKER.match(label) or ANSWER_LABEL.match(label))
            key = label if not generic else f"{label}\n{turn[:200]}"
            if label == MANY_LABEL:
                current = None
            elif role is not None and bracket is not None and role == label and is_name(bracket):
                current = bracket  # "GUEST (Omar Haddad):" though two guests are named
            elif role is None and (asker := asker_of(label, bracket)):
                current = asker
            elif (
                interviewer is None
                and bracket is None
                and QUESTION_LABEL.match(label)
                and (
                    asker := introduced_speaker(turn, surnames) or handed_to(handed, surnames, text)
                )
            ):
                current, reporter = asker, True  # a reporter named asks: the press, unquoted
            elif label in asking:
                current = interviewer or "Interviewer"  # the publication's questions ("CW:")
            elif role is not None and role.lower() in cast:
                current = cast[role.lower()]
            elif role is not None and ROLE_LABEL.match(label) and bracket is None:
                # a narrator reads the script: the voice, not the film's maker in the byline
                named = (
                    guest
                    if GUEST_LABEL.match(label)
                    else None
                    if NARRATOR_LABEL.match(label)
                    else interviewer
                )
                current = named or resolve(label, turn, text, interviewer, guest, roles)
            else:
                if key not in cache:
                    answers = answering if ANSWER_LABEL.match(label) else guest
                    cache[key] = witness_of.get(label.split()[-1].lower()) or resolve(
                        label, turn, text, interviewer, answers, roles
                    )
                current = cache[key]
            lines = ((replace(first, text=rest),) if rest else ()) + block.lines[1:]
            if not lines:
                continue
            block = replace(block, lines=lines)
            starts.add(block.line)
        if asking and k not in labelled and k + 1 in labelled and _caps_question(block):
            current = interviewer or "Interviewer"  # a question printed in capitals, unlabelled
            starts.add(block.line)
        if block.kind == "paragraph" and k not in labelled and NOTE_PARAGRAPH.match(block.text):
            continue
        if block.kind == "paragraph" and k not in labelled and is_procedural(block.text):
            current = floor = None  # "Question put and agreed to.": the record's words
        if current is not None and block.kind == "paragraph":
            *before, block = [without_stage_directions(b) for b in cut_at_gaps(block)]
            for piece in (b for b in before if b.lines):  # a gap in the recording ends one
                speakers[piece.line] = current
                out.append(piece)
            if not block.lines:
                continue
        if current is not None and block.kind in ("paragraph", "list", "quote"):
            speakers[block.line] = current
            if reporter:
                asked.add(block.line)
        handed = block.text if current is not None and block.kind == "paragraph" else ""
        out.append(block)
        if k in labelled and labelled[k][0] == MANY_LABEL:
            current = floor  # the speech the House's cheer interrupted goes on
    speakers = one_name_each(speakers, [n for n in known if is_name(n)])
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
