"""Build monetary-policy-report.pdf: a central-bank style report with boxes, charts, footnotes."""

from fpdf import FPDF

CHAPTERS = {1: "1 Overview", 2: "2 Inflation and the economy", 3: "3 Monetary policy"}


class Report(FPDF):
    chapter = ""

    def multi_cell(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("new_x", "LMARGIN")
        kwargs.setdefault("new_y", "NEXT")
        return super().multi_cell(*args, **kwargs)

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 6, f"Monetary Policy Report - May 2025    {self.chapter}", align="R")
        self.ln(10)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 6, str(self.page_no()), align="C")


def para(pdf: Report, text: str) -> None:
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, text)
    pdf.ln(2)


def heading(pdf: Report, text: str) -> None:
    pdf.set_font("Helvetica", "B", 13)
    pdf.multi_cell(0, 7, text)
    pdf.ln(1)


def footnotes(pdf: Report, notes: list[str]) -> None:
    pdf.set_y(-40)
    pdf.set_font("Helvetica", "", 7)
    pdf.line(10, pdf.get_y(), 70, pdf.get_y())
    for n in notes:
        pdf.multi_cell(0, 4, n)


def box(pdf: Report, title: str, lines: list[str]) -> None:
    pdf.set_fill_color(225, 232, 240)
    pdf.set_font("Helvetica", "B", 10)
    pdf.multi_cell(0, 6, title, fill=True)
    pdf.set_font("Helvetica", "", 9)
    for line in lines:
        pdf.multi_cell(0, 5, line, fill=True)
    pdf.ln(3)


def chart(pdf: Report, title: str, ylabel: str, bars: list[tuple[str, float]], source: str) -> None:
    pdf.set_font("Helvetica", "B", 9)
    pdf.multi_cell(0, 5, title)
    pdf.set_font("Helvetica", "", 7)
    pdf.cell(0, 4, ylabel)
    pdf.ln(5)
    x0, y0 = 25, pdf.get_y() + 40
    pdf.line(x0, y0, x0 + 140, y0)
    pdf.line(x0, y0, x0, y0 - 40)
    for i, (label, value) in enumerate(bars):
        h = value * 8
        pdf.rect(x0 + 8 + i * 22, y0 - h, 12, h, style="F")
        pdf.text(x0 + 8 + i * 22, y0 + 4, label)
    pdf.set_y(y0 + 7)
    pdf.set_font("Helvetica", "I", 7)
    pdf.multi_cell(0, 4, source)
    pdf.ln(3)


pdf = Report()
pdf.set_auto_page_break(False)
pdf.add_page()
pdf.set_font("Helvetica", "B", 22)
pdf.ln(40)
pdf.multi_cell(0, 11, "Monetary Policy Report", align="C")
pdf.set_font("Helvetica", "", 14)
pdf.multi_cell(0, 8, "May 2025", align="C")
pdf.ln(10)
pdf.set_font("Helvetica", "", 11)
pdf.multi_cell(0, 6, "Reserve Bank of Caldonia\nMonetary Policy Committee", align="C")
pdf.ln(20)
pdf.set_font("Helvetica", "", 9)
pdf.multi_cell(
    0,
    5,
    "This Report was agreed by the Monetary Policy Committee at its meeting ending on "
    "6 May 2025. Data are as of 2 May 2025.",
    align="C",
)

pdf.chapter = CHAPTERS[1]
pdf.add_page()
heading(pdf, "1 Overview")
para(
    pdf,
    "The Monetary Policy Committee (MPC) voted by seven votes to two to reduce Bank Rate by "
    "0.25 percentage points, to 3.75%. Two members preferred to hold Bank Rate at 4%. "
    "Consumer price inflation fell to 2.9% in March 2025, down from a peak of 9.8% in "
    "October 2022.1 The Committee expects inflation to return to the 2% target in the "
    "second half of 2026.",
)
para(
    pdf,
    "Growth has been weak. GDP rose by 0.1% in the first quarter of 2025, and the "
    "unemployment rate edged up to 4.6%. Wage growth has slowed but remains above the "
    "rate consistent with the target: regular pay grew by 5.2% in the year to February.2",
)
box(
    pdf,
    "Box 1.1: How the Committee reads the labour market",
    [
        "The Committee looks at vacancies, surveys of hiring intentions and the flow of "
        "workers between jobs, as well as the headline unemployment rate.",
        "Vacancies fell to 712,000 in the three months to March, their lowest level since 2021.",
        "Survey response rates to the Labour Force Survey have fallen below 20%, so the "
        "Committee gives less weight to that survey than it did before 2020.",
    ],
)
para(
    pdf,
    "The risks to the inflation outlook are judged to be broadly balanced. Higher energy "
    "prices would push inflation up, while a sharper slowdown in global trade would pull it "
    "down.",
)
footnotes(
    pdf,
    [
        "1 Consumer prices index (CPI), twelve-month rate. Source: Caldonia Statistics Office.",
        "2 Average weekly earnings excluding bonuses, three-month average on a year earlier.",
    ],
)

pdf.chapter = CHAPTERS[2]
pdf.add_page()
heading(pdf, "2 Inflation and the economy")
para(
    pdf,
    "Services inflation, which the Committee watches as a gauge of domestic price "
    "pressure, fell to 4.8% in March from 5.4% in January. Goods inflation was 0.9%. Food "
    "price inflation rose for the third month running, to 3.4%, as poor harvests in "
    "southern Europe raised the cost of fresh vegetables.3",
)
chart(
    pdf,
    "Chart 2.1: CPI inflation by component",
    "Percentage changes on a year earlier",
    [("Services", 4.8), ("Food", 3.4), ("Energy", 1.2), ("Goods", 0.9)],
    "Sources: Caldonia Statistics Office and Bank calculations.",
)
para(
    pdf,
    "Household energy bills fell by 7% in April, when the regulator's price cap was reset. "
    "That alone takes about 0.2 percentage points off CPI inflation in the second quarter.",
)
box(
    pdf,
    "Box 2.1: Why inflation expectations matter",
    [
        "If households and firms expect high inflation to persist, they may set wages and "
        "prices accordingly, which makes inflation harder to bring down.",
        "The Bank's survey shows households expect inflation of 3.1% over the next twelve "
        "months, down from 3.6% a year ago.",
    ],
)
footnotes(
    pdf,
    [
        "3 Food and non-alcoholic beverages, CPI division 01.",
    ],
)

pdf.chapter = CHAPTERS[3]
pdf.add_page()
heading(pdf, "3 Monetary policy")
para(
    pdf,
    "The Committee's projections are conditioned on a market path for Bank Rate that falls "
    "to about 3.25% by the end of 2026. On that path, GDP growth picks up to 1.2% in 2026 "
    "and unemployment peaks at 4.8%.",
)
chart(
    pdf,
    "Chart 3.2: Bank Rate and the market-implied path",
    "Per cent",
    [("2023", 5.25), ("2024", 4.75), ("2025", 3.75), ("2026", 3.25)],
    "Sources: Bloomberg Finance L.P. and Bank calculations. Market path as of 2 May 2025.",
)
para(
    pdf,
    "Quantitative tightening (QT) continues: the Committee agreed to reduce the stock of "
    "government bonds held by the Asset Purchase Facility by 100 billion crowns over the "
    "next twelve months.4 Sales of long-dated bonds will be kept small to avoid disrupting "
    "the market.",
)
heading(pdf, "Glossary")
pdf.set_font("Helvetica", "", 9)
for short, long in [
    ("APF", "Asset Purchase Facility"),
    ("CPI", "consumer prices index"),
    ("GDP", "gross domestic product"),
    ("MPC", "Monetary Policy Committee"),
    ("QT", "quantitative tightening"),
]:
    pdf.cell(20, 5, short)
    pdf.cell(0, 5, long)
    pdf.ln(5)
footnotes(
    pdf,
    [
        "4 The stock stood at 558 billion crowns on 30 April 2025.",
    ],
)
pdf.output("monetary-policy-report.pdf")
