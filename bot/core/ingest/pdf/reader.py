"""The PDF reader: text in reading order, furniture left out, footnotes joined to their markers.

Steps, each in its own module: glyphs (PDFium access) → lines (markers, word gaps) → tables
(a grid of short cells with figures read a row at a time) → order (columns, also under a
full-width front block) → furniture (running lines, page numbers, a running head printed once
that echoes the title, cover, contents, disclaimer; a journal's DOI, received/accepted and
issue lines) → contents (a contents list on a page with other text) → endnotes (the numbered
list under a closing "Notes" heading) → footnotes (the small type at a column's foot) →
blocks (headings, numbered subheadings, paragraphs, lists, captions; block_quotes: a set-in
quotation credited on the line under it), meta (title, authors, date), publisher (the
institute a first page names), journal (a journal's citation line: the publication and the
issue's date), titlepage (the series line, contact statements, authors with affiliations or
roles), signatures (a foreword's signature line), letters (a letter's front, subject line,
sign-off and numbered paragraphs), dated_fields (a title block's "Next release:
…" line, a sentence of its own), address_lines (an unlabelled contact block),
margin_numbers (paragraph numbers in the margin), line_numbers (a bill's numbered
lines), bills (a bill's sponsors and long title), opinions (a court opinion's caption and
delivering judge) and
news_pages (a print edition's masthead, bylines, jump lines and adverts). Each line
keeps the page it is printed on, as the page prints it where it shows a number. Bad files
never raise: an encrypted, malformed or image-only PDF gives an error naming the file, and a
very long one is read up to a page budget with a warning.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from bot.core.ingest.formats import (
    Block,
    DocumentMeta,
    SourceDocument,
    SourceLine,
    looks_like_pdf,
)
from bot.core.ingest.metadata import common_words
from bot.core.ingest.pdf.address_lines import cut_address_blocks
from bot.core.ingest.pdf.bibliography import cut_bibliography
from bot.core.ingest.pdf.bills import bill_front
from bot.core.ingest.pdf.blocks import build_blocks, to_blocks
from bot.core.ingest.pdf.contact_section import cut_contact_section
from bot.core.ingest.pdf.contents import cut_contents
from bot.core.ingest.pdf.dated_fields import dated_fields, with_fields
from bot.core.ingest.pdf.endnotes import endnote_text, split_endnotes
from bot.core.ingest.pdf.footnotes import FootNote, note_text, split_footnotes
from bot.core.ingest.pdf.form_fields import form_fields, without_title_label
from bot.core.ingest.pdf.furniture import (
    Page,
    cut_article_history,
    cut_disclaimers,
    cut_title_echoes,
    mark_running,
    mark_special_pages,
)
from bot.core.ingest.pdf.glossary_lists import cut_glossary_lists
from bot.core.ingest.pdf.glossary_section import glossary_section_entries
from bot.core.ingest.pdf.glyphs import PdfError, info, iter_pages, open_pdf
from bot.core.ingest.pdf.index_terms import cut_index_terms
from bot.core.ingest.pdf.journal import Citation, journal_citation
from bot.core.ingest.pdf.letters import cut_sign_off, letter_front, unnumbered
from bot.core.ingest.pdf.line_numbers import cut_line_numbers
from bot.core.ingest.pdf.lines import Line, build_lines
from bot.core.ingest.pdf.margin_numbers import cut_margin_numbers
from bot.core.ingest.pdf.meta import (
    PrintedHeader,
    choose_title,
    closing_byline,
    info_authors,
    info_date,
    info_title,
    prepared_line,
    printed_header,
    typed_title,
)
from bot.core.ingest.pdf.news_pages import news_edition
from bot.core.ingest.pdf.notices import (
    definition_entries,
    front_fields,
    is_addressee,
    join_definitions,
    signed_statements,
)
from bot.core.ingest.pdf.opinions import OpinionFront, delivering_judge, opinion_front
from bot.core.ingest.pdf.order import columns
from bot.core.ingest.pdf.printed_dates import event_date, labelled_date, title_page_date
from bot.core.ingest.pdf.publisher import issuer_line, printed_publisher
from bot.core.ingest.pdf.rule_lines import cut_rule_lines
from bot.core.ingest.pdf.signatures import cut_signatures, signed_sections
from bot.core.ingest.pdf.tables import find_tables
from bot.core.ingest.pdf.titlepage import (
    cover_names,
    cut_contacts,
    running_series,
    series_line,
)
from bot.core.model import IngestIssue

MAX_PAGES = 300  # a longer report is read this far (about 20 s), with a warning
MAX_GLYPHS_PER_PAGE = 60_000  # a page drawn as text (a map, a chart) is skipped beyond this


@lru_cache(maxsize=20_000)
def _known(word: str) -> float:
    from wordfreq import zipf_frequency  # deferred: loaded only when a hyphen needs it

    return float(zipf_frequency(word, "en"))


class _Hyphens:
    """Decide a line-end hyphen: a split word ("imple-mented") or a compound ("middle-income")."""

    def __init__(self, texts: Iterable[str]) -> None:
        words: set[str] = set()
        for text in texts:
            words.update(w.lower().strip(".,;:()“”\"'’") for w in text.split())
        self.words = words

    def __call__(self, left: str, right: str) -> bool:
        if not right[:1].islower() or not left:
            return False
        joined, compound = (left + right).lower(), f"{left}-{right}".lower()
        if compound in self.words:
            return False
        if joined in self.words:
            return True
        return _known(joined) >= 2.0


def body_size(lines: Iterable[Line]) -> float:
    """The type size most of the text is set in."""
    counts: Counter[float] = Counter()
    for ln in lines:
        counts[round(ln.size * 2) / 2] += len(ln.text)
    return counts.most_common(1)[0][0] if counts else 10.0


class PdfReader:
    """PDF files, recognised by `.pdf` or by the `%PDF` signature."""

    suffixes: tuple[str, ...] = (".pdf",)

    def sniff(self, head: bytes) -> bool:
        """A PDF starts with `%PDF-` (after blanks, or after binary junk some writers add).

        A text that only mentions "%PDF-" further in is not a PDF.
        """
        return looks_like_pdf(head)

    def read(self, data: bytes, file: str) -> tuple[SourceDocument | None, list[IngestIssue]]:
        """Read a PDF's text into blocks; None with an error when it has no readable text."""
        issues: list[IngestIssue] = []
        try:
            document = open_pdf(data)
        except PdfError as exc:
            return None, [IngestIssue(file, f"cannot read PDF: {exc}", level="error")]
        with_info = info(document)
        total = len(document)
        pages: list[Page] = []
        empty: list[int] = []
        for glyphs in iter_pages(document, MAX_PAGES, MAX_GLYPHS_PER_PAGE):
            if glyphs.broken:
                issues.append(IngestIssue(file, f"page {glyphs.index + 1} cannot be read; skipped"))
                continue
            if glyphs.characters > MAX_GLYPHS_PER_PAGE:
                issues.append(
                    IngestIssue(
                        file,
                        f"page {glyphs.index + 1} holds {glyphs.characters} characters; skipped",
                    )
                )
                continue
            lines = build_lines(glyphs.glyphs, glyphs.index)
            lines = find_tables(cut_rule_lines(cut_line_numbers(lines)))
            if not lines:
                empty.append(glyphs.index + 1)
            pages.append(
                Page(glyphs.index, glyphs.width, glyphs.height, columns(lines), empty=not lines)
            )
        document.close()
        if total > MAX_PAGES:
            issues.append(
                IngestIssue(file, f"only the first {MAX_PAGES} of {total} pages read (page budget)")
            )
        if not any(p.lines for p in pages):
            return None, [
                *issues,
                IngestIssue(
                    file, "the PDF has no text layer (a scan?); run OCR on it first", level="error"
                ),
            ]
        if empty:
            shown = ", ".join(map(str, empty[:10])) + ("…" if len(empty) > 10 else "")
            issues.append(
                IngestIssue(
                    file, f"no text on page(s) {shown} (scanned images?); those pages are skipped"
                )
            )
        return _assemble(pages, with_info), issues


def _assemble(pages: list[Page], stated: dict[str, str]) -> SourceDocument:
    # footnotes fill the foot of a page: the body's type is read from the upper part
    size = body_size(ln for p in pages for ln in p.lines if ln.base >= 0.4 * p.height)
    mark_running(pages, size)
    mark_special_pages(pages, size)
    cut_title_echoes(pages, size)
    cut_contents(pages, size)
    first = next((p for p in pages if p.lines and p.kind != "contents"), None)
    authors = info_authors(stated.get("Author"))
    running = [ln.text for p in pages if p is not first for ln in p.dropped]
    every = [ln.text for p in pages for ln in p.lines]
    edition = news_edition(pages, size) if first else None
    letter = letter_front(first.lines, every, size) if first and not edition else None
    # the first page's lines before its header is taken: an event line may be among them
    first_texts = [ln.text for ln in first.lines] if first else []
    publication = series = None
    opinion: OpinionFront | None = None
    issuer: Line | None = None  # the organisation line under the title: title-page matter
    if first is not None and letter is not None:
        first.remove({id(ln) for ln in letter.lines})
        header = PrintedHeader(letter.subject, None, letter.date, ())
        publication = letter.sender
    elif edition is not None:
        header = PrintedHeader(None, None, edition.date, (), edition.authors)
    else:
        # a cover's display type is its title even where the running head echoes it
        echoes = running if first is None or first.kind != "cover" else []
        header = printed_header(
            first.lines if first else [], size, info_title(stated.get("Title")), authors, echoes
        )
        dated = [header.date_line] if header.date_line else []
        bill = bill_front(first.lines, dated) if first else None
        if first is not None and bill is not None:  # its sponsors, not the legislature above
            first.remove({id(ln) for ln in (*bill.furniture, *bill.long_title_lines)})
            header = replace(header, subtitle=bill.long_title, authors=bill.sponsors)
        opinion = opinion_front(first.lines) if first else None
        if first is not None and opinion is not None:  # its caption: case name, court, date
            first.remove({id(ln) for ln in opinion.lines})
            judge = delivering_judge(every)
            header = replace(
                header,
                title=opinion.case,
                date=opinion.date or header.date,
                authors=(judge,) if judge else header.authors,
            )
        issuer = issuer_line(header.lines, header.subtitle)
        if issuer is not None:  # the organisation under the title issued it: no subtitle
            header = replace(
                header, subtitle=None, lines=tuple(ln for ln in header.lines if ln is not issuer)
            )
        elif is_addressee(header.subtitle):  # "To: …" under the title: a field line
            header = replace(
                header,
                subtitle=None,
                lines=tuple(ln for ln in header.lines if ln.text.strip() != header.subtitle),
            )
    titled = [ln for ln in header.lines if ln.text.strip() in (header.title or "")]
    form = form_fields(first.lines, titled) if first and not (letter or edition) else None
    if first is not None and form is not None:  # a form's particulars: no text
        header = replace(
            header,
            date=header.date or form.date,
            authors=header.authors or form.authors,
        )
        first.remove({id(ln) for ln in form.lines})
    header = replace(header, title=without_title_label(header.title))
    fields: list[Line] = []
    journal: Citation | None = None
    if first is not None and letter is None:
        cover = first.kind == "cover"
        publication, printed = printed_publisher(
            first.lines,
            [ln for ln in header.lines if ln is not header.date_line],
            size,
            cover=cover,
            running=running,
            texts=[ln.text for p in pages if p is not first for ln in p.lines],
        )
        if edition is not None:
            publication, printed = edition.publication, None
        if opinion is not None:
            publication, printed = opinion.court, None
        journal, cited = journal_citation(
            first.lines, size, [*(ln.text for ln in first.dropped), *running]
        )
        named = _words(journal.journal) if journal else []
        if journal is not None and _words(header.title or "")[: len(named)] != named:
            publication = journal.journal  # where a journal article is published (not its title)
        else:
            journal = cited = None
        taken = [*header.lines, *([printed] if printed else []), *([cited] if cited else [])]
        taken += [issuer] if issuer is not None else []
        if cover and not (authors or header.authors):
            shown = [ln for ln in header.lines if ln is not header.date_line]
            names, name_line = cover_names(first.lines, shown, common_words(" ".join(every)))
            if name_line is not None:
                header = replace(header, authors=names)
                taken.append(name_line)
        no_title = cover and not header.title and not stated.get("Title")
        typed = typed_title(first.lines) if no_title else []
        if typed:
            header = replace(header, title=" ".join(ln.text.strip() for ln in typed))
            taken.extend(typed)
        prepared = None if authors or header.authors else prepared_line(first.lines)
        if prepared is not None:
            header = replace(header, authors=prepared[1])
            taken.append(prepared[0])
        series, numbered = series_line(first.lines, size, cover=cover)
        series = series or running_series(running)
        first.remove({id(ln) for ln in (*taken, *([numbered] if numbered else []))})
        fields = dated_fields(first.lines)
        code, references, addressed = front_fields(first.lines)
        if code is not None and series is None:
            series = code
            fields_taken = [*references, *addressed]
        else:
            fields_taken = addressed
        fields += addressed
        first.remove({id(ln) for ln in (*fields, *fields_taken)})
    body_pages = [p for p in pages if p.kind == "body"]
    cut_article_history(body_pages)
    marked: list[list[Line]] = []  # "* Corresponding author: …" notes
    for page in body_pages:
        page.columns = cut_index_terms(cut_address_blocks(cut_contacts(page.columns, marked)))
        page.columns = join_definitions(cut_margin_numbers(page.columns))
    # an abbreviations list is set in small type too: it is no footnote's continuation
    glossary = cut_glossary_lists(body_pages)
    # the endnotes list first: small type at a column's foot may be its start, not footnotes
    endnotes = split_endnotes(body_pages, size)
    notes = [(n, note_text(n)) for n in split_footnotes(body_pages, size)]
    notes += [(n, endnote_text(n)) for n in endnotes]
    after = max((n.number for n, _ in notes), default=0)
    notes += [
        (FootNote(after + k, run), [ln.text.strip() for ln in run])
        for k, run in enumerate(marked, start=1)
    ]
    cut_disclaimers(body_pages, size)
    hyphens = _Hyphens(ln.text for p in pages for ln in p.lines)
    cols = [col for p in body_pages for col in p.columns]
    paras = signed_statements(cut_bibliography(build_blocks(cols, size, hyphens)))
    glossary += definition_entries(paras)
    glossary += glossary_section_entries(paras)
    paras = cut_contact_section(paras)
    page_of = {p.index: p.printed or str(p.index + 1) for p in pages}
    counter = iter(range(1, 10**9))

    line_numbers: dict[int, int] = {}  # a line (by id) → its source line number

    def number(line: Line) -> SourceLine:
        line_numbers[id(line)] = next(counter)
        return SourceLine(line.text.strip(), line_numbers[id(line)], page_of.get(line.page))

    title = choose_title(header.title, stated) or (edition.publication if edition else None)
    authors = authors or header.authors
    closing = closing_byline(paras[-1].lines) if paras else None
    if closing:
        paras = paras[:-1]
        authors = authors or (closing,)
    if letter is not None:
        paras, signer = cut_sign_off(paras)
        paras = unnumbered(paras)
        authors = authors or ((signer,) if signer else ())
    signed = signed_sections(paras)
    paras = cut_signatures(paras)
    blocks: list[Block] = []
    first_page = page_of.get(first.index) if first else None
    if title:
        blocks.append(Block("heading", (SourceLine(title, next(counter), first_page),), 0, 1))
    # a form's department field states its author: printed as a field, not as a byline
    if authors and not (form is not None and authors == form.authors):
        byline = ", ".join(authors[:-1]) + (" and " if len(authors) > 1 else "") + authors[-1]
        blocks.append(Block("paragraph", (SourceLine(byline, next(counter), first_page),)))
    blocks.extend(to_blocks(with_fields(paras, fields), number))
    if notes:
        note_lines = []
        for note, texts in notes:
            if not texts:
                continue
            joined = _join_note(texts, hyphens)
            note_lines.append(
                SourceLine(
                    f"{note.number} {joined}", next(counter), page_of.get(note.lines[0].page)
                )
            )
        if note_lines:
            blocks.append(Block("notes", tuple(note_lines)))
    meta = DocumentMeta(
        title=title,
        subtitle=header.subtitle,
        authors=authors,
        date=header.date
        or next((d for d in map(event_date, first_texts) if d), None)
        or title_page_date(first_texts)
        or (journal and journal.date)
        or labelled_date(ln.text for p in pages for ln in p.dropped)
        or info_date(stated.get("CreationDate")),
        publication=publication,
        language=None,
        series=series,
        glossary=tuple(glossary),
        signed=tuple(
            (line_numbers[id(a)], line_numbers[id(b)], name)
            for a, b, name in signed
            if id(a) in line_numbers and id(b) in line_numbers
        ),
    )
    return SourceDocument(tuple(blocks), meta)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _join_note(texts: list[str], hyphens: _Hyphens) -> str:
    out = texts[0]
    for text in texts[1:]:
        if out.endswith("-") and text[:1].isalpha():
            left = out.rsplit(None, 1)[-1].rstrip("-").split("-")[-1]
            right = text.split()[0]
            if "/" in out.rsplit(None, 1)[-1] or not hyphens(left, right):
                out += text  # a URL or a compound keeps its hyphen
            else:
                out = out[:-1] + text
        elif out.endswith("/") or text.startswith(("/", ".")):
            out += text
        else:
            out = f"{out} {text}"
    return out
