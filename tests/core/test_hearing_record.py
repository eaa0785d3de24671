"""A hearing record's turns: "Senator O'BRIEN." / "The PRESIDING OFFICER." labels, no colon."""

from __future__ import annotations

from bot.core.ingest.article import build_article
from bot.core.ingest.formats import reader_for
from bot.core.model import Article


def ingest(text: str) -> Article:
    data = text.encode("utf-8")
    reader = reader_for(".txt", data[:4096])
    assert reader is not None
    document, _ = reader.read(data, "seeds/t.txt")
    assert document is not None
    article, _ = build_article("t", "seeds/t.txt", document, {})
    assert article is not None
    return article


RECORD = """SUBCOMMITTEE ON PORTS AND SHIPPING

OVERSIGHT OF HARBOUR DREDGING CONTRACTS

Thursday, March 6, 2025

The subcommittee met at 2:00 p.m. in Room 210.

The PRESIDING OFFICER. The subcommittee will come to order. As presiding officer I welcome
Ambassador Ingrid Keller and Senator Declan O'Brien of Maine.

Senator O'BRIEN of Maine. Thank you. The dredging budget rose by a third in two years.

Ambassador KELLER. It did, and most of the rise paid for silt disposal at sea.

(Pause.)

Senator O'BRIEN of Maine. Who checked the invoices? [Applause.]

Ambassador KELLER. The port authority checked them every quarter.

[Whereupon, at 3:05 p.m., the subcommittee recessed.]
"""


def test_a_record_label_opens_the_turn_of_the_person_it_names() -> None:
    article = ingest(RECORD)
    texts = [s.text for s in article.sentences]
    assert not any(
        t.startswith(("The PRESIDING OFFICER.", "Senator O'BRIEN", "Ambassador KELLER"))
        for t in texts
    )
    by = {s.text: s.speaker for s in article.sentences}
    assert by["The dredging budget rose by a third in two years."] == "Declan O'Brien"
    assert by["The port authority checked them every quarter."] == "Ingrid Keller"
    assert by["The subcommittee will come to order."] == "The Presiding Officer"
    assert ("Ingrid Keller", "The port authority checked them every quarter.") in [
        (q.speaker, q.text) for q in article.quotes
    ]


def test_the_record_s_stage_directions_are_nobody_s_words() -> None:
    texts = [s.text for s in ingest(RECORD).sentences]
    assert "Who checked the invoices?" in texts
    for note in ("(Pause.)", "[Applause.]", "[Whereupon"):
        assert not any(note in t for t in texts), note


def test_an_acronym_or_a_name_in_small_letters_opens_no_turn() -> None:
    article = ingest(
        "Hospital Waiting Lists\n\nBy Ruth Amberley\n\n"
        "The NHS. It is the country's largest employer, with 1.5 million staff.\n\n"
        "The BBC. Its charter runs until 2027, when the licence fee is reviewed.\n\n"
        "Dr. Varga. She chairs the board and answers to the minister.\n\n"
        "The NHS. Its budget rose by 3 per cent this year.\n"
    )
    assert all(s.speaker is None for s in article.sentences)
    assert not article.quotes
    assert "Its budget rose by 3 per cent this year." in [s.text for s in article.sentences]
