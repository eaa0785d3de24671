"""PDF endnotes on small PDFs drawn here with fpdf2: the numbered list under a notes heading.

Shapes: one column with the notes in body type; the notes on a last page of their own headed
"Endnotes", or "References" in two columns; numbers "1", "1.", "1)", "[1]" and raised; notes
wrapped over columns and pages. A numbered list under another heading, and a
"Notes" heading over prose, stay body text.
"""

from __future__ import annotations

import re
from pathlib import Path

from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.model import Article

_MARKER = re.compile(r"\{(\d+)\}")

_BODY = (
    "The harbour board counted 1,240 moorings in use last summer.{1} Most of them belong to "
    "small fishing boats that go out before dawn and come back by noon.",
    "A new breakwater was proposed in 2019 and again in 2023, each time at a higher price. "
    "Engineers now put the cost at 14 million pounds.{2}",
    "Residents on the east quay complain that storms flood their cellars twice a winter. The "
    "council has paid for sandbags but not for pumps.{3}",
    "The board meets again in October, when it expects to choose between the two designs put "
    "forward by the engineers.{4}",
)

_NOTES = (
    "Harbour Board, Annual Mooring Return, 2024.",
    "Coastal Engineering Partnership, Breakwater Options Appraisal, revised edition, "
    "published by the partnership for the harbour board in March 2024, p. 12.",
    "East Quay Residents Association, letter to the council, 2023. The letter was signed by "
    "212 households on the quay.",
    "Harbour Board, minutes of the July meeting, item 7.",
)


class _Writer:
    """Writes lines top to bottom in N columns, turning the page when the last is full."""

    def __init__(self, pdf: FPDF, columns: int = 1) -> None:
        self.pdf = pdf
        self.columns = columns
        self.width = (pdf.w - pdf.l_margin - pdf.r_margin - 8 * (columns - 1)) / columns
        self.col = 0
        self.top = pdf.get_y()
        self.y = self.top
        self.bottom = pdf.h - 25

    def x(self) -> float:
        return self.pdf.l_margin + self.col * (self.width + 8)

    def page(self) -> None:
        self.pdf.add_page()
        self.col = 0
        self.top = self.y = 20

    def room(self, height: float) -> None:
        if self.y + height <= self.bottom:
            return
        if self.col + 1 < self.columns:
            self.col += 1
            self.y = self.top
        else:
            self.page()

    def heading(self, text: str, size: float = 11) -> None:
        self.room(12)
        self.y += 2
        self.pdf.set_font("Helvetica", "B", size)
        self.pdf.set_xy(self.x(), self.y)
        self.pdf.cell(self.width, 6, text)
        self.y += size * 0.4 + 3

    def paragraph(self, text: str, size: float = 10) -> None:
        self.pdf.set_font("Helvetica", size=size)
        lines = self.pdf.multi_cell(self.width, 4.6, text, dry_run=True, output="LINES")
        assert isinstance(lines, list)
        for line in lines:
            self.room(4.6)
            self._line(str(line), size)
            self.y += size * 0.46
        self.y += 2

    def _line(self, line: str, size: float) -> None:
        self.pdf.set_xy(self.x(), self.y)
        for i, part in enumerate(_MARKER.split(line)):
            if not part:
                continue
            if i % 2:  # a note marker: small and raised
                self.pdf.set_font("Helvetica", size=size * 0.6)
                self.pdf.set_xy(self.pdf.get_x(), self.y - 1.2)
                self.pdf.cell(self.pdf.get_string_width(part), 4, part)
                self.pdf.set_xy(self.pdf.get_x(), self.y)
                self.pdf.set_font("Helvetica", size=size)
            else:
                self.pdf.cell(self.pdf.get_string_width(part), 4.6, part)


def _pdf(title: str = "Harbour Defences Review") -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(18, 18, 18)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(0, 9, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    return pdf


def _body(writer: _Writer, repeat: int = 1) -> None:
    writer.heading("Background")
    for _ in range(repeat):
        for text in _BODY:
            writer.paragraph(text)


def _read(tmp_path: Path, pdf: FPDF) -> Article:
    path = tmp_path / "review.pdf"
    path.write_bytes(bytes(pdf.output()))
    article, issues = read_article(path)
    assert article is not None, issues
    assert not [i for i in issues if "marker" in i.message or "gap" in i.message], issues
    return article


def _assert_notes(article: Article) -> None:
    assert [n.number for n in article.notes] == [1, 2, 3, 4]
    notes = {n.number: n.text for n in article.notes}
    assert notes[1] == _NOTES[0]
    assert notes[2].startswith("Coastal Engineering Partnership")
    assert "March 2024" in notes[2]
    assert "212 households" in notes[3]
    body = " ".join(s.text for s in article.sentences)
    for note in _NOTES:
        assert note.split(",")[0] not in body
    marked = {s.text.split()[1]: s.notes for s in article.sentences if s.notes}
    assert marked == {"harbour": (1,), "now": (2,), "council": (3,), "board": (4,)}


def test_endnotes_in_one_column_in_body_type_numbered_with_a_full_stop(tmp_path: Path) -> None:
    pdf = _pdf()
    writer = _Writer(pdf)
    _body(writer)
    writer.heading("Notes")
    for k, note in enumerate(_NOTES, 1):
        writer.paragraph(f"{k}. {note}")
    article = _read(tmp_path, pdf)
    _assert_notes(article)
    assert "Notes" not in article.sections


def test_endnotes_on_a_last_page_of_their_own_headed_endnotes_in_brackets(tmp_path: Path) -> None:
    pdf = _pdf()
    writer = _Writer(pdf)
    _body(writer)
    writer.page()
    writer.heading("Endnotes", 16)
    for k, note in enumerate(_NOTES, 1):
        writer.paragraph(f"[{k}] {note}", 9)
    article = _read(tmp_path, pdf)
    _assert_notes(article)
    assert "Endnotes" not in article.sections


def test_references_in_two_columns_run_over_the_column_and_stop_at_back_matter(
    tmp_path: Path,
) -> None:
    """Plain "1 " numbers in small type from the foot of one column into the next, then an
    "About the authors" heading: the list ends there and the back matter stays body text."""
    pdf = _pdf()
    writer = _Writer(pdf, columns=2)
    _body(writer, repeat=1)
    assert writer.col == 0
    writer.y = writer.bottom - 20  # the list starts near the foot of the first column
    writer.heading("References")
    for k, note in enumerate(_NOTES, 1):
        writer.paragraph(f"{k} {note}", 8)
    assert writer.col == 1
    writer.heading("About the authors")
    writer.paragraph("Ana Ruiz is a coastal engineer who has advised three harbour boards.")
    article = _read(tmp_path, pdf)
    _assert_notes(article)
    assert "References" not in article.sections
    assert "Ana Ruiz is a coastal engineer who has advised three harbour boards." in [
        s.text for s in article.sentences
    ]
    assert not any("Ana Ruiz" in n.text for n in article.notes)


def test_a_numbered_list_under_another_heading_stays_body_text(tmp_path: Path) -> None:
    pdf = _pdf()
    writer = _Writer(pdf)
    _body(writer)
    writer.heading("Notes")
    writer.paragraph("The figures above are for the calendar year, not the financial year.")
    writer.heading("Next steps")
    writer.paragraph(
        "1. The board should publish both designs, with their costs and the engineers' "
        "reports, before the October meeting."
    )
    writer.paragraph(
        "2. The council should buy pumps for the cellars of the east quay this winter, "
        "before the first storms."
    )
    writer.paragraph("Both steps can be taken within the budget the council set in April.")
    path = tmp_path / "review.pdf"
    path.write_bytes(bytes(pdf.output()))
    article, _ = read_article(path)
    assert article is not None
    texts = [s.text for s in article.sentences]
    assert not article.notes
    assert any("publish both designs" in t for t in texts)
    assert any("buy pumps" in t for t in texts)
    assert "The figures above are for the calendar year, not the financial year." in texts


def test_endnotes_numbered_with_a_bracket_run_over_a_page_break(tmp_path: Path) -> None:
    """Notes "1)" … start at the foot of a page in small type; the rest, and the end of a note
    the page break cut, are at the top of the next page."""
    pdf = _pdf()
    writer = _Writer(pdf)
    _body(writer)
    writer.y = writer.bottom - 22
    writer.heading("Notes")
    for k, note in enumerate(_NOTES, 1):
        writer.paragraph(f"{k}) {note}", 8)
    assert pdf.page == 2
    article = _read(tmp_path, pdf)
    _assert_notes(article)
    assert "Notes" not in article.sections


def test_endnotes_opened_by_raised_numbers_under_a_sources_heading(tmp_path: Path) -> None:
    pdf = _pdf()
    writer = _Writer(pdf)
    _body(writer)
    writer.heading("Sources")
    for k, note in enumerate(_NOTES, 1):
        writer.paragraph(f"{{{k}}}{note}", 8)
    article = _read(tmp_path, pdf)
    _assert_notes(article)
    assert "Sources" not in article.sections
