"""The plain-text reader: a registry of "this text is a …" readers, tried in order.

A `.txt` file may be a caption file, a screen script (a bulletin's, a film's), a court
reporter's transcript, a print export, a court's judgment, an e-mail, a printed committee
hearing, a house's official report, a wire export, a syndicated column, a statistics bulletin,
a resolution, a judgment summary, a written answers export, an automatic transcript, a
podcast's show notes, a help centre's article, a numbered document, a document under a ruled
header or a letters page. Each kind has a reader of one signature, `(PlainText) ->
SourceDocument | None`: a document when the text is of its kind, else None. The first that
answers reads the file; a text of no special kind is read by the general path (blank lines
separate blocks), last.

The order matters because the kinds' signs overlap: the tighter sign goes first. A caption file
is read before the digit repair (its timecodes are digits), and so is a screen script (its
screen directions are signs no other kind shows); a court transcript's margin numbers
and a print export's page markers are read before plain note markers are marked (and so is
a judgment's parties block, whose "Between:" and roles no other kind shows); an e-mail's
header, a hearing's cover and a house's sitting header are stronger than the numbered
paragraphs or ruled header a message or a record may also show; a syndicated column (one story
under a slug) comes after the wire export of several stories; a statistics bulletin's masthead
is read off before the rest goes the general path; a letters page is only tried once the
closing signatures and symbol notes of a general text are cut.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from bot.core.ingest.decoding import decode
from bot.core.ingest.formats import (
    TEXT_SUFFIXES,
    Block,
    DocumentMeta,
    SourceDocument,
    SourceLine,
    line_groups,
    looks_textual,
    split_lists,
)
from bot.core.model import IngestIssue


@dataclass(frozen=True, slots=True)
class SignedOff:
    """A general text with its closing signatures and "*"/"†" notes cut, cut into blocks."""

    blocks: tuple[Block, ...]
    meta: DocumentMeta  # the signer as author, a statement's signatories
    notes: tuple[tuple[int, str], ...]  # (1-based source line, "N text")


class PlainText:
    """A decoded text file in the forms its readers take, each made once on first use."""

    def __init__(self, decoded: str) -> None:
        self.decoded = decoded

    @cached_property
    def repaired(self) -> str:
        """The text with a scan's "l998" read as 1998 (the digit 1 read as the letter l)."""
        from bot.core.ingest.ocr_text import repair_digits

        return repair_digits(self.decoded)

    @cached_property
    def marked(self) -> str:
        """The repaired text with its note numbers glued to words written as markers."""
        from bot.core.ingest.print_export import mark_plain_markers

        return mark_plain_markers(self.repaired)

    @cached_property
    def signed_off(self) -> SignedOff:
        """The marked text without its signature blocks and symbol notes, cut into blocks."""
        from bot.core.ingest.closing_signature import cut_closing_signature, cut_signatories
        from bot.core.ingest.signature_delimiter import cut_signature
        from bot.core.ingest.symbol_notes import cut_symbol_notes

        text, meta = cut_closing_signature(
            *cut_signatories(cut_signature(self.marked), DocumentMeta())
        )
        text, notes = cut_symbol_notes(text)  # "*", "†" notes under their paragraphs
        return SignedOff(tuple(text_blocks(text)), meta, tuple(notes))


TextKind = Callable[[PlainText], SourceDocument | None]


def _subtitle_export(text: PlainText) -> SourceDocument | None:
    """A caption file: timed cues, speaker tags."""
    from bot.core.ingest.subtitle_export import is_subtitle_export, read_subtitle_export

    if not is_subtitle_export(text.decoded):
        return None
    blocks, meta, unnamed = read_subtitle_export(text.decoded)
    return SourceDocument(tuple(blocks), meta, explicit_headings=True, breaks=unnamed)


def _screen_script(text: PlainText) -> SourceDocument | None:
    """A bulletin script or a film transcript: production fields, screen directions."""
    from bot.core.ingest.screen_scripts import read_screen_script

    if (script := read_screen_script(text.decoded)) is None:
        return None
    return SourceDocument(tuple(text_blocks(script[0])), script[1])


def _court_transcript(text: PlainText) -> SourceDocument | None:
    """A court reporter's transcript: margin line numbers, pages."""
    from bot.core.ingest.court_transcripts import read_court_transcript

    if (court := read_court_transcript(text.repaired)) is None:
        return None
    return SourceDocument(tuple(court[0]), court[1])


def _print_export(text: PlainText) -> SourceDocument | None:
    """A print export: page markers."""
    from bot.core.ingest.print_export import is_print_export, read_print_export

    if not is_print_export(text.repaired):
        return None
    blocks, meta = read_print_export(text.repaired)
    return SourceDocument(tuple(blocks), meta)


def _judgment(text: PlainText) -> SourceDocument | None:
    """A court's full judgment: front matter with a parties block, numbered paragraphs."""
    from bot.core.ingest.judgments import read_judgment

    if (judgment := read_judgment(text.repaired)) is None:
        return None
    return SourceDocument(tuple(judgment[0]), judgment[1], explicit_headings=True)


def _thread_export(text: PlainText) -> SourceDocument | None:
    """A discussion thread: a post and comments under "user | points | time" lines."""
    from bot.core.ingest.thread_export import read_thread_export

    if (thread := read_thread_export(text.marked)) is None:
        return None
    blocks, meta, breaks = thread
    return SourceDocument(
        tuple(blocks), meta, explicit_headings=True, explicit_paragraphs=True, breaks=breaks
    )


def _mail_digest(text: PlainText) -> SourceDocument | None:
    """A mailing-list digest: messages under their own headers, below the list's masthead."""
    from bot.core.ingest.mail_digest import read_mail_digest

    if (digest := read_mail_digest(text.marked)) is None:
        return None
    return SourceDocument(tuple(digest[0]), digest[1], explicit_headings=True)


def _email_export(text: PlainText) -> SourceDocument | None:
    """An e-mail export: From:/To:/Date:/Subject: header."""
    from bot.core.ingest.email_export import is_email_export, read_email_export

    if not is_email_export(text.marked):
        return None
    blocks, meta = read_email_export(text.marked)
    return SourceDocument(tuple(blocks), meta)


def _committee_hearing(text: PlainText) -> SourceDocument | None:
    """A printed committee hearing: a cover ("HEARING / BEFORE THE"), contents, the record."""
    from bot.core.ingest.committee_hearings import read_committee_hearing

    if (hearing := read_committee_hearing(text.repaired)) is None:
        return None
    return SourceDocument(tuple(hearing[0]), hearing[1], explicit_headings=True)


def _house_record(text: PlainText) -> SourceDocument | None:
    """A house's official report."""
    from bot.core.ingest.parliament import read_record

    if (record := read_record(text.marked)) is None:
        return None
    return SourceDocument(record.blocks, record.meta, explicit_headings=True)


def _wire_export(text: PlainText) -> SourceDocument | None:
    """An agency wire export of several stories."""
    from bot.core.ingest.wire_export import read_wire_export

    if (wire := read_wire_export(text.marked)) is None:
        return None
    return SourceDocument(tuple(wire[0]), wire[1])


def _syndicated_column(text: PlainText) -> SourceDocument | None:
    """A syndicate's column: slug, headline, byline and distribution line, an end marker."""
    from bot.core.ingest.syndicated_column import read_syndicated_column

    if (column := read_syndicated_column(text.marked)) is None:
        return None
    return SourceDocument(tuple(column[0]), column[1])


def _statistics_bulletin(text: PlainText) -> SourceDocument | None:
    """A bulletin under a masthead of wide-spaced cells (issuer, series, fields)."""
    from dataclasses import replace

    from bot.core.ingest.bulletin_masthead import bulletin_body, read_masthead

    if (masthead := read_masthead(text.marked)) is None:
        return None
    general = read_general(PlainText(bulletin_body(text.decoded, masthead)))
    found = masthead.meta
    meta = replace(
        general.meta,
        title=found.title,
        authors=found.authors or general.meta.authors,
        date=found.date or general.meta.date,
        publication=found.publication,
        series=found.series,
    )
    return SourceDocument(general.blocks, meta)


def _resolution(text: PlainText) -> SourceDocument | None:
    """A resolution: preamble, operative paragraphs, footnotes."""
    from bot.core.ingest.resolutions import read_resolution

    if (resolution := read_resolution(text.marked)) is None:
        return None
    return SourceDocument(tuple(resolution[0]), resolution[1], explicit_headings=True)


def _judgment_summary(text: PlainText) -> SourceDocument | None:
    """A court's press summary."""
    from bot.core.ingest.judgment_summaries import heading_apart, read_judgment_summary

    if (summary := read_judgment_summary(text.marked)) is None:
        return None
    return SourceDocument(tuple(heading_apart(text_blocks(summary[0]))), summary[1])


def _written_answers(text: PlainText) -> SourceDocument | None:
    """A written questions export: its entries, their subjects as headings."""
    from bot.core.ingest.written_answers import read_written_answers, subjects_as_headings

    if (answers := read_written_answers(text.marked)) is None:
        return None
    lines, subjects, meta = answers
    blocks = subjects_as_headings(text_blocks("\n".join(lines)), subjects)
    return SourceDocument(tuple(blocks), meta, explicit_headings=True)


def _help_article(text: PlainText) -> SourceDocument | None:
    """A help centre's saved article: breadcrumbs, "Updated 3 days ago", "Was this helpful?"."""
    from dataclasses import replace

    from bot.core.ingest.help_articles import cut_help_furniture, is_help_article

    if not is_help_article(text.decoded):
        return None
    cut, title = cut_help_furniture(text.decoded)
    document = read_general(PlainText(cut))
    if title is None or document.meta.title is not None:
        return document
    return replace(document, meta=replace(document.meta, title=title))


def _timed_transcript(text: PlainText) -> SourceDocument | None:
    """An automatic transcript export: turns under "Name  0:21" headers, the tool's block."""
    from bot.core.ingest.timed_turns import read_timed_transcript

    if (timed := read_timed_transcript(text.marked)) is None:
        return None
    return SourceDocument(tuple(timed[0]), timed[1])


def _show_notes(text: PlainText) -> SourceDocument | None:
    """A podcast episode's show notes: the episode's line, parts under capital labels."""
    from bot.core.ingest.show_notes import read_show_notes

    if (notes := read_show_notes(text.marked)) is None:
        return None
    return SourceDocument(tuple(notes[0]), notes[1], explicit_headings=True)


def _numbered_document(text: PlainText) -> SourceDocument | None:
    """An official document of numbered paragraphs under numbered headings."""
    from bot.core.ingest.numbered_paragraphs import read_numbered_document

    if (numbered := read_numbered_document(text.marked)) is None:
        return None
    return SourceDocument(tuple(numbered[0]), numbered[1], explicit_headings=True)


def _ruled_header(text: PlainText) -> SourceDocument | None:
    """A header of field lines above a rule ("-----")."""
    from bot.core.ingest.ruled_header import read_ruled_header

    lines = text.marked.split("\n")
    if (ruled := read_ruled_header(lines)) is None:
        return None
    # the header's lines leave the text (their line numbers stay); its cast lines stay
    body = [line if k > ruled.rule or k in ruled.kept else "" for k, line in enumerate(lines)]
    return SourceDocument(tuple(text_blocks("\n".join(body))), ruled.meta)


def _letters_page(text: PlainText) -> SourceDocument | None:
    """A newspaper's letters page (a text with symbol notes is none)."""
    from bot.core.ingest.letters_page import read_letters_page

    signed_off = text.signed_off
    if signed_off.notes or (page := read_letters_page(signed_off.blocks)) is None:
        return None
    return SourceDocument(tuple(page[0]), page[1], explicit_headings=True)


TEXT_KINDS: tuple[TextKind, ...] = (
    _subtitle_export,
    _screen_script,
    _court_transcript,
    _print_export,
    _judgment,
    _thread_export,
    _mail_digest,
    _email_export,
    _committee_hearing,
    _house_record,
    _wire_export,
    _syndicated_column,
    _statistics_bulletin,
    _resolution,
    _judgment_summary,
    _written_answers,
    _timed_transcript,
    _show_notes,
    _help_article,
    _numbered_document,
    _ruled_header,
    _letters_page,
)


def read_general(text: PlainText) -> SourceDocument:
    """A text of no special kind: numbered points, release fields, symbol notes, fact checks."""
    from bot.core.ingest.fact_checks import fact_check_parts, is_fact_check
    from bot.core.ingest.numbered_paragraphs import numbered_points
    from bot.core.ingest.release_fields import read_release_fields, without_related_links

    signed_off = text.signed_off
    blocks = numbered_points(signed_off.blocks)  # "2. We will …": the number no text
    blocks, meta = read_release_fields(blocks, signed_off.meta)  # "Release date: …", the issuer
    blocks = without_related_links(blocks)
    if signed_off.notes:
        blocks.append(Block("notes", tuple(SourceLine(t, n) for n, t in signed_off.notes)))
    if is_fact_check(blocks):  # CLAIM: / VERDICT: parts, the claim its maker's quote
        blocks = fact_check_parts(blocks)
    return SourceDocument(tuple(blocks), meta)


def read_plain_text(text: str) -> SourceDocument:
    """Read decoded plain text: the first of `TEXT_KINDS` that knows it, else the general path."""
    plain = PlainText(text)
    for kind in TEXT_KINDS:
        if (document := kind(plain)) is not None:
            return document
    return read_general(plain)


def text_blocks(text: str) -> list[Block]:
    """Cut plain text into paragraph and list blocks; a rule ("-----") is a break."""
    from bot.core.ingest.aligned_tables import aligned_rows
    from bot.core.ingest.ruled_header import is_rule

    # a space-aligned table: a sentence a row, the header out (a sum rule in it is no break)
    rows = aligned_rows(text.split("\n"))
    raw = ["" if is_rule(line) else line for line in text.split("\n")]
    text = "\n".join(rows.get(k, line) for k, line in enumerate(raw))
    out: list[Block] = []
    for lines, gap in line_groups(text.split("\n")):
        if not any(line.number - 1 in rows for line in lines):
            out.extend(split_lists(lines, gap))
            continue
        run: list[SourceLine] = []
        for line in [*lines, None]:
            if line is None or line.number - 1 in rows:
                if run:
                    out.extend(split_lists(run, gap))
                    run, gap = [], 0
                if line is not None:
                    out.append(Block("paragraph", (line,), gap, alone=True))
                    gap = 0
            else:
                run.append(line)
    return out


class TextReader:
    """Plain text as print exports produce it: blank lines separate blocks."""

    suffixes: tuple[str, ...] = TEXT_SUFFIXES

    def sniff(self, head: bytes) -> bool:
        """Plain text is the fallback: anything without NUL bytes that is not PDF or markup."""
        return looks_textual(head)

    def read(self, data: bytes, file: str) -> tuple[SourceDocument | None, list[IngestIssue]]:
        """Decode the bytes and read the text (see `read_plain_text`)."""
        text, issues = decode(data, file)
        if text is None:
            return None, issues
        return read_plain_text(text), issues

    def blocks(self, text: str) -> list[Block]:
        """Cut plain text into blocks, keeping line numbers (see `text_blocks`)."""
        return text_blocks(text)
