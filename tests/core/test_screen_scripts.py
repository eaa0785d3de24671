"""Screen scripts (a bulletin's, a film's) and translated statements, in shapes of our own."""

from __future__ import annotations

from bot.core.ingest.screen_scripts import is_screen_script
from bot.core.model import Corpus
from bot.core.search import Searcher
from tests.core.ingested import ingest, one, speaker_of, texts

# a regional radio-and-TV bulletin: fields on their own lines, a presenter and a correspondent
# with delivery marks, a SUPER caption over words with no label, a VT direction, "ENDS"
BULLETIN = """SHOW: HARBOUR NEWS AT SIX | LATE EDITION
TX DATE: FRIDAY 6 MARCH 2026
ITEM: DREDGING CONTRACT DELAYED
RUNNING TIME: 2'10"

[10:00:00]
PRESENTER (AMY LINDQVIST): The dredging of the outer harbour will start eight months late.
The port authority blames a shortage of vessels. Our correspondent Raj Patel has the story.

[10:00:14]
CORRESPONDENT (RAJ PATEL) (V/O): The channel was last dredged in 2019. Since then, silt has
cut its depth by 1.8 metres at low tide.

VT: AERIAL SHOTS OF THE HARBOUR MOUTH
SUPER: JOHN OKORO / HARBOUR MASTER
Ships above 40,000 tonnes now wait for the tide. That costs each of them a day.

CORRESPONDENT (RAJ PATEL) (PTC): The authority says the work will be finished by the end
of next year.

ENDS
"""


def test_a_bulletin_script_reads_its_fields_roles_and_captions() -> None:
    article = ingest(BULLETIN)
    assert article.title == "Dredging Contract Delayed"
    assert article.publication == "Harbour News at Six"
    assert article.date == "2026-03-06"
    assert speaker_of(article, "The dredging of the outer harbour") == "Amy Lindqvist"
    assert speaker_of(article, "The channel was last dredged") == "Raj Patel"
    # the SUPER caption names who speaks the unlabelled words under it
    assert speaker_of(article, "Ships above 40,000 tonnes") == "John Okoro"
    assert any((q.speaker or "").endswith("John Okoro") for q in article.quotes)
    for t in texts(article):
        assert not t.startswith(("VT:", "SUPER:", "PRESENTER", "CORRESPONDENT", "ENDS")), t
        assert "RUNNING TIME" not in t and "[10:00" not in t, t


# a film transcript: the maker as "Directed by", a "First shown on … on …" line, an en dash
# caption, bracketed scene notes alone on their lines, "[CLOSING CREDITS]"
FILM = """SALT AND STONE
Directed by Tomasz Wierzbicki
First shown on Channel Meridian on 2 May 2025

[00:00:10] [drone shot: the salt pans at low tide]

NARRATOR: The salt pans of Marisco have been worked since the twelfth century. Nine families
still work them.

[00:01:02]
ELENA MARQUES – salt farmer, Marisco

ELENA MARQUES: My father worked these pans, and his father. I will be the last one.

[the wind across the pans]

NARRATOR: In 1990 there were sixty families.

ELENA MARQUES: The young go to the city. I do not blame them.

[00:03:40] [CLOSING CREDITS]
A Saltwater Pictures production
Camera: Ines Duarte
"""


def test_a_film_transcript_reads_its_maker_broadcast_captions_and_credits() -> None:
    article = ingest(FILM)
    assert article.title == "SALT AND STONE"
    assert article.authors == ("Tomasz Wierzbicki",)
    assert article.publication == "Channel Meridian"
    assert article.date == "2025-05-02"
    assert article.sections == ()
    # the narrator is the voice, not the film's director in the byline
    assert speaker_of(article, "The salt pans of Marisco") == "Narrator"
    assert speaker_of(article, "My father worked these pans") == "Elena Marques"
    for t in texts(article):
        assert "[" not in t and "Saltwater" not in t and "Camera" not in t, t
        assert not t.startswith("ELENA MARQUES"), t
    assert one(article, "I will be the last one.").speaker == "Elena Marques"


# a radio transcript: "Broadcast:" and "Programme:" lines, clock lines, a "[music]" note; no
# screen directions, so it is no screen script and its reading stays as it was
RADIO = """THE FARM HOUR - Radio Fenmoor
Broadcast: Tuesday 3 June 2025, 12:00
Programme: The Farm Hour
Presenter: LUCY ABARA

[00:00:04]
LUCY ABARA: Welcome to The Farm Hour. Today, the price of fertiliser.

[music]

LUCY ABARA: With me is the agronomist Kofi Mensah. Kofi, what happened to prices?

KOFI MENSAH: They doubled in 2022 and they have not come back down.
"""


def test_a_radio_transcript_is_no_screen_script() -> None:
    assert not is_screen_script(RADIO)
    article = ingest(RADIO)
    assert speaker_of(article, "They doubled in 2022") == "Kofi Mensah"
    assert "They doubled in 2022 and they have not come back down." in texts(article)


def test_a_podcast_with_music_notes_and_dashes_is_no_screen_script() -> None:
    podcast = (
        "LUCY ABARA — host\n\n[music]\n\nLUCY ABARA: Hello.\n\n[music]\n\n"
        "KOFI MENSAH: Hello, Lucy.\n"
    )
    assert not is_screen_script(podcast)  # one caption-shaped line is not enough


def test_a_quote_query_that_names_the_given_speaker_searches_the_rest() -> None:
    article = ingest(FILM, name="salt")
    searcher = Searcher(Corpus(articles=(article,)))
    answer = searcher.quotes("Elena Marques last one", speaker="Elena Marques")
    assert answer.hits and answer.hits[0].text.startswith("My father worked these pans")


# a translated communiqué: the translation note in round brackets, an embassy's masthead over
# its numbered series line, the title, a dateline; a contact card with no label at the end
COMMUNIQUE = """(Courtesy English translation)

EMBASSY OF THE REPUBLIC OF OSTRAVIA

Communique No. 31/2025

Communique on the reopening of the consular section

Brenholm, 4 April 2025

The consular section of the Embassy will reopen to the public on 14 April 2025, after six
weeks of repairs. Visa applications made before the closure will be processed in the order
received.

Appointments can be booked from 7 April. For details, call the consular helpline on 0800 555 0100.

Communications Unit, Embassy of Ostravia
Phone: +44 20 5550 1234
Email: press@ostravia-embassy.example
"""


def test_a_translated_communique_reads_its_note_issuer_series_and_contact_card() -> None:
    article = ingest(COMMUNIQUE)
    assert article.title == "Communique on the reopening of the consular section"
    assert article.publication == "Embassy of the Republic of Ostravia"
    assert article.series == "Communique No. 31/2025"
    assert article.translation == "Courtesy English translation"
    body = texts(article)
    assert not any("Phone:" in t or "Communications Unit" in t or "Email:" in t for t in body)
    # a sentence that gives a phone number is text
    assert "For details, call the consular helpline on 0800 555 0100." in body


def test_a_title_about_translation_is_no_translation_note() -> None:
    article = ingest(
        "Translation services review\n\nBy Mira Stone\n\n"
        "The council spent 1.2 million on translation in 2024. The review looks at why.\n"
    )
    assert article.title == "Translation services review"
    assert article.translation is None


def test_a_wire_export_with_end_marks_is_no_screen_script() -> None:
    wire = (
        "NORDIC PRESS SERVICE · 3 Feb 2026\n\nFerry fares rise\n\nBy Ana Lind\n\n"
        "OSLO, Feb 3 (NPS) — Fares rise by 4 per cent.\n\nENDS\n\nPort strike ends\n\n"
        "BERGEN, Feb 3 (NPS) — Dockers return to work.\n\nENDS\n"
    )
    assert not is_screen_script(wire)  # "ENDS" closes a wire story as well as a script's item
