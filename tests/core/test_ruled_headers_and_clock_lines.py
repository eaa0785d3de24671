"""Plain-text transcripts: a "Label: value" header over a rule, clock lines, one name a speaker."""

from __future__ import annotations

from bot.core.ingest.ruled_header import field_date, is_rule
from tests.core.ingested import ingest, speaker_of, texts

SHOW = """MARKET HOURS | Harbour FM
Show: Market Hours, programme 48
Recorded: Tuesday, 4 February 2025 at 14:00
Presenter: LENA BRANDT
Guest: OMAR HADDAD, economist, Coastal Bank
Edited for length. Timings are approximate.
==========================================================

(00:00:12)
LENA BRANDT: Welcome back. Omar Haddad joins me from Coastal Bank.
(00:00:20)
OMAR HADDAD: Thank you. Harbour prices rose 6 per cent in January.

BRANDT: Is that the fuel surcharge?

(00:02:41)
HADDAD: Mostly. The surcharge alone added 4 per cent to the bill, and
00:03:02
shipping firms passed it on within a month.

BRANDT: Thank you, Omar.
"""


def test_the_header_over_the_rule_gives_title_date_and_station_and_is_no_text() -> None:
    show = ingest(SHOW)
    assert show.title == "Market Hours, programme 48"
    assert show.date == "2025-02-04"
    assert show.publication == "Harbour FM"
    for t in texts(show):
        assert not t.startswith(("MARKET HOURS", "Show:", "Presenter:", "Guest:", "Edited", "=")), t
        assert "Timings are approximate" not in t


def test_clock_lines_start_the_turn_they_stamp_and_leave_the_text() -> None:
    show = ingest(SHOW)
    assert speaker_of(show, "Welcome back.") == "Lena Brandt"
    assert speaker_of(show, "Harbour prices rose 6 per cent") == "Omar Haddad"
    assert speaker_of(show, "Mostly.") == "Omar Haddad"
    # a clock inside a turn, over no label, leaves the sentence whole
    assert (
        "The surcharge alone added 4 per cent to the bill, and shipping firms passed it on "
        "within a month." in texts(show)
    )
    assert not any("00:0" in t or "(00" in t for t in texts(show))


def test_the_presenter_line_names_the_interviewer_and_surnames_take_the_full_name() -> None:
    show = ingest(SHOW)
    assert speaker_of(show, "Is that the fuel surcharge?") == "Lena Brandt"
    assert speaker_of(show, "Thank you, Omar.") == "Lena Brandt"
    assert {q.speaker for q in show.quotes} == {"Lena Brandt", "Omar Haddad"}
    interview = ingest(
        "Harbour Talk\n\nPresenter: JO PARK\nGuest: Sam Ruiz, harbour master\n\n"
        "Q: How many ships came in?\n\nA: About 4,100, a record.\n\n"
        "Q: And next year?\n\nA: Fewer, because of the dredging.\n"
    )
    assert speaker_of(interview, "How many ships came in?") == "Jo Park"
    assert speaker_of(interview, "Fewer, because of the dredging.") == "Sam Ruiz"


def test_a_titled_label_and_a_surname_label_are_one_person_named_without_the_title() -> None:
    hearing = ingest(
        "Roads Committee, Evidence Session\n\n"
        "SENATOR MARY ELLIS: We will begin. Mr Tan, your figures please.\n\n"
        "JOHN TAN: Potholes cost the county 3 million pounds last winter.\n\n"
        "ELLIS: And this winter?\n\n"
        "TAN: We expect about the same.\n"
    )
    assert speaker_of(hearing, "We will begin.") == "Mary Ellis"
    assert speaker_of(hearing, "And this winter?") == "Mary Ellis"
    assert speaker_of(hearing, "We expect about the same.") == "John Tan"


def test_two_people_with_one_surname_stay_two_and_a_single_titled_form_keeps_its_title() -> None:
    panel = ingest(
        "Family Farms Panel\n\n"
        "ANNA OKAFOR: Our farm lost 40 lambs in the snow.\n\n"
        "BEN OKAFOR: My cousin's farm lost more.\n\n"
        "OKAFOR: We both need the fund.\n\n"
        "DR. LENA VOSS: The fund opens in March.\n\n"
        "ANNA OKAFOR: Thank you.\n"
    )
    assert speaker_of(panel, "Our farm lost 40 lambs") == "Anna Okafor"
    assert speaker_of(panel, "My cousin's farm") == "Ben Okafor"
    assert speaker_of(panel, "We both need the fund.") == "Okafor"
    assert speaker_of(panel, "The fund opens in March.") == "Dr. Lena Voss"


def test_a_rule_is_no_text_and_heads_no_header_without_fields() -> None:
    story = ingest(
        "Harbour Dredging Begins\n\n"
        "Dredging of the inner harbour began on Monday and will take six weeks.\n\n"
        "----------\n\n"
        "Note: the harbour stays open during the work.\n\n"
        "* * *\n\n"
        "Boats will be guided past the dredger by a pilot launch.\n"
    )
    body = texts(story)
    assert "Dredging of the inner harbour began on Monday and will take six weeks." in body
    assert "Boats will be guided past the dredger by a pilot launch." in body
    assert not any(set(t) <= set("-* ") for t in body), body
    assert story.title == "Harbour Dredging Begins"


def test_lines_above_a_rule_with_one_field_or_a_long_line_are_no_header() -> None:
    one_field = ingest(
        "Budget Notes\nUpdated: 3 March 2025\nThe council set its budget on Monday night.\n"
        "------\n\nSpending on roads rises by a tenth. Libraries keep their hours.\n"
    )
    assert any("The council set its budget on Monday night." in t for t in texts(one_field))


def test_rule_and_field_date_shapes() -> None:
    assert is_rule("-----") and is_rule("=== === ===") and is_rule("* * *") and is_rule("____")
    assert not is_rule("--") and not is_rule("----- Original Message -----")
    assert field_date("Sunday 2 March 2025, 09:00") == "2025-03-02"
    assert field_date("Tuesday, 4 February 2025 at 2 p.m.") == "2025-02-04"
    assert field_date("4 June 2025") == "2025-06-04"
    assert field_date("Harbour House, 4 June 2025") is None
    assert field_date("LENA BRANDT") is None


def test_a_short_first_turn_is_no_title_or_subtitle_but_a_labelled_title_is_one() -> None:
    turns = (
        "Q: How many ships came in?\n\nA: About 4,100, a record.\n\n"
        "Q: And next year?\n\nA: Fewer, because of the dredging.\n"
    )
    titled = ingest("Harbour Talk\n\nPresenter: JO PARK\n\n" + turns)
    assert titled.title == "Harbour Talk" and titled.subtitle is None
    assert speaker_of(titled, "How many ships came in?") == "Jo Park"
    untitled = ingest(turns)
    assert untitled.title != "Q: How many ships came in?"
    assert speaker_of(untitled, "How many ships came in?") == "Interviewer"
    briefing = ingest(
        "Briefing: Harbour Dredging, Phase Two\n\nBy Ana Ruiz\n\n"
        "Dredging of the inner harbour began on Monday and will take six weeks.\n"
    )
    assert briefing.title == "Briefing: Harbour Dredging, Phase Two"
