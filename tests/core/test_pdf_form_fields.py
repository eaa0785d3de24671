"""A first page's form fields ("Label: value" lines stacked under the title) on small PDFs
drawn here with fpdf2: no body sentences; "Date:" the date (numeric, day first unless the
middle number cannot be a month); the department field the author; a short field in heading
type after them no heading; a "Title:" label off the title.

Negative cases: two "Label: value" lines are no form (they stay text); a heading "Summary:
Options and costs" after the fields stays a heading.
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
