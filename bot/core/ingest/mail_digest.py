"""Mailing-list digests: several e-mails, each under its own header, in one text.

A Mailman or Google Groups digest (or any text holding two or more messages) opens with the
list's masthead ("Send … submissions to", "To subscribe or unsubscribe …", a "Today's Topics:"
list), then gives each message as "Message: N" or "== N of M ==" over a From:/Date:/Subject:
header, the messages parted by rules, and ends with a footer ("Digest Footer", the list's
addresses, "End of … Digest"). The messages are the text: each is read as an e-mail export
(salutation, "X wrote:" and signature cut), under its subject as a section heading (the
"Re:" and the "[List]" tag off, a reply under its thread's subject), and what "I" say in one is
its sender's. Quoted lines that repeat an earlier message of the digest are no new text. The
masthead, the topics list, the topic banners and the footer are list furniture.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.ingest.email_export import email_header, iso_email_date, read_email_export
from bot.core.ingest.formats import Block, DocumentMeta, SourceLine

# a rule parting the messages ("-----", "=====", "_____"; 10 or more)
_SEPARATOR = re.compile(r"^\s*(?:-{10,}|={10,}|_{10,}|\*{10,})\s*$")
# the number over a message's header: "Message: 3" (Mailman), "== 2 of 4 ==" (Google Groups)
_NUMBER = re.compile(r"^\s*(?:message:?\s*\d+|=+\s*\d+\s+of\s+\d+\s*=+)\s*$", re.I)
_SUBJECT_PREFIX = re.compile(r"^(?:\s*(?:(?:re|fwd?|aw|wg|tr)\s*:|\[[^\]]{1,60}\]))+\s*", re.I)
# list furniture outside the messages: addresses, links, the topics list, the list's own lines
_FURNITURE = re.compile(
    r"\S@\S|https?://|\bsubscri|\bdigest\b|\btopics?:|\bmailing list\b|^\s*end of\b",
    re.I,
)
_MIN_MESSAGES = 2


@dataclass(frozen=True, slots=True)
class _Message:
    start: int  # 0-based line of its header
    end: int  # 0-based line after its last


def _segments(lines: Sequence[str]) -> list[tuple[int, int]]:
    """The runs of lines between separator rules or before message numbers (0-based)."""
    out: list[tuple[int, int]] = []
    start = 0
    for k, line in enumerate(lines):
        if _SEPARATOR.match(line):
            out.append((start, k))
            start = k + 1
        elif _NUMBER.match(line) and k > start:
            out.append((start, k))
            start = k
    out.append((start, len(lines)))
    return out


def _header_start(lines: Sequence[str], start: int, end: int) -> int | None:
    """Where a message's header begins in a segment (past blank lines and its number)."""
    k = start
    while k < end and not lines[k].strip():
        k += 1
    if k < end and _NUMBER.match(lines[k]):
        k += 1
        while k < end and not lines[k].strip():
            k += 1
    header = email_header(lines[k:end]) if k < end else None
    return k if header is not None and "from" in header.fields else None


def _messages(lines: Sequence[str]) -> list[_Message]:
    """The messages of a digest; a segment that is no message and no furniture runs on."""
    found: list[_Message] = []
    for start, end in _segments(lines):
        at = _header_start(lines, start, end)
        if at is not None:
            found.append(_Message(at, end))
        elif found and not _is_furniture(lines[start:end]):
            found[-1] = _Message(found[-1].start, end)  # a rule inside a message
    return found


def _is_furniture(lines: Sequence[str]) -> bool:
    """Whether lines outside the messages are the list's (masthead, topics, footer, banners)."""
    filled = [line for line in lines if line.strip()]
    return (
        not filled
        or any(_FURNITURE.search(line) for line in filled)
        or (email_header(filled) is None and bool(re.match(r"^[A-Za-z-]+:\s", filled[0].strip())))
    )


def is_mail_digest(text: str) -> bool:
    """Whether a text holds two or more messages under their own headers, below a masthead."""
    lines = text.split("\n")
    if email_header(lines) is not None:
        return False  # an e-mail (its forwards and replies quoted under it)
    return len(_messages(lines)) >= _MIN_MESSAGES


def _subject(value: str) -> str:
    return re.sub(r"\s+", " ", _SUBJECT_PREFIX.sub("", value)).strip()


def _loose(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def read_mail_digest(text: str) -> tuple[list[Block], DocumentMeta] | None:
    """A digest's messages as blocks under their subjects, and its metadata; None if no digest."""
    lines = text.split("\n")
    messages = _messages(lines)
    if len(messages) < _MIN_MESSAGES or email_header(lines) is not None:
        return None
    head = [line.strip() for line in lines[: messages[0].start] if line.strip()]
    title = head[0] if head and not re.search(r"\S@\S|https?://", head[0]) else None
    blocks: list[Block] = []
    signed: list[tuple[int, int, str]] = []
    dates: list[str] = []
    read_so_far = ""
    section = ""
    for message in messages:
        part = "\n".join(lines[message.start : message.end])
        header = email_header(lines[message.start : message.end])
        assert header is not None
        body, meta = read_email_export(part, first_line=message.start + 1)
        subject = _subject(header.fields.get("subject", ""))
        if subject and _loose(subject) != _loose(section):
            span = range(message.start, message.end)
            line = next((k for k in span if lines[k].lower().startswith("subj")), message.start)
            blocks.append(Block("heading", (SourceLine(subject, line + 1),), 2, 2))
            section = subject
        for block in body:
            # a quoted passage of an earlier message is read there
            if block.kind == "quote" and _loose(block.text) in read_so_far:
                continue
            blocks.append(block)
        read_so_far += " " + " ".join(_loose(b.text) for b in body if b.kind != "quote")
        if meta.authors:
            signed.append((message.start + 1, message.end, meta.authors[0]))
        if (date := iso_email_date(header.fields.get("date", ""))) is not None:
            dates.append(date)
    meta = DocumentMeta(title=title, date=max(dates) if dates else None, signed=tuple(signed))
    return blocks, meta
