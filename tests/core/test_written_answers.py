"""Written questions exports in other shapes, aligned tables labelled by year, and look-alikes.

Each document is written here: an upper house's export with "Asking member:"/"Answering
member:" fields, "Subject:" lines, the question and answer words with no "Question"/"Answer"
lines, and no rules between entries; and the look-alikes that must stay as they are (a news
story that quotes who asked and who answered, a figure grid whose header names no label column,
a turn's speaker quoting someone else as "he").
"""

from __future__ import annotations

from bot.core.ingest.aligned_tables import aligned_rows
from bot.core.ingest.written_answers import is_written_answers, member
from tests.core.ingested import ingest, speaker_of, texts

LORDS_EXPORT = """\
Parliamentary written questions
Search run 2 June 2025
Showing 3 results

HL4021
Subject: Railways: Fares
Asking member: Baroness Kell of Marden
Date asked: 12 May 2025
To ask His Majesty's Government what estimate they have made of the average rise in regulated
rail fares in 2025.
Answering member: Lord Dray (Department for Transport)
Date of answer: 20 May 2025
Regulated fares rose by 4.6% on 2 March 2025. The rise was capped at July's inflation rate.
We said in January, "no passenger will pay more than the cap on any regulated route."

HL4022
Subject: Buses: Rural Areas
Asking member: Lord Penrose
Date asked: 13 May 2025
To ask His Majesty's Government how many rural bus routes were withdrawn in 2024.
Answering member: Lord Dray (Department for Transport)
Date of answer: 21 May 2025
Operators withdrew 212 rural routes in 2024, against 305 in 2023.

  Year    Routes withdrawn    Routes restored
  2023    305                 41
  2024    212                 66

Councils restored routes with the Bus Service Improvement funds.

HL4023
Subject: Cycling: Infrastructure
Asking member: Baroness Kell of Marden
Date asked: 14 May 2025
To ask His Majesty's Government what funding they will give for cycle lanes in 2025-26.
Answering member: Lord Dray (Department for Transport)
Date of answer: 22 May 2025
Active Travel England will allocate £95 million for cycle lanes in 2025-26.
No more results
"""


def test_an_export_with_fields_gives_subjects_as_sections_and_members_as_speakers() -> None:
    article = ingest(LORDS_EXPORT)
    assert article.sections == (
        "Railways: Fares",
        "Buses: Rural Areas",
        "Cycling: Infrastructure",
    )
    # a peer's territorial designation is no part of the turn's label
    assert speaker_of(article, "To ask His Majesty's Government what estimate") == "Baroness Kell"
    assert speaker_of(article, "Regulated fares rose by 4.6%") == "Lord Dray"
    assert speaker_of(article, "Operators withdrew 212") == "Lord Dray"
    assert speaker_of(article, "Councils restored routes") == "Lord Dray"
    by_start = {s.text[:25]: s.section for s in article.sentences}
    assert by_start["Active Travel England wil"] == "Cycling: Infrastructure"
    for t in texts(article):
        assert not any(
            w in t
            for w in ("HL40", "Asking member", "Answering member", "Date of answer", "Date asked")
        ), t
        assert not any(w in t for w in ("Search run", "Showing 3", "No more results")), t


def test_the_answering_member_quotes_his_own_words() -> None:
    quotes = [q for q in ingest(LORDS_EXPORT).quotes if q.text.startswith("no passenger will")]
    assert quotes and quotes[0].speaker == "Lord Dray"


def test_a_table_labelled_by_year_reads_a_row_a_sentence() -> None:
    body = texts(ingest(LORDS_EXPORT))
    assert "2024 — Routes withdrawn 212; Routes restored 66." in body
    assert not any("Year" in t for t in body)


def test_members_are_read_from_asker_and_answerer_lines() -> None:
    assert member("the Minister for Schools (Dana Whitlock)") == "Dana Whitlock"
    assert member("Omar Reyes (Green, Lowmoor)") == "Omar Reyes"
    assert member("Helen Tiree") == "Helen Tiree"
    assert member("the Department") is None


def test_a_story_about_questions_is_no_export() -> None:
    story = [
        "Ministers faced questions on fares.",
        "Asked by reporters whether fares would rise again, the minister said no.",
        "The question was tabled last week.",
    ]
    assert not is_written_answers(story)
    article = ingest("\n\n".join(story) + "\n")
    assert "Asked by reporters whether fares would rise again, the minister said no." in (
        texts(article)
    )


def test_a_grid_whose_header_names_no_label_column_is_no_table() -> None:
    # a header of two figures' columns over rows of three figures: the first is no label
    lines = ["    Before    After", "    2023      305", "    2024      212"]
    assert aligned_rows(lines) == {}
    lines = ["  Year    Routes", "  2023    305", "  2024    212"]
    assert aligned_rows(lines) == {}  # two columns: no column of figures named apart


def test_a_he_said_quote_in_a_turn_is_not_the_speakers() -> None:
    transcript = (
        "Host: Welcome to the programme. Today we talk about ferries.\n\n"
        "Ana Ruiz: Thank you. I spoke to the harbour master, Tom Reid, and he said, "
        '"the new ferries will arrive late next year, not in spring."\n\n'
        "Host: And what did you tell him?\n\n"
        'Ana Ruiz: As I told him then, "late is better than never for the islands."\n'
    )
    article = ingest(transcript)
    by_text = {q.text[:20]: q.speaker for q in article.quotes}
    assert by_text.get("the new ferries will") != "Ana Ruiz"  # "he" is not the turn's speaker
    assert by_text.get("late is better than ") == "Ana Ruiz"


def test_answer_lines_that_open_like_fields_stay_text() -> None:
    export = (
        "Question UIN 5501\nLibraries: Opening Hours\n\n"
        "Asked by Omar Reyes (Green, Lowmoor)\nDate tabled: 2 May 2025\n\n"
        "Question\nTo ask the Secretary of State how many libraries cut their hours in 2024.\n\n"
        "Answered by the Minister for Culture (Dana Whitlock)\nDate answered: 9 May 2025\n\n"
        "Answer\nCouncils reported 140 libraries with shorter hours in 2024. The survey was sent\n"
        "Department officials in January and published in April.\n"
        "Asked by the sector, the Department agreed to repeat it in 2025.\n\n"
        "Question UIN 5502\nLibraries: Staff\n\n"
        "Asked by Omar Reyes (Green, Lowmoor)\nDate tabled: 2 May 2025\n\n"
        "Question\nTo ask the Secretary of State how many library staff were employed in 2024.\n\n"
        "Answered by the Minister for Culture (Dana Whitlock)\nDate answered: 9 May 2025\n\n"
        "Answer\nThe Department does not hold that figure.\n"
    )
    article = ingest(export)
    body = " ".join(texts(article))
    assert "Department officials in January and published in April." in body
    assert "Asked by the sector, the Department agreed to repeat it in 2025." in body
    assert speaker_of(article, "Councils reported 140 libraries") == "Dana Whitlock"
    assert speaker_of(article, "To ask the Secretary of State how many library staff") == (
        "Omar Reyes"
    )
