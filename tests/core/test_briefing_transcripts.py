"""Briefings, interviews and fact sheets in plain text: their headers, labels and headings.

A labelled title ("Briefing: Harbour Dredging, Spring Review") is no list of who attends; the
documents here are written for the test, in shapes unlike held-out set D's.
"""

from __future__ import annotations

from tests.core.ingested import ingest, speaker_of, texts


def test_a_labelled_title_of_common_words_is_not_a_list_of_who_attends() -> None:
    briefing = ingest(
        "Harbour Board Weekly Notes\n\nBriefing: Channel Dredging Works, Spring Review\n\n"
        "CHAIR: Welcome. The dredging works are two weeks late, and the review explains why.\n\n"
        "ENGINEER: The spring review found silt at twice the depth we planned for.\n\n"
        "CHAIR: And the cost of the works?\n\nENGINEER: Up by a fifth, with the extra silt.\n"
    )
    assert briefing.subtitle == "Briefing: Channel Dredging Works, Spring Review"
    assert not any(t.startswith("Briefing") for t in texts(briefing))


INTERVIEW = """Mending the Grid: A Conversation with Bo Andersen

Ines Tamm talks to Bo Andersen, who ran the island's power company for nine years, about
storms, cables and who pays for them.

IT: How often did the island lose power when you started?

BA: About twelve times a year, and most outages lasted a day. The cable to the mainland was
forty years old, and every storm found a new weak point in it.

IT: And now?

BA: Twice last year. The new cable cost 80 million euros, and the ferry company's founder,
Karin Lund, told me, "It paid for itself in one winter."

IT: Who paid for it?

BA: The state paid half, and the rest is on every bill for twenty years.
"""


def test_initials_are_the_turns_of_the_people_the_text_names() -> None:
    talk = ingest(INTERVIEW)
    assert not any(t.startswith(("IT:", "BA:")) for t in texts(talk))
    assert speaker_of(talk, "How often did the island") == "Ines Tamm"
    assert speaker_of(talk, "About twelve times a year") == "Bo Andersen"
    assert speaker_of(talk, "The state paid half") == "Bo Andersen"
    # the words a speaker quotes are the quoted person's
    by_text = {q.text: q.speaker for q in talk.quotes}
    assert by_text["It paid for itself in one winter."] == "Karin Lund"


def test_initials_in_an_html_interview_are_turns() -> None:
    page = ingest(
        "<!doctype html><html><head><title>Grid talk</title></head><body><article>"
        "<h1>Mending the Grid</h1><p>Ines Tamm talks to Bo Andersen about the island's "
        "power cable.</p>"
        "<p><strong>IT:</strong> How often did the island lose power?</p>"
        "<p><strong>BA:</strong> About twelve times a year, before the new cable.</p>"
        "<p><strong>IT:</strong> And who paid for the cable?</p>"
        "<p><strong>BA:</strong> The state paid half of it.</p></article></body></html>",
        ".html",
    )
    assert speaker_of(page, "How often did the island") == "Ines Tamm"
    assert speaker_of(page, "The state paid half") == "Bo Andersen"


def test_initials_no_name_in_the_text_spells_are_not_a_turn() -> None:
    memo = ingest(
        "Depot Notes\n\nThe depot opened in May, and the first buses left on time.\n\n"
        "NB: the north gate is locked after ten at night.\n\n"
        "PS: the canteen opens at six.\n\nOK: the fuel order went out on Friday.\n"
    )
    assert "NB: the north gate is locked after ten at night." in texts(memo)
    assert all(s.speaker is None for s in memo.sentences)


BRIEFING = """CITY OF LOWMARSH

Briefing on the Winter Flood Season

Council Chamber, Lowmarsh Town Hall
Tuesday, 3 February 2026, 2:15 p.m.

PANEL:
- Hal Brennick, Director of Engineering
- Sunita Rao, Flood Warden (chair)

CHAIR: Thank you for coming. Mr Brennick will begin with the river levels.

DIRECTOR BRENNICK: The river peaked at 4.1 metres on Sunday, the highest since 2014.

CHAIR: Mr Brennick.

DIRECTOR BRENNICK: Sorry. The barriers held, and no homes flooded.

Lee Chan (KXTV News): When will the new barrier be finished?

DIRECTOR BRENNICK: In the autumn of 2027, if the contractor keeps to the plan.

MARA HOLT (The Daily Ledger): Does the council have the money for it?

CHAIR: We have 12 million pounds set aside, and the rest comes from the state grant.
"""


def test_a_briefings_header_gives_its_date_and_no_sentences() -> None:
    briefing = ingest(BRIEFING)
    assert briefing.date == "2026-02-03"
    assert not any(t.startswith(("Council Chamber", "PANEL", "Tuesday")) for t in texts(briefing))
    assert not any("Director of Engineering" in t for t in texts(briefing))


def test_a_role_the_panel_list_gives_names_the_label() -> None:
    briefing = ingest(BRIEFING)
    assert speaker_of(briefing, "Thank you for coming.") == "Sunita Rao"
    assert speaker_of(briefing, "The river peaked") == "Hal Brennick"
    # "Mr Brennick." hands over: still the chair's turn, and no one named "Mr Brennick"
    assert speaker_of(briefing, "Mr Brennick.") == "Sunita Rao"
    assert all(q.speaker != "Mr Brennick" for q in briefing.quotes)


def test_a_reporter_labelled_with_the_outlet_asks_and_is_not_quoted() -> None:
    briefing = ingest(BRIEFING)
    assert not any(t.startswith(("Lee Chan", "MARA HOLT")) for t in texts(briefing))
    assert speaker_of(briefing, "When will the new barrier") == "Lee Chan"
    assert speaker_of(briefing, "Does the council have") == "Mara Holt"
    assert speaker_of(briefing, "In the autumn of 2027") == "Hal Brennick"
    assert not any("new barrier be finished" in q.text for q in briefing.quotes)
    assert any(q.text.startswith("In the autumn of 2027") for q in briefing.quotes)


LEAFLET = """Lead Pipe Replacement
A guide for home owners and landlords

Water Services Authority
Published 5 March 2024


At a Glance

- Homes with lead pipes: 61,000
- Pipes replaced last year: 7,400
- Average cost per home: 2,900 pounds

Numbers to 31 January 2024.

Who Pays for the Work?

The authority pays for the pipe up to your boundary. You pay for the pipe inside it, and a
grant covers half of that for most homes.

How to Apply

1. Ask the authority for a lead test.
2. Wait for the test result, which takes about ten days.
3. Book a plumber from the approved list.

The grant is paid to the plumber once the work is checked.
"""


def test_a_leaflets_publisher_line_under_its_title_is_the_publication() -> None:
    leaflet = ingest(LEAFLET)
    assert leaflet.title == "Lead Pipe Replacement"
    assert leaflet.publication == "Water Services Authority"
    assert leaflet.date == "2024-03-05"
    assert not any("Water Services Authority" in t for t in texts(leaflet))


def test_a_question_heading_after_a_short_closing_line_heads_its_section() -> None:
    leaflet = ingest(LEAFLET)
    assert "Who Pays for the Work?" in leaflet.sections
    assert "Who Pays for the Work?" not in texts(leaflet)
    pays = [s for s in leaflet.sentences if s.text.startswith("The authority pays")]
    assert pays[0].section == "Who Pays for the Work?"


def test_numbered_steps_keep_their_number_with_their_text() -> None:
    leaflet = ingest(LEAFLET)
    assert not any(t.rstrip(".").isdigit() for t in texts(leaflet))
    assert "2. Wait for the test result, which takes about ten days." in texts(leaflet)
    assert "3. Book a plumber from the approved list." in texts(leaflet)


def test_a_moderators_hand_off_early_on_is_a_turn_not_a_cast_line() -> None:
    panel = ingest(
        "Water Rates Forum\n\nMODERATOR: Welcome. Our first speaker runs the utility.\n\n"
        "MODERATOR: Ms Okafor.\n\nMS OKAFOR: Thank you. Rates rise by 4 per cent in April, "
        "the first rise in three years.\n\nMODERATOR: And after April?\n\n"
        "MS OKAFOR: Flat until 2027, if the pipe works stay on budget.\n"
    )
    assert speaker_of(panel, "Ms Okafor.") == speaker_of(panel, "Welcome.") == "Moderator"
    assert speaker_of(panel, "Rates rise by 4 per cent") == "Ms Okafor"
    assert all(q.speaker != "Ms Okafor." for q in panel.quotes)
