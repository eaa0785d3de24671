"""Make grid-battery-storage-report.pdf: a legislative research service report (LRS R48211)."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

SERVICE = "Legislative Research Service"
NUMBER = "R48211"
TITLE = "Grid-Scale Battery Storage: Federal Incentives and Deployment Trends"


class Report(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, f"{SERVICE}  |  {NUMBER}  |  {self.page_no()}", align="C")


def para(pdf: Report, text: str) -> None:
    pdf.set_font("Times", "", 11)
    pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2.5)


def heading(pdf: Report, text: str) -> None:
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)


def footnotes(pdf: Report, notes: list[str]) -> None:
    """Notes at the foot of the current page, above the footer, under a short rule."""
    pdf.set_font("Times", "", 8)
    lines = sum(max(1, len(n) // 120 + 1) for n in notes)
    y = pdf.h - 16 - lines * 3.8 - 3
    pdf.line(pdf.l_margin, y, pdf.l_margin + 50, y)
    pdf.set_y(y + 1.5)
    for n in notes:
        pdf.multi_cell(0, 3.8, n, new_x="LMARGIN", new_y="NEXT")


pdf = Report(format="Letter")
pdf.set_auto_page_break(False)
pdf.set_margins(22, 20, 22)

# --- page 1: cover and summary -------------------------------------------------------------
pdf.add_page()
pdf.set_font("Helvetica", "B", 18)
pdf.multi_cell(0, 8, TITLE, new_x="LMARGIN", new_y="NEXT")
pdf.ln(2)
pdf.set_font("Helvetica", "", 10)
pdf.cell(0, 5, "Updated March 4, 2025", new_x="LMARGIN", new_y="NEXT")
pdf.ln(4)
pdf.set_font("Helvetica", "B", 10)
pdf.cell(0, 5, "Miriam K. Ostrander", new_x="LMARGIN", new_y="NEXT")
pdf.set_font("Helvetica", "I", 10)
pdf.cell(0, 5, "Analyst in Energy Policy", new_x="LMARGIN", new_y="NEXT")
pdf.ln(6)
heading(pdf, "Summary")
para(
    pdf,
    "Utility-scale battery storage in the United States has grown faster than almost any "
    "other part of the electricity system. Installed capacity rose from about 1.5 gigawatts "
    "(GW) at the end of 2020 to 26.3 GW at the end of 2024, and developers reported a further "
    "18.2 GW planned for 2025. Most of the new capacity is in two states, California and Texas, "
    "where batteries now shift solar output from midday into the evening peak.",
)
para(
    pdf,
    "The Inflation Reduction Act of 2022 (IRA; P.L. 117-169) made standalone storage eligible "
    "for the investment tax credit (ITC) for the first time. Before 2023, a battery could claim "
    "the credit only if it was charged mainly from an on-site solar array. The credit is worth "
    "30% of qualified costs for projects that meet prevailing wage and apprenticeship "
    "requirements, with bonus amounts for domestic content and for siting in energy "
    "communities.",
)
para(
    pdf,
    "Congress may consider whether the credit should be narrowed, how storage should be "
    "treated in wholesale markets, and whether the safety standards that apply to large "
    "lithium-ion installations are adequate. This report describes the federal incentives, "
    "recent deployment, and the main issues raised in hearings in the 119th Congress.",
)

# --- page 2: background, with footnotes -----------------------------------------------------
pdf.add_page()
heading(pdf, "Background")
para(
    pdf,
    "A battery storage system charges from the grid or from a co-located generator and "
    "discharges later, when power is scarcer and prices are higher. Most systems built since "
    "2020 hold four hours of output at their rated power.1 Four hours matches the length of "
    "the evening ramp in most western markets, when solar output falls and demand stays high.",
)
para(
    pdf,
    "Costs have fallen steeply. The National Renewable Energy Laboratory (NREL) estimated the "
    "installed cost of a four-hour utility-scale system at $482 per kilowatt-hour in 2024, "
    "down from $1,120 in 2015.2 Cell prices account for most of that decline; the cost of "
    "inverters, grid connection and land has fallen far less.",
)
para(
    pdf,
    "Storage also earns revenue from ancillary services, such as frequency regulation, which "
    "pay a battery to stand ready rather than to deliver energy. In the Texas market (ERCOT), "
    "ancillary services provided about 61% of battery revenue in 2023 but less than a third in "
    "2024, as more batteries competed for a fixed amount of that service.3",
)
para(
    pdf,
    "Several witnesses at a February 2025 hearing of the Senate Committee on Energy and "
    'Natural Resources described that shift. "The easy money in regulation is gone, and '
    'what is left is arbitrage," said Daniel Reyes of the Texas Energy Storage Alliance. He '
    "told the committee that new projects in Texas are now financed on expected price "
    "spreads rather than on service contracts.",
)
footnotes(
    pdf,
    [
        '1 U.S. Energy Information Administration, "Battery Storage in the United States: An '
        'Update on Market Trends," https://www.eia.gov/analysis/studies/electricity/'
        "batterystorage/, accessed January 28, 2025.",
        '2 NREL, "Cost Projections for Utility-Scale Battery Storage: 2024 Update," '
        "https://www.nrel.gov/docs/fy24osti/storage-costs.pdf, accessed February 3, 2025.",
        "3 Potomac Economics, 2023 State of the Market Report for the ERCOT Electricity "
        "Markets, https://www.potomaceconomics.com/ercot-som-2023/, accessed February 10, 2025.",
    ],
)

# --- page 3: deployment table and federal incentives ----------------------------------------
pdf.add_page()
heading(pdf, "Deployment by State")
para(
    pdf,
    "Table 1 shows the five states with the most utility-scale battery capacity at the end of "
    "2024. Together they held 82% of the national total.",
)
pdf.set_font("Helvetica", "B", 9)
pdf.cell(
    0,
    5,
    "Table 1. Utility-Scale Battery Capacity, Top Five States, 2024",
    new_x="LMARGIN",
    new_y="NEXT",
)
pdf.ln(1)
rows = [
    ("State", "Capacity (GW)", "Share of U.S. (%)", "Added in 2024 (GW)"),
    ("California", "12.5", "47.5", "4.2"),
    ("Texas", "6.4", "24.3", "3.9"),
    ("Arizona", "1.6", "6.1", "0.9"),
    ("Nevada", "0.7", "2.7", "0.3"),
    ("Florida", "0.4", "1.5", "0.1"),
]
widths = (40, 35, 40, 40)
for i, row in enumerate(rows):
    pdf.set_font("Helvetica", "B" if i == 0 else "", 9)
    for w, cell in zip(widths, row, strict=True):
        pdf.cell(w, 6, cell, border=1, align="L" if w == 40 and cell == row[0] else "C")
    pdf.ln(6)
pdf.ln(1)
pdf.set_font("Helvetica", "I", 8)
pdf.multi_cell(
    0,
    4,
    "Source: LRS analysis of U.S. Energy Information Administration, Form EIA-860M, "
    "Preliminary Monthly Electric Generator Inventory, December 2024.",
)
pdf.ln(4)
heading(pdf, "Federal Incentives")
para(
    pdf,
    "Under Section 48 of the Internal Revenue Code, and from 2025 under the technology-neutral "
    "credit in Section 48E, energy storage technology with a capacity of at least 5 "
    "kilowatt-hours qualifies for the ITC.4 The Department of the Treasury estimated in 2023 "
    "that the storage provisions would reduce federal revenue by $10.1 billion over ten years; "
    "independent estimates published since then are considerably higher.",
)
para(
    pdf,
    "Some Members have proposed ending the credit for projects that use cells made by "
    "foreign entities of concern. Others argue that domestic cell manufacturing cannot yet "
    "meet demand. In testimony, Assistant Secretary Laura Whitcombe said that domestic cell "
    'capacity would reach about 40 gigawatt-hours a year by 2026, "roughly half of what '
    'the grid market alone will need."',
)
footnotes(
    pdf,
    [
        '4 26 U.S.C. 48(c)(6) and 26 U.S.C. 48E; see Internal Revenue Service, "Clean '
        'Electricity Investment Credit," https://www.irs.gov/credits-deductions/clean-'
        "electricity-investment-credit, accessed February 21, 2025.",
    ],
)

# --- page 4: issues for Congress ------------------------------------------------------------
pdf.add_page()
heading(pdf, "Issues for Congress")
para(
    pdf,
    "Fire safety has become the most visible local concern. A fire at a 300-megawatt facility "
    "in Moss Landing, California, in January 2025 burned for several days and led to the "
    "evacuation of about 1,200 residents.5 Most new facilities are built to the National Fire "
    "Protection Association standard NFPA 855, which sets spacing and suppression "
    "requirements, but adoption of the standard is a matter for states and localities.",
)
para(
    pdf,
    "A second issue is interconnection. At the end of 2023, storage projects accounted for "
    "about 1,030 GW of the capacity waiting in interconnection queues, more than any other "
    "technology except solar. The Federal Energy Regulatory Commission (FERC) issued Order "
    "No. 2023 to speed the studies, but queue times remain long.",
)
para(
    pdf,
    "Finally, Congress may wish to consider how storage is counted for resource adequacy. "
    "Grid operators credit a four-hour battery with less than its full rated power when the "
    "peak lasts longer than four hours, and that discount is likely to grow as more storage "
    "is added.",
)
footnotes(
    pdf,
    [
        '5 Monterey County Office of Emergency Services, "Moss Landing Incident Updates," '
        "https://www.co.monterey.ca.us/oes/moss-landing, accessed January 20, 2025.",
    ],
)

pdf.output(str(Path(__file__).with_name("grid-battery-storage-report.pdf")))
