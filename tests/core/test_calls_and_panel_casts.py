"""Call and panel transcripts: the operator's turns, casts under a heading, generic labels.

Every document here is written for the test, in shapes unlike held-out sets Q and S: a
shareholder call whose cast is headed "Speakers" with "Name, role" lines and whose operator
hands over, a plain-text forum with "Unidentified speaker:" turns and a closing record note,
and as negatives a report whose heading stands over ordinary short lines (no cast) and a
meeting whose "Present:" roster still names members as it gives them.
"""

from __future__ import annotations

from tests.core.ingested import ingest, speaker_of, texts

CALL = """Harrow Cement plc Half-Year Results Call

Speakers

Ingrid Solberg, Chief Executive
Tomas Reyes, Finance Director
Nadia Farouk, Kestrel Equity Research

Prepared Remarks

Operator: Welcome to the Harrow Cement half-year results call. I will now hand over
to Ingrid Solberg.

Ingrid Solberg: Thank you. Cement volumes rose 6 percent in the half, to 2.4 million tonnes.

Tomas Reyes: Net debt fell to 310 million pounds at the end of June.

Operator: The next question is from Nadia Farouk of Kestrel Equity Research.

Nadia Farouk: Is the kiln upgrade still on budget?

Ingrid Solberg: Yes, it will cost 85 million pounds and finish in March.

The record was prepared by Harrow Cement investor relations.
"""


def test_the_operator_speaks_its_own_turns_and_the_cast_under_a_heading_is_no_text() -> None:
    call = ingest(CALL)
    assert speaker_of(call, "The next question is from Nadia Farouk") == "Operator"
    assert speaker_of(call, "Welcome to the Harrow Cement") == "Operator"
    assert speaker_of(call, "Net debt fell to 310 million") == "Tomas Reyes"
    assert speaker_of(call, "Is the kiln upgrade still on budget?") == "Nadia Farouk"
    body = texts(call)
    assert not any(t.startswith(("Operator:", "Ingrid Solberg, Chief", "Speakers")) for t in body)
    assert "Speakers" not in call.sections
    assert not any(name in call.sections for name in ("Tomas Reyes, Finance Director",))
    # the part heading after the cast is a section, not the subtitle
    assert "Prepared Remarks" in call.sections
    assert call.subtitle is None
    # the closing note on who made the record is nobody's
    assert speaker_of(call, "The record was prepared by") is None


def test_generic_labels_in_sentence_case_open_turns_of_no_named_speaker() -> None:
    forum = ingest(
        "Library Users' Forum, 4 March 2025\n\n"
        "Chair: Welcome everyone. The library now opens at 8 on weekdays.\n\n"
        "Unidentified speaker: Will Saturday hours change too?\n\n"
        "Chair: Saturday stays at 9 to 5.\n\n"
        "Audience member: What about the mobile library?\n\n"
        "Chair: It visits 14 villages a fortnight.\n"
    )
    assert speaker_of(forum, "Will Saturday hours change too?") == "Unidentified speaker"
    assert speaker_of(forum, "What about the mobile library?") == "Audience member"
    labels = ("Unidentified speaker:", "Audience member:")
    assert not any(t.startswith(labels) for t in texts(forum))


def test_a_heading_over_short_lines_that_are_not_people_is_no_cast() -> None:
    report = ingest(
        "Harbour Dredging Review\n\n"
        "Key figures\n\n"
        "Depth, 7.5 metres at low tide\n"
        "Cost, 2.1 million pounds a year\n\n"
        "The harbour was last dredged in 2019. It silts up by about 30 centimetres a year.\n"
    )
    body = " ".join(texts(report)) + " ".join(report.sections)
    assert "7.5 metres" in body and "2.1 million pounds" in body


def test_a_meetings_present_roster_still_names_its_members_by_the_roster() -> None:
    minutes = ingest(
        "Parish Council Meeting\n\n"
        "Present: Cllr Anna Brandt (Chair), Cllr Peter Vance, Cllr Sara Quist\n\n"
        "Cllr Brandt: The precept rises by 3 percent this year.\n\n"
        "Cllr Vance: The play area needs new fencing.\n\n"
        "Cllr Quist: The quote for fencing is 4,200 pounds.\n"
    )
    assert speaker_of(minutes, "The play area needs new fencing.") == "Peter Vance"
