# ruff: noqa: E501
"""Make the introduced bill PDF: title page, running header, line numbers in the left margin."""

from pathlib import Path

from fpdf import FPDF

OUT = Path(__file__).with_name("rural-bus-access-bill.pdf")

TITLE_PAGE = [
    "118TH LEGISLATIVE SESSION",
    "STATE OF WESTMARK",
    "",
    "S.B. 2417",
    "",
    "To establish a Rural Bus Access Fund, to set minimum service standards for",
    "rural public transport, and for other purposes.",
    "",
    "IN THE SENATE OF WESTMARK",
    "February 11, 2026",
    "Senator Ruth Okonkwo-Bell (for herself and Senator Daniel Ashcombe) introduced",
    "the following bill; which was read twice and referred to the Committee on",
    "Transportation and Infrastructure.",
]

BODY = [
    ("h", "A BILL"),
    (
        "p",
        "To establish a Rural Bus Access Fund, to set minimum service standards for rural public transport, and for other purposes.",
    ),
    ("p", "Be it enacted by the Senate and Assembly of the State of Westmark,"),
    ("h", "SEC. 1. SHORT TITLE."),
    ("p", 'This Act may be cited as the "Rural Bus Access Act of 2026".'),
    ("h", "SEC. 2. FINDINGS."),
    ("p", "The Legislature finds the following:"),
    (
        "p",
        "(1) Between 2015 and 2025, the number of scheduled bus routes serving rural counties in Westmark fell from 214 to 131, a decline of 39 percent.",
    ),
    (
        "p",
        "(2) In 2025, 62,000 rural residents lived more than 2 miles from a bus stop with at least one departure on a weekday.",
    ),
    (
        "p",
        "(3) Residents aged 75 and over made up 18 percent of rural bus passengers in 2024, against 7 percent of urban bus passengers.",
    ),
    (
        "p",
        "(4) The average subsidy for a rural bus trip was $6.40 in fiscal year 2025, compared with $1.85 for an urban trip.",
    ),
    (
        "p",
        "(5) A 2024 survey by the Department of Transportation found that 1 in 5 rural households without a car had missed a medical appointment in the previous year for lack of transport.",
    ),
    ("h", "SEC. 3. DEFINITIONS."),
    ("p", "In this Act:"),
    ("p", '(1) COMMISSIONER.--The term "Commissioner" means the Commissioner of Transportation.'),
    (
        "p",
        '(2) RURAL COUNTY.--The term "rural county" means a county with a population density of fewer than 150 persons per square mile, as determined by the most recent decennial census.',
    ),
    (
        "p",
        '(3) DEMAND-RESPONSIVE SERVICE.--The term "demand-responsive service" means a public transport service that is booked in advance by a passenger and that does not run to a fixed timetable.',
    ),
    ("h", "SEC. 4. RURAL BUS ACCESS FUND."),
    (
        "p",
        '(a) ESTABLISHMENT.--There is established in the State Treasury a fund to be known as the "Rural Bus Access Fund" (in this section referred to as the "Fund").',
    ),
    ("p", "(b) DEPOSITS.--"),
    (
        "p",
        "(1) IN GENERAL.--There shall be deposited in the Fund $48,000,000 for each of fiscal years 2027 through 2031.",
    ),
    (
        "p",
        "(2) FUEL TAX SHARE.--In addition to the amounts under paragraph (1), 2 percent of the revenue from the motor fuel tax collected in each fiscal year shall be deposited in the Fund.",
    ),
    (
        "p",
        "(c) USE OF FUND.--Amounts in the Fund shall be available to the Commissioner to make grants to county transport authorities for--",
    ),
    ("p", "(1) the operation of fixed bus routes in rural counties;"),
    ("p", "(2) demand-responsive services, including--"),
    ("p", "(A) vehicles fitted with wheelchair lifts; and"),
    ("p", "(B) booking systems that accept requests by telephone as well as online; and"),
    ("p", "(3) bus shelters and timetable displays at stops in rural counties."),
    (
        "p",
        "(d) LIMITATION.--Not more than 5 percent of the amounts in the Fund in any fiscal year may be used for administrative costs.",
    ),
    ("h", "SEC. 5. MINIMUM SERVICE STANDARD."),
    (
        "p",
        "(a) IN GENERAL.--Each county transport authority receiving a grant under section 4 shall ensure that every town with a population of 1,000 or more in its area is served by at least 4 return bus journeys on each weekday.",
    ),
    (
        "p",
        "(b) SATURDAY SERVICE.--The standard in subsection (a) shall apply on Saturdays beginning on January 1, 2029.",
    ),
    (
        "p",
        "(c) WAIVER.--The Commissioner may waive the standard in subsection (a) for a town for not more than 12 months if a demand-responsive service covers the town.",
    ),
    ("h", "SEC. 6. REPORTING."),
    (
        "p",
        "Not later than 18 months after the date of enactment of this Act, and annually thereafter, the Commissioner shall submit to the Committee on Transportation and Infrastructure of the Senate a report on the number of rural residents within 2 miles of a served bus stop.",
    ),
    ("h", "SEC. 7. EFFECTIVE DATE."),
    ("p", "This Act shall take effect on July 1, 2026."),
]


class Bill(FPDF):
    line_no = 0

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Times", "", 9)
        self.set_xy(20, 10)
        self.cell(0, 5, "S.B. 2417 -- Rural Bus Access Act of 2026", align="L")
        self.set_xy(20, 10)
        self.cell(170, 5, "INTRODUCED", align="R")
        self.line_no = 0
        self.set_y(22)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-15)
        self.set_font("Times", "", 9)
        self.cell(0, 5, str(self.page_no()), align="C")


def numbered_line(pdf: Bill, text: str, style: str = "") -> None:
    if pdf.get_y() > 265:
        pdf.add_page()
    pdf.line_no += 1
    y = pdf.get_y()
    pdf.set_font("Times", "", 8)
    pdf.set_xy(10, y)
    pdf.cell(8, 6, str(pdf.line_no), align="R")
    pdf.set_font("Times", style, 11)
    pdf.set_xy(24, y)
    pdf.cell(0, 6, text)
    pdf.set_y(y + 6)


def wrap(pdf: Bill, text: str, width: float) -> list[str]:
    pdf.set_font("Times", "", 11)
    lines, cur = [], ""
    for w in text.split():
        trial = (cur + " " + w).strip()
        if pdf.get_string_width(trial) > width:
            lines.append(cur)
            cur = w
        else:
            cur = trial
    if cur:
        lines.append(cur)
    return lines


def main() -> None:
    pdf = Bill(format="Letter")
    pdf.set_auto_page_break(False)
    pdf.set_title("S.B. 2417 - Rural Bus Access Act of 2026")
    pdf.add_page()
    pdf.set_y(40)
    for i, line in enumerate(TITLE_PAGE):
        size = 20 if line.startswith("S.B.") else 11
        pdf.set_font("Times", "B" if i < 4 else "", size)
        pdf.cell(0, 8, line, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    for kind, text in BODY:
        if kind == "h":
            numbered_line(pdf, text, "B")
            continue
        indent = 0
        if text.startswith("(") and text[1].isupper():
            indent = 12
        elif text.startswith("(") and text[1].isdigit():
            indent = 6
        for part in wrap(pdf, text, 160 - indent):
            numbered_line(pdf, (" " * (indent // 2)) + part)
    pdf.output(str(OUT))


if __name__ == "__main__":
    main()
