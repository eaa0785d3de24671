"""Build patient-transport-briefing.pdf: a parliamentary research briefing.

Cover block, one-column summary box, contents list, then two columns with a running header
line and a "Page N of M" footer, a full-width table of yearly spending, a "Box 1:" sidebar,
superscript endnote markers and the endnotes collected at the end under "Endnotes".
Run: /work/main/.venv/bin/python make_transport_briefing_pdf.py
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

HERE = Path(__file__).resolve().parent
OUT = HERE / "patient-transport-briefing.pdf"

BODY = "Northmoor Assembly Research Service"
NUMBER = "Research Briefing 25/14"
DATE = "3 April 2025"
TITLE = "Paying for Patient Transport"
SUBTITLE = "Spending, delays and options for non-emergency journeys to hospital"
AUTHORS = "By Dr Helen Marsh and Tobias Oyelaran"

SUMMARY = [
    "The health board spent 61.4 million pounds on non-emergency patient transport in "
    "2024-25, up from 42.7 million pounds in 2020-21.",
    "Roughly one journey in nine arrived after the patient's appointment time in 2024.",
    "Volunteer driver schemes carried 18 per cent of journeys, at about a third of the cost "
    "of a contracted vehicle.",
    "The Assembly could tie future funding to punctuality, pool budgets with councils, or "
    "widen the eligibility rules.",
]

CONTENTS = [
    ("1", "Background", "2"),
    ("2", "Spending since 2020", "2"),
    ("3", "Delays and missed appointments", "2"),
    ("4", "Options for the Assembly", "3"),
    ("", "Endnotes", "4"),
]

# Paragraphs: (kind, content). kind "h" heading, "p" paragraph whose content is a list of
# (text, superscript?) runs, "table", "box", "break" (end of a column region).
S = True
SECTIONS: list[tuple[str, object]] = [
    ("h", "1. Background"),
    (
        "p",
        [
            (
                "Non-emergency patient transport takes people who cannot travel on their own "
                "to planned hospital care: outpatient clinics, dialysis, chemotherapy and "
                "discharge home after a stay.",
                False,
            ),
            (
                " The service is run by the health board, which contracts most journeys to "
                "two private operators and a charity.",
                False,
            ),
            ("1", S),
            (
                " Patients qualify on medical grounds alone; income and distance from the "
                "hospital do not count.",
                False,
            ),
        ],
    ),
    (
        "p",
        [
            (
                "Demand has grown faster than the population it serves. The number of "
                "journeys rose from 388,000 in 2020-21 to 512,000 in 2024-25, an increase of "
                "32 per cent, while the number of residents aged over 75 grew by 9 per cent.",
                False,
            ),
            ("2", S),
            (
                " Most of the growth came from renal patients, who travel three times a week "
                "for dialysis and account for almost a quarter of all journeys.",
                False,
            ),
        ],
    ),
    (
        "p",
        [
            (
                "The service has been reviewed twice in ten years. Neither review changed how it "
                "is paid for: the board still buys journeys by the mile, so an operator earns "
                "the same whether a patient arrives early or an hour late.",
                False,
            ),
        ],
    ),
    ("h", "2. Spending since 2020"),
    (
        "p",
        [
            (
                "Spending has risen in every year since 2020-21. The sharpest rise came in "
                "2022-23, when fuel costs and a new contract with the larger operator added "
                "7.9 million pounds in a single year.",
                False,
            ),
            ("3", S),
            (
                " Table 1 sets out the board's spending on the service and the cost of an "
                "average journey.",
                False,
            ),
        ],
    ),
    ("break", None),
    ("table", None),
    (
        "p",
        [
            (
                "The cost of an average journey has risen more slowly than the total, from "
                "110 pounds to 120 pounds, because the volunteer schemes have taken on more of "
                "the short journeys.",
                False,
            ),
            (
                " A volunteer journey costs the board about 41 pounds in mileage and "
                "administration, against 126 pounds for a contracted vehicle.",
                False,
            ),
            ("4", S),
        ],
    ),
    (
        "p",
        [
            (
                "Volunteers are ageing, however. Half of the 640 registered drivers are over 65, "
                "and the charity that organises them lost 70 drivers in 2024 without replacing "
                "them.",
                False,
            ),
        ],
    ),
    ("h", "3. Delays and missed appointments"),
    (
        "p",
        [
            (
                "The board's own audit found that 11.2 per cent of journeys in 2024 reached the "
                "hospital after the appointment time.",
                False,
            ),
            ("5", S),
            (
                " Late arrivals are not evenly spread: patients living more than 25 miles from "
                "the hospital were late twice as often as those in the city.",
                False,
            ),
        ],
    ),
    (
        "p",
        [
            (
                "A late patient is often a lost appointment. Clinics at Northmoor General "
                "recorded 6,300 appointments missed because transport did not arrive in time, "
                "each costing the hospital an estimated 160 pounds in unused staff time.",
                False,
            ),
            (
                " That puts the cost of missed appointments at about 1 million pounds a year, "
                "before any harm to patients is counted.",
                False,
            ),
        ],
    ),
    (
        "p",
        [
            (
                'The Health Minister has said the delays are unacceptable. "We will not let a '
                'missed bus become a missed diagnosis," Carys Pendle told the Assembly on 12 '
                "February 2025, announcing a review of the contracts.",
                False,
            ),
            (
                ' She added that the review would report "before the next contract is signed, '
                'not after it."',
                False,
            ),
        ],
    ),
    ("break", None),
    ("box", None),
    ("h", "4. Options for the Assembly"),
    (
        "p",
        [
            (
                "Three options have been put to the Health and Transport Committee. The first "
                "would pay operators partly on punctuality, withholding up to 8 per cent of the "
                "contract value when more than one journey in twenty is late.",
                False,
            ),
            ("6", S),
            (
                " Scotland and two English regions use payment rules of this kind.",
                False,
            ),
        ],
    ),
    (
        "p",
        [
            (
                "The second would pool the board's transport budget with the 96 million pounds "
                "that councils spend on school and social care transport, so that one fleet "
                "could serve both.",
                False,
            ),
            (
                " Pooling would need a legal agreement between the board and four councils, "
                "which officials expect to take at least eighteen months.",
                False,
            ),
        ],
    ),
    (
        "p",
        [
            (
                "The third would widen eligibility to patients on low incomes who live far from "
                "a hospital. The board estimates this would add 40,000 journeys and 4.8 million "
                "pounds a year.",
                False,
            ),
            (
                " None of the options would reduce spending in its first year.",
                False,
            ),
        ],
    ),
]

TABLE = [
    ("Year", "Spending (GBP m)", "Journeys", "Cost per journey (GBP)"),
    ("2020-21", "42.7", "388,000", "110"),
    ("2021-22", "45.1", "402,000", "112"),
    ("2022-23", "53.0", "448,000", "118"),
    ("2023-24", "57.6", "481,000", "120"),
    ("2024-25", "61.4", "512,000", "120"),
]

BOX_TITLE = "Box 1: Who can use the service?"
BOX = [
    "A patient qualifies when a clinician judges that their medical condition means they "
    "cannot use public transport or a private car safely.",
    "Escorts and carers may travel with the patient when the clinician agrees.",
    "Patients who do not qualify can claim travel costs back through the Healthy Journeys "
    "Scheme if they receive certain benefits.",
    "In 2024 the board refused 14 per cent of booking requests on eligibility grounds.",
]

ENDNOTES = [
    "The operators are Calder Patient Travel Ltd and Moorway Ambulance Services; the charity "
    "is Northmoor Community Transport.",
    "Population figures are mid-year estimates for 2020 and 2024 published by the Northmoor "
    "Statistics Office.",
    "The contract with Calder Patient Travel was renewed in July 2022 at a rate of 2.85 pounds "
    "a mile, up from 2.31 pounds.",
    "Volunteer drivers are paid 45 pence a mile; the figure includes a share of the "
    "charity's booking office costs.",
    "The audit sampled 4,812 journeys between April and September 2024 and counted a journey "
    "as late if it arrived more than five minutes after the appointment time.",
    "The withheld share would be paid into a fund for volunteer driver recruitment.",
]


class Briefing(FPDF):
    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.set_y(10)
        self.cell(0, 5, f"{NUMBER}  |  {TITLE}", align="L")
        self.cell(0, 5, BODY, align="R", new_x="LMARGIN", new_y="NEXT")
        self.line(self.l_margin, 16, self.w - self.r_margin, 16)
        self.set_text_color(0, 0, 0)
        self.set_y(20)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def main() -> None:
    pdf = Briefing(format="A4")
    pdf.alias_nb_pages("{nb}")
    pdf.set_margins(18, 20, 18)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_creation_date(__import__("datetime").datetime(2025, 4, 3, 9, 0))
    pdf.set_title(TITLE)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    # cover block
    pdf.set_fill_color(20, 60, 100)
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(width, 8, f"  {BODY}", fill=True, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(width, 6, f"  {NUMBER}  |  {DATE}", fill=True, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(6)
    pdf.set_font("Helvetica", "B", 22)
    pdf.multi_cell(width, 10, TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 13)
    pdf.multi_cell(width, 7, SUBTITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", "I", 10)
    pdf.cell(width, 6, AUTHORS, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)

    # one-column summary box
    top = pdf.get_y()
    pdf.set_fill_color(232, 238, 245)
    pdf.set_x(pdf.l_margin + 4)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(width - 8, 8, "Summary", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    for point in SUMMARY:
        pdf.set_x(pdf.l_margin + 4)
        pdf.multi_cell(width - 8, 5.5, f"- {point}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    bottom = pdf.get_y() + 2
    pdf.set_draw_color(20, 60, 100)
    pdf.rect(pdf.l_margin, top - 2, width, bottom - top + 2)
    pdf.set_y(bottom + 8)

    # contents
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(width, 7, "Contents", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    for num, name, page in CONTENTS:
        pdf.cell(10, 6, num)
        pdf.cell(width - 30, 6, name)
        pdf.cell(20, 6, page, align="R", new_x="LMARGIN", new_y="NEXT")

    pdf.add_page()
    columns = pdf.text_columns(ncols=2, gutter=8, text_align="J", line_height=1.35, balance=True)
    pdf.set_font("Times", "", 11)

    def flush() -> None:
        columns.render()

    for kind, content in SECTIONS:
        if kind == "h":
            pdf.set_font("Helvetica", "B", 12)
            with columns.paragraph(text_align="L", top_margin=3, bottom_margin=2) as par:
                par.write(str(content))
            pdf.set_font("Times", "", 11)
        elif kind == "p":
            with columns.paragraph(bottom_margin=3) as par:
                for text, sup in content:  # type: ignore[attr-defined]
                    if sup:
                        pdf.char_vpos = "SUP"
                        par.write(text)
                        pdf.char_vpos = "LINE"
                    else:
                        par.write(text)
        elif kind == "break":
            columns.ln()
            flush()
            columns = pdf.text_columns(
                ncols=2, gutter=8, text_align="J", line_height=1.35, balance=True
            )
        elif kind == "table":
            pdf.ln(4)
            pdf.set_font("Helvetica", "B", 10)
            pdf.cell(
                width,
                6,
                "Table 1: Spending on non-emergency patient transport, 2020-21 to 2024-25",
                new_x="LMARGIN",
                new_y="NEXT",
            )
            pdf.set_font("Helvetica", "", 10)
            with pdf.table(col_widths=(25, 30, 25, 35), text_align="CENTER") as table:
                for row in TABLE:
                    r = table.row()
                    for cell in row:
                        r.cell(cell)
            pdf.set_font("Helvetica", "I", 8)
            pdf.cell(
                width,
                5,
                "Source: Northmoor Health Board annual accounts",
                new_x="LMARGIN",
                new_y="NEXT",
            )
            pdf.ln(4)
            pdf.set_font("Times", "", 11)
        elif kind == "box":
            pdf.ln(3)
            top = pdf.get_y()
            pdf.set_fill_color(245, 240, 225)
            pdf.set_x(pdf.l_margin + 4)
            pdf.set_font("Helvetica", "B", 11)
            pdf.cell(width - 8, 7, BOX_TITLE, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "", 9.5)
            for line in BOX:
                pdf.set_x(pdf.l_margin + 4)
                pdf.multi_cell(width - 8, 5, line, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(1)
            bottom = pdf.get_y() + 1
            pdf.rect(pdf.l_margin, top - 1, width, bottom - top + 1)
            pdf.set_y(bottom + 5)
            pdf.set_font("Times", "", 11)
    flush()

    # endnotes
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(width, 8, "Endnotes", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 10)
    for i, note in enumerate(ENDNOTES, 1):
        pdf.cell(8, 5.5, f"{i}.")
        pdf.multi_cell(width - 8, 5.5, note, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    pdf.output(str(OUT))


if __name__ == "__main__":
    main()
