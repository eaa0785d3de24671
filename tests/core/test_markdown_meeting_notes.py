"""A notes app's meeting notes: @mentions name people, a first name alone stands for one."""

from __future__ import annotations

from bot.core.ingest.names import KnownPeople
from bot.core.ingest.sentences import split_sentences
from bot.core.model import Article
from tests.core.ingested import ingest as ingest_as
from tests.core.ingested import texts


def ingest(text: str, name: str = "notes") -> Article:
    return ingest_as(text, ".md", name)


NOTES = """# Depot move: project board, week 12

| Property | Value |
| --- | --- |
| Present | @Marta Solberg @Kwame Asante @Ruth Ellery |
| Date | 4 February 2026 |

## Lease

The landlord offered Plan B, a five-year lease with a break after three years. Plan B costs
£92,000 a year.

Kwame was wary of plan B. "A break clause is only worth it if we can afford to move twice," he said.

- [ ] @Ruth Ellery to ask legal for the draft lease
"""


def test_a_first_name_s_remark_after_a_lettered_option_is_the_attendee_s() -> None:
    notes = ingest(NOTES)
    assert "Kwame was wary of plan B." in texts(notes)
    speakers = {q.speaker for q in notes.quotes if q.text.startswith("A break clause")}
    assert speakers == {"Kwame Asante"}
    assert any(t.startswith("@Ruth Ellery to ask legal") for t in texts(notes))


def test_an_initial_before_a_nickname_or_a_name_ends_no_sentence() -> None:
    text = 'President John F. "Jack" Kennedy spoke. It was Carlo M. Masala who replied.'
    assert [text[a:b] for a, b in split_sentences(text)] == [
        'President John F. "Jack" Kennedy spoke.',
        "It was Carlo M. Masala who replied.",
    ]


def test_a_first_name_is_expanded_only_when_one_known_person_has_it() -> None:
    known = KnownPeople()
    for name in ("Marta Solberg", "Marta Lind", "Kwame Asante"):
        known.add(name)
    assert known.expand("Kwame") == "Kwame Asante"
    assert known.expand("Marta") == "Marta"  # two Martas: no one in particular
    assert known.expand("Solberg") == "Marta Solberg"
