"""Source formats: one reader per file format, each turning a file's bytes into a `SourceDocument`.

A reader cuts a file into blocks (paragraphs, headings, lists, block quotes, captions, notes),
keeps every line's number (and page, where the format has pages) and passes on the metadata the
format states outright (front matter, HTML meta tags, PDF document info). It never decides what a
block means for the article (title, pull quote, page break...): that is the layout step's job,
shared by every format, so a new format only needs a new reader. Readers must never do I/O.

Block kinds: "paragraph", "heading" (with `level` where known), "list" (one item a line),
"quote" (a block quote), "image" (a figure's or table's caption, its credit or Source line
included), "notes" (one note a line, each line starting with its number: "12 Text of note").
Footnote markers inside text are written as superscript digits (`superscript("12")`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal, Protocol

from bot.core.ingest.decoding import decode
from bot.core.model import IngestIssue

BlockKind = Literal["paragraph", "heading", "list", "quote", "notes", "image"]

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)

LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d{1,3}[.)])\s+\S")


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One non-blank line of a source file with its 1-based line number.

    `page` is the page the line is printed on, as a citation gives it (the printed page number
    where the document shows one, else the 1-based page index); None for formats without pages.
    """

    text: str
    number: int
    page: str | None = None


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


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """Metadata a format states outright; each field None (or empty) when the file is silent.

    The layout step still reads the printed header; these values win over it, and the sidecar
    TOML wins over both.
    """

    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None  # ISO (YYYY, YYYY-MM or YYYY-MM-DD) where it can be read
    url: str | None = None
    publication: str | None = None
    language: str | None = None
    keywords: tuple[str, ...] = ()  # tags or keywords the file lists (a hint to its subject)


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """What a reader makes of one file: its blocks in reading order and its stated metadata."""

    blocks: tuple[Block, ...]
    meta: DocumentMeta = DocumentMeta()
    # True when the format marks every heading (Markdown, HTML): no heading is guessed by shape
    explicit_headings: bool = False
    # True when the format marks every paragraph and has no page breaks (Markdown, HTML):
    # two paragraphs are never joined as one cut by a page break
    explicit_paragraphs: bool = False

    @property
    def text(self) -> str:
        """Every line of every block, one a line (for vocabulary statistics)."""
        return "\n".join(line.text for block in self.blocks for line in block.lines)


class FormatReader(Protocol):
    """What every format reader offers: its suffixes, a content sniffer and a reader."""

    suffixes: tuple[str, ...]

    def sniff(self, head: bytes) -> bool:
        """Whether a file's first bytes (up to 4 KiB) show it is in this format."""
        ...

    def read(self, data: bytes, file: str) -> tuple[SourceDocument | None, list[IngestIssue]]:
        """Read a file's bytes; None (with an error naming `file`) when nothing is readable."""
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
            run[-1] = replace(last, text=f"{last.text.rstrip()} {line.text.strip()}")
        elif run_is_list:
            blocks.append(Block("list", tuple(run), gap if not blocks else 0))
            run, run_is_list = [line], False
        else:
            run.append(line)
    if run:
        blocks.append(
            Block("list" if run_is_list else "paragraph", tuple(run), gap if not blocks else 0)
        )
    return blocks


class _DecodedTextReader:
    """Shared by the readers of plain-text formats: decode, then cut into blocks."""

    def blocks(self, text: str) -> list[Block]:
        """Cut decoded text into blocks, keeping line numbers."""
        raise NotImplementedError

    def meta(self, text: str) -> DocumentMeta:
        """Metadata the text states outright (none, for plain text)."""
        return DocumentMeta()

    def read(self, data: bytes, file: str) -> tuple[SourceDocument | None, list[IngestIssue]]:
        """Decode the bytes (see `decode`) and cut the text into blocks."""
        text, issues = decode(data, file)
        if text is None:
            return None, issues
        return SourceDocument(tuple(self.blocks(text)), self.meta(text)), issues


def _looks_textual(head: bytes) -> bool:
    return b"\x00" not in head and not head.lstrip().startswith((b"%PDF", b"<"))


class TextReader(_DecodedTextReader):
    """Plain text as print exports produce it: blank lines separate blocks."""

    suffixes: tuple[str, ...] = (".txt",)

    def sniff(self, head: bytes) -> bool:
        """Plain text is the fallback: anything without NUL bytes that is not PDF or markup."""
        return _looks_textual(head)

    def read(self, data: bytes, file: str) -> tuple[SourceDocument | None, list[IngestIssue]]:
        """Decode the bytes; a print export (page markers) goes through `print_export`."""
        text, issues = decode(data, file)
        if text is None:
            return None, issues
        from bot.core.ingest.print_export import (
            is_print_export,
            mark_plain_markers,
            read_print_export,
        )

        if is_print_export(text):
            blocks, meta = read_print_export(text)
            return SourceDocument(tuple(blocks), meta), issues
        text = mark_plain_markers(text)
        return SourceDocument(tuple(self.blocks(text)), self.meta(text)), issues

    def blocks(self, text: str) -> list[Block]:
        """Cut plain text into paragraph and list blocks."""
        out: list[Block] = []
        for lines, gap in _raw_blocks(text):
            out.extend(_split_lists(lines, gap))
        return out


def superscript(number: str) -> str:
    """Write a decimal number with superscript digits, as print footnote markers are."""
    return number.translate(_TO_SUPERSCRIPT)


from bot.core.ingest.html import HtmlReader  # noqa: E402  (it builds on the blocks above)
from bot.core.ingest.markdown import MarkdownReader  # noqa: E402  (it builds on the types above)
from bot.core.ingest.pdf import PdfReader  # noqa: E402  (it builds on the blocks above)

READERS: tuple[FormatReader, ...] = (TextReader(), MarkdownReader(), HtmlReader(), PdfReader())


def reader_for(suffix: str, head: bytes = b"") -> FormatReader | None:
    """Return the reader for a file: by suffix (case-insensitive), else by its first bytes.

    A file whose content shows another format than its suffix (a PDF saved as `.txt`) goes to
    the reader its content names; a known suffix with ambiguous content keeps its reader (a
    `.txt` that happens to look like Markdown stays plain text). An unknown suffix is read by
    the reader that recognises its content; a file without a suffix falls back to plain text.
    """
    suffix = suffix.lower()
    by_suffix = next((r for r in READERS if suffix in r.suffixes), None)
    sniffed = [r for r in READERS if not isinstance(r, TextReader) and r.sniff(head)]
    if by_suffix is not None:
        strong = [r for r in sniffed if not isinstance(r, MarkdownReader)]
        if strong and by_suffix not in strong and not isinstance(by_suffix, MarkdownReader):
            return strong[0]
        return by_suffix
    if sniffed:
        return sniffed[0]
    if not suffix and head:
        return next((r for r in READERS if isinstance(r, TextReader) and r.sniff(head)), None)
    return None


def supported_suffixes() -> tuple[str, ...]:
    """Every suffix some reader handles."""
    return tuple(s for reader in READERS for s in reader.suffixes)
