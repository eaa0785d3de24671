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


def _two_columns_then_box(pdf: FPDF, heading: str, heading_style: str) -> None:
    """A page of a main column and a sidebar, then a heading at the left over a wide box."""
    pdf.add_page()
    pdf.ln(40)
    _line(pdf, "Letting Homes Safely", 22, "B", "C")
    _line(pdf, "What the new register means for landlords", 13, "", "C")
    pdf.add_page()
    pdf.set_xy(15, 20)
    _line(pdf, "The register", 13, "B")
    pdf.set_font("Helvetica", "", 10)
    pdf.set_x(15)
    pdf.multi_cell(
        100,
        5,
        "Landlords in the city must now register every rented home with the council. The "
        "register opened in May and had 4,200 homes on it by the end of June. A landlord who "
        "fails to register can be fined up to 5,000 pounds for each home. The council says "
        "most landlords have registered without being asked twice.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_xy(135, 20)
    pdf.set_font("Helvetica", "B", 9)
    pdf.multi_cell(60, 5, "In brief", new_x="LEFT", new_y="NEXT")
    pdf.set_font("Helvetica", "", 8)
    for text in ["Register: the council's list of homes.", "Licence: a permit to let."]:
        pdf.set_x(135)
        pdf.multi_cell(60, 4, text, new_x="LEFT", new_y="NEXT")
    pdf.set_xy(15, 90)
    pdf.set_font("Helvetica", heading_style, 10)
    pdf.multi_cell(180, 6, heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(
        180,
        5,
        "One home in five that the council inspected last year had no working smoke alarm, "
        "and one in twelve had damp in a bedroom.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_xy(15, 280)
    pdf.set_font("Helvetica", "I", 8)
    pdf.cell(180, 5, "2", align="C")


def test_a_box_heading_under_two_columns_heads_its_box(tmp_path: Path) -> None:
    pdf = _pdf()
    _two_columns_then_box(pdf, "Worth knowing", "B")
    article = _article(tmp_path, pdf)
    (box,) = [s for s in article.sentences if s.text.startswith("One home in five")]
    assert box.section == "Worth knowing"
    (brief,) = [s for s in article.sentences if s.text.startswith("Licence:")]
    assert brief.section == "In brief"


def test_a_plain_line_under_two_columns_stays_in_its_column(tmp_path: Path) -> None:
    pdf = _pdf()
    _two_columns_then_box(pdf, "It was first proposed in 2019", "")
    article = _article(tmp_path, pdf)
    texts = [s.text for s in article.sentences]
    assert not any(t.startswith("Worth knowing") for t in texts)
    box = next(s for s in article.sentences if s.text.startswith("One home in five"))
    assert box.section != "It was first proposed in 2019"


def _typescript(lines: list[str]) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_margins(25, 20, 25)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Courier", "B", 16)
    pdf.cell(0, 9, "STREET LIGHTING REVIEW", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Courier", "", 11)
    for text in lines:
        pdf.cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
    return pdf


_TYPED = [
    "1.1  The Council asked the Clerk in January",
    "to count the lamps on the parish roads and to report on",
    "their state.",
    "",
    "1.2  Costs and charges",
    "",
    "Each lamp costs the parish 14 pounds a year to run, and",
    "the repairs came to 2,310 pounds in 1980 (cf. para. 1.1).",
    "",
    "  Road          Lamps   Out of order",
    "  ============  ======  ============",
    "  Mill Lane        12        3",
    "  Church Walk       8        1",
    "",
    "The meeting lasted 40 min. Then the Clerk read the letters.",
    "Noted - see min. 41/81 of the spring meeting",
]


def test_a_typescript_keeps_its_paragraphs_whole_and_drops_its_rules(
    tmp_path: Path,
) -> None:
    article = _article(tmp_path, _typescript(_TYPED))
    texts = [s.text for s in article.sentences]
    assert (
        "1.1 The Council asked the Clerk in January to count the lamps on the parish roads "
        "and to report on their state."
    ) in texts
    assert not any(t.startswith("1.1 The Council") for t in article.sections)
    assert not any("===" in t for t in texts)
    assert "Mill Lane — Lamps 12; Out of order 3." in texts
    assert "Noted - see min. 41/81 of the spring meeting" in texts
    assert any(t.endswith("in 1980 (cf. para. 1.1).") for t in texts)


def test_a_typescript_numbered_heading_and_abbreviation_before_a_word_stay(
    tmp_path: Path,
) -> None:
    article = _article(tmp_path, _typescript(_TYPED))
    texts = [s.text for s in article.sentences]
    assert "1.2 Costs and charges" in article.sections
    assert "The meeting lasted 40 min." in texts
    assert "Then the Clerk read the letters." in texts


def _typed_report(cover: list[str]) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_margins(25, 20, 25)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Courier", "", 11)
    pdf.ln(30)
    for text in cover:
        pdf.cell(0, 7, text, align="C", new_x="LMARGIN", new_y="NEXT")
    for page in (2, 3):
        pdf.add_page()
        pdf.cell(0, 5, f"HWY/81/07          VERGE CUTTING          Page {page}")
        pdf.ln(10)
        for text in [
            f"{page}. FINDINGS",
            "",
            f"{page}.1  The verges of the B-roads were cut twice in",
            "1980, in May and in September, at a cost of 6,100",
            "pounds a year to the County.",
        ]:
            pdf.cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
    return pdf


def test_a_typed_title_page_gives_title_and_preparer(tmp_path: Path) -> None:
    cover = [
        "Ref. HWY/81/07",
        "",
        "BOROUGH OF FELLSIDE",
        "HIGHWAYS DEPARTMENT",
        "",
        "",
        "VERGE CUTTING ON",
        "COUNTY ROADS",
        "",
        "A Note for the Sub-Committee",
        "",
        "Prepared by E. Kowalczyk, Senior Engineer",
        "",
        "3 March 1981",
    ]
    article = _article(tmp_path, _typed_report(cover))
    assert article.title.casefold() == "verge cutting on county roads"
    assert article.authors == ("E. Kowalczyk",)
    assert article.date == "1981-03-03"


def test_a_typed_title_page_without_capitals_or_preparer_gives_neither(tmp_path: Path) -> None:
    cover = ["Verge cutting on county roads", "", "A note for the sub-committee", "", "March 1981"]
    article = _article(tmp_path, _typed_report(cover))
    assert article.title.casefold() != "a note for the sub-committee"
    assert not article.authors
