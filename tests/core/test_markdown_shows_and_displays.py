"""Markdown shows and displays: a show's cast header, its stage notes, read-out words, a block
quote under a lead-in naming its speaker, an HTML figure's caption, bios, titles before names."""

from __future__ import annotations

from bot.core.ingest.names import clean_name
from bot.core.ingest.post_meta import read_meta_line
from bot.core.ingest.sentences import split_sentences
from bot.core.ingest.show_cast import cast_member, cast_of
from bot.core.model import Article
from tests.core.ingested import ingest as ingest_as
from tests.core.ingested import one, texts


def ingest(text: str, name: str = "show") -> Article:
    return ingest_as(text, ".md", name)


# --- a show's cast header ------------------------------------------------------------------------
SHOW = """# The Harbour Hour, No. 7: Who Owns the Quay?

Presenters: Mirela Dobrev & Tomasz Wright
Guests: Prof. Ines Achterberg, Delft Ports Lab
Broadcast 14 May 2024, posted 16 May 2024

---

**Mirela:** Good evening and welcome. I'm Mirela Dobrev, and tonight we talk about quays.

[12:04] **Tomasz:** I'm Tomasz. Ines, who owns the quay at Brenmouth today?

**Ines:** The port trust owns it, and it has leased the north berth to a ferry firm until 2031.

**[MUSIC]**

**Tomasz:** Welcome back. A caller left us a message. He runs a chandlery on the quay, and he
said: "The lease was signed before any of us traders even heard about it."

**Ines:** That is a common complaint, and the trust should publish its leases.

**Mirela:** Thank you both, that is all for tonight.
"""


def test_first_name_labels_are_the_people_the_cast_lines_name_in_full() -> None:
    show = ingest(SHOW)
    assert one(show, "Good evening and welcome.").speaker == "Mirela Dobrev"
    assert one(show, "Ines, who owns the quay").speaker == "Tomasz Wright"
    assert one(show, "The port trust owns it").speaker == "Ines Achterberg"
    assert not any((s.speaker or "").startswith("I'm") for s in show.sentences)


def test_the_presenters_are_the_authors_and_the_posted_date_the_date() -> None:
    show = ingest(SHOW)
    assert show.authors == ("Mirela Dobrev", "Tomasz Wright")
    assert show.date == "2024-05-16"
    for t in texts(show):
        assert not any(w in t for w in ("Presenters", "Guests:", "Broadcast 14", "[12:04]")), t
    assert not any(q.speaker in ("Presenters", "Guests") for q in show.quotes)


def test_a_bracketed_bold_line_is_a_stage_note_not_a_section() -> None:
    show = ingest(SHOW)
    assert "[MUSIC]" not in show.sections
    assert not any("MUSIC" in t for t in texts(show))
    assert one(show, "Welcome back.").section == one(show, "Good evening").section


def test_words_read_out_for_someone_described_are_theirs_not_the_presenters() -> None:
    show = ingest(SHOW)
    read = [q for q in show.quotes if q.text.startswith("The lease was signed before")]
    assert [q.speaker for q in read] == ["a caller"]


def test_a_pronoun_quote_with_no_one_described_stays_the_speakers_turn() -> None:
    """ "My brother rang me. He said: "…"": nobody is described: no quote of its own."""
    text = SHOW.replace(
        "A caller left us a message. He runs a chandlery on the quay, and he\nsaid:",
        "My brother rang me. He said:",
    )
    assert "My brother" in text
    show = ingest(text)
    assert not any(
        q.text.startswith("The lease was signed") and q.speaker != "Tomasz Wright"
        for q in show.quotes
    )


def test_cast_lines_and_cast_members() -> None:
    assert cast_of("Hosts: Jo Park and Sam Lee") == ("host", ("Jo Park", "Sam Lee"))
    assert cast_of("Guest: Dr Ana Ruiz, Centre for Water Policy") == ("guest", ("Ana Ruiz",))
    assert cast_of("Host: the newsroom team") is None
    assert cast_of("Guests: University of Leeds") is None
    assert cast_of("Hostage situation: none") is None
    assert cast_member("Jo", ["Jo Park", "Sam Lee"]) == "Jo Park"
    assert cast_member("Lee", ["Jo Park", "Sam Lee"]) == "Sam Lee"
    assert cast_member("Jo", ["Jo Park", "Jo Lee"]) is None  # two Jos: neither
    assert cast_member("Jo Park", ["Jo Park"]) is None


def test_a_recording_line_gives_its_published_date() -> None:
    meta = read_meta_line("Aired 2 March 2024, published 4 March 2024")
    assert meta is not None and meta.date == "2024-03-04"
    assert read_meta_line("Recorded 2 March 2024, in Leeds") is None  # a place: not a meta line


# --- a quoted title --------------------------------------------------------------------------
def test_a_quoted_title_is_not_split_at_its_question_mark() -> None:
    text = 'See her report, "Whose Water? Rights and Rivers in the Upper Basin", for more.'
    assert split_sentences(text) == [(0, len(text))]


def test_quoted_speech_still_splits_at_its_question_mark() -> None:
    text = 'He asked me "why now? who pays for it?" and left. Nobody answered.'
    spans = split_sentences(text)
    assert len(spans) == 2 and text[spans[1][0] :] == "Nobody answered."
    text = 'She wrote: "Is this fair? We think it is not." The board disagreed.'
    assert len(split_sentences(text)) >= 3


# --- a block quote under a lead-in naming its speaker -----------------------------------------
DISPLAY = """---
title: "Ferries and the Public Purse"
author: "Dana Whitcombe"
date: 2024-06-01
---

The subsidy has been defended at length. The clearest case was made in a letter from the chief
executive of the ferry trust, Rhodri Penhallow-Vance, to every councillor in March:

> "A ferry that runs every hour is the only reason some of these villages still have a school.
> Cut the crossings and the school goes next."

That may be so. But the trust has never published what each crossing costs.

Officials pointed to the minutes of two meetings, in Penzance and in Truro:

> "The subsidy will be reviewed annually."
"""


def test_a_block_quote_under_a_lead_in_naming_one_person_is_theirs() -> None:
    post = ingest(DISPLAY, "ferries")
    found = [q for q in post.quotes if q.text.startswith("A ferry that runs every hour")]
    assert [q.speaker for q in found] == ["Rhodri Penhallow-Vance"]
    assert found[0].text.endswith("the school goes next.")


def test_a_block_quote_under_a_lead_in_naming_no_person_is_no_ones() -> None:
    post = ingest(DISPLAY, "ferries")
    assert not any(q.text.startswith("The subsidy will be reviewed") for q in post.quotes)


# --- an HTML figure inside Markdown ---------------------------------------------------------
FIGURE = """# Tide gauges

The gauges were installed in 1998 and read every six minutes.

<figure class="chart">
  <img src="/img/gauge.png" alt="Bar chart of gauge readings">
  <figcaption>Mean high water at Porthleven rose 41 mm between 1998 and 2023.
  Source: Harbour Survey Office.</figcaption>
</figure>

The readings are published every quarter.

<figure>
  <blockquote>We measure the sea so that we can live beside it.</blockquote>
  <figcaption>Keeper of the gauges</figcaption>
</figure>
"""


def test_a_figures_figcaption_is_a_caption_and_its_source_its_credit() -> None:
    post = ingest(FIGURE, "gauges")
    caption = one(post, "Mean high water at Porthleven")
    assert caption.kind == "caption"
    assert caption.credit == "Source: Harbour Survey Office."
    assert not any(t.startswith("Source:") for t in texts(post))
    assert not any("Bar chart of gauge readings" in t for t in texts(post))


def test_a_figure_holding_a_block_quote_is_no_caption() -> None:
    post = ingest(FIGURE, "gauges")
    assert not any(s.kind == "caption" and "Keeper of the gauges" in s.text for s in post.sentences)


# --- a bio at the foot, and titles before names ---------------------------------------------
def test_an_italic_note_saying_what_the_author_writes_is_a_bio() -> None:
    post = ingest(
        DISPLAY + "\n*Dana Whitcombe writes Crossings, a newsletter about island transport.*\n",
        "ferries",
    )
    assert one(post, "Dana Whitcombe writes Crossings").kind == "bio"
    assert [s for s in post.sentences if s.kind == "body"][-1].text != (
        "Dana Whitcombe writes Crossings, a newsletter about island transport."
    )


def test_a_closing_paragraph_about_someone_else_is_no_bio() -> None:
    post = ingest(DISPLAY + "\nRhodri Penhallow-Vance writes to councillors every spring.\n")
    assert one(post, "Rhodri Penhallow-Vance writes").kind == "body"


def test_a_council_title_before_a_full_name_is_no_part_of_the_name() -> None:
    assert clean_name("Councillor Joel Renshaw") == "Joel Renshaw"
    assert clean_name("Alderwoman Grace Mbatha") == "Grace Mbatha"
    assert clean_name("Cllr Hallett") == "Cllr Hallett"  # a surname alone keeps its title
    post = ingest(
        "# Parking\n\nThe scheme starts in May. Alderman Piet Ouwehand, who chairs the "
        'roads committee, said the charges were "the fairest way to pay for the new car '
        'park".\n',
        "parking",
    )
    assert [q.speaker for q in post.quotes] == ["Piet Ouwehand"]
