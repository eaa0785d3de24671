"""The notes list: parse numbered references, their links, access dates and cross-references.

Each note line ("- 2 NATO 2015: Statement ..., in: <https://ogy.de/5f86> [5 Jan 2024].")
becomes a `Note`. The "in: <url> [date]" tail is moved into `url` and `accessed` and dropped
from `text` (access_dates.py reads the date in any common form, "(accessed 3 March 2025)");
cross-references ("Ibid.", "NATO 2023, n. 5.", "Dresen 2023, n. 6, p. 3.") set `refers_to`
and `page`. This module also checks markers against the list (gaps, markers with no
note, notes with no marker). It never resolves a chain of references: answers.py does that.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.core.ingest.access_dates import find_access_stamp, without_access_stamps
from bot.core.ingest.formats import Block, SourceLine
from bot.core.ingest.sentences import SUPERSCRIPTS, marker_numbers
from bot.core.model import IngestIssue, Note

NOTE_LINE = re.compile(
    rf"^\s*(?:[-*•]\s*)?(?:\[\^?(\d{{1,5}})\]:?|(\d{{1,5}})[.)]?|([{SUPERSCRIPTS}]+))\s+(\S.*)$"
)
# "Notes to editors", "Note for the editors", "Editor's notes", "Information for editors": the
# closing facts of a release, a speech, an e-mail briefing (one pattern for every reader)
EDITORS_NOTES = (
    r"(?:(?:notes?|information)\s+(?:to|for)\s+(?:the\s+)?editors?|editor[s'’]*\s+notes?)"
)
NOTES_HEADING = re.compile(
    r"^(?:(?:end|foot)?notes?|references|sources|bibliography|literature|anmerkungen"
    # a release's or a speech's numbered notes to editors after its end mark
    rf"|{EDITORS_NOTES})$",
    re.I,
)
_URL_BRACKETED = re.compile(r"<(https?://[^>\s]+)>")
_URL_BARE = re.compile(r"https?://[^\s<>\]\[]+")
_TAIL_LEAD = re.compile(
    r"(?:,|\.)?\s*(?:(?:in|online|url|at|available\s+at|see)\s*:?)?\s*<?$", re.I
)
_IBID = re.compile(r"^(?:ibid|ibidem|ib|id)\.?(?:\s*,?\s*(?:at\s+)?(.*))?$", re.I)
_SHORT_LEAD = re.compile(r"^(?:see(?:,?\s+e\.g\.,?)?|cf\.|see also|compare)\s+", re.I)
_AUTHOR_YEAR = re.compile(
    r"^([A-Z][\w'’-]+)(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][\w'’-]+)?,?"
    r"\s+\(?((?:19|20)\d\d)[a-z]?\)?"
)
_NOTE_REF = re.compile(r"\bn(?:otes?)?\.?\s*(\d{1,3})\b", re.I)
_PAGE = re.compile(r"\bpp?\.\s*(\d+(?:\s*[–-]\s*\d+)?(?:\s*ff?\.)?)", re.I)
_CROSS_REF_MAX_CHARS = 100
# "UNCTAD, p. 7.": an author or organisation (up to four capitalised words), then only a page
_AUTHOR_PAGE = re.compile(
    r"^((?:[A-Z][\w'’&.-]*\s+){0,3}[A-Z][\w'’&.-]*),?\s+pp?\.\s*\d+"
    r"(?:\s*[–-]\s*\d+)?\.?$"
)
_AUTHOR_END = re.compile(r"[,“\"]")  # a full note's author part ends at a comma or a title
# words a short form may add to its source's words: pin-cite locators, not new matter
_LOCATOR_WORDS = frozenset(
    "p pp at n nn note notes para paras ch chap sec s ss vol ff f fn et al see also cf supra op "
    "cit loc id ibid and emphasis added".split()
)
_SEE_NOTE = re.compile(r"\bsee\s+(?:also\s+)?(?:foot|end)?notes?\s+(\d{1,4})\b", re.I)


@dataclass(frozen=True, slots=True)
class NoteLine:
    """One entry of a notes list as read: its number, raw text and source line."""

    number: int
    text: str
    line: int


def note_line(text: str) -> tuple[int, str] | None:
    """Read "- 1 Masala, ..." / "1. Masala ..." / "¹ Masala ..." as (number, text)."""
    match = NOTE_LINE.match(text)
    if not match:
        return None
    digits, plain, sup, rest = match.groups()
    if sup:
        return marker_numbers(sup)[0], rest.strip()
    return int(digits or plain), rest.strip()


def read_note_lines(blocks: Sequence[Block]) -> list[NoteLine]:
    """Read the entries of notes blocks; unnumbered lines continue the entry before them."""
    out: list[NoteLine] = []
    for block in blocks:
        for line in block.lines:
            parsed = note_line(line.text)
            if parsed:
                out.append(NoteLine(parsed[0], parsed[1], line.number))
            elif out:
                last = out[-1]
                out[-1] = NoteLine(last.number, f"{last.text} {line.text.strip()}", last.line)
    return out


def looks_like_notes(block: Block) -> bool:
    """Whether every line of a block reads as a numbered note, the first one numbered."""
    if block.kind not in ("list", "paragraph", "notes") or not block.lines:
        return False
    return note_line(block.lines[0].text) is not None and all(
        note_line(line.text) is not None for line in block.lines
    )


def parse_note(number: int, raw: str, previous: int | None) -> Note:
    """Turn one note's raw text into a Note (url, access date, cross-reference)."""
    text = raw.strip()
    url_match = _URL_BRACKETED.search(text) or _URL_BARE.search(text)
    url = url_match.group(1) if url_match and url_match.re is _URL_BRACKETED else None
    if url_match and url is None:
        url = url_match.group(0).rstrip(".,;:)")
    stamp = find_access_stamp(text)
    accessed = stamp.iso if stamp else None
    if (
        url_match
        and url_match.re is _URL_BRACKETED
        and without_access_stamps(text[url_match.end() :]).strip(" >.,;")
    ):
        # a link inside the note (not its tail): the url is kept apart, the words stay
        text = (text[: url_match.start()].rstrip() + text[url_match.end() :]).strip()
        url_match = None
    if url_match:
        after = text[url_match.end() :]
        after = without_access_stamps(after).strip(" >.,;")
        if not after:  # the url (and stamp) end the note: drop the tail from the text
            lead = _TAIL_LEAD.search(text[: url_match.start()])
            cut = lead.start() if lead else url_match.start()
            text = text[:cut].rstrip(" ,;:")
            # a title's comma inside its quote marks ("Trends," <url>) closes the note there
            quoted = re.search(r"[,;:]([\"”’])$", text)
            text = text[: quoted.start()] + "." + quoted.group(1) if quoted else text + "."
    elif (stamp := find_access_stamp(text)) and not text[stamp.end :].strip(" .,;"):
        text = text[: stamp.start].rstrip(" ,;:")
        text = text if text.endswith((".", "!", "?")) else text + "."
    refers_to: int | None = None
    page: str | None = None
    ibid = _IBID.match(text.rstrip())
    if ibid and previous is not None:
        refers_to = previous
        page_match = _PAGE.search(ibid.group(1) or "")
        page = page_match.group(1) if page_match else None
    elif url is None and len(text) <= _CROSS_REF_MAX_CHARS:
        ref = _NOTE_REF.search(text)
        if ref and int(ref.group(1)) != number:
            refers_to = int(ref.group(1))
            page_match = _PAGE.search(text[ref.end() :])
            page = page_match.group(1) if page_match else None
    if refers_to is None:
        see = _SEE_NOTE.search(text)  # "(see footnote 14)" inside a longer note
        if see and int(see.group(1)) != number:
            refers_to = int(see.group(1))
    return Note(
        number=number, text=text, url=url, accessed=accessed, refers_to=refers_to, page=page
    )


def parse_notes(lines: Sequence[NoteLine], file: str) -> tuple[list[Note], list[IngestIssue]]:
    """Parse every entry; warn about gaps, duplicates and references to missing notes."""
    notes: list[Note] = []
    issues: list[IngestIssue] = []
    seen: set[int] = set()
    previous: int | None = None
    expected = 1
    for entry in lines:
        if entry.number in seen:
            issues.append(
                IngestIssue(
                    file,
                    f"note {entry.number} appears twice in the notes list; the first one is kept",
                    entry.line,
                )
            )
            continue
        if entry.number != expected:
            if entry.number > expected:
                missing = (
                    f"note {expected}"
                    if entry.number == expected + 1
                    else f"notes {expected}–{entry.number - 1}"
                )
                issues.append(
                    IngestIssue(
                        file,
                        f"notes list has a gap: {missing} missing before note {entry.number}",
                        entry.line,
                    )
                )
            else:
                issues.append(
                    IngestIssue(
                        file,
                        f"note {entry.number} is out of order (after note {expected - 1})",
                        entry.line,
                    )
                )
        note = parse_note(entry.number, entry.text, previous)
        notes.append(note)
        seen.add(entry.number)
        previous = entry.number
        expected = max(expected, entry.number + 1)
    notes = resolve_short_forms(notes)
    first_line = {e.number: e.line for e in reversed(lines)}
    for note in notes:
        if note.refers_to is not None and note.refers_to not in seen:
            line = first_line.get(note.number)
            issues.append(
                IngestIssue(
                    file,
                    f"note {note.number} refers to note {note.refers_to}, which the list lacks",
                    line,
                )
            )
    return notes, issues


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


_CANDIDATES = 8  # earlier notes checked per short form: the index keeps the work linear


def _lead(text: str) -> tuple[str, re.Match[str] | None]:
    text = _SHORT_LEAD.sub("", text.strip())
    return re.split(r"[,;(]", text, maxsplit=1)[0], _AUTHOR_YEAR.match(text)


def resolve_short_forms(notes: Sequence[Note]) -> list[Note]:
    """Set `refers_to` on notes that repeat an earlier full note in short form.

    A short form has the same title words ("Debit Card Interchange Fees and Routing, 88 Fed.
    Reg. 78,105"), the same author and year ("Masala 2023, p. 4"), or is an author and a page
    ("UNCTAD, p. 7") naming the author of exactly one earlier full note, or an author, a
    shortened title and a page ("Flood Re, Annual Report 2022-23, p. 34") whose words are all
    in exactly one earlier full note by that author.
    """
    by_trigram: dict[tuple[str, ...], list[int]] = {}
    by_year: dict[str, list[int]] = {}
    by_author: dict[str, list[int]] = {}
    bodies: dict[int, str] = {}
    out: list[Note] = []
    full: set[str] = set()
    for k, note in enumerate(notes):
        # an exact repeat of an earlier full note is itself a full reference
        if (
            note.refers_to is None
            and len(note.text) <= 2 * _CROSS_REF_MAX_CHARS
            and _norm(note.text) not in full
        ):
            target = _short_form_target(note, notes, bodies, by_trigram, by_year)
            if target is None:
                target = _author_page_target(note, notes, bodies, by_author)
            if target is None:
                target = _author_title_target(note, notes, bodies, by_author)
            if target is not None:
                page = _PAGE.search(note.text)
                note = Note(
                    note.number,
                    note.text,
                    note.url,
                    note.accessed,
                    target,
                    page.group(1) if page else note.page,
                )
        out.append(note)
        if note.refers_to is None:
            body = _norm(note.text)
            bodies[k] = body
            full.add(body)
            words = body.split()
            for i in range(len(words) - 2):
                by_trigram.setdefault(tuple(words[i : i + 3]), []).append(k)
            for year in set(re.findall(r"\b(?:19|20)\d\d\b", body)):
                by_year.setdefault(year, []).append(k)
            author = _norm(_AUTHOR_END.split(_SHORT_LEAD.sub("", note.text.strip()), 1)[0])
            for word in set(author.split()):
                by_author.setdefault(word, []).append(k)
    return out


def _author_page_target(
    note: Note, notes: Sequence[Note], bodies: Mapping[int, str], by_author: Mapping[str, list[int]]
) -> int | None:
    """The one earlier full note whose author part names this short note's author."""
    match = _AUTHOR_PAGE.match(_SHORT_LEAD.sub("", note.text.strip()))
    if not match:
        return None
    words = _norm(match.group(1)).split()
    if not words:
        return None
    found: set[int] = set()
    for k in by_author.get(words[0], [])[:_CANDIDATES]:
        author = _norm(_AUTHOR_END.split(notes[k].text.strip(), 1)[0])
        if f" {' '.join(words)} " in f" {author} " and bodies[k] != _norm(note.text):
            found.add(k)
    return notes[found.pop()].number if len(found) == 1 else None


def _author_title_target(
    note: Note, notes: Sequence[Note], bodies: Mapping[int, str], by_author: Mapping[str, list[int]]
) -> int | None:
    """The one earlier full note by this note's author whose words hold its shortened title."""
    text = _SHORT_LEAD.sub("", note.text.strip())
    author, comma, rest = text.partition(",")
    words = _norm(author).split()
    title = [w for w in _norm(_PAGE.sub("", rest)).split() if w not in _LOCATOR_WORDS]
    if not comma or not _PAGE.search(rest) or not words or not title:
        return None
    if not all(w[:1].isupper() for w in author.split()) or len(words) > 4:
        return None
    found: set[int] = set()
    for k in by_author.get(words[0], [])[:_CANDIDATES]:
        if (
            _norm(_AUTHOR_END.split(notes[k].text.strip(), 1)[0]) == " ".join(words)
            and bodies[k] != _norm(note.text)
            and _adds_nothing(note.text, bodies[k])
        ):
            found.add(k)
    return notes[found.pop()].number if len(found) == 1 else None


def _short_form_target(
    note: Note,
    notes: Sequence[Note],
    bodies: Mapping[int, str],
    by_trigram: Mapping[tuple[str, ...], list[int]],
    by_year: Mapping[str, list[int]],
) -> int | None:
    lead, author_year = _lead(note.text)
    mine = _norm(note.text)
    if author_year:
        surname = author_year.group(1).lower()
        for k in by_year.get(author_year.group(2), [])[:_CANDIDATES]:
            if (
                bodies[k] != mine
                and re.search(rf"\b{re.escape(surname)}\b", bodies[k])
                and _adds_nothing(note.text, bodies[k])
            ):
                return notes[k].number
    words = _norm(lead).split()
    if len(re.findall(r"[^\W\d_]+", lead)) >= 3 and len(words) >= 3:
        phrase = f" {' '.join(words)} "
        for k in by_trigram.get(tuple(words[:3]), [])[:_CANDIDATES]:
            if (
                bodies[k] != mine
                and phrase in f" {bodies[k]} "
                and _adds_nothing(note.text, bodies[k])
            ):
                return notes[k].number
    return None


def _adds_nothing(text: str, source: str) -> bool:
    """True when the note's first citation uses only its source's words and a pin cite.

    "Fees and Routing, 88 Fed. Reg. 78,105" repeats its source; "…, HS Port-Level Data,
    commodity 2103" names a dataset of its own, so it is a full reference, not a short form.
    """
    first = _norm(_SHORT_LEAD.sub("", text.strip()).split(";", 1)[0])
    known = set(source.split())
    pin = False  # a number is a pin cite after a locator word or a number already accepted
    for word in first.split():
        if word.isdigit():
            if not (pin or word in known):
                return False
            pin = True
        elif word in _LOCATOR_WORDS:
            pin = True
        elif word in known:
            pin = False
        else:
            return False
    return True


def check_markers(
    notes: Sequence[Note],
    cited: Mapping[int, int],
    note_lines: Mapping[int, int],
    file: str,
) -> list[IngestIssue]:
    """Warn about markers with no note and notes no marker cites.

    `cited` maps each cited number to the source line of its first marker; `note_lines` maps
    note numbers to their line in the notes list.
    """
    issues: list[IngestIssue] = []
    numbers = {note.number for note in notes}
    for number in sorted(cited):
        if number not in numbers:
            issues.append(
                IngestIssue(
                    file, f"footnote marker {number} has no note in the notes list", cited[number]
                )
            )
    for number in sorted(numbers - set(cited)):
        issues.append(
            IngestIssue(
                file,
                f"note {number} is never cited by a marker in the text",
                note_lines.get(number),
            )
        )
    return issues


def heading_of_notes(line: SourceLine) -> bool:
    """Whether a line is a "Notes"/"References" heading over a notes list."""
    return bool(NOTES_HEADING.match(line.text.strip().strip("#*:_ ")))
