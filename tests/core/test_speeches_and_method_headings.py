"""Speeches as delivered and explainers' plain headings, in documents written for the test.

A delivery notice ("As prepared for delivery") is no title; a title "Address by Name, Role"
names the author; "Venue, Town, 3 March 2025" dates the header; the room's reactions closing
a sentence ("(Cheers)") are no text; numbered "Notes to editors" after the end mark are the
notes list; "Name, who …" is the person a later "He told me, "…"" quotes; and where question
lines head an explainer's sections, a short sentence-case line ("Where the numbers come
from") heads one too. Each rule has a negative case that must stay as it is.
"""

# ruff: noqa: E501 (a speech is written a paragraph a line, as delivered texts are)
from __future__ import annotations

from tests.core.ingested import ingest, texts

SPEECH = """As prepared for delivery

Address by Tomasz Wierzbicki, Secretary of State for Rural Affairs
National Farmers' Breakfast
Corn Exchange, Lincoln, 3 March 2025

Good morning, and thank you for coming out so early on a Monday. I know most of you have been up since five. (Laughter)

Farm incomes fell by 11 per cent last year, the steepest fall in a decade. (Murmurs of agreement) That cannot go on.

I met Olwen Pryce, who farms sheep above Llanidloes, in January. He told me nothing; she did. She said, "The paperwork takes me longer than the lambing." That stuck with me.

So the grant scheme will open on 1 June, and it will pay for hedges, ponds and shelter belts. (Cheers)

Thank you.

-ENDS-

Notes to editors

1. The grant scheme is worth £120 million over two years.
2. Figures on farm incomes are from the annual farm business survey.
3. The Secretary of State was introduced by the chair of the breakfast, Ruth Mallory.
"""


def test_a_delivery_notice_is_no_title_and_the_address_line_names_the_author() -> None:
    talk = ingest(SPEECH)
    assert talk.title == "Address by Tomasz Wierzbicki, Secretary of State for Rural Affairs"
    assert talk.authors == ("Tomasz Wierzbicki",)
    assert talk.date == "2025-03-03"


def test_the_rooms_reactions_are_no_text() -> None:
    body = texts(ingest(SPEECH))
    assert not any("(Laughter)" in t or "(Cheers)" in t or "(Murmurs" in t for t in body)
    assert "That cannot go on." in body
    assert "I know most of you have been up since five." in body


def test_a_wrapped_speech_loses_its_reactions_and_heckles_too() -> None:
    """Hard-wrapped at 60 columns: a note opening a line after a closed sentence goes, and so
    does a heckle quoted in brackets ("(A voice: "Too late!")")."""
    article = ingest(
        "Remarks by Ines Carvalho, Mayor of Porthleven\nHarbour Festival, 2 August 2025\n\n"
        "The harbour wall will be rebuilt by next spring, and the\n"
        "council will pay half of the £6 million it costs.\n"
        "(Applause) Some of you have waited ten years for this.\n"
        '(A voice: "Too late!") I know. I have waited with you.\n'
    )
    body = texts(article)
    assert article.authors == ("Ines Carvalho",)
    assert "Some of you have waited ten years for this." in body
    assert "I know." in body
    assert not any("(Applause)" in t or "A voice" in t for t in body)


def test_a_reaction_like_parenthesis_inside_a_sentence_or_opening_it_stays() -> None:
    """Only a note closing a sentence goes: "(Reuters)" opening a paragraph and "(Scotland)"
    inside a sentence are the writer's."""
    article = ingest(
        "Ferry Budget Rises\n\nBy Jo Park\n\n"
        "(Reuters) The island ferry budget rose by £40 million this year, officials said.\n\n"
        "The Transport (Scotland) Act sets the rules for the new contract, which runs to 2031.\n"
    )
    body = texts(article)
    assert any(t.startswith("(Reuters) The island ferry budget") for t in body)
    assert any("Transport (Scotland) Act" in t for t in body)


def test_numbered_notes_to_editors_are_the_notes_list() -> None:
    talk = ingest(SPEECH)
    assert [n.number for n in talk.notes] == [1, 2, 3]
    assert talk.notes[0].text.startswith("The grant scheme is worth £120 million")
    assert not any(t.startswith(("1. The grant", "2. Figures")) for t in texts(talk))


def test_unnumbered_notes_to_editors_stay_text() -> None:
    """A paragraph under "Notes to editors" (no numbered list) is read as text under it."""
    article = ingest(
        "NEWS RELEASE\n\nCouncil Opens Two Pools\n\nThe council opened two pools today, "
        "the first it has built since 1990, at a cost of £9 million between them.\n\n"
        "###\n\nNotes to editors\n\nThe pools were designed by the council's own architects.\n"
    )
    assert not article.notes
    assert "The pools were designed by the council's own architects." in texts(article)


def test_a_person_a_relative_clause_describes_is_the_one_quoted_after() -> None:
    quotes = {q.text: q.speaker for q in ingest(SPEECH).quotes}
    assert quotes["The paperwork takes me longer than the lambing."] == "Olwen Pryce"


def test_a_sentence_opening_with_a_preposition_names_no_speaker() -> None:
    """ "Since March, every farm …" is no person: the pronoun's quote is not "Since March"'s."""
    article = ingest(
        "Grants for Hedges\n\nBy Jo Park\n\n"
        "The grant scheme pays for new hedges and ponds on working farms in the county.\n\n"
        "Since March, every farm in the county will report its hedges in the same way, so "
        "that we can see where things are getting better.\n\n"
        'I spoke to a farmer last week. She told me, "We had forty applications in a week."\n'
    )
    assert all(q.speaker != "Since March" for q in article.quotes)


EXPLAINER = """Where has the ferry money gone?

By Priya Nandakumar, Transport Correspondent
Published 8 May 2025

The island ferry budget has doubled in five years, and sailings are still cancelled. We looked at the figures.

How much is spent on ferries?

The state spent £410 million on ferries last year, against £205 million five years before.

Why are sailings cancelled?

Most cancellations were for technical faults on vessels more than 25 years old.

Where the numbers come from

We used the operator's annual reports for 2019 to 2024 and answers to written questions.
"""


def test_a_plain_line_heads_a_section_where_questions_head_the_others() -> None:
    article = ingest(EXPLAINER)
    assert "Where the numbers come from" in article.sections
    method = [s for s in article.sentences if s.text.startswith("We used the operator's")]
    assert len(method) == 1 and method[0].section == "Where the numbers come from"


def test_a_plain_line_heads_nothing_without_question_headings() -> None:
    """In a text whose sections are not headed by questions, a lone sentence-case line over a
    paragraph is no heading."""
    article = ingest(
        "Ferry Money Doubles\n\nBy Priya Nandakumar\n\n"
        "The island ferry budget has doubled in five years, and sailings are still cancelled.\n\n"
        "Where the numbers come from\n\n"
        "We used the operator's annual reports for 2019 to 2024.\n"
    )
    assert "Where the numbers come from" not in article.sections
