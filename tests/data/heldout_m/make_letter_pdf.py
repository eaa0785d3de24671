"""Make ministerial-letter.pdf: a two-page ministerial letter on letterhead (fpdf2)."""

from fpdf import FPDF


class Letter(FPDF):
    def header(self) -> None:
        if self.page_no() > 1:
            self.set_font("Helvetica", "", 8)
            self.cell(0, 5, "Page 2 of 2", align="R")
            self.ln(8)


pdf = Letter(format="A4")
pdf.set_margins(20, 18, 20)
pdf.set_auto_page_break(False)
pdf.add_page()
pdf.set_font("Helvetica", "B", 11)
for i, line in enumerate(
    [
        "Department for Coastal Communities",
        "Marlow House, 14 Quayside Row",
        "London SE1 7QR",
        "www.gov.example/dcc",
    ]
):
    pdf.set_font("Helvetica", "B" if i == 0 else "", 11 if i == 0 else 9)
    pdf.cell(0, 5, line, align="R", new_x="LMARGIN", new_y="NEXT")
pdf.ln(4)
pdf.set_font("Helvetica", "", 10)
pdf.cell(0, 5, "Our ref: MIN/2025/0412", align="R", new_x="LMARGIN", new_y="NEXT")
pdf.cell(0, 5, "12 March 2025", align="R", new_x="LMARGIN", new_y="NEXT")
pdf.ln(4)
for line in [
    "Mr Gareth Pennock MP",
    "Chair, Environment and Coasts Committee",
    "House of Commons",
    "London SW1A 0AA",
]:
    pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
pdf.ln(6)
pdf.cell(0, 5, "Dear Chair,", new_x="LMARGIN", new_y="NEXT")
pdf.ln(3)
pdf.set_font("Helvetica", "B", 10)
pdf.cell(
    0, 5, "Coastal Erosion Resilience Fund: progress and next steps", new_x="LMARGIN", new_y="NEXT"
)
pdf.ln(2)
pdf.set_font("Helvetica", "", 10)

PAGE1 = [
    "1. Thank you for your letter of 20 February 2025 asking for an update on the Coastal Erosion "
    "Resilience Fund (CERF) before the Committee's session on shoreline management. I am glad to "
    "set out where the programme stands.",
    "2. Since the fund opened in April 2023 we have approved 47 schemes worth a total of "
    "\u00a3318 million. Of these, 29 schemes are now in construction and 6 are complete. The "
    "completed schemes protect an estimated 4,150 homes and 210 businesses.\u00b9",
    "3. The Committee asked about the pace of spending. By the end of January 2025 the fund had "
    "paid out \u00a396 million, which is 30 per cent of the approved total. Spending has been "
    "slower than planned in the first year, chiefly because of delays in securing marine "
    "licences, which took an average of 11 months against the 6 months we had assumed.",
    "4. To address this, my officials have agreed a joint protocol with the Marine Management "
    "Organisation (MMO). Under the protocol, licence applications for schemes funded by CERF "
    "will be screened within 15 working days, and a named case officer will follow each one.",
    "5. You also asked how communities that cannot be defended are being supported. We have set "
    "aside \u00a324 million for a Coastal Transition pilot in five local authority areas, which "
    "will help households relocate where the sea cannot be held back at a reasonable cost.\u00b2",
]
for para in PAGE1:
    pdf.multi_cell(0, 5, para, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
pdf.set_y(262)
pdf.line(20, 261, 80, 261)
pdf.set_font("Helvetica", "", 7.5)
pdf.multi_cell(
    0,
    3.6,
    "\u00b9 Estimates from the Environment Agency's National Coastal Erosion Risk Mapping, "
    "2024 update.\n"
    "\u00b2 The five areas are East Riding, North Norfolk, East Suffolk, Scarborough and "
    "Cornwall.",
    new_x="LMARGIN",
    new_y="NEXT",
)

pdf.add_page()
pdf.set_font("Helvetica", "", 10)
PAGE2 = [
    "6. The Committee raised the question of maintenance. Capital schemes funded by CERF must "
    "now come with a 20-year maintenance plan, and councils will receive an annual maintenance "
    "grant of up to \u00a3150,000 per scheme from 2026-27.",
    "7. Finally, I can confirm that we will publish an independent evaluation of the fund's "
    "first two years in the autumn. The evaluation has been commissioned from the Institute for "
    "Shoreline Studies and will report on value for money as well as outcomes.",
    "8. I hope this is helpful. I am copying this letter to the Secretary of State for Housing "
    "and to the Chief Executive of the Environment Agency.",
]
for para in PAGE2:
    pdf.multi_cell(0, 5, para, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
pdf.ln(4)
pdf.cell(0, 5, "Yours sincerely,", new_x="LMARGIN", new_y="NEXT")
pdf.ln(10)
pdf.set_font("Helvetica", "B", 10)
pdf.cell(0, 5, "Rt Hon Helena Marsh MP", new_x="LMARGIN", new_y="NEXT")
pdf.set_font("Helvetica", "", 10)
pdf.cell(0, 5, "Minister of State for Coastal Communities", new_x="LMARGIN", new_y="NEXT")
pdf.ln(8)
pdf.set_font("Helvetica", "", 9)
pdf.cell(
    0,
    5,
    "cc: Rt Hon Daniel Oyelaran MP, Secretary of State for Housing",
    new_x="LMARGIN",
    new_y="NEXT",
)
pdf.cell(
    0, 5, "cc: Priya Castellan, Chief Executive, Environment Agency", new_x="LMARGIN", new_y="NEXT"
)
pdf.output("ministerial-letter.pdf")
