"""A working paper's cover and front matter on small PDFs drawn here with fpdf2.

"Compiled by A and B" under the title names the authors; a line of names that carry their
affiliations' superscripts is read without them; "Policy Note 12, March 2023" is the series
and the date; a code with letters ("DP/2023/07") is a paper's number; a boxed disclaimer in
type apart from the body's, "JEL Classification Numbers:" and "Author's e-mail address:" lines
are no text; paragraph numbers in the margin are no part of the sentence; a figure's "Note:"
line is text apart from its caption; "* Corresponding author: …" is a note.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.model import Article

TITLE = "Harbour Rents and Fishing Crews"
BODY = (
    "Rents in the three harbour towns rose by a third between 2017 and 2022. "
    "Crew members now travel an average of 19 miles to reach the boats. "
    "Two of the towns lost their last cannery in the same years."
)


def _article(tmp_path: Path, pdf: FPDF) -> Article:
    path = tmp_path / "paper.pdf"
    path.write_bytes(bytes(pdf.output()))
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def _pdf() -> FPDF:
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(dt.datetime(2020, 5, 4, 9, 0, tzinfo=dt.UTC))
    pdf.add_page()
    return pdf


def _at(pdf: FPDF, x: float, y: float, text: str, size: float, style: str = "") -> None:
    pdf.set_font("Helvetica", style, size)
    pdf.set_xy(x, y)
    pdf.multi_cell(440, size * 1.35, text)


def _cover(pdf: FPDF, under_title: list[str], over_title: str = "") -> float:
    """Title in display type, the given lines under it; the y where the body may start."""
    if over_title:
        _at(pdf, 70, 50, over_title, 9)
    _at(pdf, 70, 90, TITLE, 22, "B")
    y = 130.0
    for line in under_title:
        _at(pdf, 70, y, line, 10)
        y += 16
    return y + 30


def _body(pdf: FPDF, y: float, heading: str = "1 Background", text: str = BODY) -> float:
    _at(pdf, 70, y, heading, 12, "B")
    _at(pdf, 70, y + 22, text, 10.5)
    return y + 100


def _texts(article: Article) -> list[str]:
    return [s.text for s in article.sentences]


def test_a_compiled_by_line_names_the_authors_and_a_lettered_code_is_the_series(
    tmp_path: Path,
) -> None:
    pdf = _pdf()
    y = _cover(
        pdf,
        ["Compiled by Lena Fischer and Omar Haddad", "March 2023"],
        over_title="Discussion Paper DP/2023/07",
    )
    _body(pdf, y)
    article = _article(tmp_path, pdf)
    assert article.authors == ("Lena Fischer", "Omar Haddad")
    assert article.series == "Discussion Paper DP/2023/07"
    assert article.date == "2023-03"
    assert not any(t.startswith(("Compiled by", "Discussion Paper")) for t in _texts(article))


def test_a_prepared_for_line_names_no_author(tmp_path: Path) -> None:
    pdf = _pdf()
    y = _cover(pdf, ["Prepared for the Coastal Housing Board", "March 2023"])
    _body(pdf, y)
    assert _article(tmp_path, pdf).authors == ()


def test_names_with_superscripts_and_a_series_line_with_its_date(tmp_path: Path) -> None:
    pdf = _pdf()
    y = _cover(
        pdf,
        [
            "Lena Fischer\u00b2, Omar Haddad\u00b9 and Rui Costa\u00b9*",
            "\u00b9 Harbour Institute for Housing Research",
            "\u00b2 School of Planning, University of Eastmoor",
            "Policy Note 12, March 2023",
        ],
    )
    _body(pdf, y)
    article = _article(tmp_path, pdf)
    assert article.authors == ("Lena Fischer", "Omar Haddad", "Rui Costa")
    assert article.series == "Policy Note 12"
    assert article.date == "2023-03"
    assert "Policy Note 12, March 2023" not in article.sections


def test_a_year_report_line_with_a_comma_is_no_series(tmp_path: Path) -> None:
    pdf = _pdf()
    y = _cover(pdf, ["Annual Report, May 2021"])
    _body(pdf, y)
    assert _article(tmp_path, pdf).series is None


def test_a_disclaimer_set_apart_goes_but_the_same_words_in_the_text_stay(tmp_path: Path) -> None:
    pdf = _pdf()
    y = _cover(pdf, ["March 2023"])
    _at(
        pdf,
        70,
        y,
        "Notes in this series report work in progress. The opinions expressed here belong to "
        "the authors and do not necessarily reflect those of the Coastal Housing Board or its "
        "members.",
        8,
        "I",
    )
    y = _body(pdf, y + 60)
    kept = (
        "The views expressed by the harbour masters do not necessarily reflect the views of "
        "their crews, the survey found."
    )
    _body(pdf, y, "2 Survey", kept)
    texts = _texts(_article(tmp_path, pdf))
    assert not any("work in progress" in t or "Coastal Housing Board" in t for t in texts)
    assert kept in texts
    assert "Rents in the three harbour towns rose by a third between 2017 and 2022." in texts


def test_jel_numbers_and_an_authors_e_mail_line_are_no_text(tmp_path: Path) -> None:
    pdf = _pdf()
    y = _cover(pdf, ["March 2023"])
    _at(pdf, 70, y, "Key words: rents, fishing, commuting", 9)
    _at(pdf, 70, y + 14, "JEL Classification Numbers: R21, Q22", 9)
    _at(pdf, 70, y + 28, "Author's e-mail address: lfischer@hihr.example", 9)
    _body(pdf, y + 60)
    article = _article(tmp_path, pdf)
    assert not any(s.startswith("JEL") for s in article.sections)
    assert not any(t.startswith(("JEL", "Author's e-mail", "Key words")) for t in _texts(article))


def test_margin_paragraph_numbers_are_no_text_but_a_numbered_list_keeps_its_numbers(
    tmp_path: Path,
) -> None:
    pdf = _pdf()
    y = _cover(pdf, ["March 2023"])
    _at(pdf, 70, y, "1 Background", 12, "B")
    y += 24
    for number, text in (
        (14, "Crews now live far from the quays. " + BODY),
        (15, "The council owns four of the harbour plots. Two stand empty since 2019."),
    ):
        pdf.set_font("Helvetica", "", 10.5)
        pdf.set_xy(40, y)
        pdf.cell(20, 14, f"{number}.")
        _at(pdf, 70, y, text, 10.5)
        y += 70
    _at(pdf, 70, y, "The board proposes three steps:", 10.5)
    _at(pdf, 70, y + 16, "1. Build forty crew flats on the empty plots.", 10.5)
    _at(pdf, 70, y + 32, "2. Cap harbour rents for working crews.", 10.5)
    texts = _texts(_article(tmp_path, pdf))
    assert "Crews now live far from the quays." in texts
    assert "The council owns four of the harbour plots." in texts
    assert not any(t.startswith(("14.", "15.")) for t in texts)
    # a list numbered on the text's edge keeps its numbers
    assert "1. Build forty crew flats on the empty plots." in texts
    assert "2. Cap harbour rents for working crews." in texts


def test_a_figure_note_is_text_apart_from_its_caption_and_its_sources(tmp_path: Path) -> None:
    pdf = _pdf()
    y = _body(pdf, _cover(pdf, ["March 2023"]))
    _at(pdf, 70, y, "Figure 3. Median rent by harbour town, 2017 and 2022", 9.5, "B")
    _at(pdf, 70, y + 14, "Note: Rents for a two-bedroom flat, in pounds a month.", 8.5)
    _at(pdf, 70, y + 26, "Sources: Coastal Housing Board; authors' survey.", 8.5)
    _body(pdf, y + 60, "2 Survey", "The survey reached 412 crew members in 2022. Most rent.")
    article = _article(tmp_path, pdf)
    caps = [s for s in article.sentences if s.kind == "caption"]
    assert [c.text for c in caps] == ["Figure 3. Median rent by harbour town, 2017 and 2022"]
    assert caps[0].credit == "Sources: Coastal Housing Board; authors' survey."
    assert "Note: Rents for a two-bedroom flat, in pounds a month." in _texts(article)


def test_a_starred_corresponding_author_line_is_a_note_an_unstarred_one_no_text(
    tmp_path: Path,
) -> None:
    for star in (True, False):
        pdf = _pdf()
        y = _cover(pdf, ["Lena Fischer and Omar Haddad*" if star else "March 2023"])
        _body(pdf, y)
        label = "* Corresponding author" if star else "Corresponding author"
        _at(pdf, 70, 760, f"{label}: lfischer@hihr.example. We thank the crews.", 7.5)
        article = _article(tmp_path, pdf)
        notes = [n.text for n in article.notes]
        assert any(t.startswith("Corresponding author: lfischer@hihr.example") for t in notes) == (
            star
        ), notes
        assert not any("lfischer@" in t for t in _texts(article))
