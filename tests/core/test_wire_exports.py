"""Plain-text wire exports of several stories: headlines, bylines, datelines and furniture.

Every document here is written for the test, in shapes unlike held-out set J's export: a
service line with "·" parts and "ENDS" markers, an export with no service line and no bylines
whose stories end "-30-" (the publication from the copyright footer), and, as negative cases,
a one-story article with the same furniture and a feature whose subheads are no headlines.
"""

from __future__ import annotations

from bot.core.ingest.story_credits import closing_credit
from bot.core.ingest.wire_export import read_wire_export
from tests.core.ingested import ingest, texts

DESK = """HARBOUR PRESS AGENCY · BALTIC BUSINESS DESK · 14 Jan 2026 · 1130 CET

Gdansk shipyard wins order for four offshore wind vessels

By Marta Zielinska

GDANSK, Jan 14 (HPA) — A Gdansk shipyard has won an order worth 310 million euros to
build four service vessels for offshore wind farms, its owner said on Wednesday.

"This is the largest order in the yard's history," chief executive Piotr Nowak told
reporters at the yard.

The vessels will be delivered between 2027 and 2029.

(Writing by Marta Zielinska; Editing by Olav Lund)

((marta.zielinska@hpa.example; +48 58 555 0101))

ENDS

Latvian grain exports rise on record harvest

By Janis Ozols and Ruta Berzina

RIGA, Jan 14 (HPA) — Latvia exported 2.9 million tonnes of grain in the second half of
2025, a third more than a year earlier, the agriculture ministry said.

Most of the grain went to North Africa through the port of Riga.

(The figures exclude 120,000 tonnes sent by rail through Daugavpils.)

(Reporting by Janis Ozols and Ruta Berzina; Editing by Olav Lund)

ENDS

Estonian rail link delayed by a year, auditors say

By Kadri Tamm

TALLINN, Jan 14 (HPA) — The Estonian section of the Rail Baltica line will open a year
later than planned, in 2031, the national audit office said on Wednesday.

The auditors said the cost of the section had risen to 1.9 billion euros.

(Reporting by Kadri Tamm; Editing by Olav Lund)

ENDS

© Harbour Press Agency 2026. All rights reserved. No part of this service may be
reproduced without written permission.
"""


def test_a_service_line_names_the_publication_and_date_and_the_first_headline_is_the_title() -> (
    None
):
    desk = ingest(DESK)
    assert desk.title == "Gdansk shipyard wins order for four offshore wind vessels"
    assert desk.publication == "Harbour Press Agency"
    assert desk.date == "2026-01-14"
    assert desk.subtitle is None


def test_the_later_stories_are_sections_under_their_headlines_and_every_byline_an_author() -> None:
    desk = ingest(DESK)
    assert desk.sections == (
        "Latvian grain exports rise on record harvest",
        "Estonian rail link delayed by a year, auditors say",
    )
    assert desk.authors == ("Marta Zielinska", "Janis Ozols", "Ruta Berzina", "Kadri Tamm")
    section = {s.text: s.section for s in desk.sentences}
    assert section["Most of the grain went to North Africa through the port of Riga."] == (
        "Latvian grain exports rise on record harvest"
    )
    assert section["The vessels will be delivered between 2027 and 2029."] == ""


def test_every_dateline_comes_off_and_the_furniture_is_no_text() -> None:
    body = texts(ingest(DESK))
    assert body[0].startswith("A Gdansk shipyard has won an order")
    assert any(t.startswith("Latvia exported 2.9 million tonnes") for t in body)
    assert any(t.startswith("The Estonian section of the Rail Baltica") for t in body)
    for t in body:
        assert not t.startswith(("GDANSK", "RIGA", "TALLINN")), t
        assert "Editing by" not in t and "@" not in t and "ENDS" not in t, t
        assert "rights reserved" not in t and "reproduced" not in t, t
        assert "Latvian grain exports rise" not in t, t
    assert body[-1] == "The auditors said the cost of the section had risen to 1.9 billion euros."
    # a remark in parentheses is the story's text, not its credit or contact line
    assert "(The figures exclude 120,000 tonnes sent by rail through Daugavpils.)" in body
    by = {q.text: q.speaker for q in ingest(DESK).quotes}
    assert by["This is the largest order in the yard's history"] == "Piotr Nowak"


BARE = """Council tax to rise 4.9 pct in Westmoor

WESTMOOR, June 2 (Fenland Wire) - Westmoor council will raise council tax by 4.9 percent
from April, the maximum allowed without a local vote, it said on Monday.

-30-

Flood barrier opens at Kingsmere after six years of work

KINGSMERE, June 2 (Fenland Wire) - A 40-million-pound flood barrier on the river Ouse at
Kingsmere opened on Monday, six years after work began.

The barrier protects 2,100 homes, the Environment Agency said.

-30-

Copyright 2026 Fenland Wire. All rights reserved.
"""


def test_an_export_without_service_line_or_bylines_takes_its_publication_from_the_footer() -> None:
    bare = ingest(BARE)
    assert bare.title == "Council tax to rise 4.9 pct in Westmoor"
    assert bare.publication == "Fenland Wire"
    assert bare.sections == ("Flood barrier opens at Kingsmere after six years of work",)
    body = texts(bare)
    assert body[0].startswith("Westmoor council will raise council tax")
    assert body[-1] == "The barrier protects 2,100 homes, the Environment Agency said."
    assert not any("-30-" in t or "Copyright" in t for t in body)


ONE_STORY = """Port strike ends after pay deal

By Lena Ortiz

VALENCIA, May 5 (Levante News) - Dock workers at the port of Valencia returned to work on
Monday after unions accepted a pay rise of 6 percent over two years.

The strike had held up about 40 ships, the port authority said.

Talks on working hours will resume in June.

(Reporting by Lena Ortiz; Editing by Paul Grey)
"""


def test_a_one_story_article_is_no_export_and_reads_as_before() -> None:
    assert read_wire_export(ONE_STORY) is None
    story = ingest(ONE_STORY)
    assert story.title == "Port strike ends after pay deal"
    assert story.authors == ("Lena Ortiz",)
    assert story.sections == ()
    assert texts(story)[0].startswith("Dock workers at the port of Valencia")


FEATURE = """The last ferryman of the Tamar

By Owen Hale

Every morning at six, Tom Pascoe pulls the chain ferry across the river at Calstock. He has
done it for 31 years, and the council says he will be the last to do it.

A crossing with history

SALTASH - The ferry has run since 1834, and its chain was last replaced in 1998.

The council will close it in October.

What comes next

PLYMOUTH - A footbridge is planned, but it has no funding yet.
"""


def test_a_feature_with_subheads_over_place_names_is_no_export() -> None:
    """Its subheads stand over paragraphs that happen to open with a place in capitals, but
    they are not headlines of stories of their own: the first block is a byline'd story with
    no dateline, so the text stays one article with subheads."""
    assert read_wire_export(FEATURE) is None


def test_closing_credit_lines_are_jobs_done_by_people() -> None:
    assert closing_credit("Reporting by Janis Ozols and Ruta Berzina; Editing by Olav Lund")
    assert closing_credit("Writing by Ana Ruiz; Additional reporting by Li Wei in Shanghai")
    assert not closing_credit("Reporting by the BBC found the claims were false.")
    assert not closing_credit("The ministry said editing by hand was too slow")
