"""Make warm-homes-factsheet.pdf: a two-page charity factsheet (fpdf2)."""

from pathlib import Path

from fpdf import FPDF

OUT = Path(__file__).with_name("warm-homes-factsheet.pdf")

pdf = FPDF(format="A4")
pdf.set_auto_page_break(False)
pdf.set_title("Cold Homes, Costly Lives")
pdf.set_author("Hearthlight Trust")


def footer(page: int) -> None:
    pdf.set_xy(15, 282)
    pdf.set_font("Helvetica", "", 7)
    pdf.cell(
        180,
        4,
        f"Hearthlight Trust is a registered charity in England and Wales (no. 1187342). "
        f"www.hearthlight.org.uk   Published June 2025   Page {page} of 2",
        align="C",
    )


pdf.add_page()
pdf.set_fill_color(196, 64, 32)
pdf.rect(0, 0, 210, 38, "F")
pdf.set_text_color(255, 255, 255)
pdf.set_xy(15, 9)
pdf.set_font("Helvetica", "B", 24)
pdf.cell(180, 11, "Cold Homes, Costly Lives")
pdf.set_xy(15, 22)
pdf.set_font("Helvetica", "", 11)
pdf.cell(180, 7, "A factsheet on damp, cold housing and the health of older renters")
pdf.set_text_color(0, 0, 0)

panels = [
    ("£4.2bn", "a year spent by the NHS treating illness linked to cold homes"),
    ("1 in 6", "private renters over 65 cannot keep their living room warm"),
    ("38%", "rise in damp and mould complaints to councils since 2021"),
]
for i, (big, label) in enumerate(panels):
    x = 15 + i * 62
    pdf.set_fill_color(250, 232, 220)
    pdf.rect(x, 46, 56, 42, "F")
    pdf.set_xy(x + 3, 50)
    pdf.set_font("Helvetica", "B", 26)
    pdf.cell(50, 14, big)
    pdf.set_xy(x + 3, 66)
    pdf.set_font("Helvetica", "", 9)
    pdf.multi_cell(50, 4.5, label)

pdf.set_xy(15, 96)
pdf.set_font("Helvetica", "", 10.5)
pdf.multi_cell(
    180,
    5.5,
    "Every winter, thousands of older people in England live in homes they cannot heat. "
    "The cost does not stop at the front door: it falls on GP surgeries, hospital wards and "
    "care services. Our analysis of NHS admissions data found that respiratory admissions "
    "among people over 65 rise by 21 per cent between October and February in the areas "
    "with the worst housing stock. Older private renters are hit hardest, because they "
    "have the least power to make a landlord act and the least money to spare for heating.",
)

pdf.set_fill_color(235, 235, 235)
pdf.rect(15, 150, 180, 86, "F")
pdf.set_xy(20, 154)
pdf.set_font("Helvetica", "B", 13)
pdf.cell(170, 7, "Key facts")
facts = [
    "An estimated 1.1 million households with someone over 65 live in fuel poverty.",
    "The average energy-efficiency rating of a privately rented home is band D.",
    "A home below band E costs about £1,130 a year more to heat than one in band C.",
    "Excess winter deaths in England were 13,400 in the winter of 2023-24.",
    "Only 12% of landlords told us they had heard of the Minimum Energy Efficiency "
    "Standard (MEES).",
    "Cold homes are linked to strokes, falls, heart attacks and depression.",
]
pdf.set_font("Helvetica", "", 10)
y = 164
for fact in facts:
    pdf.set_xy(22, y)
    pdf.multi_cell(168, 5, "- " + fact)
    y = pdf.get_y() + 2

pdf.set_xy(15, 244)
pdf.set_font("Helvetica", "I", 10)
pdf.multi_cell(
    180,
    5,
    '"I wear my coat indoors from November to March. The landlord says the boiler is fine." '
    "- Maureen, 78, a tenant in Stockport",
)
footer(1)

pdf.add_page()
pdf.set_xy(15, 15)
pdf.set_font("Helvetica", "B", 15)
pdf.set_text_color(196, 64, 32)
pdf.cell(180, 8, "What the evidence shows")
pdf.set_text_color(0, 0, 0)

columns = [
    (
        "Health",
        "Living in a cold home raises blood pressure and thickens the blood. "
        "Doctors we spoke to described patients sent home from hospital to rooms at 12C. "
        "Dr Priya Anand, a GP in Salford, told us that she now asks every older patient "
        "whether they can afford to heat their bedroom. "
        "The World Health Organization recommends an indoor temperature of at least 18C.",
    ),
    (
        "Money",
        "The average older renter in our survey spent 14% of their income on energy, "
        "against 6% for all households. Half had cut back on food to pay for heating. "
        "Seven in ten did not know they might qualify for Pension Credit, which opens the "
        "door to the Warm Home Discount of £150.",
    ),
    (
        "Landlords",
        "Most landlords want to do the right thing, but the rules are weak. The cost cap "
        "for improvements under MEES is £3,500, and exemptions are easy to claim. "
        "Councils issued just 214 penalty notices under the standard in 2024. "
        "Enforcement teams are small: the median council has 1.5 officers for the work.",
    ),
]
for i, (head, body) in enumerate(columns):
    x = 15 + i * 61
    pdf.set_xy(x, 30)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(56, 6, head)
    pdf.set_xy(x, 38)
    pdf.set_font("Helvetica", "", 9.5)
    pdf.multi_cell(56, 4.8, body)

pdf.set_xy(15, 140)
pdf.set_font("Helvetica", "B", 14)
pdf.set_text_color(196, 64, 32)
pdf.cell(180, 8, "What we are asking for")
pdf.set_text_color(0, 0, 0)
asks = [
    "Raise the minimum standard for private rented homes to band C by 2030.",
    "Lift the landlord cost cap from £3,500 to £10,000, in line with the 2020 consultation.",
    "Give councils ring-fenced funding of £60m a year to enforce the standard.",
    "Enrol every eligible pensioner in Pension Credit automatically.",
    "Make the Warm Home Discount worth £300 for households over 75.",
]
pdf.set_font("Helvetica", "", 10.5)
y = 152
for n, ask in enumerate(asks, 1):
    pdf.set_xy(18, y)
    pdf.multi_cell(175, 5.5, f"{n}. {ask}")
    y = pdf.get_y() + 2

pdf.set_xy(15, 200)
pdf.set_font("Helvetica", "", 10)
pdf.multi_cell(
    180,
    5,
    '"No one should have to choose between a hot meal and a warm room," said Gareth '
    'Olumide, chief executive of Hearthlight Trust. "The money the NHS spends on cold '
    'homes would pay for the repairs many times over."',
)
pdf.set_xy(15, 225)
pdf.set_font("Helvetica", "", 8)
pdf.multi_cell(
    180,
    4,
    "Sources: NHS Hospital Episode Statistics 2019-2024; English Housing Survey 2023-24; "
    "Office for National Statistics excess winter mortality tables; Hearthlight Trust survey "
    "of 1,204 private renters aged 65 and over, carried out by Fieldline Research in "
    "January 2025.",
)
footer(2)
pdf.output(str(OUT))
