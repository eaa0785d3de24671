# ruff: noqa: E501
"""Make the working paper PDF: title block, superscript affiliations, footnotes, running header."""

from pathlib import Path

from fpdf import FPDF

HERE = Path(__file__).resolve().parent


class Paper(FPDF):
    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 5, "Harrowgate Centre for Public Policy | Working Paper No. 24-07", align="L")
        self.ln(8)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")


def sup(pdf: Paper, text: str) -> None:
    pdf.set_font("Helvetica", "", 6)
    pdf.set_y(pdf.get_y() - 1)
    pdf.write(4, text)
    pdf.set_y(pdf.get_y() + 1)


def para(pdf: Paper, parts: list[str | tuple[str]]) -> None:
    """Write a paragraph; a 1-tuple is a superscript footnote marker."""
    for p in parts:
        if isinstance(p, tuple):
            pdf.set_font("Helvetica", "", 6)
            pdf.write(4, p[0])
        else:
            pdf.set_font("Times", "", 11)
            pdf.write(5.5, p)
    pdf.ln(8)


def heading(pdf: Paper, text: str) -> None:
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def footnotes(pdf: Paper, notes: list[tuple[str, str]]) -> None:
    y = 297 - 18 - 4.5 * sum(1 + len(t) // 105 for _, t in notes) - 3
    pdf.set_y(y)
    pdf.line(20, y, 80, y)
    pdf.ln(1)
    for n, t in notes:
        pdf.set_font("Helvetica", "", 5.5)
        pdf.write(3.5, n)
        pdf.set_font("Times", "", 8.5)
        pdf.multi_cell(0, 4, " " + t, new_x="LMARGIN", new_y="NEXT")


pdf = Paper(format="A4")
pdf.set_margins(20, 18, 20)
pdf.set_auto_page_break(False)
pdf.alias_nb_pages()
pdf.add_page()
pdf.set_font("Helvetica", "", 9)
pdf.cell(
    0,
    5,
    "Harrowgate Centre for Public Policy  -  Working Paper No. 24-07  -  October 2024",
    align="C",
    new_x="LMARGIN",
    new_y="NEXT",
)
pdf.ln(6)
pdf.set_font("Helvetica", "B", 17)
pdf.multi_cell(
    0,
    8,
    "Who Pays for the Last Mile? Rural Broadband Subsidies and Take-up",
    align="C",
    new_x="LMARGIN",
    new_y="NEXT",
)
pdf.ln(4)
pdf.set_font("Helvetica", "", 11)
x0 = 48
pdf.set_x(x0)
pdf.write(6, "Tamsin Achterberg")
sup(pdf, "1")
pdf.set_font("Helvetica", "", 11)
pdf.write(6, ", Rafael Quintero-Vidal")
sup(pdf, "2")
pdf.set_font("Helvetica", "", 11)
pdf.write(6, " and Oyelaran Bello")
sup(pdf, "1")
pdf.ln(8)
pdf.set_font("Helvetica", "I", 9)
pdf.cell(
    0,
    4.5,
    "1 Harrowgate Centre for Public Policy, University of Northmoor",
    align="C",
    new_x="LMARGIN",
    new_y="NEXT",
)
pdf.cell(
    0,
    4.5,
    "2 Department of Economics, Universidad de Valparaiso",
    align="C",
    new_x="LMARGIN",
    new_y="NEXT",
)
pdf.ln(5)
pdf.set_font("Helvetica", "B", 10)
pdf.cell(0, 5, "Abstract", new_x="LMARGIN", new_y="NEXT")
pdf.set_font("Times", "", 10)
pdf.multi_cell(
    0,
    5,
    (
        "Between 2017 and 2022 the regional government spent 412 million euros connecting "
        "186,000 rural premises to gigabit broadband. We use the staggered roll-out across 1,140 "
        "postcode districts to estimate how many households took up the new service and at what "
        "price. Take-up reached 38 per cent after two years, well below the 60 per cent assumed in "
        "the business case. Households over 65 were half as likely to subscribe as younger ones. "
        "We argue that a voucher paid to households would have connected more homes per euro than "
        "the subsidy paid to network builders."
    ),
    new_x="LMARGIN",
    new_y="NEXT",
)
pdf.ln(2)
pdf.set_font("Helvetica", "", 9)
pdf.cell(
    0,
    5,
    "Keywords: broadband, rural infrastructure, subsidies, digital divide",
    new_x="LMARGIN",
    new_y="NEXT",
)
pdf.cell(0, 5, "JEL codes: H54, L96, R58", new_x="LMARGIN", new_y="NEXT")
pdf.ln(5)
heading(pdf, "1. Introduction")
para(
    pdf,
    [
        "Rural broadband has become a test of whether public money can close a gap that markets "
        "leave open. In 2017 only 9 per cent of rural premises in the region could order a "
        "connection faster than 100 megabits per second, against 71 per cent in the towns.",
        ("1",),
        " The regional government answered with the Gigabit Countryside Programme (GCP), which paid "
        "network builders a fixed sum for every premises they passed. The programme reached its "
        "target of 186,000 premises in March 2022, nine months late. Passing a home is not the same "
        "as connecting it, however, and the question of who subscribes has received far less "
        "attention than the question of who builds.",
    ],
)
footnotes(
    pdf,
    [
        (
            "1",
            "Figures from the Regional Connectivity Survey 2017, table 4. Premises are counted "
            "at the address level; farm buildings without a residential address are excluded.",
        ),
    ],
)

pdf.add_page()
heading(pdf, "2. Data and method")
para(
    pdf,
    [
        "We combine the builders' monthly premises-passed returns with anonymised subscription "
        "records supplied by the four retail providers that sell on the subsidised networks.",
        ("2",),
        " The roll-out reached different postcode districts in different quarters, which lets us "
        "compare districts that had just been connected with districts still waiting. Our sample "
        "covers 1,140 districts and 22 quarters. We measure take-up as the share of passed premises "
        "holding an active contract at the end of each quarter.",
    ],
)
heading(pdf, "3. Results")
para(
    pdf,
    [
        "Take-up rose quickly in the first six months and then flattened. Two years after a district "
        "was connected, 38 per cent of passed premises held a contract, compared with the 60 per cent "
        "assumed in the programme's business case. The average monthly price paid was 34 euros, "
        "about 11 euros more than the copper service most households already had.",
        ("3",),
        " Take-up was lowest among older households: those headed by someone over 65 subscribed at "
        "half the rate of households headed by someone under 45.",
    ],
)
para(
    pdf,
    [
        "The cost per connected home is therefore much higher than the cost per passed premises. "
        "At 412 million euros for 186,000 premises, the programme paid about 2,215 euros per premises "
        "passed, but roughly 5,830 euros per home actually connected after two years.",
        ("4",),
        " Districts where the builder also ran door-to-door sign-up campaigns reached take-up "
        "about 9 percentage points higher than comparable districts without them.",
    ],
)
footnotes(
    pdf,
    [
        (
            "2",
            "The providers agreed to share the records under a data-sharing agreement signed "
            "in May 2023; one smaller provider, covering under 2 per cent of lines, declined.",
        ),
        (
            "3",
            "Prices are in 2022 euros and include line rental; introductory discounts are "
            "averaged over the first 24 months of each contract.",
        ),
        (
            "4",
            "The per-connection figure divides total programme spending by premises with an "
            "active contract at month 24, which was 70,680.",
        ),
    ],
)

pdf.add_page()
heading(pdf, "4. Policy implications")
para(
    pdf,
    [
        "Paying builders per premises passed rewards reach, not use. A demand-side voucher, paid "
        "only when a household signs a contract, would shift part of the risk of low take-up onto "
        "the builders and retailers who are best placed to sell the service. Our simulations suggest "
        "a voucher of 400 euros per household would have connected 21 per cent more homes for the "
        "same budget.",
        ("5",),
        " Support aimed at older residents, such as help with set-up and a trial period without "
        "commitment, could raise take-up where it is lowest.",
    ],
)
heading(pdf, "5. Conclusion")
para(
    pdf,
    [
        "The Gigabit Countryside Programme met its build target but not its promise. Future rounds "
        "should measure success by homes connected rather than premises passed, and should publish "
        "take-up figures by district every quarter.",
    ],
)
heading(pdf, "References")
pdf.set_font("Times", "", 9.5)
for ref in [
    "Achterberg, T. (2021). Counting premises: how broadband targets are set. "
    "Northmoor Policy Review 12(3), 44-61.",
    "Bello, O. and Lindahl, K. (2022). Vouchers versus grants in network subsidies. "
    "Journal of Infrastructure Economics 8(1), 1-27.",
    "Regional Connectivity Office (2017). Regional Connectivity Survey 2017. Northmoor.",
]:
    pdf.multi_cell(0, 4.8, ref, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
footnotes(
    pdf,
    [
        (
            "5",
            "The simulation holds the build cost per premises fixed and assumes retailers pass "
            "the whole voucher on to the household as a discount.",
        ),
    ],
)
pdf.output(str(HERE / "rural-broadband-working-paper.pdf"))
