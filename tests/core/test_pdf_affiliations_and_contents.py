"""A PDF title page's authors with affiliations, and contents lists on pages of text.

Small PDFs drawn here with fpdf2. An author block names each author with where they work
("Name, Institute", "Name (University)", names over an affiliation's own line, names with note
markers over marked affiliations): the names are the authors, the affiliations neither authors
nor text. A contents list (under a "Contents" heading, or rows pointing to the document's own
headings in page order) is navigation, not text; a table of figures, a "Contents of ..."
section and names in the body after the text starts stay as they are.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.model import Article

TITLE = "Salt Marsh Grazing on the Wexmoor Coast"
_SENTENCES = (
    "Cattle have grazed the outer marsh at Wexmoor for at least four centuries.",
    "The grazing keeps the sward short enough for lapwing and redshank to nest.",
    "Where the herds were taken off in 2009 the marsh grew rank within five summers.",
    "Farmers are paid a fixed sum per hectare, whatever the birds do.",
    "Tidal flooding drowned eleven calves in the surge of January 2024.",
    "The drainage board spends more on the sluices than on the sea wall itself.",
    "Two of the six farms on the marsh have no successor lined up.",
    "Volunteers ring the redshank chicks each June before the hay is cut.",
)
HEADINGS = ("Why graze a marsh", "What the farmers are paid", "The tide and the herd")


def prose(start: int, count: int = 3) -> str:
    """Distinct sentences (text repeated word for word would read as a pull quote)."""
    return " ".join(_SENTENCES[(start + k) % len(_SENTENCES)] for k in range(count))


def _article(tmp_path: Path, pdf: FPDF) -> Article:
    path = tmp_path / "paper.pdf"
    path.write_bytes(bytes(pdf.output()))
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def _pdf() -> FPDF:
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_title(TITLE)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 22)
    pdf.set_xy(60, 60)
    pdf.multi_cell(470, 26, TITLE)
    return pdf


def _write(pdf: FPDF, y: float, text: str, size: float = 11, style: str = "") -> None:
    pdf.set_font("Helvetica" if style or size != 11 else "Times", style, size)
    pdf.set_xy(60, y)
    pdf.multi_cell(470, size * 1.3, text)


def _sections(pdf: FPDF, pages: int = 3) -> None:
    """Body pages, each under one of HEADINGS (printed from page 2 on)."""
    for n in range(pages):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 14)
        pdf.set_xy(60, 70)
        pdf.cell(470, 16, HEADINGS[n % len(HEADINGS)])
        pdf.set_font("Times", "", 11)
        pdf.set_xy(60, 94)
        pdf.multi_cell(470, 14, prose(n * 3, 4))


def _texts(article: Article) -> list[str]:
    return [s.text for s in article.sentences]


# --- authors with affiliations ---------------------------------------------------------------
def test_names_over_their_shared_affiliation_line_on_a_page_that_opens_into_text(
    tmp_path: Path,
) -> None:
    pdf = _pdf()
    _write(pdf, 100, "Marta Quill and Owen Strand", 10, "B")
    _write(pdf, 114, "Department of Geography, Wexmoor University", 9)
    _write(pdf, 150, prose(0, 5))
    _sections(pdf)
    article = _article(tmp_path, pdf)
    assert article.authors == ("Marta Quill", "Owen Strand")
    assert not any("Wexmoor University" in t or "Quill" in t for t in _texts(article))
    assert article.sentences[0].text.startswith("Cattle have grazed")
    assert article.publication is None  # where the authors work did not issue the paper


def test_names_with_their_affiliations_in_brackets_on_one_line(tmp_path: Path) -> None:
    pdf = _pdf()
    _write(pdf, 100, "Ines Varga (Coastal Ecology Centre) and Paul Odum (Harrow College)", 10)
    _write(pdf, 150, prose(1, 5))
    _sections(pdf)
    article = _article(tmp_path, pdf)
    assert article.authors == ("Ines Varga", "Paul Odum")
    assert not any("Ecology Centre" in t for t in _texts(article))


def test_a_role_between_the_name_and_the_affiliation_is_no_author(tmp_path: Path) -> None:
    pdf = _pdf()
    _write(pdf, 100, "Ines Varga, Senior Fellow, Tidewater Institute", 10)
    _write(pdf, 114, "Paul Odum, Tidewater Institute", 10)
    _write(pdf, 150, prose(2, 5))
    _sections(pdf)
    assert _article(tmp_path, pdf).authors == ("Ines Varga", "Paul Odum")


def test_names_with_note_markers_over_their_marked_affiliations(tmp_path: Path) -> None:
    pdf = _pdf()
    pdf.set_font("Helvetica", "", 11)
    pdf.set_xy(60, 100)
    for text, raised in (("Ines Varga", False), ("1", True), (" and Paul Odum", False)):
        pdf.char_vpos = "SUP" if raised else "LINE"
        pdf.write(14, text)
    pdf.char_vpos = "SUP"
    pdf.write(14, "2")
    pdf.char_vpos = "LINE"
    _write(pdf, 118, "1 Tidewater Institute for Coastal Studies", 9)
    _write(pdf, 130, "2 School of Earth Sciences, University of Harrowgate", 9)
    _write(pdf, 170, prose(3, 5))
    _sections(pdf)
    article = _article(tmp_path, pdf)
    assert article.authors == ("Ines Varga", "Paul Odum")
    assert not any("Harrowgate" in t or "Tidewater" in t for t in _texts(article))


def test_a_cover_with_a_subtitle_dateline_and_author_lines(tmp_path: Path) -> None:
    pdf = _pdf()
    _write(pdf, 100, "Who keeps the marsh short, and who pays for it", 14)
    _write(pdf, 220, "Ines Varga, Tidewater Institute", 11)
    _write(pdf, 236, "Paul Odum, Department of Zoology, Harrow College", 11)
    _write(pdf, 320, "Tidewater Institute | Occasional Paper 9 | June 2024", 9)
    _sections(pdf)
    article = _article(tmp_path, pdf)
    assert article.subtitle == "Who keeps the marsh short, and who pays for it"
    assert article.authors == ("Ines Varga", "Paul Odum")
    assert article.publication == "Tidewater Institute"
    assert article.series == "Occasional Paper 9"


def test_no_authors_from_an_issuer_line_or_names_without_an_affiliation(
    tmp_path: Path,
) -> None:
    """The institute under the title is no author, and names in the text after the first
    prose (a quoted source, "Ines Varga, Tidewater Institute") stay where they are."""
    pdf = _pdf()
    _write(pdf, 100, "Tidewater Institute for Coastal Studies", 10)
    _write(pdf, 140, prose(4, 5))
    _write(pdf, 230, "Ines Varga, Tidewater Institute", 11)
    _write(pdf, 260, prose(0, 2))
    _sections(pdf)
    article = _article(tmp_path, pdf)
    assert article.authors == ()
    kept = [*article.sections, *_texts(article)]
    assert "Ines Varga, Tidewater Institute" in kept


# --- contents lists ----------------------------------------------------------------------------
def _contents_rows(pdf: FPDF, y: float, rows: list[tuple[str, str]], leaders: bool) -> None:
    pdf.set_font("Helvetica", "", 10)
    for k, (title, page) in enumerate(rows):
        pdf.set_xy(60, y + 15 * k)
        if leaders:
            pdf.cell(470, 12, f"{title} {'.' * 40} {page}")
        else:
            pdf.cell(400, 12, title)
            pdf.cell(70, 12, page, align="R")


def test_a_table_of_contents_with_dot_leaders_under_the_summary(tmp_path: Path) -> None:
    """The page keeps its summary: it is no contents page."""
    pdf = _pdf()
    _write(pdf, 96, "By Ines Varga", 10)
    _write(pdf, 120, "Summary", 12, "B")
    _write(pdf, 138, prose(5, 3))
    _write(pdf, 190, "Table of contents", 12, "B")
    _contents_rows(pdf, 210, [(h, str(n + 2)) for n, h in enumerate(HEADINGS)], leaders=True)
    _sections(pdf)
    article = _article(tmp_path, pdf)
    assert "Table of contents" not in article.sections
    assert article.sections[0] == "Summary"
    assert article.sentences[0].text == _SENTENCES[5]
    assert not any("...." in t or t.startswith("Why graze a marsh") for t in _texts(article))


def test_a_contents_list_with_no_heading_pointing_to_the_headings(tmp_path: Path) -> None:
    """Rows in page order whose titles are the document's headings, a title wrapped once."""
    pdf = _pdf()
    rows = [(h, str(n + 2)) for n, h in enumerate(HEADINGS)]
    _contents_rows(pdf, 100, rows[:2], leaders=False)
    pdf.set_font("Helvetica", "", 10)
    pdf.set_xy(60, 130)
    pdf.cell(400, 12, "The tide")
    pdf.set_xy(60, 144)
    pdf.cell(400, 12, "and the herd")
    pdf.cell(70, 12, "4", align="R")
    _write(pdf, 180, prose(6, 5))
    _sections(pdf)
    article = _article(tmp_path, pdf)
    assert article.sentences[0].text.startswith(_SENTENCES[6][:20])
    assert not any("farmers are paid 3" in t or "and the herd" in t for t in _texts(article))


def test_a_table_of_figures_is_no_contents_list(tmp_path: Path) -> None:
    """Rows ending in ascending numbers whose labels are no headings stay as text."""
    pdf = _pdf()
    _write(pdf, 100, prose(7, 4))
    rows = [("Oldmarsh Farm", "12"), ("Saltcote Farm", "19"), ("Redshank Level", "31")]
    _contents_rows(pdf, 180, rows, leaders=False)
    _write(pdf, 240, prose(1, 2))
    _sections(pdf)
    body = " ".join(_texts(article := _article(tmp_path, pdf)))
    assert "Oldmarsh Farm" in body and "Redshank Level" in body
    assert article.sentences[0].text.startswith(_SENTENCES[7][:20])


def test_a_contents_heading_over_running_text_is_kept(tmp_path: Path) -> None:
    """ "Contents of the survey" heads a section, and "Contents" over prose cuts nothing."""
    pdf = _pdf()
    _write(pdf, 100, prose(2, 3))
    _write(pdf, 170, "Contents of the survey", 12, "B")
    _write(pdf, 188, prose(3, 3))
    _write(pdf, 260, "Contents", 12, "B")
    _write(pdf, 278, prose(4, 3))
    _sections(pdf)
    article = _article(tmp_path, pdf)
    assert "Contents of the survey" in article.sections
    assert "Contents" in article.sections
    assert _SENTENCES[4] in _texts(article)


def test_authors_side_by_side_each_over_their_affiliation(tmp_path: Path) -> None:
    """Two name-and-affiliation stacks set side by side, and a series line above them."""
    pdf = _pdf()
    _write(pdf, 96, "Working Paper Series", 10)
    for x, name, place in (
        (60, "Ines Varga", "Tidewater Institute"),
        (320, "Paul Odum", "Harrow College"),
    ):
        pdf.set_font("Helvetica", "", 10)
        pdf.set_xy(x, 120)
        pdf.cell(200, 12, name)
        pdf.set_xy(x, 134)
        pdf.cell(200, 12, place)
    _write(pdf, 170, prose(2, 5))
    _sections(pdf)
    article = _article(tmp_path, pdf)
    assert article.authors == ("Ines Varga", "Paul Odum")
    assert not any("Harrow College" in t or "Odum" in t for t in _texts(article))


def test_names_each_on_a_line_over_one_shared_affiliation(tmp_path: Path) -> None:
    pdf = _pdf()
    for k, text in enumerate(
        ("Ines Varga", "Paul Odum", "Tidewater Institute for Coastal Studies")
    ):
        _write(pdf, 100 + 13 * k, text, 10)
    _write(pdf, 160, prose(4, 5))
    _sections(pdf)
    article = _article(tmp_path, pdf)
    assert article.authors == ("Ines Varga", "Paul Odum")
    assert article.sentences[0].text == _SENTENCES[4]


def test_a_capitalised_contents_heading_over_numbered_and_sub_entries(tmp_path: Path) -> None:
    """Roman-numbered front matter, numbered sections, indented sub-entries, numbers far right."""
    pdf = _pdf()
    _write(pdf, 96, "By Ines Varga", 10)
    _write(pdf, 120, prose(0, 3))
    _write(pdf, 180, "CONTENTS", 11, "B")
    rows = [
        ("", "Foreword", "iii"),
        ("1", "Why graze a marsh", "2"),
        ("1.1", "Birds on a short sward", "2"),
        ("1.2", "Rank marsh after 2009", "2"),
        ("2", "What the farmers are paid", "3"),
        ("3", "The tide and the herd", "4"),
        ("", "Annex A: Farms on the marsh", "4"),
    ]
    pdf.set_font("Helvetica", "", 10)
    for k, (number, title, page) in enumerate(rows):
        pdf.set_xy(60 + (12 if "." in number else 0), 198 + 14 * k)
        pdf.cell(30, 12, number)
        pdf.cell(300, 12, title)
        pdf.set_xy(500, 198 + 14 * k)
        pdf.cell(30, 12, page, align="R")
    _write(pdf, 310, prose(6, 2))
    _sections(pdf)
    article = _article(tmp_path, pdf)
    assert "CONTENTS" not in article.sections
    body = " ".join(_texts(article))
    assert "Foreword" not in body and "Annex A" not in body and "Birds on a short" not in body
    assert _SENTENCES[6] in _texts(article) and _SENTENCES[0] in _texts(article)


def test_a_bold_heading_under_the_title_over_the_text_is_no_subtitle(tmp_path: Path) -> None:
    """ "Summary" in bold with the text close under it heads that text; an italic subtitle set
    apart from the text stays the subtitle."""
    pdf = _pdf()
    _write(pdf, 100, "Summary", 12, "B")
    _write(pdf, 118, prose(5, 3))
    _sections(pdf)
    article = _article(tmp_path, pdf)
    assert article.subtitle is None
    assert article.sections[0] == "Summary"
    assert article.sentences[0].text == _SENTENCES[5]

    pdf = _pdf()
    _write(pdf, 100, "Who keeps the marsh short", 13, "I")
    _write(pdf, 150, prose(5, 3))
    _sections(pdf)
    assert _article(tmp_path, pdf).subtitle == "Who keeps the marsh short"


def test_an_authors_label_marks_a_byline_as_by_does(tmp_path: Path) -> None:
    pdf = _pdf()
    _write(pdf, 100, "Authors: Ines Varga and Paul Odum", 10)
    _write(pdf, 130, prose(3, 4))
    _sections(pdf)
    article = _article(tmp_path, pdf)
    assert article.authors == ("Ines Varga", "Paul Odum")
    assert not any("Odum" in t for t in _texts(article))
