"""Print and PDF-to-text exports: pages, furniture, cover, notes and markers, then blocks.

An export is text with page markers (`===== PDF_PAGE 3 =====`, `--- Page 3 ---`, form feeds).
In order: its pages with their furniture and back matter dropped (`print_pages`), the cover's
metadata (`print_cover`), the notes out of the text (`print_notes`, or "*"/"†" symbol notes),
a closing signature cut, a space-aligned table's rows kept and a flattened table dropped, drop
caps and words split over lines joined, the note markers read in sequence as superscripts
(`print_markers`), then the lines grouped into blocks (`print_blocks`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.ingest.closing_signature import closing_signature
from bot.core.ingest.formats import Block, DocumentMeta, SourceLine, superscript
from bot.core.ingest.print_blocks import aligned_table_rows, drop_flattened_tables, read_blocks
from bot.core.ingest.print_cover import read_cover
from bot.core.ingest.print_lines import PrintLine
from bot.core.ingest.print_markers import MarkerSequence
from bot.core.ingest.print_markers import mark_plain_markers as mark_plain_markers
from bot.core.ingest.print_notes import split_endnotes, split_page_notes
from bot.core.ingest.print_pages import (
    PAGE_END,
    PAGE_MARK,
    drop_back_matter,
    drop_furniture,
    read_pages,
    title_from_running,
)
from bot.core.ingest.symbol_notes import symbol_notes

_SHORT_WORDS = frozenset(
    "a an am as at be by do go he if in is it me my no of on or so to up us we ok".split()
)
_KERN = re.compile(r"\b([TVWY]) ([aeiouhr][a-z]+)\b")


def is_print_export(text: str) -> bool:
    """Whether a text is a print export: two or more page markers (or form feeds)."""
    marks = sum(
        1
        for line in text.split("\n", 20000)[:20000]
        if PAGE_MARK.match(line) or PAGE_END.match(line)
    )
    return marks >= 2 or text.count("\f") >= 2


def _repair(lines: list[PrintLine]) -> list[PrintLine]:
    """Join drop caps, words split over lines and kerning splits.

    "A" + "mid", "ma" + "nufacturing", "i" + "ncluding", "Y our".
    """
    out: list[PrintLine] = []
    for line in lines:
        text = _KERN.sub(lambda m: m.group(1) + m.group(2), line.text)
        if out and text[:1].islower():
            prev = out[-1].text.rstrip()
            last = prev.rsplit(" ", 1)[-1]
            if (len(prev) == 1 and prev.isupper()) or (
                1 <= len(last) <= 2
                and last.isalpha()
                and last.islower()
                and last not in _SHORT_WORDS
                and (len(last) == 1 or prev == last)  # "i" + "ncluding"; "ma" alone + "nufac…"
            ):
                out[-1] = PrintLine(prev + text.lstrip(), out[-1].number, out[-1].page, out[-1].gap)
                continue
        out.append(replace(line, text=text))
    return out


def read_print_export(text: str) -> tuple[list[Block], DocumentMeta]:
    """Cut a print export into blocks (notes block last) and the cover's metadata."""
    pages = read_pages(text)
    running = drop_furniture(pages)
    drop_back_matter(pages)
    meta = read_cover(pages)
    if meta.title is None:
        meta = title_from_running(pages, running)
    lines = [line for _, page_lines in pages for line in page_lines]
    lines, notes = split_endnotes(lines)
    if not notes:
        lines, notes = split_page_notes(lines)
    numbered = len(notes)  # symbol notes ("*", "†") carry their markers as superscripts
    if not notes:
        lines, notes = _symbol_notes(lines)
    lines, meta = _cut_signature(lines, meta)
    lines = _repair(drop_flattened_tables(aligned_table_rows(lines)))
    markers = MarkerSequence(numbered)
    marked: list[PrintLine] = []
    for line in lines:
        converted, moved = markers.convert(line.text, bool(marked))
        if moved and marked:
            marked[-1] = PrintLine(
                marked[-1].text.rstrip() + moved, marked[-1].number, marked[-1].page, marked[-1].gap
            )
        if converted.strip():
            marked.append(replace(line, text=converted))
    blocks = read_blocks(marked)
    if notes:
        blocks.append(Block("notes", tuple(notes)))
    return blocks, meta


def _symbol_notes(lines: list[PrintLine]) -> tuple[list[PrintLine], list[SourceLine]]:
    """Notes marked "*", "†": their lines out of the text, their markers superscripts."""
    found = symbol_notes(lines)
    if not found:
        return lines, []
    out = list(lines)
    for note in sorted(found, key=lambda n: (n.marker_line, -n.marker_start)):
        line = out[note.marker_line]
        text = line.text[: note.marker_start] + superscript(str(note.number))
        out[note.marker_line] = PrintLine(
            text + line.text[note.marker_end :], line.number, line.page, line.gap
        )
    gone = {k for note in found for k in note.lines}
    firsts = [lines[note.lines[0]] for note in found]
    notes = [
        SourceLine(f"{note.number} {note.text}", first.number, first.page)
        for note, first in zip(found, firsts, strict=True)
    ]
    return [line for k, line in enumerate(out) if k not in gone], notes


def _cut_signature(
    lines: list[PrintLine], meta: DocumentMeta
) -> tuple[list[PrintLine], DocumentMeta]:
    """The text without its closing signature block; the signer the author if none is known."""
    start = max((k for k, line in enumerate(lines) if line.gap), default=0)
    signed = closing_signature([line.text for line in lines[start:]]) if start else None
    if signed is None:
        return lines, meta
    return lines[:start], replace(
        meta, authors=meta.authors or (signed.signer,), date=meta.date or signed.date
    )
