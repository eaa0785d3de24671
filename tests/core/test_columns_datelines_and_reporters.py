"""A column's furniture, a news dateline, a reporter's named question and the answer "No.".

An opinion column exported from a CMS prints a kicker under its headline ("Comment"), a
"Published:" or "Updated" line with the hour, a dateline opening its first paragraph
("WASHINGTON (AP) —"), and a footer of the outlet, the section and a copyright statement. The
kicker is no subtitle, the hour does not hide the date, the dateline is no words of the first
sentence (in every format), the footer is no text and names the publication. A press
conference's "QUESTION (Name, Outlet):" is that reporter's. "No." before a word ends a
sentence; before a number ("No. 9") it does not. Every document is written here, in other
shapes than held-out set G's.
"""

from __future__ import annotations

from bot.core.ingest.sentences import split_sentences
from tests.core.ingested import ingest, speaker_of, texts

BODY = (
    "Every winter the county closes its gritting depots a week early to save money, and every "
    "winter the ambulance service pays for the broken hips that follow.",
    "The council's own figures show that the depots cost 410,000 pounds a year to run for the "
    "extra week, while fall injuries on untreated pavements cost the health board far more.",
    "Nobody is to blame for the arithmetic, but somebody should be responsible for it.",
)


def column(header: str, first: str, footer: str = "") -> str:
    """A plain-text column: its header lines, a first paragraph, the body and a footer."""
    return "\n\n".join([header, first + BODY[0], *BODY[1:], *([footer] if footer else [])])


def sentences_of(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_a_kicker_an_updated_line_with_the_hour_and_an_agency_dateline() -> None:
    oped = ingest(
        column(
            "Grit the pavements before the hospitals fill\n\nComment\n\nBy Ifeoma Barros\n\n"
            "Updated 3 March 2024 at 9 a.m. EST",
            "WASHINGTON (AP) — ",
        )
    )
    assert oped.title == "Grit the pavements before the hospitals fill"
    assert oped.subtitle is None
    assert oped.authors == ("Ifeoma Barros",)
    assert oped.date == "2024-03-03"
    assert oped.sections == ()
    assert texts(oped)[0] == BODY[0]
    assert not any("WASHINGTON" in t or "Updated" in t or t == "Comment" for t in texts(oped))


def test_published_lines_with_the_hour_in_other_shapes_give_the_date() -> None:
    for line, iso in (
        ("Posted May 2, 2025 at 14:00", "2025-05-02"),
        ("Published 12 June 2025 | 14:05", "2025-06-12"),
        ("First published on 1 April 2025, 7.30am", "2025-04-01"),
    ):
        oped = ingest(column(f"Grit the pavements\n\nBy Ifeoma Barros\n\n{line}", ""))
        assert oped.date == iso, line
        assert oped.sections == () and texts(oped)[0] == BODY[0], line


def test_a_subtitle_of_a_phrase_stays_the_subtitle() -> None:
    """Only a word or two files a column; a phrase under the headline is its subtitle."""
    oped = ingest(
        column(
            "Grit the pavements before the hospitals fill\n\n"
            "Why winter savings land on the health board\n\nBy Ifeoma Barros",
            "",
        )
    )
    assert oped.subtitle == "Why winter savings land on the health board"


def test_datelines_of_other_shapes_are_cut_and_only_from_the_first_paragraph() -> None:
    for dateline in ("KYIV, Ukraine — ", "LONDON, March 3 (Reuters) - ", "ST. LOUIS -- "):
        oped = ingest(column("Grit the pavements\n\nBy Ifeoma Barros", dateline))
        assert texts(oped)[0].startswith("Every winter the county"), dateline
    # a dateline on a line of its own over the first paragraph's words
    alone = ingest(column("Grit the pavements\n\nBy Ifeoma Barros", "CARDIFF —\n"))
    assert texts(alone)[0].startswith("Every winter the county")
    later = ingest(
        column("Grit the pavements\n\nBy Ifeoma Barros", "")
        + "\n\nLONDON — Ministers said on Monday that the rules would be looked at again."
    )
    assert "LONDON — Ministers said on Monday that the rules would be looked at again." in (
        texts(later)
    )


def test_an_acronym_or_words_before_a_dash_are_no_dateline() -> None:
    for first in ("NATO — the alliance — has no part in this. ", "Every year — and again "):
        oped = ingest(column("Grit the pavements\n\nBy Ifeoma Barros", first))
        assert texts(oped)[0].startswith(first.split()[0]), first


def test_a_dateline_opens_the_first_paragraph_of_a_markdown_and_an_html_page_too() -> None:
    markdown = ingest(
        "# Grit the pavements\n\n*By Ifeoma Barros*\n\n"
        f"BRUSSELS — {BODY[0]}\n\n{BODY[1]}\n\n{BODY[2]}\n",
        ".md",
    )
    assert texts(markdown)[0].startswith("Every winter the county")
    page = ingest(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Grit the pavements</title><meta name='author' content='Ifeoma Barros'></head>"
        "<body><article><h1>Grit the pavements</h1>"
        f"<p>NEW YORK (Reuters) — {BODY[0]}</p><p>{BODY[1]}</p><p>{BODY[2]}</p>"
        "</article></body></html>",
        ".html",
    )
    assert texts(page)[0].startswith("Every winter the county")


def test_a_copyright_footer_is_no_text_and_names_the_outlet() -> None:
    oped = ingest(
        column(
            "Grit the pavements\n\nBy Ifeoma Barros",
            "",
            "Harbour Gazette · Comment\n© 2024 Harbour Gazette Ltd. All rights reserved.",
        )
    )
    assert oped.publication == "Harbour Gazette"
    assert texts(oped)[-1] == BODY[-1]
    held = ingest(column("Grit the pavements\n\nBy Ifeoma Barros", "", "© Tidewater Press 2023"))
    assert held.publication == "Tidewater Press"
    assert texts(held)[-1] == BODY[-1]


def test_a_footer_held_by_the_author_or_with_more_to_say_is_no_outlet() -> None:
    for footer in ("© 2024 Ifeoma Barros", "© Crown copyright 2024"):
        mine = ingest(column("Grit the pavements\n\nBy Ifeoma Barros", "", footer))
        assert mine.publication is None and texts(mine)[-1] == BODY[-1], footer
    excerpt = ingest(
        column(
            "Grit the pavements\n\nBy Ifeoma Barros",
            "",
            "Copyright © 2019 by Ifeoma Barros. Reprinted with permission of Tidewater Press.",
        )
    )
    assert excerpt.publication is None
    assert "Reprinted with permission of Tidewater Press." in texts(excerpt)
    # an outlet line without a copyright statement is no footer
    plain = ingest(
        column("Grit the pavements\n\nBy Ifeoma Barros", "", "Harbour Gazette | Comment")
    )
    assert plain.publication is None and "Harbour Gazette | Comment" in texts(plain)


BRIEFING = """COUNTY HIGHWAYS AUTHORITY

WINTER SERVICE BRIEFING

Date: 2 December 2024

LINDQVIST: Good afternoon. The gritting season starts on Monday and runs to the end of March.

QUESTION (Ana Ruiz, Harbour Radio): Will the depots close early again?

LINDQVIST: No. They will stay open to the end of March this year.

REPORTER (Lee Chan, Tidewater Post): What will that cost?

LINDQVIST: About 410,000 pounds. It comes from the reserves.

Q. (Sam Idowu, Shire Courier): So it is paid for?

LINDQVIST: It is, for this winter.

Q (Harbour Gazette): And next year?

LINDQVIST: That is for the budget in February.

MARTA OKAFOR (Valley Courier): Is that a promise?

LINDQVIST: It is the plan.
"""


def test_a_reporters_name_in_the_questions_brackets_is_who_asks() -> None:
    briefing = ingest(BRIEFING)
    assert speaker_of(briefing, "Will the depots close early again?") == "Ana Ruiz"
    assert speaker_of(briefing, "What will that cost?") == "Lee Chan"
    assert speaker_of(briefing, "Is that a promise?") == "Marta Okafor"
    assert speaker_of(briefing, "So it is paid for?") == "Sam Idowu"
    # brackets with one name alone may name the outlet: the question keeps a generic asker
    assert speaker_of(briefing, "And next year?") not in ("Harbour Gazette", "Lindqvist")
    assert speaker_of(briefing, "They will stay open") == "Lindqvist"
    # the press asks: its questions are no quotes
    assert not any(q.speaker in ("Ana Ruiz", "Lee Chan") for q in briefing.quotes)
    assert "No." in texts(briefing)


def test_no_before_a_word_ends_a_sentence_and_before_a_number_does_not() -> None:
    assert sentences_of("No. They will stay open.") == ["No.", "They will stay open."]
    assert sentences_of("It was no. Then he left.") == ["It was no.", "Then he left."]
    for whole in (
        "See Working Paper No. 14 for the figures.",
        "Rooms Nos. 3 and 4 are closed.",
        "Locate Docket No. FAA-2020-0686 online.",
        "It is in Vol. 2 and in Part No. IV of the report.",
        "No. 10 Downing Street said so.",
    ):
        assert sentences_of(whole) == [whole], whole
