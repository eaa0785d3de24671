"""PDF charts, tight digits and title pages, on small PDFs drawn here with fpdf2.

A chart's tick and category labels are neither headings nor sentences; a number whose digits
stand inside wide glyph boxes stays one word; the institute a title page names is the
publication.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.model import Article

_SENTENCES = (
    "Clinics in the eastern districts saw longer waits than last year.",
    "The health board asked each district to report its staffing levels by the end of June.",
    "Two of the larger clinics lost a third of their nurses over the winter months.",
    "Patients in the valley towns now travel an hour or more to reach a doctor.",
    "The board has not yet said how it will pay for the extra staff it wants to hire.",
    "Local councils have offered empty buildings that could house new clinics quickly.",
    "Most of the nurses who left said that pay was not the main reason for leaving.",
    "Waiting lists for hip and knee operations have doubled since the spring of last year.",
)


def prose(start: int, count: int = 2) -> str:
    """Distinct sentences (text repeated word for word would read as a pull quote)."""
    return " ".join(_SENTENCES[(start + k) % len(_SENTENCES)] for k in range(count))


def _article(tmp_path: Path, pdf: FPDF, name: str = "report.pdf") -> Article:
    path = tmp_path / name
    path.write_bytes(bytes(pdf.output()))
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def _page(pdf: FPDF) -> None:
    pdf.add_page()
    pdf.set_auto_page_break(False)


def _text(pdf: FPDF, x: float, y: float, text: str, size: float, style: str = "") -> None:
    pdf.set_font("Times", style, size)
    pdf.set_xy(x, y)
    pdf.multi_cell(480, size * 1.3, text)


def _bar_chart(pdf: FPDF, top: float, *, font_size: float = 6.5) -> float:
    """Axes, bars, tick values left of the axis, a value over each bar, names below."""
    x0, y1 = 110.0, top + 150
    pdf.line(x0, top, x0, y1)
    pdf.line(x0, y1, 520, y1)
    pdf.set_font("Helvetica", "", font_size)
    for value in (0, 250, 500, 750):
        y = y1 - value / 750 * 140
        pdf.set_xy(x0 - 30, y - 4)
        pdf.cell(26, 8, f"{value:,}", align="R")
    for k, (name, value) in enumerate((("North", 610), ("Coast", 380), ("Valley", 455))):
        x, height = x0 + 25 + k * 120, value / 750 * 140
        pdf.rect(x, y1 - height, 50, height, style="F")
        pdf.set_xy(x, y1 - height - 10)
        pdf.cell(50, 8, str(value), align="C")
        pdf.set_xy(x, y1 + 3)
        pdf.cell(50, 8, name, align="C")
    return y1 + 18


def _chart_report(caption: str | None, *, caption_above: bool) -> FPDF:
    pdf = FPDF(unit="pt", format="letter")
    _page(pdf)
    _text(pdf, 60, 50, "Eastern Clinics Review", 20, "B")
    _text(pdf, 60, 85, prose(0), 11)
    _text(pdf, 60, pdf.get_y() + 14, "Waiting Times in the East", 14, "B")
    _text(pdf, 60, pdf.get_y() + 10, prose(2, 3), 11)
    y = pdf.get_y() + 12
    if caption and caption_above:
        _text(pdf, 60, y, caption, 9.5, "B")
        y += 22
    y = _bar_chart(pdf, y)
    if caption and not caption_above:
        _text(pdf, 60, y, caption, 9, "I")
        _text(pdf, 60, pdf.get_y(), "Source: Eastern Health Board.", 9, "I")
        y = pdf.get_y()
    _text(pdf, 60, y + 10, f"Most of the growth came from one district. {prose(5)}", 11)
    _text(pdf, 60, pdf.get_y() + 14, "What the Board Proposes", 14, "B")
    _text(pdf, 60, pdf.get_y() + 10, f"The board proposes two new clinics. {prose(7)}", 11)
    return pdf


@pytest.mark.parametrize(
    ("caption", "above"),
    [
        ("Chart 3: Patients waiting more than six weeks, by district, 2023", True),
        ("Figure 2. Patients waiting more than six weeks, by district, 2023.", False),
        (None, True),
    ],
    ids=["caption-above", "caption-below-with-source", "no-caption"],
)
def test_a_bar_charts_labels_are_neither_headings_nor_sentences(
    tmp_path: Path, caption: str | None, above: bool
) -> None:
    article = _article(tmp_path, _chart_report(caption, caption_above=above))
    assert article.sections == ("Waiting Times in the East", "What the Board Proposes")
    texts = [s.text for s in article.sentences]
    for label in ("North", "Coast", "Valley", "750", "610", "0"):
        assert not any(label == t or t.startswith(f"{label} ") for t in texts), label
    after = next(s for s in article.sentences if s.text.startswith("Most of the growth"))
    assert after.section == "Waiting Times in the East"
    captions = [s for s in article.sentences if s.kind == "caption"]
    # a Source line under the caption is the caption's credit, no sentence of its own
    assert [s.text for s in captions] == ([caption] if caption else [])
    if caption and not above:
        assert captions[0].credit == "Source: Eastern Health Board."


def test_a_short_line_of_body_type_beside_a_chart_is_kept(tmp_path: Path) -> None:
    """A subheading set in body type under a chart is no label; nor is a one-line note."""
    pdf = FPDF(unit="pt", format="letter")
    _page(pdf)
    _text(pdf, 60, 50, "Eastern Clinics Review", 20, "B")
    _text(pdf, 60, 90, prose(0, 3), 11)
    _text(pdf, 60, pdf.get_y() + 12, "Table 4: Staff on duty, by district", 9.5, "B")
    y = _bar_chart(pdf, pdf.get_y() + 10)
    _text(pdf, 60, y, "Bars show the median week.", 7)
    _text(pdf, 60, pdf.get_y() + 14, "Regional Staffing Gaps", 11)
    _text(pdf, 60, pdf.get_y() + 10, f"Staffing fell in every district. {prose(4)}", 11)
    article = _article(tmp_path, pdf)
    assert "Regional Staffing Gaps" in article.sections
    texts = [s.text for s in article.sentences]
    assert "Bars show the median week." in texts
    after = next(s for s in article.sentences if s.text.startswith("Staffing fell"))
    assert after.section == "Regional Staffing Gaps"


def _line_pdf(font: str, style: str, size: float, lines: list[str]) -> FPDF:
    pdf = FPDF(unit="pt", format="letter")
    _page(pdf)
    pdf.set_font(font, style, size)
    for k, line in enumerate(lines):
        pdf.text(72, 100 + k * (size + 8), line)
    return pdf


@pytest.mark.parametrize(
    ("font", "style", "size"),
    [("Courier", "", 10), ("Helvetica", "I", 8), ("Helvetica", "I", 12)],
)
def test_digits_set_inside_wide_boxes_stay_one_number(
    tmp_path: Path, font: str, style: str, size: float
) -> None:
    """A "1" or a "." stands well inside its glyph box: the ink gap is no word gap."""
    lines = [
        "Table 11 lists the 711 sites that closed in 2011.",
        "The fund paid out 4.1 million to 1,114 clinics.",
    ]
    article = _article(tmp_path, _line_pdf(font, style, size, lines))
    text = " ".join(s.text for s in article.sentences)
    for number in ("Table 11", "711 sites", "2011.", "4.1 million", "1,114 clinics"):
        assert number in text, (number, text)


def test_words_drawn_apart_without_a_space_glyph_keep_their_space(tmp_path: Path) -> None:
    """Words placed one by one, a narrow gap apart and with no space glyph, are still words."""
    pdf = FPDF(unit="pt", format="letter")
    _page(pdf)
    pdf.set_font("Courier", "", 10)
    x = 72.0
    for word in "The pilot filled 11 wells in 1 week.".split():
        pdf.text(x, 100, word)
        x += pdf.get_string_width(word) + 0.3 * 10  # a tight word space: 0.3 em
    article = _article(tmp_path, pdf)
    assert [s.text for s in article.sentences] == ["The pilot filled 11 wells in 1 week."]


def _title_page_report(
    cover: list[tuple[float, str, float, str]], *, footer: str = "", mention: str = ""
) -> FPDF:
    """A title page (y, text, size, style) and three body pages with an optional footer."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_title("Tidal Power on the Northern Coast")
    _page(pdf)
    for y, text, size, style in cover:
        _text(pdf, 60, y, text, size, style)
    for n in range(2, 5):
        _page(pdf)
        _text(pdf, 60, 60, f"Part {n - 1}: Findings", 14, "B")
        body = f"Tidal turbines off the northern coast ran on {n * 40} days. {prose(n * 2)}"
        if mention and n == 4:
            body += f" The authors work at the {mention}."
        _text(pdf, 60, 90, body, 11)
        if footer:
            pdf.set_font("Times", "", 8)
            pdf.text(60, 760, footer)
            pdf.text(540, 760, str(n))
    return pdf


def test_the_institute_at_the_foot_of_a_title_page_is_the_publication(tmp_path: Path) -> None:
    cover = [
        (60, "Briefing Paper 7 | March 2024", 9, ""),
        (80, "Energy Security Program", 9, "B"),
        (200, "Tidal Power on the Northern Coast", 26, "B"),
        (240, "What the first five years of turbines have shown", 14, ""),
        (300, "Marta Lindqvist and Tobias Reinholt", 11, ""),
        (700, "Centre for Coastal Economics", 10, ""),
    ]
    article = _article(
        tmp_path, _title_page_report(cover, footer="Centre for Coastal Economics | Briefing 7")
    )
    assert article.title == "Tidal Power on the Northern Coast"
    assert article.publication == "Centre for Coastal Economics"
    assert not any("Centre for Coastal" in s.text for s in article.sentences)


def test_an_institute_in_capitals_takes_the_spelling_the_text_uses(tmp_path: Path) -> None:
    cover = [
        (90, "Tidal Power on the Northern Coast", 26, "B"),
        (150, "Marta Lindqvist", 11, ""),
        (640, "HARBOURSIDE INSTITUTE FOR MARINE POLICY", 12, "B"),
    ]
    spelled = _article(
        tmp_path, _title_page_report(cover, mention="Harbourside Institute for Marine Policy")
    )
    assert spelled.publication == "Harbourside Institute for Marine Policy"
    capitals = _article(tmp_path, _title_page_report(cover), "capitals.pdf")
    assert capitals.publication == "Harbourside Institute for Marine Policy"


def test_a_title_page_without_an_issuer_has_no_publication(tmp_path: Path) -> None:
    cover = [
        (60, "Working Paper No. 3", 9, ""),
        (200, "Tidal Power on the Northern Coast", 26, "B"),
        (300, "Marta Lindqvist", 11, ""),
        (640, "Prepared for the Ministry of Energy", 10, ""),
        (660, "June 2024", 10, ""),
    ]
    assert _article(tmp_path, _title_page_report(cover)).publication is None


def test_an_institute_above_the_title_of_a_first_page_of_text(tmp_path: Path) -> None:
    """A brief with no title page: the institute's line over the title is no section."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_title("Rural Clinics After the Merger")
    _page(pdf)
    _text(pdf, 60, 40, "CENTER FOR RURAL HEALTH POLICY", 9, "B")
    _text(pdf, 60, 70, "Rural Clinics After the Merger", 20, "B")
    _text(pdf, 60, 110, prose(0, 4), 11)
    _text(pdf, 60, pdf.get_y() + 14, "Staffing", 14, "B")
    _text(pdf, 60, pdf.get_y() + 10, f"{prose(5)} The Center for Rural Health Policy counted.", 11)
    article = _article(tmp_path, pdf)
    assert article.publication == "Center for Rural Health Policy"
    assert article.sections == ("Staffing",)
    assert article.sentences[0].text.startswith("Clinics in the eastern districts")


def _brief_with_running_line(running: str) -> FPDF:
    """A brief with no title page and no issuer over its title; each page has a footer."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_title("Rural Clinics After the Merger")
    for n in range(1, 4):
        _page(pdf)
        if n == 1:
            _text(pdf, 60, 50, "Rural Clinics After the Merger", 20, "B")
        _text(pdf, 60, 100, prose(n * 3, 3), 11)
        pdf.set_font("Times", "", 8)
        pdf.text(60, 760, running)
        pdf.text(540, 760, str(n))
    return pdf


@pytest.mark.parametrize(
    ("running", "publication"),
    [
        ("Northgate Policy Centre | Working Paper 12", "Northgate Policy Centre"),
        ("Audit Office Summary", None),  # a document's name, headed by "Summary"
    ],
)
def test_an_issuer_only_the_running_footer_names(
    tmp_path: Path, running: str, publication: str | None
) -> None:
    article = _article(tmp_path, _brief_with_running_line(running))
    assert article.title == "Rural Clinics After the Merger"
    assert article.publication == publication
