"""A PDF title page's series line and contact lines, on small PDFs drawn here with fpdf2.

A series line ("Discussion Paper 7", "Policy Brief No. 3") is the article's series, never a
section; a contact statement ("Contact:", "Email:", "Corresponding author:") is no sentence,
while a sentence that only mentions a paper or a contact stays.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.model import Article

_SENTENCES = (
    "Nearly one home in twenty in the market towns stood empty last winter.",
    "Most of the empty homes had been left to relatives who live elsewhere.",
    "Councils can charge double council tax on a home empty for two years.",
    "Few councils use their powers to take over homes that stay empty for longer.",
    "A grant of up to five thousand pounds helped owners repair and let their homes.",
    "The number of homes brought back into use rose by a third in two years.",
    "Owners said the cost of repairs was the main reason for leaving homes empty.",
    "Rents in the market towns rose faster than wages over the same period.",
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


def _text(pdf: FPDF, y: float, text: str, size: float, style: str = "", x: float = 60) -> None:
    pdf.set_font("Times", style, size)
    pdf.set_xy(x, y)
    pdf.multi_cell(480, size * 1.3, text)


def _small_caps(pdf: FPDF, y: float, text: str, size: float) -> None:
    """Small capitals drawn by hand: a capital's first letter full size, the rest smaller."""
    pdf.set_xy(60, y)
    for k, word in enumerate(text.split()):
        pieces = [(word[0], size), (word[1:].upper(), 0.75 * size)]
        if word[0].islower():
            pieces = [(word.upper(), 0.75 * size)]
        if k:
            pieces.insert(0, (" ", size))
        for piece, height in pieces:
            if piece:
                pdf.set_font("Times", "", height)
                pdf.cell(pdf.get_string_width(piece), size, piece)


def _paper(first_page: list[tuple[float, str, float, str]], *, small_caps: str = "") -> FPDF:
    """A first page of text (lines at y, in size and style) and two more pages of sections."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_auto_page_break(False)
    pdf.set_title("Empty Homes in Market Towns")
    pdf.add_page()
    if small_caps:
        _small_caps(pdf, 40, small_caps, 12)
    for y, text, size, style in first_page:
        _text(pdf, y, text, size, style)
    for n in (2, 3):
        pdf.add_page()
        _text(pdf, 60, f"{n} What Councils Can Do", 14, "B")
        _text(pdf, 90, f"In {2010 + n} the councils met {n * 3} times. {prose(n * 3)}", 11)
    return pdf


def test_a_discussion_paper_line_over_the_title_is_the_series(tmp_path: Path) -> None:
    paper = _paper(
        [
            (40, "Northmoor Centre for Housing Research", 12, "B"),
            (58, "Discussion Paper 7", 11, ""),
            (110, "Empty Homes in Market Towns", 22, "B"),
            (170, "Summary", 12, "B"),
            (190, prose(0, 4), 11, ""),
        ]
    )
    article = _article(tmp_path, paper)
    assert article.series == "Discussion Paper 7"
    assert article.publication == "Northmoor Centre for Housing Research"
    assert "Discussion Paper 7" not in article.sections
    assert article.sentences[0].text.startswith("Nearly one home in twenty")


def test_a_policy_brief_line_under_the_title_beside_its_date(tmp_path: Path) -> None:
    paper = _paper(
        [
            (60, "Empty Homes in Market Towns", 22, "B"),
            (100, "Policy Brief No. 3 | May 2024", 10, ""),
            (140, prose(1, 4), 11, ""),
        ]
    )
    article = _article(tmp_path, paper)
    assert article.series == "Policy Brief No. 3"
    assert article.date == "2024-05"
    assert not any("Policy Brief" in s.text for s in article.sentences)
    assert all("Policy Brief" not in section for section in article.sections)


def test_an_institute_in_small_capitals_over_the_series_line(tmp_path: Path) -> None:
    paper = _paper(
        [
            (60, "Working Paper Series, No. 21", 10, ""),
            (110, "Empty Homes in Market Towns", 22, "B"),
            (160, prose(2, 4), 11, ""),
        ],
        small_caps="Northmoor Centre for Housing Research",
    )
    article = _article(tmp_path, paper)
    assert article.publication == "Northmoor Centre for Housing Research"
    assert article.series == "Working Paper Series, No. 21"
    assert article.sections == ("2 What Councils Can Do", "3 What Councils Can Do")


def test_a_paper_a_sentence_names_is_no_series(tmp_path: Path) -> None:
    paper = _paper(
        [
            (60, "Empty Homes in Market Towns", 22, "B"),
            (100, f"{prose(3, 3)} We build on Discussion Paper 6.", 11, ""),
            (180, "Policy Brief 2", 12, "B"),  # after the first prose: a heading of the text
            (200, prose(6, 2), 11, ""),
        ]
    )
    article = _article(tmp_path, paper)
    assert article.series is None
    assert any(s.text == "We build on Discussion Paper 6." for s in article.sentences)


def test_contact_lines_at_the_foot_of_a_first_page_are_no_sentences(tmp_path: Path) -> None:
    paper = _paper(
        [
            (60, "Empty Homes in Market Towns", 22, "B"),
            (100, prose(4, 4), 11, ""),
            (640, "The views expressed are the authors' own.", 8, ""),
            (652, "Contact: housing.team@northmoor.example", 8, ""),
            (680, "Corresponding author: Dr Ada Brennan, Northmoor Centre,", 8, ""),
            (690, "12 Quarry Lane, Leeds LS2 9JT", 8, ""),
        ]
    )
    article = _article(tmp_path, paper)
    texts = [s.text for s in article.sentences]
    assert "The views expressed are the authors' own." in texts
    assert not any(t.startswith(("Contact:", "Corresponding author")) for t in texts)
    assert not any("Quarry Lane" in t for t in texts)


def test_an_email_after_a_sentence_on_its_line_is_cut(tmp_path: Path) -> None:
    paper = _paper(
        [
            (60, "Empty Homes in Market Towns", 22, "B"),
            (100, prose(5, 4), 11, ""),
            (660, "This paper is work in progress. Email: a.brennan@northmoor.example", 8, ""),
        ]
    )
    texts = [s.text for s in _article(tmp_path, paper).sentences]
    assert "This paper is work in progress." in texts
    assert not any("northmoor.example" in t or t.startswith("Email") for t in texts)


def test_a_contact_word_inside_prose_stays(tmp_path: Path) -> None:
    """A label with no address, or one that carries on the sentence above, is text."""
    paper = _paper(
        [
            (60, "Empty Homes in Market Towns", 22, "B"),
            (100, prose(6, 3), 11, ""),
            (200, "Contact: the first step the councils took was a letter to each owner.", 11, ""),
            (240, "Owners who want advice can write to the council or send an", 11, ""),
            (254.3, "email: homes@council.example to ask for a visit.", 11, ""),
        ]
    )
    texts = [s.text for s in _article(tmp_path, paper).sentences]
    assert any(t.startswith("Contact: the first step") for t in texts)
    assert any("homes@council.example" in t for t in texts)


def test_an_institute_beside_the_date_on_a_line(tmp_path: Path) -> None:
    paper = _paper(
        [
            (40, "Northmoor Centre for Housing Research | 14 March 2025", 10, ""),
            (80, "Empty Homes in Market Towns", 22, "B"),
            (120, prose(7, 4), 11, ""),
        ]
    )
    article = _article(tmp_path, paper)
    assert article.date == "2025-03-14"
    assert article.publication == "Northmoor Centre for Housing Research"
    assert not any("Northmoor" in s.text for s in article.sentences)


def test_a_series_line_that_opens_with_its_institute(tmp_path: Path) -> None:
    paper = _paper(
        [
            (40, "NORTHMOOR CENTRE FOR HOUSING RESEARCH WORKING PAPER NO. 12", 9, "B"),
            (80, "Empty Homes in Market Towns", 22, "B"),
            (120, prose(0, 4), 11, ""),
        ]
    )
    article = _article(tmp_path, paper)
    assert article.publication == "Northmoor Centre for Housing Research"
    assert article.series == "NORTHMOOR CENTRE FOR HOUSING RESEARCH WORKING PAPER NO. 12"
    assert all("WORKING PAPER" not in section for section in article.sections)


def test_an_institute_only_a_running_series_line_names(tmp_path: Path) -> None:
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_auto_page_break(False)
    pdf.set_title("Empty Homes in Market Towns")
    for n in range(1, 4):
        pdf.add_page()
        if n == 1:
            _text(pdf, 50, "Empty Homes in Market Towns", 20, "B")
        _text(pdf, 100, prose(n * 3, 4), 11)
        pdf.set_font("Times", "", 8)
        pdf.text(60, 760, "Northmoor Centre for Housing Research Policy Brief 5")
        pdf.text(540, 760, str(n))
    article = _article(tmp_path, pdf)
    assert article.publication == "Northmoor Centre for Housing Research"
    assert not any("Policy Brief" in s.text for s in article.sentences)


def test_a_starred_corresponding_author_note_and_a_correspondence_to_line(
    tmp_path: Path,
) -> None:
    paper = _paper(
        [
            (60, "Empty Homes in Market Towns", 22, "B"),
            (100, prose(2, 4), 11, ""),
            (650, "* Corresponding author. E-mail: a.brennan@northmoor.example", 8, ""),
            (680, "We thank the councils for their data.", 8, ""),
            (692, "Correspondence to Ada Brennan (a.brennan@northmoor.example)", 8, ""),
        ]
    )
    texts = [s.text for s in _article(tmp_path, paper).sentences]
    assert "We thank the councils for their data." in texts
    assert not any("Corresponding" in t or "Correspondence" in t for t in texts)
