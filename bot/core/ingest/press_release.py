"""Press-release furniture: the release marker, the end mark and the media-contact block.

A release opens with its issuer's lines and "FOR IMMEDIATE RELEASE" (or "EMBARGOED UNTIL …",
"NEWS RELEASE") over its date, then the headline and the subhead; it ends with "###" or
"-30-", a "Media contact:" block (a name, a phone number, an e-mail address) and the "About
the issuer" boilerplate. The marker and the lines above it are the issuer's, never a title or
a byline; the end mark and the contact block are no text; the boilerplate is text under its
"About …" line. Every rule reads shapes, never a known issuer or headline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.core.ingest.contact_details import EMAIL
from bot.core.ingest.figures import find_figures, iso_date
from bot.core.ingest.formats import Block, SourceLine
from bot.core.ingest.layout import heading_shape
from bot.core.ingest.notes import EDITORS_NOTES
from bot.core.ingest.organisations import SMALL_WORDS, headed, title_case
from bot.core.ingest.page_breaks import clean_line

_MARKER = re.compile(
    r"^(?:for\s+(?:immediate\s+)?release"
    r"(?:\s*[:,–—-]\s*\S.{0,50}|\s+(?:at|on|until|after|upon|immediately)\b.{0,50})?"
    r"|(?:embargoed|under\s+embargo)\s*(?::|until\b|till\b|to\b|for\b).{0,60}"
    r"|(?:press|news|media)\s+release|immediate\s+release"
    # a speech's delivery notice: "CHECK AGAINST DELIVERY", "As prepared for delivery"
    r"|(?:please\s+)?check\s+against\s+(?:delivery|the\s+spoken\s+word)"
    r"|(?:text\s+)?as\s+prepared\s+for\s+delivery)[\s.:!]*$",
    re.I,
)
_MARKER_MAX_WORDS = 12
# "###", "# # #", "-30-", "– 30 –", "-ENDS-", "ENDS": the end of a release's text
_END_MARK = re.compile(
    r"^(?:#\s*#\s*#|[-–—]+\s*30\s*[-–—]+|[-–—]+\s*(?:ENDS?|[Ee]nds?)\s*[-–—]+|ENDS?)$"
)
# "Media contact:", "Press enquiries:", "Contacts:", "For more information, contact:"
_CONTACT_LABEL = re.compile(
    r"^(?:for\s+)?(?:(?:media|press|news|public\s+affairs|communications)\s+)?"
    r"(?:contacts?|enquiries|inquiries|queries)(?:\s+only)?\s*:\s*(?P<rest>.*)$"
    r"|^for\s+(?:more|further)\s+information,?(?:\s+(?:please\s+)?contact)?\s*:\s*(?P<more>.*)$",
    re.I,
)
# "Tel: +47 …", "E-mail: press@…": a contact card's field, at a line's start or after a bar
_CONTACT_FIELD = re.compile(
    r"(?:^|\|)\s*(?:tel(?:ephone)?|phone|mobile|fax|e-?mail)\.?\s*:\s*\S", re.I
)
_PHONE = re.compile(r"(?<![\w.])\+?\(?\d[\d ().-]{5,}\d(?![\w.]*\d)")
_EMAIL = re.compile(EMAIL)
# the closing matter's headings: "Notes to editors", "Editor's notes", "About the Agency"
_CLOSING_LABEL = re.compile(rf"^(?:{EDITORS_NOTES}|background|about\s+\S.{{0,80}})$", re.I)
_CONTACT_MAX_LINES = 7
_CONTACT_LINE_MAX_WORDS = 12
_HEADER_BLOCKS = 8
_HEADER_LINE_MAX_WORDS = 25  # the marker stands near the top, among short lines


def is_release_marker(line: str) -> bool:
    """Whether a line is a release marker ("FOR IMMEDIATE RELEASE", "Embargoed until …")."""
    text = clean_line(line).strip()
    return len(text.split()) <= _MARKER_MAX_WORDS and bool(_MARKER.match(text))


def _contact_detail(line: str) -> bool:
    """Whether a line holds a phone number or an e-mail address."""
    if _EMAIL.search(line):
        return True
    phone = _PHONE.search(line)
    return (
        phone is not None
        and sum(c.isdigit() for c in phone.group(0)) >= 7
        and not re.fullmatch(r"\d{4}-\d\d-\d\d", phone.group(0))  # a date
    )


def _details(block: Block) -> bool:
    """Whether a block is contact details only: a few short lines, a phone or an e-mail.

    Bare lines (a name, a role, a number); a sentence giving the contact ("Jo Doe, Engineer;
    telephone: …; email: jo@….") is text.
    """
    texts = [clean_line(line.text).strip() for line in block.lines]
    return (
        block.kind == "paragraph"
        and len(texts) <= _CONTACT_MAX_LINES
        and all(len(text.split()) <= _CONTACT_LINE_MAX_WORDS for text in texts)
        and not any(text.endswith(".") or ";" in text for text in texts)
        and any(_contact_detail(text) for text in texts)
    )


def _contact_block(blocks: Sequence[Block], k: int) -> int:
    """How many blocks from `k` a contact block takes (0 when `blocks[k]` opens none).

    The label's own block ("Media contact:" over a name, a phone, an e-mail), or the label
    alone over a block of details; more blocks of details (a second contact) go with it.
    """
    block = blocks[k]
    if block.kind != "paragraph":
        return 0
    if not _CONTACT_LABEL.match(clean_line(block.lines[0].text)):
        # no label, but a contact card: whom it reaches ("Press Office, Ministry of …") over
        # its fields ("Tel: … | E-mail: …"); an FAQ's "Phone: …" lines alone are its answer
        # (the cheap tests first: every paragraph of every text comes through here)
        first, *rest = block.lines
        if len(block.lines) > _CONTACT_MAX_LINES:
            return 0
        if not any(_CONTACT_FIELD.search(line.text) for line in rest):
            return 0
        card = not _CONTACT_FIELD.search(first.text) and not _contact_detail(first.text)
        return int(card and _details(block))
    if _details(block):
        taken = 1
    elif len(block.lines) == 1 and k + 1 < len(blocks) and _details(blocks[k + 1]):
        taken = 2
    else:
        return 0
    while k + taken < len(blocks) and _details(blocks[k + taken]):
        taken += 1
    return taken


def _closing_heading(block: Block, has_next: bool) -> list[Block]:
    """A heading of the closing matter after the end mark, as a heading block.

    A lone short line over what follows ("Notes to editors", "About Harlow County"), or the
    boilerplate's "About the issuer" line over its paragraph, no blank line between.
    """
    first, *rest = block.lines
    text = clean_line(first.text).strip()
    if block.kind != "paragraph" or (not has_next and not rest):
        return [block]
    label = bool(_CLOSING_LABEL.match(text)) and text.split()[-1].lower() not in SMALL_WORDS
    if not rest and (label or heading_shape(text)):
        return [replace(block, kind="heading")]
    if rest and label and heading_shape(text) and rest[0].text.strip()[:1].isupper():
        return [
            Block("heading", (first,), block.gap_before),
            Block("paragraph", tuple(rest)),
        ]
    return [block]


_END_MARK_MAX = 40  # an end mark is a short line, even with markup around it


def _end_mark(line: SourceLine) -> bool:
    if len(line.text) > _END_MARK_MAX:  # most lines: no cleaning needed to rule them out
        return False
    return bool(_END_MARK.match(clean_line(line.text).strip()))


def without_release_furniture(blocks: Sequence[Block]) -> list[Block]:
    """The blocks without a release's end mark ("###", "-30-") and its media-contact blocks.

    An end mark's line leaves its block (alone, or as its first or last line); after it, the
    closing matter's headings ("Notes to editors", "About the issuer") head what follows.
    """
    out: list[Block] = []
    ended = False
    k = 0
    while k < len(blocks):
        block = blocks[k]
        taken = _contact_block(blocks, k)
        if taken:
            k += taken
            continue
        k += 1
        if block.kind == "paragraph" and any(map(_end_mark, (block.lines[0], block.lines[-1]))):
            ended = True
            lines = block.lines[_end_mark(block.lines[0]) :]
            lines = lines[: len(lines) - _end_mark(lines[-1])] if lines else lines
            if not lines:
                continue
            block = replace(block, lines=lines)
        out.extend(_closing_heading(block, k < len(blocks)) if ended else [block])
    return out


def _header_lines(block: Block) -> bool:
    """Whether a block is a header's: a heading, or short lines with no sentence."""
    return block.kind == "heading" or (
        block.kind == "paragraph"
        and all(
            len(text.split()) <= _HEADER_LINE_MAX_WORDS and not text.endswith(".")
            for text in (clean_line(line.text).strip() for line in block.lines)
        )
    )


def _issuer_name(text: str) -> bool:
    """Whether a header line names an organisation: capitalised words its noun heads."""
    words = text.split()
    return headed(words) and all(w[:1].isupper() or w.lower() in SMALL_WORDS for w in words)


def _headline_over_date(block: Block, dated: int, marker: int) -> bool:
    """Whether a line above the marker is the headline, not the issuer's.

    The header's date line stands between them (title, "Issued at Kessling, 4 May 2025",
    then the marker), and the line names no organisation and gives no contact.
    """
    text = clean_line(block.text).strip()
    return (
        len(block.lines) == 1
        and block.line < dated < marker
        and not headed(text.split())
        and not _contact_detail(text)
        and not _CONTACT_LABEL.match(text)
    )


def _opens_text(block: Block, after: Block) -> bool:
    """Whether a block is a lone heading-shaped line over a paragraph of sentences."""
    text = clean_line(block.text).strip()
    return (
        block.kind in ("paragraph", "heading")
        and len(block.lines) == 1
        and heading_shape(text)
        and after.kind == "paragraph"
        and not _header_lines(after)
    )


def _date_in(line: str) -> str | None:
    """The ISO date a marker line states ("FOR IMMEDIATE RELEASE: June 3, 2025"), if any."""
    dates = [f for f in find_figures(line) if f.kind == "date"]
    return iso_date(dates[0]) if dates else None


@dataclass(frozen=True, slots=True)
class ReleaseHeader:
    """The blocks after a release's marker, the issuer its header names, the marker's date."""

    blocks: list[Block]
    issuer: str | None = None
    date: str | None = None


def take_release_marker(
    blocks: Sequence[Block], stacked: frozenset[int], dated: int = 0
) -> ReleaseHeader:
    """Remove a header's release marker and the issuer's lines about it; name the issuer.

    Only short header lines may stand above the marker: they are the issuer's (its name in
    capitals, or a name an organisation's noun heads, is the publication), and so are the
    organisation's name between the marker and the header's date (on source line `dated`)
    and contact lines stacked under the marker. The headline follows. A marker under the
    headline (a body paragraph follows it) goes alone.
    """
    for k, block in enumerate(blocks[:_HEADER_BLOCKS]):
        if not _header_lines(block):
            break
        if len(block.lines) != 1 or not is_release_marker(block.text):
            continue
        end = k + 1
        while end < len(blocks) and _header_lines(blocks[end]):
            text = clean_line(blocks[end].text).strip()
            contact = _contact_detail(text) or bool(_CONTACT_LABEL.match(text))
            with_marker = blocks[end].line in stacked and len(blocks[end].lines) == 1
            over_date = blocks[end].line < dated
            if not ((contact and (with_marker or over_date)) or (over_date and _issuer_name(text))):
                break
            end += 1
        date = _date_in(block.text)
        if end >= len(blocks) or not _header_lines(blocks[end]):
            return ReleaseHeader([*blocks[:k], *blocks[end:]], None, date)
        named = [clean_line(b.text).strip() for b in (*blocks[:k], *blocks[k + 1 : end])]
        issuer = next((title_case(t) for t in named if t.isupper() and headed(t.split())), None)
        issuer = issuer or next((t for t in named if _issuer_name(t)), None)
        headline = [b for b in blocks[:k] if _headline_over_date(b, dated, block.line)]
        rest = list(blocks[end:])
        if headline and len(rest) > 1 and _opens_text(rest[0], rest[1]):
            # the headline stood above: the short line under the marker heads the text
            rest[0] = replace(rest[0], kind="heading", level=2)
        return ReleaseHeader([*headline, *rest], issuer, date)
    return ReleaseHeader(list(blocks))
