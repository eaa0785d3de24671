"""Audit reports and regulators' notices as PDFs, drawn here with fpdf2.

A title page's printed date ("… published on 3 June 2024") dates the report over the file's
creation date; a running footer's paper number ("HL 57") is its series; the organisation line
under the title heads no section. Paragraph numbers set in a hanging column ("3.2") are no
part of the sentences nor figures. A key-facts panel pairs each big figure with the label
beside it; a bar chart's labels and values are read as rows. A notice's reference line and
addressee head no section, its signature block is one line of text, and its definitions list
is one definition a sentence, each in the glossary.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.model import Article

_SENTENCES = (
    "Nearly one bridge in twelve on the county network needs strengthening work.",
    "Most of the weak bridges carry minor roads with fewer than two thousand vehicles a day.",
    "Inspections found corrosion in the steel beams of many older crossings.",
    "The county spent less on maintenance than its engineers said was needed.",
    "Weight limits were placed on forty bridges while repairs were planned.",
    "Residents said the detours added twenty minutes to their journeys.",
    "The backlog of repairs grew by a quarter over the five years to March.",
    "Officials expect the cost of the programme to rise with construction prices.",
)


def prose(start: int, count: int = 3) -> str:
    """Distinct sentences (text repeated word for word would read as a pull quote)."""
    return " ".join(_SENTENCES[(start + k) % len(_SENTENCES)] for k in range(count))


def _article(tmp_path: Path, pdf: FPDF, name: str = "report.pdf") -> Article:
    path = tmp_path / name
    path.write_bytes(bytes(pdf.output()))
    article, issues = read_article(path)
    assert article is not None, issues
    return article


class _Footed(FPDF):
    """Pages with a running footer line."""

    footer_text = ""

    def footer(self) -> None:
        if self.footer_text:
            self.set_y(-15)
            self.set_font("Times", "", 8)
            self.cell(0, 5, self.footer_text)


def _report(*, under_title: str, dated: str, footer: str = "", body_first: str = "") -> _Footed:
    pdf = _Footed()
    pdf.footer_text = footer
    pdf.set_creation_date(datetime(2030, 1, 2, tzinfo=UTC))
    pdf.add_page()
    pdf.set_font("Times", "B", 20)
    pdf.multi_cell(0, 9, "The Condition of County Bridges", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 13)
    pdf.multi_cell(0, 7, under_title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Times", "", 10)
    pdf.multi_cell(0, 5, f"Report of the County Auditor\n{dated}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Times", "B", 14)
    pdf.cell(0, 8, "Overview", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 10)
    pdf.multi_cell(0, 5, body_first + prose(0, 4), new_x="LMARGIN", new_y="NEXT")
    for page in range(2):
        pdf.add_page()
        pdf.set_font("Times", "B", 14)
        pdf.cell(0, 8, f"Part {page + 1}: Findings", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Times", "", 10)
        pdf.multi_cell(0, 5, prose(4 + page, 4), new_x="LMARGIN", new_y="NEXT")
    return pdf


def test_a_title_page_line_with_a_labelled_date_dates_the_report(tmp_path: Path) -> None:
    pdf = _report(
        under_title="A review for the Transport Board",
        dated="Laid before the Assembly and published on 3 June 2024",
    )
    assert _article(tmp_path, pdf).date == "2024-06-03"


def test_a_sentence_naming_a_publication_date_does_not_date_the_report(tmp_path: Path) -> None:
    pdf = _report(
        under_title="A review for the Transport Board",
        dated="Prepared for the Transport Board",
        body_first="The first review of the network was published on 2 May 2019. ",
    )
    assert _article(tmp_path, pdf).date == "2030-01-02"


def test_a_running_footer_paper_number_is_the_series(tmp_path: Path) -> None:
    pdf = _report(
        under_title="A review for the Transport Board",
        dated="Prepared for the Transport Board",
        footer="HL 57  |  Select Committee on Infrastructure",
    )
    article = _article(tmp_path, pdf)
    assert article.series == "HL 57"
    assert not any("HL 57" in s.text for s in article.sentences)


def test_a_running_footer_year_is_no_series(tmp_path: Path) -> None:
    pdf = _report(
        under_title="A review for the Transport Board",
        dated="Prepared for the Transport Board",
        footer="UK 2030  |  Infrastructure Review",
    )
    assert _article(tmp_path, pdf).series is None


def test_the_organisation_line_under_the_title_heads_no_section(tmp_path: Path) -> None:
    pdf = _report(under_title="Ministry of Regional Transport", dated="Published in two parts")
    article = _article(tmp_path, pdf)
    assert article.sections[0] == "Overview"
    assert "Ministry of Regional Transport" not in article.sections
    assert article.subtitle is None


def test_a_subtitle_under_the_title_stays_the_subtitle(tmp_path: Path) -> None:
    pdf = _report(under_title="How the county repairs its crossings", dated="Published in parts")
    article = _article(tmp_path, pdf)
    assert article.subtitle == "How the county repairs its crossings"
    assert article.sections[0] == "Overview"


def _numbered(pdf: FPDF, number: str, text: str, hang: float, *, bold: bool = False) -> None:
    """A paragraph with its number in a hanging column `hang` mm wide."""
    pdf.set_font("Times", "B" if bold else "", 10)
    pdf.cell(hang, 5, number)
    pdf.set_font("Times", "", 10)
    pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def _numbered_report(numbers: list[str], hang: float, *, bold: bool = False) -> FPDF:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Times", "B", 18)
    pdf.cell(0, 10, "Bridge Maintenance Review", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 10)
    pdf.multi_cell(0, 5, prose(5, 3), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Times", "B", 12)
    pdf.cell(0, 8, "3. Findings", new_x="LMARGIN", new_y="NEXT")
    for k, number in enumerate(numbers):
        _numbered(pdf, number, " ".join(_POOL[3 * k : 3 * k + 3]), hang, bold=bold)
    return pdf


_PLACES = ("Ashby", "Brindle", "Carrow", "Dunmore", "Elston")
_POOL = tuple(
    sentence
    for place in _PLACES
    for sentence in (
        f"The crossing at {place} was inspected twice in the last year by the county's engineers.",
        f"Its deck at {place} showed cracks that will need repair within the next three years.",
        f"Traffic over the {place} bridge has grown steadily since the bypass opened to lorries.",
    )
)


def test_decimal_paragraph_numbers_in_a_hanging_column_are_no_text(tmp_path: Path) -> None:
    for hang, bold in ((16, True), (9, False)):
        pdf = _numbered_report(["3.1", "3.2", "3.3", "3.4", "3.5"], hang, bold=bold)
        article = _article(tmp_path, pdf, f"hang{hang}.pdf")
        texts = [s.text for s in article.sentences]
        assert _POOL[0] in texts and _POOL[7] in texts and _POOL[12] in texts, texts
        assert not any(t.startswith("3.") for t in texts), texts
        assert not any(f.text.startswith("3.") for f in article.figures)
        assert "3. Findings" in article.sections


def test_numbers_that_open_the_text_line_stay(tmp_path: Path) -> None:
    """A paragraph starting with a figure on the text edge keeps it ("2.5 million ...")."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Times", "B", 18)
    pdf.cell(0, 10, "Bridge Maintenance Review", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 10)
    for k in range(3):
        pdf.multi_cell(0, 5, prose(k, 3), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.multi_cell(0, 5, "2.5 million journeys cross the bridges each year.", new_x="LMARGIN")
    texts = [s.text for s in _article(tmp_path, pdf).sentences]
    assert "2.5 million journeys cross the bridges each year." in texts


def _facts_page(facts: list[tuple[str, str]], *, beside: bool) -> FPDF:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Times", "B", 18)
    pdf.multi_cell(0, 9, "Local Roads Spending Review", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 10)
    pdf.multi_cell(0, 5, prose(0, 3), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Times", "B", 14)
    pdf.cell(0, 8, "At a glance", new_x="LMARGIN", new_y="NEXT")
    for big, label in facts:
        pdf.set_font("Times", "B", 28)
        if beside:
            pdf.cell(60, 14, big)
            pdf.set_font("Times", "", 9)
            pdf.multi_cell(90, 5, label, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.cell(0, 13, big, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Times", "", 9)
            pdf.multi_cell(90, 5, label, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.set_font("Times", "B", 14)
    pdf.cell(0, 8, "Findings", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 10)
    pdf.multi_cell(0, 5, prose(3, 4), new_x="LMARGIN", new_y="NEXT")
    return pdf


_FACTS = [
    (
        "EUR 3.6bn",
        "backlog of carriageway repairs on local roads in 2024, up by a fifth in five years",
    ),
    ("41%", "of the network rated in need of structural repair"),
    ("2,850", "potholes reported a week in the winter months"),
]


def test_a_key_fact_beside_its_label_reads_as_one_statement(tmp_path: Path) -> None:
    article = _article(tmp_path, _facts_page(_FACTS, beside=True))
    texts = [s.text.rstrip(".") for s in article.sentences]
    assert article.title == "Local Roads Spending Review"
    for big, label in _FACTS:
        assert f"{big} {label}" in texts, texts


def test_a_key_fact_over_its_label_still_reads_as_one_statement(tmp_path: Path) -> None:
    article = _article(tmp_path, _facts_page(_FACTS, beside=False))
    texts = [s.text.rstrip(".") for s in article.sentences]
    for big, label in _FACTS:
        assert f"{big} {label}" in texts, texts


def _bar_chart(pdf: FPDF, bars: list[tuple[str, int]], *, values: bool) -> None:
    pdf.set_font("Times", "B", 10)
    pdf.cell(
        0, 6, "Figure 3: Bridges under weight limits, by district", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_font("Times", "", 8)
    for name, count in bars:
        pdf.cell(35, 5, name)
        pdf.set_fill_color(90, 90, 90)
        pdf.cell(count * 3, 4, "", fill=True)
        pdf.cell(15, 5, f" {count}" if values else "", new_x="LMARGIN", new_y="NEXT")
    if not values:
        pdf.set_x(45)
        for tick in (0, 10, 20, 30):
            pdf.cell(30, 5, str(tick))
        pdf.ln(5)
    pdf.set_font("Times", "I", 8)
    pdf.cell(0, 5, "Source: County engineers' bridge register", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)


def _chart_report(*, values: bool) -> FPDF:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Times", "B", 18)
    pdf.cell(0, 10, "Bridges Under Strain", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 10)
    pdf.multi_cell(0, 5, prose(0, 4), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    _bar_chart(pdf, [("Hollin Vale", 14), ("Marsh End", 9), ("Upper Tarn", 21)], values=values)
    pdf.set_font("Times", "", 10)
    pdf.multi_cell(0, 5, prose(4, 4), new_x="LMARGIN", new_y="NEXT")
    return pdf


def test_a_bar_charts_labels_and_values_are_read_as_rows(tmp_path: Path) -> None:
    article = _article(tmp_path, _chart_report(values=True))
    texts = [s.text for s in article.sentences]
    for row in ("Hollin Vale 14.", "Marsh End 9.", "Upper Tarn 21."):
        assert row in texts, texts
    assert not any(name in article.sections for name in ("Hollin Vale", "Marsh End 9."))


def test_a_charts_labels_without_values_stay_out(tmp_path: Path) -> None:
    article = _article(tmp_path, _chart_report(values=False))
    assert not any("Hollin Vale" in s.text or "Marsh End" in s.text for s in article.sentences)
    assert not article.sections


def _order(
    *, terms_beside: bool, signed: bool = True, reference: str = "Our ref: WSR-2025/117"
) -> FPDF:
    """A water regulator's enforcement order: field lines, definitions, numbered parts."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Times", "", 9)
    pdf.cell(0, 5, reference, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 5, "Date: 3 March 2025", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)
    pdf.set_font("Times", "B", 17)
    pdf.cell(0, 9, "ENFORCEMENT ORDER", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 12)
    pdf.cell(0, 7, "To: Harbour Water plc", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Times", "B", 11)
    pdf.cell(0, 6, "1. Interpretation", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 10)
    pdf.multi_cell(0, 5, "In this Order:", new_x="LMARGIN", new_y="NEXT")
    for term, meaning in (
        ('"the Company"', "means Harbour Water plc;"),
        ('"WRMP"', "means a water resources management plan;"),
        ('"the Period"', "means the years 2025 to 2030."),
    ):
        pdf.set_x(pdf.l_margin + 8)
        if terms_beside:
            pdf.set_font("Times", "B", 10)
            pdf.cell(40, 5, term)
            pdf.set_font("Times", "", 10)
            pdf.multi_cell(0, 5, meaning, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.multi_cell(0, 5, f"{term} {meaning}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Times", "B", 11)
    pdf.cell(0, 6, "2. Requirements", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 10)
    pdf.multi_cell(0, 5, prose(0, 4), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.multi_cell(0, 5, prose(4, 3), new_x="LMARGIN", new_y="NEXT")
    if signed:
        pdf.ln(6)
        pdf.cell(0, 5, "Signed by:", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        pdf.set_font("Times", "B", 10)
        pdf.cell(0, 5, "Tobias Wrenfield", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Times", "", 10)
        pdf.cell(
            0, 5, "Head of Compliance, Water Services Regulator", new_x="LMARGIN", new_y="NEXT"
        )
    pdf.add_page()
    pdf.set_font("Times", "B", 12)
    pdf.cell(0, 8, "Schedule 1: Milestones", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 10)
    pdf.multi_cell(0, 5, prose(2, 3), new_x="LMARGIN", new_y="NEXT")
    return pdf


def test_an_orders_fields_definitions_and_signature(tmp_path: Path) -> None:
    for beside in (True, False):
        article = _article(tmp_path, _order(terms_beside=beside), f"order{beside}.pdf")
        texts = [s.text for s in article.sentences]
        assert article.sections == (
            "1. Interpretation",
            "2. Requirements",
            "Schedule 1: Milestones",
        )
        assert article.series == "WSR-2025/117"
        assert "To: Harbour Water plc." in texts
        assert '"WRMP" means a water resources management plan;' in texts, texts
        assert '"the Company" means Harbour Water plc;' in texts
        assert {g.short: g.long for g in article.glossary}["WRMP"] == (
            "water resources management plan"
        )
        signature = [t for t in texts if "Tobias Wrenfield" in t]
        assert signature == [
            "Signed by: Tobias Wrenfield, Head of Compliance, Water Services Regulator."
        ], texts
        assert "Signed by:" not in texts


def test_a_reference_without_a_code_and_prose_with_means_stay(tmp_path: Path) -> None:
    """A 'Reference:' naming no code is no series; a sentence that says 'means' is no
    definition, and a document without a "Signed" label keeps its lines as they are."""
    pdf = _order(terms_beside=False, signed=False, reference="Reference: see the annex")
    article = _article(tmp_path, pdf)
    assert article.series is None
    assert not article.glossary or "WRMP" in {g.short for g in article.glossary}
    assert not any(s.text.startswith("Signed") for s in article.sentences)


def test_one_quoted_term_in_prose_is_no_definitions_list(tmp_path: Path) -> None:
    pdf = _report(
        under_title="A review for the Transport Board",
        dated="Prepared for the Transport Board",
        body_first='"Resilience" means something different to each engineer we met. ',
    )
    article = _article(tmp_path, pdf)
    texts = [s.text for s in article.sentences]
    assert '"Resilience" means something different to each engineer we met.' in texts
    assert _SENTENCES[0] in texts
    assert not article.glossary
