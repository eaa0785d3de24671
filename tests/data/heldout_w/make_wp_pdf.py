"""Make remittance-costs-wp.pdf: an international organisation's working paper (fpdf2)."""

from pathlib import Path

from fpdf import FPDF

OUT = Path(__file__).with_name("remittance-costs-wp.pdf")
CODE = "WP/25/118"


class Paper(FPDF):
    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.cell(95, 5, f"INTERNATIONAL MONETARY COOPERATION FUND  {CODE}")
        self.cell(0, 5, str(self.page_no()), align="R")


pdf = Paper(format="A4")
pdf.set_auto_page_break(True, margin=22)
pdf.set_margins(30, 20, 20)

# title page
pdf.add_page()
pdf.set_font("Helvetica", "B", 11)
pdf.cell(0, 8, "INTERNATIONAL MONETARY COOPERATION FUND", new_x="LMARGIN", new_y="NEXT")
pdf.set_font("Helvetica", "", 10)
pdf.cell(0, 6, f"Working Paper {CODE}", new_x="LMARGIN", new_y="NEXT")
pdf.ln(30)
pdf.set_font("Helvetica", "B", 20)
pdf.multi_cell(0, 10, "The Cost of Sending Money Home", new_x="LMARGIN", new_y="NEXT")
pdf.set_font("Helvetica", "", 13)
pdf.multi_cell(
    0,
    7,
    "Remittance Fees and Digital Channels in Small Island Economies",
    new_x="LMARGIN",
    new_y="NEXT",
)
pdf.ln(10)
pdf.set_font("Helvetica", "", 11)
pdf.cell(
    0,
    6,
    "Prepared by Amara Okonjo-Lindqvist and Rafael Teixeira Moniz",
    new_x="LMARGIN",
    new_y="NEXT",
)
pdf.cell(0, 6, "June 2025", new_x="LMARGIN", new_y="NEXT")

# inside cover: disclaimer box
pdf.add_page()
pdf.ln(10)
pdf.set_font("Helvetica", "B", 9)
y = pdf.get_y()
pdf.multi_cell(
    0,
    5,
    "IMCF Working Papers describe research in progress by the author(s) and are published "
    "to elicit comments and to encourage debate. The views expressed in IMCF Working Papers "
    "are those of the author(s) and do not necessarily represent the views of the IMCF, its "
    "Executive Board, or IMCF management.",
    border=1,
    padding=4,
    new_x="LMARGIN",
    new_y="NEXT",
)
pdf.ln(8)
pdf.set_font("Helvetica", "", 9)
pdf.multi_cell(
    0,
    5,
    "JEL Classification Numbers: F24, G21, O16\n"
    "Keywords: remittances; transaction costs; mobile money; correspondent banking\n"
    "Authors' e-mail addresses: aokonjo@imcf.example; rtmoniz@imcf.example",
    new_x="LMARGIN",
    new_y="NEXT",
)

FOOT: list[str] = []


def heading(text: str) -> None:
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def para(num: int | None, text: str) -> None:
    pdf.set_font("Helvetica", "", 10)
    if num is not None:
        y0 = pdf.get_y()
        pdf.set_xy(18, y0)
        pdf.cell(10, 5, f"{num}.")
        pdf.set_xy(30, y0)
    pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def footnotes(notes: list[tuple[int, str]]) -> None:
    pdf.set_y(-55)
    pdf.set_font("Helvetica", "", 8)
    pdf.line(30, pdf.get_y(), 80, pdf.get_y())
    pdf.ln(1)
    for n, t in notes:
        pdf.multi_cell(0, 4, f"{n} {t}", new_x="LMARGIN", new_y="NEXT")


# executive summary
pdf.add_page()
heading("Executive Summary")
para(
    None,
    "Remittances are the largest source of external finance for many small island economies. "
    "In 2024 they were equal to 14.2 percent of GDP on average across the 11 economies we study. "
    "Yet sending 200 US dollars home still cost 8.7 percent of the amount sent in the fourth "
    "quarter of 2024, well above the Sustainable Development Goal target of 3 percent.",
)
para(
    None,
    "We find that digital channels cost less than half as much as cash-to-cash transfers, but "
    "their share of the market remains small. Closing correspondent banking relationships "
    "raised fees on the main corridors by 1.3 percentage points between 2019 and 2024.",
)

heading("I. Introduction")
para(
    1,
    "Households in small island economies depend on money sent by relatives abroad. For the "
    "poorest fifth of households, remittances make up about a third of income.1 A fee of a few "
    "percent therefore matters for consumption, schooling and health spending.",
)
para(
    2,
    "This paper asks why fees remain high. We combine quarterly price data for 46 sending "
    "corridors with a survey of 2,300 recipient households conducted in 2024.2 The data are "
    "described in the Annex (see Table A1).",
)
footnotes(
    [
        (1, "See Section III for the household survey and its weighting."),
        (
            2,
            "The survey was carried out by national statistics offices "
            "with IMCF technical assistance.",
        ),
    ]
)

pdf.add_page()
heading("II. Fees and Channels")
para(
    3,
    "The average cost of sending 200 US dollars fell from 10.4 percent in 2015 to 8.7 percent in "
    "2024. The fall was slowest on corridors served by a single money transfer operator.3",
)
para(
    4,
    "Digital transfers, initiated online or through a mobile wallet, cost 4.1 percent on average, "
    "against 9.6 percent for cash-to-cash transfers. Their share of transactions rose from 9 "
    "percent in 2019 to 23 percent in 2024.",
)
para(
    5,
    "Correspondent banks have withdrawn from several island jurisdictions since 2016, citing "
    "compliance costs.4 Where two or more relationships were closed, fees rose by 1.3 "
    "percentage points relative to other corridors.",
)
heading("III. Household Evidence")
para(
    6,
    "Recipient households received 3,150 US dollars a year on median. Four in ten said they would "
    "switch to a mobile wallet if agents were available within walking distance.",
)
footnotes(
    [
        (3, "See Beck and Martinez Peria (2011) on market concentration and remittance prices."),
        (
            4,
            "See IMCF (2023), Policy Paper PP/23/41, "
            "for a review of correspondent banking retreat.",
        ),
    ]
)

pdf.add_page()
heading("IV. Policy Options")
para(
    7,
    "Authorities could lower fees by allowing non-bank operators direct access to payment "
    "systems. Regulators should also apply customer due diligence in proportion to risk, so that "
    "small transfers are not priced out.",
)
para(
    8,
    "We estimate that halving the gap to the 3 percent target would leave recipient households "
    "with an extra 190 million US dollars a year across the 11 economies.",
)

heading("Annex. Data Sources")
pdf.set_font("Helvetica", "B", 10)
pdf.cell(
    0,
    6,
    "Table A1. Remittance Costs by Channel, 2024 (percent of 200 US dollars sent)",
    new_x="LMARGIN",
    new_y="NEXT",
)
pdf.set_font("Helvetica", "", 9)
rows = [
    ("Channel", "Q1", "Q2", "Q3", "Q4"),
    ("Cash-to-cash", "9.9", "9.8", "9.6", "9.4"),
    ("Bank account", "8.2", "8.0", "7.9", "7.7"),
    ("Mobile wallet", "4.3", "4.2", "4.0", "3.9"),
]
for r in rows:
    pdf.cell(50, 6, r[0], border=1)
    for c in r[1:]:
        pdf.cell(25, 6, c, border=1, align="R")
    pdf.ln()
pdf.set_font("Helvetica", "I", 8)
pdf.multi_cell(
    0,
    4,
    "Source: IMCF Remittance Prices Database; authors' calculations.",
    new_x="LMARGIN",
    new_y="NEXT",
)

pdf.output(str(OUT))
