"""Make the heat-pump rollout slide deck (landscape, one slide a page)."""

from pathlib import Path

from fpdf import FPDF

ORG = "Northfold Energy Agency"
SLIDES: list[tuple[str, list[str]]] = [
    (
        "Where we are in 2025",
        [
            "Heat pumps installed in the region rose to 48,200 by March 2025, "
            "up from 19,700 in 2022.",
            "Installations averaged 1,150 a month in the year to March 2025.",
            "Gas boilers still heat 71 per cent of homes in the region.",
            "The grant scheme paid out 36.4 million pounds in 2024.",
        ],
    ),
    (
        "What a typical install costs",
        [
            "The median installed cost of an air-source heat pump was 11,300 pounds in 2024.",
            "The grant covers 7,500 pounds of that cost for eligible homes.",
            "Ground-source systems cost a median 24,900 pounds, more than twice as much.",
            "Installer day rates rose by 9 per cent between 2023 and 2024.",
        ],
    ),
    (
        "Running costs for households",
        [
            "A well-fitted heat pump reached a seasonal efficiency of 3.1 in our field trial.",
            "Trial households paid on average 140 pounds a year less for heat than with gas.",
            "Homes with undersized radiators saw efficiency fall to 2.4.",
            "Time-of-use tariffs cut bills by a further 12 per cent in 38 trial homes.",
        ],
    ),
    (
        "The installer gap",
        [
            "The region has 610 certified heat pump installers, against 2,300 needed by 2030.",
            "Training courses took 1,040 trainees in 2024, but only 55 per cent finished.",
            "Average waiting time from survey to install was 14 weeks.",
        ],
    ),
    (
        "Chart: installs by home type, 2024",
        [
            "Detached houses: 5,900 installs",
            "Semi-detached houses: 4,700 installs",
            "Terraced houses: 2,100 installs",
            "Flats: 1,100 installs",
        ],
    ),
    (
        "Barriers households report",
        [
            "Upfront cost was named by 62 per cent of surveyed owners as the main barrier.",
            "Lack of space for a cylinder was named by 27 per cent.",
            "Noise worries were named by 11 per cent, though trial complaints were rare.",
            "Tenants in private rented homes had almost no say in the choice of heating.",
        ],
    ),
    (
        "QUOTE",
        [],
    ),
    (
        "What we propose for 2026-2028",
        [
            "Raise the grant to 9,000 pounds for homes in council tax bands A to C.",
            "Fund 1,500 apprenticeships a year through the regional skills fund.",
            "Require landlords to publish an EPC heating plan by April 2027.",
            "Cut the survey-to-install wait to six weeks by 2027.",
        ],
    ),
    (
        "What success looks like",
        [
            "120,000 heat pumps in the region by 2030.",
            "Gas heating below 50 per cent of homes by 2032.",
            "No household paying more for heat after switching than before.",
        ],
    ),
    (
        "Sources",
        [
            "Northfold Energy Agency, Heat Pump Field Trial Final Report, January 2025.",
            "Regional Installer Census 2024, Northfold Skills Board.",
            "Household Heating Survey 2024 (n = 2,850), Northfold Energy Agency.",
            "Grant scheme monthly statistics, April 2024 to March 2025.",
        ],
    ),
]


class Deck(FPDF):
    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Helvetica", "", 9)
        self.set_text_color(120, 120, 120)
        self.cell(0, 8, ORG, align="L")
        self.set_xy(-30, -14)
        self.cell(20, 8, str(self.page_no()), align="R")
        self.set_text_color(0, 0, 0)


def main() -> None:
    pdf = Deck(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_title("Warmer Homes, Lower Bills: The Heat Pump Rollout So Far")
    pdf.set_author("Dr Anika Rosswell")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 34)
    pdf.set_y(55)
    pdf.multi_cell(0, 15, "Warmer Homes, Lower Bills:\nThe Heat Pump Rollout So Far", align="C")
    pdf.ln(10)
    pdf.set_font("Helvetica", "", 18)
    pdf.cell(0, 10, "Dr Anika Rosswell, Head of Domestic Decarbonisation", align="C")
    pdf.ln(12)
    pdf.cell(0, 10, "Regional Climate Action Forum, Harrowgate Hall, 22 May 2025", align="C")
    for title, bullets in SLIDES:
        pdf.add_page()
        if title == "QUOTE":
            pdf.set_y(60)
            pdf.set_font("Helvetica", "I", 30)
            pdf.multi_cell(
                0,
                14,
                '"Nobody should have to choose between a warm home and a green one."',
                align="C",
            )
            pdf.ln(8)
            pdf.set_font("Helvetica", "", 18)
            pdf.cell(
                0, 10, "Councillor Tomas Brevik, Chair, Northfold Housing Committee", align="C"
            )
            continue
        pdf.set_y(22)
        pdf.set_font("Helvetica", "B", 30)
        pdf.cell(0, 14, title)
        pdf.ln(22)
        pdf.set_font("Helvetica", "", 19)
        for b in bullets:
            pdf.set_x(20)
            pdf.multi_cell(250, 10, "- " + b)
            pdf.ln(4)
    pdf.output(str(Path(__file__).with_name("heat-pump-rollout-deck.pdf")))


if __name__ == "__main__":
    main()
