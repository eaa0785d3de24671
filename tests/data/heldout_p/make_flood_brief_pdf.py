"""Make coastal-flood-insurance-brief.pdf: a policy brief with a cover page, a dotted contents
page, a shaded executive summary, body lines hyphenated at their ends, footnotes at the foot of
pages (note 3 runs on to the next page), a running header and a page footer."""

import re
from pathlib import Path

from fpdf import FPDF

TITLE = "Who Pays When the Sea Comes In?"


class Brief(FPDF):
    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "I", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, "Saltmarsh Institute  |  Policy Brief 14  |  " + TITLE, align="L")
        self.ln(8)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, f"Page {self.page_no()} of 5", align="C")


pdf = Brief(format="A4")
pdf.set_auto_page_break(False)
pdf.set_margins(22, 18, 22)

# --- cover ---------------------------------------------------------------------------------
pdf.add_page()
pdf.set_font("Helvetica", "B", 11)
pdf.cell(0, 8, "SALTMARSH INSTITUTE FOR COASTAL POLICY", new_x="LMARGIN", new_y="NEXT")
pdf.ln(50)
pdf.set_font("Helvetica", "B", 26)
pdf.multi_cell(0, 12, TITLE, new_x="LMARGIN", new_y="NEXT")
pdf.ln(4)
pdf.set_font("Helvetica", "", 14)
pdf.multi_cell(
    0,
    7,
    "Flood insurance for coastal homes after the end of Floodshare",
    new_x="LMARGIN",
    new_y="NEXT",
)
pdf.ln(20)
pdf.set_font("Helvetica", "", 11)
pdf.cell(0, 6, "Eleanor Marchbank and Kofi Adjei-Brown", new_x="LMARGIN", new_y="NEXT")
pdf.cell(0, 6, "Policy Brief 14  |  September 2024", new_x="LMARGIN", new_y="NEXT")

# --- contents ------------------------------------------------------------------------------
pdf.add_page()
pdf.set_font("Helvetica", "B", 16)
pdf.cell(0, 10, "Contents", new_x="LMARGIN", new_y="NEXT")
pdf.ln(4)
pdf.set_font("Helvetica", "", 11)
for entry, page in (
    ("Executive summary", 3),
    ("1. The end of Floodshare", 3),
    ("2. Premiums on the coast", 4),
    ("3. Options for reform", 5),
):
    dots = "." * (80 - len(entry) * 1)
    pdf.cell(0, 7, f"{entry} {dots} {page}", new_x="LMARGIN", new_y="NEXT")

LINE = 5.2


def lines(rows: list[str]) -> None:
    """Body lines; "{n}" is footnote marker n, set as a raised superscript."""
    for row in rows:
        y = pdf.get_y()
        pdf.set_x(22)
        for i, part in enumerate(re.split(r"\{(\d)\}", row)):
            x = pdf.get_x()
            if i % 2:
                pdf.set_font("Helvetica", "", 6.5)
                pdf.set_xy(x, y - 1.2)
            else:
                pdf.set_font("Helvetica", "", 10)
                pdf.set_xy(x, y)
            pdf.cell(pdf.get_string_width(part), LINE, part)
        pdf.set_xy(22, y + LINE)
    pdf.ln(2.5)


def heading(text: str) -> None:
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")


def footnotes(rows: list[str]) -> None:
    pdf.set_y(-12 - 4.2 * len(rows) - 4)
    pdf.line(22, pdf.get_y(), 80, pdf.get_y())
    pdf.ln(1.5)
    pdf.set_font("Helvetica", "", 7.5)
    for row in rows:
        pdf.cell(0, 4.2, row, new_x="LMARGIN", new_y="NEXT")


# --- page 3: summary box and section 1 -----------------------------------------------------
pdf.add_page()
pdf.set_font("Helvetica", "B", 12)
top = pdf.get_y()
pdf.set_fill_color(222, 232, 240)
pdf.rect(22, top, 166, 62, style="F")
pdf.set_xy(26, top + 3)
pdf.cell(0, 7, "Executive summary", new_x="LMARGIN", new_y="NEXT")
pdf.set_font("Helvetica", "", 10)
for row in (
    "Floodshare, the reinsurance pool that has kept flood cover affordable for 410,000 homes",
    "at risk, closes in 2039. Without it, the average premium for a home in the highest risk",
    "band would rise from 540 pounds to about 2,300 pounds a year.",
    "",
    "We recommend that the government (1) publish a transition plan by 2027, (2) tie any",
    "successor scheme to flood-resilient repairs, and (3) stop new homes being built in the",
    "highest-risk zones, which are excluded from Floodshare but are still being approved.",
):
    pdf.set_x(26)
    pdf.cell(0, LINE, row, new_x="LMARGIN", new_y="NEXT")
pdf.set_y(top + 68)

heading("1. The end of Floodshare")
lines(
    [
        "Floodshare was set up in 2016 as a joint scheme between insurers and the govern-",
        "ment. Insurers pass the flood part of a high-risk policy to the pool for a fixed",
        "price set by council tax band, and the pool pays the claims.{1} It is funded by a levy of",
        "about 180 million pounds a year on all home insurance policies, which works out at",
        "roughly 10.50 pounds per household.",
    ]
)
lines(
    [
        "The scheme was always meant to be temporary. Its founding agreement gives it 25",
        "years to allow a return to risk-reflective prices, on the assumption that flood de-",
        "fences and better building would bring the risk down in the meantime.{2} That has",
        "not happened on the coast. Sea levels along the eastern shore have risen by 9 centi-",
        "metres since 1990, and the number of homes in the highest risk band has grown.",
    ]
)
lines(
    [
        '"We were promised that Floodshare would buy time, and the time has mostly been',
        "spent,\" said Margaret Fenwick, chair of the Eastern Shore Homeowners' Association.",
    ]
)
footnotes(
    [
        "1 Floodshare covers homes in council tax bands A to H built before 1 January 2009.",
        "2 Memorandum of Understanding between the Government and the Insurers' Association, 2015,",
        "   clause 4.",
    ]
)

# --- page 4: section 2, note 3 runs over ---------------------------------------------------
pdf.add_page()
heading("2. Premiums on the coast")
lines(
    [
        "We modelled premiums for 2,000 sample homes in six coastal districts, using the",
        "flood maps published by the Environment Agency in 2023. Without Floodshare, the",
        "median premium in the highest risk band would rise to 2,300 pounds a year, more",
        "than four times today's level.{3} In the two most exposed districts, Holme Sands",
        "and Cley Point, one home in five would face a premium above 5,000 pounds.",
    ]
)
lines(
    [
        "The effect on house prices is likely to be large. Buyers who need a mortgage need",
        "insurance, and lenders are already cautious: three of the six largest lenders told",
        "us they apply extra checks to homes that rely on Floodshare. Owners who cannot",
        "sell may be unable to move, even as the risk of flooding grows year by year.",
    ]
)
lines(
    [
        "Low-income owners would be hit hardest. Of the homes we sampled in the highest",
        "risk band, 43 per cent were owned outright by people over 65, many of whom live on",
        "a state pension and have little room to absorb a premium rise of this kind.",
    ]
)
footnotes(
    [
        "3 Our model uses the 2023 flood maps, claims data shared by four insurers covering 2010"
        " to",
        "   2023, and a loading for the cost of capital that insurers told us they would apply"
        " once",
    ]
)

# --- page 5: note 3 goes on; section 3 -----------------------------------------------------
pdf.add_page()
heading("3. Options for reform")
lines(
    [
        "There are three broad options. The first is to extend Floodshare beyond 2039,",
        "which insurers oppose because the levy would have to rise. The second is a means-",
        "tested subsidy for owners who cannot pay a risk-reflective premium. The third, which",
        "we favour, is a successor scheme that offers a lower price to owners who make their",
        "homes resilient, with raised sockets, tiled floors and flood doors.{4}",
    ]
)
lines(
    [
        "Resilient repairs cut the average cost of a flood claim from 42,000 pounds to about",
        "16,000 pounds in our sample, because homes dry out faster and fewer fittings are",
        'lost. "Every pound spent on a flood door saves about four pounds in claims," said',
        "Dr Anil Varma, a loss adjuster who advised the study.",
    ]
)
lines(
    [
        "Whatever the choice, the decision should not wait. Homes built today will still be",
        "standing in 2100, and the highest-risk zones keep getting planning approval.",
    ]
)
footnotes(
    [
        "   the pool closes. Premiums are in 2024 prices.",
        "4 Property Flood Resilience Code of Practice, Construction Industry Research Board, 2021.",
    ]
)

pdf.set_creation_date(__import__("datetime").datetime(2024, 9, 2))
pdf.output(str(Path(__file__).with_name("coastal-flood-insurance-brief.pdf")))
