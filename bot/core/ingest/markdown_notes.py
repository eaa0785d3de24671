"""A Markdown document's notes.

Footnote numbers, and a numbered list after the last rule or under a Notes heading lifted into
the notes block, its "[1]" markers made superscripts.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from bot.core.ingest.formats import Block, SourceLine, superscript
from bot.core.ingest.markdown_lines import with_url
from bot.core.ingest.markdown_walker import MarkdownWalker

NUMBERED_ITEM = re.compile(r"^\s*\[?(\d{1,5})\]?(?:\\?[.)]|\s)")
_NOTES_HEADING = re.compile(
    r"^(?:(?:end|foot)?notes?|references|sources|bibliography|works cited|citations)$", re.I
)
_BIBLIOGRAPHY = re.compile(r"^(?:references|bibliography|works cited|literature)$", re.I)
_BRACKET_REF = re.compile(r"(?<=[^\s\[(]) ?\[(\d{1,4})\](?!\()")  # "claim.[3]", "month [1]."


def footnote_numbers(tokens: list[Token]) -> dict[str, int]:
    """Note numbers for footnote labels.

    The label itself when every label is a number, else the order of first reference (as
    Markdown renders them).
    """
    labels: dict[str, int] = {}
    for token in tokens:
        for t in [token, *(token.children or [])]:
            if t.type in ("footnote_ref", "footnote_reference_open") and "label" in t.meta:
                labels.setdefault(str(t.meta["label"]), len(labels) + 1)
    if labels and all(label.isdigit() for label in labels):
        return {label: int(label) for label in labels}
    return labels


def _numbered_run(blocks: list[Block], start: int) -> int:
    """How many blocks from `start` read as numbered notes (paragraphs or ordered items)."""
    k = start
    while (
        k < len(blocks)
        and blocks[k].kind in ("paragraph", "list")
        and all(NUMBERED_ITEM.match(line.text) for line in blocks[k].lines)
    ):
        k += 1
    return k - start


def lift_notes(walker: MarkdownWalker) -> list[Block]:
    """Move numbered notes after the last rule, or under a Notes heading, into the notes."""
    blocks = walker.blocks
    notes: list[SourceLine] = []
    out: list[Block] = []
    k = 0
    last_rule = walker.rules[-1] if walker.rules else None
    while k < len(blocks):
        block = blocks[k]
        heading = block.kind == "heading" and _NOTES_HEADING.match(block.text.strip(" :*_#"))
        after_rule = (
            last_rule is not None
            and k >= last_rule
            and (k == last_rule or not any(b.kind == "heading" for b in blocks[last_rule:k]))
        )
        run = _numbered_run(blocks, k + 1 if heading else k)
        if heading and run == 0 and _BIBLIOGRAPHY.match(block.text.strip(" :*_#")):
            k += 1  # a bibliography: reference matter, not article text
            while (
                k < len(blocks)
                and blocks[k].kind in ("paragraph", "list")
                and k not in walker.rules
                and not _numbered_run(blocks, k)
            ):
                k += 1
            continue
        if (heading or after_rule) and run:
            start = k + 1 if heading else k
            for b in blocks[start : start + run]:
                for line in b.lines:
                    text = re.sub(r"^\s*\[?(\d{1,5})\]?\\?[.)]?\s*", r"\1 ", line.text)
                    text = with_url(text, walker.urls.get(line.number))
                    notes.append(SourceLine(text, line.number, line.page))
            k = start + run
            continue
        out.append(block)
        k += 1
    if walker.notes or notes:
        out = [_bracket_markers(b) for b in out]
        out.append(Block("notes", tuple(notes + walker.notes)))
    return out


def _bracket_markers(block: Block) -> Block:
    """In a document with notes, "claim.[3]" or "claim [3]." cites note 3 (a marker, not text)."""
    if block.kind not in ("paragraph", "list", "quote"):
        return block
    lines = tuple(
        SourceLine(
            _BRACKET_REF.sub(lambda m: superscript(m.group(1)), line.text), line.number, line.page
        )
        for line in block.lines
    )
    return Block(block.kind, lines, block.gap_before, block.level)
