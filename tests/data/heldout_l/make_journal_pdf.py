"""Build varda-water-tariffs-journal.pdf: a journal article with a two-column body.

Run with /work/main/.venv/bin/python from this folder. A "~" in the text marks where a long
word may be broken across lines (printed with a hyphen); it is never printed otherwise.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

OUT = Path(__file__).with_name("varda-water-tariffs-journal.pdf")
JOURNAL = "Journal of Comparative Water Policy"
HEADER = "Journal of Comparative Water Policy, Vol. 12, No. 3 (2024), pp. 45-61"
FIRST_PAGE = 45

TITLE = (
    "Paying for the Last Mile: Volumetric Water Tariffs and Rural Households in the "
    "Lower Varda Basin"
)
AUTHORS = [("Adwoa Mensah", "a"), ("Tobias Reinholt", "b"), ("Li Wen", "a")]
AFFILIATIONS = [
    ("a", "Institute for Water Governance, University of Kestrel, Kestrel, Varden"),
    ("b", "Department of Public Policy, Aldmoor College, Aldmoor, Varden"),
]
ABSTRACT = (
    "In 2019 the Lower Varda Basin Authority replaced a flat annual water charge with a "
    "volumetric tariff for some 41,000 rural households. This article asks who paid more and "
    "who paid less. Using billing records for 2017-2022 and 38 interviews with officials and "
    "residents, we find that the median household bill fell by 6 per cent, but bills for the "
    "poorest fifth of households rose by 14 per cent, largely because they rely on shared "
    "standpipes metered as single connections. We argue that tariff reform without connection "
    "reform moves costs onto those least able to bear them."
)
KEYWORDS = "Keywords: water pricing; volumetric tariffs; rural utilities; affordability; Varden"
DOI = "DOI: 10.4821/jcwp.2024.12.3.045"
RECEIVED = "Received 3 October 2023; accepted 19 February 2024"

BODY: list[tuple[str, str]] = [
    ("h", "1. Introduction"),
    (
        "p",
        "Volumetric pricing is widely recommended as a way to make water users see the cost of "
        "what they con~sume (Mensah and Li, 2021). The argument is simple: when each cubic metre "
        "carries a price, house~holds use less, and utilities recover more of their costs. Yet "
        "the evidence from rural systems is thinner than the confidence of the recom~mendation "
        "suggests (Okafor, 2018; Brandvold et al., 2020). Rural networks are older, connections "
        "are often shared, and meters are read irreg~ularly.",
    ),
    (
        "p",
        "This article examines one reform in detail. In April 2019 the Lower Varda Basin "
        "Authority (LVBA) abolished its flat charge of 96 crowns a year and introduced a "
        "two-block volumetric tariff. We trace the effect of that change on bills, con~sumption "
        "and arrears over six years.",
    ),
    ("h", "2. Policy background"),
    (
        "p",
        "Before the reform, every connected household paid the same annual charge regardless of "
        "use. The LVBA estimated in 2018 that the flat charge recovered only 58 per cent of "
        "oper~ating costs, and that non-revenue water, meaning water lost to leaks or unbilled "
        "use, stood at 37 per cent of supply. The new tariff set a lifeline block of 6 cubic "
        "metres a month at 0.40 crowns per cubic metre and charged 1.90 crowns for every cubic "
        "metre above it.",
    ),
    (
        "p",
        "The reform was designed centrally. Consul~tation took place in the four district "
        "capitals but not in the villages, a point several inter~viewees raised unprompted.",
    ),
    ("h", "3. Data and methods"),
    (
        "p",
        "We obtained anonymised billing records for 41,212 household accounts for the years 2017 "
        "to 2022 under a data-sharing agreement with the LVBA. We linked them to the 2020 "
        "household income survey at the level of the village. We also conducted 38 "
        "semi-structured interviews between March and September 2023: 14 with officials, 19 "
        "with residents and 5 with staff of the meter-reading contractor. Interviews were "
        "conducted in Varden and English and tran~scribed in full.",
    ),
    ("h", "4. Findings"),
    ("s", "4.1 Bills"),
    (
        "p",
        "Across all households, the median annual bill fell from 96 crowns in 2018 to 90 crowns "
        "in 2021, a fall of 6 per cent. The average hides a wide spread. For households in the "
        "lowest income quintile the median bill rose by 14 per cent over the same period, while "
        "for the highest quintile it fell by 11 per cent.",
    ),
    ("s", "4.2 Shared connections"),
    (
        "p",
        "The main reason is the shared connection. About 9,300 households, most of them in the "
        "poorest villages, draw water from a standpipe that serves between three and twelve "
        "families but is billed as a single account. Because the combined use of several "
        "families pushes the account well above the lifeline block, each family pays the higher "
        "rate for water that a household with its own tap would buy at the lower one. One "
        "official put the problem plainly:",
    ),
    (
        "q",
        "We knew the standpipes were a problem. The billing system has one field for one "
        "customer, and nobody wanted to be the person who told the minister that the reform "
        "needed another two years of surveying before it could start.",
    ),
    ("a", "(Interviewee 7, regional official)"),
    ("s", "4.3 Consumption and arrears"),
    (
        "p",
        "Metered consumption fell by 9 per cent between 2018 and 2021. Arrears, by contrast, "
        "rose: the share of accounts more than 90 days overdue went from 4.1 per cent to 10.6 "
        "per cent. Residents described cutting back on garden irri~gation first and on washing "
        "last.",
    ),
    ("h", "5. Discussion"),
    (
        "p",
        "Our findings echo those of Brandvold et al. (2020), who found similar effects in "
        "shared-yard housing, but they differ from the more optimistic estimates of Harcourt "
        "(2017). The difference lies in connection structure rather than in price elas~ticity. "
        "A tariff is only as fair as the metering arrangement on which it rests.",
    ),
    (
        "p",
        "We propose three changes: registering each family at a shared standpipe as a separate "
        "sub-account, scaling the lifeline block to the number of families served, and "
        "publishing arrears data by village each quarter. The first would require the LVBA to "
        "survey roughly 1,100 standpipes, which its own staff costed at 2.3 million crowns in "
        "2022.",
    ),
    ("h", "6. Conclusion"),
    (
        "p",
        "Volumetric tariffs can raise revenue and curb waste, and in the Lower Varda Basin they "
        "did both. But they also moved a share of the cost of water from better-off households "
        "to poorer ones. Reformers elsewhere should map connections before they price them.",
    ),
    ("r", "References"),
    (
        "ref",
        "Brandvold, K., Osei, M. and Tamm, R. (2020) 'Shared taps and unequal bills', Water "
        "Policy Review, 8(2), pp. 113-130.",
    ),
    ("ref", "Harcourt, J. (2017) Pricing Water for Efficiency. Aldmoor: Riverside Press."),
    (
        "ref",
        "Mensah, A. and Li, W. (2021) 'The case for volumetric pricing in small utilities', "
        "Journal of Comparative Water Policy, 9(1), pp. 12-29.",
    ),
    (
        "ref",
        "Okafor, C. (2018) 'Rural water tariffs in practice', Development and Infrastructure, "
        "14(4), pp. 301-318.",
    ),
]

LEFT, GAP, COLW = 15.0, 8.0, 86.0
TOP, BOTTOM = 22.0, 270.0
LINE = 4.6


class Journal(FPDF):
    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Times", "I", 8.5)
        self.set_xy(LEFT, 10)
        self.cell(180, 4, "Mensah, Reinholt and Li | Paying for the Last Mile", align="L")
        self.line(LEFT, 15, LEFT + 180, 15)

    def footer(self) -> None:
        self.set_font("Times", "", 8.5)
        self.line(LEFT, 280, LEFT + 180, 280)
        self.set_xy(LEFT, 282)
        self.cell(90, 4, f"{JOURNAL} 12(3)", align="L")
        self.cell(90, 4, str(FIRST_PAGE + self.page_no() - 1), align="R")


BREAKS = {
    "households": "house~holds",
    "household": "house~hold",
    "connections": "con~nections",
    "connection": "con~nection",
    "interviews": "inter~views",
    "volumetric": "volu~metric",
    "recommended": "recom~mended",
    "standpipes": "stand~pipes",
    "standpipe": "stand~pipe",
    "arrangement": "arrange~ment",
    "agreement": "agree~ment",
    "contractor": "con~tractor",
    "families": "fam~ilies",
    "estimated": "esti~mated",
    "introduced": "intro~duced",
    "publishing": "pub~lishing",
    "optimistic": "opti~mistic",
    "structure": "struc~ture",
    "described": "de~scribed",
    "anonymised": "anony~mised",
    "regardless": "regard~less",
}


def hyphenable(word: str) -> str:
    if "~" in word:
        return word
    core = word.rstrip(".,;:)")
    if core in BREAKS:
        return BREAKS[core] + word[len(core) :]
    return word


def wrap(pdf: FPDF, text: str, width: float) -> list[str]:
    """Greedy lines; a word with "~" marks may break there with a hyphen."""
    text = " ".join(hyphenable(w) for w in text.split(" "))
    lines: list[str] = []
    cur = ""
    for word in text.split(" "):
        trial = (cur + " " + word.replace("~", "")).strip()
        if pdf.get_string_width(trial) <= width:
            cur = trial
            continue
        parts = word.split("~")
        placed = False
        for k in range(len(parts) - 1, 0, -1):
            head = "".join(parts[:k]) + "-"
            trial = (cur + " " + head).strip()
            if pdf.get_string_width(trial) <= width:
                lines.append(trial)
                cur = "".join(parts[k:])
                placed = True
                break
        if not placed:
            lines.append(cur)
            cur = word.replace("~", "")
    if cur:
        lines.append(cur)
    return lines


class Flow:
    def __init__(self, pdf: Journal, top: float) -> None:
        self.pdf = pdf
        self.col = 0
        self.top = top
        self.y = top

    def x(self) -> float:
        return LEFT + self.col * (COLW + GAP)

    def need(self, h: float) -> None:
        if self.y + h > BOTTOM:
            if self.col == 0:
                self.col = 1
            else:
                self.pdf.add_page()
                self.col = 0
                self.top = TOP
            self.y = self.top

    def text(
        self, text: str, style: str, size: float, indent: float = 0.0, first: float = 0.0
    ) -> None:
        pdf = self.pdf
        pdf.set_font("Times", style, size)
        lines = wrap(pdf, text, COLW - indent - first)
        for i, line in enumerate(lines):
            self.need(LINE)
            pdf.set_xy(self.x() + indent + (first if i == 0 else 0.0), self.y)
            pdf.cell(COLW - indent, LINE, line)
            self.y += LINE

    def gap(self, h: float) -> None:
        self.y += h


def build() -> None:
    pdf = Journal(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_title(TITLE)
    pdf.set_author("Adwoa Mensah; Tobias Reinholt; Li Wen")
    pdf.add_page()
    pdf.set_font("Times", "I", 9)
    pdf.set_xy(LEFT, 12)
    pdf.cell(180, 4, HEADER)
    pdf.line(LEFT, 17, LEFT + 180, 17)
    pdf.set_font("Times", "B", 16)
    pdf.set_xy(LEFT, 24)
    pdf.multi_cell(180, 7.5, TITLE, align="C")
    y = pdf.get_y() + 4
    # authors with superscript affiliation letters
    pdf.set_font("Times", "", 11)
    widths = sum(pdf.get_string_width(n) + 6 for n, _ in AUTHORS)
    x = LEFT + (180 - widths) / 2
    for i, (name, sup) in enumerate(AUTHORS):
        pdf.set_font("Times", "", 11)
        pdf.set_xy(x, y)
        label = name
        pdf.cell(pdf.get_string_width(label), 5, label)
        x += pdf.get_string_width(label)
        pdf.set_font("Times", "", 7)
        pdf.set_xy(x, y - 1.2)
        pdf.cell(pdf.get_string_width(sup) + 0.5, 4, sup)
        x += pdf.get_string_width(sup) + 0.5
        if i < len(AUTHORS) - 1:
            pdf.set_font("Times", "", 11)
            pdf.set_xy(x, y)
            pdf.cell(pdf.get_string_width(", "), 5, ", ")
            x += pdf.get_string_width(", ") + 1
    y += 8
    for sup, aff in AFFILIATIONS:
        pdf.set_font("Times", "", 6.5)
        pdf.set_xy(LEFT + 20, y - 0.8)
        pdf.cell(3, 3, sup)
        pdf.set_font("Times", "I", 9)
        pdf.set_xy(LEFT + 23, y)
        pdf.cell(150, 4, aff)
        y += 4.5
    y += 4
    pdf.set_font("Times", "B", 10)
    pdf.set_xy(LEFT + 10, y)
    pdf.cell(160, 5, "Abstract")
    y += 6
    pdf.set_font("Times", "", 9.5)
    pdf.set_xy(LEFT + 10, y)
    pdf.multi_cell(160, 4.6, ABSTRACT, align="J")
    y = pdf.get_y() + 2
    pdf.set_font("Times", "I", 9)
    pdf.set_xy(LEFT + 10, y)
    pdf.cell(160, 4.5, KEYWORDS)
    y += 5
    pdf.set_xy(LEFT + 10, y)
    pdf.set_font("Times", "", 9)
    pdf.cell(160, 4.5, DOI)
    y += 5
    pdf.set_xy(LEFT + 10, y)
    pdf.cell(160, 4.5, RECEIVED)
    y += 7
    pdf.line(LEFT, y, LEFT + 180, y)
    flow = Flow(pdf, y + 4)
    for kind, text in BODY:
        if kind == "h":
            flow.need(LINE * 3)
            flow.gap(2)
            flow.text(text, "B", 10.5)
            flow.gap(1)
        elif kind == "s":
            flow.need(LINE * 3)
            flow.gap(1)
            flow.text(text, "I", 10)
        elif kind == "p":
            flow.text(text, "", 10, first=4.0)
            flow.gap(1)
        elif kind == "q":
            flow.gap(1)
            flow.text(text, "", 9.5, indent=7.0)
        elif kind == "a":
            flow.text(text, "I", 9.5, indent=7.0)
            flow.gap(2)
        elif kind == "r":
            flow.need(LINE * 3)
            flow.gap(3)
            flow.text(text, "B", 10.5)
            flow.gap(1)
        elif kind == "ref":
            flow.text(text, "", 9, indent=0.0)
            flow.gap(1)
    pdf.output(str(OUT))


if __name__ == "__main__":
    build()
