"""Markdown papers, notes and treaties: the header lines of a preprint or a methodology note,
formulas and unit exponents in the text, a treaty's lettered sub-points, imprint and signatures."""

from __future__ import annotations

from bot.core.ingest.post_meta import read_imprint, read_meta_line
from bot.core.model import Article
from tests.core.ingested import ingest as ingest_as
from tests.core.ingested import one, texts


def ingest(text: str, name: str = "paper") -> Article:
    return ingest_as(text, ".md", name)


BODY = (
    "## Background\n\n"
    "The wetland was drained in 1962 and restored in 2019. "
    "Water levels have been logged every hour since then.\n"
)


# --- a version or a preprint's status beside the date ------------------------------------------
def test_a_version_line_gives_the_date_and_is_no_subtitle() -> None:
    note = ingest(
        "# Wetland Levels Dataset: Technical Note\n\nRelease 3 | Updated 14 May 2025\n\n" + BODY
    )
    assert note.date == "2025-05-14"
    assert note.subtitle is None
    assert not any("Release 3" in t for t in texts(note))


def test_a_preprint_status_line_gives_the_posted_date_and_no_sentences() -> None:
    paper = ingest(
        "# Restored Wetlands Store Less Carbon Than Expected\n\n"
        "_This is a preprint and has not been peer reviewed. Published 2 June 2025. "
        "Contact: r.okafor@fenland.example_\n\n" + BODY
    )
    assert paper.date == "2025-06-02"
    assert not any(
        t.startswith(("This is a preprint", "Published", "Contact")) for t in texts(paper)
    )


def test_a_line_of_sentences_without_a_date_is_no_meta_line() -> None:
    assert read_meta_line("Preprint, not peer reviewed.") is None
    assert read_meta_line("Published 9 April 2025. The council said so.") is None
    assert read_meta_line("Version 2 of the plan was dropped") is None


# --- formulas and unit exponents ---------------------------------------------------------------
def test_inline_math_keeps_its_underscores_and_money_stays_money() -> None:
    paper = ingest(
        "# Flux Note\n\n## Method\n\n"
        "The flux is $F_{\\text{in}} - F_{\\text{out}}$ over the day. "
        "The pumps cost $40 and the loggers $25 each, paid from the_grant_fund.\n"
    )
    assert "$F_{\\text{in}} - F_{\\text{out}}$" in one(paper, "The flux is").text
    assert "cost $40 and the loggers $25 each" in one(paper, "The pumps cost").text


def test_signed_unit_exponents_are_no_note_markers_but_markers_still_are() -> None:
    paper = ingest(
        "# Flux Note\n\n## Method\n\n"
        "Uptake was 2.4 mol m⁻² s⁻¹ in June and 1.1 µmol L⁻¹ in May. "
        "The sensors were calibrated yearly.²\n\n"
        "[^1]: First note.\n[^2]: Calibration protocol, 2024 edition.\n"
    )
    uptake = one(paper, "Uptake was")
    assert "m⁻² s⁻¹" in uptake.text and "L⁻¹" in uptake.text
    assert tuple(uptake.notes) == ()
    assert tuple(one(paper, "The sensors were").notes) == (2,)


# --- a paper's authors with affiliation marks, their affiliations, a byline's units ------------
def test_marked_authors_with_orcid_links_are_the_authors_and_affiliations_no_text() -> None:
    paper = ingest(
        "# Peat Depth and Water Tables in Restored Fens\n\n"
        "Ruth Okafor<sup>1,2</sup>, Daniel Mbeki<sup>2</sup>* and Sofia Lindqvist<sup>1</sup> "
        "[https://orcid.org/0000-0003-1234-567X](https://orcid.org/0000-0003-1234-567X)\n\n"
        "<sup>1</sup> School of Geography, University of Eastmere\n"
        "<sup>2</sup> Fenland Hydrology Centre, Wisbech\n\n" + BODY
    )
    assert paper.authors == ("Ruth Okafor", "Daniel Mbeki", "Sofia Lindqvist")
    assert paper.subtitle is None
    assert not any("University" in t or "Centre" in t or "Okafor" in t for t in texts(paper))
    assert texts(paper)[0].startswith("The wetland was drained")


def test_marked_names_in_the_body_are_left_as_written() -> None:
    paper = ingest(
        "# Fen Survey\n\n## Who did what\n\n"
        "**Ruth Okafor**¹ led the survey of the northern fens.\n\n"
        "¹ School of Geography, University of Eastmere\n\n"
        "[^1]: Ruth Okafor was then at Eastmere.\n"
    )
    assert one(paper, "Ruth Okafor led the survey").notes == (1,)
    assert [n.text for n in paper.notes] == ["School of Geography, University of Eastmere"]


def test_a_bylines_unit_and_body_after_the_names_are_no_authors() -> None:
    note = ingest(
        "# Fen Water Levels: Method Note\n\nBy Ruth Okafor, Hydrology Team, Fenland Trust\n\n"
        + BODY
    )
    assert note.authors == ("Ruth Okafor",)
    two = ingest("# Fen Water Levels\n\nRuth Okafor and Daniel Mbeki, Hydrology Unit\n\n" + BODY)
    assert two.authors == ("Ruth Okafor", "Daniel Mbeki")
    three = ingest("# Fen Water Levels\n\nBy Ruth Okafor, Daniel Mbeki and Ada Bank\n\n" + BODY)
    assert three.authors == ("Ruth Okafor", "Daniel Mbeki", "Ada Bank")


# --- a treaty's or a bill's lettered sub-points -----------------------------------------------
def test_lettered_sub_points_in_a_list_item_are_sentences_of_their_own() -> None:
    bill = ingest(
        "# Coastal Access Bill\n\n## Section 3 – Duties\n\n"
        "- The authority must, within one year:\n\n"
        "  (i) publish a map of every coastal path;\n\n"
        "  (ii) mark each closed path on that map, giving the reason; and\n\n"
        "  (iii) review the map every five years.\n\n"
        "- The Minister may extend the period by regulations.\n"
    )
    body = texts(bill)
    assert any(t.endswith("The authority must, within one year:") for t in body)
    assert "(i) publish a map of every coastal path;" in body
    assert any(t.startswith("(ii) mark each closed path") for t in body)
    assert "(iii) review the map every five years." in body
    assert any(t.endswith("The Minister may extend the period by regulations.") for t in body)


def test_a_list_items_second_paragraph_without_a_letter_stays_with_the_item() -> None:
    bill = ingest(
        "# Coastal Access Bill\n\n## Section 3 – Duties\n\n"
        "1. The authority must publish a map\n\n"
        "   of every coastal path within one year.\n\n"
        "2. The Minister may extend the period.\n"
    )
    assert any(
        "The authority must publish a map of every coastal path within one year." in t
        for t in texts(bill)
    )


# --- an imprint line and a signatures block ---------------------------------------------------
def test_an_issued_by_line_names_the_publisher_and_series_and_is_no_subtitle() -> None:
    doc = ingest(
        "# Agreement on the Upper Tarn Fisheries\n\n"
        "Issued by the Office for River Fisheries, Occasional Paper No. 3, Toulouse\n\n" + BODY
    )
    assert doc.publication == "Office for River Fisheries"
    assert doc.series == "Occasional Paper No. 3"
    assert doc.subtitle is None
    assert not any("Issued by" in t for t in texts(doc))


def test_a_sentence_opening_published_by_is_no_imprint() -> None:
    assert read_imprint("Published by the Ministry, which said the cuts were needed") is None
    assert read_imprint("Published by the Ministry of Health in 2020 after a review") is None
    doc = ingest(
        "# Fisheries Agreement\n\n## History\n\n"
        "Published by the Office for River Fisheries, Toulouse\n\nThe agreement dates from 1990.\n"
    )
    assert doc.publication is None
    assert "Published by the Office for River Fisheries, Toulouse" in texts(doc)


def test_the_signatures_after_a_rule_are_under_no_article() -> None:
    doc = ingest(
        "# Agreement on the Upper Tarn Fisheries\n\n"
        "## Article 1\n\nThe parties share the catch.\n\n"
        "## Article 9 – Duration\n\nThis Agreement runs for ten years.\n\n---\n\n"
        "In faith whereof the undersigned have signed this Agreement.\n\n"
        "For the Tarn Anglers' Union: **Marc Delbosc**, President\n\n"
        "## Annex\n\nThe catch limits are set each spring.\n"
    )
    signing = [s for s in doc.sentences if s.text.startswith(("In faith", "For the Tarn"))]
    assert len(signing) == 2 and all(s.section == "" for s in signing)
    assert doc.sections == ("Article 1", "Article 9 – Duration", "Annex")
    assert one(doc, "The catch limits").section == "Annex"


def test_a_rule_inside_an_article_keeps_its_text_in_the_article() -> None:
    doc = ingest(
        "# Agreement\n\n## Article 9 – Duration\n\nThis Agreement runs for ten years.\n\n---\n\n"
        "It may be renewed by an exchange of letters.\n"
    )
    assert one(doc, "It may be renewed").section == "Article 9 – Duration"


def test_a_person_publishing_is_no_imprint() -> None:
    assert read_imprint("Published by Jane Doe") is None
    post = ingest("# Fen Restoration\n\nPublished by Jane Doe\n\n" + BODY)
    assert post.publication is None
