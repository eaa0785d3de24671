"""A fact check's labelled parts: the claim, who made it, the verdict, the findings, the sources.

A fact-checking desk prints its article in parts, each opened by a label in capitals and a
colon: 'CLAIM: "…"', "WHO SAID IT: …", "VERDICT: FALSE", "THE FACTS:", "RATING: …",
"SOURCES:". A text is one when a claim's label and a verdict's (or rating's, ruling's) open
paragraphs of it. Then every such label heads its part (a section, never a speaker; a short
value on its line, "VERDICT: MISLEADING", stays in the heading); the claim is a quote by the
person the line naming its maker gives ("WHO SAID IT: Health Secretary Jo Park, speaking …":
the name before the first comma, titles dropped), that line staying text; and a "[1] …" list
under a sources label is the notes list, the "[1]" markers in the text citing it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.core.ingest.formats import Block, SourceLine, superscript
from bot.core.ingest.names import clean_name
from bot.core.ingest.notes import NOTES_HEADING

_LABEL = re.compile(r"^\s*([A-Z][A-Z'’]*(?:\s+[A-Z][A-Z'’]*){0,3})\s*:\s*(.*)$")
_CLAIM = frozenset({"CLAIM", "THE CLAIM"})
_JUDGED = frozenset({"VERDICT", "OUR VERDICT", "RATING", "OUR RATING", "RULING", "OUR RULING"})
_MAKER = frozenset({"WHO SAID IT", "SAID BY", "CLAIMED BY", "WHO CLAIMED IT", "SOURCE OF CLAIM"})
_NOTE = re.compile(r"^\s*\[(\d{1,3})\]\s+(\S.*)$")
_MARKER = re.compile(r"\s?\[(\d{1,3})\](?=[\s.,;:)]|$)")
_VALUE_WORDS = 4  # "VERDICT: MISLEADING": a value this short stays in its heading


def _label(block: Block) -> tuple[str, str] | None:
    if block.kind != "paragraph" or not block.lines:
        return None
    match = _LABEL.match(block.lines[0].text)
    return (" ".join(match.group(1).split()), match.group(2).strip()) if match else None


def is_fact_check(blocks: Sequence[Block]) -> bool:
    """Whether paragraphs open with a claim's label and a verdict's or rating's."""
    labels = {found[0] for block in blocks if (found := _label(block))}
    return bool(labels & _CLAIM) and bool(labels & _JUDGED)


def _heading(label: str, line: SourceLine, value: str = "") -> Block:
    text = label.capitalize() + (f": {value}" if value else "")
    return Block("heading", (replace(line, text=text),), 1)


def _maker(text: str) -> str | None:
    """The person a claim's maker line names: "Health Secretary Jo Park, speaking …" → Jo Park."""
    name = clean_name(text.split(",")[0].strip().rstrip("."))
    return name if name and len(name.split()) >= 2 else None


def fact_check_parts(blocks: Sequence[Block]) -> list[Block]:
    """A fact check's blocks with its labels as headings, its claim quoted, its sources notes."""
    out: list[Block] = []
    notes: list[SourceLine] = []
    claim_at: int | None = None
    in_sources = False
    for block in blocks:
        found = _label(block)
        if in_sources and found is None and all(_NOTE.match(line.text) for line in block.lines):
            notes.extend(_notes(block.lines))
            continue
        in_sources = False
        if found is None:
            out.append(block)
            continue
        label, value = found
        first, rest = block.lines[0], block.lines[1:]
        if label in _MAKER:
            name = _maker(value)
            if name and claim_at is not None:
                claim = out[claim_at]
                credit = replace(first, text=f"— {name}")
                out[claim_at] = Block("quote", (*claim.lines, credit), claim.gap_before)
            out.append(Block("paragraph", (replace(first, text=value), *rest), block.gap_before))
            continue
        if NOTES_HEADING.match(label.lower()) and not value:
            listed = [line for line in rest if _NOTE.match(line.text)]
            if len(listed) == len(rest):
                notes.extend(_notes(listed))
                in_sources = True
                continue
        short = not rest and len(value.split()) <= _VALUE_WORDS and not value.endswith(".")
        out.append(_heading(label, first, value if short else ""))
        if value and not short:
            lines = (replace(first, text=value), *rest)
            if label in _CLAIM:
                claim_at = len(out)
            out.append(Block("paragraph", lines))
    numbers = {int(line.text.split()[0]) for line in notes}
    if numbers:
        out = [_with_markers(block, numbers) for block in out]
        out.append(Block("notes", tuple(notes)))
    return out


def _notes(lines: Sequence[SourceLine]) -> list[SourceLine]:
    return [
        replace(line, text=f"{m.group(1)} {m.group(2).strip()}")
        for line in lines
        if (m := _NOTE.match(line.text))
    ]


def _with_markers(block: Block, numbers: set[int]) -> Block:
    """A block whose "[1]" markers citing a listed note are superscripts."""
    if block.kind not in ("paragraph", "list", "quote"):
        return block

    def mark(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return superscript(str(number)) if number in numbers else match.group(0)

    lines = tuple(replace(line, text=_MARKER.sub(mark, line.text)) for line in block.lines)
    return replace(block, lines=lines)
