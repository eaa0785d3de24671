"""Who a quotation's speaker is: a role before the name, a surname used later, a pronoun.

Every document here is written for the test, in shapes other than the held-out set's: other
names, roles and layouts, in Markdown and HTML. The negative cases check that each rule stays
narrow: a lower-case phrase is no role unless a person's name ends it, a surname two people
share stays a surname, and a name set off by commas is a subject only before a reporting verb.
"""

from __future__ import annotations

import re

import pytest

from bot.core.ingest.attribution import KnownPeople, named_people, speaker_after
from bot.core.model import Article
from tests.core.ingested import ingest

HEADER = "---\ntitle: The Depot Question\nauthor: Ines Carvalho\n---\n\n"
PAGE = (
    "<html><head><title>The Depot Question</title><meta name='author' content='Ines Carvalho'>"
    "</head><body><article><h1>The Depot Question</h1>{body}</article></body></html>"
)
FILLER = (
    "The depot opened in 1987 and has been extended twice since then.",
    "Its yard holds about 140 buses on a normal weekday night.",
    "Most of the fleet is older than twelve years, the oldest in the region.",
)


def md(*paragraphs: str) -> Article:
    return ingest(HEADER + "\n\n".join(paragraphs) + "\n", ".md")


def html(*paragraphs: str) -> Article:
    return ingest(PAGE.format(body="".join(f"<p>{p}</p>" for p in paragraphs)), ".html")


def said(article: Article) -> dict[str, str]:
    """Each direct quote's first four words → its speaker."""
    return {" ".join(q.text.split()[:4]): q.speaker for q in article.quotes if q.kind == "direct"}


# ---------------------------------------------------------------- a role before the name


@pytest.mark.parametrize(
    ("tail", "speaker"),
    [
        ("said state senator Ana Ruiz.", "Ana Ruiz"),
        ("said city finance director Jo Park, who drafted the budget.", "Jo Park"),
        ("said retired bus driver Tomasz Wiśniewski.", "Tomasz Wiśniewski"),
        ("said the union's regional secretary, Carla Benitez.", "Carla Benitez"),
        ("said senator Ruiz.", "Ruiz"),  # a title ends the role: one word is enough
        ("according to Dr. Lee.", "Lee"),
    ],
)
def test_a_role_between_the_verb_and_the_name_is_skipped(tail: str, speaker: str) -> None:
    article = md(f'"Wells are failing faster than we can drill them," {tail}')
    assert said(article) == {"Wells are failing faster": speaker}


def test_a_role_before_the_name_works_on_a_web_page_too() -> None:
    article = html(
        FILLER[0],
        '"We cannot keep the night routes on one grant," said county commissioner '
        'Ruth Abernathy, who chairs the transit board. "The grant ends in May."',
    )
    assert said(article) == {
        "We cannot keep the": "Ruth Abernathy",
        "The grant ends in": "Ruth Abernathy",
    }


@pytest.mark.parametrize(
    "tail",
    [
        "said union members at the meeting in Easton.",  # no name ends the phrase
        "told reporters Tuesday.",  # one capitalised word, no title before it
        "said drivers from Easton Depot.",  # a preposition is no part of a role
    ],
)
def test_a_lower_case_phrase_with_no_persons_name_names_no_one(tail: str) -> None:
    assert speaker_after(f", {tail}") is None
    assert said(md(f'"We will not close the depot this winter," {tail}')) == {}


# ---------------------------------------------------------------- a surname used later


def test_a_surname_three_paragraphs_later_is_the_full_name() -> None:
    article = md(
        "The plan was drafted by transport engineer Ana Ruiz and approved in June.",
        *FILLER,
        '"A bus that waits at every stop is a bus nobody takes," Ruiz said.',
    )
    assert said(article) == {"A bus that waits": "Ana Ruiz"}


def test_a_titled_surname_is_the_full_name_too() -> None:
    article = html(
        "Dr. Min-jun Lee runs the clinic beside the depot.",
        FILLER[1],
        '"Diesel fumes reach our waiting room every morning," Dr. Lee said.',
    )
    assert said(article) == {"Diesel fumes reach our": "Min-jun Lee"}


def test_a_surname_two_people_share_stays_a_surname() -> None:
    article = md(
        "Tomas Ruiz manages the yard; his sister Elena Ruiz drives the night route.",
        '"The yard floods every spring and nobody fixes it," Ruiz said.',
    )
    assert said(article) == {"The yard floods every": "Ruiz"}


def test_a_sentences_first_word_written_in_lower_case_elsewhere_is_no_first_name() -> None:
    article = md(
        "Tomas Ruiz, the yard manager, opened the depot to visitors.",
        "When Ruiz arrived in 2009, nobody knew when the buses would be replaced.",
        '"We patched the same engines for a decade," Ruiz said.',
    )
    assert said(article) == {"We patched the same": "Tomas Ruiz"}


def test_a_surname_is_never_expanded_from_a_later_paragraph() -> None:
    article = md(
        '"Nothing about this depot was planned," Haddad said.',
        "Omar Haddad, the treasurer, presented the accounts.",
    )
    assert said(article) == {"Nothing about this depot": "Haddad"}


def test_an_owner_after_a_sentences_first_word_is_no_full_name() -> None:
    text = "(See Harrow's own figures.) Mayor Priscilla Okafor's office disagrees."
    words = frozenset(re.findall(r"\b[a-z]+\b", text))
    assert [name for _, name in named_people(text, words)] == ["Priscilla Okafor"]
    known = KnownPeople()
    for name in ("Priscilla Okafor", "Ana Ruiz", "Priscilla Okafor"):
        known.add(name)
    assert known.expand("Harrow") == "Harrow"
    assert known.expand("Okafor") == "Priscilla Okafor"
    assert known.expand("Jo Okafor") == "Jo Okafor"


# ---------------------------------------------------------------- a pronoun after a new name


def test_she_said_is_the_woman_named_just_before_not_the_last_quoted_speaker() -> None:
    article = md(
        '"The depot is full every night," said Tomas Ruiz, the yard manager.',
        "The drivers' union disagrees. Its secretary, Carla Benitez, warned that the new "
        'shifts break the contract. "Nobody asked the drivers before the rota changed," '
        "she said.",
    )
    assert said(article) == {
        "The depot is full": "Tomas Ruiz",
        "Nobody asked the drivers": "Carla Benitez",
    }


def test_he_said_in_the_next_paragraph_is_the_man_named_at_the_end_of_the_last() -> None:
    article = html(
        '"The levy is the fairest tool we have," said Jo Park, the finance director.',
        "The chamber of commerce is unconvinced. Its treasurer, Omar Haddad, argues that "
        "the levy falls on shops that never see a bus.",
        '"We will be back here next year with the same complaint," he said.',
    )
    assert said(article)["We will be back"] == "Omar Haddad"


def test_a_name_set_off_by_commas_before_no_reporting_verb_is_no_subject() -> None:
    article = md(
        "Carla Benitez, the union secretary, has led the talks since May.",
        '"We will not sign a rota we have not seen," said Carla Benitez.',
        "The board thanked its treasurer, Omar Haddad, after the vote. "
        '"We sign nothing until the drivers have read it," she said.',
    )
    assert said(article)["We sign nothing until"] == "Carla Benitez"
