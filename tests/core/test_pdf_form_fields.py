"""A first page's form fields ("Label: value" lines stacked under the title) on small PDFs
drawn here with fpdf2: no body sentences; "Date:" the date (numeric, day first unless the
middle number cannot be a month); the department field the author; a short field in heading
type after them no heading; a "Title:" label off the title. A note no marker cites, glued
to a figure that ends a paragraph on the note's page or the next ("costs 4.2"), is cited.

Negative cases: two "Label: value" lines are no form (they stay text); a heading "Summary:
Options and costs" after the fields stays a heading; a decimal ending a paragraph stays when a
plain marker cites its note.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.model import Article

_BODY = (
    "The scheme pays landlords to bring empty homes back into use within two years. Councils "
    "report around 4,800 long-term empty homes in the pilot areas, most of them above shops."
)


def _read(tmp_path: Path, pdf: FPDF) -> Article:
    path = tmp_path / "form.pdf"
    pdf.output(str(path))
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def _form(title: str, fields: list[str], rating: str | None = "Status: Amber") -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Times", "B", 16)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 11)
    pdf.multi_cell(0, 5.5, "\n".join(fields), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    if rating:
        pdf.set_font("Times", "B", 12)
        pdf.cell(0, 7, rating, border=1, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.set_font("Times", "B", 12)
    pdf.cell(0, 7, "Summary: Options and costs", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 11)
    pdf.multi_cell(0, 5.5, _BODY, new_x="LMARGIN", new_y="NEXT")
    return pdf


def test_a_summary_sheets_fields_give_date_and_author_and_no_text(tmp_path: Path) -> None:
    fields = [
        "Reference: MHCLG-0042",
        "Sponsoring department: Ministry of Housing",
        "Date: 03/27/2026",
        "Stage: Consultation",
        "Enquiries to: homes@housing.example.gov.uk",
    ]
    article = _read(tmp_path, _form("Title: Empty Homes Grant Scheme", fields))
    assert article.title == "Empty Homes Grant Scheme"
    assert article.date == "2026-03-27"
    assert article.authors == ("Ministry of Housing",)
    texts = [s.text for s in article.sentences]
    for field in fields:
        label = field.split(":")[0]
        assert not any(t.startswith(label) for t in texts), (label, texts)
    assert "Status: Amber" not in article.sections
    assert not any(t.startswith("Status: Amber") for t in texts)
    assert "Summary: Options and costs" in article.sections
    assert any(t.startswith("The scheme pays landlords") for t in texts)


def test_a_day_first_numeric_date_field(tmp_path: Path) -> None:
    fields = ["Lead agency: Homes Agency", "Date: 04/05/2026", "Stage: Final", "Version: 2"]
    article = _read(tmp_path, _form("Empty Homes Grant Scheme", fields, rating=None))
    assert article.date == "2026-05-04"
    assert article.authors == ("Homes Agency",)


def test_two_labelled_lines_are_no_form(tmp_path: Path) -> None:
    fields = ["Stage: Consultation", "Enquiries to: the housing team"]
    article = _read(tmp_path, _form("Empty Homes Grant Scheme", fields, rating=None))
    texts = " ".join(s.text for s in article.sentences)
    assert "Stage: Consultation" in texts, texts
    assert article.authors == ()


def _noted(body_two: str, notes: list[str]) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Times", "B", 16)
    pdf.multi_cell(0, 8, "Harbour Ferry Review", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 11)
    pdf.multi_cell(
        0,
        5.5,
        "The ferry carried 412,000 passengers last year.1 Most of them travel at peak hours.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_y(-40)
    pdf.set_font("Times", "", 7.5)
    for note in notes:
        pdf.multi_cell(0, 3.6, note, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.set_font("Times", "", 11)
    pdf.multi_cell(0, 5.5, body_two, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.multi_cell(0, 5.5, "The board will decide on the timetable in the spring.", new_x="LMARGIN")
    return pdf


_NOTES = ["1 Harbour Board annual report 2025.", "2 Passenger survey, wave 3, 1,204 replies."]


def test_a_marker_glued_to_a_figure_at_a_paragraphs_end_cites_its_note(tmp_path: Path) -> None:
    body = "Fares rose from 3.40 to 4.10 pounds, and the average trip now costs 4.2"
    article = _read(tmp_path, _noted(body, _NOTES))
    found = [s for s in article.sentences if s.text.startswith("Fares rose")]
    assert [s.text for s in found] == [
        "Fares rose from 3.40 to 4.10 pounds, and the average trip now costs 4."
    ]
    assert found[0].notes == (2,)


def test_a_decimal_at_a_paragraphs_end_stays_when_its_note_is_cited(tmp_path: Path) -> None:
    """Note 2 is cited by its own marker: the "4.2" that ends the paragraph is a decimal."""
    body = "Fares rose, as the survey shows.2 The average trip now costs 4.2"
    article = _read(tmp_path, _noted(body, _NOTES))
    texts = [s.text for s in article.sentences]
    assert any("The average trip now costs 4.2" in t for t in texts), texts
    assert not any(t.endswith("costs 4.") for t in texts), texts
