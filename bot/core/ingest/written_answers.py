"""Written questions and answers as a parliament's search exports them: one entry a question.

An entry files its question ("Question UIN 41187", "HL4021"), names its subject ("Empty Homes:
Council Tax"), who asked ("Asked by Jane Doe (Party, Seat)", "Asking member: Lord Vane") and
when ("Date tabled: 27 March 2025"), gives the question's words (under a "Question" line or
straight after), who answered ("Answered by the Minister for Housing (Rupert Selwyn)") and when,
then the answer's words (under "Answer"). The subject heads the entry's section; the question is
the asker's words and the answer the answering member's (the person an office's brackets name);
the filing, date and label lines are no text. The export's own lines above the first entry (its
name, when it was generated, its filter, the count) are its header, and its closing line ("End
of results") is no text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from bot.core.ingest.formats import Block, DocumentMeta, SourceLine
from bot.core.ingest.metadata import is_name
from bot.core.ingest.organisations import title_case
from bot.core.ingest.parliament import member_label
from bot.core.ingest.ruled_header import is_rule

_ASKER = re.compile(
    r"^\s*(?:(?:Asked|Tabled)\s+by|Asking\s+member)\s*:?\s+(?P<who>\S.*?)\s*$", re.I
)
_ANSWERER = re.compile(
    r"^\s*(?:(?:Answered|Replied)\s+by|Answering\s+(?:member|minister))\s*:?\s+(?P<who>\S.*?)\s*$",
    re.I,
)
# the lines that file and date an entry: no text
_FIELD = re.compile(
    r"^\s*(?:Date\s+(?:tabled|answered|asked|due|of\s+(?:answer|question)|for\s+answer)|"
    r"(?:Tabled|Answered|Asked|Due\s+for\s+answer|Published)\s+on:?\s+(?:\w+day,?\s+)?\d|"
    r"(?:Answering\s+)?(?:Department|body)\s*:|UIN|"
    r"Question\s+(?:UIN|number|no\.?|reference|ref\.?|ID)|"
    r"(?:Reference|Ref\.?)\s*(?:no\.?)?\s*:|\[?[A-Z]{1,3}\d{3,7}\]?$)\b.*$",
    re.I,
)
_SUBJECT_FIELD = re.compile(r"^\s*(?:Subject|Heading|Topic)\s*:\s+(?P<subject>\S.*?)\s*$", re.I)
_QUESTION_LINE = re.compile(r"^\s*(?:Question|Question\s+text)\s*:?\s*$", re.I)
_ANSWER_LINE = re.compile(r"^\s*(?:Answer|Answer\s+text|Reply)\s*:?\s*$", re.I)
_END = re.compile(
    r"^\s*(?:End\s+of\s+(?:the\s+)?(?:search\s+)?(?:results|report|export|list|document)|"
    r"No\s+(?:more|further)\s+results)\s*\.?\s*$",
    re.I,
)
_TERRITORIAL = re.compile(r"\s+of\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*$")
_SUBJECT_MAX_WORDS = 12
_HEAD_LINES = 8  # an entry's header: its filing, subject, asker and date lines


def _entry_line(text: str) -> bool:
    return bool(_FIELD.match(text) or _SUBJECT_FIELD.match(text) or _named(_ASKER, text))


def _named(pattern: re.Pattern[str], line: str) -> str | None:
    """The member an asker or answerer line names; None when it is no such line.

    A line of prose that opens so ("Asked by the committee, the minister said …") names no
    member, and stays text.
    """
    match = pattern.match(line)
    return member(match.group("who")) if match else None


def _subject_shaped(text: str) -> bool:
    """A subject line: short, no sentence stop at its end, opening with a capital."""
    words = text.split()
    return (
        0 < len(words) <= _SUBJECT_MAX_WORDS
        and text.strip()[:1].isupper()
        and not text.rstrip().endswith((".", "?", "!", ",", ";"))
    )


def is_written_answers(lines: Sequence[str]) -> bool:
    """Whether a text is an export of written questions: entries with an asker and an answerer."""
    asked = sum(bool(_named(_ASKER, line)) for line in lines)
    answered = sum(bool(_named(_ANSWERER, line)) for line in lines)
    return asked >= 1 and answered >= 1 and abs(asked - answered) <= max(1, asked // 4)


def member(who: str) -> str | None:
    """The person an asker or answerer line names: "the Minister for X (Ann Roe)" → "Ann Roe".

    "Jane Doe (Party, Seat)" → "Jane Doe"; a name with no brackets is taken as it stands, a
    peer's without the territorial designation ("Lord Vane of Hale" → "Lord Vane").
    """
    who = who.strip().rstrip(".")
    found = member_label(f"{who[:1].upper()}{who[1:]}:", record=True)
    if found is not None:
        return found[0]
    bare = re.sub(r"\s*\([^()]*\)\s*$", "", who).strip()
    short = _TERRITORIAL.sub("", bare)  # "Baroness Kell of Marden": a peer is "Baroness Kell"
    return bare if is_name(bare) else short if is_name(short) else None


def _entry_starts(lines: Sequence[str]) -> list[int]:
    """Where each entry begins: its first filing or subject line above the asker line."""
    starts = []
    for k, line in enumerate(lines):
        if not _named(_ASKER, line):
            continue
        start = k
        j = k - 1
        named = False  # one subject an entry: a second subject-shaped line is the export's
        while j >= 0 and k - j <= _HEAD_LINES:
            text = lines[j].strip()
            subject = not _entry_line(text) and _subject_shaped(text)
            if text and (
                is_rule(text) or (subject and named) or not (_entry_line(text) or subject)
            ):
                break
            if text:
                start = j
                named = named or subject or bool(_SUBJECT_FIELD.match(text))
            j -= 1
        starts.append(start)
    return starts


def read_written_answers(text: str) -> tuple[list[str], dict[int, str], DocumentMeta] | None:
    """An export's lines as the text to read, its subject lines (index → subject), its header.

    The returned lines keep their places (a dropped line is blank): the filing, date and label
    lines are blank, and each turn's first line opens with its speaker's label ("Ann Roe: …"),
    so the transcript reader gives the question to the asker and the answer to the answerer.
    None when the text is not such an export.
    """
    lines = text.split("\n")
    if not is_written_answers(lines):
        return None
    starts = _entry_starts(lines)
    if not starts:
        return None
    header = [line.strip() for line in lines[: starts[0]] if line.strip() and not is_rule(line)]
    title = None
    if header and _subject_shaped(header[0]):
        title = title_case(header[0]) if header[0].isupper() else header[0]
    out = ["" for _ in lines]
    subjects: dict[int, str] = {}
    entry_starts = set(starts)
    speaker: str | None = None  # the label the next line of words opens with
    in_head = named = False  # within an entry's header; its subject read
    for k in range(starts[0], len(lines)):
        line = lines[k]
        stripped = line.strip()
        if k in entry_starts:
            in_head, named, speaker = True, False, None
        if not stripped or is_rule(stripped) or _END.match(stripped):
            continue
        if asker := _named(_ASKER, stripped):
            speaker = asker
        elif answerer := _named(_ANSWERER, stripped):
            speaker, in_head = answerer, False
        elif subject := _SUBJECT_FIELD.match(stripped):
            subjects[k], named = subject.group("subject"), True
        elif _FIELD.match(stripped):
            pass
        elif _QUESTION_LINE.match(stripped) or _ANSWER_LINE.match(stripped):
            in_head = False
        elif in_head and not named and _subject_shaped(stripped):
            subjects[k], named = stripped, True
        else:
            in_head = False
            out[k] = f"{speaker}: {line.strip()}" if speaker else line
            speaker = None
    for k, named_subject in subjects.items():
        out[k] = named_subject
    return out, subjects, DocumentMeta(title=title)


def subjects_as_headings(blocks: Sequence[Block], subjects: Mapping[int, str]) -> list[Block]:
    """The blocks with each subject line (by 0-based line index) a heading block of its own."""
    out: list[Block] = []
    for block in blocks:
        run: list[SourceLine] = []
        gap = block.gap_before
        for line in block.lines:
            if line.number - 1 not in subjects:
                run.append(line)
                continue
            if run:
                out.append(replace(block, lines=tuple(run), gap_before=gap))
                gap = 0
            out.append(Block("heading", (line,), gap, 2))
            run, gap = [], 0
        if run:
            out.append(replace(block, lines=tuple(run), gap_before=gap))
    return out
