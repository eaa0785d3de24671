"""A journal article's layout on small PDFs drawn here with fpdf2: a two-column body under a
full-width front block (centred title, byline, affiliations, abstract) read left column first;
numbered subheadings in body type ("2.1 Sampling frame") as sections; a running head printed
on one later page only (it echoes the title or the authors) left out; the DOI, the article's
received/accepted dates and the issue line in the page head no text and no section; a Harvard
reference list ("Rees, T. (2019) 'Title'") not body text. Each rule has its negative case.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.model import Article

LEFT_X, RIGHT_X, COL_W = 54.0, 318.0, 240.0
FULL_W = 504.0
PITCH = 13.0

LEFT = [
    ("h", "1. Background"),
    (
        "p",
        "Ferry fares to the outer isles rose by a third between 2016 and 2022. The operator "
        "blamed fuel costs and an ageing fleet that needed more repairs each winter.",
    ),
    (
        "p",
        "Island councils asked for a cap on the family fare in 2021. The ministry declined and "
        "offered a rebate scheme that few households ever claimed.",
    ),
    ("h", "2. Method"),
    ("s", "2.1 Sampling frame"),
    (
        "p",
        "We drew every household on the electoral roll of four islands. The frame held 2,340 "
        "addresses after duplicates were removed.",
    ),
]
RIGHT = [
    ("s", "2.2 Interviews"),
    (
        "p",
        "Field staff interviewed 412 parents in the summer of 2023. Each interview lasted about "
        "forty minutes and was recorded with consent.",
    ),
    ("h", "3. Results"),
    (
        "p",
        "Families on the smallest island spent nine per cent of their income on crossings. "
        "The share on the largest island was under three per cent.",
    ),
    ("s", "3.1 School journeys"),
    (
        "p",
        "Most crossings were made for school or for hospital visits. Parents said the last "
        "sailing of the day left too early for after-school clubs.",
    ),
]


def _article(tmp_path: Path, pdf: FPDF, name: str = "paper.pdf") -> Article:
    path = tmp_path / name
    path.write_bytes(bytes(pdf.output()))
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def _centred(pdf: FPDF, y: float, text: str, size: float, style: str = "") -> None:
    pdf.set_font("Helvetica", style, size)
    pdf.set_xy(LEFT_X, y)
    pdf.cell(FULL_W, size + 2, text, align="C")


def _byline(pdf: FPDF, y: float) -> None:
    """Two authors with superscript affiliation numbers, centred."""
    parts = [("Iona Macrae", "1"), ("Tomas Berg", "2")]
    pdf.set_font("Helvetica", "", 11)
    width = sum(pdf.get_string_width(n) + 14 for n, _ in parts)
    x = LEFT_X + (FULL_W - width) / 2
    for name, sup in parts:
        pdf.set_font("Helvetica", "", 11)
        pdf.set_xy(x, y)
        pdf.cell(pdf.get_string_width(name), 13, name)
        x += pdf.get_string_width(name)
        pdf.set_font("Helvetica", "", 7)
        pdf.set_xy(x, y - 3)
        pdf.cell(6, 9, sup)
        x += 14


def _column(pdf: FPDF, x: float, y: float, parts: list[tuple[str, str]]) -> float:
    for kind, text in parts:
        if kind == "h":
            pdf.set_font("Helvetica", "B", 11)
            y += 6
        elif kind == "s":
            pdf.set_font("Helvetica", "", 10)
            y += 3
        else:
            pdf.set_font("Helvetica", "", 10)
        pdf.set_xy(x, y)
        pdf.multi_cell(COL_W, PITCH, text)
        y = pdf.get_y() + (4 if kind == "p" else 0)
    return y


def _journal(
    head: str = "Island Studies Quarterly 31(2): 117-139",
    front: tuple[str, ...] = (
        "https://doi.org/10.5521/isq.2024.031",
        "Received 4 May 2023; revised 2 August 2023; accepted 9 January 2024",
    ),
    running: str | None = "Macrae and Berg | Crossing Costs",
    page_two_top: str | None = None,
    references: tuple[str, ...] = (
        "Rees, T. and Moffat, A. (2019) 'Lifeline fares in the Hebrides', Island Studies "
        "Quarterly, 26(1), pp. 44-61.",
        "Sutherland, K. (2015) Ferries and Families. Stornoway: Minch Press.",
    ),
) -> FPDF:
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "I", 8)
    pdf.set_xy(LEFT_X, 30)
    pdf.cell(FULL_W, 10, head)
    _centred(pdf, 60, "Crossing Costs: Ferry Fares and Island Families", 17, "B")
    _byline(pdf, 88)
    _centred(pdf, 106, "1 Centre for Island Research, University of the Minch", 8.5, "I")
    _centred(pdf, 118, "2 School of Social Policy, Northport College", 8.5, "I")
    pdf.set_font("Helvetica", "B", 10)
    pdf.set_xy(LEFT_X, 140)
    pdf.cell(100, 12, "Abstract")
    pdf.set_font("Helvetica", "", 9.5)
    pdf.set_xy(LEFT_X, 154)
    pdf.multi_cell(
        FULL_W,
        12,
        "We ask what higher ferry fares cost island families. Using a survey of 412 parents we "
        "find that the poorest households spend three times the share of income on crossings "
        "that the richest do, and that most of their trips are for school.",
    )
    y = pdf.get_y() + 4
    pdf.set_font("Helvetica", "", 8.5)
    for line in front:
        pdf.set_xy(LEFT_X, y)
        pdf.cell(FULL_W, 10, line)
        y += 11
    top = y + 16
    _column(pdf, LEFT_X, top, LEFT)
    _column(pdf, RIGHT_X, top, RIGHT)
    pdf.add_page()
    y = 60.0
    if running:
        pdf.set_font("Helvetica", "I", 8)
        pdf.set_xy(LEFT_X, 30)
        pdf.cell(FULL_W, 10, running)
    if page_two_top:
        pdf.set_font("Helvetica", "", 10)
        pdf.set_xy(LEFT_X, 60)
        pdf.multi_cell(FULL_W, PITCH, page_two_top)
        y = pdf.get_y() + 8
    pdf.set_font("Helvetica", "B", 11)
    pdf.set_xy(LEFT_X, y)
    pdf.cell(FULL_W, 13, "4. Conclusion")
    pdf.set_font("Helvetica", "", 10)
    pdf.set_xy(LEFT_X, y + 18)
    pdf.multi_cell(
        FULL_W,
        PITCH,
        "A fare cap for families would cost the ministry less than the rebate scheme it "
        "replaced. Harcourt (2017) found the same on the mainland routes.",
    )
    y = pdf.get_y() + 12
    if references:
        pdf.set_font("Helvetica", "B", 11)
        pdf.set_xy(LEFT_X, y)
        pdf.cell(FULL_W, 13, "References")
        y += 18
        pdf.set_font("Helvetica", "", 9)
        for entry in references:
            pdf.set_xy(LEFT_X, y)
            pdf.multi_cell(FULL_W, 11, entry)
            y = pdf.get_y() + 4
    return pdf


def test_the_left_column_is_read_before_the_right_under_a_centred_front_block(
    tmp_path: Path,
) -> None:
    texts = [s.text for s in _article(tmp_path, _journal()).sentences]
    wanted = [
        "We ask what higher ferry fares cost island families.",
        "Ferry fares to the outer isles rose by a third between 2016 and 2022.",
        "The ministry declined and offered a rebate scheme that few households ever claimed.",
        "The frame held 2,340 addresses after duplicates were removed.",
        "Field staff interviewed 412 parents in the summer of 2023.",
        "The share on the largest island was under three per cent.",
        "Parents said the last sailing of the day left too early for after-school clubs.",
    ]
    for w in wanted:
        assert w in texts, (w, texts)
    positions = [texts.index(w) for w in wanted]
    assert positions == sorted(positions)


def test_numbered_subheadings_in_body_type_are_sections_in_order(tmp_path: Path) -> None:
    article = _article(tmp_path, _journal())
    numbered = [s for s in article.sections if s[:1].isdigit()]
    assert numbered == [
        "1. Background",
        "2. Method",
        "2.1 Sampling frame",
        "2.2 Interviews",
        "3. Results",
        "3.1 School journeys",
        "4. Conclusion",
    ]
    where = {s.text: s.section for s in article.sentences}
    assert where["Field staff interviewed 412 parents in the summer of 2023."] == "2.2 Interviews"
    assert (
        where["Families on the smallest island spent nine per cent of their income on crossings."]
        == "3. Results"
    )


def test_a_figure_at_the_start_of_a_short_closing_line_is_no_subheading(tmp_path: Path) -> None:
    """ "4.6 per cent." closing a paragraph, or a numbered line that ends a sentence, stays text."""
    pdf = _journal(
        page_two_top="Unemployment on the islands fell over the decade from 7.2 per cent to\n"
        "4.6 per cent.\n2.5 Tonnes of freight a day crossed on the morning boat."
    )
    article = _article(tmp_path, pdf)
    assert not any(s.startswith(("4.6", "2.5")) for s in article.sections), article.sections
    texts = [s.text for s in article.sentences]
    assert "2.5 Tonnes of freight a day crossed on the morning boat." in texts


def test_a_running_head_printed_on_one_page_only_is_no_text(tmp_path: Path) -> None:
    article = _article(tmp_path, _journal())
    assert not any("Macrae and Berg" in s.text for s in article.sentences)
    assert not any("Crossing Costs" in s for s in article.sections[1:])
    where = {s.text: s.section for s in article.sentences}
    assert (
        where[
            "A fare cap for families would cost the ministry less than the rebate scheme it "
            "replaced."
        ]
        == "4. Conclusion"
    )


def test_a_small_top_line_that_does_not_echo_the_title_is_kept(tmp_path: Path) -> None:
    """A line at a later page's top whose words are not the title's is no running head."""
    article = _article(tmp_path, _journal(running="Harbour dues were waived in 2020 by the board."))
    assert "Harbour dues were waived in 2020 by the board." in [s.text for s in article.sentences]


def test_the_doi_dates_and_issue_line_are_no_text_and_head_no_section(tmp_path: Path) -> None:
    article = _article(tmp_path, _journal())
    for s in article.sentences:
        assert not any(w in s.text for w in ("doi.org", "Received", "31(2)")), s.text
        assert not s.section.startswith(("https", "Received", "Island Studies")), s.section
    assert not any(s.startswith(("https", "Received", "Island Studies")) for s in article.sections)


def test_lines_like_front_matter_inside_the_text_are_kept(tmp_path: Path) -> None:
    """A sentence opening "Received" or naming a volume and pages, away from the page head,
    is body text."""
    front = (
        "Received wisdom holds that fares barely matter to island families.",
        "Applications received 3 October 2023 numbered 412 in all.",
    )
    texts = [s.text for s in _article(tmp_path, _journal(front=front)).sentences]
    assert "Received wisdom holds that fares barely matter to island families." in texts
    assert "Applications received 3 October 2023 numbered 412 in all." in texts


def test_a_harvard_reference_list_is_not_body_text(tmp_path: Path) -> None:
    texts = [s.text for s in _article(tmp_path, _journal()).sentences]
    for t in texts:
        assert not t.startswith(("Rees, T.", "Sutherland, K.", "Stornoway:")), t
    assert "Harcourt (2017) found the same on the mainland routes." in texts


def test_prose_under_a_references_heading_is_kept(tmp_path: Path) -> None:
    prose = (
        "References to the fare cap appear in three council minutes from 2021.",
        "None of them gives a figure for what the cap would cost.",
    )
    texts = [s.text for s in _article(tmp_path, _journal(references=prose)).sentences]
    assert prose[0] in texts and prose[1] in texts


def test_a_single_column_page_with_right_aligned_header_lines_reads_in_order(
    tmp_path: Path,
) -> None:
    """Two right-aligned lines above one column of text make no columns."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 9)
    for k, line in enumerate(("Briefing note for members", "Issued 14 March 2024")):
        pdf.set_xy(LEFT_X, 40 + 12 * k)
        pdf.cell(FULL_W, 10, line, align="R")
    _centred(pdf, 80, "Harbour Dues", 17, "B")
    paragraphs = [
        "The harbour board set its dues for the coming year in February. Fishing boats pay "
        "the same as last year. Yachts pay more.",
        "Dues from visiting yachts rose by a fifth. The board said the money pays for the new "
        "pontoon.",
        "The board meets again in June.",
        "Members may write to the clerk before then. Letters are read at the meeting.",
    ]
    pdf.set_font("Helvetica", "", 10)
    y = 120.0
    for text in paragraphs:
        pdf.set_xy(LEFT_X, y)
        pdf.multi_cell(FULL_W, PITCH, text)
        y = pdf.get_y() + 6
    texts = [s.text for s in _article(tmp_path, pdf).sentences]
    wanted = [
        "Fishing boats pay the same as last year.",
        "Dues from visiting yachts rose by a fifth.",
        "The board meets again in June.",
        "Letters are read at the meeting.",
    ]
    for w in wanted:
        assert w in texts, (w, texts)
    positions = [texts.index(w) for w in wanted]
    assert positions == sorted(positions)


def test_a_sentence_runs_from_the_left_column_foot_to_the_right_column_top(
    tmp_path: Path,
) -> None:
    """Front matter set flush left and indented (title, authors, affiliations across the
    gutter) over two columns set line by line; the left column stops mid-sentence and the
    right goes on."""
    pdf = FPDF(unit="pt", format="a4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Times", "B", 16)
    pdf.set_xy(50, 50)
    pdf.cell(400, 18, "Grazing Rights on Common Land")
    pdf.set_font("Times", "", 10.5)
    pdf.set_xy(50, 76)
    pdf.cell(400, 12, "Marta Kovacs, Daniel Osei and Ruth Lindqvist")
    pdf.set_font("Times", "I", 8.5)
    for k, line in enumerate(
        (
            "Department of Rural Economy, University of Westmarch",
            "Institute for Land Studies, Eastholm Polytechnic",
            "Corresponding author: Marta Kovacs, Westmarch",
        )
    ):
        pdf.set_xy(140, 94 + 11 * k)
        pdf.cell(400, 10, line)
    left = [
        "Common grazing was shared by seventeen",
        "farms in the parish until 1998. The rights",
        "were then sold to the county, which let",
        "them at auction each spring. Rents rose",
        "slowly at first and then quickly after",
        "the drought of 2011, when the price of",
    ]
    right = [
        "hay doubled in a single season. Small",
        "farms gave up their lets one by one.",
        "By 2020 three farms held all of them.",
        "The county kept no record of who bid",
        "and lost at the auctions each spring.",
        "Its minutes name only the winners.",
    ]
    pdf.set_font("Times", "", 10)
    for k, (a, b) in enumerate(zip(left, right, strict=True)):
        pdf.set_xy(50, 150 + 12.5 * k)
        pdf.cell(230, 12, a)
        pdf.set_xy(310, 150 + 12.5 * k)
        pdf.cell(230, 12, b)
    texts = [s.text for s in _article(tmp_path, pdf).sentences]
    wanted = [
        "Common grazing was shared by seventeen farms in the parish until 1998.",
        "Rents rose slowly at first and then quickly after the drought of 2011, when the price "
        "of hay doubled in a single season.",
        "By 2020 three farms held all of them.",
        "Its minutes name only the winners.",
    ]
    for w in wanted:
        assert w in texts, (w, texts)
    positions = [texts.index(w) for w in wanted]
    assert positions == sorted(positions)
