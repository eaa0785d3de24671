"""PDF footnotes whose markers are plain digits glued after a sentence ("quay.1 The board"),
set in the body's type on its baseline, on small A4 PDFs drawn here with fpdf2.

Shapes: markers after a closing quote, a question mark, a parenthesis and a per cent sign; no
rule over the notes; a note cut by the page break and finished at the next page's foot. Negative
cases: decimals and version numbers, a small numbered list at the foot of a page whose glued
digits are on another page, and a plain "H.R.1" in a document whose markers are raised.
"""

from __future__ import annotations

from functools import cache

from fpdf import FPDF

from bot.core.ingest.formats import SourceDocument
from bot.core.ingest.pdf.reader import PdfReader


def _pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_margins(25, 20, 25)
    pdf.set_auto_page_break(False)
    return pdf


def _para(pdf: FPDF, text: str) -> None:
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def _foot(pdf: FPDF, lines: list[str], y: float = 250) -> None:
    """Small-type lines at the page's foot, no rule above them."""
    pdf.set_y(y)
    pdf.set_font("Helvetica", "", 7.5)
    for text in lines:
        pdf.multi_cell(0, 3.6, text, new_x="LMARGIN", new_y="NEXT")


def _read(pdf: FPDF) -> SourceDocument:
    document, issues = PdfReader().read(bytes(pdf.output()), "seeds/test.pdf")
    assert document is not None, issues
    return document


def _body(document: SourceDocument) -> str:
    return " ".join(b.text for b in document.blocks if b.kind not in ("notes", "heading"))


def _notes(document: SourceDocument) -> dict[int, str]:
    out: dict[int, str] = {}
    for block in document.blocks:
        if block.kind == "notes":
            for line in block.lines:
                number, _, text = line.text.partition(" ")
                out[int(number)] = text
    return out


@cache
def _harbour() -> SourceDocument:
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, "Dredging the Outer Harbour", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    _para(
        pdf,
        'The harbour master called the closure of the north channel "a pause, not a retreat."1 '
        "Pilots now bring the larger ferries in through the south channel at high water only.",
    )
    _para(
        pdf,
        "Silt builds up at the mouth of the channel every winter. Who pays for clearing it?2 "
        "The port and the county council have argued over the bill since the storms of 2021.",
    )
    _foot(
        pdf,
        [
            "1 Harbour Master, statement to the port users' forum, 12 January 2024.",
            "2 The county's share was set by an agreement signed in 1987, which the council "
            "gave notice to end in 2023 and which was",
        ],
    )
    pdf.add_page()
    _para(
        pdf,
        "A survey of the channel bed found the depth at the bar reduced by a third (the 2022 "
        "survey).3 Dredging contractors have quoted for two methods.",
    )
    _para(
        pdf,
        "Traffic through the port fell by 18%.4 The ferry company has warned that it may move "
        "its winter sailings to another harbour.",
    )
    _foot(
        pdf,
        [
            "extended for a year while the two sides negotiate.",
            "3 Hydrographic Office, Outer Harbour Survey, report HO-22-7, March 2022.",
            "4 Port Authority, Annual Traffic Return 2023, https://port.example.org/traffic/.",
        ],
        y=255,
    )
    return _read(pdf)


def test_plain_digit_markers_make_the_page_foot_notes() -> None:
    document = _harbour()
    notes = _notes(document)
    assert sorted(notes) == [1, 2, 3, 4]
    assert notes[1].startswith("Harbour Master, statement to the port users' forum")
    assert notes[3] == "Hydrographic Office, Outer Harbour Survey, report HO-22-7, March 2022."
    body = _body(document)
    assert "Harbour Master, statement" not in body
    assert "Hydrographic Office" not in body


def test_plain_digit_markers_end_their_sentences_raised() -> None:
    body = _body(_harbour())
    assert '"a pause, not a retreat."¹ Pilots' in body
    assert "Who pays for clearing it?² The port" in body
    assert "(the 2022 survey).³ Dredging" in body
    assert "fell by 18%.⁴ The ferry" in body


def test_a_plain_marked_note_cut_by_the_page_break_goes_on_at_the_next_foot() -> None:
    document = _harbour()
    assert _notes(document)[2].endswith(
        "which was extended for a year while the two sides negotiate."
    )
    assert "extended for a year" not in _body(document)


def test_decimals_and_versions_are_not_markers() -> None:
    pdf = _pdf()
    pdf.add_page()
    _para(
        pdf,
        "The water level rose to 16.2 metres on Tuesday. The model used was version 3.1 The "
        "Dutch edition. Readings were taken at 6 a.m. and 6 p.m. each day.",
    )
    _foot(pdf, ["1 Readings are rounded to the nearest tenth of a metre."])
    document = _read(pdf)
    body = _body(document)
    assert "16.2 metres" in body
    assert "version 3.1 The" in body
    assert not _notes(document)
    assert "Readings are rounded" in body


def test_a_small_numbered_list_on_another_page_than_the_glued_digits_stays_text() -> None:
    pdf = _pdf()
    pdf.add_page()
    _para(pdf, "Applicants must first complete the registration form.1 It asks for two names.")
    pdf.add_page()
    _para(pdf, "The clerk checks every form before the committee sees it.")
    _foot(pdf, ["1 Fill in the registration form.", "2 Send it to the clerk."])
    document = _read(pdf)
    assert not _notes(document)
    body = _body(document)
    assert "form.1 It asks" in body
    assert "Fill in the registration form." in body


def test_plain_digits_do_not_stand_for_a_note_a_raised_marker_cites() -> None:
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.write(5, "The committee reported the bill in March")
    pdf.char_vpos = "SUP"
    pdf.write(5, "1")
    pdf.char_vpos = "LINE"
    pdf.write(5, " and the House passed it in June. The bill was numbered H.R.1 The Senate has")
    pdf.write(5, " not taken it up.")
    pdf.ln(8)
    _foot(pdf, ["1 Committee report, 12 March 2024."])
    document = _read(pdf)
    assert _notes(document) == {1: "Committee report, 12 March 2024."}
    body = _body(document)
    assert "March¹ and the House" in body
    assert "H.R.1 The Senate" in body
