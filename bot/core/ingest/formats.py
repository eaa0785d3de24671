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

The readers (plain text in `text_reader.py`, Markdown, HTML, PDF, and the parsing libraries
they bring) are imported when a file of their format is first met: their content sniffers live
here, so telling formats apart loads none of them, and a build of plain-text seeds starts quickly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Literal, Protocol

from bot.core.model import GlossaryEntry, IngestIssue

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


def line_groups(lines: Sequence[str]) -> list[tuple[list[SourceLine], int]]:
    """Consecutive non-blank lines with their 1-based numbers, each with the blank run before."""
    groups: list[tuple[list[SourceLine], int]] = []
    current: list[SourceLine] = []
    gap = 0
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            if current:
                groups.append((current, gap))
                current, gap = [], 0
            gap += 1
        else:
            current.append(SourceLine(raw.rstrip(), number))
    if current:
        groups.append((current, gap))
    return groups


@dataclass(frozen=True, slots=True)
class Block:
    """A run of lines the format marks as one unit.

    `gap_before` counts the blank lines before the block (print exports mark layout breaks
    with longer runs); `level` is the heading level where the format gives one (0 = unknown).
    For lists and notes each line is one item, wrapped continuation lines already appended.
    `alone` marks a block that states its fact by itself (a table's row): no sentence left
    open before it goes on into it.
    """

    kind: BlockKind
    lines: tuple[SourceLine, ...]
    gap_before: int = 0
    level: int = 0
    alone: bool = False

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
    series: str | None = None  # the numbered series it belongs to ("Working Paper No. 14")
    keywords: tuple[str, ...] = ()  # tags or keywords the file lists (a hint to its subject)
    glossary: tuple[GlossaryEntry, ...] = ()  # a printed list of abbreviations, as printed
    # a signed message's first and last source line and its signer: "I" in it is the signer
    signed: tuple[tuple[int, int, str], ...] = ()


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
    # first source lines of the blocks a thematic break ("---", <hr>) stands before: a
    # speaker's turn never runs on across one (the sign-off after it is nobody's answer)
    breaks: frozenset[int] = frozenset()

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


def split_lists(lines: list[SourceLine], gap: int) -> list[Block]:
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


TEXT_SUFFIXES: tuple[str, ...] = (".txt",)


def looks_textual(head: bytes) -> bool:
    """Plain text is the fallback: anything without NUL bytes that is not PDF or markup."""
    return b"\x00" not in head and not head.lstrip().startswith((b"%PDF", b"<"))


def superscript(number: str) -> str:
    """Write a decimal number with superscript digits, as print footnote markers are."""
    return number.translate(_TO_SUPERSCRIPT)


def looks_like_markdown(head: bytes) -> bool:
    """A front matter fence or ATX headings and footnote definitions tell Markdown apart."""
    text = head[:4096].decode("utf-8", "ignore").lstrip("\ufeff")
    if text.startswith("+++\n") and re.search(r"^\w[\w-]*\s*=\s", text[4:200], re.M):
        return True
    if text.startswith("---\n") and re.search(r"^\w[\w-]*:\s", text[4:200], re.M):
        return True
    return bool(re.search(r"^#{1,6} \S", text, re.M)) and bool(
        re.search(r"^\[\^[^\]]+\]:|\]\((?:https?://|#)|^\*\*[^*\n]+\*\*\s*$", text, re.M)
    )


_HTML_HEAD = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head)", re.I | re.S
)
_UTF16_HEAD = re.compile(rb"^(?:\xff\xfe|\xfe\xff)")


def looks_like_html(head: bytes) -> bool:
    """A doctype, `<html` or `<head` near the start (BOM and whitespace allowed)."""
    if _UTF16_HEAD.match(head):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    head = head.removeprefix(b"\xef\xbb\xbf")[:1024]
    return bool(_HTML_HEAD.match(head))


def looks_like_pdf(head: bytes) -> bool:
    """A PDF starts with `%PDF-` (after blanks, or after binary junk some writers add).

    A text that only mentions "%PDF-" further in is not a PDF.
    """
    at = head.find(b"%PDF-", 0, 1024)
    if at < 0:
        return False
    before = head[:at]
    return not before.strip(b" \t\r\n\x00\xef\xbb\xbf") or b"\x00" in before


def _text_reader() -> FormatReader:
    from bot.core.ingest.text_reader import TextReader

    return TextReader()


def _markdown_reader() -> FormatReader:
    from bot.core.ingest.markdown import MarkdownReader

    return MarkdownReader()


def _html_reader() -> FormatReader:
    from bot.core.ingest.html import HtmlReader

    return HtmlReader()


def _pdf_reader() -> FormatReader:
    from bot.core.ingest.pdf import PdfReader

    return PdfReader()


@dataclass(frozen=True)
class _Format:
    """A format: its suffixes, its content sniffer, and how to make its reader."""

    suffixes: tuple[str, ...]
    sniff: Callable[[bytes], bool]
    make_reader: Callable[[], FormatReader] = field(repr=False)

    def reader(self) -> FormatReader:
        """The format's reader, made (and its module imported) on first use."""
        return _reader_of(self)


@cache
def _reader_of(found: _Format) -> FormatReader:
    return found.make_reader()


_TEXT = _Format(TEXT_SUFFIXES, looks_textual, _text_reader)
_MARKDOWN = _Format((".md", ".markdown", ".mdown", ".mkd"), looks_like_markdown, _markdown_reader)
_FORMATS: tuple[_Format, ...] = (
    _TEXT,
    _MARKDOWN,
    _Format((".html", ".htm", ".xhtml"), looks_like_html, _html_reader),
    _Format((".pdf",), looks_like_pdf, _pdf_reader),
)


def reader_for(suffix: str, head: bytes = b"") -> FormatReader | None:
    """Return the reader for a file: by suffix (case-insensitive), else by its first bytes.

    A file whose content shows another format than its suffix (a PDF saved as `.txt`) goes to
    the reader its content names; a known suffix with ambiguous content keeps its reader (a
    `.txt` that happens to look like Markdown stays plain text). An unknown suffix is read by
    the reader that recognises its content; a file without a suffix falls back to plain text.
    """
    suffix = suffix.lower()
    by_suffix = next((f for f in _FORMATS if suffix in f.suffixes), None)
    sniffed = [f for f in _FORMATS if f is not _TEXT and f.sniff(head)]
    if by_suffix is not None:
        strong = [f for f in sniffed if f is not _MARKDOWN]
        if strong and by_suffix not in strong and by_suffix is not _MARKDOWN:
            return strong[0].reader()
        return by_suffix.reader()
    if sniffed:
        return sniffed[0].reader()
    if not suffix and head and _TEXT.sniff(head):
        return _TEXT.reader()
    return None


def supported_suffixes() -> tuple[str, ...]:
    """Every suffix some reader handles."""
    return tuple(s for found in _FORMATS for s in found.suffixes)
