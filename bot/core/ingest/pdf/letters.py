"""A letter printed as a PDF: its front (letterhead, references, address), subject and sign-off.

A letter opens its first page with a salutation on a line of its own ("Dear Chair,") and
closes with a complimentary close ("Yours sincerely,"). What stands above the salutation is
the letter's front: the sender's letterhead, the reference and date lines and the
recipient's address; none of it is text. The sender is the letterhead's organisation, the
line in heavier or larger type at the head of the front. A subject line (bold under the
salutation, or "Re: …"/"Subject: …" next to it) is the letter's title; printed bold as it is,
it also heads the body as its section. The close, the
signatory under it, the signatory's role and the "cc:"/"Enc." lines are no text either; the
signatory is the author. A letter's paragraphs numbered in sequence ("1. Thank you …",
"2. Since …") carry those numbers as references, not as words of their sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.core.ingest.contact_details import WEB
from bot.core.ingest.pdf.blocks import Para
from bot.core.ingest.pdf.lines import Line
from bot.core.ingest.pdf.meta import line_date
from bot.core.ingest.sign_off import signatory

_SALUTATION = re.compile(
    r"^(?:Dear\s+[A-Za-z][^.!?]{0,60}|To\s+whom\s+it\s+may\s+concern)[,:]?$", re.I
)
_CLOSE = re.compile(
    r"^(?:Yours\s+(?:sincerely|faithfully|truly|ever|aye)|(?:Very\s+)?(?:Sincerely|Faithfully)"
    r"(?:\s+yours)?|(?:With\s+)?(?:kind|best|warm|warmest)\s+(?:regards|wishes)|Regards|"
    r"Respectfully(?:\s+yours)?)\s*[,.]?$",
    re.I,
)
_SUBJECT = re.compile(r"^(?:Re|RE|Subject|SUBJECT|Subj)\s*[:.-]\s*(\S.*)$")
_COPY = re.compile(r"^(?:cc|bcc|c\.c\.|copy(?:\s+to)?|copies\s+to|enc(?:l|losures?)?\.?)\b", re.I)
_POSTSCRIPT = re.compile(r"^P\.?\s?P?\.?S\.?\s|^PS\b")
_CONTACT = re.compile(rf"@|{WEB}|\.(?:gov|org|com|net)\b|\b(?:tel|phone|fax)\b", re.I)
_NUMBER = re.compile(r"^(\d{1,3})\.\s+(?=\S)")
_SIGN_REACH = 4  # lines under the close in which the signatory's name is printed
_FURNITURE_LINES = 4  # a block under the close with more lines than this is the text's again


@dataclass(frozen=True)
class LetterFront:
    """What a letter's first page gives: the sender, the subject, the date, the lines to drop."""

    sender: str | None
    subject: str | None
    date: str | None
    lines: tuple[Line, ...]  # the front, the salutation, a plain subject line: no text


def _position(line: Line) -> tuple[float, float]:
    return (-line.top, line.x0)  # from the top of the page down, then left to right


def is_close(text: str) -> bool:
    """Whether a line is a letter's complimentary close ("Yours sincerely,")."""
    return bool(_CLOSE.match(text.strip()))


def letter_front(
    lines: Sequence[Line], later: Sequence[str], body_size: float
) -> LetterFront | None:
    """The front of a letter's first page, or None when the page opens no letter.

    A letter has its salutation on a line of its own near the page's head (before the first
    line of running text) and a complimentary close somewhere after it (`later`: the texts of
    every line of the document after the first page's, the first page's own included).
    """
    ordered = sorted(lines, key=_position)
    at = next((k for k, ln in enumerate(ordered) if _SALUTATION.match(ln.text.strip())), None)
    if at is None or not any(is_close(t) for t in later):
        return None
    salutation = ordered[at]
    front = ordered[:at]
    if any(_is_prose(ln) for ln in front):
        return None  # text above the salutation: a report quoting a letter, not a letter
    subject_line: Line | None = None
    subject: str | None = None
    for ln in front:
        match = _SUBJECT.match(ln.text.strip())
        if match:
            subject_line, subject = ln, match.group(1).strip()
    taken = [*front, salutation]
    # else a bold line next to the salutation: under it, or over it (under the address)
    for near in ([ordered[at + 1]] if at + 1 < len(ordered) else []) + front[-1:]:
        if subject_line is None and (text := _bold_subject(near)):
            subject_line, subject = near, text
    sender = _sender([ln for ln in front if ln is not subject_line], body_size)
    if subject_line is not None and subject_line.bold and subject == subject_line.text.strip():
        taken = [ln for ln in taken if ln is not subject_line]  # it heads the body: a section
    elif subject_line is not None and subject_line not in taken:
        taken.append(subject_line)
    date = next((d for d in (line_date(ln.text.strip()) for ln in front) if d), None)
    return LetterFront(sender, subject, date, tuple(taken))


def _bold_subject(line: Line) -> str | None:
    """A subject line's text: a "Re:" line, or a short bold line that is no sentence's start."""
    text = line.text.strip()
    if match := _SUBJECT.match(text):
        return match.group(1).strip()
    if not line.bold or text.endswith((".", ",", ";", ":")):
        return None
    if _NUMBER.match(text) or _CONTACT.search(text) or line_date(text) or signatory(text):
        return None
    return text if len(re.findall(r"[^\W\d_]{2,}", text)) >= 2 else None


def _is_prose(line: Line) -> bool:
    text = line.text.strip()
    return len(text.split()) >= 10 and text.endswith(".")


def _sender(front: Sequence[Line], body_size: float) -> str | None:
    """The letterhead's organisation: the front's first line in heavier or larger type."""
    for ln in front:
        text = ln.text.strip()
        if not (ln.bold or ln.size > body_size * 1.1):
            continue
        if any(ch.isdigit() for ch in text) or _CONTACT.search(text) or _SUBJECT.match(text):
            continue
        if signatory(text) is not None or line_date(text):
            continue  # a person's letterhead names no organisation
        return text
    return None


def cut_sign_off(paras: Sequence[Para]) -> tuple[list[Para], str | None]:
    """The paragraphs without the close and what is printed under it, and the signatory.

    The close ends the letter's text: the lines under it (the signatory, a role, "cc:" and
    enclosure lines) are no text, up to a block long enough to be text again (a postscript,
    an annex) or a postscript ("P.S. …").
    """
    found = None
    for k, para in enumerate(paras):
        for j, ln in enumerate(para.lines):
            if is_close(ln.text):
                found = (k, j)
    if found is None:
        return list(paras), None
    k, j = found
    out = list(paras[:k])
    if j:
        out.append(replace(paras[k], lines=list(paras[k].lines[:j])))
    under = [ln.text.strip() for ln in paras[k].lines[j + 1 :]]
    rest = list(paras[k + 1 :])
    while (
        rest
        and not _POSTSCRIPT.match(rest[0].lines[0].text.strip())
        and (len(rest[0].lines) <= _FURNITURE_LINES or _COPY.match(rest[0].lines[0].text.strip()))
    ):
        under.extend(ln.text.strip() for ln in rest.pop(0).lines)
    name = next((n for n in map(signatory, under[:_SIGN_REACH]) if n), None)
    return [*out, *rest], name


def unnumbered(paras: Sequence[Para]) -> list[Para]:
    """The paragraphs without their numbers, when the letter numbers them 1, 2, 3 … in turn."""
    numbered = [
        (k, int(m.group(1)))
        for k, p in enumerate(paras)
        if p.kind in ("paragraph", "list") and (m := _NUMBER.match(p.lines[0].text))
    ]
    if len(numbered) < 2 or [n for _, n in numbered] != list(range(1, len(numbered) + 1)):
        return list(paras)
    out = list(paras)
    for k, _ in numbered:
        first = out[k].lines[0]
        text = _NUMBER.sub("", first.text, count=1)
        out[k] = replace(
            out[k], kind="paragraph", lines=[replace(first, text=text), *out[k].lines[1:]]
        )
    return out
