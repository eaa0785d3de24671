"""A briefing's bare "A:" answers, a sentence ending in a pair of numbers, and titled names.

Each document is written here: a city hall briefing where one named spokesperson takes most
turns and some answers are labelled "A:", an interview where two named people share the turns
(no one answers for the room), prose ending a sentence on "… 12 and 13." and an enumeration
that must stay whole, and quotes credited to a title and a family name ("Governor Park")
where the text named the person in full first ("Governor Park Min-jun").
"""

from __future__ import annotations

from bot.core.ingest.names import titled_in_full
from bot.core.ingest.sentences import split_sentences
from tests.core.ingested import ingest, speaker_of

BRIEFING = """\
City Hall Daily Briefing with Spokesperson Maria Santos, 3 March 2025

MARIA SANTOS: Good morning, everyone. The mayor signs the transit budget today.

CNN: Will fares go up this year?

MARIA SANTOS: Fares stay where they are until January. The budget covers the gap.

Q: What about the night buses on the east side?

A: Night service returns on the six east-side routes from 1 April. The drivers are hired.

Daily Post: Is the depot on Mill Road still closing?

MARIA SANTOS: The depot closes in the autumn, as planned.

Q: One more on the budget. How large is the reserve?

A: The reserve holds 40 million dollars, about a month of operating costs.
"""


def test_a_briefings_bare_answers_are_the_spokespersons() -> None:
    article = ingest(BRIEFING)
    assert speaker_of(article, "Night service returns") == "Maria Santos"
    assert speaker_of(article, "The reserve holds 40 million") == "Maria Santos"
    assert speaker_of(article, "Fares stay where they are") == "Maria Santos"
    assert speaker_of(article, "What about the night buses") != "Maria Santos"


def test_answers_stay_anonymous_when_no_one_takes_most_turns() -> None:
    article = ingest(
        "A conversation on the harbour\n\n"
        "Ana Ruiz: The harbour dredging starts in May and runs for two months.\n\n"
        "Tom Reid: The fishing fleet will moor at the north quay meanwhile.\n\n"
        "Q: Who pays for the dredging work?\n\n"
        "A: The port authority pays from its capital budget this year.\n\n"
        "Ana Ruiz: The council adds a small grant for the slipway.\n\n"
        "Tom Reid: The fleet was consulted in January about the plan.\n"
    )
    assert speaker_of(article, "The port authority pays") not in ("Ana Ruiz", "Tom Reid")


def test_a_sentence_may_end_on_a_pair_of_numbers() -> None:
    text = "The figures are on pages 12 and 13. Councils must publish them each year."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The figures are on pages 12 and 13.",
        "Councils must publish them each year.",
    ]
    # an enumeration's items after "and" stay in their sentence
    listed = "Two tasks remain: 1. fund the plan, and 2. Build the wall before winter."
    assert len(split_sentences(listed)) == 1


def test_a_titled_family_name_is_the_person_named_in_full_earlier() -> None:
    article = ingest(
        "Provinces sign the water accord\n\n"
        "Governor Park Min-jun of the northern province signed the accord on Monday. The "
        "accord shares the river's water between three provinces.\n\n"
        'Governor Park said the deal was overdue. "We waited eleven years for this agreement," '
        "Governor Park said.\n"
    )
    speakers = {q.speaker for q in article.quotes if q.text.startswith("We waited eleven")}
    assert speakers == {"Park Min-jun"}


def test_a_titled_name_with_no_full_form_or_two_stays_as_it_is() -> None:
    assert titled_in_full("Okwu", "As Senator Okwu told the committee, it was late.") == "Okwu"
    two = "Minister Kim Yo-jong met Minister Kim Dae-ho. Later Minister Kim spoke."
    assert titled_in_full("Kim", two) == "Kim"
    # a sentence's next word is no part of the name
    assert titled_in_full("Reid", "Mayor Reid The council met.") == "Reid"
