"""Make decision-notice-aquila-energy.pdf: a regulator's decision notice (fpdf2)."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

OUT = Path(__file__).with_name("decision-notice-aquila-energy.pdf")


class Notice(FPDF):
    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 5, "Energy Markets Authority | Decision Notice EMA/EN/2026/0418", align="L")
        self.ln(8)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")


def para(pdf: FPDF, number: str, text: str, note: str = "") -> None:
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(10, 5, number)
    if note:
        pdf.set_left_margin(pdf.l_margin + 10)
        pdf.write(5, text)
        pdf.char_vpos = "SUP"
        pdf.write(5, note)
        pdf.char_vpos = "LINE"
        pdf.set_left_margin(pdf.l_margin - 10)
        pdf.ln(5)
    else:
        pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def heading(pdf: FPDF, text: str) -> None:
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def footnote(pdf: FPDF, lines: list[str]) -> None:
    pdf.set_auto_page_break(auto=False)
    pdf.set_y(-32)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + 50, pdf.get_y())
    pdf.ln(1)
    pdf.set_font("Helvetica", "", 7.5)
    for line in lines:
        pdf.multi_cell(0, 4, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_auto_page_break(auto=True, margin=35)


pdf = Notice(format="A4")
pdf.alias_nb_pages()
pdf.set_auto_page_break(auto=True, margin=35)
pdf.set_title("Decision Notice: Aquila Energy Supply Ltd")
pdf.set_author("Energy Markets Authority")
pdf.add_page()
pdf.set_font("Helvetica", "", 9)
pdf.cell(0, 5, "Reference: EMA/EN/2026/0418", new_x="LMARGIN", new_y="NEXT")
pdf.cell(0, 5, "Date: 9 October 2026", new_x="LMARGIN", new_y="NEXT")
pdf.ln(6)
pdf.set_font("Helvetica", "B", 18)
pdf.cell(0, 10, "DECISION NOTICE", new_x="LMARGIN", new_y="NEXT")
pdf.set_font("Helvetica", "", 12)
pdf.multi_cell(
    0, 6, "To: Aquila Energy Supply Ltd (company number 10938271)", new_x="LMARGIN", new_y="NEXT"
)
pdf.ln(2)
pdf.set_font("Helvetica", "I", 10)
pdf.multi_cell(
    0,
    5,
    "Failure to treat customers in payment difficulty fairly, 1 January 2024 to 30 June 2025",
    new_x="LMARGIN",
    new_y="NEXT",
)
pdf.ln(4)

heading(pdf, "1. Action")
para(
    pdf,
    "1.1",
    "For the reasons given in this Notice, the Authority has decided to impose on Aquila "
    "Energy Supply Ltd a financial penalty of 6,450,000 pounds.",
)
para(
    pdf,
    "1.2",
    "Aquila agreed to settle at an early stage of the investigation and therefore qualified "
    "for a 30 per cent settlement discount. Were it not for this discount, the Authority would "
    "have imposed a penalty of 9,214,286 pounds.",
)

heading(pdf, "2. Definitions")
para(pdf, "2.1", "The following definitions are used in this Notice:")
pdf.set_font("Helvetica", "", 10)
for term, meaning in (
    ('"the Act"', "means the Gas and Electricity Markets Act 2019;"),
    ('"the Authority"', "means the Energy Markets Authority;"),
    ('"PPM"', "means a prepayment meter;"),
    (
        '"the Relevant Period"',
        "means the period from 1 January 2024 to 30 June 2025;",
    ),
    ('"SLC 27"', "means standard licence condition 27 of the supply licence."),
):
    pdf.set_x(pdf.l_margin + 10)
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(38, 5, term)
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, meaning, new_x="LMARGIN", new_y="NEXT")
pdf.ln(2)

heading(pdf, "3. Summary of reasons")
para(
    pdf,
    "3.1",
    "During the Relevant Period, Aquila moved 4,812 customers onto a PPM under warrant without "
    "first carrying out the welfare checks required by SLC 27.",
    "1",
)
para(
    pdf,
    "3.2",
    "Of these customers, 1,306 were on the Priority Services Register, and 212 households "
    "included a child under five. Aquila's own audit later found that 37 per cent of the "
    "welfare visits it had recorded were never made.",
    "2",
)
footnote(
    pdf,
    [
        "1 SLC 27.8A, introduced on 8 April 2023, requires a site welfare visit before any "
        "involuntary PPM installation.",
        "2 Aquila internal audit report, 14 August 2025, paragraph 4.6.",
    ],
)

pdf.add_page()
para(
    pdf,
    "3.3",
    "The Authority considers these failings to be serious. Customers who self-disconnected "
    "went without heating for an average of 3.4 days each time their meter ran out of credit.",
)

heading(pdf, "4. Penalty calculation")
para(
    pdf,
    "4.1",
    "The Authority applied the five-step framework in its Penalty Policy 2022. The steps are "
    "set out in the table below.",
)
pdf.set_font("Helvetica", "B", 9)
widths = (20, 110, 40)
for w, h in zip(widths, ("Step", "Description", "Amount (pounds)"), strict=True):
    pdf.cell(w, 7, h, border=1)
pdf.ln()
pdf.set_font("Helvetica", "", 9)
for row in (
    ("1", "Disgorgement of gain made from the breach", "1,180,000"),
    ("2", "Seriousness: 12 per cent of relevant revenue of 61.4 million", "7,368,000"),
    ("3", "Aggravating factors: repeated breach (+12.5 per cent)", "921,000"),
    ("4", "Adjustment for deterrence", "0"),
    ("5", "Settlement discount (30 per cent of steps 2 to 4)", "-2,702,714"),
    ("", "Total penalty (after rounding)", "6,450,000"),
):
    for w, cell in zip(widths, row, strict=True):
        pdf.cell(w, 7, cell, border=1)
    pdf.ln()
pdf.ln(3)
para(
    pdf,
    "4.2",
    "In addition, Aquila has agreed to pay 2,300,000 pounds in redress to affected customers, "
    "of which 1,150 pounds will go to each Priority Services customer moved onto a PPM.",
)

heading(pdf, "5. Procedural matters")
para(
    pdf,
    "5.1",
    "This Notice is given under section 27A of the Act. The penalty must be paid by "
    "6 November 2026.",
)
para(
    pdf,
    "5.2",
    "Aquila has the right to appeal to the High Court within 42 days of the date of this Notice.",
)
pdf.ln(6)
pdf.set_font("Helvetica", "", 10)
pdf.cell(0, 5, "Signed:", new_x="LMARGIN", new_y="NEXT")
pdf.ln(4)
pdf.set_font("Helvetica", "B", 10)
pdf.cell(0, 5, "Marguerite Oyelaran-Hughes", new_x="LMARGIN", new_y="NEXT")
pdf.set_font("Helvetica", "", 10)
pdf.cell(
    0,
    5,
    "Director of Enforcement, for and on behalf of the Authority",
    new_x="LMARGIN",
    new_y="NEXT",
)

pdf.add_page()
pdf.set_font("Helvetica", "B", 12)
pdf.cell(0, 8, "ANNEX A: Timeline of the investigation", new_x="LMARGIN", new_y="NEXT")
pdf.set_font("Helvetica", "", 10)
for line in (
    "A.1  On 2 September 2025 the Authority opened an investigation after 164 complaints.",
    "A.2  On 20 January 2026 Aquila provided 11,200 pages of documents.",
    "A.3  On 4 June 2026 Aquila entered into settlement discussions.",
    "A.4  On 9 October 2026 the Authority issued this Notice.",
):
    pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")

pdf.output(str(OUT))
