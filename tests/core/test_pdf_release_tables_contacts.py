"""A statistics release's PDF parts: dated field lines, table headers and notes, contact blocks.

Drawn here with fpdf2 in shapes unlike the held-out bulletin: a centred title block with
"Date of publication:" and "Next update:" lines in Times; a table whose header cells sit
flush left over figures set flush right, "(a)"/"*" markers in its cells with their notes
above and below its Source line; a "Media enquiries" block of a press office, an e-mail
address and a phone number; and the negative shapes (a sentence that ends in a web address
on its own line, a marker no cell carries, a date field in running text).
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.ingest.pdf.address_lines import is_address
from bot.core.ingest.pdf.dated_fields import is_dated_field
from bot.core.ingest.pdf.lines import Line
from bot.core.ingest.pdf.meta import line_date
from bot.core.ingest.pdf.table_text import note_marker, table_notes
from bot.core.model import Article

_PROSE = (
    "Ferry passenger numbers to the northern islands rose by a tenth in the year to March. "
    "Most of the growth came from day visitors on the shorter crossings in summer. "
    "Freight tonnage was flat, as two hauliers moved their contracts to the mainland port."
)


def _article(tmp_path: Path, pdf: FPDF) -> Article:
    path = tmp_path / "release.pdf"
    path.write_bytes(bytes(pdf.output()))
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def _title_block(pdf: FPDF, *fields: str) -> None:
    pdf.add_page()
    pdf.set_font("Times", "B", 20)
    pdf.multi_cell(0, 9, "Island Ferry Statistics: Year to March 2025", align="C")
    pdf.ln(3)
    pdf.set_font("Times", "", 10)
    for field in fields:
        pdf.cell(0, 5, field, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Times", "B", 13)
    pdf.cell(0, 7, "Passengers", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 11)
    pdf.multi_cell(0, 6, _PROSE, new_x="LMARGIN", new_y="NEXT")


def _texts(article: Article) -> list[str]:
    return [s.text for s in article.sentences]


# --- dated field lines ---------------------------------------------------------------------------
def test_a_publication_date_field_is_the_date_and_the_next_update_a_sentence(
    tmp_path: Path,
) -> None:
    pdf = FPDF()
    _title_block(pdf, "Date of publication: 3 October 2024", "Next update: January 2025")
    article = _article(tmp_path, pdf)
    texts = _texts(article)
    assert article.date == "2024-10-03"
    assert not any("Date of publication" in t for t in texts)
    assert "Next update: January 2025." in texts  # a sentence of its own, glued to nothing
    assert "Passengers" in article.sections
    assert "Next update: January 2025." not in article.sections


def test_a_next_release_field_alone_is_no_date(tmp_path: Path) -> None:
    pdf = FPDF()
    _title_block(pdf, "Next release: 9 April 2026")
    article = _article(tmp_path, pdf)
    assert article.date != "2026-04-09"
    assert "Next release: 9 April 2026." in _texts(article)


def test_a_dated_field_in_the_text_stays_where_it_is(tmp_path: Path) -> None:
    pdf = FPDF()
    _title_block(pdf, "Published: 3 October 2024")
    pdf.set_font("Times", "", 11)
    pdf.multi_cell(0, 6, "Operators bidding for the new contracts should note:", new_x="LMARGIN")
    pdf.cell(0, 6, "Closing date: 28 February 2025", new_x="LMARGIN", new_y="NEXT")
    article = _article(tmp_path, pdf)
    texts = _texts(article)
    assert article.date == "2024-10-03"
    closing = [t for t in texts if "Closing date: 28 February 2025" in t]
    assert len(closing) == 1 and texts.index(closing[0]) > 2, texts  # after the prose above


def test_which_lines_are_dated_fields_and_document_dates() -> None:
    assert line_date("Release date: 12 March 2025") == "2025-03-12"
    assert line_date("Publication date: May 2023") == "2023-05"
    assert line_date("Released on 2 May 2024") == "2024-05-02"
    assert line_date("Next release: 11 March 2026") is None  # another issue's date
    assert line_date("Data date: 2024-01-01") is None
    assert is_dated_field("Next update: January 2025")
    assert is_dated_field("Last revised: 14 May 2024")
    assert not is_dated_field("Note: figures are provisional")
    assert not is_dated_field("The board met on 4 June 2024")
    assert not is_dated_field("Next release: 11 March 2026, with revised weights")


# --- table header cells and notes ----------------------------------------------------------------
def _table(pdf: FPDF, *, header_align: str, notes_after_source: bool) -> None:
    pdf.set_font("Helvetica", "B", 9.5)
    pdf.cell(0, 6, "Table 3: Passengers by route, thousands", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    widths = (55.0, 45.0, 45.0)
    head = ("Route", "Year to March 2024", "Year to March 2025")
    rows = (
        ("Kirkwall to Westray (a)", "118", "131"),
        ("Lerwick to Bressay", "204", "219*"),
        ("Stromness to Hoy", "87", "90"),
        ("All routes", "409", "440"),
    )
    for width, cell in zip(widths, head, strict=True):
        pdf.cell(width, 6.5, cell, align=header_align)
    pdf.ln()
    pdf.set_font("Helvetica", "", 9.5)
    for row in rows:
        for k, (width, cell) in enumerate(zip(widths, row, strict=True)):
            pdf.cell(width, 6.5, cell, align="L" if k == 0 else "R")
        pdf.ln()
    pdf.ln(1)
    pdf.set_font("Helvetica", "", 7.5)
    notes = ["(a) Summer sailings only.", "* Includes winter charter sailings."]
    source = "Source: Harbour masters' returns"
    for line in [source, *notes] if notes_after_source else [*notes, source]:
        pdf.cell(0, 4.5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Times", "", 11)
    pdf.multi_cell(0, 6, _PROSE, new_x="LMARGIN", new_y="NEXT")


def _table_article(tmp_path: Path, *, header_align: str, notes_after_source: bool) -> Article:
    pdf = FPDF()
    _title_block(pdf, "Published: 3 October 2024")
    _table(pdf, header_align=header_align, notes_after_source=notes_after_source)
    return _article(tmp_path, pdf)


def test_a_header_set_flush_left_or_centred_over_figures_flush_right_names_them(
    tmp_path: Path,
) -> None:
    """The header cell and the figures under it do not overlap: still one column."""
    for align in ("L", "C"):
        article = _table_article(tmp_path, header_align=align, notes_after_source=False)
        rows = [t for t in _texts(article) if t.startswith("Stromness")]
        assert rows == ["Stromness to Hoy — Year to March 2024 87; Year to March 2025 90."], align


def test_a_header_over_its_figures_reads_as_before(tmp_path: Path) -> None:
    article = _table_article(tmp_path, header_align="R", notes_after_source=False)
    assert "Stromness to Hoy — Year to March 2024 87; Year to March 2025 90." in _texts(article)


def test_a_tables_notes_are_kept_before_or_after_its_source_line(tmp_path: Path) -> None:
    for after in (False, True):
        article = _table_article(tmp_path, header_align="C", notes_after_source=after)
        texts = _texts(article)
        assert "(a) Summer sailings only." in texts, (after, texts)
        assert "* Includes winter charter sailings." in texts, (after, texts)
        caption = next(s for s in article.sentences if s.text.startswith("Table 3:"))
        assert caption.credit == "Source: Harbour masters' returns"
        assert not any(t.startswith("Source:") for t in texts)


def _line(text: str, base: float) -> Line:
    return Line([], 0, x0=60.0, x1=60.0 + 5 * len(text), base=base, size=8.0, text=text)


def test_a_note_is_a_line_opening_with_a_marker_a_cell_carries() -> None:
    assert note_marker("[a] Includes tied housing.") == "[a]"
    assert note_marker("(2) Provisional.") == "(2)"
    assert note_marker("† Revised.") == "†"
    assert note_marker("Owner-occupied") is None
    lines = [
        _line("[a] Includes tenants of tied housing,", 300.0),
        _line("and of employer-provided housing.", 290.5),
        _line("(c) Coastal", 270.0),
        _line("Year", 260.0),
    ]
    notes, rest = table_notes(lines, ["Private rented [a]", "22.5", "Table 2: Households"])
    assert [[ln.text for ln in note] for note in notes] == [
        ["[a] Includes tenants of tied housing,", "and of employer-provided housing."]
    ]
    assert [ln.text for ln in rest] == ["(c) Coastal", "Year"]  # no cell carries "(c)"


# --- contact blocks ------------------------------------------------------------------------------
def test_an_unlabelled_contact_block_is_no_text_and_a_wrapped_address_stays(
    tmp_path: Path,
) -> None:
    pdf = FPDF()
    _title_block(pdf, "Published: 3 October 2024")
    pdf.set_font("Times", "", 11)
    pdf.multi_cell(
        0,
        6,
        "The full tables for every route and month, with the revisions to last year's figures, "
        "are published by the institute at",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.cell(0, 6, "www.nitinst.org.uk/ferry-tables.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Times", "B", 13)
    pdf.cell(0, 7, "Media enquiries", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 11)
    for line in ("Press Office, Northern Isles Transport Institute", "press@nitinst.org.uk"):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, "01856 872 044", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.multi_cell(0, 6, "Figures for the year to June follow in the autumn.", new_x="LMARGIN")
    article = _article(tmp_path, pdf)
    texts = _texts(article)
    assert not any("press@" in t or "01856" in t or "Press Office" in t for t in texts), texts
    assert any(
        t.endswith("published by the institute at www.nitinst.org.uk/ferry-tables.") for t in texts
    ), texts
    assert "Figures for the year to June follow in the autumn." in texts


def test_an_address_after_a_line_ending_in_a_label_is_kept(
    tmp_path: Path,
) -> None:
    pdf = FPDF()
    _title_block(pdf, "Published: 3 October 2024")
    pdf.set_font("Times", "", 11)
    pdf.multi_cell(
        0,
        6,
        "Comments on the draft timetable may be sent to the ferry services manager at the "
        "council offices in Kirkwall, by post to School Place, or by email:",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.cell(0, 6, "ferries@orkney-council.example", new_x="LMARGIN", new_y="NEXT")
    article = _article(tmp_path, pdf)
    assert any("ferries@orkney-council.example" in t for t in _texts(article))  # kept


def test_which_lines_are_addresses() -> None:
    assert is_address("+46 010 556 2318")
    assert is_address("(202) 555-0143")
    assert is_address("stats@office.gov.example")
    assert is_address("https://example.org/tables")
    assert not is_address("2023-2024")  # a year range
    assert not is_address("1,204,556")
    assert not is_address("Call us on 01856 872 044")  # a sentence, not an address alone
