"""Magazine pages, on small PDFs drawn here with fpdf2.

Two columns wrapping round a box set across the gutter (a pull quote) are read down each column
and the box after them; a drop cap is joined to its word; a section break's ornament is no
text; a bare folio is the page a citation gives, not the year a running line ends in; a
standfirst over a "By …" line is the subtitle and the byline the author; a magazine's
"Name | Issue N, Season Year" line names the publication and the issue's year.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.ingest.pdf.journal import citation
from bot.core.ingest.pdf.lines import _drop_cap
from bot.core.model import Article

_FONTS = Path("/usr/share/fonts/truetype/dejavu")
pytestmark = pytest.mark.skipif(
    not (_FONTS / "DejaVuSans.ttf").exists(), reason="no DejaVu font to print quote marks with"
)
_CREATED = datetime(2018, 3, 4, tzinfo=UTC)
_LINE = 4.8


def _pdf(header: str | None = None, folio: Callable[[int], str] | None = None) -> FPDF:
    class Page(FPDF):
        def header(self) -> None:
            if header:
                self.set_font("Sans", "", 7.5)
                self.set_xy(20, 9)
                self.cell(170, 4, header)

        def footer(self) -> None:
            if folio:
                self.set_font("Sans", "", 7.5)
                self.set_xy(20, 286)
                self.cell(170, 4, folio(self.page_no()), align="R")

    pdf = Page(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(_CREATED)
    pdf.add_font("Sans", "", str(_FONTS / "DejaVuSans.ttf"))
    pdf.add_font("Sans", "B", str(_FONTS / "DejaVuSans-Bold.ttf"))
    pdf.add_font("Sans", "I", str(_FONTS / "DejaVuSans-Oblique.ttf"))
    return pdf


def _article(tmp_path: Path, pdf: FPDF) -> Article:
    path = tmp_path / "mag.pdf"
    path.write_bytes(bytes(pdf.output()))
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def _column(
    pdf: FPDF,
    paras: Sequence[str],
    x: float,
    y: float,
    width: Callable[[float], tuple[float, float]],
) -> float:
    """Set paragraphs down a column from y; `width(y)` gives the line's x and width there."""
    pdf.set_font("Sans", "", 8.5)
    for text in paras:
        words = text.split()
        while words:
            left, w = width(y)
            line = words.pop(0)
            while words and pdf.get_string_width(line + " " + words[0]) <= w:
                line += " " + words.pop(0)
            pdf.set_xy(left, y)
            pdf.cell(w, _LINE, line)
            y += _LINE
        y += _LINE * 0.7
    return y


_LEFT = [
    "The harbour authority counted 4,300 lorry movements through the east gate in March, and "
    "most of them came between five and seven in the morning when the ferry unloads.",
    "Residents of Quay Street have complained about the noise for years, and the council "
    "measured night-time levels above 60 decibels on eleven nights out of thirty.",
    "A new access road would take the lorries round the back of the fish market and away from "
    "the houses, at a cost the authority puts at £14 million over three years.",
]
_RIGHT = [
    "Tomas Eriksen, the harbour master, says the road is overdue. \u201cWe built a port for "
    "ships and forgot the lorries that meet them,\u201d he said.",
    "The fishing cooperative is less sure, because the road would cut across the yard where "
    "its boats are lifted out for repairs each winter.",
    "A public consultation opens in June and the authority expects to decide by the end of the "
    "year, after the ferry operator has set out its timetable.",
]
_PULL = (
    "\u201cWe built a port for ships and forgot the lorries that meet them.\u201d "
    "\u2014 Tomas Eriksen"
)


def _wrapped_page(pdf: FPDF, *, box: bool) -> None:
    pdf.add_page()
    pdf.set_font("Sans", "B", 20)
    pdf.set_xy(20, 22)
    pdf.cell(170, 9, "Lorries at the East Gate")
    top = 42.0
    band = (70.0, 96.0)
    gutter_mid = 105.0
    box_x0, box_x1 = gutter_mid - 22, gutter_mid + 22
    if box:
        pdf.set_font("Sans", "I", 11)
        pdf.set_xy(box_x0, band[0] + 1)
        pdf.multi_cell(box_x1 - box_x0, 5.5, _PULL, align="C")

    def left(y: float) -> tuple[float, float]:
        if box and band[0] <= y + _LINE and y <= band[1]:
            return 20.0, box_x0 - 3 - 20
        return 20.0, 80.0

    def right(y: float) -> tuple[float, float]:
        if box and band[0] <= y + _LINE and y <= band[1]:
            return box_x1 + 3, 190 - (box_x1 + 3)
        return 110.0, 80.0

    _column(pdf, _LEFT, 20, top, left)
    _column(pdf, _RIGHT, 110, top, right)


def test_columns_wrapping_round_a_box_across_the_gutter_are_read_down_each_column(
    tmp_path: Path,
) -> None:
    article = _article(tmp_path, _with(_wrapped_page, box=True))
    body = [s.text for s in article.sentences]
    for para in (*_LEFT, _RIGHT[1], _RIGHT[2]):
        assert para in body, para
    assert body.index(_LEFT[2]) < body.index(_RIGHT[1])  # the left column first
    assert not any("Eriksen" in h or "lorries that" in h for h in article.sections)
    pulls = [q for q in article.quotes if q.text.startswith("We built a port for ships")]
    assert pulls and all(q.speaker == "Tomas Eriksen" for q in pulls)
    assert not any("\u2014 Tomas" in t for t in body)


def test_the_same_columns_without_a_box_read_the_same(tmp_path: Path) -> None:
    article = _article(tmp_path, _with(_wrapped_page, box=False))
    body = [s.text for s in article.sentences]
    for para in (*_LEFT, _RIGHT[1], _RIGHT[2]):
        assert para in body, para


def test_the_middle_of_three_columns_is_a_column_not_a_box(tmp_path: Path) -> None:
    # the middle column has text level with it on both sides, but stands inside the gutters
    paras = [
        ["Column one tells how the river rose by two metres overnight in the spring floods."],
        ["Column two tells how the council opened the sports hall to 140 families at dawn."],
        ["Column three tells how the water went down within four days of the heavy rain."],
    ]
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("Sans", "B", 18)
    pdf.set_xy(20, 22)
    pdf.cell(170, 9, "The Spring Floods")
    for k, col in enumerate(paras):
        x = 20 + k * 58.0
        _column(pdf, col * 2, x, 40, lambda y, x=x: (x, 52.0))
    article = _article(tmp_path, pdf)
    body = [s.text for s in article.sentences]
    wholes = [p[0] for p in paras]
    assert all(w in body for w in wholes), body
    assert [body.index(w) for w in wholes] == sorted(body.index(w) for w in wholes)


def _with(draw: Callable[..., None], **options: bool) -> FPDF:
    pdf = _pdf()
    draw(pdf, **options)
    return pdf


# --- drop caps ----------------------------------------------------------------------------------
def test_a_drop_cap_letter_is_joined_to_its_word() -> None:
    assert _drop_cap("W hen the tide turned") == "When the tide turned"
    assert _drop_cap("I n 2019 the port") == "In 2019 the port"
    assert _drop_cap("A fter the storm") == "After the storm"


def test_a_drop_cap_that_is_a_word_keeps_its_space() -> None:
    assert _drop_cap("A survey of the quay") == "A survey of the quay"
    assert _drop_cap("I have lived here") == "I have lived here"
    assert _drop_cap("The tide turned") == "The tide turned"  # no drop cap split


def test_a_drop_cap_in_a_pdf_is_one_word_with_its_line(tmp_path: Path) -> None:
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("Sans", "B", 18)
    pdf.set_xy(20, 22)
    pdf.cell(170, 9, "The Long Winter")
    pdf.set_font("Sans", "B", 34)
    pdf.set_xy(20, 40)
    pdf.cell(13, 13, "W")  # the letter's box is wider than the letter: a gap before its word
    _column(
        pdf,
        ["inter came early to the valley, and the first snow closed the pass in October."],
        35,
        41,
        lambda y: (35.0, 150.0),
    )
    _column(pdf, ["The road stayed shut for nine weeks."], 20, 60, lambda y: (20.0, 160.0))
    body = [s.text for s in _article(tmp_path, pdf).sentences]
    assert any(t.startswith("Winter came early to the valley") for t in body), body
    assert not any(t.startswith("W inter") for t in body)


# --- section-break ornaments ----------------------------------------------------------------
def test_section_break_ornaments_are_no_text_but_bullets_stay(tmp_path: Path) -> None:
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("Sans", "B", 18)
    pdf.set_xy(20, 22)
    pdf.cell(170, 9, "Notes From the Ferry")
    y = _column(pdf, ["The morning boat left at seven with forty cars."], 20, 40, _wide)
    for k, ornament in enumerate(("\u2042", "\u2022 \u2022 \u2022", "~ ~ ~")):
        pdf.set_font("Sans", "", 8.5)
        pdf.set_xy(20, y)
        pdf.cell(170, _LINE, ornament, align="C")
        y = _column(pdf, [f"A paragraph after break {k + 1} ends here."], 20, y + 7, _wide)
    pdf.set_xy(20, y)
    pdf.cell(170, _LINE, "\u2022 Tickets are sold at the quay office.")
    body = [s.text for s in _article(tmp_path, pdf).sentences]
    assert not any(set(t) <= set("\u2042\u2022~ *") for t in body), body
    assert any("Tickets are sold at the quay office." in t for t in body), body
    assert sum(t.startswith("A paragraph after break") for t in body) == 3


def _wide(y: float) -> tuple[float, float]:
    return 20.0, 170.0


# --- printed folios --------------------------------------------------------------------------
def _two_pages(pdf: FPDF) -> FPDF:
    for k in range(2):
        pdf.add_page()
        if k == 0:
            pdf.set_font("Sans", "B", 18)
            pdf.set_xy(20, 22)
            pdf.cell(170, 9, "Gulls Over the Harbour")
        _column(
            pdf,
            [f"Page {'one' if k == 0 else 'two'} says the gulls nest on 38 roofs this year."],
            20,
            40,
            _wide,
        )
    return pdf


def test_a_bare_folio_wins_over_the_year_a_running_line_ends_in(tmp_path: Path) -> None:
    pdf = _two_pages(_pdf("HARBOUR LIFE  /  Spring 2024", folio=lambda n: str(n + 111)))
    pages = {s.page for s in _article(tmp_path, pdf).sentences}
    assert pages <= {"112", "113"} and "112" in pages


def test_a_running_line_ending_in_a_year_gives_no_pages(tmp_path: Path) -> None:
    pdf = _two_pages(_pdf("HARBOUR LIFE  /  Spring 2024"))
    pages = {s.page for s in _article(tmp_path, pdf).sentences}
    assert pages <= {"1", "2"} and "2024" not in pages


# --- standfirst and byline ----------------------------------------------------------------------
_STANDFIRST = (
    "The island's only school has eleven pupils and one teacher. Ingrid Solberg spent a term "
    "in its classroom to see how it survives."
)


def _front(pdf: FPDF, byline: str | None) -> FPDF:
    pdf.add_page()
    pdf.set_font("Sans", "B", 19)
    pdf.set_xy(20, 22)
    pdf.cell(170, 9, "A School of Eleven")
    pdf.set_font("Sans", "I", 11.5)
    pdf.set_xy(20, 34)
    pdf.multi_cell(150, 5.8, _STANDFIRST)
    y = pdf.get_y() + 2
    if byline:
        pdf.set_font("Sans", "B", 8.5)
        pdf.set_xy(20, y)
        pdf.cell(150, 6, byline)
        y += 10
    _column(
        pdf,
        [
            "The school opened in 1911 and has never closed, though it came close in 1987.",
            "Its roof was mended last summer by the parents, who gave four weekends to the job "
            "and paid for the slates from a raffle that raised a little over two thousand pounds.",
            "The teacher, who has been there since 2009, takes the older pupils across to the "
            "mainland once a week for science lessons in a laboratory the island cannot afford.",
        ],
        20,
        y + 4,
        _wide,
    )
    return pdf


def test_a_standfirst_over_a_by_line_is_the_subtitle_and_the_byline_the_author(
    tmp_path: Path,
) -> None:
    article = _article(tmp_path, _front(_pdf(), "By Ingrid Solberg"))
    assert article.subtitle == _STANDFIRST
    assert article.authors == ("Ingrid Solberg",)
    assert not any(s.text.startswith("The island's only school") for s in article.sentences)


def test_a_display_paragraph_with_no_by_line_is_no_subtitle(tmp_path: Path) -> None:
    article = _article(tmp_path, _front(_pdf(), None))
    assert article.subtitle is None or not article.subtitle.endswith("how it survives.")


# --- a magazine's issue line ----------------------------------------------------------------
def test_a_magazine_issue_line_names_the_magazine_and_the_issues_year() -> None:
    found = citation("HARBOUR LIFE  /  Issue 7, Spring 2024")
    assert found is not None and (found.journal, found.date) == ("Harbour Life", "2024")
    found = citation("City Review | Issue 12, March 2025")
    assert found is not None and (found.journal, found.date) == ("City Review", "2025-03")


def test_a_series_or_an_issue_with_no_name_is_no_magazine() -> None:
    assert citation("Policy Brief | Issue 3, 2024") is None
    assert citation("Issue 4, May 2024") is None
    assert citation("Harbour Life Issue 7 covers the regatta") is None


def test_the_magazine_in_the_running_header_is_the_publication(tmp_path: Path) -> None:
    pdf = _two_pages(_pdf("HARBOUR LIFE  |  Issue 7, Spring 2024", folio=lambda n: str(n + 11)))
    article = _article(tmp_path, pdf)
    assert article.publication == "Harbour Life"
    assert article.date is not None and article.date.startswith("2024")


def test_a_drop_cap_spanning_three_lines_joins_the_first(tmp_path: Path) -> None:
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("Sans", "B", 18)
    pdf.set_xy(20, 22)
    pdf.cell(170, 9, "The Lighthouse Keepers")
    pdf.set_font("Sans", "B", 42)
    pdf.set_xy(20, 41.5)
    pdf.cell(13, 16, "F")  # set over the first three lines, its foot on the third
    _column(
        pdf,
        [
            "ive keepers lived on the rock until 1982, when the light was automated and the "
            "last of them rowed ashore with a cat and two crates of books he had read twice."
        ],
        36,
        40,
        lambda y: (36.0, 40.0) if y < 54 else (20.0, 56.0),
    )
    _column(pdf, ["The tower is now open to visitors in summer."], 20, 80, _wide)
    body = [s.text for s in _article(tmp_path, pdf).sentences]
    assert any(t.startswith("Five keepers lived on the rock until 1982") for t in body), body
    assert not any(t in ("F", "F.") or t.startswith("ive keepers") for t in body)
