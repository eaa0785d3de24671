"""Held-out set Z: ingest of five documents in layouts nobody on the project wrote a rule for.

tests/data/heldout_z/ holds a national audit office report PDF (a "Key facts" page of large
figures with labels, numbered paragraphs, a figure box with a source note, an appendix table,
footnotes at the foot of pages and a running footer with the HC number; made by
make_audit_pdf.py), a mailing-list digest, a news photo essay saved as HTML, a policy wiki page
in Markdown with admonitions, definition lists, a table and task lists, and an "Ask Me Anything"
thread export with a minister answering users. tests/data/queries_heldout_z.jsonl (38 queries)
was written before anything was run. What the readers get right is asserted; each fault found is
a strict xfail that states the right reading.
"""

from __future__ import annotations

from pathlib import Path

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_z"
REPORT = "school-estate-audit.pdf"
DIGEST = "transport-list-digest.txt"
ESSAY = "flood-defences-photo-essay.html"
WIKI = "remote-working-handbook.md"
AMA = "housing-minister-ama.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


sentence = _SET.sentence


def containing(name: str, part: str) -> list[str]:
    """The sentences of a document that contain PART."""
    return [t for t in texts(name) if part in t]


def test_the_heldout_z_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 29/38 here (in memory) and
    29/38 from `bot eval` on a built index. Misses (built): z02 and z11 (the glued key-facts
    line and the digest's "Today's Topics" list outrank the answer), z16 and z30 and z31 and
    z37 (a neighbour sentence first), z15 (the digest quote's speaker is "My", so the speaker
    option finds nothing), z34 and z35 (the AMA answers have no speaker and the minister's quote
    is not read as a quote; the fine query finds nothing over the cut).
    With its reading faults fixed it scores 32 in memory: the floor now."""
    first, total = right_first(searcher(), DATA / "queries_heldout_z.jsonl")
    assert first >= 32, f"held-out Z R@1 fell to {first}/{total}"


# --- the audit office report (pdf reader) -------------------------------------------------------
def test_the_report_title_sections_and_footnotes() -> None:
    report = doc(REPORT)
    assert report.title == "Managing the School Estate: Condition and Repair"
    for heading in (
        "Key facts",
        "Summary",
        "Part One: The condition of the estate",
        "Part Two: Funding and its allocation",
    ):
        assert heading in report.sections
    assert [n.number for n in report.notes] == [1, 2, 3, 4]
    assert report.notes[1].text.startswith("Figures are in 2024-25 prices")
    assert sentence(REPORT, "The Department completed its second")[1] == (1,)
    assert sentence(REPORT, "Schools built between 1945")[1] == (3,)
    assert sentence(REPORT, "The Department provided GBP 1.8 billion")[1] == (4,)
    assert not any(t[:1].isdigit() and t.startswith(("1  ", "2  ", "4  ")) for t in texts(REPORT))


def test_the_report_running_footer_is_no_text_and_pages_are_right() -> None:
    assert not any("HC 412" in t or "Session 2025-26" in t for t in texts(REPORT))
    assert all(
        s.page == "3" for s in doc(REPORT).sentences if s.text.startswith("We estimate that 27%")
    )


def test_the_report_quote_figure_caption_and_source_note() -> None:
    report = doc(REPORT)
    assert {q.speaker for q in report.quotes} == {"Joanna Fairley"}
    caption = [s for s in report.sentences if s.text.startswith("Figure 1:")]
    assert len(caption) == 1 and caption[0].kind == "caption"
    assert caption[0].credit is not None and "National Audit Office analysis" in caption[0].credit


def test_the_report_appendix_table_rows_are_searchable() -> None:
    body = " ".join(texts(REPORT))
    assert "Blocks closed 610" in body and "Survey coverage 71%" in body


def test_the_report_key_facts_pair_each_figure_with_its_own_label() -> None:
    """The "Key facts" page sets each large figure on the left and its label on the right: four
    facts, read as "38% share of school blocks past their expected design life", "1,260 schools
    with at least one block closed or partly closed since 2022", "GBP 1.8bn annual capital
    funding for condition in 2024-25" and "GBP 11.4bn estimated cost of bringing all school
    buildings to a satisfactory condition, 2025". Now the label of one fact runs on into the
    figure of the next ("... condition, 2025 share of school blocks ...", "38% schools with ...",
    "1,260 GBP 1.8bn annual ...")."""
    body = texts(REPORT)
    for fact in (
        "GBP 11.4bn estimated cost of bringing all school buildings to a satisfactory "
        "condition, 2025",
        "38% share of school blocks past their expected design life",
        "1,260 schools with at least one block closed or partly closed since 2022",
        "GBP 1.8bn annual capital funding for condition in 2024-25",
    ):
        assert any(t.rstrip(".") == fact for t in body), fact


def test_the_report_paragraph_numbers_are_not_part_of_the_sentences() -> None:
    """Paragraphs are numbered 1.1 to 1.4 and 2.1 to 2.4 in a hanging column. The number is no
    part of the sentence: "1.2 The estimated cost ...", "1.3 Officials told us ...",
    "1.4 Condition is worst ...", "2.2 Since 2022, ...", "2.3 Most funding ..." and
    "2.4 We recommend ..." must read without their "1.2 " / "2.4 " (1.1 and 2.1 already do)."""
    for start in (
        "The estimated cost of repairing",
        "Officials told us",
        "Condition is worst in the North East",
        "Since 2022, 1,260 schools",
        "Most funding is still allocated",
        "We recommend that the Department",
    ):
        sentence(REPORT, start)
    assert not any(t[:4] in {"1.2 ", "1.3 ", "1.4 ", "2.2 ", "2.3 ", "2.4 "} for t in texts(REPORT))


def test_the_report_title_page_department_is_no_section() -> None:
    """ "Department for Schools" under the title names the body audited; it heads no section,
    and the title page's "Report by the Comptroller and Auditor General / Ordered by the House
    of Commons to be printed on 18 November 2025" is not filed under it. The first section is
    "Key facts"."""
    assert doc(REPORT).sections[0] == "Key facts"


def test_the_report_date_is_the_printed_date() -> None:
    """The title page says "Ordered by the House of Commons to be printed on 18 November
    2025": the date is 2025-11-18, not the day the PDF file was made."""
    assert doc(REPORT).date == "2025-11-18"


def test_the_report_hc_number_is_its_series() -> None:
    """The running footer "HC 412  Session 2025-26  |  Report by the Comptroller and Auditor
    General" gives the report's House of Commons paper number: series names "HC 412"."""
    series = doc(REPORT).series
    assert series is not None and "HC 412" in series


def test_the_report_chart_labels_are_searchable() -> None:
    """Figure 1 is a bar chart with a label and a value per bar (North East 44%, London 31%,
    South West 40%, Midlands 37%). The figures only the chart holds (London's 31%, the South
    West's 40%, the Midlands' 37%) must be findable as text, as the appendix table's rows are."""
    body = " ".join(texts(REPORT))
    assert "London" in body and "31%" in body and "Midlands" in body and "37%" in body


# --- the mailing-list digest (plain-text reader) ------------------------------------------------
def test_the_digest_title_and_message_bodies() -> None:
    digest = doc(DIGEST)
    assert digest.title == "Rural-Transport Digest, Vol 12, Issue 4"
    body = texts(DIGEST)
    for t in (
        "Passenger journeys rose from 41,000 a year on the fixed routes to 63,500 in the "
        "pilot's second year.",
        "Thanks Harriet, those are striking numbers.",
        "The consultation closes on 28 November 2025.",
    ):
        assert t in body


def test_the_digest_masthead_topics_and_footer_are_not_text() -> None:
    """The Mailman masthead ("Send ... submissions to", "To subscribe or unsubscribe ...",
    "When replying, please edit your Subject line ..."), the "Today's Topics:" list and the
    "Digest Footer" block with its unsubscribe link and "End of ... Digest" are list furniture:
    no sentence holds them, and the subtitle is not "Send Rural-Transport mailing list
    submissions to"."""
    digest = doc(DIGEST)
    assert not (digest.subtitle or "").startswith("Send ")
    for t in texts(DIGEST):
        assert not any(
            w in t
            for w in ("unsubscribe", "Today's Topics", "When replying", "End of Rural-Transport")
        ), t


def test_the_digest_message_headers_are_not_text() -> None:
    """Each message opens with "Message: N", Date:, From:, To:, Subject:, Message-ID: and
    Content-Type: lines (the Subject wrapped onto a tab-indented line). None is text, nor glued
    to the body: the first sentence of message 1 reads "Dear all, Several of you asked ..." (or
    without the salutation), and message 3's headers are no sentences of their own."""
    for t in texts(DIGEST):
        assert not any(
            h in t for h in ("Message: ", "Date: ", "From: ", "Subject: ", "Message-ID", "Content-")
        ), t
    assert containing(DIGEST, "Several of you asked")[0].endswith(
        "so here is a summary ahead of the full report next month."
    )


def test_the_digest_signatures_are_not_text() -> None:
    """Sign-offs and signature blocks ("Best regards, Harriet", the "--" block "Harriet Osei /
    Passenger Transport Manager ... Tel: 01632 960 448", "Colin", "-- Colin Pryce | Operations
    Director ...", "Many thanks, Anwen Davies / Policy Officer ...") are no sentences."""
    for t in texts(DIGEST):
        assert not any(
            w in t for w in ("Best regards", "Tel:", "Operations Director", "Many thanks")
        ), t


def test_the_digest_sections_are_the_message_subjects() -> None:
    """A digest's messages are its parts; their subjects head them (without the
    "[Rural-Transport]" tag). The sign-off "Colin" heads nothing: the concessionary-fares
    message is in a section named "Concessionary fares before 9.30am"."""
    digest = doc(DIGEST)
    assert "Colin" not in digest.sections
    fares = [s for s in digest.sentences if s.text.startswith("The consultation closes")]
    assert fares[0].section == "Concessionary fares before 9.30am"


def test_the_digest_quoted_reply_lines_are_no_new_text() -> None:
    """Colin Pryce quotes Harriet's lines with "> " (after "Harriet Osei wrote:"). The quoted
    lines are hers, already read in message 1: no sentence holds a ">" mark or the
    attribution line."""
    for t in texts(DIGEST):
        assert not t.startswith(">") and " > " not in t and "wrote:" not in t, t


def test_the_digest_quote_is_its_senders() -> None:
    """ "My advice to anyone planning one of these is simple: "Budget for the call centre
    before you budget for the software."" is in Colin Pryce's message (From: Colin Pryce):
    the speaker is Colin Pryce, never "My"."""
    speakers = {q.speaker for q in doc(DIGEST).quotes if q.text.startswith("Budget for")}
    assert speakers == {"Colin Pryce"}


# --- the photo essay (html reader) --------------------------------------------------------------
def test_the_essay_metadata_and_furniture() -> None:
    essay = doc(ESSAY)
    assert essay.title == "After the water: a year behind the new flood walls of Carrow"
    assert essay.authors == ("Priya Nandakumar",)
    assert essay.date == "2025-09-21"
    assert essay.publication == "The Northern Courier"
    for t in texts(ESSAY):
        assert not any(
            w in t
            for w in ("cookies", "Share on", "More galleries", "Fenland", "Sign up", "Photograph:")
        ), t


def test_the_essay_captions_are_captions_with_their_credits() -> None:
    _, _, _, kind = sentence(ESSAY, "Engineers test one of the 14")
    assert kind == "caption"
    caps = [s for s in doc(ESSAY).sentences if s.kind == "caption"]
    assert len(caps) == 8
    assert all(s.credit and "Priya Nandakumar" in s.credit for s in caps)


def test_the_essay_quotes_of_ellison_and_abara() -> None:
    quotes = {q.text[:20]: q.speaker for q in doc(ESSAY).quotes}
    assert quotes["The wall makes me fe"] == "Margaret Ellison"
    assert quotes["We built a wall in t"] == "Ruth Abara"


def test_the_essay_keighley_quote_is_his() -> None:
    """ "For Keighley the change is in the way people talk about the river. "People used to
    turn their backs on it," he says. "Now they watch it."": "he" is Tom Keighley, the flood
    warden named in the caption and the sentence before, not Ruth Abara (a woman, quoted two
    paragraphs earlier). Both parts are his."""
    for q in doc(ESSAY).quotes:
        if q.text.startswith(("People used to", "Now they watch")):
            assert q.speaker is not None and q.speaker.endswith("Keighley"), q


# --- the wiki page (markdown reader) ------------------------------------------------------------
def test_the_wiki_sections_notes_definitions_and_table() -> None:
    wiki = doc(WIKI)
    for heading in ("Who can work remotely", "Key terms", "Allowances and equipment"):
        assert heading in wiki.sections
    assert [n.number for n in wiki.notes] == [1, 2]
    assert sentence(WIKI, "In our 2025 staff survey")[1] == (1,)
    assert sentence(WIKI, "Staff who need adjustments")[1] == (2,)
    body = texts(WIKI)
    assert "Anchor day: A day each week when the whole team is expected in the office." in body
    assert "Working from abroad is not covered by this policy." in body
    assert any("26 pounds a month" in t for t in body)
    assert "Agree your pattern of days with your line manager." in body
    assert not any("[ ]" in t or "[x]" in t or "[!WARNING]" in t for t in body)
    assert {g.short: g.long for g in wiki.glossary}["ORS"] == "Office for Regional Statistics"


def test_the_wiki_title_is_its_heading_under_the_metadata_table() -> None:
    """The page's one "# Remote and Hybrid Working Policy" comes after the page-owner table:
    it is the title (not the file name), and no section."""
    wiki = doc(WIKI)
    assert wiki.title == "Remote and Hybrid Working Policy"
    assert "Remote and Hybrid Working Policy" not in wiki.sections


def test_the_wiki_date_is_last_reviewed() -> None:
    """The metadata table's "Last reviewed | 3 February 2026" dates the page: 2026-02-03."""
    assert doc(WIKI).date == "2026-02-03"


def test_the_wiki_page_owner_is_its_author() -> None:
    """ "Page owner | Siobhan Marr (People Policy Team)": the named owner answers for the page;
    the author is Siobhan Marr (without the team in brackets)."""
    assert doc(WIKI).authors == ("Siobhan Marr",)


def test_the_wiki_admonition_markers_are_not_text() -> None:
    """ "!!! note" and "!!! tip "Trial periods"" open indented admonition blocks; the marker
    (and the tip's title) is no part of the sentence: the sentences read "This policy applies
    to permanent and fixed-term staff." and "A manager may agree a trial period of up to three
    months before confirming an arrangement." """
    body = texts(WIKI)
    assert "This policy applies to permanent and fixed-term staff." in body
    assert (
        "A manager may agree a trial period of up to three months before confirming an "
        "arrangement." in body
    )
    assert not any("!!!" in t for t in body)


def test_the_wiki_quote_speaker_is_the_name_alone() -> None:
    """ "Director of People Operations Gareth Lind said ...": the speaker is "Gareth Lind", not
    "People Operations Gareth Lind"."""
    assert {q.speaker for q in doc(WIKI).quotes} == {"Gareth Lind"}


def test_the_wiki_related_pages_links_are_not_text() -> None:
    """The closing "## Related pages" list holds only internal links (Flexible working
    requests, Expenses and allowances, Desk booking guide): navigation, neither a section nor
    sentences."""
    wiki = doc(WIKI)
    assert "Related pages" not in wiki.sections
    assert "Desk booking guide" not in texts(WIKI)


# --- the AMA thread (plain-text reader) ---------------------------------------------------------
def test_the_ama_answers_are_read_as_sentences() -> None:
    body = texts(AMA)
    assert (
        "All fixed-term tenancies become rolling periodic tenancies, and rent can only be "
        "raised once a year, with two months' notice." in body
    )
    assert (
        "The evidence from other countries is that caps reduce the supply of rented homes "
        "over time." in body
    )


def test_the_ama_title_is_the_thread_title() -> None:
    """ "Title: I am Daniel Okafor, Minister for Housing. Ask me anything about ..." gives the
    title (without "Title:"), and the export banner "r/ukpolitics - AMA export" is no text."""
    ama = doc(AMA)
    assert ama.title is not None and ama.title.startswith(
        "I am Daniel Okafor, Minister for Housing"
    )
    assert not any("AMA export" in t or t.startswith("Title:") for t in texts(AMA))


def test_the_ama_date_and_author_are_the_posts() -> None:
    """ "Posted by u/MinisterOkafor_Official (verified) | 12 March 2026 14:00 GMT": the thread
    is dated 2026-03-12 and its author is the minister, Daniel Okafor (who names himself in the
    post)."""
    ama = doc(AMA)
    assert ama.date == "2026-03-12"
    assert ama.authors == ("Daniel Okafor",)


def test_the_ama_comment_headers_are_not_text() -> None:
    """Each comment opens with a header "u/name | N points | 12 March 2026 14:09 GMT" (or
    "Posted by ...", "[deleted] | ...", "[MOD NOTE] u/... (moderator) | ..."). The header is
    no part of the sentence: the minister's first answer begins "Quite a lot changes." and
    Fran's question is "What actually changes for renters on 1 May?"."""
    body = texts(AMA)
    assert "Quite a lot changes." in body
    assert "What actually changes for renters on 1 May?" in body
    for t in body:
        assert " points |" not in t and " GMT" not in t and not t.startswith("u/"), t


def test_the_ama_moderator_notes_and_removed_comments_are_not_text() -> None:
    """ "[MOD NOTE]" comments (verification, "This AMA is now closed", "The thread is locked"),
    the "[deleted] ... [removed by moderator: rule 3]" stub and the closing "Exported ... |
    reddit-thread-exporter v2.4" line are thread furniture, not the article's text."""
    for t in texts(AMA):
        assert not any(
            w in t for w in ("MOD NOTE", "removed by moderator", "thread-exporter", "is locked")
        ), t


def test_the_ama_answers_are_the_ministers() -> None:
    """Sentences in comments by u/MinisterOkafor_Official are the minister's words, like a
    press-conference answer: their speaker is Daniel Okafor; users' questions are theirs (or
    no one's), never his."""
    assert sentence(AMA, "A national landlord database opens")[2] == "Daniel Okafor"
    assert sentence(AMA, "I respect Shelter's work")[2] == "Daniel Okafor"
    assert sentence(AMA, "Is anything being done?")[2] != "Daniel Okafor"


def test_the_ama_ministers_quoted_line_is_his_quote() -> None:
    """ "I won't pretend it's easy: "The target is hard, and it should be hard, because the
    shortage is real."" is said by the minister in his own answer: a quote by Daniel Okafor."""
    assert any(
        q.text.startswith("The target is hard") and q.speaker == "Daniel Okafor"
        for q in doc(AMA).quotes
    )


def test_the_ama_shelter_quote_speaker_is_shelter() -> None:
    """ "Shelter said last week that the reforms "don't go far enough on rents"" (asked by
    u/planningnerd): the speaker is Shelter, not "GMT Shelter" (the header's time zone)."""
    assert {q.speaker for q in doc(AMA).quotes if q.text.startswith("don't go")} == {"Shelter"}


def test_the_ama_quoted_line_in_a_reply_is_no_new_text() -> None:
    """u/brickbybrick88 quotes the minister with "> Planning approvals rose by 17 per cent in
    the last year" and replies "Approvals aren't homes though.": the reply is its own sentence,
    without the quoted line or its ">" mark."""
    assert "Approvals aren't homes though." in texts(AMA)
