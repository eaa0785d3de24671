"""Parliamentary records (Hansard and its kin): member labels, procedural lines, the sitting header.

An official report of a house's debates labels each speech with the member, who may be named
with the seat and the party ("Tom Reilly (Eastfield) (Lab):", "Mr ALBANESE (Grayndler—Prime
Minister) (14:01):") or by the office with the person in brackets ("The Minister for Transport
(Ms Adaeze Okoro):", "Madam Deputy Speaker (Dame Rosie Winterton):"); "Hon. Members:" speaks for
many, so for no one. The record's own lines ("Several hon. Members rose—", "Question put and
agreed to.", "Ordered, That …", "The House divided:") are nobody's words. A plain-text record
opens with the house ("HOUSE OF COMMONS", "Scottish Parliament"), the sitting's date and the
sitting lines ("The House met at …", "PRAYERS", "[Mr Speaker in the Chair]"); its debates are
headed by short lines in title case, and the printed column numbers ("Column 412") and clock
lines ("12.47 pm") between speeches are page furniture (see `read_record`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.ingest.figures import find_figures, iso_date
from bot.core.ingest.formats import Block, DocumentMeta, SourceLine
from bot.core.ingest.metadata import is_name
from bot.core.ingest.organisations import title_case

_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Baroness|Baron|Hon|Rt|Prof|Professor)\.?"
_WORD = r"[A-Z][\w'’.-]*"
# the words an office is written with: "The Minister for Transport", "Madam Deputy Speaker",
# "The Parliamentary Under-Secretary of State for Health and Social Care"
_OFFICE_WORDS = re.compile(
    r"\b(?:speaker|president|chair(?:man|woman|person)?|presiding|minister|secretary|"
    r"chancellor|leader|attorney|solicitor|advocate|whip|clerk|deputy|premier|treasurer|"
    r"spokes(?:person|man|woman))\b",
    re.I,
)
# "1. ", "T2. ", "Q3. ", "[901234] ": a question's number before the member's name
_NUMBER = r"(?:(?:[TQ]?\d{1,3}\.\s+)?(?:\[\d{3,7}\]\s+)?)"
_BRACKET = r"\([^()\n]{1,80}\)"
_PARTICLES = frozenset("de van von da di le la".split())
_MEMBER = re.compile(
    rf"^\s*{_NUMBER}(?P<name>(?:The\s+)?{_WORD}(?:\s+(?:{_WORD}|of|for|and|the|in|on|to|de|"
    rf"van|von|da|di|le|la)){{0,14}})\s*(?P<brackets>(?:{_BRACKET}\s*){{1,3}}):\s*(?=\S|$)"
)
_COLLECTIVE = re.compile(
    r"^\s*(?:(?:Some|Several|Many|Other|Government|Opposition|Labour|Conservative)\s+)?"
    r"(?:[Hh]on(?:ourable|\.)?\s+|[Rr]ight\s+[Hh]on\.?\s+)?(?:and\s+right\s+hon\.?\s+)?"
    r"[Mm]embers(?:\s+of\s+the\s+[A-Z][a-z]+)?\s*:\s*(?=\S|$)"
)
# a clock in brackets ("(14:01)"): when the member spoke, no part of the name
_TIME = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?$", re.I)
_PROCEDURE = [
    re.compile(p, re.I)
    for p in (
        # "Several hon. Members rose—", "Mr Lockhart rose—": standing to be called
        r"^[A-Z][\w.,'’ -]{0,60}\brose\s*(?:[—–]|--)\s*$",
        r"^The\s+[\w ,'’-]{1,80}\bwas\s+asked\s*(?:[—–:]|--)\s*$",
        # "Honourable members interjecting—", "Opposition members interjecting."
        r"^[A-Z][\w.,'’ -]{0,60}\binterjecting\s*(?:[—–.]|--)?\s*$",
        # "Question put and agreed to.", "Main Question, as amended, put and agreed to."
        r"^(?:Main\s+)?Question(?:,?\s+That\b.*|,\s+as\s+amended,)?\s+(?:accordingly\s+)?"
        r"(?:put|agreed\s+to|negatived|proposed)"
        r"(?=\s*(?:$|[.,:;(]|and\b|forthwith\b|accordingly\b))",
        r"^Motion\s+made,?\s+and\s+Question\s+(?:proposed|put)\b",
        r"^(?:Ordered|Resolved),\s+That\b",
        r"^(?:The\s+)?(?:Bill|Clause|Schedule|Amendment|Lords\s+amendment|New\s+clause|Motion)"
        r"(?:\s+[\w()]+){0,4},?\s+(?:by\s+leave,?\s+)?(?:accordingly\s+)?(?:read\s+(?:a|the)\s+"
        r"\w+\s+time|(?:dis)?agreed\s+to|negatived|withdrawn|ordered\s+to\s+stand\s+part|"
        r"added\s+to)\b",
        r"^The\s+(?:House|Committee|Senate|Assembly|Chamber)\s+(?:divided|proceeded\s+to\s+a\s+"
        r"division|adjourned|met|rose|resumed|suspended)\b",
        r"^(?:Debate|Sitting|Proceedings|Meeting)\s+(?:resumed|suspended|adjourned|interrupted|"
        r"closed)\b",
        r"^(?:Adjourned|Suspended)\s+at\b",
        r"^Ayes,?\s+\d+\s*[;,]\s*Noes,?\s+\d+\.?$",
        r"^Division\s+No\.?\s*\d+\b",
        r"^\[[^\]]*\bin\s+the\s+Chair\]$",
        r"^Prayers(?:\s*\[[^\]]*\])?\.?$",
    )
]


def member_label(text: str, record: bool = False) -> tuple[str, int] | None:
    """The member a record's speech label names, and where the label ends (or None).

    "Mrs Helen Garside (Wrexford and Dale) (Con):" → "Helen Garside" (a courtesy title before
    a full name drops, as any speaker's); "The Minister for Transport (Ms Adaeze Okoro):" →
    "Ms Adaeze Okoro", the person the office's brackets name; "Mr ALBANESE (Grayndler—Prime
    Minister) (14:01):" → "Mr ALBANESE". One bracket after a name counts only when it names a
    role or the hour ("Ana Ruiz (Valley Courier):" is a reporter's outlet, see transcripts),
    or, in a text that is a house's `record`, the seat or the party ("Lord Tenby (Con):").
    """
    match = _MEMBER.match(text)
    if not match:
        return None
    name = match.group("name").strip()
    brackets = [b.strip() for b in re.findall(r"\(([^()]*)\)", match.group("brackets"))]
    words = name.split()
    office = words[0] == "The" or (
        bool(_OFFICE_WORDS.search(name)) and not is_name(_untitled(name))
    )
    if office or (len(words) >= 2 and _OFFICE_WORDS.search(words[-1])):
        # "The Minister for X (Ms Name)", "Mr Deputy Speaker (Mr Nigel Evans)"
        person = next((b for b in brackets if is_name(_untitled(b)) or _titled(b)), None)
        if person is not None:
            return _plain(person), match.end()
        if words[0] == "The":
            return None
    if any(w[:1].islower() for w in words if w not in _PARTICLES):
        return None  # "Report of the Committee (2024):" is no one's name
    if not (is_name(_untitled(name)) or _titled(name)):
        return None
    if len(brackets) == 1 and not (record or _member_bracket(brackets[0])):
        return None
    return _plain(name), match.end()


def _member_bracket(bracket: str) -> bool:
    """Whether one bracket after a name places a member: a role, the hour, seat and party.

    "(Deputy Prime Minister and Minister of Finance, Lib.)", "(14:01)", "(Grayndler—Prime
    Minister)", "(Carleton, CPC)"; a reporter's "(Valley Courier)" names an outlet.
    """
    return bool(
        _OFFICE_WORDS.search(bracket)
        or _TIME.match(bracket)
        or "—" in bracket
        or re.fullmatch(r"[A-Z][\w'’ .-]+,\s*(?:[A-Z]{2,5}|[A-Z][a-z]{1,4}\.)", bracket)
    )


def _plain(name: str) -> str:
    """A full name without its courtesy titles; a title and a surname stay as they are."""
    return _untitled(name) if len(_untitled(name).split()) >= 2 else name


def is_column_number(text: str) -> bool:
    """Whether a line is a printed record's column number alone ("Column 412", "Col. 88")."""
    return bool(_COLUMN.match(text))


def collective_label(text: str) -> int | None:
    """Where a label spoken by many ("Hon. Members:", "Some hon. members:") ends, or None."""
    match = _COLLECTIVE.match(text)
    return match.end() if match else None


def is_procedural(text: str) -> bool:
    """Whether a paragraph is the record's own line: "Question put and agreed to.", "… rose—"."""
    text = text.strip()
    return len(text) <= 300 and any(p.match(text) for p in _PROCEDURE)


def _titled(name: str) -> bool:
    """Whether a name is a title and a surname ("Mr ALBANESE", "Dr Lockhart")."""
    return bool(re.fullmatch(rf"{_TITLE}\s+{_WORD}", name))


def _untitled(name: str) -> str:
    """A name without its courtesy titles ("Rt Hon Sir Geoffrey Whitlow" → "Geoffrey Whitlow")."""
    words = name.split()
    while len(words) > 1 and re.fullmatch(_TITLE, words[0]):
        words = words[1:]
    if len(words) > 1 and words[0] == "Hon":
        words = words[1:]
    return " ".join(words)


# --- the plain-text record ----------------------------------------------------------------
_HOUSE = re.compile(
    r"^(?:the\s+)?(?:house\s+of\s+(?:commons|lords|representatives|assembly|keys|delegates|"
    r"councillors)|senate|(?:legislative|national|general|state|provincial)\s+(?:assembly|"
    r"council)|(?:[A-Za-zÀ-ÿ'’-]+\s+){0,2}(?:parliament|assembly|senate)|dáil(?:\s+éireann)?|"
    r"seanad(?:\s+éireann)?|senedd(?:\s+cymru)?|lok\s+sabha|rajya\s+sabha)"
    r"(?:\s+of\s+[A-Za-zÀ-ÿ'’-]+(?:\s+[A-Za-zÀ-ÿ'’-]+){0,2})?\s*$",
    re.I,
)
_COLUMN = re.compile(r"^\s*(?:Column|Col\.?|Cols?\.)\s+\d{1,5}(?:\s*[A-Z]{1,3})?\s*$", re.I)
_CLOCK = re.compile(r"^\s*\d{1,2}[.:]\d{2}\s*(?:[ap]\.?\s?m\.?|noon)?\s*$", re.I)
_SITTING = re.compile(
    r"^(?:The\s+(?:House|Senate|Assembly|Parliament|Chamber|Council)\s+met\b|"
    r"\[[^\]]*\b(?:in\s+the\s+Chair|opened\s+the\s+meeting|took\s+the\s+Chair)[^\]]*\]$|"
    r"(?:The\s+)?(?:Speaker|President|Presiding\s+Officer)\s+took\s+the\s+Chair\b|Prayers\.?$)",
    re.I,
)
_ORDER_NUMBER = re.compile(r"(?<=[.?!])\s+\[(?:[A-Z]{1,3})?\d{3,7}\]$")  # "[901234]", "[HL4012]"
# "AYES" over the names of who voted so ("Abbott, Ms Diane"), "Tellers for the Noes:": the
# division's lists, no text; the record's next line ("Question accordingly agreed to.") ends them
_DIVISION_LIST = re.compile(
    r"^(?:AYES|NOES|Ayes|Noes|CONTENTS|NOT-CONTENTS|Tellers\s+for\s+the\s+(?:Ayes|Noes))"
    r"\s*:?$"
)
_SMALL = frozenset("a an the and or of for on in at to by with from into (".split())
_HEADING_MAX_WORDS = 12
_HOUSE_WITHIN = 6  # the house is named among the first lines
_MIN_MARKS = 3


@dataclass(frozen=True, slots=True)
class Record:
    """A plain-text record read: its blocks (headings marked) and what its header says."""

    blocks: tuple[Block, ...]
    meta: DocumentMeta


def is_house(name: str) -> bool:
    """Whether a name is a house's ("House of Commons", "Scottish Parliament", "Senate")."""
    return bool(_HOUSE.match(name.strip()))


def is_record(text: str) -> bool:
    """Whether a text is a house's record: the house named at the top, the record's marks in it.

    The marks (member labels, column numbers, procedural and sitting lines) stand in it three
    times or more.
    """
    filled = [line.strip() for line in text.split("\n") if line.strip()]
    if not any(_HOUSE.match(line) for line in filled[:_HOUSE_WITHIN]):
        return False
    marks = 0
    for line in filled:
        marks += bool(
            member_label(line, True)
            or _COLUMN.match(line)
            or _SITTING.match(line)
            or is_procedural(line)
        )
        if marks >= _MIN_MARKS:
            return True
    return False


def _opens_speech(text: str) -> bool:
    return bool(
        member_label(text, True)
        or collective_label(text)
        or re.match(rf"^\s*{_NUMBER}{_WORD}(?:\s+{_WORD}){{0,4}}\s*:\s+\S", text)
    )


def _heading_shaped(text: str) -> bool:
    """A debate's heading: a short line in title case, no stop, no label ("Bus Services Bill")."""
    words = text.split()
    if not words or len(words) > _HEADING_MAX_WORDS or text[-1] in ".!?:;,—–-":
        return False
    if _opens_speech(text) or not words[0][:1].isupper() or re.search(r"\d{3,}", text):
        return False
    return all(w.lstrip("(")[:1].isupper() or w.lower().strip("()") in _SMALL for w in words)


def read_record(text: str) -> Record | None:
    """A plain-text parliamentary record's blocks and header, or None if the text is not one.

    It is one when its first lines name a house and the body shows the record's marks (member
    labels with seat or party, column numbers, procedural and sitting lines) three times or
    more. Above the first speech, the house is the publication and the first date the
    sitting's; the sitting lines and the rest of the header go; the headings just above the
    first speech head the first debate (the last of them is the title). Column numbers,
    clock lines and a division's lists of names are no text; a single short line in title case
    between speeches heads a debate.
    """
    raw = text.split("\n")
    filled = [k for k, line in enumerate(raw) if line.strip()]
    houses = [k for k in filled[:_HOUSE_WITHIN] if _HOUSE.match(raw[k].strip())]
    if not houses or not is_record(text):
        return None
    first_speech = next((k for k in filled if _opens_speech(raw[k])), len(raw))
    house = raw[houses[0]].strip()
    publication = title_case(house) if house.isupper() else house
    date = None
    headings: list[int] = []
    for k in filled:
        if k >= first_speech:
            break
        line = raw[k].strip()
        if date is None and len(line.split()) <= 8:
            found = [f for f in find_figures(line) if f.kind == "date"]
            if found and len(iso_date(found[0])) == 10:
                date = iso_date(found[0])
                headings.clear()
                continue
        if _SITTING.match(line) or _HOUSE.match(line):
            headings.clear()
        elif is_procedural(line):
            continue  # "The Secretary of State was asked—" under the question time's headings
        elif _heading_shaped(line):
            headings.append(k)
        elif not (_COLUMN.match(line) or _CLOCK.match(line)):
            headings.clear()  # "Volume 764", "No. 112": the header's furniture
    title = raw[headings[-1]].strip() if headings else None
    blocks: list[Block] = []
    run: list[SourceLine] = []
    gaps = [0, 0]  # blank (or dropped) lines before the next line, and before the open run

    def flush() -> None:
        if run:
            blocks.append(Block("paragraph", tuple(run), gaps[1]))
            run.clear()

    division = False  # within a division's lists of who voted which way
    for number, line in enumerate(raw, start=1):
        k = number - 1
        stripped = line.strip()
        if _DIVISION_LIST.match(stripped):
            division = True
        elif division and stripped and (_opens_speech(line) or is_procedural(stripped)):
            division = False
        furniture = (k < first_speech and k not in headings) or division
        if not stripped or furniture or _COLUMN.match(line) or _CLOCK.match(line):
            flush()
            gaps[0] += 1
        elif k in headings or (k > first_speech and _alone(raw, k) and _heading_shaped(stripped)):
            flush()
            blocks.append(Block("heading", (SourceLine(line.rstrip(), number),), gaps[0], 2))
            gaps[0] = 0
        else:
            if run and _opens_speech(line):
                flush()
            if not run:
                gaps[1], gaps[0] = gaps[0], 0
            # a question's number in the order paper ("… since 2022. [901234]") is no text
            run.append(SourceLine(_ORDER_NUMBER.sub("", line.rstrip()), number))
    flush()
    meta = DocumentMeta(title=title, date=date, publication=publication)
    return Record(tuple(blocks), meta)


def _alone(raw: Sequence[str], k: int) -> bool:
    """Whether a line stands alone: blank lines (or none) on either side."""
    return (k == 0 or not raw[k - 1].strip()) and (k + 1 >= len(raw) or not raw[k + 1].strip())
