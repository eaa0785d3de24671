"""Writes groundwater-report.pdf: a think-tank policy report for the third held-out set.

A title page, a byline, running headers and footers with page numbers, numbered footnotes at
the foot of the page that cites them (raised markers in the text), and a figure with its
caption. Run it from anywhere: `python tests/data/heldout_c/make_report_pdf.py`; it needs
fpdf2 (a dev tool, not a dependency of Factbot) and writes the PDF next to itself.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from fpdf import FPDF

OUT = Path(__file__).with_name("groundwater-report.pdf")
TITLE = "Running Dry: Groundwater Depletion in the Calder Basin"
SUBTITLE = "Why the water table keeps falling, and five steps to stop it"
AUTHORS = "Ingrid Halvorsen and Samuel Achebe"
HEADER = "Running Dry: Groundwater in the Calder Basin"
FOOTER = "Meridian Policy Institute | Policy Report No. 14"

LEFT = 22.0
WIDTH = 166.0
BODY = 10.5
LINE = 5.4
FOOT_BOTTOM = 272.0  # the foot of the text area; the footer sits below it

# Each page: blocks of ("h", heading), ("p", paragraph with [n] markers), ("fig", caption).
# Notes are printed at the foot of the page whose text cites them.
PAGES: list[list[tuple[str, str]]] = [
    [
        ("h", "Summary"),
        (
            "p",
            "The Calder Aquifer is the largest source of fresh water in the Calder Basin, and"
            " it is being used up faster than rain and rivers can refill it. Wells across the"
            " basin now reach water that is on average 18 metres deeper than in 1990.[1] In "
            "the hardest-hit district, Tenley Flats, the drop is 41 metres. Farms draw most "
            "of the water, but towns depend on the same aquifer for drinking water. This "
            "report describes the scale of the problem, explains why the current rules have "
            "not slowed it, and sets out five recommendations for the Basin Water Authority "
            "(BWA) and the regional legislature.",
        ),
        (
            "p",
            "Our central finding is simple. The basin pumps about 450 million cubic metres of"
            " groundwater a year, while the aquifer's sustainable yield is closer to 310 "
            "million.[2] Closing that gap of 140 million cubic metres will take meters, a cap"
            " on withdrawals, and new ways of putting water back underground. None of these "
            "steps is cheap, but waiting costs more.",
        ),
        ("h", "1. A Falling Water Table"),
        (
            "p",
            "The Calder Aquifer supplies about 60 percent of the drinking water used by the "
            "basin's 1.4 million residents. The rest comes from the Calder River and two "
            "reservoirs in the northern hills. In dry years the share taken from the aquifer "
            "rises, because river allocations are cut first.",
        ),
        (
            "p",
            "Water levels have been measured in a network of 212 monitoring wells since 1990."
            " Figure 1 shows the average depth to water across that network. The decline was "
            "gradual in the 1990s, then steepened after the drought of 2012 to 2015, when "
            "farmers drilled deeper wells to save their crops. Levels recovered slightly in "
            "the wet winters of 2017 and 2023, but each recovery was smaller than the loss "
            "that came before it.",
        ),
        (
            "fig",
            "Figure 1. Average depth to groundwater in 212 monitoring wells, Calder Basin, "
            "1990-2024 (metres below the surface). Source: Basin Water Authority monitoring "
            "data.",
        ),
    ],
    [
        (
            "p",
            "A falling water table does more than raise pumping bills. As the water is "
            "removed, the clay layers in the aquifer compact and the ground above them sinks."
            " Satellite surveys show the land surface near Tenley Flats sinking by up to 30 "
            "centimetres a decade.[3] Subsidence has already cracked the lining of the Hollis"
            " Canal, and the repairs are estimated at $85 million. Once clay compacts, it "
            "does not expand again, so part of the aquifer's storage is lost for good.",
        ),
        (
            "p",
            "Shallow domestic wells are the first to fail. In the summer of 2024, 640 "
            "households reported dry wells, most of them in small communities without a "
            "municipal water system.[4] Many of those families now rely on trucked water at a"
            " cost of about $300 a month.",
        ),
        ("h", "2. Who Pumps and Why"),
        (
            "p",
            "Agriculture accounts for 72 percent of groundwater withdrawals in the basin. "
            "Towns and cities take 21 percent, and industry, mainly food processing, takes "
            "the remaining 7 percent. The largest users are orchards and fodder crops, which "
            "need water through the hot summer months when rivers run low.",
        ),
        (
            "p",
            "There are about 9,300 registered wells in the basin. The BWA estimates that "
            "another 4,000 wells were drilled without a permit, most of them before 2000. "
            "Only 38 percent of agricultural wells have a working meter, so the authority "
            "relies on estimates based on crop type and field size.[5]",
        ),
        (
            "p",
            'Growers we interviewed did not deny the problem. "We are pumping our '
            "grandchildren's water, and everyone here knows it,\" said Tomas Reyes, who farms "
            "90 hectares of walnuts near Tenley Flats. Several growers told us they would "
            "accept limits if the rules applied to everyone at once. What they fear is "
            "cutting back while a neighbour keeps pumping.",
        ),
    ],
    [
        ("h", "3. Why the Current Rules Fall Short"),
        (
            "p",
            "Under the Groundwater Act of 1998, anyone who owns land above the aquifer may "
            'pump from it for "reasonable use". The act does not define reasonable use, and '
            "it sets no limit on the total volume taken. Permits are required for new wells, "
            "but a permit says nothing about how much water the well may draw.",
        ),
        (
            "p",
            'The BWA can declare a district "critically overdrafted" and order a management '
            "plan. It has done so twice, in 2009 and in 2016. Neither plan included a binding"
            " cap, and monitoring showed no lasting change in pumping after either.[6]",
        ),
        (
            "p",
            "Enforcement is also thin. The authority has six field inspectors for a basin of "
            "about 11,000 square kilometres. Fines for an unpermitted well start at $500, "
            "which is less than a single month's pumping costs for a large farm.",
        ),
        ("h", "4. Lessons From Other Regions"),
        (
            "p",
            "Other basins have faced the same choice, and some have acted. In the Lower Varna"
            " district, a cap on pumping was introduced in 2017 together with tradable "
            "allocations. Withdrawals there fell by 22 percent in five years, and water "
            "levels have been stable since 2021.[7] The cap was set in stages, so farmers had"
            " time to change crops and irrigation methods.",
        ),
        (
            "p",
            "Managed aquifer recharge (MAR) is the other lesson. In MAR projects, floodwater "
            "from wet winters is spread on fields or sent into basins where it soaks into the"
            " ground. A pilot project on 400 hectares near Marlow put 14 million cubic metres"
            " back into the Calder Aquifer in 2024. Its cost was about 9 cents per cubic "
            "metre, well below the cost of new surface storage.",
        ),
        (
            "p",
            "Recharge cannot replace a cap. Even in a wet year, the pilot recovered about a "
            "tenth of the annual overdraft. But recharge lets a basin store surplus water "
            "when it is available, instead of losing it to the sea.",
        ),
    ],
    [
        ("h", "5. Recommendations"),
        ("p", "We make five recommendations."),
        (
            "p",
            "First, every well that draws more than 10 cubic metres a day should have a meter"
            " by the end of 2028. The BWA should pay half the cost of installation for small "
            "farms.",
        ),
        (
            "p",
            "Second, the legislature should give the BWA the power to cap total withdrawals "
            "at the sustainable yield, reached in steps over ten years.",
        ),
        (
            "p",
            "Third, the authority should charge a pumping fee of 12 cents per cubic metre, "
            "with the revenue used only for recharge and for buying back water rights.[8]",
        ),
        (
            "p",
            "Fourth, the region should issue a $120 million water bond to build recharge "
            "basins on at least 5,000 hectares.",
        ),
        (
            "p",
            "Fifth, households with dry wells should be connected to a public system, "
            "starting with the 640 households that reported failures in 2024.",
        ),
        (
            "p",
            "Taken together, these measures would close the gap between pumping and recharge "
            "by about 2035. Delay will make each of them harder and more expensive.",
        ),
        ("h", "About the Authors"),
        (
            "p",
            "Ingrid Halvorsen is a senior fellow in the Water and Land Program at the "
            "Meridian Policy Institute. Samuel Achebe is a research analyst at the institute.",
        ),
    ],
]

NOTES = {
    1: "Basin Water Authority, Groundwater Level Monitoring Report 2024 (Calder City: BWA, "
    "2025), p. 9.",
    2: "Calder Basin Hydrology Study, Final Report (Regional Water Board, 2021), pp. 44-47.",
    3: "Ibid., p. 52.",
    4: "Dry well reports collected by the county emergency offices, January to October 2024.",
    5: "Basin Water Authority, Well Registry Summary, March 2025.",
    6: "Basin Water Authority, Review of District Management Plans (2022), p. 17.",
    7: "Lower Varna Water District, Ten-Year Review of the Groundwater Cap (2024).",
    8: "At current pumping levels the fee would raise about $54 million a year.",
}

# Average depth to water (m) for the figure, every second year.
DEPTHS = [22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 36, 38, 37, 39, 40, 40]


class Report(FPDF):
    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "I", 8)
        self.set_text_color(90, 90, 90)
        self.set_xy(LEFT, 10)
        self.cell(WIDTH / 2, 5, HEADER)
        self.cell(WIDTH / 2, 5, "September 2025", align="R")
        self.line(LEFT, 16, LEFT + WIDTH, 16)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.set_xy(LEFT, 282)
        self.cell(WIDTH / 2, 5, FOOTER)
        self.cell(WIDTH / 2, 5, str(self.page_no()), align="R")
        self.set_text_color(0, 0, 0)


def title_page(pdf: Report) -> None:
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    pdf.set_xy(LEFT, 30)
    pdf.cell(WIDTH, 6, "MERIDIAN POLICY INSTITUTE")
    pdf.set_font("Helvetica", "", 9)
    pdf.set_xy(LEFT, 37)
    pdf.cell(WIDTH, 5, "Water and Land Program")
    pdf.set_font("Helvetica", "B", 24)
    pdf.set_xy(LEFT, 90)
    pdf.multi_cell(WIDTH, 11, TITLE, align="L")
    pdf.set_font("Helvetica", "", 13)
    pdf.set_x(LEFT)
    pdf.multi_cell(WIDTH, 7, SUBTITLE, align="L")
    pdf.set_font("Helvetica", "", 11)
    pdf.set_xy(LEFT, 150)
    pdf.cell(WIDTH, 6, AUTHORS)
    pdf.set_xy(LEFT, 240)
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(WIDTH, 5, "Policy Report No. 14 | September 2025")


def paragraph(pdf: Report, text: str) -> None:
    pdf.set_x(LEFT)
    for piece in re.split(r"(\[\d+\])", text):
        if re.fullmatch(r"\[\d+\]", piece):
            pdf.char_vpos = "SUP"
            pdf.write(LINE, piece[1:-1])
            pdf.char_vpos = "LINE"
        elif piece:
            pdf.write(LINE, piece)
    pdf.ln(LINE + 2.5)


def figure(pdf: Report, caption: str) -> None:
    top = pdf.get_y() + 2
    x0, x1, y0, y1 = LEFT + 12, LEFT + WIDTH - 6, top, top + 55
    pdf.set_draw_color(0, 0, 0)
    pdf.line(x0, y1, x1, y1)
    pdf.line(x0, y0, x0, y1)
    pdf.set_font("Helvetica", "", 7)
    for depth in (20, 30, 40):
        y = y1 - (depth - 15) / 30 * (y1 - y0)
        pdf.set_xy(x0 - 9, y - 2)
        pdf.cell(8, 4, str(depth), align="R")
    for i, year in enumerate(range(1990, 2025, 8)):
        x = x0 + (year - 1990) / 34 * (x1 - x0)
        pdf.set_xy(x - 6, y1 + 1)
        pdf.cell(12, 4, str(year), align="C")
        del i
    pdf.set_draw_color(30, 80, 160)
    pdf.set_line_width(0.6)
    points = [
        (x0 + k / (len(DEPTHS) - 1) * (x1 - x0), y1 - (d - 15) / 30 * (y1 - y0))
        for k, d in enumerate(DEPTHS)
    ]
    for a, b in itertools.pairwise(points):
        pdf.line(a[0], a[1], b[0], b[1])
    pdf.set_line_width(0.2)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_xy(LEFT, y1 + 7)
    pdf.set_font("Helvetica", "I", 8.5)
    pdf.multi_cell(WIDTH, 4.2, caption)
    pdf.ln(4)


def footnotes(pdf: Report, numbers: list[int]) -> float:
    """Print the page's notes at its foot; returns the top of the notes block."""
    pdf.set_font("Helvetica", "", 8)
    heights: list[float] = []
    for n in numbers:
        lines = pdf.multi_cell(WIDTH - 5, 4.0, NOTES[n], dry_run=True, output="LINES")
        assert isinstance(lines, list)
        heights.append(4.0 * len(lines))
    top = FOOT_BOTTOM - sum(heights) - 1.5 * len(numbers)
    pdf.line(LEFT, top - 2, LEFT + 50, top - 2)
    y = top
    for n, h in zip(numbers, heights, strict=True):
        pdf.set_xy(LEFT, y)
        pdf.set_font("Helvetica", "", 5.5)
        pdf.set_xy(LEFT, y - 0.8)
        pdf.cell(5, 4.0, str(n))
        pdf.set_font("Helvetica", "", 8)
        pdf.set_xy(LEFT + 5, y)
        pdf.multi_cell(WIDTH - 5, 4.0, NOTES[n])
        y += h + 1.5
    return top


def main() -> None:
    pdf = Report(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(LEFT, 20, 210 - LEFT - WIDTH)
    pdf.set_title(TITLE)
    pdf.set_author(AUTHORS)
    pdf.set_creator("Meridian Policy Institute")
    pdf.set_creation_date(__import__("datetime").datetime(2025, 9, 15))
    title_page(pdf)
    for blocks in PAGES:
        pdf.add_page()
        pdf.set_y(24)
        cited = [
            int(n) for kind, text in blocks if kind == "p" for n in re.findall(r"\[(\d+)\]", text)
        ]
        for kind, text in blocks:
            if kind == "h":
                pdf.set_font("Helvetica", "B", 12.5)
                pdf.set_x(LEFT)
                pdf.cell(WIDTH, 7, text)
                pdf.ln(9)
            elif kind == "p":
                pdf.set_font("Helvetica", "", BODY)
                paragraph(pdf, text)
            else:
                figure(pdf, text)
        body_end = pdf.get_y()
        top = footnotes(pdf, cited) if cited else FOOT_BOTTOM
        if body_end > top - 4:
            raise SystemExit(f"page {pdf.page_no()}: the text runs into the notes")
    pdf.output(str(OUT))


if __name__ == "__main__":
    main()
