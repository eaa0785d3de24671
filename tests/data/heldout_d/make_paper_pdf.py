"""Write platform-pension-working-paper.pdf, the held-out set D working paper.

Run from anywhere: `python tests/data/heldout_d/make_paper_pdf.py`. The pages are laid out by
hand (fpdf2, core Helvetica): a title page with the authors, the institute and the abstract,
then numbered sections, footnotes at the bottom of the page that cites them, a running header,
page numbers and one table with its caption.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

OUT = Path(__file__).with_name("platform-pension-working-paper.pdf")
HEADER = "Halden Institute Working Paper 14  |  Auto-Enrolment for Platform Workers"

# A page is a list of blocks: ("h", heading), ("p", paragraph) or ("table", None), and the
# footnotes printed at its bottom. In a paragraph, "^n" is the superscript marker of note n.
Block = tuple[str, str]
PAGES: list[tuple[list[Block], list[str]]] = [
    (
        [
            ("h", "1 Introduction"),
            (
                "p",
                "Automatic enrolment changed how people save for retirement. Since 2012, "
                "employers have had to enrol every employee aged 22 or over who earns more than "
                "\u00a310,000 a year into a workplace pension.^1 Participation among eligible "
                "employees rose from 55 per cent in 2012 to 88 per cent in 2023. The "
                "self-employed were left out, and their saving has fallen over the same years. "
                "Only 8 per cent of people who work through digital platforms were saving into "
                "any pension in 2024.^2",
            ),
            (
                "p",
                "About 1.4 million people did some paid work through a platform that year, and "
                "38 per cent of them relied on it for most of their income. Most are couriers, "
                "drivers and cleaners, and two in three are under 40. For this group, "
                "retirement will depend almost entirely on the state pension, which pays "
                "\u00a311,500 a year at the full rate. The question is whether the tools that "
                "worked for employees can work for people who have no employer to do the "
                "paperwork.",
            ),
            (
                "p",
                "This paper reports the first results from the Platform Pension Pilot (PPP), a "
                "trial run by three platforms with a not-for-profit pension provider. Section 2 "
                "explains why platform workers save so little. Section 3 describes the pilot "
                "and our data. Section 4 presents the results, and Section 5 sets out options "
                "for the government. Section 6 concludes.",
            ),
        ],
        [
            "Pensions Act 2008, sections 3 to 5. The earnings trigger has been frozen at "
            "\u00a310,000 since 2014-15.",
            "Labour Force Survey, special module on platform work, 2024. The figure for "
            "employees in the same survey is 79 per cent.",
        ],
    ),
    (
        [
            ("h", "2 Why platform workers save so little"),
            (
                "p",
                "Three features of platform work stand in the way of saving. First, earnings "
                "are irregular: in our data, a typical courier's weekly income varied by 45 per "
                "cent from one week to the next. Second, nobody is obliged to set up a pension "
                "on the worker's behalf, so saving requires an active choice that most people "
                "put off. Third, many platform workers see the work as temporary, even when "
                "they stay for years. The median tenure in our sample was 2.7 years.",
            ),
            (
                "p",
                "Behavioural research has long shown that defaults matter more than "
                "incentives.^3 Tax relief on pension contributions is worth little to people on "
                "low incomes, and it arrives only after they have chosen to save. A default, by "
                "contrast, turns inertia from an obstacle into an ally.",
            ),
            ("h", "3 The pilot and our data"),
            (
                "p",
                "The PPP ran for twelve months, from March 2023 to February 2024. Three "
                "platforms took part: a food-delivery app, a ride-hailing service and a "
                "marketplace for household repairs.^4 Workers who had earned at least \u00a31,000 "
                "on a platform in the previous year were enrolled automatically unless they "
                "opted out. The platform deducted 4 per cent of each payment and paid it into a "
                "personal account held by the provider.",
            ),
            (
                "p",
                "Workers could change the rate, pause contributions for up to three months, or "
                "leave at any time with a single tap in the app. In total, 12,600 workers were "
                "enrolled. We observe every payment, contribution and opt-out, linked to an "
                "anonymised survey completed by 2,140 of them.",
            ),
        ],
        [
            "Lindahl and Osei (2016) report that enrolment in a voluntary scheme rose from 41 "
            "to 87 per cent when joining became the default.",
            "The food-delivery app accounted for 71 per cent of enrolments, the ride-hailing "
            "service for 24 per cent and the repairs marketplace for the rest.",
        ],
    ),
    (
        [
            ("h", "4 Results"),
            (
                "p",
                "Opting out was rare. Only 14 per cent of enrolled workers had opted out after "
                "six months, and 19 per cent after twelve. Opt-out rates were highest among the "
                "youngest workers and among those earning less than \u00a3200 a week, as Table 1 "
                "shows. Pausing proved popular: 31 per cent of savers used the pause at least "
                "once, usually in January or in August.",
            ),
            ("table", ""),
            (
                "p",
                "After twelve months, the median worker had saved \u00a3310, and the top tenth "
                "had saved more than \u00a31,900. These sums are small, but they are far more than "
                "the same workers had saved before. Survey answers suggest that most savers "
                "barely noticed the deductions. Asked why they stayed in, 62 per cent of "
                "respondents said they had never thought about leaving.^5",
            ),
        ],
        ["The survey was fielded in April 2024. Its response rate was 17 per cent."],
    ),
    (
        [
            ("h", "5 Policy options"),
            (
                "p",
                "The government has three broad options. The first is to leave saving to the "
                "market, which the evidence suggests will change little. The second is to "
                "require platforms above a certain size to enrol their workers by default, as "
                "the pilot did. We estimate that a requirement covering platforms with more "
                "than 5,000 active workers would reach about 1.1 million people. The cost to "
                "platforms would be modest, at roughly \u00a32 per worker per year in "
                "administration.^6",
            ),
            (
                "p",
                "The third option is a state-run default account, opened for every "
                "self-employed person when they file a tax return. This would cover the whole "
                "self-employed population of 4.2 million, but it would take at least three "
                "years to build. We favour the second option as a first step, with a review "
                "after two years.",
            ),
            ("h", "6 Conclusion"),
            (
                "p",
                "The pilot shows that default saving works for people without an employer, "
                "provided the default is gentle and leaving is easy. Platform workers did not "
                "behave very differently from employees once saving was automatic. Extending "
                "auto-enrolment to platforms would not close the pension gap on its own, but it "
                "would start to narrow it. The government's consultation on self-employed "
                "saving closes on 15 December 2025.",
            ),
        ],
        [
            "Estimate based on the provider's charges to the three pilot platforms, which "
            "totalled \u00a374,000 for the year.",
        ],
    ),
]

TABLE_CAPTION = (
    "Table 1. Share of enrolled workers who opted out within twelve months, by age group "
    "and weekly earnings (per cent)"
)
TABLE = [
    ("Age group", "Under \u00a3200 a week", "\u00a3200 or more"),
    ("Under 25", "27", "21"),
    ("25 to 39", "20", "15"),
    ("40 and over", "16", "11"),
    ("All workers", "22", "16"),
]


class Paper(FPDF):
    """A4 pages with the running header and the page number on every page but the first."""

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "I", 8)
        self.set_xy(20, 10)
        self.cell(170, 5, HEADER, align="C")
        self.line(20, 16, 190, 16)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "", 9)
        self.set_xy(20, 284)
        self.cell(170, 5, str(self.page_no()), align="C")


def paragraph(pdf: Paper, text: str) -> None:
    """Write a body paragraph, raising each "^n" marker as a superscript."""
    pdf.set_font("Helvetica", "", 11)
    pdf.set_x(20)
    parts = text.split("^")
    pdf.write(6, parts[0])
    for part in parts[1:]:
        digits = part[: len(part) - len(part.lstrip("0123456789"))]
        pdf.char_vpos = "SUP"
        pdf.write(6, digits)
        pdf.char_vpos = "LINE"
        pdf.write(6, part[len(digits) :])
    pdf.ln(9)


def table(pdf: Paper) -> None:
    """The caption above, then the grid."""
    pdf.set_font("Helvetica", "B", 9.5)
    pdf.set_x(20)
    pdf.multi_cell(170, 5, TABLE_CAPTION)
    pdf.ln(2)
    for row_number, row in enumerate(TABLE):
        pdf.set_font("Helvetica", "B" if row_number == 0 else "", 9.5)
        pdf.set_x(35)
        for column, value in enumerate(row):
            pdf.cell(
                60 if column == 0 else 40, 6, value, border=1, align="L" if column == 0 else "C"
            )
        pdf.ln(6)
    pdf.set_font("Helvetica", "I", 8.5)
    pdf.set_x(35)
    pdf.cell(140, 5, "Source: PPP administrative data, March 2023 to February 2024.")
    pdf.ln(10)


def footnotes(pdf: Paper, first: int, notes: list[str]) -> None:
    """The page's notes above the page number, under a short rule."""
    pdf.set_font("Helvetica", "", 8.5)
    height = sum(4 * (1 + len(note) // 110) + 1 for note in notes)
    top = 278 - height
    pdf.line(20, top - 2, 70, top - 2)
    pdf.set_y(top)
    for number, note in enumerate(notes, start=first):
        pdf.set_x(20)
        pdf.multi_cell(170, 4, f"{number} {note}")
        pdf.ln(1)


def title_page(pdf: Paper) -> None:
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.set_xy(20, 30)
    pdf.cell(170, 7, "Halden Institute for Social Economics", align="C")
    pdf.ln(8)
    pdf.set_font("Helvetica", "", 11)
    pdf.set_x(20)
    pdf.cell(170, 6, "Working Paper No. 14", align="C")
    pdf.set_xy(20, 62)
    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(170, 10, "Nudged into Saving: Auto-Enrolment for Platform Workers", align="C")
    pdf.ln(8)
    pdf.set_font("Helvetica", "", 12)
    pdf.set_x(20)
    pdf.cell(170, 7, "Ingrid Maalouf and Tobias Renner", align="C")
    pdf.ln(8)
    pdf.set_x(20)
    pdf.cell(170, 7, "September 2025", align="C")
    pdf.set_xy(30, 130)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(150, 6, "Abstract")
    pdf.ln(8)
    pdf.set_font("Helvetica", "", 10.5)
    pdf.set_x(30)
    pdf.multi_cell(
        150,
        5.5,
        "Workers who find jobs through apps rarely save for retirement. We study a pilot that "
        "enrolled 12,600 couriers and drivers into a pension by default between March 2023 and "
        "February 2024. Only 14 per cent opted out within six months, and the median saver had "
        "put aside \u00a3310 after a year. We argue that a small deduction taken from each "
        "payment is the simplest way to extend auto-enrolment to the self-employed.",
    )
    pdf.set_xy(30, 250)
    pdf.set_font("Helvetica", "", 8.5)
    pdf.multi_cell(
        150,
        4.5,
        "Halden Institute working papers present research in progress. The views are the "
        "authors' own. Correspondence: i.maalouf@halden-institute.example",
        align="C",
    )


def main() -> None:
    pdf = Paper(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(20, 20, 20)
    pdf.set_title("Nudged into Saving: Auto-Enrolment for Platform Workers")
    pdf.set_author("Ingrid Maalouf, Tobias Renner")
    pdf.set_creation_date(datetime(2025, 9, 15, tzinfo=UTC))
    title_page(pdf)
    first_note = 1
    for blocks, notes in PAGES:
        pdf.add_page()
        pdf.set_y(24)
        for kind, text in blocks:
            if kind == "h":
                pdf.set_font("Helvetica", "B", 13)
                pdf.set_x(20)
                pdf.cell(170, 8, text)
                pdf.ln(10)
            elif kind == "table":
                table(pdf)
            else:
                paragraph(pdf, text)
        footnotes(pdf, first_note, notes)
        first_note += len(notes)
    pdf.output(str(OUT))


if __name__ == "__main__":
    main()
