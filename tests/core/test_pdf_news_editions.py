"""A newspaper's print edition read from small PDFs drawn here with fpdf2 (news_pages.py).

Shapes: a masthead over a band "Saturday 14 March 2026 · No. 2,019 · 90p", stories whose
bylines name one reporter or two ("By Rhys Colley and Nia Pugh"), a "See page 2" jump and its
"POOL, continued from page 1" head, a later page's head, a public notice set centred.
Negative cases: a report with a large title and a date line but no bylines is no edition; a
centred pull quote stays; a jump to a page the file lacks is cut and nothing else moves; a body
line that opens "By the ..." under a headline is no byline.
"""

from __future__ import annotations

from functools import cache

from fpdf import FPDF

from bot.core.ingest.formats import SourceDocument
from bot.core.ingest.pdf.reader import PdfReader

POOL_1 = (
    "The Fenwick lido will reopen on 1 June after a two-year repair of its leaking basin, the "
    "town council said on Friday. The work cost 3.4 million pounds, a third more than planned, "
    "because the contractor found the old concrete was cracked far deeper than the survey had "
    "shown. Season tickets go on sale next month."
)
POOL_2 = (
    "The council will keep the early swim for members from 6.30am. Its leader, Carys Lloyd, "
    "said the lido drew 41,000 visits in its last full season and would pay its running costs "
    "within four years."
)
BRIDGE = (
    "The footbridge over the Fenwick at Mill Lane will close for six weeks from Monday while "
    "engineers replace its deck. Walkers will be sent over the road bridge, a detour of about "
    "half a mile. The county says the bridge carries 2,300 crossings a day."
)
NOTICE = (
    "PUBLIC NOTICE",
    "Parish council meeting, Tuesday 7pm",
    "Village hall, Church Street",
    "All residents welcome",
)


def _story(pdf: FPDF, x: float, y: float, w: float, head: str, byline: str, body: str) -> None:
    pdf.set_xy(x, y)
    pdf.set_font("Times", "B", 15)
    pdf.multi_cell(w, 7, head)
    if byline:
        pdf.set_x(x)
        pdf.set_font("Helvetica", "I", 8)
        pdf.multi_cell(w, 4, byline)
    pdf.set_x(x)
    pdf.set_font("Times", "", 10)
    pdf.multi_cell(w, 4.5, body)


def _edition(
    *,
    bylines: tuple[str, str] = ("By Ama Mensah", "By Rhys Colley and Nia Pugh"),
    jump: str = "See page 2",
    quote: str = "",
) -> SourceDocument:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Times", "B", 30)
    pdf.set_xy(10, 10)
    pdf.cell(190, 12, "The Fenwick Valley Echo", align="C")
    pdf.set_font("Helvetica", "", 8)
    pdf.set_xy(10, 24)
    pdf.cell(190, 5, "Saturday 14 March 2026  ·  No. 2,019  ·  90p", align="C")
    _story(pdf, 10, 34, 90, "Lido to reopen in June", bylines[0], POOL_1)
    pdf.set_font("Times", "", 10)
    pdf.set_x(10)
    pdf.cell(90, 5, jump)
    _story(pdf, 110, 34, 90, "Mill Lane footbridge to shut", bylines[1], BRIDGE)
    pdf.set_font("Helvetica", "", 8)
    pdf.set_xy(110, 95)
    if quote:
        pdf.multi_cell(90, 4, quote, align="C")
    else:
        pdf.set_font("Helvetica", "B", 10)
        pdf.multi_cell(90, 5, NOTICE[0], align="C")
        pdf.set_font("Helvetica", "", 8)
        for text in NOTICE[1:]:
            pdf.set_x(110)
            pdf.multi_cell(90, 4, text, align="C")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 8)
    pdf.set_xy(10, 10)
    pdf.cell(95, 5, "LOCAL")
    pdf.cell(95, 5, "Saturday 14 March 2026", align="R")
    _story(pdf, 10, 22, 90, "POOL, continued from page 1", "", POOL_2)
    document, issues = PdfReader().read(bytes(pdf.output()), "seeds/echo.pdf")
    assert document is not None, issues
    return document


@cache
def _echo() -> SourceDocument:
    return _edition()


def _texts(document: SourceDocument) -> list[str]:
    return [b.text for b in document.blocks if b.kind != "heading"]


def _headings(document: SourceDocument) -> list[str]:
    return [b.text for b in document.blocks if b.kind == "heading"]


def test_the_masthead_is_the_publication_and_its_band_no_text() -> None:
    document = _echo()
    assert document.meta.publication == "The Fenwick Valley Echo"
    assert document.meta.date == "2026-03-14"
    assert document.meta.subtitle is None
    assert not any("No. 2,019" in t or "90p" in t for t in _texts(document))


def test_the_bylines_are_the_authors_and_head_nothing() -> None:
    document = _echo()
    assert document.meta.authors == ("Ama Mensah", "Rhys Colley", "Nia Pugh")
    assert not any(h.startswith("By ") for h in _headings(document))
    assert "Mill Lane footbridge to shut" in _headings(document)


def test_the_jump_line_is_cut_and_the_continuation_is_under_the_storys_headline() -> None:
    document = _echo()
    assert not any("See page 2" in t for t in _texts(document))
    headings = _headings(document)
    assert "POOL, continued from page 1" not in headings
    assert headings.count("Lido to reopen in June") == 2
    assert not any(h in ("LOCAL", "Saturday 14 March 2026") for h in headings)
    assert not any(t.startswith(("LOCAL", "Saturday")) for t in _texts(document))


def test_a_centred_notice_is_no_text_and_no_heading() -> None:
    document = _echo()
    assert not any("Village hall" in t or "residents welcome" in t for t in _texts(document))
    assert "PUBLIC NOTICE" not in _headings(document)


def test_a_centred_pull_quote_stays() -> None:
    document = _edition(
        quote='"We have waited two years for this and the town will turn out for it on the '
        'first morning, whatever the weather does," said one regular swimmer.'
    )
    assert any("whatever the weather does" in t for t in _texts(document))


def test_a_jump_to_a_page_the_file_lacks_is_cut_and_nothing_moves() -> None:
    document = _edition(jump="Continued on page 9")
    assert not any("Continued on page" in t for t in _texts(document))
    assert "POOL, continued from page 1" in _headings(document)


def test_a_body_line_opening_by_the_is_no_byline() -> None:
    document = _edition(bylines=("By Ama Mensah", "By the river, walkers face a long detour."))
    assert document.meta.publication is None or document.meta.authors == ()
    assert any("By the river" in t for t in _texts(document))


def test_a_report_with_a_large_title_and_a_date_line_is_no_edition() -> None:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 26)
    pdf.set_xy(20, 20)
    pdf.cell(170, 12, "Harbour Dues Review")
    pdf.set_font("Helvetica", "", 9)
    pdf.set_xy(20, 36)
    pdf.cell(170, 5, "March 2026")
    _story(pdf, 20, 50, 170, "1. Background", "", POOL_1)
    _story(pdf, 20, 90, 170, "2. Findings", "", BRIDGE)
    document, _ = PdfReader().read(bytes(pdf.output()), "seeds/review.pdf")
    assert document is not None
    assert document.meta.title == "Harbour Dues Review"
    assert document.meta.publication != "Harbour Dues Review"
