"""Booklet and typescript PDFs drawn here with fpdf2: glossary sections, back-cover contact
cards, boxes under a sidebar, typed title pages and typed tables.

Shapes: a "Glossary of terms" section whose meanings run on to a second line; a "Get in touch"
card (name, PO box, phone, web address) on a last page. Negative cases: a "Glossary" section
that is a paragraph of prose, a "Key terms" list (stays body text), and a "Contact us" section
that says something in a sentence.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.model import Article


def _article(tmp_path: Path, pdf: FPDF) -> Article:
    path = tmp_path / "booklet.pdf"
    path.write_bytes(bytes(pdf.output()))
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def _pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(False)
    return pdf


def _line(pdf: FPDF, text: str, size: float = 10, style: str = "", align: str = "L") -> None:
    pdf.set_font("Helvetica", style, size)
    pdf.cell(0, 6, text, align=align, new_x="LMARGIN", new_y="NEXT")


def _para(pdf: FPDF, text: str, w: float = 0) -> None:
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(w, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def _heading(pdf: FPDF, text: str) -> None:
    _line(pdf, text, 13, "B")
    pdf.ln(1)


def _guide(glossary_heading: str, entries: list[str], contact: str, card: list[str]) -> FPDF:
    pdf = _pdf()
    pdf.add_page()
    pdf.ln(40)
    _line(pdf, "Renting Without Fear", 22, "B", "C")
    _line(pdf, "A tenant's guide to deposits and repairs", 13, "", "C")
    pdf.add_page()
    _heading(pdf, "Your deposit")
    _para(
        pdf,
        "Your landlord must protect your deposit within 30 days of receiving it. If they do "
        "not, a court can order them to pay you up to three times the deposit.",
    )
    _heading(pdf, "Key terms")
    for text in ["Deposit: money paid at the start of a tenancy.", "Arrears: rent owed."]:
        _para(pdf, text)
    _heading(pdf, glossary_heading)
    for text in entries:
        _para(pdf, text, w=70)
    pdf.add_page()
    pdf.ln(60)
    _line(pdf, contact, 12, "B", "C")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, "\n".join(card), align="C", new_x="LMARGIN", new_y="NEXT")
    return pdf


_ENTRIES = [
    "Section 21 notice: a notice a landlord serves to end a tenancy without giving a reason.",
    "Inventory: a list of the fittings and their state when you move in.",
    "TDP: tenancy deposit protection, the scheme that holds your deposit.",
]
_CARD = ["Brigstow Tenants' Advice Line", "PO Box 77, Brigstow BS9 4RT", "Phone 0117 496 0222"]


def test_a_glossary_section_gives_its_terms_as_entries(tmp_path: Path) -> None:
    article = _article(tmp_path, _guide("Glossary of terms", _ENTRIES, "Get in touch", _CARD))
    gloss = {g.short: g.long for g in article.glossary}
    assert gloss["Section 21 notice"] == (
        "a notice a landlord serves to end a tenancy without giving a reason"
    )
    assert gloss["TDP"].startswith("tenancy deposit protection")
    assert "Inventory" in gloss
    # each entry stays one sentence of its own, the printed answer to "what does TDP stand for"
    texts = [s.text for s in article.sentences]
    assert [t for t in texts if t.startswith("TDP:")] == [_ENTRIES[2]]
    # a "Key terms" list is body text under its heading
    assert "Deposit: money paid at the start of a tenancy." in texts


def test_a_glossary_heading_over_prose_stays_text(tmp_path: Path) -> None:
    prose = ["We explain each word the first time it is used, so this guide needs no list."]
    article = _article(tmp_path, _guide("Glossary", prose, "Get in touch", _CARD))
    assert any(t.startswith("We explain each word") for t in (s.text for s in article.sentences))
    assert not article.glossary


def test_a_key_terms_list_gives_no_glossary(tmp_path: Path) -> None:
    article = _article(tmp_path, _guide("Key terms", _ENTRIES, "Get in touch", _CARD))
    assert not {g.short for g in article.glossary} & {"Inventory", "Section 21 notice"}


def test_a_back_cover_contact_card_is_not_text(tmp_path: Path) -> None:
    card = [*_CARD, "www.brigstowtenants.example"]
    article = _article(tmp_path, _guide("Glossary of terms", _ENTRIES, "Get in touch", card))
    texts = [s.text for s in article.sentences]
    assert not any("PO Box 77" in t or "0117 496 0222" in t for t in texts)
    assert "Get in touch" not in article.sections
    assert any(t.startswith("Your landlord must protect") for t in texts)


def test_a_contact_section_that_says_something_stays(tmp_path: Path) -> None:
    card = ["Write to us at any time and we will answer within ten days.", "Phone 0117 496 0222"]
    article = _article(tmp_path, _guide("Glossary of terms", _ENTRIES, "Contact us", card))
    texts = [s.text for s in article.sentences]
    assert any(t.startswith("Write to us at any time") for t in texts)
    assert "Contact us" in article.sections
