"""Resolutions and decisions of assemblies, councils and conferences, as plain text.

A resolution opens with a header (the organisation and the document's symbol, the issuing
date, the session and agenda item, "Resolution adopted by …", "[on the report of …]"), then
its title line ("79/214. Reducing marine plastic litter", "Decision 15/4. …"), then the acting
body alone on a line ("The General Assembly,", "The Security Council,"). Preambular paragraphs
follow ("Recalling …,", "Noting with concern …,"), each ending in a comma, then numbered
operative paragraphs ("1. Decides …;") with lettered sub-items ("(a) …;"). Every paragraph
states its own point: none runs on into the next, and its number or letter is no text. The
closing "52nd plenary meeting" and its date are furniture; below a rule stand the footnotes,
whose markers are digits after a paragraph's punctuation ("without urgent action,1").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.ingest.figures import find_figures, iso_date
from bot.core.ingest.formats import Block, DocumentMeta, SourceLine, line_groups, superscript
from bot.core.ingest.notes import note_line
from bot.core.ingest.ruled_header import is_rule

# "The General Assembly,", "The Conference of the Parties,": the body that resolves
_BODY = re.compile(r"^The ((?:[A-Z][\w'’-]*)(?:\s+(?:of|the|on|for|and|[A-Z][\w'’-]*)){0,7}),$")
_BODY_MAX_LINES = 40  # the body line stands in the first lines, under the header
_MIN_PARAGRAPHS = 2
# "79/214. ", "Decision 15/4. ", "Resolution 5/2. ": the title's number
_TITLE_NUMBER = re.compile(r"^(?:(?:Resolution|Decision)\s+)?[\w/.()-]*\d[\w/.()-]*\.\s+(?=\S)")
_NOT_TITLE = re.compile(r"^\[.*\]$|^(?:(?:resolution|decision)\s+)?adopted\s+by\b", re.I)
_SYMBOL = re.compile(r"\b[A-Z]{1,6}(?:/[A-Z0-9][A-Za-z0-9.]*)*/[A-Za-z0-9.]*\d[A-Za-z0-9.]*\b")
_OPERATIVE = re.compile(r"^\s*\d{1,3}\.\s+(?=\S)")
_SUB_ITEM = re.compile(r"^\s*\((?:[a-z]{1,2}|[ivx]{1,5})\)\s+(?=\S)")
# a preambular paragraph opens with a participle or adjective phrase ("Recalling", "Deeply
# concerned", "Noting with concern"): in a single-spaced file it starts a new paragraph
_PREAMBULAR = re.compile(r"^\s*(?:[A-Z][a-z]+ly\s+[a-z]+(?:ing|ed)\b|[A-Z][a-z]+(?:ing|ed)\b)")
_CLOSING = re.compile(r"^\d{1,5}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b", re.I)
_OPEN_END = re.compile(r"[,;]\d{0,2}\s*$")  # a paragraph's end, perhaps with its note marker
_MARKER = re.compile(r"([,;:.])(\d{1,2})(?=\s|$)")
_COLUMNS = re.compile(r"\s{3,}")


def _body_at(lines: Sequence[str]) -> int | None:
    """The 0-based index of the acting body's line, when paragraphs of a resolution follow it."""
    for k, raw in enumerate(lines[:_BODY_MAX_LINES]):
        if not _BODY.match(raw.strip()):
            continue
        after = [t.strip() for t in lines[k + 1 : k + 16] if t.strip()][:7]
        if sum(t.endswith((",", ";")) or bool(_OPERATIVE.match(t)) for t in after) >= (
            _MIN_PARAGRAPHS
        ):
            return k
    return None


def _title(header: Sequence[SourceLine]) -> str | None:
    """The title line: the last header line that is no adoption line or bracketed note."""
    for line in reversed(header):
        text = line.text.strip()
        if not _NOT_TITLE.match(text):
            return _TITLE_NUMBER.sub("", text)
    return None


def _date(header: Sequence[SourceLine]) -> str | None:
    """The first full date the header prints (the document's issue date)."""
    for line in header:
        for part in _COLUMNS.split(line.text.strip()):
            for found in find_figures(part):
                if found.kind == "date" and int(found.value) % 100:
                    return iso_date(found)
    return None


def _paragraphs(group: Sequence[SourceLine]) -> list[list[SourceLine]]:
    """A group cut where a numbered, lettered or preambular paragraph starts after a line's end."""
    out: list[list[SourceLine]] = []
    for line in group:
        text = line.text
        new = bool(_OPERATIVE.match(text) or _SUB_ITEM.match(text)) or (
            bool(out) and bool(_OPEN_END.search(out[-1][-1].text)) and bool(_PREAMBULAR.match(text))
        )
        if new or not out:
            out.append([line])
        else:
            out[-1].append(line)
    return out


def _unnumbered(line: SourceLine, notes: frozenset[int]) -> SourceLine:
    text = _SUB_ITEM.sub("", _OPERATIVE.sub("", line.text), count=1).strip()
    text = _MARKER.sub(
        lambda m: m.group(1) + superscript(m.group(2)) if int(m.group(2)) in notes else m.group(0),
        text,
    )
    return SourceLine(text, line.number, line.page)


def read_resolution(text: str) -> tuple[list[Block], DocumentMeta] | None:
    """A resolution's paragraphs (each alone, unnumbered), notes and metadata; else None."""
    lines = text.split("\n")
    at = _body_at(lines)
    if at is None:
        return None
    header = [line for group, _ in line_groups(lines[:at]) for line in group]
    body_name = _BODY.match(lines[at].strip())
    symbol = next((m.group(0) for line in header[:2] if (m := _SYMBOL.search(line.text))), None)
    meta = DocumentMeta(
        title=_title(header),
        date=_date(header),
        publication=body_name.group(1) if body_name else None,
        series=symbol,
    )
    paragraphs: list[tuple[list[SourceLine], int]] = []
    note_lines: list[SourceLine] = []
    in_notes = False
    for group, gap in line_groups(["" for _ in lines[: at + 1]] + lines[at + 1 :]):
        kept: list[SourceLine] = []
        for line in group:
            if is_rule(line.text):
                in_notes = True
            elif in_notes:
                note_lines.append(line)
            elif not (_CLOSING.match(line.text.strip()) or _only_date(line.text)):
                kept.append(line)
        if kept:
            paragraphs.append((kept, gap))
    numbers = frozenset(n[0] for line in note_lines if (n := note_line(line.text)))
    blocks: list[Block] = []
    for kept, gap in paragraphs:
        for k, para in enumerate(_paragraphs(kept)):
            unnumbered = tuple(_unnumbered(line, numbers) for line in para)
            blocks.append(Block("paragraph", unnumbered, gap if k == 0 else 0, alone=True))
    if note_lines:
        blocks.append(Block("notes", tuple(note_lines), 1))
    return blocks, meta


def _only_date(text: str) -> bool:
    found = find_figures(text.strip())
    return (
        len(found) == 1
        and found[0].kind == "date"
        and found[0].end - found[0].start >= (len(text.strip()) - 1)
    )
