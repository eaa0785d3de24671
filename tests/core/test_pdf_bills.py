"""Bills printed as PDFs, drawn here with fpdf2: numbered lines, stopped headings, sponsors.

A bill prints a number beside each line of its text (restarting on each page or running on);
the numbers and the running header are furniture, a sentence runs across the printed lines,
"Section 2. Penalties." heads a section, and the members who introduced it are its authors.
A ranked table's first column, a wrapped numbered list and a bold sentence of a report stay.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.ingest.pdf.bills import bill_front
from bot.core.ingest.pdf.lines import Line
from bot.core.model import Article


def _article(tmp_path: Path, pdf: FPDF) -> Article:
    path = tmp_path / "doc.pdf"
    path.write_bytes(bytes(pdf.output()))
    article, issues = read_article(path)
    assert article is not None, issues
    return article


_BODY = [
    ("h", "Section 1. Short title."),
    ("p", "This Act may be cited as the Harbour Dredging and Moorings Act."),
    ("h", "Section 2. Dredging duty."),
    (
        "p",
        "(a) The harbour authority shall keep the approach channel to each public quay dredged "
        "to a depth of not less than 3.5 metres at the lowest astronomical tide, and shall "
        "survey the channel at least twice in each calendar year.",
    ),
    (
        "p",
        "(b) A survey under subsection (a) shall be published on the authority's website within "
        "28 days of its completion, together with a chart of the soundings taken.",
    ),
    ("h", "Section 3. Mooring charges."),
    (
        "p",
        "The charge for a seasonal mooring for a vessel of less than 10 metres in length shall "
        "not exceed 420 pounds in any year, and the authority shall not charge a fee for "
        "placing a name on the waiting list for a mooring.",
    ),
    ("h", "Section 4. Penalties."),
    (
        "p",
        "A person who moors a vessel in the approach channel without the consent of the "
        "harbour master commits an offence and is liable on conviction to a fine not exceeding "
        "2,500 pounds.",
    ),
    ("h", "Section 5. Harbour master."),
    (
        "p",
        "The harbour master may direct any vessel to leave a berth where its master has failed "
        "to pay the charges due for that berth for more than ninety days, after giving notice "
        "in writing to the registered owner.",
    ),
    ("h", "Section 6. Pilotage."),
    (
        "p",
        "Every vessel of more than 60 metres in length entering the harbour between sunset and "
        "sunrise shall carry a licensed pilot, unless the harbour master has granted an "
        "exemption certificate to its master.",
    ),
    ("h", "Section 7. Annual report."),
    (
        "p",
        "Not later than six months after the end of each financial year, the authority shall "
        "lay before the Assembly a report on the depth of each channel, the moorings let and "
        "the waiting list for moorings.",
    ),
    ("h", "Section 8. Fees for slipways."),
    (
        "p",
        "A resident of a coastal parish may launch a small craft from any public slipway without "
        "charge, and the authority may charge other users a fee set out in its published scale "
        "of dues.",
    ),
    ("h", "Section 9. Wrecks."),
    (
        "p",
        "Where a sunken vessel obstructs the approach channel, the authority may raise, remove "
        "or destroy the wreck and recover the cost from its owner as a civil debt.",
    ),
    ("h", "Section 10. Commencement."),
    ("p", "This Act comes into force on the first day of April following its passing."),
]


class _Bill(FPDF):
    line_no = 0
    restart = False

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "", 8)
        self.set_xy(30, 8)
        self.cell(150, 4, "H.B. 88 - Harbour Dredging and Moorings Act", align="R")
        if self.restart:
            self.line_no = 0
        self.set_y(20)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 4, f"Page {self.page_no()}", align="C")


def _numbered(pdf: _Bill, text: str, style: str = "") -> None:
    if pdf.get_y() > 150:  # short pages: the text runs onto page 3
        pdf.add_page()
    pdf.line_no += 1
    y = pdf.get_y()
    pdf.set_font("Helvetica", "", 7)
    pdf.set_xy(12, y)
    pdf.cell(10, 5.5, str(pdf.line_no), align="R")
    pdf.set_font("Helvetica", style, 10)
    pdf.set_xy(30, y)
    pdf.cell(0, 5.5, text)
    pdf.set_y(y + 5.5)


def _wrap(pdf: _Bill, text: str, width: float) -> list[str]:
    pdf.set_font("Helvetica", "", 10)
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if pdf.get_string_width(trial) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current] if current else lines


def _bill(*, restart: bool, sponsors: bool = True) -> FPDF:
    pdf = _Bill(format="A4")
    pdf.restart = restart
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_y(50)
    front = [
        ("64TH GENERAL ASSEMBLY", 10, "B"),
        ("COMMONWEALTH OF ESTERHAVEN", 10, "B"),
        ("H.B. 88", 18, "B"),
        ("A bill to require the dredging of harbour channels and to cap mooring charges.", 10, ""),
        ("IN THE HOUSE OF DELEGATES", 10, ""),
        ("March 3, 2025", 10, ""),
    ]
    for text, size, style in front:
        pdf.set_font("Helvetica", style, size)
        pdf.cell(0, 8, text, align="C", new_x="LMARGIN", new_y="NEXT")
    if sponsors:
        pdf.set_font("Helvetica", "", 10)
        for text in (
            "Mr. HALLORAN (for himself, Ms. VIKANDER and Mr. OYELARAN) introduced the",
            "following bill; which was referred to the Committee on Ports and Waterways.",
        ):
            pdf.cell(0, 8, text, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    for kind, text in _BODY:
        if kind == "h":
            _numbered(pdf, text, "B")
        else:
            for part in _wrap(pdf, text, 150):
                _numbered(pdf, part)
    return pdf


def test_a_bill_without_its_line_numbers_running_header_and_cut_sentences(tmp_path: Path) -> None:
    for restart in (True, False):
        bill = _article(tmp_path, _bill(restart=restart))
        texts = [s.text for s in bill.sentences]
        assert (
            "The harbour authority shall keep the approach channel to each public quay dredged to "
            "a depth of not less than 3.5 metres at the lowest astronomical tide, and shall survey "
            "the channel at least twice in each calendar year."
        ) in " ".join(texts), texts
        for t in texts:
            assert not t.split(" ", 1)[0].isdigit(), t
            assert "H.B. 88 - Harbour" not in t, t
        assert [s.page for s in bill.sentences if "first day of April" in s.text] == ["3"]
        assert [s.page for s in bill.sentences if "short title" in s.text.lower()] == []
        assert [s.page for s in bill.sentences if s.text.startswith("This Act may")] == ["2"]


def test_a_bill_s_stopped_headings_are_its_sections(tmp_path: Path) -> None:
    bill = _article(tmp_path, _bill(restart=True))
    names = " | ".join(bill.sections)
    for heading in ("Short title", "Dredging duty", "Mooring charges", "Penalties"):
        assert heading in names, bill.sections
    assert not any(s.text in ("Section 4.", "Penalties.") for s in bill.sentences)
    assert "IN THE HOUSE OF DELEGATES" not in bill.sections


def test_a_bill_s_sponsors_are_its_authors(tmp_path: Path) -> None:
    bill = _article(tmp_path, _bill(restart=True))
    assert bill.authors == ("Halloran", "Vikander", "Oyelaran"), bill.authors
    assert bill.subtitle != "64TH GENERAL ASSEMBLY"
    unsponsored = _article(tmp_path, _bill(restart=True, sponsors=False))
    assert not any("HALLORAN" in a for a in unsponsored.authors)


def test_the_sponsors_sentence_names_each_member() -> None:
    def lines(*texts: str) -> list[Line]:
        return [Line(glyphs=[], text=t) for t in texts]

    front = bill_front(
        lines(
            "STATE OF NORDMARK",
            "Senator Ada Lind and Senator Per Holm introduced the following resolution;",
        )
    )
    assert front is not None and front.sponsors == ("Ada Lind", "Per Holm")
    assert [ln.text for ln in front.furniture] == ["STATE OF NORDMARK"]
    front = bill_front(lines("Rep. Joan Carver (for herself and Rep. Ike Moss) introduced the"))
    assert front is None  # the sentence goes on: "the following bill" is not there
    front = bill_front(
        lines("Rep. Joan Carver (for herself and Rep. Ike Moss) introduced the following bill")
    )
    assert front is not None and front.sponsors == ("Joan Carver", "Ike Moss")
    assert bill_front(lines("The committee introduced the following changes to the plan.")) is None


def _report_with_ranks_and_list() -> FPDF:
    """A report: a ranked table of short cells, a wrapped numbered list, a bold sentence."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, "Ports league table 2024", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(
        0,
        5,
        "The league table ranks the region's ports by the tonnage they handled in 2024. "
        "Rosshaven kept its place at the top for the fourth year.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(3)
    for rank, (port, tonnes) in enumerate(
        [
            ("Rosshaven", "4.1"),
            ("Kelby", "3.6"),
            ("Marrow", "2.9"),
            ("Tully", "2.2"),
            ("Ardwick", "1.8"),
            ("Selham", "1.1"),
        ],
        start=1,
    ):
        y = pdf.get_y()
        pdf.set_xy(12, y)
        pdf.cell(10, 5, str(rank), align="R")
        pdf.set_xy(30, y)
        pdf.cell(40, 5, port)
        pdf.cell(20, 5, tonnes)
        pdf.set_y(y + 5)
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(
        0,
        5,
        "The authority expects tonnage to rise by a tenth in 2025.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font("Helvetica", "", 10)
    pdf.ln(3)
    for k in range(1, 7):
        y = pdf.get_y()
        pdf.set_xy(12, y)
        pdf.cell(10, 5, str(k), align="R")
        pdf.set_xy(30, y)
        pdf.multi_cell(
            150,
            5,
            f"Recommendation {k} asks the authority to publish its dredging surveys and its "
            "mooring waiting list every quarter, with the number of vessels waiting.",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    return pdf


def test_a_ranked_table_a_numbered_list_and_a_bold_sentence_stay(tmp_path: Path) -> None:
    report = _article(tmp_path, _report_with_ranks_and_list())
    texts = [s.text for s in report.sentences]
    assert "1 — Rosshaven; 4.1." in texts and "6 — Selham; 1.1." in texts, texts
    assert sum("asks the authority to publish" in t for t in texts) == 6, texts
    assert any(
        t.text == "The authority expects tonnage to rise by a tenth in 2025."
        for t in report.sentences
    ), [s.text for s in report.sentences]
    assert "The authority expects tonnage" not in " ".join(report.sections)
    assert report.authors == ()
