"""Make tenancy-opinion.pdf: a supreme court opinion with syllabus, footnotes at page foot."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

CASE = "Marlow Housing Trust v. Delacroix"


class Opinion(FPDF):
    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Times", "I", 9)
        self.cell(0, 5, f"{CASE.upper()}", align="C", new_x="LMARGIN", new_y="NEXT")
        self.cell(
            0,
            4,
            "Opinion of the Court" if self.page_no() < 3 else "SOLANO, J., dissenting",
            align="C",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Times", "", 9)
        self.cell(0, 5, f"Page {self.page_no()} of 3", align="C")


def para(pdf: FPDF, text: str, style: str = "", size: int = 11) -> None:
    pdf.set_font("Times", style, size)
    pdf.multi_cell(0, 5.2, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def heading(pdf: FPDF, text: str) -> None:
    pdf.set_font("Times", "B", 11)
    pdf.cell(0, 6, text, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def notes(pdf: FPDF, items: list[str]) -> None:
    pdf.set_y(-12 - 5 * len(items) * 2 - 4)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + 50, pdf.get_y())
    pdf.ln(1.5)
    pdf.set_font("Times", "", 8.5)
    for item in items:
        pdf.multi_cell(0, 4, item, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(0.5)


pdf = Opinion(format="Letter")
pdf.set_auto_page_break(False)
pdf.set_margins(25, 18, 25)

# page 1: caption and syllabus
pdf.add_page()
pdf.set_font("Times", "", 9)
pdf.cell(0, 5, "Cite as: 2026 NS 14 (2026)", align="R", new_x="LMARGIN", new_y="NEXT")
pdf.ln(2)
pdf.set_font("Times", "B", 13)
pdf.cell(0, 7, "SUPREME COURT OF THE STATE OF NORTHSHORE", align="C", new_x="LMARGIN", new_y="NEXT")
pdf.set_font("Times", "B", 12)
pdf.cell(0, 7, "MARLOW HOUSING TRUST v. DELACROIX", align="C", new_x="LMARGIN", new_y="NEXT")
pdf.set_font("Times", "", 10)
pdf.cell(
    0,
    5,
    "No. 25-118. Argued November 4, 2025 - Decided February 20, 2026",
    align="C",
    new_x="LMARGIN",
    new_y="NEXT",
)
pdf.ln(3)
heading(pdf, "Syllabus")
para(
    pdf,
    "Note: The syllabus constitutes no part of the opinion of the Court but has been "
    "prepared by the Reporter of Decisions for the convenience of the reader.",
    "I",
    9,
)
para(
    pdf,
    "Respondent Lucienne Delacroix rented a one-bedroom apartment from petitioner Marlow "
    "Housing Trust for eleven years. In 2024 the Trust served a notice of non-renewal under the "
    "Residential Tenancies Act, section 38(2), giving 60 days to vacate. Respondent argued that "
    "because her rent had been raised by 14 percent in the preceding year, the notice was a "
    "retaliatory eviction barred by section 41. The trial court granted possession. The Court of "
    "Appeals reversed, holding that a landlord must show a legitimate business reason for any "
    "non-renewal served within 12 months of a rent dispute.",
    "",
    10,
)
para(
    pdf,
    "Held: A tenant who has disputed a rent increase in writing is protected by section 41, "
    "and a non-renewal served within 12 months of that dispute is presumed retaliatory unless "
    "the landlord rebuts the presumption by clear and convincing evidence. Pp. 2-3.",
    "",
    10,
)
para(pdf, "Affirmed.", "", 10)
para(
    pdf,
    "OKONKWO-REID, J., delivered the opinion of the Court, in which HALVERSEN, C. J., and "
    "BRANNIGAN and TAMURA, JJ., joined. SOLANO, J., filed a dissenting opinion, in which "
    "FITZWARREN, J., joined.",
    "",
    10,
)

# page 2: opinion of the court
pdf.add_page()
heading(pdf, "JUSTICE OKONKWO-REID delivered the opinion of the Court.")
para(
    pdf,
    "This case asks what a tenant must do to earn the protection the legislature gave "
    "against retaliation, and what a landlord must then show to end the tenancy. We hold that a "
    "written dispute is enough to engage the statute, and that the burden then moves to the "
    "landlord.",
)
heading(pdf, "I")
para(
    pdf,
    "Ms. Delacroix paid $1,240 a month until March 2024, when the Trust raised the rent to "
    "$1,414.1 She wrote to the Trust on April 2, 2024, stating that the increase exceeded the "
    "7 percent cap in the Trust's own funding agreement with the city. Seven weeks later she "
    "received the notice of non-renewal.",
)
heading(pdf, "II")
para(
    pdf,
    "Section 41 forbids a landlord to end a tenancy \"in reprisal for a tenant's good-faith "
    'complaint." The Trust reads "complaint" to mean a complaint to a public agency. We '
    'disagree. The statute does not say "complaint to an agency," and we will not add words '
    "the legislature left out.2 A letter to the landlord is a complaint.",
)
para(
    pdf,
    "Nor is the presumption unfair to landlords. In the three years after the Court of "
    "Appeals' decision, non-renewal filings in Harbor County fell by 9 percent while ordinary "
    "possession cases for unpaid rent were unchanged.3 Landlords with a real reason have shown "
    "it; the presumption has filtered out only the others.",
)
para(pdf, "The judgment of the Court of Appeals is affirmed.")
para(pdf, "It is so ordered.", "I")
notes(
    pdf,
    [
        "1 The increase was 14.0 percent; the Trust's funding agreement with the City of "
        "Port Alder, "
        "clause 9.3, caps annual increases at 7 percent for units built with city bond money.",
        "2 See Estate of Varga v. Linde, 2019 NS 31, para. 12 (courts do not supply words a "
        "statute "
        "omits).",
        "3 Northshore Judicial Council, Annual Caseload Statistics 2022-2025, Table H-4.",
    ],
)

# page 3: dissent
pdf.add_page()
heading(pdf, "JUSTICE SOLANO, with whom JUSTICE FITZWARREN joins, dissenting.")
para(
    pdf,
    "The Court today turns every letter about rent into a shield that lasts a year. The "
    "legislature could have written that rule; it did not. In 2017 it rejected an amendment "
    'that would have extended section 41 to "any communication" from a tenant.4',
)
para(
    pdf,
    "The practical cost will fall on the tenants the majority means to help. Nonprofit "
    "landlords like the Trust operate on margins of 2 to 3 percent, and a presumption that can "
    "be rebutted only by clear and convincing evidence will make them slower to take on "
    "tenants with any history of dispute. As the Northshore Association of Housing Providers "
    'told the Court in its brief, "a landlord who cannot end a tenancy will be careful about '
    'beginning one."',
)
para(
    pdf,
    "I would reverse the judgment of the Court of Appeals and reinstate the order of "
    "possession. I respectfully dissent.",
)
notes(
    pdf,
    [
        "4 House Journal, 2017 Regular Session, p. 1,882 (Amendment 6 to H.B. 402, failed 31-58).",
    ],
)

pdf.output(str(Path(__file__).with_name("tenancy-opinion.pdf")))
