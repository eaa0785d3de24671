"""An infographic factsheet's panels on small PDFs drawn here with fpdf2: a big figure whose
unit is a quotient or a power ("50 km/h", "12 m2") reads with its label like any other big
figure; an icon's text stand-in ("[Image: loft]") is no text and a row of icon captions
heads no section; a strapline beside the web address at the foot is furniture.

Negative cases: a numbered heading in display type ("3 Methods") stays a heading; a sentence
beside a web address stays; two bold lines side by side still head a section (a row of icon
captions has three at least).
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.model import Article, Sentence


def _read(tmp_path: Path, pdf: FPDF, name: str = "sheet.pdf") -> Article:
    path = tmp_path / name
    pdf.output(str(path))
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def _sheet(panels: list[tuple[str, str]], heading: str | None = None) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 22)
    pdf.set_xy(20, 16)
    pdf.cell(170, 10, "Safer Streets in Kelderwick")
    y = 40.0
    for figure, label in panels:
        pdf.set_xy(20, y)
        pdf.set_font("Helvetica", "B", 28)
        pdf.cell(80, 13, figure)
        pdf.set_xy(20, y + 14)
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(90, 5, label)
        y += 34
    if heading:
        pdf.set_xy(20, y)
        pdf.set_font("Helvetica", "B", 16)
        pdf.cell(80, 8, heading)
        y += 16
    pdf.set_xy(20, y)
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(
        170,
        5,
        "The council lowered the limit on every residential street in the spring. Collisions "
        "near schools fell in the first six months, and more families now walk to school.",
    )
    return pdf


def test_a_big_figure_with_a_quotient_or_power_unit_keeps_its_label(tmp_path: Path) -> None:
    panels = [
        ("20 km/h", "speed limit on residential streets from April"),
        ("12 m2", "of pavement given back to pedestrians at each junction"),
        ("41%", "fewer collisions near schools in six months"),
    ]
    article = _read(tmp_path, _sheet(panels))
    texts = [s.text for s in article.sentences]
    for figure, label in panels:
        assert f"{figure} {label}" in texts, texts
        assert figure not in article.sections


def test_a_numbered_heading_in_display_type_stays_a_heading(tmp_path: Path) -> None:
    article = _read(tmp_path, _sheet([("41%", "fewer collisions near schools")], "3 Methods"))
    assert "3 Methods" in article.sections
    assert any(
        s.section == "3 Methods" and s.text.startswith("The council") for s in article.sentences
    )


def _footed(left: str, right: str, *, address_left: bool = False) -> FPDF:
    pdf = _sheet([("41%", "fewer collisions near schools in six months")])
    pdf.set_font("Helvetica", "B", 8)
    pdf.set_xy(20, 280)
    pdf.cell(100, 4, left)
    pdf.set_xy(125, 280)
    pdf.cell(65, 4, right, align="L" if address_left else "R")
    return pdf


def test_a_strapline_beside_the_web_address_at_the_foot_is_no_sentence(tmp_path: Path) -> None:
    pdf = _footed(
        "KELDERWICK STREETS TRUST | safe roads for every child", "https://kst.example.org"
    )
    texts = [s.text for s in _read(tmp_path, pdf).sentences]
    assert not any("KELDERWICK" in t or "kst.example" in t for t in texts), texts
    assert any(t.startswith("The council lowered the limit") for t in texts)


def test_a_sentence_beside_a_web_address_stays(tmp_path: Path) -> None:
    """A line that ends as a sentence is text, whatever stands beside it."""
    pdf = _footed("Read the full evaluation on our website.", "www.kst.example.org")
    texts = [s.text for s in _read(tmp_path, pdf).sentences]
    assert "Read the full evaluation on our website." in texts, texts


def _icon_row(captions: list[str], placeholder: str = "[Image: {}]") -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.set_xy(20, 16)
    pdf.cell(170, 10, "Warm Homes Winter Guide")
    pdf.set_font("Helvetica", "B", 12)
    pdf.set_xy(20, 34)
    pdf.cell(170, 6, "What the grant covers")
    pdf.set_font("Helvetica", "", 10)
    pdf.set_xy(20, 42)
    pdf.multi_cell(170, 5, "The grant pays for insulation and a new boiler in older homes.")
    width = 170 / len(captions)
    for k, cap in enumerate(captions):
        x = 20 + k * width
        if placeholder:
            pdf.set_xy(x, 70)
            pdf.set_font("Helvetica", "", 8)
            pdf.cell(width - 4, 5, placeholder.format(cap.split()[0].lower()))
        pdf.set_xy(x, 77)
        pdf.set_font("Helvetica", "B", 9)
        pdf.multi_cell(width - 6, 5, cap)
    pdf.set_xy(20, 100)
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(
        170, 5, "Apply before the end of October. Most households hear back within four weeks."
    )
    return pdf


def test_a_row_of_icon_captions_heads_no_section(tmp_path: Path) -> None:
    captions = [
        "Loft insulation",
        "Boiler replacement for homes over 30 years old",
        "Draught proofing",
    ]
    article = _read(tmp_path, _icon_row(captions))
    texts = [s.text for s in article.sentences]
    assert not any(t.startswith("[Image") for t in texts), texts
    for cap in captions:
        assert cap not in article.sections
        assert cap in texts, texts
    assert article.sections == ("What the grant covers",)
    assert _one(article, "Apply before").section == "What the grant covers"


def test_two_bold_headings_side_by_side_stay_headings(tmp_path: Path) -> None:
    """Two bold lines on one baseline are no row of icon captions (a row has three at least)."""
    article = _read(tmp_path, _icon_row(["Who can apply", "How to apply"], placeholder=""))
    assert any("Who can apply" in section for section in article.sections), article.sections


def _one(article: Article, start: str) -> Sentence:
    found = [s for s in article.sentences if s.text.startswith(start)]
    assert len(found) == 1, found
    return found[0]
