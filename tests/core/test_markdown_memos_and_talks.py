"""Markdown memos, newsletters, talk write-ups and shows: a memo's field header, a newsletter's
issue line, run-in lead-ins and platform furniture, a write-up's "Posted by" byline, its event
line and its Q&A, a show's role labels named by its intro."""

from __future__ import annotations

from bot.core.model import Article
from tests.core.ingested import ingest as ingest_as
from tests.core.ingested import one, texts


def ingest(text: str, name: str = "post") -> Article:
    return ingest_as(text, ".md", name)


# --- a talk write-up's Q&A ----------------------------------------------------------------------
LECTURE = """# Mending the grid: Priya Natarajan's lecture on storage

Priya Natarajan, who runs the storage programme at Fenwick University, spoke for an hour.

## Questions

**Q (Alan Brook, Grid Watch):** How long do the batteries last?

**A:** About fifteen years at the current rate of cycling, and we will know more by 2030.

**Q (Ruth Obi, Kent Energy):** Who pays for the new substations?

**A:** The network operator pays, and it recovers the money through bills over forty years.
"""


def test_the_answers_in_a_write_up_are_the_person_whose_talk_the_title_names() -> None:
    """ "… Priya Natarajan's lecture …": the title names whose talk it was with a possessive;
    the bare "A:" answers are hers, the named questioners ask."""
    talk = ingest(LECTURE)
    assert one(talk, "About fifteen years").speaker == "Priya Natarajan"
    assert one(talk, "The network operator pays").speaker == "Priya Natarajan"
    assert one(talk, "How long do the batteries").speaker == "Alan Brook"


def test_a_possessive_in_a_title_names_no_one_the_body_does_not() -> None:
    """The possessive rule only cuts "'s": "Europe's grid" is no person, and the answers keep the
    generic answerer when the body never names the title's words as a person."""
    talk = ingest(
        LECTURE.replace("Priya Natarajan's lecture", "Europe's lecture").replace(
            "Priya Natarajan, who runs", "The head of"
        )
    )
    assert one(talk, "About fifteen years").speaker != "Europe"


# --- a post's byline with its date, a newsletter's issue line -----------------------------------
def test_a_posted_by_line_with_a_date_gives_author_and_date() -> None:
    """ "_Written by Hana Kovač, 2 June 2024_" under the title: author and date, no subtitle."""
    post = ingest(
        "# Why the river flooded\n\n_Written by Hana Kovač, 2 June 2024_\n\n"
        "The river rose two metres in a night. The council has asked for a review.\n"
    )
    assert post.authors == ("Hana Kovač",)
    assert post.date == "2024-06-02"
    assert post.subtitle is None
    assert not any("Written by" in t for t in texts(post))


def test_an_issue_line_dates_the_newsletter() -> None:
    """ "__No. 114 | 3 March 2026__" under the masthead: the issue's date, no text."""
    letter = ingest(
        "# The Harbour Note\n\n__No. 114 | 3 March 2026__\n\n"
        "The ferry timetable changes on Monday. Two sailings are cut.\n"
    )
    assert letter.date == "2026-03-03"
    assert not any(t.startswith("No. 114") for t in texts(letter))


def test_lines_that_only_look_like_meta_lines_stay_text() -> None:
    """An issue number with no date, or a "posted by" clause with no date, is a sentence."""
    from bot.core.ingest.post_meta import read_meta_line

    assert read_meta_line("Issue 42") is None
    assert read_meta_line("Issue 42 of the magazine was late") is None
    assert read_meta_line("Posted by Ana Ruiz, who wrote the first draft.") is None
    assert read_meta_line("By Ana Ruiz and Ben Fox, 3 May 2025") is None


# --- a memo's field header and its signature ----------------------------------------------------
MEMO = """# Memo

**To:** All ward managers
**From:** Dr Aisha Rahman, Director of Nursing
**Subject:** Night staffing on the surgical wards
**Date:** 4 August 2025

From next month each surgical ward will have a fourth nurse on nights. The cost is met from the
agency budget.

Please tell your teams before the rota is published.

Aisha Rahman
Director of Nursing
"""


def test_a_memo_header_gives_title_author_and_date_and_no_text() -> None:
    """The subject is the title (the one-word "# Memo" names the kind, no section), the sender
    before the comma the author, the date its date; no field is a sentence or a speaker."""
    memo = ingest(MEMO)
    assert memo.title == "Night staffing on the surgical wards"
    assert memo.authors == ("Dr Aisha Rahman",)
    assert memo.date == "2025-08-04"
    assert "Memo" not in memo.sections
    assert texts(memo)[0].startswith("From next month each surgical ward")
    assert not any(s.speaker for s in memo.sentences)


def test_the_memo_closing_signature_is_no_text() -> None:
    """The name over the role after the last paragraph signs it: no sentence."""
    body = texts(ingest(MEMO))
    assert body[-1] == "Please tell your teams before the rota is published."


def test_a_heading_and_a_last_paragraph_that_are_no_memo_parts_stay() -> None:
    """A titled post with a bold "**Note:**" line, ending with a sentence that names a person,
    keeps its title, its heading and its last sentence."""
    post = ingest(
        "# Update\n\n**Note:** the figures below are provisional.\n\n"
        "The ward opened in May. It has twelve beds.\n\nThanks to Aisha Rahman for the figures.\n"
    )
    assert post.title == "Update"
    assert texts(post)[-1] == "Thanks to Aisha Rahman for the figures."
    assert any("provisional" in t for t in texts(post))


def test_a_one_line_signature_reads_and_a_name_alone_does_not() -> None:
    """ "Name, Role" on the last line signs; a name alone on the last line may be a caption or
    heading's and stays."""
    signed = ingest("# Note\n\nThe pool reopens on Monday.\n\nJo Park, Head of Leisure\n")
    assert signed.authors == ("Jo Park",)
    assert texts(signed) == ["The pool reopens on Monday."]
    named = ingest("# Note\n\nThe pool reopens on Monday.\n\nJo Park\n")
    assert texts(named) == ["The pool reopens on Monday.", "Jo Park"]
    assert named.authors == ()


# --- a write-up's field line --------------------------------------------------------------------
def test_an_event_field_line_in_the_header_is_no_speakers_turn() -> None:
    """ "**Venue:** Old Town Hall, 2 May 2025, Leeds" is a field: its value stays as text, no
    speaker; the intro under it is the writer's."""
    post = ingest(
        "# Notes from the transport summit\n\n**Venue:** Old Town Hall, 2 May 2025, Leeds\n\n"
        "The summit heard from six mayors. Most wanted more buses.\n\n## The talks\n\n"
        "The first talk was on trams.\n"
    )
    assert not any(q.speaker == "Venue" for q in post.quotes)
    assert one(post, "The summit heard").speaker is None


def test_a_header_turn_that_is_speech_stays_a_turn() -> None:
    """A bold label whose words are a sentence is a speaker's turn, header or not."""
    show = ingest(
        "# Episode 3\n\n**Sam:** Welcome back, everyone, to the show, on 2 May 2025.\n\n"
        "**Jo:** Thanks, Sam. It is good to be here.\n\n**Sam:** Let us begin.\n"
    )
    assert one(show, "Welcome back").speaker == "Sam"


# --- a newsletter's run-in lead-ins and its platform's furniture --------------------------------
DIGEST = """# Harbour Digest

[Read online](https://digest.example/42)

Three things this week.

**Ferry fares.** Fares rise by 4 per cent in April. Season tickets are frozen.

**Public toilets.** Two blocks on the front reopen after repairs.

**Library hours.** The library will open on Sundays from May.

---

*Harbour Digest is written by Ana Ruiz.* You're receiving this because you subscribed via our site.

[Unsubscribe](https://digest.example/u) · [Update your preferences](https://digest.example/p)

Powered by Mailcraft
"""


def test_bold_lead_ins_head_their_items_when_several_paragraphs_have_one() -> None:
    """Each item's bold lead-in is its section, not a sentence of its own."""
    digest = ingest(DIGEST)
    assert one(digest, "Fares rise by 4 per cent").section == "Ferry fares"
    assert one(digest, "Season tickets are frozen").section == "Ferry fares"
    assert one(digest, "Two blocks on the front").section == "Public toilets"
    assert not any(t in ("Ferry fares.", "Public toilets.") for t in texts(digest))


def test_one_bold_opening_alone_stays_in_its_sentence() -> None:
    """A single paragraph opening with a bold phrase is emphasis, not a run-in heading; a bold
    opening that is a long sentence is never one."""
    post = ingest(
        "# Note\n\n**Important.** The office is closed on Friday.\n\nWe reopen on Monday.\n\n"
        "**The council has voted to close the pool next year.** It will be demolished.\n"
    )
    assert "Important." in texts(post)
    assert one(post, "The office is closed").section in ("", None)
    assert "The council has voted to close the pool next year." in texts(post)


def test_a_mailing_platforms_lines_are_no_text() -> None:
    """ "Read online" at the top; "You're receiving this …", the preference links and "Powered
    by …" in the closing matter: furniture. The colophon's own sentence stays."""
    body = texts(ingest(DIGEST))
    assert not any(t.startswith(("Read online", "You're receiving", "Powered by")) for t in body)
    assert not any("preferences" in t for t in body)
    assert "Harbour Digest is written by Ana Ruiz." in body


def test_sentences_about_reading_or_subscribing_in_the_body_stay() -> None:
    """The body's own words about a subscription or a browser are no platform furniture."""
    post = ingest(
        "# Broadband\n\nMost homes read the news online. Some 40 per cent view it in a browser.\n\n"
        "## Costs\n\nHouseholds subscribed to two services on average.\n"
    )
    assert "Some 40 per cent view it in a browser." in texts(post)
    assert "Households subscribed to two services on average." in texts(post)


# --- a show's intro naming the people its role labels stand for --------------------------------
SHOW = """# Field Notes 12: Who mends the hedges?

This week presenter **Owen Tallis** speaks with **Prof. Mira Jensen** about hedgerows.

This transcript was generated automatically and has not been checked.

**Presenter:** How many miles of hedge have we lost?

**Guest:** About half since 1950. The rest is in poor shape.

**Presenter**: And who pays to mend them?

**Guest**: Farmers, mostly, with a grant of about ten pounds a metre.
"""


def test_role_labels_are_the_people_the_intro_names() -> None:
    """ "presenter **A** speaks with **B**": the Presenter turns are A's, the Guest turns B's,
    with the colon inside the bold or outside it."""
    show = ingest(SHOW)
    assert one(show, "How many miles of hedge").speaker == "Owen Tallis"
    assert one(show, "About half since 1950").speaker == "Prof. Mira Jensen"
    assert one(show, "And who pays").speaker == "Owen Tallis"
    assert one(show, "Farmers, mostly").speaker == "Prof. Mira Jensen"


def test_a_note_that_the_transcript_was_machine_made_is_no_text() -> None:
    body = texts(ingest(SHOW))
    assert not any("generated automatically" in t for t in body)


def test_bold_names_with_no_role_words_before_them_cast_no_one() -> None:
    """An intro that names two people with no "host"/"talks to" gives the labels no one; and
    a sentence about automatic transcripts in the body stays."""
    from bot.core.ingest.show_cast import intro_cast

    assert (
        intro_cast(
            "We remember **Owen Tallis** and **Mira Jensen**.", ["Owen Tallis", "Mira Jensen"]
        )
        == {}
    )
    show = ingest(
        SHOW.replace("presenter **Owen Tallis** speaks with", "**Owen Tallis** and").replace(
            "This transcript was generated automatically and has not been checked.",
            "Automatic transcripts of farm meetings are often wrong, she said.",
        )
    )
    assert one(show, "How many miles of hedge").speaker != "Owen Tallis"
    assert any(t.startswith("Automatic transcripts of farm meetings") for t in texts(show))
