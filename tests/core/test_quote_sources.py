"""Quotations whose speaker is an organisation or a source the text does not name.

Every document here is written for the test (a water company, a river agency, a council), in
Markdown, HTML and plain text. An organisation speaks in any word order ("the Environment
Agency said", "said the Environment Agency", "as the Environment Agency put it", "the
Environment Agency described it as"); an unnamed source ("a spokeswoman for Larkhaven Water",
"one councillor") is the speaker as the text describes them. The negative cases keep the rules
narrow: scare quotes, titles in quotes, a passive "a scheme called "…"", words nobody is said
to say, and a place or a date before a clause's own subject are no one's quote.
"""

from __future__ import annotations

import pytest

from bot.core.ingest.attribution import speaker_after, speaker_before, verb_speaker
from bot.core.model import Article
from tests.core.ingested import ingest

HEADER = "---\ntitle: The River Levy\nauthor: Tomasz Nowak\n---\n\n"
PAGE = (
    "<html><head><title>The River Levy</title><meta name='author' content='Tomasz Nowak'>"
    "</head><body><article><h1>The River Levy</h1>{body}</article></body></html>"
)
TEXT = "The River Levy\nBy Tomasz Nowak\n\n"
FILLER = "The levy was first charged in 2019 and has risen twice since then."
WORDS = "the steepest rise in river charges for twenty years"
SAID = "We cannot clean the river and hold the bills down in the same year"


def md(*paragraphs: str) -> Article:
    return ingest(HEADER + "\n\n".join((FILLER, *paragraphs)) + "\n", ".md")


def html(*paragraphs: str) -> Article:
    body = "".join(f"<p>{p}</p>" for p in (FILLER, *paragraphs))
    return ingest(PAGE.format(body=body), ".html")


def txt(*paragraphs: str) -> Article:
    return ingest(TEXT + "\n\n".join((FILLER, *paragraphs)) + "\n", ".txt")


def said(article: Article) -> dict[str, str]:
    """Each direct quote's text → its speaker."""
    return {q.text: q.speaker for q in article.quotes if q.kind == "direct"}


# ---------------------------------------------------------------- an organisation speaks


@pytest.mark.parametrize(
    "sentence",
    [
        f'The Environment Agency described it as "{WORDS}".',
        f'Last spring the Environment Agency called the increase "{WORDS}".',
        f'The increase was "{WORDS}", as the Environment Agency put it.',
        f'The increase was "{WORDS}", the Environment Agency said.',
        f'It was, in what the Environment Agency called "{WORDS}", paid by every household.',
        f'In a statement, the Environment Agency said the increase was "{WORDS}".',
    ],
)
def test_an_organisation_is_the_speaker_in_any_word_order(sentence: str) -> None:
    assert said(md(sentence)) == {WORDS: "Environment Agency"}


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            f'"{SAID}," said the Department of Water and Rural Affairs.',
            "Department of Water and Rural Affairs",
        ),
        (
            f'"{SAID}," the Select Committee on Rivers and Canals said.',
            "Select Committee on Rivers and Canals",
        ),
        (f'According to the Office for Water Quality, "{SAID}."', "Office for Water Quality"),
        # "and" joins a name's words only after its link word: two speakers stay apart
        (f'"{SAID}," said Larkhaven Water and Anna Berg.', None),
    ],
)
def test_an_institutions_name_keeps_its_linking_words(sentence: str, speaker: str | None) -> None:
    speakers = list(said(md(sentence)).values())
    if speaker is None:
        assert "Larkhaven Water and Anna Berg" not in speakers
    else:
        assert speakers == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        f'"{SAID}," UN Secretary-General Ana Lind told reporters.',
        f'"{SAID}," said Director-General Ana Lind.',
    ],
)
def test_a_compound_title_is_no_part_of_the_name(sentence: str) -> None:
    assert list(said(md(sentence)).values()) == ["Ana Lind"]


@pytest.mark.parametrize("reader", [md, html, txt])
def test_a_sentence_quoted_from_an_organisation_after_the(reader: object) -> None:
    assert callable(reader)
    article = reader(
        f'"{SAID}," the Larkhaven Water Board said.',
        f'"{SAID}," said the Larkhaven Water Board in its annual report.',
    )
    assert said(article) == {SAID: "Larkhaven Water Board"}
    assert len(article.quotes) == 2


# ---------------------------------------------------------------- an unnamed source speaks


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (f'"{SAID}," a spokeswoman for Larkhaven Water said.', "a spokeswoman for Larkhaven Water"),
        (f'"{SAID}," one councillor told the Easton Chronicle.', "one councillor"),
        (
            f'"{SAID}," said a nurse at the district hospital on Friday.',
            "a nurse at the district hospital",
        ),
        (f'"{SAID}," according to a former adviser.', "a former adviser"),
        (
            f'"{SAID}," an engineer at the pumping station, who asked not to be named, said.',
            "an engineer at the pumping station",
        ),
        (f'"{SAID}," a planning officer privately admitted.', "a planning officer"),
        (
            f'A spokeswoman for the Department of Rivers said: "{SAID}."',
            "a spokeswoman for the Department of Rivers",
        ),
        (
            f'A planning officer, who asked not to be named, said: "{SAID}."',
            "a planning officer",
        ),
    ],
)
def test_an_unnamed_source_is_the_speaker_as_the_text_describes_them(
    sentence: str, speaker: str
) -> None:
    assert {q.rstrip(".") for q in said(md(sentence))} == {SAID}
    assert set(said(md(sentence)).values()) == {speaker}


def test_an_unnamed_sources_fragment_and_a_pronoun_after_it() -> None:
    article = html(
        f'One councillor told the meeting that the increase was "{WORDS}".',
        f'"{SAID}," an engineer at the pumping station said. "The pumps are older than I am," '
        "she added.",
    )
    assert said(article) == {
        WORDS: "one councillor",
        SAID: "an engineer at the pumping station",
        "The pumps are older than I am": "an engineer at the pumping station",
    }


def test_the_forms_one_by_one() -> None:
    assert speaker_after(", a spokeswoman for Larkhaven Water said.") == (
        "a spokeswoman for Larkhaven Water"
    )
    assert speaker_after(", as the Environment Agency put it.") == "Environment Agency"
    assert speaker_before("A spokeswoman said, ") == "a spokeswoman"
    assert verb_speaker("Then one minister told the paper that") == "one minister"
    assert verb_speaker("In March the Environment Agency described it as ") == "Environment Agency"


# ---------------------------------------------------------------- a person, not their place


def test_a_person_of_a_place_is_the_speaker_not_the_place() -> None:
    article = md(
        f'Mayor Ruth Abbott of Easton called the increase "{WORDS}".',
        f'Amir Sato from the Larkhaven Institute said the rise was "{WORDS} in the north".',
    )
    assert said(article) == {WORDS: "Ruth Abbott", f"{WORDS} in the north": "Amir Sato"}


# ---------------------------------------------------------------- negative cases


@pytest.mark.parametrize(
    "sentence",
    [
        f'In March, the water company said the increase was "{WORDS}".',  # not "March"
        f'Last year in Easton, the council described it as "{WORDS}".',  # not "Easton"
        f'One year later the board said: "{SAID}."',  # not "One"
        'A spokeswoman for Larkhaven Water called the plan "fair".',  # a scare quote
        'The Environment Agency called its new plan "Rivers for Everyone and All of Us".',
        'The scheme, called "Cleaner Rivers for Larkhaven Schools", opened in May.',
        'A leaflet called "What to do when the river floods your home" went to every house.',
        f'The report used the phrase "{WORDS}" twice.',  # nobody is said to say it
        f'"{SAID}" was the headline a local paper ran that week.',
        f'"{SAID}," one said.',  # "one" alone describes no one
        f'"{SAID}," union members at the meeting said.',  # no article: nobody in particular
    ],
)
def test_words_nobody_is_said_to_say_are_no_quote(sentence: str) -> None:
    for reader in (md, txt):
        article = reader(sentence)
        assert said(article) == {}, reader


def test_words_quoted_inside_the_next_sentence_are_not_the_last_speakers() -> None:
    """A quotation opening the next sentence goes on with the speaker; words quoted inside it
    ("she had been told the ward was "…"") are someone else's."""
    article = md(
        f'"{SAID}," said a nurse at the district hospital. "The ward has lost four beds." '
        'She had been told the cuts were "not a priority for this financial year".'
    )
    assert said(article) == {
        SAID: "a nurse at the district hospital",
        "The ward has lost four beds.": "a nurse at the district hospital",
    }
