"""Make harbour-gazette-front-page.pdf: a local weekly's print edition, front page and page 2.

Run with /work/main/.venv/bin/python make_harbour_gazette_pdf.py (fpdf2).
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw

OUT = Path(__file__).with_name("harbour-gazette-front-page.pdf")

FARES_1 = (
    "Bus fares across the Saltmarsh district will rise by 15 per cent from 2 March, the county "
    "council confirmed on Tuesday, ending a two-year freeze that cost it 2.6 million pounds. "
    "A single adult journey on the town routes will go from 2 pounds to 2.30 pounds, and the "
    "weekly Rover ticket from 14 pounds to 16.10 pounds. "
    "Councillor Janet Pryce, cabinet member for transport, said the freeze had never been meant "
    'to last. "We held fares for two winters while families were hit hardest, but we cannot '
    'keep asking council tax payers to fill a gap the operators should be closing," she said. '
    "Passenger groups say the rise will hit shift workers at the port, many of whom travel "
    "before the first train. Continued on page 2"
)
FARES_2 = (
    "The Saltmarsh Bus Users' Group said 41 per cent of its members used a bus every working "
    'day and had no car. Its chair, Dev Ramsaran, said: "A fifteen per cent rise is a pay cut '
    'for the people who keep the harbour running." '
    "The council says concessionary passes for people over 66 are not affected, and under-19s "
    "will keep the 1 pound flat fare until at least April 2027. Ridership on the district's "
    "routes was 3.9 million journeys in 2024, still below the 4.4 million of 2019. "
    "Harbourline Buses, which runs 11 of the 14 routes, said the new fares would let it restore "
    "the Sunday service on route 7 from May."
)
LIFEBOAT = (
    "The Saltmarsh lifeboat station has been given 1.2 million pounds by the RNLI to replace its "
    "boathouse, which was built in 1932 and flooded three times last winter. Work will start in "
    "June and the crew will operate from a temporary base on the East Quay for about 14 months. "
    "Station coxswain Aled Morgan said the volunteers had bailed out the old building more often "
    "than some boats. The crew launched 63 times in 2025, its busiest year on record."
)
SCHOOL = (
    "Plans for a 210-place primary school on the former gasworks site at Ferry Lane go before "
    "the planning committee on 19 February. Council officers recommend approval, subject to a "
    "survey of the ground for tar residues. The town's two existing primaries are at 108 per "
    "cent of capacity, according to the council's latest place-planning report."
)
MARKET = (
    "Traders at the Thursday market have voted to move the stalls from the car park on Quay "
    "Street to the pedestrianised High Street for a six-month trial from April. Of the 38 "
    "traders who voted, 29 backed the move."
)
BRIEFS = (
    "Harbour toilets reopen: The public toilets on the West Pier reopened on Monday after a "
    "refit costing 86,000 pounds, paid for by the town council. They will be open from 7am to "
    "8pm. "
    "Library hours cut: Saltmarsh library will close on Wednesday afternoons from 1 March, the "
    "county council said, to save 19,000 pounds a year. "
    "Pier appeal passes target: The Friends of Saltmarsh Pier have raised 52,300 pounds towards "
    "repairing the pier's storm-damaged decking, beating their 50,000 pound target."
)
CAPTION = (
    "Crew members haul the D-class inshore boat past the flooded slipway of the 1932 boathouse "
    "in January. Photo: Kerry Anstey"
)


class Gazette(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", "", 7)
        self.cell(
            0,
            5,
            f"THE SALTMARSH HARBOUR GAZETTE    Thursday 5 February 2026    {self.page_no()}",
            align="C",
        )


def story(
    pdf: FPDF, x: float, y: float, w: float, head: str, byline: str, body: str, size: int = 14
) -> float:
    pdf.set_xy(x, y)
    pdf.set_font("Times", "B", size)
    pdf.multi_cell(w, size * 0.45, head)
    pdf.set_x(x)
    pdf.set_font("Helvetica", "I", 8)
    pdf.multi_cell(w, 4, byline)
    pdf.set_x(x)
    pdf.set_font("Times", "", 9.5)
    pdf.multi_cell(w, 4.3, body)
    return pdf.get_y()


def photo() -> Image.Image:
    """A stand-in photograph: sky, sea and a slipway, drawn in greys."""
    img = Image.new("RGB", (500, 220), (200, 205, 210))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 120, 500, 220), fill=(90, 105, 120))
    draw.polygon([(180, 220), (320, 220), (280, 110), (230, 110)], fill=(140, 130, 115))
    draw.rectangle((330, 40, 470, 125), fill=(120, 80, 60))
    draw.ellipse((235, 140, 275, 170), fill=(230, 120, 40))
    return img


def main() -> None:
    pdf = Gazette(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_title("The Saltmarsh Harbour Gazette, 5 February 2026")
    pdf.add_page()
    # masthead
    pdf.set_font("Times", "B", 34)
    pdf.set_xy(10, 10)
    pdf.cell(190, 14, "The Saltmarsh Harbour Gazette", align="C")
    pdf.set_font("Helvetica", "", 8)
    pdf.set_xy(10, 25)
    pdf.cell(63, 5, "Thursday 5 February 2026")
    pdf.cell(64, 5, "Serving the Saltmarsh coast since 1887", align="C")
    pdf.cell(63, 5, "Issue No. 7,412    Price 1.20 pounds", align="R")
    pdf.line(10, 31, 200, 31)
    pdf.line(10, 32, 200, 32)
    # lead story across two columns
    pdf.set_xy(10, 35)
    pdf.set_font("Times", "B", 24)
    pdf.multi_cell(125, 10, "Bus fares to rise 15 per cent as two-year freeze ends")
    pdf.set_x(10)
    pdf.set_font("Helvetica", "I", 8)
    pdf.cell(125, 5, "By Oliver Thwaite, Local Democracy Reporter")
    col = FARES_1
    pdf.set_font("Times", "", 9.5)
    half = col.index("Councillor Janet")
    pdf.set_xy(10, 62)
    pdf.multi_cell(60, 4.3, col[:half].strip())
    pdf.set_xy(75, 62)
    pdf.multi_cell(60, 4.3, col[half:].strip())
    # photo and caption under the lead
    pdf.image(photo(), x=10, y=108, w=125, h=55)
    pdf.set_xy(10, 164)
    pdf.set_font("Helvetica", "I", 7.5)
    pdf.multi_cell(125, 3.6, CAPTION)
    # right column: the lifeboat story
    story(
        pdf,
        140,
        35,
        60,
        "Lifeboat crew win 1.2m pounds for new boathouse",
        "By Sian Rowlands",
        LIFEBOAT,
        13,
    )
    # advert box
    pdf.rect(140, 120, 60, 40)
    pdf.set_xy(142, 123)
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(56, 5, "QUAYSIDE FISH BAR", align="C")
    pdf.set_x(142)
    pdf.set_font("Helvetica", "", 8)
    pdf.multi_cell(
        56,
        4,
        "Cod and chips 8.95 pounds. Open 7 days, 11.30am to 9pm. 14 Quay Street. "
        "Tel 01632 960 412. Show this paper for 10% off on Mondays!",
        align="C",
    )
    story(pdf, 140, 168, 60, "IN BRIEF", "", BRIEFS, 12)
    # bottom: the school story across the page
    story(
        pdf,
        10,
        178,
        125,
        "Gasworks site school plan goes to committee",
        "By Oliver Thwaite",
        SCHOOL,
        12,
    )
    # page 2
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 8)
    pdf.set_xy(10, 10)
    pdf.cell(95, 5, "NEWS")
    pdf.cell(95, 5, "Thursday 5 February 2026", align="R")
    pdf.line(10, 16, 200, 16)
    story(pdf, 10, 20, 90, "FARES, from page 1", "", FARES_2, 11)
    story(pdf, 110, 20, 90, "Market traders back High Street move", "By Sian Rowlands", MARKET, 13)
    pdf.output(str(OUT))


if __name__ == "__main__":
    main()
