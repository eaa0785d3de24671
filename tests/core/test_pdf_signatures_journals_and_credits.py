"""PDF front matter: authors under a label or with roles, signed forewords, journal citation lines
and block quotations credited on the line under them.

Drawn here with fpdf2 in shapes unlike the held-out report and journal: a Letter-size cover
left-aligned in Helvetica with "Written by" over plain names, or "Name, Role" lines with no
label; a chair's letter signed "Tom Reyes, Chair" or over two lines; a journal page whose
header is "Review of Coastal Economics 31(2): 201-219, 2023" or an Elsevier-style line; a
single-column report with an italic quotation credited "— Dr Amal Haddad, hospital director".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.ingest.pdf.block_quotes import credit
from bot.core.ingest.pdf.journal import citation
from bot.core.ingest.sign_off import signature_line
from bot.core.model import Article

_SENTENCES = (
    "The ferry service to the northern islands ran at a loss for the sixth year running.",
    "Fuel took a larger share of the operating budget than crew wages did for the first time.",
    "Two harbours closed their waiting rooms in winter to save on heating.",
    "Passenger numbers recovered to their level of five years ago by the end of the summer.",
    "The council agreed to keep the evening sailing on a trial basis until next April.",
    "Freight bookings rose by a tenth after the timetable was changed in March.",
)


def prose(start: int, count: int = 2) -> str:
    """Distinct sentences (text repeated word for word would read as a pull quote)."""
    return " ".join(_SENTENCES[(start + k) % len(_SENTENCES)] for k in range(count))


def _article(tmp_path: Path, pdf: FPDF, name: str = "doc.pdf") -> Article:
    path = tmp_path / name
    path.write_bytes(bytes(pdf.output()))
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def _texts(article: Article) -> list[str]:
    return [s.text for s in article.sentences]


def _pdf() -> FPDF:
    pdf = FPDF(format="Letter")
    pdf.set_auto_page_break(False)
    pdf.set_margins(25, 20, 25)
    return pdf


def _left(pdf: FPDF, text: str, size: float, style: str = "", gap: float = 0.0) -> None:
    pdf.set_font("Helvetica", style, size)
    pdf.cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(gap)


def _body_page(pdf: FPDF, heading: str, start: int) -> None:
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 11)
    pdf.multi_cell(0, 5.5, prose(start, 3), new_x="LMARGIN", new_y="NEXT")


def _cover(label: str | None, people: list[str]) -> FPDF:
    pdf = _pdf()
    pdf.add_page()
    pdf.set_y(70)
    _left(pdf, "Island Ferries in Transition", 22, "B", 4)
    _left(pdf, "A Review of the Northern Routes", 14, "", 30)
    if label:
        _left(pdf, label, 10, "", 2)
    for person in people:
        _left(pdf, person, 10, "", 1)
    pdf.set_y(230)
    _left(pdf, "September 2024", 10)
    _body_page(pdf, "Summary", 0)
    _body_page(pdf, "The Routes", 2)
    return pdf


def test_plain_names_under_a_written_by_label_are_the_authors(tmp_path: Path) -> None:
    article = _article(tmp_path, _cover("Written by", ["Siobhan Keane", "Rafael Okonkwo"]))
    assert article.authors == ("Siobhan Keane", "Rafael Okonkwo")
    assert article.date == "2024-09"
    assert not any("Written by" in t or "Keane" in t for t in _texts(article))


def test_name_and_role_lines_without_a_label_are_the_authors(tmp_path: Path) -> None:
    people = ["Priya Raman, Senior Policy Analyst", "Tomás Ruiz, Director of Research"]
    article = _article(tmp_path, _cover(None, people))
    assert article.authors == ("Priya Raman", "Tomás Ruiz")
    assert not any("Policy Analyst" in t or "Director of" in t for t in _texts(article))


def test_a_prepared_for_line_or_an_organisation_under_the_label_is_no_author(
    tmp_path: Path,
) -> None:
    article = _article(tmp_path, _cover("Prepared for", ["Orkney Harbours Board"]))
    assert article.authors == ()
    article = _article(tmp_path, _cover("Prepared by", ["Northern Transport Institute"]))
    assert article.authors == ()
    # names with no label and no role stay unread: a cover's short lines read as names too
    article = _article(tmp_path, _cover(None, ["Harbour Road", "Kirkwall Pier"]))
    assert article.authors == ()


def _letter(signature: list[str], *, then: str | None = "The Routes") -> FPDF:
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.cell(0, 10, "Ferry Services Annual Review", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 8, "A Letter from the Chair", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 11)
    pdf.multi_cell(
        0,
        5.5,
        "This year I asked the board to look harder at the winter timetable. "
        "We heard from more than four hundred islanders, and their letters shaped every page.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(3)
    for line in signature:
        pdf.cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    if then:
        pdf.set_font("Helvetica", "B", 13)
        pdf.cell(0, 8, then, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Times", "", 11)
        pdf.multi_cell(0, 5.5, prose(1, 3), new_x="LMARGIN", new_y="NEXT")
    return pdf


def test_a_chairs_letter_signed_name_comma_role_has_no_signature_sentence(
    tmp_path: Path,
) -> None:
    article = _article(tmp_path, _letter(["Tom Reyes, Chair"]))
    texts = _texts(article)
    assert not any("Tom Reyes" in t for t in texts), texts
    signed = "We heard from more than four hundred islanders, and their letters shaped every page."
    assert signed in texts
    assert any(t.startswith("Fuel took a larger share") for t in texts)


def test_a_signature_over_two_lines_or_after_a_dash_at_the_end_is_no_sentence(
    tmp_path: Path,
) -> None:
    article = _article(tmp_path, _letter(["Amal Haddad", "Chief Executive"]))
    assert not any("Amal Haddad" in t or "Chief Executive" in t for t in _texts(article))
    article = _article(tmp_path, _letter(["- Amal Haddad"], then=None))
    assert not any("Amal Haddad" in t for t in _texts(article)), _texts(article)


def test_a_closing_line_that_names_no_one_or_a_list_of_people_stays(tmp_path: Path) -> None:
    article = _article(tmp_path, _letter(["Thanks to every crew member."]))
    assert "Thanks to every crew member." in _texts(article)
    article = _article(tmp_path, _letter(["- Ana Lima, Treasurer", "- Bo Chen, Secretary"]))
    assert any("Ana Lima" in t for t in _texts(article)) and any(
        "Bo Chen" in t for t in _texts(article)
    )


def test_signature_lines() -> None:
    assert signature_line("— Ines Marchetti, Executive Director") == "Ines Marchetti"
    assert signature_line("Tom Reyes, Chair") == "Tom Reyes"
    assert signature_line("– Amal Haddad") == "Amal Haddad"
    assert signature_line("Amal Haddad", "Chief Executive") == "Amal Haddad"
    assert signature_line("Amal Haddad") is None  # a name alone may be a heading
    assert signature_line("Tom Reyes, who chairs the board.") is None
    assert signature_line("Harbour Road, Kirkwall") is None
    assert signature_line("— see the annex") is None


def _journal(header: str, footer: str | None = None, title: str = "Pricing the Crossing") -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    for page in range(2):
        pdf.add_page()
        if page == 0:
            pdf.set_font("Helvetica", "", 8)
            pdf.set_xy(20, 12)
            pdf.cell(0, 4, header)
            pdf.set_font("Helvetica", "B", 17)
            pdf.set_xy(20, 26)
            pdf.cell(0, 8, f"{title}: Ferry Fares and Island Incomes")
            pdf.set_font("Helvetica", "", 10)
            pdf.set_xy(20, 38)
            pdf.cell(0, 5, "Morag Lindqvist and Dev Anand")
            pdf.set_xy(20, 52)
        else:
            pdf.set_xy(20, 25)
        pdf.set_font("Times", "B", 12)
        pdf.cell(0, 7, ("1. Introduction", "2. Fares")[page], new_x="LMARGIN", new_y="NEXT")
        pdf.set_x(20)
        pdf.set_font("Times", "", 10.5)
        pdf.multi_cell(170, 5.2, prose(page * 3, 3), new_x="LMARGIN", new_y="NEXT")
        if footer:
            pdf.set_font("Helvetica", "", 8)
            pdf.set_xy(20, 285)
            pdf.cell(0, 4, f"{footer}    {201 + page}")
    return pdf


def test_a_journal_header_in_another_style_gives_the_journal_and_its_year(
    tmp_path: Path,
) -> None:
    article = _article(tmp_path, _journal("Review of Coastal Economics 31(2): 201-219, 2023"))
    assert article.publication == "Review of Coastal Economics"
    assert article.date == "2023"
    assert not any("Coastal Economics" in t for t in _texts(article))
    assert "Review of Coastal Economics" not in article.sections


def test_an_issue_line_with_a_month_gives_the_month(tmp_path: Path) -> None:
    header = "Island Studies Quarterly, Volume 8, Issue 4, November 2022, Pages 14-29"
    article = _article(tmp_path, _journal(header))
    assert (article.publication, article.date) == ("Island Studies Quarterly", "2022-11")


def test_a_journal_named_only_in_the_footer_is_the_publication(tmp_path: Path) -> None:
    footer = "Review of Coastal Economics 31(2)"
    article = _article(tmp_path, _journal("Original research article", footer))
    assert article.publication == "Review of Coastal Economics"
    assert article.date != "2023"


def test_a_volume_of_the_report_itself_is_no_journal(tmp_path: Path) -> None:
    """A line naming the report's own title with a volume and issue names the report, not a
    journal; a volume with no issue or pages ("Annex, Vol. 2") is no citation line."""
    own = "Pricing the Crossing, Vol. 2, No. 1 (2024)"
    article = _article(tmp_path, _journal(own, title="Pricing the Crossing"))
    assert article.publication != "Pricing the Crossing"
    assert citation("Annex, Vol. 2") is None
    assert citation("Annual Report, Volume 2 (2024)") is None
    found = citation("Coastal Management, Vol. 40, pp. 88-97, 2012")
    assert found is not None and (found.journal, found.date) == ("Coastal Management", "2012")


def test_citation_lines() -> None:
    found = citation("Journal of Island Policy, Vol. 5, No. 1 (2021), pp. 3-20")
    assert found is not None and (found.journal, found.date) == ("Journal of Island Policy", "2021")
    found = citation("Marine Policy 26 (4), 2019")
    assert found is not None and (found.journal, found.date) == ("Marine Policy", "2019")
    found = citation("Official Gazette / Vol. 12, No. 40 / Monday, March 3, 2025 / Notices")
    assert found is not None and (found.journal, found.date) == ("Official Gazette", "2025-03-03")
    found = citation("Transport Reviews 44(1)")
    assert found is not None and (found.journal, found.date) == ("Transport Reviews", None)
    # a reference entry, a sentence and a bare volume are no citation lines
    entry = "Okafor, C. (2018) 'Rural tariffs', Development Review, 14(4), pp. 1-9."
    assert citation(entry) is None
    assert citation("The ferries carried 12(3) passengers per sailing in 2020") is None
    assert citation("Volume 3 (2024)") is None


_FONTS = Path("/usr/share/fonts/truetype/dejavu")
_needs_dashes = pytest.mark.skipif(
    not (_FONTS / "DejaVuSerif.ttf").exists(), reason="no DejaVu font to print a dash with"
)


def _quoted(credit_line: str, *, inset: float = 12.0) -> FPDF:
    pdf = _pdf()
    serif = "Times"
    if (_FONTS / "DejaVuSerif.ttf").exists():  # the core fonts print no dash
        serif = "Serif"
        pdf.add_font(serif, "", str(_FONTS / "DejaVuSerif.ttf"))
        pdf.add_font(serif, "I", str(_FONTS / "DejaVuSerif-Italic.ttf"))
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 9, "Waiting Times at the Island Hospital", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 7, "What staff told us", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(serif, "", 11)
    pdf.multi_cell(
        0,
        5.5,
        "Patients from the outer islands wait longest because the ferry decides when they "
        "arrive. The director put it to us in one of the first interviews:",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(2)
    pdf.set_left_margin(25 + inset)
    pdf.set_right_margin(25 + inset)
    pdf.set_x(25 + inset)
    pdf.set_font(serif, "I", 10.5)
    pdf.multi_cell(
        0,
        5,
        "When the last boat leaves at four, a clinic that runs late sends people home without "
        "a scan. We have asked for an evening sailing for three winters in a row.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font(serif, "", 10.5)
    pdf.cell(0, 5, credit_line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_left_margin(25)
    pdf.set_right_margin(25)
    pdf.set_x(25)
    pdf.ln(4)
    pdf.set_font(serif, "", 11)
    pdf.multi_cell(0, 5.5, prose(3, 2), new_x="LMARGIN", new_y="NEXT")
    return pdf


@_needs_dashes
def test_a_set_in_quotation_credited_after_a_dash_is_that_persons_quote(tmp_path: Path) -> None:
    article = _article(tmp_path, _quoted("— Dr Amal Haddad, hospital director"))
    quotes = [q for q in article.quotes if q.text.startswith("When the last boat")]
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.endswith("Amal Haddad")
    assert quotes[0].text.endswith("three winters in a row.")
    assert not any("hospital director" in t for t in _texts(article))
    assert any(t.startswith("Passenger numbers recovered") for t in _texts(article))


def test_a_numbered_participant_in_brackets_is_the_speaker(tmp_path: Path) -> None:
    article = _article(tmp_path, _quoted("(Participant 3)"))
    speakers = [q.speaker for q in article.quotes if q.text.startswith("When the last boat")]
    assert speakers == ["Participant 3"]
    assert not any("(Participant 3)" in t for t in _texts(article))


def test_a_written_source_or_a_line_at_the_margin_credits_no_speaker(tmp_path: Path) -> None:
    article = _article(tmp_path, _quoted("(Okafor, 2018)"))
    assert not any(q.speaker == "Okafor" for q in article.quotes)
    # the same credit at the column's left edge under text at the edge: no block quotation
    article = _article(tmp_path, _quoted("(Participant 3)", inset=0.0))
    assert not any(q.speaker == "Participant 3" for q in article.quotes)


def test_credit_lines() -> None:
    assert credit("(Interviewee 12, district engineer)") == "— Interviewee 12, district engineer"
    assert credit("— Nadia Petrova, ferry captain") == "— Nadia Petrova, ferry captain"
    assert credit("(Respondent R4)") == "— Respondent R4"
    assert credit("(Brandvold et al., 2020, p. 7)") is None
    assert credit("(see Table 2)") is None
    assert credit("(Smith 2019)") is None
