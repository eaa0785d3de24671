"""Held-out set P: ingest of five documents in layouts the project had not met.

tests/data/heldout_p/ holds a saved Wikipedia-style encyclopedia page (infobox, contents box,
"[edit]" links, reference markers, a lettered explanatory note, "[citation needed]", "See
also", a navbox), a report saved from Microsoft Word as a web page (MsoTitle/MsoNormal
paragraphs, <o:p> tags, conditional comments, _ftn footnotes, byline and date typed as
paragraphs), a Hugo post with YAML front matter, {{< figure >}} shortcodes, pandoc footnotes and
an attributed block quote, a PDF policy brief (cover page, dotted contents, shaded summary box,
hyphenated line ends, page-foot footnotes with one running on to the next page, running header
and footer; made by make_flood_brief_pdf.py) and a video transcript exported from subtitles
(numbered cues with timecodes, ">> NAME:" and "[Narrator]" tags, "[music]"/"[applause]" cues).
tests/data/queries_heldout_p.jsonl (39 queries) was written and committed before anything was
run. What the readers get right is asserted; each fault found is a strict xfail that states the
right reading.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_p"
WIKI = "congestion-charge-varnholm.html"
WORD = "school-meals-review.html"
POST = "heat-pump-grants.md"
BRIEF = "coastal-flood-insurance-brief.pdf"
VIDEO = "bus-network-town-hall.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


sentence = _SET.sentence


def test_the_sixteenth_heldout_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 29/39 here (no word vectors)
    and 28/39 from `bot eval` on a built index. The built misses: three ingest faults (p14 the
    Word report's authors and p33 the brief's authors are not read; p24 the figure shortcode's
    caption is dropped), four from the transcript's cue furniture (p34 and p39 "dial a ride"
    find nothing clean, p37 Sunita Rao and p38 the mayor have no quotes), p09 where the Word
    report's title, kept as a body sentence, outranks the budget sentence, and ranking misses
    at rank 2 or lower: p04 (the note's reason is a body line under "Notes"), p11 "uptake", p12
    "per plate"."""
    first, total = right_first(searcher(), DATA / "queries_heldout_p.jsonl")
    assert first >= 35, f"sixteenth held-out R@1 fell to {first}/{total}"


# --- the encyclopedia page (html reader) --------------------------------------------------------
def test_the_encyclopedia_page_keeps_the_article_and_drops_the_wiki_furniture() -> None:
    page = doc(WIKI)
    assert page.title == "Varnholm congestion charge"
    assert page.publication == "Wikipedia"
    for heading in ("History", "Charging scheme", "Traffic and emissions", "Retail", "Criticism"):
        assert heading in page.sections
    assert not any(h in page.sections for h in ("Contents", "See also", "References"))
    furniture = (
        "[edit]",
        "edit",
        "citation needed",
        "Contents",
        "Road pricing in Nordmark",
        "Stockholm congestion tax",
        "Categories",
        "Creative Commons",
        "last edited",
        "From Wikipedia",
        "Random article",
    )
    for t in texts(WIKI):
        assert not any(word in t for word in furniture), t
    assert "Cycling trips into the centre roughly doubled between 2012 and 2022." in texts(WIKI)


def test_the_encyclopedia_references_are_notes_with_their_urls_and_access_dates() -> None:
    page = doc(WIKI)
    # the ten references keep their numbers (the lettered note is numbered after them)
    assert [n.number for n in page.notes][:10] == list(range(1, 11))
    notes = {n.number: n for n in page.notes}
    assert notes[1].url == "https://vta.example.no/charge/about"
    assert notes[1].accessed == "2024-03-03"
    assert "Retrieved" not in notes[1].text
    assert notes[9].url == "https://lvtu.example.no/cordon.pdf"
    assert sentence(WIKI, "Traffic crossing the cordon")[1] == (2,)
    assert sentence(WIKI, "In the referendum that followed")[1] == (4,)
    # the marker after the lettered note is [7], whose list entry is cite_note-8
    assert sentence(WIKI, "A 2017 evaluation")[1] == (7,)
    assert "Haugen, Liv; Moe, Erik (2017)" in notes[7].text
    assert sentence(WIKI, "The union's chair")[1] == (10,)


def test_the_encyclopedia_critic_is_quoted() -> None:
    assert any(
        q.speaker == "Petter Alnes" and q.text.startswith("taxes the night-shift cleaner")
        for q in doc(WIKI).quotes
    )


def test_the_encyclopedia_lettered_note_is_a_note_of_its_sentence_not_body_text() -> None:
    """The "Notes" list (class reflist-lower-alpha, one entry, cite_note-7, cited as [a] after
    "Electric cars paid nothing until 2020, ...") is an explanatory note: that sentence carries
    it, its text is "The exemption for electric cars was ended after their share of cordon
    crossings passed 35 per cent in 2019." (no "^" backlink), no body sentence holds it and
    "Notes" is no section."""
    page = doc(WIKI)
    assert "Notes" not in page.sections
    assert not any(t.startswith("^") or "The exemption for electric" in t for t in texts(WIKI))
    _, marks, _, _ = sentence(WIKI, "Electric cars paid nothing until 2020")
    assert len(marks) == 1
    note = next(n for n in page.notes if n.number == marks[0])
    assert note.text.startswith("The exemption for electric cars was ended")


def test_the_encyclopedia_infobox_image_caption_is_a_caption() -> None:
    """<div class="infobox-caption">A charging gantry on Brygge Road in 2019</div> under the
    infobox image is that image's caption (kind "caption"), not a body sentence."""
    assert sentence(WIKI, "A charging gantry on Brygge Road")[3] == "caption"


def test_the_encyclopedia_mayors_quote_is_hers_by_name() -> None:
    """ "Then-mayor Ingrid Solvang called the result "a mandate ..."": the speaker is "Ingrid
    Solvang"; "Then-mayor" is her former office, not part of her name."""
    speakers = {q.speaker for q in doc(WIKI).quotes}
    assert "Ingrid Solvang" in speakers
    assert not any(s and s.startswith("Then") for s in speakers)


# --- the Word "Save as Web Page" report (html reader) -------------------------------------------
def test_the_word_page_drops_its_markup_and_keeps_its_paragraphs_table_and_notes() -> None:
    word = doc(WORD)
    body = texts(WORD)
    for t in body:
        assert not any(w in t for w in ("o:p", "mso", "[if", "MsoNormal", "[1]", "&nbsp;")), t
    assert "The council set aside 4.6 million pounds for the first school year." in body
    assert "Summer 2024 · 84% · 531,000" in body
    assert [n.number for n in word.notes] == [1, 2, 3, 4]
    assert word.notes[1].text.startswith("Take-up is the share of pupils on roll")
    assert sentence(WORD, "Before the pilot, 22 per cent")[1] == (1,)
    assert sentence(WORD, "Take-up rose from 61 per cent")[1] == (2,)
    assert sentence(WORD, "Total spending for the year")[1] == (3,)
    assert sentence(WORD, "It is too early to say")[1] == (4,)
    for heading in ("2. Take-up", "3. Cost", "4. Effects on pupils", "5. Recommendations"):
        assert heading in word.sections
    assert {q.speaker for q in word.quotes} == {"Rhona Willet", "Denise Okafor"}


def test_the_word_page_title_is_its_msotitle_paragraph() -> None:
    """<p class=MsoTitle> (and <title>) read "Free School Meals in Kestrel County: A Review of
    the 2023 Pilot": that is the title, not "1. Background", which is the first section; the
    title paragraph is no body sentence."""
    word = doc(WORD)
    assert word.title == "Free School Meals in Kestrel County: A Review of the 2023 Pilot"
    assert word.sections[0] == "1. Background"
    assert not any(t.startswith("Free School Meals in Kestrel") for t in texts(WORD))


def test_the_word_page_prepared_by_paragraph_gives_the_authors() -> None:
    """The italic paragraph under the title, "Prepared by Joanna Brennan and Dr Samuel
    Achterberg, Children's Services Scrutiny Unit", is the byline: the authors are Joanna
    Brennan and (Dr) Samuel Achterberg, the unit is no author, and the line is no sentence.
    (The <o:Author> "jbrennan" in the document properties is a login, not the byline.)"""
    word = doc(WORD)
    assert len(word.authors) == 2
    assert word.authors[0] == "Joanna Brennan"
    assert word.authors[1].endswith("Samuel Achterberg")
    assert not any(t.startswith("Prepared by") for t in texts(WORD))


def test_the_word_page_date_is_the_date_typed_under_the_byline() -> None:
    """The paragraph "18 November 2024" under the byline is the report's date."""
    assert doc(WORD).date == "2024-11-18"


# --- the Hugo post (markdown reader) ------------------------------------------------------------
def test_the_post_front_matter_gives_title_authors_date_and_the_notes_are_joined() -> None:
    post = doc(POST)
    assert post.title == "Heat pump grants reach the terraces, but installers lag behind"
    assert post.authors == ("Priya Ramaswamy", "Tom Kettleborough")
    assert post.date == "2025-02-11"
    assert post.sections == (
        "What the grant pays",
        "The waiting list",
        "Training more fitters",
        "Running costs",
    )
    assert [n.number for n in post.notes] == [1, 2, 3, 4, 5]
    assert "81 people began the course" in post.notes[3].text
    assert sentence(POST, "The Warm Streets grant pays up to")[1] == (1,)
    assert sentence(POST, "In 2024, 6,830 heat pumps")[1] == (2,)
    assert sentence(POST, "Only 64 people completed")[1] == (4,)
    assert sentence(POST, "Field data from 120")[1] == (5,)
    for t in texts(POST):
        assert not any(w in t for w in ("{{", "}}", "[^", "featured_image", "tags:")), t
    assert {g.short: g.long for g in post.glossary}["HPFA"] == "Heat Pump Fitters Aldmoor"


def test_the_post_block_quote_is_the_commissioners_and_the_attribution_no_sentence() -> None:
    post = doc(POST)
    assert sentence(POST, "The queue tells us the grant works.")[2] == "Helen Aske"
    assert not any("Regional Energy Commissioner" in t for t in texts(POST))
    speakers = {q.speaker for q in post.quotes}
    assert {"Helen Aske", "Gary Mullins", "Farid Osei"} <= speakers


def test_the_post_figure_shortcode_captions_are_captions() -> None:
    """Each {{< figure src=... caption="..." >}} shortcode holds a caption: "An air-source heat
    pump fixed to the back wall of a terraced house in Brindley Road, Aldmoor." and "Grant-funded
    heat pump installations in Aldmoor by quarter, 2023 to 2024." are kept as sentences of kind
    "caption" (the "Photo: Tom Kettleborough" / "Source: ..." credit goes to the credit, not the
    text)."""
    assert sentence(POST, "An air-source heat pump fixed to the back wall")[3] == "caption"
    assert sentence(POST, "Grant-funded heat pump installations in Aldmoor")[3] == "caption"
    assert not any("Photo:" in t for t in texts(POST))


def test_the_post_author_bio_and_share_line_are_not_text() -> None:
    """After the closing rule, the italic "Priya Ramaswamy is our energy correspondent. Tom
    Kettleborough is a staff photographer and reporter." is the author bio and "**Share this:**
    [Twitter] · [Facebook] · [Email]" is share furniture: neither is a body sentence. (As the
    italic bios of sets I, J and L, the bio is read as the authors' bio: sentences of kind
    "bio", in no section; the share line is no sentence at all.)"""
    post = doc(POST)
    for s in post.sentences:
        assert not any(w in s.text for w in ("Share this", "Twitter", "Facebook")), s.text
        if "energy correspondent" in s.text or s.text.startswith("Tom Kettleborough is"):
            assert s.kind == "bio" and not s.section, s
    assert sum(s.kind == "bio" for s in post.sentences) == 2


# --- the PDF policy brief (pdf reader) ----------------------------------------------------------
def test_the_brief_reads_its_cover_box_and_body_without_furniture() -> None:
    brief = doc(BRIEF)
    assert brief.title == "Who Pays When the Sea Comes In?"
    assert brief.subtitle == "Flood insurance for coastal homes after the end of Floodshare"
    assert brief.publication == "Saltmarsh Institute for Coastal Policy"
    assert brief.date == "2024-09"
    assert brief.sections == (
        "Executive summary",
        "1. The end of Floodshare",
        "2. Premiums on the coast",
        "3. Options for reform",
    )
    body = texts(BRIEF)
    for t in body:
        assert not any(w in t for w in ("Page ", "Policy Brief 14", "Contents", "....")), t
    # the words hyphenated at line ends are whole again; real hyphens stay
    assert (
        "Floodshare was set up in 2016 as a joint scheme between insurers and the government."
        in body
    )
    assert any("9 centimetres since 1990" in t for t in body)
    assert any("flood defences and better building" in t for t in body)
    assert any(t.startswith("The second is a means-tested subsidy") for t in body)


def test_the_brief_footnotes_join_their_sentences_and_the_run_on_note_is_whole() -> None:
    brief = doc(BRIEF)
    assert [n.number for n in brief.notes] == [1, 2, 3, 4]
    notes = {n.number: n.text for n in brief.notes}
    assert notes[3].endswith(
        "that insurers told us they would apply once the pool closes. Premiums are in 2024 prices."
    )
    assert sentence(BRIEF, "Insurers pass the flood part")[1] == (1,)
    assert sentence(BRIEF, "Its founding agreement")[1] == (2,)
    assert sentence(BRIEF, "Without Floodshare, the median")[1] == (3,)
    assert sentence(BRIEF, "The third, which we favour")[1] == (4,)
    assert not any(t.startswith("the pool closes") for t in texts(BRIEF))
    assert {n.page for n in brief.sentences if n.text.startswith("Resilient repairs")} == {"5"}
    assert {q.speaker for q in brief.quotes} == {"Margaret Fenwick", "Anil Varma"}


def test_the_brief_cover_names_its_authors() -> None:
    """The cover line "Eleanor Marchbank and Kofi Adjei-Brown" (between the subtitle and "Policy
    Brief 14 | September 2024") names the two authors."""
    assert doc(BRIEF).authors == ("Eleanor Marchbank", "Kofi Adjei-Brown")


# --- the subtitle-export transcript (transcript / plain-text reader) ----------------------------
def test_the_transcript_title_is_its_first_line() -> None:
    assert doc(VIDEO).title == "Redrawing the Map: Mayor Okonjo on the New Bus Network"


def test_the_transcript_cue_numbers_and_timecodes_are_not_text() -> None:
    """Each subtitle cue is a number line and a "00:01:12,040 --> 00:01:15,200" line before its
    text: both are furniture. No sentence holds a timecode or a bare cue number, and neither is
    a section heading (the transcript has no sections)."""
    video = doc(VIDEO)
    timecode = re.compile(r"\d\d:\d\d:\d\d,\d\d\d")
    assert not any(timecode.search(s) or s.isdigit() for s in video.sections)
    for t in texts(VIDEO):
        assert not timecode.search(t), t
        assert not re.match(r"\d+ ", t) or t.startswith("94 million"), t


def test_the_transcript_sentence_broken_across_cues_is_one_sentence() -> None:
    """Cues 8-9 split one sentence; read without the cue furniture it is "Before the redesign,
    only 27 percent of residents lived within a ten-minute walk of a bus that came at least every
    fifteen minutes." (and the same for cues 11-12, "...which stays at 94 million dollars a
    year.")."""
    body = texts(VIDEO)
    assert (
        "Before the redesign, only 27 percent of residents lived within a ten-minute walk of a "
        "bus that came at least every fifteen minutes." in body
    )
    assert any(
        t.endswith("in the operating budget, which stays at 94 million dollars a year.")
        for t in body
    )


def test_the_transcript_speaker_tags_give_each_turn_its_speaker() -> None:
    """ ">> MAYOR OKONJO:", ">> SUNITA RAO:", ">> COUNCILLOR IBARRA:" open turns that run until
    the next tag: "That gap is the network, not the pump." is the mayor's (speaker ending
    "Okonjo"), "We asked people what they wanted ..." is Sunita Rao's, and the councillor's
    question is Ibarra's. The tags are not part of the text; the turns are quotable."""
    video = doc(VIDEO)
    assert not any(">>" in t or "OKONJO" in t or "MODERATOR" in t for t in texts(VIDEO))
    gap = [s for s in video.sentences if s.text == "That gap is the network, not the pump."]
    assert len(gap) == 1 and (gap[0].speaker or "").endswith("Okonjo")
    rao = [s for s in video.sentences if s.text.startswith("We asked people what they wanted")]
    assert len(rao) == 1 and rao[0].speaker == "Sunita Rao"
    ibarra = [s for s in video.sentences if s.text.startswith("Mayor, the ridership figures")]
    assert len(ibarra) == 1 and (ibarra[0].speaker or "").endswith("Ibarra")
    assert any((q.speaker or "").endswith("Okonjo") for q in video.quotes)


def test_the_transcript_sound_cues_and_narrator_tag_are_not_text() -> None:
    """ "[music]" and "[applause]" are sound cues, "[Narrator]" a speaker tag: none is part of a
    sentence; the narrator's lines are the narrator's (speaker "Narrator" or none), never the
    mayor's."""
    for t in texts(VIDEO):
        assert not any(c in t for c in ("[music]", "[applause]", "[Narrator]")), t
    assert "In January, Lakeport scrapped its old bus map and started again." in texts(VIDEO)


def test_the_transcript_channel_line_gives_the_publication_and_date() -> None:
    """ "Lakeport City Channel | Uploaded 14 March 2025" names the channel (the publication) and
    the upload date; it is not a subtitle. "Transcript generated from closed captions" is a
    note about the file, and the closing "Subscribe to Lakeport City Channel ..." cue is channel
    furniture, not a sentence."""
    video = doc(VIDEO)
    assert video.date == "2025-03-14"
    assert video.publication == "Lakeport City Channel"
    assert not (video.subtitle or "").startswith("Lakeport City Channel")
    assert not any("Subscribe" in t or "closed captions" in t for t in texts(VIDEO))
