"""A PDF title page's subtitle, byline and dateline, on small PDFs drawn here with fpdf2.

The subtitle is the run of lines in one type under the title, alone: a byline under it, or set
at the end of its line in another font, is the authors. A dateline under the byline
("Institute · Report 12 · June 2024") names the publisher, the series and the date, and heads
no section, in one column or two.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.model import Article

TITLE = "Tidal Mills on the Severn Shore"
_SENTENCES = (
    "Seven tidal mills worked the estuary villages in the last century.",
    "Most of the mill ponds silted up after the sea wall was raised in 1962.",
    "A restored mill at Oldbury ground flour for visitors until last spring.",
    "The trust estimates that each pond could store water for two hours of milling.",
    "Engineers say the sluice gates are the costliest part of any repair.",
    "Volunteers counted wading birds on the ponds every month for three years.",
    "The district council owns four of the ponds and leases two to farmers.",
    "Grants of up to forty thousand pounds are open to parish trusts until June.",
)


def prose(start: int, count: int = 3) -> str:
    """Distinct sentences (text repeated word for word would read as a pull quote)."""
    return " ".join(_SENTENCES[(start + k) % len(_SENTENCES)] for k in range(count))


def _article(tmp_path: Path, pdf: FPDF) -> Article:
    path = tmp_path / "brief.pdf"
    path.write_bytes(bytes(pdf.output()))
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def _pdf(author: str | None = None) -> FPDF:
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_auto_page_break(False)
    pdf.set_title(TITLE)
    if author:
        pdf.set_author(author)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 22)
    pdf.set_xy(50, 50)
    pdf.multi_cell(500, 26, TITLE)
    return pdf


def _write(
    pdf: FPDF, y: float, text: str, size: float, style: str = "", family: str = "Times"
) -> None:
    pdf.set_font(family, style, size)
    pdf.set_xy(50, y)
    pdf.multi_cell(500, size * 1.3, text)


def _more_pages(pdf: FPDF, x: float = 50, width: float = 500) -> None:
    for n in (2, 3):
        pdf.add_page()
        pdf.set_font("Times", "B", 14)
        pdf.set_xy(x, 60)
        pdf.cell(width, 16, f"{n} What the Trust Proposes")
        pdf.set_font("Times", "", 11)
        pdf.set_xy(x, 84)
        pdf.multi_cell(width, 14, f"In {2010 + n} the trust met {n * 3} times. {prose(n * 3)}")


def _one_line(pdf: FPDF, y: float, parts: list[tuple[str, str, float, str]]) -> None:
    """Pieces of text one after another on one baseline, each in its own font."""
    pdf.set_xy(50, y)
    for text, family, size, style in parts:
        pdf.set_font(family, style, size)
        pdf.cell(pdf.get_string_width(text), 16, text)


def test_a_byline_at_the_end_of_the_subtitles_line_in_another_font(tmp_path: Path) -> None:
    pdf = _pdf("Ana Whitcombe and Jonas Feld")
    _one_line(
        pdf,
        90,
        [
            ("Why the estuary's old mill ponds matter again", "Times", 14, "I"),
            ("   Ana Whitcombe and Jonas Feld", "Helvetica", 10, ""),
        ],
    )
    _write(pdf, 140, prose(0, 4), 11)
    _more_pages(pdf)
    article = _article(tmp_path, pdf)
    assert article.subtitle == "Why the estuary's old mill ponds matter again"
    assert article.authors == ("Ana Whitcombe", "Jonas Feld")
    assert not any("Whitcombe" in s.text for s in article.sentences)
    assert article.sentences[0].text.startswith("Seven tidal mills")


def test_a_by_line_glued_to_the_subtitle_in_the_same_size_but_another_face(
    tmp_path: Path,
) -> None:
    """No Author in the document info: "By" marks the byline."""
    pdf = _pdf()
    _one_line(
        pdf,
        90,
        [
            ("A plan for the ponds", "Times", 13, "I"),
            (" By Ruth Okonjo", "Helvetica", 13, ""),
        ],
    )
    _write(pdf, 140, prose(1, 4), 11)
    _more_pages(pdf)
    article = _article(tmp_path, pdf)
    assert article.subtitle == "A plan for the ponds"
    assert article.authors == ("Ruth Okonjo",)


def test_a_long_subtitle_over_two_lines_with_the_byline_under_it(tmp_path: Path) -> None:
    pdf = _pdf("Ana Whitcombe")
    subtitle = (
        "How seven silted mill ponds on the estuary shore could store tide water, shelter "
        "wading birds and grind flour again for the villages around them"
    )
    _write(pdf, 90, subtitle, 14, "I")
    _write(pdf, 134, "Ana Whitcombe", 10, "", "Helvetica")
    _write(pdf, 170, prose(2, 4), 11)
    _more_pages(pdf)
    article = _article(tmp_path, pdf)
    assert article.subtitle == subtitle
    assert article.authors == ("Ana Whitcombe",)
    assert article.sections == ("2 What the Trust Proposes", "3 What the Trust Proposes")


def test_a_lead_paragraph_in_larger_type_is_no_subtitle(tmp_path: Path) -> None:
    pdf = _pdf()
    _write(pdf, 90, prose(3, 3), 13)
    _write(pdf, 160, prose(4, 4), 11)
    _more_pages(pdf)
    article = _article(tmp_path, pdf)
    assert article.subtitle is None
    assert any(s.text.startswith("The trust estimates") for s in article.sentences)


def test_a_dateline_with_middle_dots_under_the_byline(tmp_path: Path) -> None:
    pdf = _pdf("Ana Whitcombe")
    _write(pdf, 90, "Tide power, birds and flour", 14, "I")
    _write(pdf, 116, "Ana Whitcombe", 10, "", "Helvetica")
    _write(pdf, 132, "Fenmoor Institute · Report 12 · June 2024", 8.5, "", "Helvetica")
    _write(pdf, 170, prose(5, 4), 11)
    _more_pages(pdf)
    article = _article(tmp_path, pdf)
    assert article.publication == "Fenmoor Institute"
    assert article.series == "Report 12"
    assert article.date == "2024-06"
    assert article.subtitle == "Tide power, birds and flour"
    assert not any("Fenmoor" in s for s in article.sections)
    assert not any("Fenmoor" in s.text for s in article.sentences)


def test_an_affiliation_under_the_byline_is_no_publisher(tmp_path: Path) -> None:
    """An organisation alone on its line under the byline is where the author works."""
    pdf = _pdf("Ana Whitcombe")
    _write(pdf, 90, "Tide power, birds and flour", 14, "I")
    _write(pdf, 116, "Ana Whitcombe", 10, "", "Helvetica")
    _write(pdf, 132, "Department of Geography, University of Wexmoor", 8.5, "", "Helvetica")
    _write(pdf, 170, prose(6, 4), 11)
    _more_pages(pdf)
    assert _article(tmp_path, pdf).publication is None


def test_a_dateline_with_slashes_at_the_head_of_the_first_of_two_columns(tmp_path: Path) -> None:
    pdf = _pdf("Ana Whitcombe and Jonas Feld")
    _write(pdf, 90, "Tide power, birds and flour on the estuary shore", 14, "I")
    left, right, width = 50.0, 320.0, 240.0
    column = [
        (130, "Ana Whitcombe and Jonas Feld", 10, ""),
        (146, "Severn Estuary Trust / Briefing Paper 3 / 2 May 2025", 8, ""),
        (178, "Background", 12, "B"),
    ]
    for y, text, size, style in column:
        pdf.set_font("Helvetica", style, size)
        pdf.set_xy(left, y)
        pdf.cell(width, size * 1.3, text)
    for x, start in ((left, 0), (right, 4)):
        pdf.set_font("Times", "", 11)
        pdf.set_xy(x, 200 if x == left else 130)
        pdf.multi_cell(width, 14, prose(start, 4))
    _more_pages(pdf, left, width)
    article = _article(tmp_path, pdf)
    assert article.publication == "Severn Estuary Trust"
    assert article.series == "Briefing Paper 3"
    assert article.date == "2025-05-02"
    assert article.authors == ("Ana Whitcombe", "Jonas Feld")
    assert article.subtitle == "Tide power, birds and flour on the estuary shore"
    assert "Background" in article.sections
    assert not any("Severn Estuary Trust" in s for s in article.sections)
    assert not any("Briefing Paper" in s.text for s in article.sentences)
