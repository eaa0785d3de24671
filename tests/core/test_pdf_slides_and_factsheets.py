"""Slide decks and factsheets, on small PDFs drawn here with fpdf2.

A title slide's event line (names, then a date) gives the date; a footer's "Updated March 2024"
does when no page says it; a quotation displayed whole with its speaker's line under it, or
after a dash, is that speaker's quote; big-number panels keep each figure with its label; a
heading set far under short columns, over a list across the page, heads that list.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.model import Article

_CREATED = datetime(2019, 1, 2, tzinfo=UTC)


def _article(tmp_path: Path, pdf: FPDF, name: str = "doc.pdf") -> Article:
    path = tmp_path / name
    path.write_bytes(bytes(pdf.output()))
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def _deck(event: str, quote: tuple[str, str] | None = None) -> FPDF:
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(_CREATED)
    pdf.set_title("Safer Streets for Cycling")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 32)
    pdf.set_y(50)
    pdf.cell(0, 14, "Safer Streets for Cycling", align="C")
    pdf.ln(24)
    pdf.set_font("Helvetica", "", 17)
    pdf.cell(0, 10, "Marta Quist, Transport Planning Lead", align="C")
    pdf.ln(12)
    pdf.cell(0, 10, event, align="C")
    slides = [
        ("Where the crashes happen", ["Junctions saw 64 per cent of serious cycling crashes."]),
        ("What we changed", ["Protected lanes were built on 11 kilometres of main road."]),
    ]
    for title, bullets in slides:
        pdf.add_page()
        pdf.set_y(22)
        pdf.set_font("Helvetica", "B", 28)
        pdf.cell(0, 14, title)
        pdf.ln(22)
        pdf.set_font("Helvetica", "", 18)
        for bullet in bullets:
            pdf.set_x(20)
            pdf.multi_cell(250, 10, "- " + bullet)
    if quote is not None:
        pdf.add_page()
        pdf.set_y(55)
        pdf.set_font("Helvetica", "I", 28)
        pdf.multi_cell(0, 13, quote[0], align="C")
        pdf.ln(8)
        pdf.set_font("Helvetica", "", 17)
        pdf.cell(0, 10, quote[1], align="C")
    return pdf


def test_the_event_line_on_a_title_slide_gives_the_date(tmp_path: Path) -> None:
    pdf = _deck("Northern Cycling Summit, Riverside Centre, Leeds, 3 October 2024")
    assert _article(tmp_path, pdf).date == "2024-10-03"


def test_a_sentence_ending_in_a_date_is_no_event_line(tmp_path: Path) -> None:
    pdf = _deck("The plan was approved by the board, in Leeds, 3 October 2024")
    assert _article(tmp_path, pdf).date == "2019-01-02"  # the file's own date


def test_a_quote_slide_is_a_quote_of_the_person_under_it(tmp_path: Path) -> None:
    pdf = _deck(
        "Northern Cycling Summit, Leeds, 3 October 2024",
        ('"A child should be able to ride to school without fear."', "Dr Lena Ostrova, Mayor"),
    )
    article = _article(tmp_path, pdf)
    assert any(
        q.speaker == "Lena Ostrova"
        and q.text == "A child should be able to ride to school without fear."
        for q in article.quotes
    )
    assert not any("Ostrova" in s or "without fear" in s for s in article.sections)


def test_a_quotation_over_a_sentence_is_nobodys_quote(tmp_path: Path) -> None:
    pdf = _deck(
        "Northern Cycling Summit, Leeds, 3 October 2024",
        ('"A child should be able to ride to school without fear."', "The council agreed."),
    )
    assert not any(q.speaker for q in _article(tmp_path, pdf).quotes)


def _leaflet(footer: str, quote_line: str) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(_CREATED)
    pdf.set_title("Carers Need Breaks")
    for page in (1, 2):
        pdf.add_page()
        if page == 1:
            pdf.set_xy(15, 12)
            pdf.set_font("Helvetica", "B", 22)
            pdf.cell(180, 10, "Carers Need Breaks")
            panels = [
                ("72%", "of unpaid carers have had no day off this year"),
                ("3 in 10", "carers say their own health has got worse"),
            ]
            for i, (big, label) in enumerate(panels):
                x = 15 + i * 92
                pdf.set_xy(x + 3, 34)
                pdf.set_font("Helvetica", "B", 28)
                pdf.cell(80, 14, big)
                pdf.set_xy(x + 3, 50)
                pdf.set_font("Helvetica", "", 9)
                pdf.multi_cell(60, 4.5, label)
            pdf.set_xy(15, 80)
            pdf.set_font("Helvetica", "", 10.5)
            pdf.multi_cell(
                180,
                5.5,
                "Unpaid carers look after relatives at home for many hours a week. Respite "
                "places have fallen in most areas since 2019, and waiting lists are long.",
            )
            pdf.set_xy(15, 110)
            pdf.set_font("Helvetica", "I", 10)
            pdf.multi_cell(180, 5, quote_line)
        else:
            pdf.set_xy(15, 15)
            pdf.set_font("Helvetica", "B", 15)
            pdf.cell(180, 8, "What carers told us")
            cols = [
                ("Time", "Most carers said they had not slept a full night in months. " * 2),
                ("Money", "Many had given up paid work to care, and savings ran out fast. " * 2),
            ]
            for i, (head, body) in enumerate(cols):
                pdf.set_xy(15 + i * 92, 30)
                pdf.set_font("Helvetica", "B", 11)
                pdf.cell(85, 6, head)
                pdf.set_xy(15 + i * 92, 38)
                pdf.set_font("Helvetica", "", 9.5)
                pdf.multi_cell(85, 4.8, body)
            pdf.set_xy(15, 130)
            pdf.set_font("Helvetica", "B", 14)
            pdf.cell(80, 8, "Our three asks")
            pdf.set_font("Helvetica", "", 10.5)
            y = 142.0
            asks = [
                "Give every carer a legal right to four weeks of respite a year.",
                "Fund respite places in every council area from 2026.",
                "Pay the carer's allowance at the level of the national living wage.",
            ]
            for n, ask in enumerate(asks, 1):
                pdf.set_xy(18, y)
                pdf.multi_cell(175, 5.5, f"{n}. {ask}")
                y = pdf.get_y() + 2
        pdf.set_xy(15, 284)
        pdf.set_font("Helvetica", "", 7)
        pdf.cell(180, 4, f"{footer}   Page {page} of 2", align="C")
    return pdf


def test_a_footers_updated_month_is_the_date(tmp_path: Path) -> None:
    pdf = _leaflet("Riverside Carers Trust, charity no. 204411. Updated March 2024", '"x."')
    assert _article(tmp_path, pdf).date == "2024-03"


def test_a_footers_review_date_is_no_date(tmp_path: Path) -> None:
    pdf = _leaflet("Riverside Carers Trust, charity no. 204411. Next review March 2026", '"x."')
    assert _article(tmp_path, pdf).date == "2019-01-02"


def test_big_number_panels_keep_their_labels(tmp_path: Path) -> None:
    article = _article(tmp_path, _leaflet("Riverside Carers Trust", '"x."'))
    texts = [s.text for s in article.sentences]
    assert "72% of unpaid carers have had no day off this year" in texts
    assert "3 in 10 carers say their own health has got worse" in texts
    assert "3 in 10" not in article.sections
    assert any(t.startswith("Unpaid carers look after relatives") for t in texts)


def test_a_pull_quote_credited_after_a_dash_is_the_speakers(tmp_path: Path) -> None:
    line = '"Some weeks I do not leave the house at all." - Tomasz, 64, a carer in Hull'
    article = _article(tmp_path, _leaflet("Riverside Carers Trust", line))
    assert any(
        q.speaker == "Tomasz" and q.text == "Some weeks I do not leave the house at all."
        for q in article.quotes
    )
    assert not any("Tomasz, 64" in s.text for s in article.sentences)


def test_a_quotation_then_more_text_after_a_dash_keeps_its_words(tmp_path: Path) -> None:
    line = '"Some weeks I do not leave the house at all." - and that is the problem we face.'
    article = _article(tmp_path, _leaflet("Riverside Carers Trust", line))
    assert not any(q.speaker for q in article.quotes)
    assert any("the problem we face" in s.text for s in article.sentences)


def test_a_heading_far_under_short_columns_heads_the_list_across_the_page(
    tmp_path: Path,
) -> None:
    article = _article(tmp_path, _leaflet("Riverside Carers Trust", '"x."'))
    sections = list(article.sections)
    assert sections.index("Our three asks") > sections.index("Money")
    asks = [s for s in article.sentences if "four weeks of respite" in s.text]
    assert len(asks) == 1 and asks[0].section == "Our three asks"
    money = [s for s in article.sentences if s.text.startswith("Many had given up paid work")]
    assert money and all(s.section == "Money" for s in money)
