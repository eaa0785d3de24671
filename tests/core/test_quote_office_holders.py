"""A quotation credited to an office's holder, the office first: "said the Minister of X, Name".

Written for the test, in other offices and names than the held-out release: the person set
off by a comma after the capitalised office is the speaker; an office with no person after
it names no one, and a body named after "the" stays the body it was.
"""

from __future__ import annotations

from bot.core.ingest.quotes import speaker_after


def test_the_person_after_the_office_is_the_speaker() -> None:
    assert speaker_after(" said the Secretary for Rural Affairs, Tomasz Ryll.") == "Tomasz Ryll"
    assert (
        speaker_after(" said the Chief Executive of Harbour Trust, Dr Amara Quist, on Monday.")
        == "Amara Quist"
    )


def test_an_office_with_no_person_after_it_names_no_one() -> None:
    """Negative: no person after the office; a place after the comma is no holder."""
    assert speaker_after(" said the Minister of Health, in a statement.") is None
    assert speaker_after(" said the Harbour Trust, Lowestoft.") == "Harbour Trust"


def test_a_body_after_the_determiner_is_read_as_before() -> None:
    """Negative: "said the Treasury" names the Treasury, as it did."""
    assert speaker_after(" said the Treasury.") == "Treasury"
