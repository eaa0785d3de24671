"""Show transcripts (podcasts, radio): role labels with the person's name, transcriber's notes."""

from __future__ import annotations

from bot.core.model import Article
from tests.core.ingested import ingest


def said(article: Article, start: str) -> str | None:
    found = [s for s in article.sentences if s.text.startswith(start)]
    assert len(found) == 1, (start, [s.text for s in article.sentences])
    return found[0].speaker


def test_a_role_named_once_is_that_person_in_every_later_bare_turn() -> None:
    article = ingest(
        "The Harbour Hour\n\n"
        "[Music fades]\n\n"
        "INTERVIEWER (Jo Park): Good evening. With me is the harbour master.\n\n"
        "AMINA BELLO: Thank you. The port handled 4,100 ships last year.\n\n"
        "INTERVIEWER: Is that a record?\n\n"
        "AMINA BELLO: [laughs] It is. We expected 3,600 at most.\n\n"
        "[crosstalk]\n\n"
        "INTERVIEWER: And the dredging?\n\n"
        "AMINA BELLO: It starts in May and costs [inaudible 00:03:10] about 12 million.\n\n"
        "[END OF PROGRAMME]\n"
    )
    assert said(article, "Good evening") == "Jo Park"
    assert said(article, "Is that a record") == "Jo Park"
    assert said(article, "And the dredging") == "Jo Park"
    assert said(article, "The port handled") == "Amina Bello"
    assert said(article, "It is.") == "Amina Bello"
    body = [s.text for s in article.sentences]
    assert "It starts in May and costs about 12 million." in body
    assert not any("[" in t or t.startswith(("INTERVIEWER", "AMINA")) for t in body), body


def test_a_name_with_its_role_in_brackets_is_no_reporter_and_names_the_role() -> None:
    """ "Marek Novak (Guest):" is the guest, not a reporter of an outlet: his turns are quoted,
    and a later bare "GUEST:" is him; "PRESENTER (Ruth Okafor):" likewise."""
    article = ingest(
        "Farm Talk, Episode 9\n\n"
        "PRESENTER (Ruth Okafor): Welcome back. Our guest grows barley.\n\n"
        "Marek Novak (Guest): Thanks, Ruth. We planted 300 hectares this spring.\n\n"
        "PRESENTER: Why so much?\n\n"
        "GUEST: The price doubled in a year.\n"
    )
    assert said(article, "Why so much") == "Ruth Okafor"
    assert said(article, "The price doubled") == "Marek Novak"
    assert ("Marek Novak", "Thanks, Ruth. We planted 300 hectares this spring.") in [
        (q.speaker, q.text) for q in article.quotes
    ]


def test_a_role_two_people_are_named_with_names_neither() -> None:
    article = ingest(
        "Panel Night\n\n"
        "HOST (Lena Brandt): Two guests tonight.\n\n"
        "GUEST (Omar Haddad): Glad to be here.\n\n"
        "GUEST (Ines Duarte): Me too.\n\n"
        "GUEST: I have a question first.\n\n"
        "HOST: Go ahead.\n"
    )
    assert said(article, "Glad to be here") == "Omar Haddad"
    assert said(article, "Me too") == "Ines Duarte"
    assert said(article, "I have a question first") not in ("Omar Haddad", "Ines Duarte")
    assert said(article, "Go ahead") == "Lena Brandt"


def test_a_full_stop_ends_a_name_so_a_fragment_is_no_speaker() -> None:
    article = ingest(
        "Flood Night\n\nBy Kit Arden\n\n"
        "The river rose two metres in a night across the lower valley towns.\n\n"
        'Yes. Four families lost their homes. "We had ten minutes to leave," she said.\n'
    )
    assert all(q.speaker is None or "Yes" not in q.speaker for q in article.quotes)


def test_a_name_and_the_clock_alone_on_a_line_label_the_words_below() -> None:
    article = ingest(
        "The Harbour Hour\n\n"
        "Jo Park — 00:12:31\nSo tell me about the harbour this year.\n\n"
        "Amina Bello — 00:12:40\nIt handled 4,100 ships, a record for the port.\n\n"
        "Jo Park — 00:13:02\nAnd next year?\n\n"
        "Amina Bello — 00:13:10\nWe expect fewer ships but larger ones.\n"
    )
    assert said(article, "So tell me") == "Jo Park"
    assert said(article, "It handled 4,100 ships") == "Amina Bello"
    assert said(article, "We expect fewer ships") == "Amina Bello"
    assert not any("00:1" in s.text for s in article.sentences)


def test_an_agendas_items_and_times_are_no_speakers() -> None:
    article = ingest(
        "Harbour Open Day\n\n"
        "Welcome — 09:00\nThe harbour master opens the day at the main gate.\n\n"
        "Dredging — 09:30\nThe dredging team shows the new channel to visitors.\n\n"
        "Lunch — 12:00\nFood is served in the old customs house by the quay.\n"
    )
    assert all(s.speaker is None for s in article.sentences)


def test_an_episode_line_over_the_title_is_the_series_and_the_recording_date_the_date() -> None:
    article = ingest(
        "Season 3, Episode 7\n"
        "Salt and Steel: The Last Shipyard on the Wear\n"
        "Broadcast 4 March 2024. Produced by Northgate Audio.\n\n"
        "PRESENTER (Ruth Okafor): The yard once built 40 ships a year.\n\n"
        "GUEST (Marek Novak): Now it builds two, both ferries.\n\n"
        "PRESENTER: What changed?\n\n"
        "GUEST: The orders went east in the 1980s.\n"
    )
    assert article.title == "Salt and Steel: The Last Shipyard on the Wear"
    assert article.date == "2024-03-04"
    body = [s.text for s in article.sentences]
    assert "Produced by Northgate Audio." in body
    assert not any(t.startswith(("Season 3", "Broadcast", "Salt and Steel")) for t in body)


def test_a_dateline_glued_under_prose_is_no_header() -> None:
    """Only short header lines stack over a dateline: a paragraph of prose keeps its lines."""
    article = ingest(
        "Shipyard Notes\n\n"
        "The yard on the river closed its last slipway this winter, after a century\n"
        "recorded in the town's own history of launches and of strikes.\n\n"
        "Its workers moved to the ferry yard across the water, the union said.\n"
    )
    body = [s.text for s in article.sentences]
    assert body[0].startswith("The yard on the river closed") and body[0].endswith("strikes.")
