"""A cover's line of names alone under its title block gives the authors, on small PDFs drawn
here with fpdf2: two names joined by "and", three with commas.

Negative cases: a line of place names the text writes in lower case ("Coastal Towns and Market
Villages"), an organisation's line, one name alone (or a place: "Harbour Road"), and the same
names line on a first page that is no cover.
"""

from __future__ import annotations

from fpdf import FPDF

from bot.core.ingest.formats import SourceDocument
from bot.core.ingest.pdf.reader import PdfReader

_BODY = (
    "Coastal towns and market villages have lost a third of their bank branches since 2015, "
    "and the people who still pay in cash travel further to do it every year. This paper sets "
    "out what the closures have cost the shops and the households that rely on them, and "
    "what the regulator could do about it before the next round of closures is announced."
)


def _brief(cover: list[tuple[str, float, str]], *, with_cover: bool = True) -> SourceDocument:
    """A brief of four pages; `cover` holds (text, size, style) lines under the title."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(22, 18, 22)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 8, "THE HIGH STREET TRUST", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(40)
    pdf.set_font("Helvetica", "B", 24)
    pdf.multi_cell(0, 11, "Cash on the Coast", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", "", 13)
    pdf.multi_cell(0, 7, "Bank branch closures and the shops they leave", new_x="LMARGIN")
    pdf.ln(16)
    for text, size, style in cover:
        pdf.set_font("Helvetica", style, size)
        pdf.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    if not with_cover:
        pdf.ln(6)
        for _ in range(3):
            pdf.set_font("Times", "", 11)
            pdf.multi_cell(0, 5.5, _BODY, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    for k in range(3):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 12)
        pdf.cell(0, 7, f"{k + 1}. Part {k + 1}", new_x="LMARGIN", new_y="NEXT")
        for _ in range(3):
            pdf.set_font("Times", "", 11)
            pdf.multi_cell(0, 5.5, _BODY, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    document, issues = PdfReader().read(bytes(pdf.output()), "seeds/brief.pdf")
    assert document is not None, issues
    return document


_SERIES = ("Briefing Paper 9  |  March 2025", 11.0, "")


def test_two_names_joined_by_and_under_the_subtitle_are_the_authors() -> None:
    document = _brief([("Aoife Brennan and Tomasz Wierzbicki", 11.0, ""), _SERIES])
    assert document.meta.authors == ("Aoife Brennan", "Tomasz Wierzbicki")
    assert document.meta.series == "Briefing Paper 9"


def test_three_names_with_commas_are_the_authors() -> None:
    document = _brief([("Ruth Okafor, Dev Malhotra and Ines Carvalho", 10.0, "I"), _SERIES])
    assert document.meta.authors == ("Ruth Okafor", "Dev Malhotra", "Ines Carvalho")


def test_one_name_alone_is_not_read_by_this_rule() -> None:
    # a cover's one short capitalised line may as well be a place ("Harbour Road")
    assert _brief([("Gwen Pritchard", 11.0, "B"), _SERIES]).meta.authors == ()
    assert _brief([("Harbour Road", 11.0, ""), _SERIES]).meta.authors == ()


def test_place_names_the_text_writes_in_lower_case_are_no_authors() -> None:
    assert _brief([("Coastal Towns and Market Villages", 11.0, ""), _SERIES]).meta.authors == ()


def test_an_organisation_line_is_no_author() -> None:
    assert _brief([("Rural Finance Institute", 11.0, ""), _SERIES]).meta.authors == ()


def test_a_names_line_on_a_first_page_that_is_no_cover_is_not_read_by_this_rule() -> None:
    document = _brief(
        [("Aoife Brennan and Tomasz Wierzbicki", 11.0, ""), _SERIES], with_cover=False
    )
    assert document.meta.authors == ()
