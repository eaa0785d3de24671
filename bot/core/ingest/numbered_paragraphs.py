"""Official documents with numbered paragraphs, as plain text (a consultation response, a report).

Such a document opens with a title block (the issuing body above the title, a subtitle, labelled
"Published:" and "Reference:" lines), perhaps a "Contents" list repeating the headings, then
numbered section headings ("2. Overview of responses") over decimal-numbered paragraphs ("2.1
The consultation received …"), labelled headings ("Question 3: …", "Annex A: …"), "Table N:"
titles, a "Notes" list numbered "[1]", group labels over indented lists of names, and a closing
copyright footer. Every paragraph states its own point and its number is no text; the contents
list, the footer and "Page N of M" lines are furniture.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.ingest.aligned_tables import aligned_rows
from bot.core.ingest.figures import find_figures, iso_date
from bot.core.ingest.formats import Block, DocumentMeta, SourceLine, line_groups
from bot.core.ingest.notes import heading_of_notes
from bot.core.ingest.organisations import headed

_PARAGRAPH_NUMBER = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?\s+(?=\S)")
_SECTION_HEADING = re.compile(r"^(\d{1,2})\.?\s+([A-Z][^.!?]{0,80})$")
# "Question 3: …", "Annex A: …", "Part 2: …": a labelled heading on a line of its own
_LABELLED_HEADING = re.compile(
    r"^(?:Question|Annex|Appendix|Part|Chapter|Section|Schedule)\s+"
    r"(?:\d{1,3}|[A-Z]|[IVX]{1,5})[.:]\s+\S.{0,150}$"
)
_TABLE_TITLE = re.compile(r"^(?:Table|Figure|Chart)\s+\d{1,3}[.:]\s+\S")
_FIELD = re.compile(r"^(Published|Date|Updated|Reference|Ref|Our ref)\s*:\s*(\S.*)$", re.I)
_BRACKET_NOTE = re.compile(r"^\[(\d{1,3})\]\s+(?=\S)")
# "© Crown copyright 2025", "(c) Office of … 2024": a short copyright line with its year
_FOOTER = re.compile(r"^(?:©|\(c\)\s|copyright\b)[^.]{0,80}\b(?:19|20)\d\d\b[^.]{0,40}$", re.I)
_PAGE_OF = re.compile(r"\bPage\s+\d{1,4}\s+of\s+\d{1,4}\s*$")
_MIN_PARAGRAPHS = 3
_MIN_HEADINGS = 2
_NAME_MAX_WORDS = 8  # a group label over indented names, or one of the names
_TITLE_BLOCK_MAX = 8  # lines of the title block read for the title, subtitle and fields


def _heading(line: str) -> bool:
    text = line.strip()
    return bool(_SECTION_HEADING.match(text) or _LABELLED_HEADING.match(text)) and (
        not text.endswith((".", ",", ";"))
    )


def _is_numbered(groups: Sequence[tuple[list[SourceLine], int]]) -> bool:
    """Decimal-numbered paragraphs under numbered headings that carry their first number."""
    majors = {
        int(m.group(1))
        for group, _ in groups
        if (m := _PARAGRAPH_NUMBER.match(group[0].text.strip()))
    }
    paragraphs = sum(bool(_PARAGRAPH_NUMBER.match(group[0].text.strip())) for group, _ in groups)
    headings = {
        int(m.group(1))
        for group, _ in groups
        if len(group) == 1 and (m := _SECTION_HEADING.match(group[0].text.strip()))
    }
    return paragraphs >= _MIN_PARAGRAPHS and len(headings & majors) >= _MIN_HEADINGS


def _title_meta(lines: Sequence[SourceLine]) -> DocumentMeta:
    """The title block: the issuer above the title, the subtitle, labelled date and reference."""
    date = series = None
    names: list[str] = []
    for line in lines[:_TITLE_BLOCK_MAX]:
        text = line.text.strip()
        if field := _FIELD.match(text):
            label = field.group(1).lower()
            if label.startswith("ref") or label == "our ref":
                series = series or field.group(2).strip()
            else:
                found = [f for f in find_figures(field.group(2)) if f.kind == "date"]
                date = date or (iso_date(found[0]) if found else None)
        else:
            names.append(text)
    publication = None
    if len(names) >= 2 and headed(names[0].split()) and not names[0].endswith((".", ":")):
        publication = names.pop(0)
    return DocumentMeta(
        title=names[0] if names else None,
        subtitle=names[1] if len(names) > 1 else None,
        date=date,
        publication=publication,
        series=series,
    )


def _short(text: str) -> bool:
    """A label's or a listed name's length, with no sentence's closing stop."""
    return len(text.split()) <= _NAME_MAX_WORDS and not text.rstrip().endswith((".", ",", ";"))


def _unnumbered(line: SourceLine) -> SourceLine:
    return SourceLine(_PARAGRAPH_NUMBER.sub("", line.text.strip(), count=1), line.number)


def _paragraph_blocks(group: Sequence[SourceLine], gap: int) -> list[Block]:
    """A group cut where a numbered paragraph starts; group labels over indented names a list."""
    indented = [line for line in group[1:] if line.text[:1].isspace() and _short(line.text)]
    if (
        len(group) > 2
        and len(indented) == len(group) - 1
        and not group[0].text[:1].isspace()
        and _short(group[0].text)
        and not _PARAGRAPH_NUMBER.match(group[0].text)
    ):
        label = Block("heading", (group[0],), gap, level=4)
        items = tuple(SourceLine(line.text.strip(), line.number) for line in group[1:])
        return [label, Block("list", items, alone=True)]
    out: list[list[SourceLine]] = []
    for line in group:
        if _PARAGRAPH_NUMBER.match(line.text.strip()) or not out:
            out.append([_unnumbered(line)])
        else:
            out[-1].append(line)
    return [
        Block("paragraph", tuple(lines), gap if k == 0 else 0, alone=True)
        for k, lines in enumerate(out)
    ]


def _body_start(groups: Sequence[tuple[list[SourceLine], int]]) -> tuple[int, int]:
    """Where the title block ends and where the body starts (after any contents list)."""
    for k, (group, _) in enumerate(groups):
        first = group[0].text.strip()
        if first.lower().rstrip(":") == "contents" and len(group) == 1:
            at = k + 1
            listed: set[str] = set()
            # the list ends where its first heading comes again, over the body
            while (
                at < len(groups)
                and all(_heading(line.text) for line in groups[at][0])
                and groups[at][0][0].text.strip() not in listed
            ):
                listed.update(line.text.strip() for line in groups[at][0])
                at += 1
            return k, at
        if _heading(first) or _PARAGRAPH_NUMBER.match(first):
            return k, k
    return 0, 0


def _numbered_after(groups: Sequence[tuple[list[SourceLine], int]], at: int) -> bool:
    """Whether a numbered paragraph or heading still follows group `at` (no footer then)."""
    return any(
        _PARAGRAPH_NUMBER.match(group[0].text.strip()) or _heading(group[0].text)
        for group, _ in groups[at + 1 :]
    )


def read_numbered_document(text: str) -> tuple[list[Block], DocumentMeta] | None:
    """A numbered-paragraph document's blocks (each paragraph alone) and title block; else None."""
    raw = text.split("\n")
    if not _is_numbered(line_groups(raw)):
        return None
    rows = aligned_rows(raw)  # a space-aligned table: a sentence a row, the header out
    groups = line_groups([rows.get(k, line) for k, line in enumerate(raw)])
    end, start = _body_start(groups)
    meta = _title_meta([line for group, _ in groups[:end] for line in group])
    blocks: list[Block] = []
    notes: list[SourceLine] = []
    in_notes = False
    for at, (group, gap) in enumerate(groups[start:], start=start):
        lines = [line for line in group if not _PAGE_OF.search(line.text)]
        if not lines:
            continue
        first = lines[0].text.strip()
        if _FOOTER.match(first) and blocks and not _numbered_after(groups, at):
            break  # the copyright footer and the lines under it close the document
        if len(lines) == 1 and heading_of_notes(lines[0]):
            in_notes = True
            continue
        if in_notes and all(_BRACKET_NOTE.match(line.text.strip()) for line in lines):
            for line in lines:
                note = _BRACKET_NOTE.sub(lambda m: f"{m.group(1)} ", line.text.strip(), count=1)
                notes.append(SourceLine(note, line.number))
            continue
        in_notes = False
        if any(line.number - 1 in rows for line in lines):
            blocks.extend(Block("paragraph", (line,), gap, alone=True) for line in lines)
        elif len(lines) == 1 and _heading(first):
            level = 2 if _SECTION_HEADING.match(first) else 3
            blocks.append(Block("heading", (lines[0],), gap, level=level))
        elif _TABLE_TITLE.match(first) and len(lines) == 1:
            blocks.append(Block("paragraph", (lines[0],), gap, alone=True))
        else:
            blocks.extend(_paragraph_blocks(lines, gap))
    if notes:
        blocks.append(Block("notes", tuple(notes), 1))
    return blocks, meta


_POINT = re.compile(r"^\s*(\d{1,2})[.)]\s+(?=[A-Z\"“‘])")
_CLOSED = re.compile(r"[.!?][\"”’)]?\s*$")


def numbered_points(blocks: Sequence[Block]) -> list[Block]:
    """Blocks with the numbers off a run of numbered points, each a paragraph of its own.

    Two or more blocks in a row, each one item set apart by blank lines, opening with its
    number (1, 2, 3 … in order) and stating whole sentences ("2. We will offer advice …"):
    the numbers only count the points, so each point reads as a paragraph without it. Steps
    stacked in one block, labels without a full stop ("1. Photograph the damage") and points
    with other text between them keep their numbers.
    """
    out = list(blocks)
    k = 0
    while k < len(out):
        run = 0
        while k + run < len(out) and _point(out[k + run], run + 1):
            run += 1
        if run >= _MIN_HEADINGS:
            for j in range(k, k + run):
                first, *rest = out[j].lines
                cut = _POINT.match(first.text)
                text = first.text[cut.end() :] if cut else first.text
                out[j] = Block(
                    "paragraph",
                    (SourceLine(text, first.number, first.page), *rest),
                    out[j].gap_before,
                )
        k += max(run, 1)
    return out


def _point(block: Block, number: int) -> bool:
    """Whether a block is numbered point `number`: one item alone, whole sentences."""
    match = _POINT.match(block.lines[0].text) if block.lines else None
    return (
        match is not None
        and int(match.group(1)) == number
        and block.kind in ("paragraph", "list")
        and block.gap_before > 0
        and not any(_POINT.match(line.text) for line in block.lines[1:])
        and bool(_CLOSED.search(block.lines[-1].text))
    )
