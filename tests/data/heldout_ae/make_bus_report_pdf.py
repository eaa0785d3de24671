"""Make rural-bus-report-1978.pdf: a digitised typescript report (Courier, fpdf2)."""

from pathlib import Path

from fpdf import FPDF

OUT = Path(__file__).with_name("rural-bus-report-1978.pdf")

TITLE_PAGE = [
    "",
    "Ref. TPU/78/114",
    "",
    "COUNTY OF WESTHOLM",
    "TRANSPORT PLANNING UNIT",
    "",
    "",
    "RURAL BUS SERVICES IN THE",
    "UPPER ESK VALLEY",
    "",
    "Report of the Working Party",
    "",
    "Prepared by A. J. Penhallow, Chief Transport Ofﬁcer",
    "",
    "14 November 1978",
    "",
    "RESTRICTED - FOR COMMITTEE USE",
]

BODY = [
    "1. INTRODUCTION",
    "",
    "1.1  The Working Party was set up by the Highways Com-",
    "mittee in March 1978 to examine the decline of stage",
    "carriage services in the Upper Esk Valley and to pro-",
    "pose a scheme of support for the ﬁnancial year 1979-80.",
    "",
    "1.2  Between 1968 and 1977 the number of bus miles run",
    "in the valley fell from 412,000 a year to 236,000 a year,",
    "a loss of 43 per cent. Over the same period the number",
    "of passenger journeys fell from 1.9 million to 0.8 mil-",
    "lion.",
    "",
    "1.3  The Working Party met on nine occasions and took",
    "evidence from the two operators, from eleven parish",
    "councils and from the Women's Institute.",
    "",
    "2. THE PRESENT POSITION",
    "",
    "2.1  Only four villages in the valley now have a bus on",
    "every weekday. Kelderby, Ashgill and Brant Fell have a",
    "service on market days only, and Thorn Side has none at",
    "all since the withdrawal of route 27 in January 1977.",
    "",
    "2.2  The table below shows the services on the main",
    "routes in the week ending 30 September 1978.",
    "",
    "  Route   Villages served        Journeys   Passengers",
    "                                 per week   per week",
    "  ------  ---------------------  ---------  ----------",
    "  12      Esk Bridge, Kelderby       28        1,140",
    "  14      Ashgill, Hollins           16          610",
    "  19      Brant Fell                  6          175",
    "  27      (withdrawn 1977)            0            0",
    "",
    "2.3  The operators told us that no rural route in the",
    "valley covers its costs. The loss on route 12 alone was",
    "put at 18,400 pounds in 1977, and the operators say they",
    "cannot carry such losses beyond the end of 1979.",
    "",
    "2.4  Evidence from the parish councils was clear. The",
    'Clerk of Ashgill Parish Council told us: "Without the',
    "Tuesday bus half the village cannot reach a doctor, a",
    "bank or a shop.\" The Women's Institute surveyed 312 house-",
    "holds and found that 38 per cent had no car.",
    "",
    "3. OPTIONS CONSIDERED",
    "",
    "3.1  We considered three courses: to let the services",
    "lapse; to pay the operators a revenue grant for each",
    "route; or to set up a community minibus run by volun-",
    "teer drivers under a permit from the Trafﬁc Commis-",
    "sioners.",
    "",
    "3.2  A revenue grant for routes 12, 14 and 19 would cost",
    "the County about 31,000 pounds in 1979-80. A community",
    "minibus would cost about 9,500 pounds to buy and some",
    "4,200 pounds a year to run, but it could not carry the",
    "school trafﬁc now taken by route 12.",
    "",
    "3.3  Mr. R. Dunstan, for the larger operator, said that",
    '"a grant which is ﬁxed for three years would let us',
    'plan; a grant ﬁxed for one year lets us do nothing."',
    "The Working Party accepts the force of this.",
    "",
    "4. RECOMMENDATIONS",
    "",
    "4.1  We recommend that the County pay a revenue grant",
    "for routes 12, 14 and 19 for three years from April",
    "1979, at a cost not exceeding 31,000 pounds in the ﬁrst",
    "year.",
    "",
    "4.2  We recommend that a community minibus be tried in",
    "Thorn Side and Kelderby for eighteen months, and that",
    "the parish councils be asked to ﬁnd the drivers.",
    "",
    "4.3  We recommend that fares on supported routes rise",
    "by no more than the rate of inﬂation, and that",
    "pensioners keep the half fare they pay now.",
    "",
    "4.4  The results should be reported to the Committee",
    "in October 1980, with passenger counts taken in the",
    "same week as those in paragraph 2.2.",
    "",
    "5. CONCLUSION",
    "",
    "5.1  A valley without buses is a valley that empties.",
    "The sums involved are small beside the County's road",
    "budget of 4.6 million pounds, and the beneﬁt to those",
    "without cars is large. We commend the scheme to the",
    "Committee.",
    "",
    "    [illegible] - agreed in principle, see min. 88/78",
    "",
    "A. J. PENHALLOW",
    "Chief Transport Ofﬁcer",
]


class Typescript(FPDF):
    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Typewriter", size=10)
        self.cell(
            0, 5, "TPU/78/114          RURAL BUS SERVICES          Page " + str(self.page_no())
        )
        self.ln(10)


def main() -> None:
    pdf = Typescript(format="A4")
    pdf.set_margins(25, 20, 25)
    pdf.set_auto_page_break(True, margin=20)
    font = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
    pdf.add_font("Typewriter", "", font)
    pdf.set_font("Typewriter", size=11)
    pdf.add_page()
    pdf.ln(30)
    for line in TITLE_PAGE:
        pdf.cell(0, 7, line, align="C")
        pdf.ln(7)
    pdf.add_page()
    for line in BODY:
        pdf.cell(0, 5.5, line)
        pdf.ln(5.5)
    pdf.set_creation_date(__import__("datetime").datetime(2019, 3, 2))
    pdf.output(str(OUT))


if __name__ == "__main__":
    main()
