"""A paper's front matter on small PDFs drawn here with fpdf2: a dateline whose parts are set
apart by spaced hyphens ("Institute - Discussion Paper 12 - 3 June 2023") gives the printed date
over the file's creation date and heads no section; "Keywords:" / "JEL classification:" lines
(and the lines they wrap onto) are metadata, not body text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.model import Article

TITLE = "Ferry Fares and Island Schools"
BODY = (
    "Three island schools lost a fifth of their pupils between 2015 and 2021. "
    "The ferry company raised the return fare for families twice in that time. "
    "Parents told the survey that the crossing now costs more than the school meals."
)


def _article(tmp_path: Path, pdf: FPDF) -> Article:
    path = tmp_path / "paper.pdf"
    path.write_bytes(bytes(pdf.output()))
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def _write(pdf: FPDF, y: float, text: str, size: float, style: str = "") -> None:
    pdf.set_font("Times", style, size)
    pdf.set_xy(60, y)
    pdf.multi_cell(470, size * 1.3, text)


def _paper(dateline: str, front: list[str], body_extra: str = "") -> FPDF:
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(dt.datetime(2019, 2, 11, 9, 30, tzinfo=dt.UTC))
    pdf.add_page()
    _write(pdf, 50, dateline, 8.5)
    pdf.set_font("Helvetica", "B", 20)
    pdf.set_xy(60, 80)
    pdf.multi_cell(470, 24, TITLE)
    _write(pdf, 130, "Abstract", 10, "B")
    _write(pdf, 146, BODY, 10)
    y = 200.0
    for line in front:
        _write(pdf, y, line, 8.5)
        y += 12
    _write(pdf, y + 20, "1. The crossing", 12, "B")
    _write(pdf, y + 40, BODY + " " + body_extra, 11)
    return pdf


def test_a_hyphen_parted_dateline_gives_the_printed_date_and_heads_no_section(
    tmp_path: Path,
) -> None:
    pdf = _paper("Orkney Policy Unit  -  Discussion Paper No. 12  -  3 June 2023", [])
    article = _article(tmp_path, pdf)
    assert article.date == "2023-06-03"
    assert not any(s.startswith("Orkney Policy Unit") for s in article.sections)
    assert "1. The crossing" in article.sections


def test_a_spaced_hyphen_inside_a_sentence_is_no_separator(tmp_path: Path) -> None:
    aside = "The older boats - two of them built in 1974 - carry no more than forty people."
    pdf = _paper("Orkney Policy Unit  -  Discussion Paper No. 12  -  3 June 2023", [], aside)
    assert aside in [s.text for s in _article(tmp_path, pdf).sentences]


def test_index_term_lines_and_their_wrapped_lines_are_not_body_text(tmp_path: Path) -> None:
    front = [
        "Key words: ferries, island schools, rural depopulation, transport fares,",
        "school rolls, family budgets",
        "JEL classification: I21, R41",
    ]
    pdf = _paper("Orkney Policy Unit - Discussion Paper No. 12 - June 2023", front)
    article = _article(tmp_path, pdf)
    body = [s.text for s in article.sentences]
    assert not any("ferries, island" in t or "I21" in t or "family budgets" in t for t in body)
    assert any(t.startswith("Three island schools lost") for t in body)


def test_a_sentence_about_keywords_is_kept(tmp_path: Path) -> None:
    aside = "Keywords in the survey were chosen by the parents themselves."
    pdf = _paper("Orkney Policy Unit - Discussion Paper No. 12 - June 2023", [], aside)
    assert aside in [s.text for s in _article(tmp_path, pdf).sentences]


def _with_list(tmp_path: Path, heading: str, entries: list[str]) -> list[str]:
    pdf = _paper("Orkney Policy Unit - Discussion Paper No. 12 - June 2023", [])
    pdf.add_page()
    _write(pdf, 60, "2. What the councils can do", 12, "B")
    _write(pdf, 80, "A fare cap for school families would cost the councils little.", 11)
    _write(pdf, 120, heading, 12, "B")
    y = 140.0
    for entry in entries:
        _write(pdf, y, entry, 9.5)
        y += 30
    return [s.text for s in _article(tmp_path, pdf).sentences]


def test_a_bibliography_of_author_year_entries_is_not_cut_into_body_fragments(
    tmp_path: Path,
) -> None:
    body = _with_list(
        tmp_path,
        "Bibliography",
        [
            "Marwick, H., 2018. Island ferries and the school run. Kirkwall: Orcadian Press.",
            "Scottish Transport Board (2020). Ferry fares review. Edinburgh.",
            "Tulloch, A. and Flett, R. (2016). Rolls in decline. Island Studies 4(2), 10-19.",
        ],
    )
    assert "A fare cap for school families would cost the councils little." in body
    assert not any(t in body for t in ("Edinburgh.", "Ferry fares review.", "Rolls in decline."))
    assert not any("Marwick" in t or "Tulloch" in t for t in body)


def test_prose_under_a_references_heading_is_kept(tmp_path: Path) -> None:
    prose = "The parish records mention the ferry only twice before the war."
    body = _with_list(tmp_path, "References", [prose + " Both entries concern a storm."])
    assert prose in body


def test_an_author_line_with_superscript_affiliations_gives_each_author(tmp_path: Path) -> None:
    """'Isla Marwick¹, Ruairidh Flett² and Morag Tulloch¹' over its numbered affiliations: three
    authors in order, and no byline sentence in the body."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.set_xy(60, 60)
    pdf.multi_cell(470, 24, TITLE)
    x, y = 140.0, 100.0
    for text, raised in (
        ("Isla Marwick", False),
        ("1", True),
        (", Ruairidh Flett", False),
        ("2", True),
        (" and Morag Tulloch", False),
        ("1", True),
    ):
        pdf.set_font("Helvetica", "", 6 if raised else 11)
        pdf.set_xy(x, y - (3 if raised else 0))
        width = pdf.get_string_width(text)
        pdf.cell(width, 8 if raised else 14, text)
        x += width
    _write(pdf, 122, "1 Orkney Policy Unit, University of the Isles", 9, "I")
    _write(pdf, 134, "2 School of Geography, University of Aberdeen", 9, "I")
    _write(pdf, 160, BODY, 11)
    article = _article(tmp_path, pdf)
    assert article.authors == ("Isla Marwick", "Ruairidh Flett", "Morag Tulloch")
    assert not any("Tulloch" in s.text or "Flett" in s.text for s in article.sentences)
