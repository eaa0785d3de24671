"""Plain-text e-mail exports: a "From:/To:/Date:/Subject:" header over a letter or newsletter.

A saved message (or an Outlook-style forward with "Sent:") opens with a block of header fields.
The fields are read as the document's metadata (the Subject is the title, the Date its date, the
From name its author or publication) and dropped from the text, with the rest of the mail's
furniture: a masthead above the salutation, the salutation ("Dear members,", "Hi all,"), the
"On …, X wrote:" line over a reply, the ">" marks of quoted lines (kept as a block quote), and
everything from the signature on (a "-- " delimiter, or a sign-off line followed by a name) or
an unsubscribe footer. A list of bracketed endnotes ("[1] Source …") after it is kept as notes.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from email.utils import parseaddr, parsedate_tz

from bot.core.ingest.contact_details import PHONE, WEB
from bot.core.ingest.figures import find_figures, iso_date
from bot.core.ingest.formats import Block, DocumentMeta, SourceLine, split_lists
from bot.core.ingest.metadata import is_header_line, is_name
from bot.core.ingest.notes import EDITORS_NOTES, heading_of_notes, note_line
from bot.core.ingest.signature_delimiter import DELIMITER

_FIELD = re.compile(r"^([A-Za-z][A-Za-z-]{1,24}):(?:\s+(.*))?$")
# header fields of a saved message; "Sent" is how Outlook writes the date of a forward
_FIELDS = frozenset(
    "from to cc bcc date sent subject reply-to sender message-id mime-version content-type "
    "content-transfer-encoding importance x-mailer organization list-unsubscribe".split()
)
# "-----Original Message-----", "---------- Forwarded message ---------" over a header
_BANNER = re.compile(r"^-{2,}\s*[A-Za-z][A-Za-z ]{2,30}?\s*-{2,}$")
_SUBJECT_PREFIX = re.compile(r"^(?:(?:re|fwd?|aw|wg|tr)\s*:\s*)+", re.I)
# a greeting on its own line: "Dear members,", "Hi all,", "Hello everyone!", "Good morning team,"
_SALUTATION = re.compile(
    r"^(?:dear|hi|hello|hey|greetings|good\s+(?:morning|afternoon|evening))\b[^.?]{0,40}[,:!]?$",
    re.I,
)
# "On Mon, 3 March, Ana Ruiz wrote:", "Harriet Osei <h.osei@x.org> wrote:"
_REPLY_INTRO = re.compile(
    r"^(?:On\s.{4,120}\b|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s+<[^<>\s]+>)?\s+)wrote:$"
)
_QUOTED = re.compile(r"^\s*>")
# a sign-off: a few words ending with a comma ("Best wishes,", "With thanks,", "Yours,")
_SIGN_OFF = re.compile(r"^[A-Z][\w'’]*(?:\s+[\w'’]+){0,3},$")
# the unsubscribe footer newsletter services add
_FOOTER = re.compile(
    r"\bunsubscribe\b|\bopt[ -]out\b|receiving this (?:e-?mail|message|newsletter)"
    r"|view (?:this (?:e-?mail|message) )?in (?:your|a) browser"
    r"|(?:update|manage) your (?:email )?(?:preferences|subscription)",
    re.I,
)
# a signature's contact line: a phone number, an address, a web site
_CONTACT = re.compile(
    rf"\S@\S|{WEB}|^(?:tel|phone|mob(?:ile)?|fax|e-?mail|web)\b\.?:?|{PHONE}",
    re.I,
)
# "Notes to editors", "Note for editors:", "Editors' notes": a press release's closing facts
_EDITORS_NOTES = re.compile(rf"^{EDITORS_NOTES}:?$", re.I)
_FIRST_NAME = re.compile(r"^[A-Z][a-z'’-]+$")  # "Thanks,\nSunita"
_MIN_FIELDS = 2


@dataclass(frozen=True, slots=True)
class _Header:
    fields: dict[str, str]
    end: int  # index of the first line after the header


def _header(lines: Sequence[str]) -> _Header | None:
    """The header fields at the top of the text (folded lines joined), or None."""
    fields: dict[str, str] = {}
    k = 0
    while k < len(lines) and (not lines[k].strip() or _BANNER.match(lines[k].strip())):
        k += 1
    last: str | None = None
    while k < len(lines) and lines[k].strip():
        line = lines[k]
        match = _FIELD.match(line.strip())
        if match and match.group(1).lower() in _FIELDS:
            last = match.group(1).lower()
            fields.setdefault(last, (match.group(2) or "").strip())
        elif last is not None and line[:1].isspace():
            fields[last] = f"{fields[last]} {line.strip()}".strip()
        else:
            return None  # a line that is no field: this is no header block
        k += 1
    if len(fields) < _MIN_FIELDS or not ({"from", "to"} & fields.keys()):
        return None
    if not ({"subject", "date", "sent"} & fields.keys()):
        return None
    return _Header(fields, k)


email_header = _header


def is_email_export(text: str) -> bool:
    """Whether a text opens with an e-mail header block (From/To with Subject or Date)."""
    return _header(text.split("\n")) is not None


def _iso_date(value: str) -> str | None:
    """An RFC 2822 date ("Thu, 6 Mar 2025 09:12:44 +0000") or a written one, in ISO form."""
    iso = re.match(r"^\s*(\d{4})-(\d\d)-(\d\d)", value)
    parsed = parsedate_tz(value)
    if iso:
        year, month, day = (int(x) for x in iso.groups())
    elif parsed is not None:
        year, month, day = parsed[0], parsed[1], parsed[2]
    else:
        dates = [f for f in find_figures(value) if f.kind == "date"]
        if not dates:
            return None
        written = iso_date(dates[0])
        if len(written) < 10:
            return written  # a month or a year: nothing to check
        year, month, day = (int(x) for x in written.split("-"))
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


iso_email_date = _iso_date


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _blocks(lines: Sequence[SourceLine]) -> list[list[SourceLine]]:
    """Runs of non-blank lines; quoted (">") lines and plain ones never share a run."""
    runs: list[list[SourceLine]] = []
    current: list[SourceLine] = []
    for line in lines:
        blank = not line.text.strip()
        if current and (
            blank or bool(_QUOTED.match(line.text)) != bool(_QUOTED.match(current[-1].text))
        ):
            runs.append(current)
            current = []
        if not blank:
            current.append(line)
    if current:
        runs.append(current)
    return runs


def _signature_start(runs: list[list[SourceLine]]) -> tuple[int, int] | None:
    """Where the signature begins (run, line): a "-- " line, or a sign-off over a name."""
    flat = [(r, k) for r, run in enumerate(runs) for k in range(len(run))]
    for at, (r, k) in enumerate(flat):
        text = runs[r][k].text.strip()
        if DELIMITER.match(runs[r][k].text.rstrip("\n")):
            # a name alone just above the delimiter ("Colin", then "-- Colin Pryce") signs off
            if k == 0 and r > 1 and len(runs[r - 1]) == 1 and _signs(runs[r - 1][0].text):
                return r - 1, 0
            return r, k
        if r == 0 or not _SIGN_OFF.match(text):
            continue
        if at + 1 < len(flat):
            nr, nk = flat[at + 1]
            following = runs[nr][nk].text.strip()
            if (
                is_name(following.rstrip(","))
                or _FIRST_NAME.match(following)
                or (nr == r and is_header_line(following))
            ):
                return r, k
    return None


def _signs(line: str) -> bool:
    """Whether a line alone is a sign-off name ("Colin", "Anwen Davies")."""
    text = line.strip()
    return bool(_FIRST_NAME.match(text)) or (len(text.split()) <= 3 and is_name(text))


def _notes_start(runs: list[list[SourceLine]]) -> int:
    """The first of the trailing runs that are a notes list ("[1] …" lines), else len(runs).

    The list must count up from 1, each run opening with its next number, so a closing
    paragraph that begins with a year ("2026 will be …") is never taken for a note.
    """
    start = len(runs)
    while start > 0 and note_line(runs[start - 1][0].text) is not None:
        start -= 1
    expected = 1
    for run in runs[start:]:
        numbers = [n[0] for line in run if (n := note_line(line.text)) is not None]
        if numbers[:1] != [expected]:
            return len(runs)
        expected = numbers[-1] + 1
    return start


def _editors_notes(
    runs: list[list[SourceLine]],
) -> tuple[list[list[SourceLine]], list[list[SourceLine]]]:
    """The runs without a press mail's "Notes to editors" section, and that section.

    The section often follows the sign-off; it states facts of the release (who voted, what
    the target is), so it is read as body text under its heading, up to the mail's footer.
    """
    start = next(
        (
            r
            for r, run in enumerate(runs)
            if r > 0 and len(run) == 1 and _EDITORS_NOTES.match(run[0].text.strip())
        ),
        None,
    )
    if start is None:
        return runs, []
    end = start + 1
    while end < len(runs) and not (
        DELIMITER.match(runs[end][0].text) or any(_FOOTER.search(line.text) for line in runs[end])
    ):
        end += 1
    return [*runs[:start], *runs[end:]], runs[start:end]


def _person(name: str, address: str, signer: str | None, text: Sequence[str]) -> bool:
    """Whether the From name is the writer (a person), not the publication sending the mail."""
    local = address.split("@", 1)[0].lower()
    if signer is not None and _words(signer) == _words(name):
        return True
    words = re.findall(r"\w+", name.lower())
    # "p.natarajan@", "harriet.okoye@": the address spells the surname ("ward@" for "Ward
    # News" does not)
    if words and len(words[-1]) >= 3 and words[-1] in local:
        return True
    # a name the mail writes in a line of other words (its masthead, a source) is an outlet's
    loose = " ".join(sorted(_words(name)))
    in_lines = any(
        name.lower() in line.lower() and " ".join(sorted(_words(line))) != loose for line in text
    )
    return is_name(name) and not in_lines


def read_email_export(text: str, first_line: int = 1) -> tuple[list[Block], DocumentMeta]:
    """Cut an e-mail export into body blocks (notes last) and its header's metadata.

    `first_line` is the source line the text starts on (a message inside a longer file).
    """
    raw = text.split("\n")
    header = _header(raw)
    if header is None:
        return [], DocumentMeta()
    fields = header.fields
    numbered = enumerate(raw, start=first_line)
    lines = [SourceLine(line.rstrip(), n) for n, line in numbered][header.end :]
    runs = _blocks(lines)
    notes_at = _notes_start(runs)
    notes, runs = runs[notes_at:], runs[:notes_at]
    if notes and runs and len(runs[-1]) == 1 and heading_of_notes(runs[-1][0]):
        runs.pop()

    runs, editors = _editors_notes(runs)
    signer: str | None = None
    cut = _signature_start(runs)
    if cut is not None:
        r, k = cut
        closing = [line.text.strip() for run in runs[r:] for line in run][k + 1 :]
        if closing and is_name(closing[0].rstrip(",")):
            signer = closing[0].rstrip(",")
        kept = runs[r][:k]
        runs = [*runs[:r], *([kept] if kept else [])]
    if cut is None and len(runs) > 1 and len(runs[-1]) == 1 and _signs(runs[-1][0].text):
        name = runs.pop()[0].text.strip()  # "Priya" alone under the last paragraph
        signer = name if is_name(name) else None
    while runs and (
        any(_FOOTER.search(line.text) for line in runs[-1])
        or (
            all(is_header_line(line.text) for line in runs[-1])
            and any(_CONTACT.search(line.text) for line in runs[-1])
        )
    ):
        runs.pop()

    subject = _SUBJECT_PREFIX.sub("", fields.get("subject", "")).strip() or None
    known = _words(" ".join((subject or "", fields.get("from", ""))))
    greeting = next(
        (
            i
            for i, run in enumerate(runs[:6])
            if _SALUTATION.match(run[0].text.strip()) and len(run[0].text.split()) <= 6
        ),
        None,
    )
    lead = _masthead_end(runs, greeting, known)
    if greeting is not None and greeting >= lead:
        runs[greeting] = runs[greeting][1:]
    runs = runs[lead:]

    blocks: list[Block] = []
    for run in runs:
        run = [line for line in run if not _REPLY_INTRO.match(line.text.strip())]
        if not run:
            continue
        if _QUOTED.match(run[0].text):
            quoted = [
                SourceLine(re.sub(r"^(?:\s*>)+\s?", "", line.text), line.number) for line in run
            ]
            blocks.extend(_quote_blocks(quoted))
        else:
            blocks.extend(split_lists(run, 1))
    if editors:  # its heading, then its lists and paragraphs
        title = editors[0][0]
        blocks.append(Block("heading", (replace(title, text=title.text.strip(" :")),), 1, 2))
        for run in editors[1:]:
            blocks.extend(split_lists(run, 1))
    if notes:
        blocks.append(Block("notes", tuple(line for run in notes for line in run), 1))

    name, address = _sender(re.sub(r"\[mailto:([^\]]+)\]", r"<\1>", fields.get("from", "")))
    sender = name.strip().strip('"') or None
    authors: tuple[str, ...] = ()
    publication = None
    if sender and _person(sender, address, signer, raw[header.end :]):
        authors = (sender,)
    else:
        publication = _organisation(sender, raw[header.end :]) if sender else None
        authors = (signer,) if signer else ()
    date = _iso_date(fields.get("date") or fields.get("sent") or "")
    return blocks, DocumentMeta(title=subject, authors=authors, date=date, publication=publication)


def _sender(value: str) -> tuple[str, str]:
    """The From field's (name, address); an unquoted name may hold a comma ("Press Office, X")."""
    match = re.match(r'^\s*"?([^"<>]*?)"?\s*<([^<>\s]+)>\s*$', value)
    if match:
        return match.group(1), match.group(2)
    return parseaddr(value)


def _organisation(sender: str, text: Sequence[str]) -> str:
    """The body a sender names: "Press Office, Bank of Carraway" is the bank's office.

    A name cut by commas into parts of several words names a unit and the organisation it
    belongs to: the part the mail writes as a line of its own (the signature's), else the last.
    A part of one word ("Okoye, Harriet") makes no such list.
    """
    parts = [part.strip() for part in sender.split(",")]
    if len(parts) < 2 or not all(len(part.split()) > 1 for part in parts):
        return sender
    lines = {line.strip().lower() for line in text}
    return next((part for part in parts if part.lower() in lines), parts[-1])


def _masthead_end(runs: list[list[SourceLine]], greeting: int | None, known: set[str]) -> int:
    """How many runs the masthead takes.

    Short lines above the salutation, or, with no salutation, short lines that only repeat the
    subject and the sender; a "view in your browser" line among them.
    """
    end = 0
    while end < len(runs) and all(is_header_line(line.text) for line in runs[end]):
        if any(_FOOTER.search(line.text) for line in runs[end]):
            end += 1
            continue
        above = (
            end < greeting
            if greeting is not None
            else all(_words(line.text) <= known for line in runs[end])
        )
        if not above:
            break
        end += 1
    return end


def _quote_blocks(lines: list[SourceLine]) -> list[Block]:
    """Quoted lines as block quotes; a blank quoted line (">") parts two paragraphs."""
    out: list[Block] = []
    current: list[SourceLine] = []
    for line in lines:
        if line.text.strip():
            current.append(line)
        elif current:
            out.append(Block("quote", tuple(current), 1))
            current = []
    if current:
        out.append(Block("quote", tuple(current), 1))
    return out
