"""Make the audit office report PDF (fpdf2): key facts page, numbered paragraphs, figure box,
appendix table, footnotes at the foot of pages, running footer with the HC number."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

HC = "HC 412  Session 2025-26  |  Report by the Comptroller and Auditor General"


class Report(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.cell(0, 5, HC, align="L")
        self.cell(0, 5, str(self.page_no()), align="R")


def mc(pdf: FPDF, w: float, h: float, text: str) -> None:
    pdf.multi_cell(w, h, text, new_x="LMARGIN", new_y="NEXT")


def para(pdf: Report, number: str, text: str) -> None:
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(12, 5, number)
    pdf.set_font("Helvetica", size=10)
    mc(pdf, 0, 5, text)
    pdf.ln(2)


def footnotes(pdf: Report, notes: list[str]) -> None:
    pdf.set_y(-48)
    pdf.line(10, pdf.get_y(), 70, pdf.get_y())
    pdf.ln(1)
    pdf.set_font("Helvetica", size=7.5)
    for n in notes:
        mc(pdf, 0, 3.8, n)


pdf = Report()
pdf.set_auto_page_break(False)
pdf.add_page()
pdf.set_font("Helvetica", "B", 22)
mc(pdf, 0, 10, "Managing the School Estate: Condition and Repair")
pdf.set_font("Helvetica", size=12)
mc(pdf, 0, 7, "Department for Schools")
pdf.ln(2)
pdf.set_font("Helvetica", size=10)
mc(
    pdf,
    0,
    5,
    "Report by the Comptroller and Auditor General\n"
    "Ordered by the House of Commons to be printed on 18 November 2025",
)
pdf.ln(6)
pdf.set_font("Helvetica", "B", 16)
pdf.cell(0, 9, "Key facts", new_x="LMARGIN", new_y="NEXT")
facts = [
    (
        "GBP 11.4bn",
        "estimated cost of bringing all school buildings to a satisfactory condition, 2025",
    ),
    ("38%", "share of school blocks past their expected design life"),
    ("1,260", "schools with at least one block closed or partly closed since 2022"),
    ("GBP 1.8bn", "annual capital funding for condition in 2024-25"),
]
for big, label in facts:
    pdf.set_font("Helvetica", "B", 24)
    pdf.cell(55, 12, big)
    pdf.set_font("Helvetica", size=10)
    mc(pdf, 0, 6, label)
    pdf.ln(2)
pdf.ln(4)
pdf.set_font("Helvetica", "B", 14)
pdf.cell(0, 8, "Summary", new_x="LMARGIN", new_y="NEXT")
pdf.set_font("Helvetica", size=10)
mc(
    pdf,
    0,
    5,
    "The Department for Schools is responsible for around 22,400 state schools in England, "
    "which occupy some 64,000 separate buildings. Our report examines whether the Department "
    "understands the condition of this estate and whether its funding is directed where the "
    "risk is greatest. We found that the Department now knows far more about its buildings "
    "than it did in 2019, but that the money available has not kept pace with the decline.",
)
pdf.ln(2)

pdf.add_page()
pdf.set_font("Helvetica", "B", 14)
pdf.cell(0, 8, "Part One: The condition of the estate", new_x="LMARGIN", new_y="NEXT")
para(
    pdf,
    "1.1",
    "The Department completed its second national condition survey in March 2025, having "
    "visited every school site over three years.1 The survey found that 38% of school blocks "
    "are now past their expected design life, up from 29% in the first survey.",
)
para(
    pdf,
    "1.2",
    "The estimated cost of repairing or replacing defective building elements rose to "
    "GBP 11.4 billion in 2025, compared with GBP 7.1 billion in 2019 in real terms.2 Roofs, "
    "heating systems and windows account for more than half of the total.",
)
para(
    pdf,
    "1.3",
    "Officials told us that the survey is the best evidence the Department has ever held. "
    'The Permanent Secretary, Joanna Fairley, said: "For the first time we can see every '
    'roof and boiler, and the picture is worse than we hoped."',
)
pdf.ln(2)
pdf.set_fill_color(230, 236, 245)
y = pdf.get_y()
pdf.rect(10, y, 190, 42, style="F")
pdf.set_xy(14, y + 3)
pdf.set_font("Helvetica", "B", 10)
pdf.cell(
    0,
    5,
    "Figure 1: Share of blocks past design life, by region, 2025",
    new_x="LMARGIN",
    new_y="NEXT",
)
pdf.set_font("Helvetica", size=9)
for region, share in (("North East", 44), ("London", 31), ("South West", 40), ("Midlands", 37)):
    pdf.set_x(14)
    pdf.cell(30, 5, region)
    pdf.set_fill_color(40, 70, 140)
    pdf.cell(share * 2, 4, "", fill=True)
    pdf.cell(10, 5, f" {share}%", new_x="LMARGIN", new_y="NEXT")
pdf.set_x(14)
pdf.set_font("Helvetica", "I", 8)
pdf.cell(
    0,
    6,
    "Source: National Audit Office analysis of Department for Schools condition survey data",
    new_x="LMARGIN",
    new_y="NEXT",
)
pdf.set_y(y + 46)
para(
    pdf,
    "1.4",
    "Condition is worst in the North East, where 44% of blocks are past their design life. "
    "Schools built between 1945 and 1975 with light-frame construction make up a third of "
    "the blocks rated as poor.3",
)
footnotes(
    pdf,
    [
        "1  The first Condition Data Collection ran from 2017 to 2019 and covered 97% of sites.",
        "2  Figures are in 2024-25 prices, deflated using the GDP deflator "
        "published in September 2025.",
        "3  A block is rated poor where one or more major elements "
        "need replacement within two years.",
    ],
)

pdf.add_page()
pdf.set_font("Helvetica", "B", 14)
pdf.cell(0, 8, "Part Two: Funding and its allocation", new_x="LMARGIN", new_y="NEXT")
para(
    pdf,
    "2.1",
    "The Department provided GBP 1.8 billion of condition funding in 2024-25, against the "
    "GBP 5.3 billion a year that its own engineers judged necessary to stop the estate "
    "declining further.4",
)
para(
    pdf,
    "2.2",
    "Since 2022, 1,260 schools have had to close or partly close at least one block because "
    "of safety concerns. The average closure lasted 19 weeks, and pupils in 140 schools were "
    "taught in temporary classrooms for more than a year.",
)
para(
    pdf,
    "2.3",
    "Most funding is still allocated by pupil numbers rather than by condition. We estimate "
    "that 27% of condition funding in 2024-25 went to schools whose buildings were rated good.",
)
para(
    pdf,
    "2.4",
    "We recommend that the Department allocate at least three-quarters of condition funding "
    "according to survey evidence of need by 2027-28.",
)
pdf.ln(2)
pdf.set_font("Helvetica", "B", 12)
pdf.cell(0, 7, "Appendix One: Condition funding, 2020-21 to 2024-25", new_x="LMARGIN", new_y="NEXT")
pdf.set_font("Helvetica", "B", 9)
rows = [
    ("Year", "Funding (GBP bn)", "Blocks closed", "Survey coverage"),
    ("2020-21", "1.4", "85", "n/a"),
    ("2021-22", "1.5", "110", "n/a"),
    ("2022-23", "1.6", "390", "34%"),
    ("2023-24", "1.7", "520", "71%"),
    ("2024-25", "1.8", "610", "100%"),
]
for i, row in enumerate(rows):
    pdf.set_font("Helvetica", "B" if i == 0 else "", 9)
    for cell in row:
        pdf.cell(45, 6, cell, border=1)
    pdf.ln()
footnotes(
    pdf,
    [
        "4  Department for Schools, Estate Investment Model, "
        "internal analysis provided to the NAO, July 2025.",
    ],
)

pdf.output(str(Path(__file__).with_name("school-estate-audit.pdf")))
