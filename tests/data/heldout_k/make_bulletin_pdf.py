"""Build household-energy-bulletin.pdf: a national statistics bulletin (run with fpdf2)."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

OFFICE = "Caldrian Office for National Statistics"
OUT = Path(__file__).with_name("household-energy-bulletin.pdf")


class Bulletin(FPDF):
    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, OFFICE, align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, f"Page {self.page_no()}", align="R")
        self.set_text_color(0, 0, 0)


def para(pdf: FPDF, text: str) -> None:
    pdf.set_font("Helvetica", "", 10.5)
    pdf.write(5.4, text)
    pdf.ln(8)


def marked(pdf: FPDF, parts: list[str | int]) -> None:
    """A paragraph whose int parts are superscript endnote markers."""
    for part in parts:
        if isinstance(part, int):
            pdf.char_vpos = "SUP"
            pdf.set_font("Helvetica", "", 10.5)
            pdf.write(5.4, str(part))
            pdf.char_vpos = "LINE"
        else:
            pdf.set_font("Helvetica", "", 10.5)
            pdf.write(5.4, part)
    pdf.ln(8)


def heading(pdf: FPDF, text: str) -> None:
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def bar_chart(
    pdf: FPDF, title: str, labels: list[str], values: list[float], ylab: str, source: str
) -> None:
    pdf.set_font("Helvetica", "B", 10)
    pdf.multi_cell(0, 5, title, new_x="LMARGIN", new_y="NEXT")
    x0, y0, h, w = pdf.l_margin + 18, pdf.get_y() + 4, 48.0, 120.0
    top = max(values) * 1.15
    pdf.set_draw_color(0, 0, 0)
    pdf.line(x0, y0, x0, y0 + h)
    pdf.line(x0, y0 + h, x0 + w, y0 + h)
    pdf.set_font("Helvetica", "", 7.5)
    for tick in range(0, int(top) + 1, 5):
        ty = y0 + h - h * tick / top
        pdf.text(x0 - 6, ty + 1, str(tick))
    step = w / len(values)
    for i, (lab, val) in enumerate(zip(labels, values, strict=True)):
        bh = h * val / top
        pdf.set_fill_color(40, 90, 150)
        pdf.rect(x0 + i * step + 3, y0 + h - bh, step - 6, bh, style="F")
        pdf.text(x0 + i * step + 4, y0 + h + 4, lab)
    pdf.set_font("Helvetica", "", 8)
    pdf.text(x0 + w / 2 - 5, y0 + h + 10, "Year")
    with pdf.rotation(90, x0 - 11, y0 + h):
        pdf.text(x0 - 11, y0 + h, ylab)
    pdf.set_y(y0 + h + 13)
    pdf.set_font("Helvetica", "I", 8.5)
    pdf.cell(0, 5, source, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)


def build() -> None:
    pdf = Bulletin(format="A4")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=22)
    pdf.set_title("Household energy spending and fuel stress, Caldria: 2024")
    pdf.add_page()

    pdf.set_font("Helvetica", "B", 11)
    pdf.set_text_color(40, 90, 150)
    pdf.cell(0, 6, OFFICE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(
        0,
        8,
        "Household energy spending and fuel stress, Caldria: 2024",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(1)
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 6, "Statistical bulletin", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 9.5)
    pdf.cell(0, 5, "Release date: 12 March 2025", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 5, "Next release: 11 March 2026", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)

    heading(pdf, "Main points")
    points = [
        "Average household spending on domestic energy was 2,140 crowns in 2024, down 6.8% "
        "from 2023 but still 31% above 2021.",
        "An estimated 412,000 households (14.2%) were in fuel stress in 2024, compared with "
        "16.9% in 2023.",
        "Households renting privately were twice as likely to be in fuel stress as owner-"
        "occupiers (22.5% against 10.8%).",
        "Spending on heating oil fell by 18.4%, the largest fall of any fuel.",
        "The Northern Uplands region had the highest rate of fuel stress, at 19.7%.",
    ]
    pdf.set_font("Helvetica", "", 10.5)
    for p in points:
        pdf.set_x(pdf.l_margin + 3)
        pdf.cell(4, 5.4, chr(149))
        pdf.multi_cell(0, 5.4, p, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.2)
    pdf.ln(3)

    heading(pdf, "Energy spending")
    marked(
        pdf,
        [
            "Households in Caldria spent an average of 2,140 crowns on gas, electricity and other "
            "domestic fuels in 2024.",
            1,
            " This was 6.8% less than in 2023, when spending peaked at 2,296 crowns, as the "
            "regulated price cap was lowered twice during the year. Spending remained well above "
            "the level seen before the price shock: in 2021 the average household spent 1,633 "
            "crowns. Electricity accounted for 58% of the total, up from 49% five years earlier, "
            "reflecting the spread of heat pumps and electric vehicles charged at home.",
        ],
    )
    bar_chart(
        pdf,
        "Figure 1: Average annual household spending on domestic energy, Caldria, 2020 to 2024",
        ["2020", "2021", "2022", "2023", "2024"],
        [15.8, 16.3, 20.9, 22.9, 21.4],
        "Hundreds of crowns",
        "Source: Household Expenditure Survey, Caldrian Office for National Statistics",
    )

    heading(pdf, "Fuel stress")
    marked(
        pdf,
        [
            "A household is counted as being in fuel stress when it spends more than 10% of its "
            "disposable income on domestic energy after housing costs.",
            2,
            " On this measure, an estimated 412,000 households were in fuel stress in 2024, or "
            "14.2% of all households. The rate fell from 16.9% in 2023 but is higher than the "
            "11.1% recorded in 2020. The fall was concentrated among pensioner households, "
            "most of whom "
            "received the Winter Support Payment of 300 crowns for the first time.",
            3,
        ],
    )
    bar_chart(
        pdf,
        "Figure 2: Percentage of households in fuel stress, Caldria, 2020 to 2024",
        ["2020", "2021", "2022", "2023", "2024"],
        [11.1, 11.6, 15.2, 16.9, 14.2],
        "Percentage of households",
        "Source: Household Expenditure Survey and Income Panel, Caldrian Office for National "
        "Statistics",
    )

    heading(pdf, "Differences by tenure and region")
    marked(
        pdf,
        [
            "Tenure remains the clearest dividing line. Private renters were more than twice as "
            "likely as owner-occupiers to be in fuel stress, and their homes were more often rated "
            "in the two lowest energy-efficiency bands. Social renters fell between the two, at "
            "15.9%. Regional rates ranged from 9.4% in the Capital Region to 19.7% in the Northern "
            "Uplands, where a larger share of homes are not connected to the gas grid.",
            4,
        ],
    )

    pdf.set_font("Helvetica", "B", 10)
    pdf.multi_cell(
        0,
        5,
        "Table 2: Households in fuel stress by tenure, Caldria, 2023 and 2024",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(1)
    head = ["Tenure", "Households 2024", "Rate 2023 (%)", "Rate 2024 (%)"]
    rows = [
        ["Owner-occupied", "196,000", "12.9", "10.8"],
        ["Social rented", "71,000", "17.4", "15.9"],
        ["Private rented [a]", "145,000", "25.8", "22.5 [b]"],
        ["All households", "412,000", "16.9", "14.2"],
    ]
    widths = [50.0, 40.0, 40.0, 40.0]
    pdf.set_font("Helvetica", "B", 9)
    for wd, h in zip(widths, head, strict=True):
        pdf.cell(wd, 6.5, h, border=1, align="C")
    pdf.ln()
    pdf.set_font("Helvetica", "", 9)
    for row in rows:
        for i, (wd, c) in enumerate(zip(widths, row, strict=True)):
            pdf.cell(wd, 6, c, border=1, align="L" if i == 0 else "R")
        pdf.ln()
    pdf.set_font("Helvetica", "", 8)
    pdf.ln(1)
    pdf.multi_cell(
        0,
        4.2,
        "[a] Includes tenants of tied and employer-provided housing.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.multi_cell(
        0,
        4.2,
        "[b] Statistically significant fall from 2023 at the 95% level.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font("Helvetica", "I", 8.5)
    pdf.cell(
        0,
        5,
        "Source: Household Expenditure Survey, Caldrian Office for National Statistics",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(4)

    heading(pdf, "Spending by fuel")
    marked(
        pdf,
        [
            "Spending on heating oil fell by 18.4% in 2024, the largest fall of any fuel, as world "
            "crude prices eased. Spending on electricity fell by 3.1% and on mains gas by 9.6%. "
            "Around 7% of households used solid fuel such as wood or peat as their main source of "
            "heat; their spending is the least certain figure in this bulletin because much of it "
            "is bought informally.",
            5,
        ],
    )

    heading(pdf, "Quality and methodology")
    para(
        pdf,
        "The Household Expenditure Survey interviewed 8,350 households between January "
        "and December 2024. Estimates are weighted to the population and are subject to "
        "sampling error; differences described as falls or rises in this bulletin are "
        "statistically significant unless stated otherwise.",
    )

    heading(pdf, "Contact")
    pdf.set_font("Helvetica", "", 10)
    for line in (
        "Marit Oksanen, Prices and Household Finance Division",
        "energy.statistics@cons.gov.cd",
        "+46 010 556 2318",
    ):
        pdf.cell(0, 5.2, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)

    heading(pdf, "Notes")
    notes = [
        "Spending is measured in nominal crowns and includes standing charges but excludes "
        "spending on motor fuel.",
        "Disposable income after housing costs is taken from the Income Panel; the 10% "
        "threshold was adopted in the 2019 review of fuel poverty measures.",
        "The Winter Support Payment was extended to all pensioner households in October 2024.",
        "Regional estimates for regions with fewer than 500 sampled households should be "
        "treated with caution.",
        "Solid fuel spending is estimated from a separate module answered by 1,120 households.",
    ]
    pdf.set_font("Helvetica", "", 9.5)
    for i, n in enumerate(notes, 1):
        pdf.multi_cell(0, 5, f"{i}. {n}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)

    pdf.output(str(OUT))


if __name__ == "__main__":
    build()
