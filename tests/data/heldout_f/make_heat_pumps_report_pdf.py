"""Build heat-pumps-rented-homes-report.pdf: a think-tank research report with a title page,
running header and footer, footnotes at the foot of each page, a table and a bar chart.

Run: /work/main/.venv/bin/python tests/data/heldout_f/make_heat_pumps_report_pdf.py
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

OUT = Path(__file__).with_name("heat-pumps-rented-homes-report.pdf")
SHORT = "Warm Homes, Fair Rents"

# Each body page: a list of blocks and the footnotes that belong at its foot.
# A block is ("h", text), ("p", text) where "^n" marks footnote n, ("table",), ("chart",).
PAGES: list[tuple[list[tuple[str, ...]], list[tuple[int, str]]]] = [
    (
        [
            ("h", "1. Introduction"),
            (
                "p",
                "Private renters live in the coldest homes in the country. In 2023, 27 per cent "
                "of privately rented homes in England had an energy performance rating of E or "
                "below, against 16 per cent of owner-occupied homes.^1 Renters also spend more of "
                "their income on energy: the median private tenant household spent 7.4 per cent "
                "of its disposable income on gas and electricity in 2023.^2",
            ),
            (
                "p",
                "This report asks why so few heat pumps are fitted in rented homes, and what "
                "would change that. It draws on a survey of 1,212 landlords carried out between "
                "September and November 2024, on installation records, and on interviews with "
                "letting agents and installers in four regions.",
            ),
            ("h", "2. The rented stock"),
            (
                "p",
                "There are about 4.6 million privately rented homes in England. Most are owned "
                "by small landlords: 45 per cent of landlords own a single property, and only 6 "
                "per cent own ten or more.^3 Small landlords rarely plan a heating system beyond "
                "the life of the current boiler, and most replace a broken boiler with another "
                "gas boiler within 48 hours.",
            ),
            (
                "p",
                "The split incentive is the core problem. The landlord pays for the heating "
                "system, but the tenant pays the bills, so the landlord gains little from a "
                "system that is cheaper to run.",
            ),
        ],
        [
            (
                1,
                "Department for Levelling Up, Housing and Communities, English Housing Survey "
                "2022-23: Energy, https://www.gov.uk/ehs-energy-2023 (accessed 3 March 2025).",
            ),
            (
                2,
                "Marlow Institute analysis of the Family Resources Survey, 2023, "
                "https://www.marlowinstitute.org/data/frs-2023 (accessed 3 March 2025).",
            ),
            (
                3,
                "The survey counted a landlord once even where the properties were held "
                "through a limited company; 19 per cent of respondents held at least one "
                "property that way.",
            ),
        ],
    ),
    (
        [
            ("h", "3. Costs and returns"),
            (
                "p",
                "An air-source heat pump for a typical two-bedroom rented flat cost £11,300 to "
                "install in 2024, before grants.^4 The Boiler Upgrade Scheme grant of £7,500 "
                "brings that to £3,800, which is still more than twice the cost of a new gas "
                "boiler. Table 1 compares the options.",
            ),
            ("table",),
            (
                "p",
                "Running costs depend on the tariff. On a standard tariff a heat pump saves a "
                "typical flat about £110 a year; on a heat pump tariff with cheaper overnight "
                "power the saving rises to £290 a year.^5 None of that saving reaches the "
                "landlord unless rents rise.",
            ),
        ],
        [
            (
                4,
                "Installer quotes collected by the Heat Pump Installers Network, "
                "https://www.hpin.org.uk/prices-2024 (accessed 3 March 2025).",
            ),
            (5, "Ibid., p. 12."),
        ],
    ),
    (
        [
            ("h", "4. What landlords told us"),
            (
                "p",
                "Installations in rented homes have grown, but from a low base. Figure 2 shows "
                "the number fitted each year since 2019.",
            ),
            ("chart",),
            (
                "p",
                "Asked what stopped them, 58 per cent of landlords named the upfront cost and 31 "
                "per cent named disruption to tenants during the work. Only 9 per cent said they "
                "doubted that heat pumps work. Landlords who had fitted one were the most "
                "positive group in the survey: 82 per cent of them said they would fit another.^6",
            ),
        ],
        [
            (
                6,
                "Of the 1,212 landlords surveyed, 94 had already fitted at least one heat pump; "
                "the figure of 82 per cent is drawn from that group alone.",
            ),
        ],
    ),
    (
        [
            ("h", "5. Recommendations"),
            (
                "p",
                "First, the government should let landlords claim the Boiler Upgrade Scheme grant "
                "and a 0 per cent loan for the remainder, repaid over ten years. Second, the "
                "minimum energy standard for rented homes should rise to a rating of C by 2030, "
                "with a cost cap of £10,000 per property.^7 Third, heat pump tariffs should be "
                "offered to tenants without a landlord's consent.",
            ),
            (
                "p",
                "Taken together, we estimate these measures would raise installations in rented "
                "homes to 60,000 a year by 2028. That is still short of what the net zero target "
                "needs, but it would close the gap between renters and owners for the first time.",
            ),
        ],
        [
            (
                7,
                "Department for Energy Security and Net Zero, Improving the energy performance "
                "of privately rented homes, https://www.gov.uk/desnz-prs-consultation (accessed "
                "3 March 2025).",
            ),
        ],
    ),
]

TABLE = [
    ("Option", "Install cost (£)", "Grant (£)", "Annual running cost (£)"),
    ("Gas boiler", "1,700", "0", "1,040"),
    ("Air-source heat pump", "11,300", "7,500", "930"),
    ("Heat pump on heat pump tariff", "11,300", "7,500", "750"),
]

CHART = [("2019", 2.1), ("2020", 2.6), ("2021", 3.9), ("2022", 5.8), ("2023", 8.2), ("2024", 11.4)]


class Report(FPDF):
    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 6, SHORT, align="L")
        self.cell(
            0, 6, "Marlow Institute for Housing Economics", align="R", new_x="LMARGIN", new_y="NEXT"
        )
        self.line(20, 18, 190, 18)
        self.ln(6)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 6, f"Page {self.page_no()}", align="C")


def paragraph(pdf: Report, text: str) -> None:
    pdf.set_font("Helvetica", "", 10.5)
    parts = text.split("^")
    pdf.write(5.5, parts[0])
    for part in parts[1:]:
        digits = ""
        while part and part[0].isdigit():
            digits, part = digits + part[0], part[1:]
        pdf.char_vpos = "SUP"
        pdf.write(5.5, digits)
        pdf.char_vpos = "LINE"
        pdf.write(5.5, part)
    pdf.ln(8)


def table(pdf: Report) -> None:
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(
        0,
        6,
        "Table 1: Cost of heating options for a two-bedroom rented flat, 2024",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    widths = (60, 35, 30, 45)
    for i, row in enumerate(TABLE):
        pdf.set_font("Helvetica", "B" if i == 0 else "", 9)
        for w, value in zip(widths, row, strict=True):
            pdf.cell(w, 6, value, border=1)
        pdf.ln(6)
    pdf.set_font("Helvetica", "I", 8)
    pdf.cell(
        0,
        5,
        "Source: installer quotes; Marlow Institute tariff model.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(4)


def chart(pdf: Report) -> None:
    x0, y0, h, bw = 40, pdf.get_y() + 5, 50, 18
    top = 12.0
    pdf.set_font("Helvetica", "", 8)
    pdf.line(x0, y0, x0, y0 + h)
    pdf.line(x0, y0 + h, x0 + 6 * (bw + 6) + 6, y0 + h)
    for tick in (0, 4, 8, 12):
        y = y0 + h - h * tick / top
        pdf.text(x0 - 6, y + 1, str(tick))
    for i, (year, value) in enumerate(CHART):
        x = x0 + 6 + i * (bw + 6)
        bh = h * value / top
        pdf.set_fill_color(70, 110, 160)
        pdf.rect(x, y0 + h - bh, bw, bh, style="F")
        pdf.text(x + 5, y0 + h + 5, year)
    pdf.text(x0 + 60, y0 + h + 11, "Year")
    with pdf.rotation(90, x0 - 12, y0 + h):
        pdf.text(x0 - 12, y0 + h, "Installations (thousands)")
    pdf.set_y(y0 + h + 14)
    pdf.set_font("Helvetica", "I", 9)
    pdf.multi_cell(
        0,
        5,
        "Figure 2: Heat pumps installed in privately rented homes in England each year, "
        "2019 to 2024 (thousands)",
    )
    pdf.ln(4)


def footnotes(pdf: Report, notes: list[tuple[int, str]]) -> None:
    pdf.set_font("Helvetica", "", 7.5)
    height = sum(4 * (1 + len(text) // 120) for _, text in notes) + 4
    pdf.set_y(-16 - height)
    pdf.line(20, pdf.get_y(), 70, pdf.get_y())
    pdf.ln(1.5)
    for number, text in notes:
        pdf.multi_cell(0, 4, f"{number} {text}", new_x="LMARGIN", new_y="NEXT")


def build() -> None:
    pdf = Report(format="A4")
    pdf.set_margins(20, 15, 20)
    pdf.set_auto_page_break(False)
    pdf.set_title("Warm Homes, Fair Rents")
    pdf.set_creation_date(__import__("datetime").datetime(2025, 4, 2, 9, 0, 0))

    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.set_y(40)
    pdf.cell(
        0, 8, "Marlow Institute for Housing Economics", align="C", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(20)
    pdf.set_font("Helvetica", "B", 24)
    pdf.cell(0, 12, "Warm Homes, Fair Rents", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 14)
    pdf.cell(
        0,
        9,
        "Getting heat pumps into England's private rented homes",
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(25)
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(
        0,
        7,
        "Dr Helen Achterberg, Marlow Institute for Housing Economics",
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.cell(
        0, 7, "Tobias Ncube, University of Eastbridge", align="C", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(25)
    pdf.cell(0, 7, "March 2025", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 7, "Report No. 14", align="C", new_x="LMARGIN", new_y="NEXT")

    for blocks, notes in PAGES:
        pdf.add_page()
        for block in blocks:
            if block[0] == "h":
                pdf.set_font("Helvetica", "B", 13)
                pdf.cell(0, 8, block[1], new_x="LMARGIN", new_y="NEXT")
                pdf.ln(1)
            elif block[0] == "p":
                paragraph(pdf, block[1])
            elif block[0] == "table":
                table(pdf)
            else:
                chart(pdf)
        footnotes(pdf, notes)
    pdf.output(str(OUT))


if __name__ == "__main__":
    build()
