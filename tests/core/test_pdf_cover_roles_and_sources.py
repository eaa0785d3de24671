"""PDF covers with names over role lines and a report code; tables and charts with Source lines.

Drawn here with fpdf2, in shapes unlike the held-out report: an A4 cover with three authors
each over a role ("Senior Fellow", "Professor of …"), a code "WP-2025-03"; a table whose
caption follows a paragraph left open, a Source line under it and one under a chart.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.ingest.metadata import is_role
from bot.core.model import Article

_SENTENCES = (
    "Ferry crossings to the outer islands fell by a fifth over the last decade.",
    "The transport board asked each harbour to report its sailings by the end of June.",
    "Two of the older vessels were withdrawn after failing their winter inspections.",
    "Residents of the smaller islands now wait a day or more for a crossing in storms.",
    "The board has not yet said how it will pay for the two new ships it wants to buy.",
    "Island councils have offered to share the cost of longer piers at three harbours.",
    "Most of the crews who left said that irregular hours were the main reason.",
)


def prose(start: int, count: int = 3) -> str:
    """Distinct sentences (text repeated word for word would read as a pull quote)."""
    return " ".join(_SENTENCES[(start + k) % len(_SENTENCES)] for k in range(count))


def _article(tmp_path: Path, pdf: FPDF) -> Article:
    path = tmp_path / "paper.pdf"
    path.write_bytes(bytes(pdf.output()))
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def _line(pdf: FPDF, text: str, size: float, style: str = "", *, height: float = 0) -> None:
    pdf.set_font("Helvetica", style, size)
    pdf.cell(0, height or size * 0.55, text, align="C", new_x="LMARGIN", new_y="NEXT")


def _cover(pdf: FPDF, people: list[tuple[str, str]], code: str) -> None:
    pdf.add_page()
    _line(pdf, "Northern Isles Transport Institute", 13, "B")
    pdf.ln(40)
    _line(pdf, "Lifeline Ferries: Keeping the Outer Islands Connected", 20, "B")
    pdf.ln(6)
    _line(pdf, "March 2025", 11)
    pdf.ln(24)
    for name, role in people:
        _line(pdf, name, 10.5)
        if role:
            _line(pdf, role, 10.5)
        pdf.ln(5)
    pdf.ln(30)
    _line(pdf, code, 11, "B")


def _body(pdf: FPDF) -> None:
    for heading, start in (("Introduction", 0), ("The Fleet", 3), ("Funding", 5)):
        pdf.add_page()
        pdf.set_font("Times", "B", 14)
        pdf.cell(0, 9, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Times", "", 11)
        pdf.multi_cell(0, 6, prose(start), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        pdf.multi_cell(0, 6, prose(start + 1, 2), new_x="LMARGIN", new_y="NEXT")


def _report(people: list[tuple[str, str]], code: str) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    _cover(pdf, people, code)
    _body(pdf)
    return pdf


def test_names_each_over_a_role_line_on_a_cover_are_the_authors(tmp_path: Path) -> None:
    people = [
        ("Ingrid M. Sollund", "Senior Fellow"),
        ("Tomasz Wieczorek", "Professor of Maritime Economics"),
        ("Aoife Brennan", "Research Associate in Transport Policy"),
    ]
    article = _article(tmp_path, _report(people, "WP-2025-03"))
    assert article.authors == ("Ingrid M. Sollund", "Tomasz Wieczorek", "Aoife Brennan")
    assert article.series == "WP-2025-03"
    texts = [s.text for s in article.sentences]
    assert not any("Senior Fellow" in t or "Professor of" in t for t in texts)


def test_names_without_roles_or_a_year_alone_are_not_read(tmp_path: Path) -> None:
    """A line of names with no role or affiliation under it stays unread (a cover's short
    capitalised lines read as names too), and a year or "No. 4" alone is no report code."""
    article = _article(tmp_path, _report([("Harbour Road", ""), ("Kirkwall Pier", "")], "2025"))
    assert article.authors == ()
    assert article.series is None
    article = _article(tmp_path, _report([("Ingrid M. Sollund", "Senior Fellow")], "No. 4"))
    assert article.authors == ("Ingrid M. Sollund",)
    assert article.series is None


def test_role_lines() -> None:
    assert is_role("Analyst in Energy Policy")
    assert is_role("Research Fellow, Economics")
    assert is_role("Head of the Energy Unit")
    assert not is_role("Ingrid M. Sollund")
    assert not is_role("The Energy Institute")
    assert not is_role("Director of the fund said it would appeal.")


def _table_page(pdf: FPDF) -> None:
    pdf.add_page()
    pdf.set_font("Times", "B", 14)
    pdf.cell(0, 9, "Sailings by Harbour", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 11)
    # the paragraph's last sentence is left open: it ends in a figure, no full stop
    pdf.multi_cell(
        0, 6, f"{prose(2, 2)} The busiest harbour handled 4,100 sailings in", new_x="LMARGIN"
    )
    pdf.ln(8)
    pdf.set_font("Helvetica", "B", 9.5)
    pdf.cell(0, 6, "Table 2: Sailings and Cancellations by Harbour, 2024", new_x="LMARGIN")
    pdf.ln(8)
    rows = [
        ("Harbour", "Sailings", "Cancelled"),
        ("Stromness", "4,100", "212"),
        ("Lerwick", "3,650", "180"),
        ("Castlebay", "1,240", "96"),
        ("Tarbert", "980", "41"),
    ]
    for k, row in enumerate(rows):
        pdf.set_font("Helvetica", "B" if k == 0 else "", 9.5)
        for width, cell in zip((50, 35, 35), row, strict=True):
            pdf.cell(width, 6.5, cell, border="B")
        pdf.ln(6.5)
    pdf.set_font("Helvetica", "", 7.5)
    pdf.cell(0, 5, "Source: Harbour masters' returns to the transport board.", new_x="LMARGIN")
    pdf.ln(14)
    pdf.set_font("Times", "", 11)
    pdf.multi_cell(0, 6, prose(4, 2), new_x="LMARGIN")


def test_a_tables_rows_follow_its_caption_and_its_source_line_is_its_credit(tmp_path: Path) -> None:
    pdf = _report([("Ingrid M. Sollund", "Senior Fellow")], "WP-2025-03")
    _table_page(pdf)
    article = _article(tmp_path, pdf)
    texts = [s.text for s in article.sentences]
    row = "Stromness — Sailings 4,100; Cancelled 212."
    caption = "Table 2: Sailings and Cancellations by Harbour, 2024"
    assert row in texts
    assert texts.index(caption) < texts.index(row)
    assert not any(t.endswith(row) and t != row for t in texts)  # not glued to the paragraph
    source = "Source: Harbour masters' returns to the transport board."
    by_text = {s.text: s for s in article.sentences}
    assert by_text[caption].kind == "caption"
    assert by_text[caption].credit == source
    assert source not in by_text  # the caption's credit only, no sentence of its own
