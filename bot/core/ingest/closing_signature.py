"""A report's or foreword's closing signature: the signer's name, role and date under the text.

A chairman's review, a foreword or a letter printed as plain text ends with its signer on lines
of its own after a blank line: the name, the role under it, and often the month it was signed
("J. R. Alderley" / "Chairman" / "June 1998"), or "Name, Role" on one line. That block names
the author and dates the text; it is no section and no sentence. A name line without a role is
not enough (a short heading reads as a name too). A joint statement's "Signatories" list names
its authors the same way, one "Name, Role, Organisation" a line.

A foreword or a letter printed ahead of the text it introduces is signed the same way, under
its last paragraph and before the next part: a block of two or three such lines between blank
lines, after a paragraph that closes its sentence, with the writer's "I" in the paragraphs above
it. The signer is the author; the date there dates the foreword, not the document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.core.ingest.formats import DocumentMeta
from bot.core.ingest.metadata import is_name
from bot.core.ingest.names import clean_name
from bot.core.ingest.sign_off import signature_line

_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_WRITER = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|my)\b")
_CLOSED = re.compile(r"[.!?][\"”’)]?$")
_FOREWORD_BLOCKS = 4  # the paragraphs above an inner signature that may say "I"
_DATE = re.compile(
    rf"^(?:(\d{{1,2}})\s+)?({'|'.join(_MONTHS)})\s+(?:(\d{{1,2}}),?\s+)?(\d{{4}})$", re.I
)


@dataclass(frozen=True, slots=True)
class ClosingSignature:
    """Who signed a text at its end, and when (ISO "1998-06" or "1998-06-12", or None)."""

    signer: str
    date: str | None


def closing_signature(block: Sequence[str]) -> ClosingSignature | None:
    """The signature a text's last block (its lines after the last blank line) is, else None."""
    texts = [" ".join(line.split()) for line in block if line.strip()]
    date = None
    if texts and (dated := _DATE.match(texts[-1])):
        date = _iso(dated)
        texts = texts[:-1]
    if len(texts) == 2:
        signer = signature_line(texts[0], texts[1])
    elif len(texts) == 1 and "," in texts[0]:
        signer = signature_line(texts[0])
    else:
        return None
    if not signer:
        return None
    return ClosingSignature(clean_name(signer) or signer, date)  # "Deputy Ruth …" → "Ruth …"


def _iso(match: re.Match[str]) -> str:
    month = _MONTHS.index(match.group(2).lower()) + 1
    day = match.group(1) or match.group(3)
    iso = f"{match.group(4)}-{month:02d}"
    return f"{iso}-{int(day):02d}" if day and 1 <= int(day) <= 31 else iso


def cut_closing_signature(text: str, meta: DocumentMeta) -> tuple[str, DocumentMeta]:
    """Plain text without its closing signature, and its metadata with what that states.

    The signature's lines are blanked (line numbers kept); the signer is the author and the
    signing date the date, where the metadata has none.
    """
    lines = text.split("\n")
    blocks = _blocks(lines)
    inner = _inner_signature(lines, blocks)
    if inner is not None:
        (start, end), signer = inner
        lines[start:end] = [""] * (end - start)
        meta = replace(meta, authors=meta.authors or (signer,))
    if not blocks or blocks[-1][0] == 0 or blocks[-1][1] - blocks[-1][0] > 3:
        return "\n".join(lines), meta  # the whole text, or more than a signature's lines
    start, end = blocks[-1]
    signed = closing_signature(lines[start:end])
    if signed is None:
        return "\n".join(lines), meta
    lines[start:end] = [""] * (end - start)
    return "\n".join(lines), replace(
        meta, authors=meta.authors or (signed.signer,), date=meta.date or signed.date
    )


def _blocks(lines: Sequence[str]) -> list[tuple[int, int]]:
    """The (start, end) line ranges of the runs of non-blank lines."""
    found: list[tuple[int, int]] = []
    start = None
    for k, line in enumerate([*lines, ""]):
        if line.strip() and start is None:
            start = k
        elif not line.strip() and start is not None:
            found.append((start, k))
            start = None
    return found


def _inner_signature(
    lines: Sequence[str], blocks: Sequence[tuple[int, int]]
) -> tuple[tuple[int, int], str] | None:
    """The first signature block inside the text (a foreword's), with its signer; else None."""
    for at in range(1, len(blocks) - 1):
        start, end = blocks[at]
        if not 2 <= end - start <= 3:
            continue
        above = blocks[max(0, at - _FOREWORD_BLOCKS) : at]
        if not _CLOSED.search(lines[blocks[at - 1][1] - 1].strip()):
            continue
        if not any(_WRITER.search(" ".join(lines[a:b])) for a, b in above):
            continue
        signed = closing_signature(lines[start:end])
        if signed is not None:
            return (start, end), signed.signer
    return None


# "Signatories", "Signed by:", "The undersigned": the label over a statement's signers
_SIGNATORIES_LABEL = re.compile(
    r"^(?:the\s+)?(?:signatories|signatures|signed(?:\s+by)?|undersigned)\s*:?$", re.I
)
_SIGNATORY_MAX_WORDS = 16


def _signatory(line: str) -> str | None:
    """The signer a "Name, Role, Organisation" line names, else None."""
    text = " ".join(line.split())
    name, comma, rest = text.partition(",")
    if (
        not comma
        or not rest.strip()
        or len(text.split()) > _SIGNATORY_MAX_WORDS
        or text.endswith((".", ":", ";", "?", "!"))
        or not is_name(name)
    ):
        return None
    return clean_name(name) or name


def cut_signatories(text: str, meta: DocumentMeta) -> tuple[str, DocumentMeta]:
    """Plain text without its signatories' list, and its metadata naming them as the authors.

    A "Signatories" label on a line of its own over lines of "Name, Role, Organisation", one
    signer a line: the signers are the statement's authors (in order, where the metadata
    names none), and the label and the list are no text (their lines blanked, numbers kept).
    Lines under the label that are not all signatures leave the text as it is.
    """
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if not _SIGNATORIES_LABEL.match(line.strip()):
            continue
        start = k + 1
        while start < len(lines) and not lines[start].strip():
            start += 1
        end = start
        while end < len(lines) and lines[end].strip():
            end += 1
        signers = [_signatory(lines[j]) for j in range(start, end)]
        if start == end or None in signers:
            continue
        lines[k : k + 1] = [""]
        lines[start:end] = [""] * (end - start)
        names = tuple(dict.fromkeys(s for s in signers if s))
        return "\n".join(lines), replace(meta, authors=meta.authors or names)
    return text, meta
