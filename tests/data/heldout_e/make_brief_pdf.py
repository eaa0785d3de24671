"""Make pollinator-corridors-brief.pdf: a two-column policy brief with a sidebar box and endnotes.

Run from anywhere: python tests/data/heldout_e/make_brief_pdf.py (needs fpdf2). The text is
written line by line into two columns so the layout is a real two-column page, with superscript
note markers, a running footer (short title and page number) and the notes at the end.
"""

from __future__ import annotations

import re
from pathlib import Path

from fpdf import FPDF

HERE = Path(__file__).resolve().parent
SHORT_TITLE = "Pollinator Corridors"
MARKER = re.compile(r"\{(\d+)\}")

TITLE = "Pollinator Corridors on Public Land"
SUBTITLE = "How road verges and rail banks could carry wild bees across farmed counties"
BYLINE = "Dr Maren Tullow and Ishaan Prakash"
DATELINE = "Hollin Centre for Rural Policy  |  Policy Brief No. 7  |  March 2025"

BODY: list[tuple[str, str]] = [
    ("h", "Summary"),
    (
        "p",
        "Wild bees and hoverflies pollinate about a third of the crops grown in Eastmere County. "
        "Their numbers have fallen for two decades, and the fall is steepest where fields are "
        "large and hedges are gone.{1} Public land could help: the county owns 2,400 kilometres "
        "of road "
        "verge, and Network Rail manages another 380 kilometres of embankment in the county. "
        "This brief argues that a connected network of flowering verges is the cheapest way to "
        "slow the decline.",
    ),
    ("h", "The decline"),
    (
        "p",
        "Surveys by the Eastmere Biological Records Centre (EBRC) recorded 214 wild bee species in "
        "the county in 2004. The same transects found 171 species in 2023, a loss of one in five. "
        "Bumblebees that forage far from their nests have held up best. Small solitary bees, "
        "which rarely fly more than 500 metres, have fared worst.{2} For these species a gap of a "
        "kilometre between patches of flowers is a wall.",
    ),
    (
        "p",
        "Farmers notice the loss at harvest. Orchard growers in the Tarrow valley now hire "
        'honeybee hives at 45 pounds a hive for each flowering season. "We never paid for '
        "pollination until "
        '2015," said Lorna Abbey, who grows apples near Kessingford.',
    ),
    ("h", "What corridors do"),
    (
        "p",
        "A corridor is a strip of flowering plants that links larger habitats. Verges are ideal "
        "because they are long, narrow and already public. Today only 9 per cent of the county's "
        "verges are cut in a way that lets flowers set seed. Most are mown four or five times a "
        "year, which removes the flowers before bees can use them.{3}",
    ),
    (
        "p",
        "Trials elsewhere are encouraging. In the Ardley trial, verges cut twice a year, in March "
        "and September, held three times as many flowering plants after two summers as verges mown "
        "monthly. Bee counts on the trial verges rose by 60 per cent over the same period.{4}",
    ),
    ("h", "Costs"),
    (
        "p",
        "Cutting less often saves money. The county spends about 1.1 million pounds a year on "
        "verge mowing, and a two-cut regime would cut that bill by roughly a quarter. Sowing "
        "native seed "
        "costs about 1,300 pounds per kilometre, a one-off cost. Removing the cuttings, which "
        "keeps the soil poor enough for wild flowers, needs new machines.{5}",
    ),
    ("h", "Objections"),
    (
        "p",
        "Road safety officers worry that long grass hides signs and blocks sight lines. The "
        "Ardley trial kept a one-metre strip mown beside the carriageway and at every junction, "
        "and recorded no rise in collisions. Some residents dislike the untidy look of uncut "
        "verges in late summer. Signs that explain the purpose of the verge reduced complaints by "
        "half in the trial districts.{6} Parish councils in Eastmere have already asked for 41 "
        "verges to be added to the scheme.",
    ),
    (
        "p",
        '"The verges are the one habitat we already own in every parish," said Councillor '
        "Peter Nyland, who chairs the county's environment committee. He expects a decision on "
        "the two-cut regime before the budget meeting in February 2026.",
    ),
    ("h", "Recommendations"),
    (
        "p",
        "First, the county should adopt a two-cut regime on all rural verges by 2027, keeping a "
        "safety strip mown at junctions. Second, it should map the gaps between existing "
        "grasslands and sow the 120 kilometres of verge that would close the largest of them. "
        "Third, it should agree a joint plan with Network Rail for the embankments. Fourth, it "
        "should fund the EBRC to repeat the bee transects every three years.",
    ),
]

SIDEBAR = [
    "Key figures",
    "Wild bee species recorded in 2004: 214.",
    "Species recorded in 2023: 171.",
    "Verges managed for flowers today: 9 per cent.",
    "Cost of sowing a kilometre of verge: 1,300 pounds.",
]

NOTES = [
    "Eastmere County Council, State of Nature Report, 2022, p. 14.",
    "EBRC, Bee Transect Survey 2023. The survey used 62 fixed transects walked six times a year.",
    "County Highways Department, Verge Maintenance Schedule 2024.",
    "Ardley District Council, Verge Trial Final Report, 2021. The trial covered 38 kilometres of "
    "verge on 11 roads.",
    "A cut-and-collect mower costs about 85,000 pounds; the county would need four.",
    "Ardley District Council, Verge Trial Final Report, 2021, p. 9.",
]


class Brief(FPDF):
    """A page with the running footer."""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.cell(0, 5, f"{SHORT_TITLE}  |  Hollin Centre Policy Brief No. 7", align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, str(self.page_no()), align="R")


class Columns:
    """Writes lines top to bottom in two columns, turning the page when both are full."""

    def __init__(self, pdf: Brief, top: float) -> None:
        self.pdf = pdf
        self.width = (pdf.w - pdf.l_margin - pdf.r_margin - 8) / 2
        self.col = 0
        self.top = top
        self.y = top
        self.bottom = pdf.h - 22

    def x(self) -> float:
        return self.pdf.l_margin + self.col * (self.width + 8)

    def room(self, height: float) -> None:
        if self.y + height <= self.bottom:
            return
        if self.col == 0:
            self.col = 1
        else:
            self.pdf.add_page()
            self.col = 0
            self.top = 20
        self.y = self.top

    def heading(self, text: str) -> None:
        self.room(12)
        self.y += 2
        self.pdf.set_font("Helvetica", "B", 11)
        self.pdf.set_xy(self.x(), self.y)
        self.pdf.cell(self.width, 6, text)
        self.y += 7

    def paragraph(self, text: str, size: float = 10) -> None:
        self.pdf.set_font("Helvetica", size=size)
        lines = self.pdf.multi_cell(self.width, 4.6, text, dry_run=True, output="LINES")
        assert isinstance(lines, list)
        for line in lines:
            self.room(4.6)
            self.write_line(str(line), size)
            self.y += 4.6
        self.y += 2

    def write_line(self, line: str, size: float) -> None:
        self.pdf.set_xy(self.x(), self.y)
        for i, part in enumerate(MARKER.split(line)):
            if not part:
                continue
            if i % 2:
                self.pdf.set_font("Helvetica", size=size * 0.6)
                self.pdf.set_xy(self.pdf.get_x(), self.y - 1.2)
                self.pdf.cell(self.pdf.get_string_width(part), 4, part)
                self.pdf.set_xy(self.pdf.get_x(), self.y)
                self.pdf.set_font("Helvetica", size=size)
            else:
                self.pdf.cell(self.pdf.get_string_width(part), 4.6, part)

    def sidebar(self, lines: list[str]) -> None:
        height = 8 + 5 * len(lines)
        self.room(height)
        self.pdf.set_fill_color(225, 235, 225)
        self.pdf.rect(self.x(), self.y, self.width, height, style="DF")
        y = self.y + 3
        for i, text in enumerate(lines):
            self.pdf.set_font("Helvetica", "B" if i == 0 else "", 9 if i == 0 else 8.5)
            self.pdf.set_xy(self.x() + 3, y)
            self.pdf.cell(self.width - 6, 5, text)
            y += 5
        self.y += height + 4


def build(path: Path) -> None:
    """Write the brief to PATH."""
    pdf = Brief(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(18, 18, 18)
    pdf.set_title(TITLE)
    pdf.set_author(BYLINE)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(0, 9, TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "I", 12)
    pdf.multi_cell(0, 6, SUBTITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 5, BYLINE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=8.5)
    pdf.multi_cell(0, 5, DATELINE, new_x="LMARGIN", new_y="NEXT")
    pdf.line(18, pdf.get_y() + 2, pdf.w - 18, pdf.get_y() + 2)
    cols = Columns(pdf, pdf.get_y() + 6)
    for n, (kind, text) in enumerate(BODY):
        if kind == "h":
            cols.heading(text)
        else:
            cols.paragraph(text)
        if n == 4:
            cols.sidebar(SIDEBAR)
    cols.heading("Notes")
    for i, note in enumerate(NOTES, 1):
        cols.paragraph(f"{i}. {note}", size=8)
    pdf.output(str(path))


if __name__ == "__main__":
    build(HERE / "pollinator-corridors-brief.pdf")
