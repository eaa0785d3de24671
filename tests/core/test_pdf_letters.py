"""Letters printed as PDFs, drawn here with fpdf2: front, subject, sign-off and numbered paragraphs.

A letter's front (letterhead, reference, date, the recipient's address) and its salutation are
no text; the subject line is the title; the letterhead's organisation is the publication; the
signatory under the close is the author, and the close, the role and the copy lines are no
text. A report whose first page is no letter reads as it did.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.ingest.pdf.letters import is_close
from bot.core.ingest.sign_off import signatory
from bot.core.model import Article


def _article(tmp_path: Path, pdf: FPDF) -> Article:
    path = tmp_path / "doc.pdf"
    path.write_bytes(bytes(pdf.output()))
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def _line(pdf: FPDF, text: str, size: float = 10, style: str = "", align: str = "L") -> None:
    pdf.set_font("Helvetica", style, size)
    pdf.cell(0, 5, text, align=align, new_x="LMARGIN", new_y="NEXT")


def _para(pdf: FPDF, text: str) -> None:
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


_COUNCIL_BODY = [
    "We have now considered your application for a two-storey extension at the rear of "
    "Mill Cottage. The planning committee met on 4 June 2024 and refused permission.",
    "The committee found that the extension would overlook the garden of the house next "
    "door. It also found that the roof would stand higher than the ridge of the cottage.",
    "You may appeal against this decision to the Planning Inspectorate within six months. "
    "The enclosed leaflet explains how an appeal is made and what it costs.",
]


def _council_letter(*, numbered: bool = False) -> FPDF:
    """A council's letter: centred letterhead in large type, a "Re:" line, no bold subject."""
    pdf = FPDF(format="A4")
    pdf.set_margins(25, 20, 25)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    _line(pdf, "Northvale District Council", 14, "B", "C")
    _line(pdf, "Civic Centre, 2 Market Street, Hollinbury HB4 9TT", 8, "", "C")
    _line(pdf, "planning@northvale.example  |  Tel 01632 960 123", 8, "", "C")
    pdf.ln(6)
    _line(pdf, "Your ref: PA/24/0113")
    _line(pdf, "18 June 2024")
    pdf.ln(4)
    for text in ("Ms Ngozi Achebe", "Mill Cottage", "Hollinbury HB4 2QE"):
        _line(pdf, text)
    pdf.ln(5)
    _line(pdf, "Re: Rear extension at Mill Cottage")
    pdf.ln(3)
    _line(pdf, "Dear Ms Achebe,")
    pdf.ln(3)
    for k, text in enumerate(_COUNCIL_BODY, start=1):
        _para(pdf, f"{k}. {text}" if numbered else text)
    pdf.ln(3)
    _line(pdf, "Yours faithfully,")
    pdf.ln(8)
    _line(pdf, "Dr Amal Idris OBE")
    _line(pdf, "Head of Planning")
    pdf.ln(5)
    _line(pdf, "Enc. Appeals leaflet", 9)
    return pdf


def test_a_council_letter_reads_its_subject_sender_signatory_and_date(tmp_path: Path) -> None:
    article = _article(tmp_path, _council_letter())
    assert article.title == "Rear extension at Mill Cottage"
    assert article.publication == "Northvale District Council"
    assert article.authors == ("Amal Idris",)
    assert article.date == "2024-06-18"
    texts = [s.text for s in article.sentences]
    assert texts[0].startswith("We have now considered your application")
    assert "The enclosed leaflet explains how an appeal is made and what it costs." in texts
    for furniture in (
        "Civic Centre",
        "Your ref",
        "Ms Ngozi Achebe",
        "Dear Ms",
        "Yours faithfully",
        "Head of Planning",
        "Enc.",
        "Amal Idris",
        "northvale.example",
    ):
        assert not any(furniture in t for t in texts), furniture


def test_a_letters_numbered_paragraphs_lose_their_numbers(tmp_path: Path) -> None:
    texts = [s.text for s in _article(tmp_path, _council_letter(numbered=True)).sentences]
    assert "The planning committee met on 4 June 2024 and refused permission." in texts
    assert any(t.startswith("The committee found that the extension") for t in texts)
    assert any(t.startswith("You may appeal against this decision") for t in texts)
    assert not any(t[:1].isdigit() for t in texts)


def _report(first_line: str | None = None, closing: str | None = None) -> FPDF:
    """A report's first page: a big title, a bold heading, prose and a numbered list."""
    pdf = FPDF(format="A4")
    pdf.set_margins(25, 20, 25)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    _line(pdf, "Water Meters in Rented Homes", 20, "B")
    pdf.ln(6)
    if first_line:
        _line(pdf, first_line)
        pdf.ln(3)
    _line(pdf, "What tenants told us", 12, "B")
    pdf.ln(2)
    _para(
        pdf,
        "Tenants in metered homes paid less for water than tenants on rateable value. The "
        "gap was largest for people who live alone.",
    )
    _para(pdf, "1. Landlords should tell tenants whether the home has a meter.")
    _para(pdf, "2. Water companies should fit a meter within ninety days of a request.")
    if closing:
        _line(pdf, closing)
    return pdf


def test_a_report_without_a_letter_reads_as_before(tmp_path: Path) -> None:
    article = _article(tmp_path, _report())
    assert article.title == "Water Meters in Rented Homes"
    texts = [s.text for s in article.sentences]
    assert "1. Landlords should tell tenants whether the home has a meter." in texts
    assert any(s.section == "What tenants told us" for s in article.sentences)


def test_a_dear_line_without_a_close_is_no_letter(tmp_path: Path) -> None:
    # a newsletter's "Dear readers," greets, but nothing signs off: the page is no letter
    article = _article(tmp_path, _report(first_line="Dear readers,"))
    assert article.title == "Water Meters in Rented Homes"
    texts = [s.text for s in article.sentences]
    assert "1. Landlords should tell tenants whether the home has a meter." in texts


def test_a_close_without_a_salutation_is_no_letter(tmp_path: Path) -> None:
    article = _article(tmp_path, _report(closing="Kind regards,"))
    assert article.title == "Water Meters in Rented Homes"
    assert any(s.text.startswith("1. Landlords") for s in article.sentences)


def test_closes_and_signatories() -> None:
    for close in ("Yours sincerely,", "Yours faithfully", "Kind regards,", "Best wishes,"):
        assert is_close(close), close
    for text in ("Yours sincerely, I think not.", "Regards to the committee were sent."):
        assert not is_close(text), text
    assert signatory("Rt Hon Helena Marsh MP") == "Helena Marsh"
    assert signatory("The Rt Hon. Sir Kenji Ito KC") == "Kenji Ito"
    assert signatory("Minister of State for Housing") is None


def _charity_letter() -> FPDF:
    """A charity's letter: letterhead on the left in plain type, the bold subject over the
    salutation, the name right under the close, a copy list and a postscript."""
    pdf = FPDF(format="Letter")
    pdf.set_margins(22, 18, 22)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    for text in ("Friends of Larkin Woods", "PO Box 88, Eastbrook EB2 1AA", "7 October 2025"):
        _line(pdf, text)
    pdf.ln(5)
    for text in ("Cllr Tomasz Wrobel", "Eastbrook Town Hall", "Eastbrook EB1 3ZZ"):
        _line(pdf, text)
    pdf.ln(5)
    _line(pdf, "Felling of oaks along Larkin Lane", 11, "B")
    pdf.ln(3)
    _line(pdf, "Dear Councillor Wrobel,")
    pdf.ln(3)
    _para(
        pdf,
        "Our volunteers counted 31 mature oaks marked for felling along Larkin Lane. Eleven of "
        "them hold bat roosts that were recorded in the 2023 survey.",
    )
    _para(
        pdf,
        "We ask the council to pause the work until a licensed ecologist has checked every "
        "marked tree. We would be glad to show you the roosts on a walk this month.",
    )
    _line(pdf, "With best wishes,")
    _line(pdf, "Margit Olsen")
    _line(pdf, "Chair, Friends of Larkin Woods")
    pdf.ln(4)
    _line(pdf, "cc: Eastbrook Tree Officer", 9)
    pdf.ln(4)
    _para(pdf, "P.S. The next guided walk leaves the Larkin Lane gate at ten on 18 October.")
    return pdf


def test_a_bold_subject_over_the_salutation_heads_the_letter(tmp_path: Path) -> None:
    article = _article(tmp_path, _charity_letter())
    assert article.title == "Felling of oaks along Larkin Lane"
    assert article.authors == ("Margit Olsen",)
    assert article.date == "2025-10-07"
    assert article.publication is None  # nothing on the letterhead is set in heavier type
    texts = [s.text for s in article.sentences]
    assert texts[0].startswith("Our volunteers counted 31 mature oaks")
    assert all(
        s.section == "Felling of oaks along Larkin Lane"
        for s in article.sentences
        if s.text.startswith("We ask the council")
    )
    for furniture in ("PO Box", "Town Hall", "Dear Councillor", "best wishes", "Margit", "cc:"):
        assert not any(furniture in t for t in texts), furniture
    # a postscript under the signature is the writer's text again
    assert any("next guided walk leaves the Larkin Lane gate" in t for t in texts)
