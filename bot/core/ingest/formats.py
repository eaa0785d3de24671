"""Source formats: one reader per file format, each turning raw text into numbered blocks.

A reader only cuts a file into blocks (paragraphs, headings, lists, block quotes, notes) and
keeps every line's number; it never decides what a block means for the article (title, pull
quote, page break...). That is the layout step's job, shared by every format, so a new format
(HTML, PDF text) only needs a new reader here. Readers must never do I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, Protocol

BlockKind = Literal["paragraph", "heading", "list", "quote", "notes", "image"]

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)

LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d{1,3}[.)])\s+\S")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
_MD_FOOTNOTE_DEF = re.compile(r"^\[\^(\d{1,3})\]:\s*(.*)$")
_MD_FOOTNOTE_REF = re.compile(r"\[\^(\d{1,3})\]")
_MD_IMAGE_ONLY = re.compile(r"^!\[([^\]]*)\]\([^)]*\)\s*$")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*\)")
_MD_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_MD_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_MD_CODE = re.compile(r"`([^`]+)`")


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One non-blank line of a source file with its 1-based line number."""

    text: str
    number: int


@dataclass(frozen=True, slots=True)
class Block:
    """A run of lines the format marks as one unit.

    `gap_before` counts the blank lines before the block (print exports mark layout breaks
    with longer runs); `level` is the heading level where the format gives one (0 = unknown).
    For lists and notes each line is one item, wrapped continuation lines already appended.
    """

    kind: BlockKind
    lines: tuple[SourceLine, ...]
    gap_before: int = 0
    level: int = 0

    @property
    def line(self) -> int:
        """The 1-based line number the block starts on."""
        return self.lines[0].number if self.lines else 0

    @property
    def text(self) -> str:
        """The block's lines joined with single spaces (no de-hyphenation)."""
        return " ".join(line.text.strip() for line in self.lines)


class FormatReader(Protocol):
    """What every format reader offers: its suffixes and a text-to-blocks function."""

    suffixes: tuple[str, ...]

    def blocks(self, text: str) -> list[Block]:
        """Cut decoded text into blocks, keeping line numbers."""
        ...


def _raw_blocks(text: str) -> list[tuple[list[SourceLine], int]]:
    """Group consecutive non-blank lines; return each group with the blank lines before it."""
    groups: list[tuple[list[SourceLine], int]] = []
    current: list[SourceLine] = []
    gap = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip()
        if not line.strip():
            if current:
                groups.append((current, gap))
                current = []
                gap = 0
            gap += 1
            continue
        current.append(SourceLine(line, number))
    if current:
        groups.append((current, gap))
    return groups


def _split_lists(lines: list[SourceLine], gap: int) -> list[Block]:
    """Cut one group of lines into paragraph and list blocks (list items start with a marker)."""
    blocks: list[Block] = []
    run: list[SourceLine] = []
    run_is_list = False
    for line in lines:
        is_item = bool(LIST_ITEM.match(line.text))
        if is_item and not run_is_list:
            if run:
                blocks.append(Block("paragraph", tuple(run), gap if not blocks else 0))
            run, run_is_list = [line], True
        elif is_item:
            run.append(line)
        elif run_is_list and line.text[:1].isspace() and run:
            # an indented continuation of the previous item
            last = run[-1]
            run[-1] = SourceLine(f"{last.text.rstrip()} {line.text.strip()}", last.number)
        elif run_is_list:
            blocks.append(Block("list", tuple(run), gap if not blocks else 0))
            run, run_is_list = [line], False
        else:
            run.append(line)
    if run:
        blocks.append(Block("list" if run_is_list else "paragraph", tuple(run),
                            gap if not blocks else 0))
    return blocks


class TextReader:
    """Plain text as print exports produce it: blank lines separate blocks."""

    suffixes: tuple[str, ...] = (".txt",)

    def blocks(self, text: str) -> list[Block]:
        """Cut plain text into paragraph and list blocks."""
        out: list[Block] = []
        for lines, gap in _raw_blocks(text):
            out.extend(_split_lists(lines, gap))
        return out


def superscript(number: str) -> str:
    """Write a decimal number with superscript digits, as print footnote markers are."""
    return number.translate(_TO_SUPERSCRIPT)


def markdown_inline(text: str) -> str:
    """Reduce inline markdown to plain text: links, emphasis, code; `[^n]` becomes a marker."""
    text = _MD_FOOTNOTE_REF.sub(lambda m: superscript(m.group(1)), text)
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    text = _MD_STRONG.sub(r"\2", text)
    return _MD_EM.sub(r"\2", text)


class MarkdownReader:
    """Markdown: `#` headings, `>` block quotes, lists, `[^n]` footnotes, images.

    Inline markup is reduced to plain text, except that a block made only of a link keeps its
    markup (the header step reads `[Series](#)` lines).
    """

    suffixes: tuple[str, ...] = (".md", ".markdown")

    def blocks(self, text: str) -> list[Block]:
        """Cut markdown into typed blocks."""
        out: list[Block] = []
        notes: list[SourceLine] = []
        in_fence = False
        for lines, gap in _raw_blocks(text):
            kept: list[SourceLine] = []
            for line in lines:
                if _MD_FENCE.match(line.text):
                    in_fence = not in_fence
                    continue
                if not in_fence:
                    kept.append(line)
            out.extend(self._group(kept, gap, notes))
        if notes:
            out.append(Block("notes", tuple(notes)))
        return out

    def _group(self, lines: list[SourceLine], gap: int, notes: list[SourceLine]) -> list[Block]:
        blocks: list[Block] = []
        pending: list[SourceLine] = []

        def flush() -> None:
            if pending:
                blocks.extend(self._plain(list(pending), gap if not blocks else 0))
                pending.clear()

        quote: list[SourceLine] = []
        in_note = False
        for line in lines:
            heading = _MD_HEADING.match(line.text)
            quoted = _MD_QUOTE.match(line.text)
            footnote = _MD_FOOTNOTE_DEF.match(line.text)
            if quoted:
                flush()
                if quoted.group(1).strip():
                    quote.append(SourceLine(markdown_inline(quoted.group(1)), line.number))
                continue
            if quote:
                blocks.append(Block("quote", tuple(quote), gap if not blocks else 0))
                quote = []
            if heading:
                flush()
                blocks.append(Block("heading", (SourceLine(markdown_inline(heading.group(2)),
                                                            line.number),),
                                    gap if not blocks else 0, level=len(heading.group(1))))
            elif footnote:
                flush()
                notes.append(SourceLine(f"{footnote.group(1)} {footnote.group(2)}", line.number))
                in_note = True
                continue
            elif in_note and line.text[:1].isspace():
                last = notes[-1]
                notes[-1] = SourceLine(f"{last.text} {line.text.strip()}", last.number)
                continue
            elif _MD_RULE.match(line.text):
                flush()
            else:
                pending.append(line)
            in_note = False
        if quote:
            blocks.append(Block("quote", tuple(quote), gap if not blocks else 0))
        flush()
        return blocks

    def _plain(self, lines: list[SourceLine], gap: int) -> list[Block]:
        if len(lines) == 1 and _MD_IMAGE_ONLY.match(lines[0].text):
            alt = _MD_IMAGE_ONLY.match(lines[0].text)
            caption = markdown_inline(alt.group(1)) if alt else ""
            if not caption.strip():
                return []
            return [Block("image", (SourceLine(caption, lines[0].number),), gap)]
        if len(lines) == 1 and _MD_LINK.fullmatch(lines[0].text.strip()):
            return [Block("paragraph", tuple(lines), gap)]
        cleaned = [SourceLine(markdown_inline(line.text), line.number) for line in lines]
        return _split_lists(cleaned, gap)


READERS: tuple[FormatReader, ...] = (TextReader(), MarkdownReader())


def reader_for(suffix: str) -> FormatReader | None:
    """Return the reader for a file suffix (case-insensitive), or None if none handles it."""
    suffix = suffix.lower()
    for reader in READERS:
        if suffix in reader.suffixes:
            return reader
    return None


def supported_suffixes() -> tuple[str, ...]:
    """Every suffix some reader handles."""
    return tuple(s for reader in READERS for s in reader.suffixes)
