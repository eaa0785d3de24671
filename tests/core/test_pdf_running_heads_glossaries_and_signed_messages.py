"""Report PDFs drawn here with fpdf2: running heads naming the chapter, year-glued markers,
printed abbreviations lists, signed messages and an issuer under the title.

Shapes: a running head whose fixed words come last ("3 Costs    Annual Water Review 2024"); a
plain marker glued after a year ("in May 2019.1 Tariffs"); an "Abbreviations" list with one row
whose long form does not spell its letters; a chair's foreword signed name over role, quoting
what she told staff; a plan whose title page names its authority under the title. Negative
cases: body lines at the top of two pages opening alike, a marker glued after a decimal, a
two-column list of codes whose names spell nothing, a quote by someone else in the signed
foreword, an unsigned "I said" and a real subtitle.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.model import Article


def _article(tmp_path: Path, pdf: FPDF) -> Article:
    path = tmp_path / "report.pdf"
    path.write_bytes(bytes(pdf.output()))
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def _pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(False)
    return pdf


def _line(pdf: FPDF, text: str, size: float = 10, style: str = "", align: str = "L") -> None:
    pdf.set_font("Helvetica", style, size)
    pdf.cell(0, 6, text, align=align, new_x="LMARGIN", new_y="NEXT")


def _para(pdf: FPDF, text: str) -> None:
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def _heading(pdf: FPDF, text: str) -> None:
    _line(pdf, text, 14, "B")
    pdf.ln(2)


def _cover(pdf: FPDF, title: str, under: str, date: str) -> None:
    pdf.add_page()
    pdf.ln(50)
    _line(pdf, title, 24, "B", "C")
    _line(pdf, under, 14, "", "C")
    _line(pdf, date, 12, "", "C")


def _chapter(pdf: FPDF, head: str, heading: str, paras: list[str]) -> None:
    pdf.add_page()
    pdf.set_font("Helvetica", "I", 8)
    pdf.cell(0, 5, head, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    _heading(pdf, heading)
    for text in paras:
        _para(pdf, text)


def _foot(pdf: FPDF, notes: list[str]) -> None:
    pdf.set_y(-35)
    pdf.set_font("Helvetica", "", 7)
    for text in notes:
        pdf.multi_cell(0, 4, text, new_x="LMARGIN", new_y="NEXT")


_WATER = [
    "Leakage fell by a tenth over the year, to 118 litres per property each day. The "
    "company replaced 212 kilometres of old iron mains.",
    "Customer complaints about discoloured water halved after the flushing programme.",
]
_COSTS = [
    "Operating costs rose by 6 per cent, mostly because electricity for pumping cost more. "
    "Chemical costs were flat.",
    "The capital programme spent 41 million pounds, two million pounds less than planned.",
]


def _water_review(first_body: tuple[str, str] | None = None) -> FPDF:
    pdf = _pdf()
    _cover(pdf, "Annual Water Review", "Reporting year 2024", "June 2025")
    chapters = [("2 Performance", _WATER), ("3 Costs", _COSTS)]
    for k, (heading, paras) in enumerate(chapters):
        if first_body is not None:
            paras = [first_body[k], *paras]
        _chapter(pdf, f"{heading}    Annual Water Review 2024", heading, paras)
    return pdf


def test_a_running_head_whose_chapter_name_changes_is_furniture(tmp_path: Path) -> None:
    article = _article(tmp_path, _water_review())
    assert article.title == "Annual Water Review"
    assert article.sections == ("2 Performance", "3 Costs")
    assert not any("Annual Water Review 2024" in s.text for s in article.sentences)
    assert article.subtitle != "2 Performance Annual Water Review 2024"


def test_body_lines_opening_alike_at_the_top_of_two_pages_stay_text(tmp_path: Path) -> None:
    # body type, not a small running head: both are sentences of their chapter
    first = (
        "In the reporting year the company met its target for supply interruptions.",
        "In the reporting year the company spent more on power than in any year before.",
    )
    article = _article(tmp_path, _water_review(first))
    texts = [s.text for s in article.sentences]
    assert first[0] in texts and first[1] in texts


def _tariffs(body: str, note: str) -> FPDF:
    pdf = _pdf()
    pdf.add_page()
    _heading(pdf, "Tariffs")
    _para(pdf, body)
    _para(pdf, "The regulator will review the tariff again in the spring.")
    _foot(pdf, [note])
    return pdf


def test_a_marker_glued_after_a_year_ends_its_sentence_and_cites_the_note(tmp_path: Path) -> None:
    body = (
        "The standing charge was cut for the first time in May 2019.1 Tariffs for heavy "
        "users rose at the same time."
    )
    article = _article(tmp_path, _tariffs(body, "1 Determination 19/4 of the water regulator."))
    cut = [s for s in article.sentences if s.text.startswith("The standing charge")]
    assert [s.text for s in cut] == ["The standing charge was cut for the first time in May 2019."]
    assert cut[0].notes == (1,)
    assert {n.number: n.text for n in article.notes}[1] == (
        "Determination 19/4 of the water regulator."
    )


def test_a_digit_glued_after_a_decimal_vouches_for_no_note(tmp_path: Path) -> None:
    body = "The price index stood at 103.1 Tariffs for heavy users rose at the same time."
    article = _article(tmp_path, _tariffs(body, "1 Tariff bands are set each April."))
    assert not article.notes
    assert any("103.1 Tariffs" in s.text for s in article.sentences)


def _listed(rows: list[tuple[str, str]], heading: str) -> FPDF:
    pdf = _pdf()
    pdf.add_page()
    _heading(pdf, "Summary")
    _para(pdf, "Prices rose faster in the euro area than at home during the year.")
    _heading(pdf, heading)
    pdf.set_font("Helvetica", "", 9)
    for short, long in rows:
        pdf.cell(25, 5, short)
        pdf.cell(0, 5, long, new_x="LMARGIN", new_y="NEXT")
    return pdf


def test_an_abbreviations_list_is_read_as_glossary_entries(tmp_path: Path) -> None:
    rows = [
        ("ECB", "European Central Bank"),
        ("HICP", "Harmonised Index of Consumer Prices"),
        ("HMT", "His Majesty's Treasury dept"),
        ("NFCs", "non-financial corporations"),
    ]
    article = _article(tmp_path, _listed(rows, "Abbreviations"))
    glossary = {g.short: g.long for g in article.glossary}
    assert glossary["ECB"] == "European Central Bank"
    assert glossary["HICP"] == "Harmonised Index of Consumer Prices"
    assert glossary["HMT"] == "His Majesty's Treasury dept"  # the list states it: every row
    assert not any(s.text.startswith(("ECB", "HICP", "NFCs")) for s in article.sentences)


def test_a_list_of_codes_whose_names_spell_nothing_is_no_glossary(tmp_path: Path) -> None:
    rows = [("AB", "Aberdeen and north"), ("DD", "Dundee and Angus"), ("KY", "Fife coast")]
    article = _article(tmp_path, _listed(rows, "Postcode areas"))
    assert not article.glossary
    body = " ".join(s.text for s in article.sentences)
    assert "Aberdeen and north" in body and "Fife coast" in body


def _foreword(signed: bool) -> FPDF:
    pdf = _pdf()
    pdf.add_page()
    _line(pdf, "Northvale Health Board Annual Plan", 22, "B")
    pdf.ln(6)
    _heading(pdf, "Chair's foreword")
    _para(
        pdf,
        'This year the board opened two community clinics. "We will not close a single '
        'ward this winter," I told staff in March, and we kept that promise.',
    )
    _para(
        pdf,
        '"The clinics have cut waits for blood tests by half," said Tom Reyes, who runs '
        "the clinic at Eastmoor.",
    )
    if signed:
        pdf.ln(4)
        _line(pdf, "Helen Marr")
        _line(pdf, "Chair, Northvale Health Board")
    pdf.ln(6)
    _heading(pdf, "Our priorities")
    _para(pdf, "The board will recruit forty nurses and open a third clinic by April.")
    return pdf


def test_what_i_said_in_a_signed_foreword_is_the_signers_quote(tmp_path: Path) -> None:
    article = _article(tmp_path, _foreword(signed=True))
    quotes = {q.text: q.speaker for q in article.quotes}
    assert quotes["We will not close a single ward this winter"] == "Helen Marr"
    # someone else quoted in the signed foreword keeps his own words
    assert quotes["The clinics have cut waits for blood tests by half"] == "Tom Reyes"
    assert not any(s.text.startswith("Helen Marr") for s in article.sentences)


def test_an_unsigned_section_gives_its_i_said_to_nobody(tmp_path: Path) -> None:
    article = _article(tmp_path, _foreword(signed=False))
    speakers = {q.text: q.speaker for q in article.quotes}
    assert "We will not close a single ward this winter" not in speakers


def _plan(under: str) -> FPDF:
    pdf = _pdf()
    _cover(pdf, "Water Resources Plan 2030", under, "March 2026")
    _chapter(pdf, "Water Resources Plan 2030", "1 Demand", _WATER)
    _chapter(pdf, "Water Resources Plan 2030", "2 Supply", _COSTS)
    return pdf


def test_an_authority_under_the_title_is_the_publication_not_the_subtitle(tmp_path: Path) -> None:
    article = _article(tmp_path, _plan("Northvale Water Authority"))
    assert article.publication == "Northvale Water Authority"
    assert article.subtitle is None


def test_a_real_subtitle_under_the_title_stays_the_subtitle(tmp_path: Path) -> None:
    article = _article(tmp_path, _plan("Meeting demand in a drier decade"))
    assert article.subtitle == "Meeting demand in a drier decade"
