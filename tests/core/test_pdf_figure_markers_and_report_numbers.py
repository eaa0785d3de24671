"""A plain-digit note marker glued after a figure's full stop ("in 1998.2 Wages"), a report's
number printed in its running foot, and a note's quoted title closed before its link, on small
PDFs drawn here with fpdf2 (and the note parser alone).

Negative cases: a decimal before a unit in capitals ("16.2 GW"), two figure-glued candidates for
one note, a decimal whose number a plain marker already cites, a code printed on one page only,
a running head with a short code ("COVID-19"), a link inside a note's words.
"""

from __future__ import annotations

from fpdf import FPDF

from bot.core.ingest.formats import SourceDocument
from bot.core.ingest.notes import parse_note
from bot.core.ingest.pdf.reader import PdfReader
from bot.core.ingest.pdf.titlepage import running_series


class _Paper(FPDF):
    foot = ""

    def footer(self) -> None:
        if self.foot:
            self.set_y(-12)
            self.set_font("Helvetica", "", 7)
            self.cell(0, 5, self.foot.format(n=self.page_no()), align="C")


def _pdf(foot: str = "") -> _Paper:
    pdf = _Paper(format="A4")
    pdf.foot = foot
    pdf.set_margins(25, 20, 25)
    pdf.set_auto_page_break(False)
    return pdf


def _para(pdf: FPDF, text: str) -> None:
    pdf.set_font("Times", "", 11)
    pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def _foot(pdf: FPDF, lines: list[str]) -> None:
    pdf.set_y(245)
    pdf.set_font("Times", "", 7.5)
    for text in lines:
        pdf.multi_cell(0, 3.6, text, new_x="LMARGIN", new_y="NEXT")


def _read(pdf: FPDF) -> SourceDocument:
    document, issues = PdfReader().read(bytes(pdf.output()), "seeds/test.pdf")
    assert document is not None, issues
    return document


def _body(document: SourceDocument) -> str:
    return " ".join(b.text for b in document.blocks if b.kind not in ("notes", "heading"))


def _page(body: list[str], notes: list[str]) -> SourceDocument:
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, "Wages in the Fishing Towns", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for text in body:
        _para(pdf, text)
    _foot(pdf, notes)
    return _read(pdf)


_NOTES = [
    "1 Harbour Board, Landings Return, 2001.",
    "2 Office for Coastal Statistics, Earnings by Port, table 4.",
    "3 Fishermen's Mission, annual review, 2003.",
]


def test_a_marker_after_a_figures_full_stop_ends_its_sentence() -> None:
    body = _body(
        _page(
            [
                "Landings at the three ports halved over the decade.1 Most of the loss "
                "fell on the smaller boats.",
                "The median wage of a deckhand was 212 pounds a week in 1998.2 Wages have "
                "risen since, but by less than prices.",
                "Crews are older than they were.3 Few young people join the boats.",
            ],
            _NOTES,
        )
    )
    assert "in 1998.² Wages have risen" in body
    assert "Office for Coastal Statistics" not in body


def test_a_decimal_before_a_unit_in_capitals_is_no_marker() -> None:
    body = _body(
        _page(
            [
                "Landings at the three ports halved over the decade.1 Most of the loss "
                "fell on the smaller boats.",
                "The new quay can take boats that draw 4.2 M of water, the board says.",
                "Crews are older than they were.3 Few young people join the boats.",
            ],
            _NOTES,
        )
    )
    assert "4.2 M of water" in body


def test_two_figure_glued_candidates_for_one_note_raise_neither() -> None:
    body = _body(
        _page(
            [
                "Landings at the three ports halved over the decade.1 Most of the loss "
                "fell on the smaller boats.",
                "A deckhand earned 212 pounds a week in 1998.2 Wages rose by 2011.2 Prices "
                "rose faster.",
                "Crews are older than they were.3 Few young people join the boats.",
            ],
            _NOTES,
        )
    )
    assert "in 1998.2 Wages" in body and "by 2011.2 Prices" in body


def test_a_decimal_stays_when_a_plain_marker_cites_its_number() -> None:
    body = _body(
        _page(
            [
                "Landings at the three ports halved over the decade.1 Most of the loss "
                "fell on the smaller boats.",
                "Wages lag behind other trades.2 The index stood at 101.2 Points above the "
                "base year in most towns.",
                "Crews are older than they were.3 Few young people join the boats.",
            ],
            _NOTES,
        )
    )
    assert "trades.² The index" in body
    assert "101.2 Points" in body


def _report(foot: str, pages: int) -> SourceDocument:
    pdf = _pdf(foot)
    for k in range(pages):
        pdf.add_page()
        if k == 0:
            pdf.set_font("Helvetica", "B", 18)
            pdf.multi_cell(0, 8, "Harbour Dues and the Ferry Operators", new_x="LMARGIN")
            pdf.ln(6)
        for _ in range(3):
            _para(
                pdf,
                "The board sets the harbour dues every spring after it has heard from the "
                "ferry operators and the fishing fleet, and it publishes the new tariff in "
                f"April. Part {k + 1} of this report sets out what the operators told it.",
            )
    return _read(pdf)


def test_a_report_number_in_the_running_foot_is_the_series() -> None:
    document = _report("Congressional Budget Office  |  CBO-2024-117  |  {n}", 3)
    assert document.meta.series == "CBO-2024-117"
    assert "CBO-2024-117" not in _body(document)


def test_a_code_on_one_page_or_a_short_code_is_no_series() -> None:
    assert _report("Budget Office  |  CBO-2024-117  |  {n}", 1).meta.series is None
    assert _report("COVID-19 Update  |  {n}", 3).meta.series is None
    assert running_series(["Service | RS22901 | 2", "Service | RS22901 | 3"]) == "RS22901"
    assert running_series(["Service | RS22901 | 2"]) is None
    assert running_series(["RS22901 | 2", "RS22901 | 3", "RL1234 | 4", "RL1234 | 5"]) is None


def test_a_quoted_titles_comma_before_the_link_closes_the_note() -> None:
    note = parse_note(
        3,
        'Met Office, "Sea Level Rise Projections," https://m.example.org/slr, accessed 3 May 2024.',
        2,
    )
    assert (note.text, note.url, note.accessed) == (
        'Met Office, "Sea Level Rise Projections."',
        "https://m.example.org/slr",
        "2024-05-03",
    )
    plain = parse_note(4, "Met Office, Projections, https://m.example.org/slr.", 3)
    assert plain.text == "Met Office, Projections."
    inside = parse_note(
        5, 'See "Rules," <https://r.example.org/a> and the board\'s own guidance, 2023.', 4
    )
    assert inside.text == 'See "Rules," and the board\'s own guidance, 2023.'


def test_a_pdf_whose_every_line_is_running_furniture_reads_without_error() -> None:
    pdf = _pdf()
    for k in range(3):
        pdf.add_page()
        _para(pdf, f"The harbour board's notice to mariners, sheet {k + 1}.")
    document, _ = PdfReader().read(bytes(pdf.output()), "seeds/test.pdf")
    assert document is not None
