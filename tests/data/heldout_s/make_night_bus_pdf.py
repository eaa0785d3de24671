"""Make night-bus-essay.pdf: a two-column magazine essay with a drop cap, a pull quote across the
columns, a standfirst, "* * *" section breaks, a running header, page numbers and an italic bio."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

HEADER = "THE CIVIC QUARTERLY  |  Issue 58, Winter 2025"
TITLE = "After Midnight: The Case for the Night Bus"
STANDFIRST = (
    "Cities have spent a decade building a daytime transit system for a nine-to-five economy "
    "that no longer exists. Nadia Okonkwo-Reyes rides the late routes and counts who is on board."
)
BYLINE = "By Nadia Okonkwo-Reyes"
PULL = (
    "\u201cThe night shift is not a lifestyle choice. It is the economy, running on the last "
    "bus home.\u201d \u2014 Priya Venkataraman"
)
PARAS = [
    "The N47 leaves the hospital stop at 1.12 a.m., and on the Tuesday I rode it there were 31 "
    "people on board. Most were in uniform of one kind or another: porters, care assistants, two "
    "security guards and a baker on her way in rather than out. Nobody on that bus was going "
    "home from a night out.",
    "That is the first thing the figures say, and it is the thing transport planners have been "
    "slowest to hear. A survey by the regional transport authority in 2023 found that 64 per "
    "cent of passengers on night routes were travelling to or from work, against 18 per cent "
    "travelling for leisure. The remainder gave reasons ranging from caring duties to hospital "
    "visits.",
    "* * *",
    "Night networks were cut hard after 2020. Across the eleven largest city regions, the number "
    "of night routes fell from 212 in 2019 to 139 in 2022, a loss of about a third. Operators "
    "pointed to empty seats during lockdowns and to the cost of paying drivers a night premium, "
    "which typically adds 25 to 30 per cent to the hourly wage.",
    "The empty seats did not last. By 2024, boardings on the surviving night routes had "
    "recovered to 92 per cent of their 2019 level, even though a third of the network had gone. "
    "The people who used to catch the routes that vanished now walk, take unlicensed minicabs, or "
    "simply turn down the shift.",
    "Priya Venkataraman, who chairs the Night Workers' Alliance, has spent two years collecting "
    "their stories. She puts it bluntly. \u201cThe night shift is not a lifestyle choice,\u201d "
    "she told me. \u201cIt is the economy, running on the last bus home.\u201d",
    "* * *",
    "What would it cost to put the routes back? The transport authority's own estimate is "
    "\u00a338 million a year to restore the 2019 network in the eleven regions, or roughly "
    "\u00a31.40 for every resident. Set against the \u00a31.2 billion spent on daytime bus "
    "support in the same regions, it is a small sum.",
    "Not everyone is persuaded. Graham Lowther, chief executive of the Confederation of Bus "
    "Operators, argues that night services should be paid for by the businesses that depend on "
    "them. \u201cIf a warehouse needs staff at three in the morning, it can help pay for the bus "
    "that brings them,\u201d he said.",
    "There is a precedent. In Leeds, a levy on large employers within a mile of the airport has "
    "funded two night routes since 2021, and the routes now carry about 1,900 passengers a "
    "week. The levy is \u00a3120 per employee per year and applies only to sites with more "
    "than 250 staff.",
    "* * *",
    "The harder argument is about safety. Women I spoke to on the N47 and the N12 said the bus "
    "itself felt safe; it was the walk from the stop that frightened them. Lighting at night "
    "stops is a council matter, not an operator's, and in most regions nobody is responsible "
    "for both.",
    "The fix is not glamorous. Restore the routes, light the stops, and publish the timetable "
    "as if it mattered. The passengers are already there, waiting in the cold at 1.12 a.m.",
]
BIO = (
    "Nadia Okonkwo-Reyes is a transport correspondent and the author of Last Stop: Buses and the "
    "Making of the Modern City (2022)."
)

LEFT, GAP, COLW = 15.0, 8.0, 86.0
TOP, BOTTOM = 28.0, 275.0
LINE = 5.2


class Mag(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.set_xy(LEFT, 10)
        self.cell(180, 5, HEADER, align="L")
        self.line(LEFT, 16, LEFT + 180, 16)

    def footer(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.set_xy(LEFT, 284)
        self.cell(180, 5, str(self.page_no() + 33), align="C")


def main() -> None:
    pdf = Mag(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    pdf.add_font("DejaVu", "I", "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf")
    pdf.add_font("DejaVu", "B", "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 22)
    pdf.set_xy(LEFT, 24)
    pdf.multi_cell(180, 10, TITLE)
    pdf.set_font("DejaVu", "I", 12)
    pdf.set_x(LEFT)
    pdf.multi_cell(180, 6, STANDFIRST)
    pdf.set_font("DejaVu", "B", 9)
    pdf.set_x(LEFT)
    pdf.cell(180, 7, BYLINE)
    start = pdf.get_y() + 10
    # the pull quote sits in a box across the gutter; both columns wrap around it
    band = (146.0, 184.0)
    box_x, box_w = LEFT + COLW - 24, 2 * 24 + GAP
    pdf.set_font("DejaVu", "I", 12)
    pdf.set_xy(box_x, band[0] + 2)
    pdf.multi_cell(box_w, 6, PULL, align="C")

    def geometry(page: int, col: int, y: float) -> tuple[float, float]:
        x = LEFT + col * (COLW + GAP)
        if page == 1 and band[0] <= y + LINE and y <= band[1]:
            if col == 0:
                return x, box_x - 3 - x
            return box_x + box_w + 3, x + COLW - (box_x + box_w + 3)
        return x, COLW

    columns = [(1, 0, start), (1, 1, start), (2, 0, TOP), (2, 1, TOP)]
    state = {"ci": 0, "y": start}

    def place() -> tuple[int, int, float]:
        page, col, _ = columns[state["ci"]]
        if state["y"] + LINE > BOTTOM:
            state["ci"] += 1
            page, col, top = columns[state["ci"]]
            state["y"] = top
            if page > pdf.page_no():
                pdf.add_page()
        return page, col, state["y"]

    def paragraph(text: str, style: str = "", size: float = 9.5, indent_lines: int = 0) -> None:
        pdf.set_font("DejaVu", style, size)
        words = text.split()
        n = 0
        while words:
            page, col, y = place()
            x, w = geometry(page, col, y)
            if n < indent_lines:
                x, w = x + 13, w - 13
            line = words.pop(0)
            while words and pdf.get_string_width(line + " " + words[0]) <= w:
                line += " " + words.pop(0)
            pdf.set_xy(x, y)
            pdf.cell(w, LINE, line)
            state["y"] += LINE
            n += 1
        state["y"] += LINE * 0.6

    page, col, y = place()
    pdf.set_font("DejaVu", "B", 40)
    pdf.set_xy(LEFT, y - 1)
    pdf.cell(12, 16, PARAS[0][0])
    paragraph(PARAS[0][1:], indent_lines=3)
    for p in PARAS[1:]:
        if p == "* * *":
            page, col, y = place()
            x, w = geometry(page, col, y)
            pdf.set_font("DejaVu", "", 9.5)
            pdf.set_xy(x, y)
            pdf.cell(w, LINE, p, align="C")
            state["y"] += LINE * 1.6
        else:
            paragraph(p)
    paragraph(BIO, style="I", size=8.5)
    pdf.output(str(Path(__file__).with_name("night-bus-essay.pdf")))


if __name__ == "__main__":
    main()
