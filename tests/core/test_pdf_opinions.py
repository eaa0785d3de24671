"""Court opinions printed as PDFs, drawn here with fpdf2: caption, delivering judge, parts, notes.

The caption's case name is the title and the court the publication; the decision's date is the
date; the judge who delivers the opinion is its author; the running head's changing second line
is furniture; a centred bold line ending in a stop opens a part; a note marker glued to an
amount ("£12,500.1 The") cites the note at the page's foot. A report that only mentions a case
and a court, a closing sentence like a neighbour's, and a figure with no note stay as they are.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.ingest.pdf.opinions import as_name, delivering_judge
from bot.core.model import Article


def _article(tmp_path: Path, pdf: FPDF) -> Article:
    path = tmp_path / "doc.pdf"
    path.write_bytes(bytes(pdf.output()))
    article, issues = read_article(path)
    assert article is not None, issues
    return article


class _Judgment(FPDF):
    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "", 8)
        self.cell(0, 4, "Harrow District Council v Patel", align="L", new_x="LMARGIN", new_y="NEXT")
        part = "Judgment of the court" if self.page_no() == 2 else "Hale J, concurring"
        self.cell(0, 4, part, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(6)

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 4, str(self.page_no()), align="R")


def _para(pdf: FPDF, text: str) -> None:
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def _centred(pdf: FPDF, text: str) -> None:
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, text, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def _judgment() -> FPDF:
    pdf = _Judgment(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(20, 15, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 7, "IN THE COURT OF APPEAL OF EASTMARCH", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 7, "Harrow District Council v Patel", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(
        0,
        5,
        "Appeal No. CA/2024/071 | Judgment delivered: 12 March 2025",
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(4)
    _para(
        pdf,
        "The council appeals against an order quashing its decision to refuse Mr Patel a licence "
        "to run a market stall. The judge below held that the council had not given reasons. "
        "We allow the appeal for the reasons that follow.",
    )
    _para(pdf, "LADY JUSTICE ORME delivered the judgment of the court, with which Hale J agreed.")
    pdf.add_page()
    _centred(pdf, "LADY JUSTICE ORME delivered the judgment of the court.")
    _para(
        pdf,
        "Mr Patel applied for a licence in May 2023 and offered to pay a deposit of £12,500.1 The "
        "council refused the licence in a letter of two paragraphs. Its letter named the market "
        "regulations and the number of stalls already let.",
    )
    _para(
        pdf,
        "A decision letter need not be long. It must let the applicant see why he lost, and this "
        "one did. The judge was wrong to quash it.",
    )
    _para(pdf, "The order of the county court is set aside.")
    pdf.set_y(-40)
    pdf.set_font("Helvetica", "", 7.5)
    pdf.multi_cell(
        0,
        4,
        "1 The deposit was twice the usual sum for a covered stall.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.add_page()
    _centred(pdf, "MR JUSTICE HALE, concurring.")
    _para(
        pdf,
        "I agree that the appeal should be allowed. I add only that a council which names the "
        "regulations it relies on has given the reason the statute asks of it, and that a court "
        "should not set aside such a decision for want of eloquence.",
    )
    return pdf


def test_the_caption_gives_title_court_date_and_the_delivering_judge(tmp_path: Path) -> None:
    judgment = _article(tmp_path, _judgment())
    assert judgment.title == "Harrow District Council v Patel"
    assert judgment.publication == "Court of Appeal of Eastmarch"
    assert judgment.date == "2025-03-12"
    assert judgment.authors == ("Orme",)
    assert "IN THE COURT OF APPEAL OF EASTMARCH" not in judgment.sections
    assert not any(s.text.startswith("Appeal No.") for s in judgment.sentences)


def test_the_parts_are_sections_and_the_running_head_is_no_text(tmp_path: Path) -> None:
    judgment = _article(tmp_path, _judgment())
    texts = [s.text for s in judgment.sentences]
    assert not any("Judgment of the court" in t or "Hale J, concurring" in t for t in texts)
    concurring = [s for s in judgment.sentences if s.text.startswith("I agree that")]
    assert [s.section for s in concurring] == ["MR JUSTICE HALE, concurring."]
    assert "The order of the county court is set aside." in texts
    assert not any(q.kind == "pull" for q in judgment.quotes)


def test_a_marker_after_an_amount_cites_its_note(tmp_path: Path) -> None:
    judgment = _article(tmp_path, _judgment())
    deposit = [s for s in judgment.sentences if "deposit of £12,500" in s.text]
    assert [s.text.endswith("£12,500.") for s in deposit] == [True], [s.text for s in deposit]
    assert [tuple(s.notes) for s in deposit] == [(1,)]
    assert {n.number: n.text for n in judgment.notes}[1].startswith("The deposit was twice")


def test_the_delivering_judge_in_its_forms() -> None:
    assert delivering_judge(["ROE, J., delivered the opinion of the Court."]) == "Roe"
    assert delivering_judge(["CHIEF JUSTICE MBEKI delivered the opinion"]) == "Mbeki"
    assert delivering_judge(["The Court delivered its opinion in May."]) is None


def test_a_report_that_mentions_a_case_and_a_court_keeps_its_own_title(tmp_path: Path) -> None:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 10, "Reforming the county courts", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 6, "Supreme Court of Eastmarch", new_x="LMARGIN", new_y="NEXT")
    _para(
        pdf,
        "In Harrow District Council v Patel the court of appeal held that a short decision "
        "letter can give reasons. Fees for a hearing rose to £12,500.5 The rise is the first "
        "since 2019.",
    )
    report = _article(tmp_path, pdf)
    assert report.title == "Reforming the county courts"
    assert report.publication is None and report.authors == ()
    assert [s.text for s in report.sentences][-1] == (
        "Fees for a hearing rose to £12,500.5 The rise is the first since 2019."
    )  # no note at the foot: the figure is no marker
    assert report.notes == ()


def test_a_caption_in_capitals_is_written_as_names() -> None:
    assert as_name("MARLOW HOUSING TRUST v. DELACROIX") == "Marlow Housing Trust v. Delacroix"
    assert as_name("IN RE ESTATE OF VARGA") == "In re Estate of Varga"
    assert as_name("Harrow District Council v Patel") == "Harrow District Council v Patel"
