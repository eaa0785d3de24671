"""Held-out set J: ingest of five documents in layouts nobody on the project wrote a rule for.

tests/data/heldout_j/ holds an NGO annual report PDF (cover page with "Prepared by", a signed
foreword, numbered sections, a shaded case-study box, running header and "Page N of M" footer,
footnotes with URLs, "Ibid." and "op. cit.", a spending table; made by make_annual_report_pdf.py),
a saved magazine feature page full of furniture (cookie banner, share buttons, "Most read",
newsletter box, comments), a Substack-style Markdown post with YAML front matter and footnotes, a
Hansard-style debate record, and a plain-text wire export carrying three stories.
tests/data/queries_heldout_j.jsonl (40 queries) was written before anything was run. What the
readers get right is asserted; each fault found is a strict xfail that states the right reading.
"""

from __future__ import annotations

from pathlib import Path

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_j"
REPORT = "wellspring-annual-report-2024.pdf"
FEATURE = "saltmarsh-holme-retreat.html"
POST = "bus-fare-cap-fiscal.md"
DEBATE = "rural-bus-services-debate.txt"
WIRE = "meridian-wire-2025-03-03.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


sentence = _SET.sentence


def test_the_tenth_heldout_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 32/40 here (no word vectors) and
    32/40 from `bot eval` on a built index; 33/40 both once the debate's member labels were read
    (j33, Helen Garside's words, had gone to the minister). Misses here: three come from ingest
    faults below (j05 the report's authors are not read, j25 the post's blockquote has no
    speaker, j39 the Peru story's byline is lost); the rest
    are ranking: j07 the box's first sentence outranks its repair time, j27 the minister's
    "£2 fare" sentence outranks the post's £1.80 subsidy, j28 "BSIP money" finds the
    consultation answer first, j30 with the typo "hosptial" the minister's reply ("I would be
    glad to meet the hon. Gentleman.") comes first. Built, j30 is right and j12 (sea wall cost)
    falls to rank 2 behind the standfirst.
    After the seventh round of fixes (every fault of the set): 35/40 in memory."""
    first, total = right_first(searcher(), DATA / "queries_heldout_j.jsonl")
    assert first >= 35, f"tenth held-out R@1 fell to {first}/{total}"


# --- the NGO annual report (pdf reader) ---------------------------------------------------------
def test_the_report_cover_gives_title_subtitle_publisher_and_date() -> None:
    report = doc(REPORT)
    assert report.title == "Water Within Reach"
    assert report.subtitle == "Annual Report 2024"
    assert report.publication == "Wellspring Water Alliance"
    assert report.date == "2025-06"


def test_the_report_numbered_sections_and_the_case_study_box() -> None:
    sections = doc(REPORT).sections
    for heading in (
        "Foreword",
        "1. Where the money went",
        "1.1 Repair before replace",
        "1.2 Spending by programme",
        "2. What we learned",
        "2.1 Water quality",
        "3. The year ahead",
        "3.1 Risks",
    ):
        assert heading in sections
    # the shaded box is read whole, apart from the paragraphs around it
    body = texts(REPORT)
    assert "Their average repair took 2.5 days, against 19 days when the county sent a crew." in (
        body
    )
    assert (
        body.index("Repairs last.")
        == body.index(
            "The mechanics now charge each household 50 shillings a month, "
            "which pays for the parts."
        )
        + 1
    )
    assert any(q.speaker == "Grace Mwende" for q in doc(REPORT).quotes)


def test_the_report_running_header_footer_and_pages_are_not_text() -> None:
    for t in texts(REPORT):
        assert "Page " not in t and "Annual Report 2024" not in t, t
    assert sentence(REPORT, "Total spending in 2024")[0] == (
        "Total spending in 2024 was USD 48.6 million, down from USD 52.1 million in 2023."
    )
    pages = {s.text[:20]: s.page for s in doc(REPORT).sentences}
    assert pages["Total spending in 20"] == "2"
    assert pages["Repairs last."] == "3"
    assert pages["We have set aside a "] == "4"


def test_the_report_footnotes_at_the_foot_of_pages_are_notes_cited_by_their_markers() -> None:
    report = doc(REPORT)
    assert [n.number for n in report.notes] == [1, 2, 3, 4, 5, 6]
    notes = {n.number: n for n in report.notes}
    assert notes[2].url == "https://jmg-water.org/census-2024"
    assert notes[2].accessed == "2025-02-12"
    assert notes[2].text.startswith("Rural Water Point Census 2024")
    # "Ibid., p. 14." and "Joint Monitoring Group, op. cit., p. 22." point back to note 2
    assert notes[3].refers_to == 2 and notes[3].page == "14"
    assert notes[5].refers_to == 2 and notes[5].page == "22"
    assert sentence(REPORT, "Total spending in 2024")[1] == (1,)
    assert sentence(REPORT, "Across the three countries")[1] == (2,)
    assert sentence(REPORT, "The repair budget grew")[1] == (3,)
    assert sentence(REPORT, "Of the pumps we mended")[1] == (4,)
    assert sentence(REPORT, "In Bangladesh, 12 per cent")[1] == (5,)
    assert sentence(REPORT, "In 2025 we will put")[1] == (6,)
    assert not any("accessed" in t or "http" in t for t in texts(REPORT))


def test_the_report_table_rows_and_caption() -> None:
    body = texts(REPORT)
    assert any("Pump repair and maintenance" in t and "14.7" in t for t in body)
    assert any("New water points" in t and "21.9" in t and "12.3" in t for t in body)
    assert sentence(REPORT, "Table 1. Spending by programme")[3] == "caption"


def test_the_report_authors_are_the_two_names_under_prepared_by() -> None:
    """Under "Prepared by" on the cover: "Marisol Ekwueme, Head of Programmes" and "Dr Henrik
    Aalto-Mensah, Chief Economist". The authors are the names without their roles."""
    assert doc(REPORT).authors == ("Marisol Ekwueme", "Dr Henrik Aalto-Mensah")


def test_the_report_foreword_signature_is_no_sentence() -> None:
    """The foreword ends with its signature "— Ines Marchetti, Executive Director": who signed
    it, not a sentence of the report (it answers no /fact)."""
    assert not any("Ines Marchetti" in t for t in texts(REPORT))
    assert texts(REPORT)[5].startswith("Total spending in 2024")


# --- the magazine feature (html reader) ---------------------------------------------------------
def test_the_feature_page_gives_its_metadata_from_meta_tags_and_byline() -> None:
    page = doc(FEATURE)
    assert page.title == "The village that agreed to move inland"
    assert page.authors == ("Priya Castellanos", "Joel Ferreira-Nunn")
    assert page.date == "2025-05-18"
    assert page.publication == "The Longitude Review"
    assert page.sections == ("A field, and a price", "Who stays", "The school goes first")
    assert (page.subtitle or "").startswith("Saltmarsh Holme is losing two metres")


def test_the_feature_page_drops_the_furniture() -> None:
    furniture = (
        "cookies",
        "Accept all",
        "Share",
        "Copy link",
        "Sign up",
        "newsletter",
        "Most read",
        "Scarp Island",
        "Comments",
        "heartbreaking",
        "Log in",
        "All rights reserved",
        "min read",
        "climate correspondent",
    )
    for t in texts(FEATURE):
        assert not any(word in t for word in furniture), t
    # the drop cap's initial is joined to its word
    assert texts(FEATURE)[3].startswith("When the parish council of Saltmarsh Holme")


def test_the_feature_captions_carry_their_photo_credits() -> None:
    page = doc(FEATURE)
    captions = [s for s in page.sentences if s.kind == "caption"]
    assert [c.text for c in captions] == [
        "The last house on Cliff Road, Saltmarsh Holme, stands four metres from the edge.",
        "The 11-hectare field where the new village would be built, seen from the Norwich road.",
    ]
    assert "Ruth Abernethy/Coastline Pictures" in (captions[0].credit or "")
    assert "Joel Ferreira-Nunn/The Longitude Review" in (captions[1].credit or "")
    assert not any("Photo:" in t for t in texts(FEATURE))


def test_the_feature_quotes_have_their_speakers_however_attributed() -> None:
    quotes = doc(FEATURE).quotes
    by = {q.text: q.speaker for q in quotes}
    assert by["We looked at that number and we looked at each other"] == "Hazel Tremlett"
    # "X, who ..., says" then the quote, then "he says"
    assert by["We have priced sea walls for a century. We have never priced a move"] == (
        "Samuel Ofori-Atta"
    )
    # "said the head teacher, Mrs Bronwen Idowu"
    assert by["If the school moves, the young families move with it"] == "Bronwen Idowu"
    assert by["in a box, or in a boat, and not before."] == "Arthur Penhaligon"
    pulls = {q.speaker for q in quotes if q.kind == "pull"}
    assert pulls == {"Hazel Tremlett", "Samuel Ofori-Atta"}
    # the pull quotes are not body sentences a second time
    body = texts(FEATURE)
    assert body.count("We have priced sea walls for a century.") <= 1


# --- the Markdown post (markdown reader) --------------------------------------------------------
def test_the_post_front_matter_and_footnotes() -> None:
    post = doc(POST)
    assert post.title == "The Fare Cap Was Never Really About Buses"
    assert post.subtitle == (
        "Why a flat £2 ticket has quietly become a subsidy for the towns that need it least"
    )
    assert post.authors == ("Marguerite Oyelaran",)
    assert post.date == "2025-02-03"
    assert post.sections == (
        "What the cap bought",
        "The routes that disappeared",
        "What officials say",
        "A better use of £600 million",
    )
    assert [n.number for n in post.notes] == [1, 2, 3, 4]
    notes = {n.number: n for n in post.notes}
    assert notes[2].url == "https://www.gov.example/bus-statistics-2024"
    assert notes[2].accessed == "2025-01-28"
    assert "4,800 passengers in nine regions" in notes[3].text
    assert sentence(POST, "Two years and four extensions later")[1] == (1,)
    assert sentence(POST, "Bus journeys outside London")[1] == (2,)
    assert sentence(POST, "A survey by the Passenger Transport")[1] == (3,)
    assert sentence(POST, "But a policy surviving")[1] == (4,)
    assert not any("[^" in t or "---" in t for t in texts(POST))


def test_the_post_list_items_caption_and_acronym() -> None:
    body = texts(POST)
    assert "Cost per extra journey: roughly £3.15" in body
    assert "Rural routes withdrawn since 2022: 1,140" in body
    text, _, _, kind = sentence(POST, "The number 58 at Clunbury")
    assert kind == "caption" and "Photo:" not in text
    assert {g.short: g.long for g in doc(POST).glossary}["PTO"] == (
        "Passenger Transport Observatory"
    )


def test_the_post_blockquote_is_the_named_officials_quote() -> None:
    """ "... a speech by the Director of Local Transport, Callum Strachan-Oduya, to the bus
    operators' conference ...:" then a > blockquote in quotation marks: his words. /quote finds
    "A fare cap is the one bus policy every passenger understands the first time they hear it."
    with speaker Callum Strachan-Oduya."""
    quotes = doc(POST).quotes
    assert any(
        q.speaker == "Callum Strachan-Oduya"
        and q.text.startswith("A fare cap is the one bus policy every passenger understands")
        for q in quotes
    )


def test_the_post_author_note_at_the_foot_is_not_body_text() -> None:
    """ "*Marguerite Oyelaran writes Fare Stage, a newsletter about transport and public money.
    She was formerly ...*" is the author's blurb (like an HTML "About the author"), not the
    post's text: no sentence of the last section comes from it. (As the italic bios of sets I
    and L, it is read as the author's bio: sentences of kind "bio", in no section.)"""
    post = doc(POST)
    body = [s.text for s in post.sentences if s.kind != "bio"]
    assert body[-1] == "The cheaper option, for once, is also the fairer one."
    assert not any("writes Fare Stage" in t or "formerly a transport economist" in t for t in body)
    for s in post.sentences:
        if "writes Fare Stage" in s.text or "formerly a transport economist" in s.text:
            assert s.kind == "bio" and not s.section, s


# --- the Hansard-style debate (plain-text reader) -----------------------------------------------
def test_the_debate_short_labels_give_the_turns_their_speakers() -> None:
    """ "Tom Reilly:", "Ms Okoro:", "Mr Speaker:", "Priya Mandal:" are read as turns."""
    assert sentence(DEBATE, "The Minister will know")[2] == "Tom Reilly"
    assert sentence(DEBATE, "I would be glad to meet")[2] == "Adaeze Okoro"
    assert sentence(DEBATE, "He makes a fair point")[2] == "Adaeze Okoro"
    assert sentence(DEBATE, "The hon. Lady has had her supplementary.")[2] == "Mr Speaker"
    assert sentence(DEBATE, "Does my hon. Friend agree")[2] == "Priya Mandal"
    assert sentence(DEBATE, "It requires an authority to consult")[2] == "Adaeze Okoro"
    assert {g.short: g.long for g in doc(DEBATE).glossary}["BSIP"] == (
        "Bus Service Improvement Plan"
    )
    assert not any(t.startswith(("Ms Okoro:", "Tom Reilly:", "Mr Speaker:")) for t in texts(DEBATE))


def test_the_debate_date_is_the_sitting_date() -> None:
    """The header's "Tuesday 11 March 2025" (under "HOUSE OF COMMONS") is the record's date."""
    assert doc(DEBATE).date == "2025-03-11"


def test_the_debate_house_is_the_publication_and_the_first_debate_heading_the_title() -> None:
    """ "HOUSE OF COMMONS" is who publishes the record, "Tuesday 11 March 2025" its date; the
    title is the first debate's heading "Rural Bus Services"."""
    debate = doc(DEBATE)
    assert (debate.publication or "").lower() == "house of commons"
    assert debate.title == "Rural Bus Services"
    assert debate.subtitle != "Tuesday 11 March 2025"


def test_the_debate_first_question_is_a_sentence_of_its_own() -> None:
    """The first turn is "Tom Reilly (Eastfield) (Lab): What assessment the Secretary of State
    has made ...": the sentence is the question alone, his, and the header lines are no text."""
    text, _, speaker, _ = sentence(DEBATE, "What assessment the Secretary of State")
    assert text == (
        "What assessment the Secretary of State has made of the number of rural bus routes "
        "withdrawn since 2022."
    )
    assert speaker == "Tom Reilly"
    assert not any("The House met" in t or "PRAYERS" in t for t in texts(DEBATE))


def test_the_debate_column_numbers_are_furniture_and_the_debates_are_the_sections() -> None:
    """ "Column 412" ... "Column 416" between paragraphs are the Official Report's column
    numbers (page furniture, like a page number): no section and no text. The sections are the
    two debates, "Rural Bus Services" and "Bus Services (Rural Access) Bill". (Now an answer
    cites 'section "Column 413"'.)"""
    debate = doc(DEBATE)
    assert debate.sections == ("Rural Bus Services", "Bus Services (Rural Access) Bill")
    assert not any("Column 41" in t for t in texts(DEBATE))


def test_the_debate_labels_with_constituency_and_party_are_turns_of_that_member() -> None:
    """ "Name (Constituency) (Party):" opens a turn of that member (titles Mrs/Dr/Sir dropped as
    for any speaker); the label is no part of the sentence, and /quote gives the member."""
    assert sentence(DEBATE, "Does the Minister accept that the flat fare cap")[2] == (
        "Helen Garside"
    )
    assert sentence(DEBATE, "In North Fenmoor, 14 of our 31 routes")[2] == "Ewan Lockhart"
    assert sentence(DEBATE, "Will my hon. Friend give way?")[2] == "Priya Mandal"
    assert sentence(DEBATE, "On a point of order, Mr Speaker.")[2] == "Geoffrey Whitlow"
    assert sentence(DEBATE, "The Minister calls a cross-boundary route")[2] == "Tom Reilly"
    assert sentence(DEBATE, "But a duty to consult is not a duty")[2] == "Helen Garside"
    assert not any(") (Con):" in t or ") (Lab):" in t or ") (LD):" in t for t in texts(DEBATE))
    assert any(
        q.speaker == "Helen Garside" and "a duty to consult is not a duty" in q.text
        for q in doc(DEBATE).quotes
    )


def test_the_debate_office_label_names_the_minister() -> None:
    """ "The Minister for Transport (Ms Adaeze Okoro):" opens a turn of Adaeze Okoro (the name
    in brackets); the label is not text."""
    assert sentence(DEBATE, "Local authorities in England reported 1,140")[2] == "Adaeze Okoro"
    assert sentence(DEBATE, "I beg to move")[2] == "Adaeze Okoro"
    assert not any(t.startswith("The Minister for Transport (") for t in texts(DEBATE))


def test_the_debate_procedural_lines_belong_to_no_speaker() -> None:
    """The record's own lines — "Several hon. Members rose—", "Motion made, and Question
    proposed, ...", "Question put and agreed to.", "Bill accordingly read a Second time.",
    "Ordered, That ...", the time "12.47 pm" — are nobody's words: no speaker, no quote (and the
    time is no sentence)."""
    for start in (
        "Several hon. Members rose",
        "Motion made, and Question proposed",
        "Question put and agreed to.",
        "Bill accordingly read a Second time.",
        "Ordered, That the Bill",
    ):
        assert sentence(DEBATE, start)[2] is None, start
    procedural = ("rose—", "Question put", "accordingly read", "Ordered,", "Motion made", "12.47")
    assert not any(any(p in q.text for p in procedural) for q in doc(DEBATE).quotes)
    assert "12.47 pm" not in texts(DEBATE)


# --- the three-story wire export (plain-text reader) --------------------------------------------
def test_the_wire_first_story_reads_with_its_dateline_off_and_its_quotes() -> None:
    wire = doc(WIRE)
    assert wire.date == "2025-03-03"
    assert "Wanjiru Kamau" in wire.authors
    assert texts(WIRE)[0].startswith("Kenya began paying drought insurance to 41,000")
    by = {q.text: q.speaker for q in wire.quotes}
    assert by[
        "This is the fastest we have ever paid, eleven days from the trigger to the phone"
    ] == ("Daniel Mutua")
    assert (
        by[
            "The metal is not lost. It is sitting in warehouses at the mine, and it will move "
            "when the road opens"
        ]
        == "Rosa Villanueva"
    )
    assert (
        by["We did not subsidise the ferries. We wrote the contracts so that the clean ferry won"]
        == "Kari Lunde"
    )
    assert {g.short for g in wire.glossary} == {"KLIP", "LME", "NPRA"}
    assert not any("END" in t for t in texts(WIRE))


def test_the_wire_service_line_is_the_publication_not_the_title() -> None:
    """ "MERIDIAN NEWS SERVICE | WORLD ECONOMY WIRE | 03 MAR 2025 | 0615 GMT | 3 ITEMS" names the
    service (the publication "Meridian News Service") and the date; the title is the first
    story's headline, "Kenya pays out drought insurance to 41,000 herders as rains fail"."""
    wire = doc(WIRE)
    assert wire.publication is not None and wire.publication.lower() == "meridian news service"
    assert wire.title == "Kenya pays out drought insurance to 41,000 herders as rains fail"


def test_the_wire_credit_and_contact_lines_are_no_text_and_headlines_no_sentences() -> None:
    """Each story ends "(Reporting by X; Editing by Y)", the first one also "((email; phone))",
    then "-- END --". None of these is text, and the next story's headline ("Peru copper exports
    slip 6 pct as mine blockades bite") is not glued onto them."""
    for t in texts(WIRE):
        assert "Reporting by" not in t and "Editing by" not in t and "@" not in t, t
        assert "Peru copper exports slip" not in t and "Norway's electric ferries cut" not in t, t


def test_the_wire_stories_are_sections_under_their_headlines() -> None:
    """Three stories, each "headline / By ... / DATELINE - text": the later stories' sections are
    their headlines, not their bylines."""
    assert doc(WIRE).sections == (
        "Peru copper exports slip 6 pct as mine blockades bite",
        "Norway's electric ferries cut fjord emissions by half, operator says",
    )


def test_the_wire_authors_are_every_storys_byline() -> None:
    """ "By Wanjiru Kamau", "By Lucía Quispe and Hal Beresford", "By Ingrid Halvorsen": the export's
    authors are all four, so "who wrote the Peru copper story" can be answered."""
    assert doc(WIRE).authors == (
        "Wanjiru Kamau",
        "Lucía Quispe",
        "Hal Beresford",
        "Ingrid Halvorsen",
    )


def test_the_wire_later_datelines_come_off_their_first_sentences() -> None:
    """As for the first story ("NAIROBI, March 3 (Meridian) - " is not text), the later stories'
    first sentences start after their datelines."""
    body = texts(WIRE)
    assert any(t.startswith("Peru's copper exports fell 6 percent in January") for t in body)
    assert any(t.startswith("Norway's electric car ferries cut carbon dioxide") for t in body)
    assert not any(t.startswith(("LIMA,", "OSLO,")) for t in body)


def test_the_wire_copyright_footer_is_not_text() -> None:
    """ "(c) Meridian News Service 2025. All rights reserved. Republication ..." is the service's
    footer, not the last story's text."""
    for t in texts(WIRE):
        assert "All rights reserved" not in t and "Republication" not in t, t
    assert texts(WIRE)[-1].startswith("Battery ferries cost about 30 percent more")
