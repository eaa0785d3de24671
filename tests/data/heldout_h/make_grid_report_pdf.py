"""Make grid-storage-report.pdf: a legislative-research-style report (cover, summary, footnotes)."""

from pathlib import Path

from fpdf import FPDF

TITLE = "Battery Storage on the Electric Grid: Issues for Congress"
SERVICE = "Legislative Research Service"


class Report(FPDF):
    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 6, TITLE, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.cell(60, 6, SERVICE, align="L")
        self.cell(70, 6, "www.example.gov", align="C")
        self.cell(0, 6, str(self.page_no()), align="R")


def para(pdf: FPDF, text: str) -> None:
    pdf.set_font("Times", "", 11)
    pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def heading(pdf: FPDF, text: str) -> None:
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def notes(pdf: FPDF, lines: list[str]) -> None:
    pdf.set_y(-12 - 4.5 * sum(1 + len(t) // 120 for t in lines) - 6)
    pdf.line(20, pdf.get_y(), 80, pdf.get_y())
    pdf.ln(1.5)
    pdf.set_font("Times", "", 8)
    for t in lines:
        pdf.multi_cell(0, 4.2, t, new_x="LMARGIN", new_y="NEXT")


pdf = Report(format="Letter")
pdf.set_margins(20, 15, 20)
pdf.set_auto_page_break(False)

# cover
pdf.add_page()
pdf.set_font("Helvetica", "B", 14)
pdf.cell(0, 10, SERVICE, new_x="LMARGIN", new_y="NEXT")
pdf.ln(30)
pdf.set_font("Helvetica", "B", 22)
pdf.multi_cell(0, 10, TITLE, new_x="LMARGIN", new_y="NEXT")
pdf.ln(8)
pdf.set_font("Helvetica", "", 11)
pdf.cell(0, 6, "Updated August 19, 2024", new_x="LMARGIN", new_y="NEXT")
pdf.ln(20)
for line in (
    "Corinne V. Halloway",
    "Analyst in Energy Policy",
    "",
    "Desmond K. Okafor",
    "Specialist in Energy and Infrastructure Policy",
):
    pdf.cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
pdf.ln(40)
pdf.set_font("Helvetica", "B", 12)
pdf.cell(0, 6, "R12345", new_x="LMARGIN", new_y="NEXT")

# summary
pdf.add_page()
heading(pdf, "Summary")
para(
    pdf,
    "Utility-scale battery storage has grown faster than any other source of capacity on the "
    "U.S. grid since 2020. Installed battery capacity rose from 1.4 gigawatts (GW) at the end of "
    "2020 to 16.2 GW at the end of 2023, and developers reported plans to add a further 14.3 GW "
    "in 2024. Most of the new capacity is in two states, California and Texas.",
)
para(
    pdf,
    "Batteries store electricity when it is cheap or plentiful and release it when demand "
    "peaks. Most systems installed so far can discharge at full power for four hours or less. "
    "Congress has supported storage through the investment tax credit, which since 2023 has "
    "applied to standalone storage, and through research programs at the Department of Energy "
    "(DOE).",
)
para(
    pdf,
    "Issues for Congress include the safety of lithium-ion systems, the domestic supply of "
    "battery materials, the long queues of projects waiting to connect to the grid, and whether "
    "federal support should favor longer-duration technologies.",
)

# page 3: background + footnotes, one running on
pdf.add_page()
heading(pdf, "Background")
para(
    pdf,
    "A battery storage system is rated by its power, in megawatts (MW), and its energy, in "
    "megawatt-hours (MWh). A 100 MW system that can run for four hours stores 400 MWh. The "
    "Energy Information Administration (EIA) counts systems of 1 MW or more as utility-scale.1",
)
para(
    pdf,
    "The cost of lithium-ion battery packs fell by about 80% between 2013 and 2023, to an "
    "average of $139 per kilowatt-hour.2 Lower costs, together with state procurement mandates, "
    "explain most of the growth. California required its utilities to procure 1,325 MW of "
    "storage by 2020, a target the state exceeded.3",
)
para(
    pdf,
    "Grid operators now rely on batteries during evening peaks. On some summer evenings in 2024, "
    "batteries supplied more than a fifth of the electricity used in California between 7 p.m. "
    "and 9 p.m.4",
)
notes(
    pdf,
    [
        "1 U.S. Energy Information Administration, Preliminary Monthly Electric Generator "
        "Inventory, https://www.example.gov/electricity/data/eia860m/.",
        "2 BloombergNEF, Lithium-Ion Battery Pack Prices Hit Record Low, November 2023, "
        "https://about.example.com/blog/battery-pack-prices/.",
        "3 California Public Utilities Commission, Decision 13-10-040, October 2013.",
        "4 California Independent System Operator (CAISO), Today's Outlook, accessed July 30, "
        "2024. The share was computed by the author from five-minute data for July 2024 and is",
    ],
)

# page 4: table + figure caption
pdf.add_page()
heading(pdf, "Where the Capacity Is")
para(
    pdf,
    "Two states account for most of the installed capacity, as Table 1 shows. Texas has added "
    "storage quickly because its market pays generators for fast response during shortages.5",
)
pdf.set_font("Helvetica", "B", 10)
pdf.cell(
    0,
    6,
    "Table 1. Utility-Scale Battery Capacity by State, End of 2023",
    new_x="LMARGIN",
    new_y="NEXT",
)
pdf.set_font("Helvetica", "", 10)
rows = [
    ("State", "Capacity (MW)", "Share of U.S. total"),
    ("California", "8,650", "53%"),
    ("Texas", "3,870", "24%"),
    ("Arizona", "930", "6%"),
    ("Nevada", "680", "4%"),
    ("All other states", "2,070", "13%"),
]
for i, row in enumerate(rows):
    pdf.set_font("Helvetica", "B" if i == 0 else "", 10)
    for w, cell in zip((60, 45, 50), row, strict=True):
        pdf.cell(w, 6, cell, border=1)
    pdf.ln(6)
pdf.set_font("Helvetica", "I", 8)
pdf.cell(
    0,
    5,
    "Source: LRS analysis of EIA Form 860M data, February 2024.",
    new_x="LMARGIN",
    new_y="NEXT",
)
pdf.ln(4)
# a simple bar chart
pdf.set_font("Helvetica", "", 8)
for year, gw in (("2020", 1.4), ("2021", 4.6), ("2022", 8.8), ("2023", 16.2)):
    pdf.cell(15, 5, year)
    pdf.set_fill_color(90, 110, 160)
    pdf.cell(gw * 7, 5, "", fill=True)
    pdf.cell(15, 5, f" {gw}")
    pdf.ln(6)
pdf.set_font("Helvetica", "B", 9)
pdf.cell(
    0,
    5,
    "Figure 1. U.S. Utility-Scale Battery Capacity, 2020-2023 (gigawatts)",
    new_x="LMARGIN",
    new_y="NEXT",
)
pdf.set_font("Helvetica", "I", 8)
pdf.cell(0, 5, "Source: EIA, Electric Power Monthly, February 2024.", new_x="LMARGIN", new_y="NEXT")
pdf.ln(4)
para(
    pdf,
    "Battery fires are rare but draw attention. A fire at a storage facility in Moss Landing, "
    "California, in 2021 led the operator to suspend the plant for more than a year.6",
)
notes(
    pdf,
    [
        "therefore an estimate; CAISO does not publish an official battery share.",
        "5 Electric Reliability Council of Texas (ERCOT), Ancillary Services Methodology, 2023.",
        "6 Vistra Corp., Moss Landing Incident Update, press statement, July 2022, "
        "https://investor.example.com/news/moss-landing/.",
    ],
)

# page 5: issues
pdf.add_page()
heading(pdf, "Issues for Congress")
para(
    pdf,
    "The Inflation Reduction Act of 2022 (P.L. 117-169) extended the investment tax credit to "
    "standalone storage. The base credit is 6%, rising to 30% for projects that meet prevailing "
    "wage and apprenticeship requirements.7",
)
para(
    pdf,
    "Interconnection queues are a second concern. At the end of 2023, about 1,030 GW of storage "
    "was waiting in queues to connect to the grid, more than the entire installed generating "
    "capacity of the United States.8",
)
para(
    pdf,
    "Some Members have proposed a separate credit for systems that can discharge for ten hours "
    "or more. Supporters argue that four-hour batteries cannot cover multi-day shortfalls in "
    "winter; opponents argue that the technologies are not yet commercial.",
)
notes(
    pdf,
    [
        "7 26 U.S.C. 48E; see LRS Report R11111, Energy Tax Provisions in P.L. 117-169.",
        "8 Lawrence Berkeley National Laboratory, Queued Up: 2024 Edition, April 2024, "
        "https://emp.example.gov/queues.",
    ],
)

pdf.output(str(Path(__file__).with_name("grid-storage-report.pdf")))
