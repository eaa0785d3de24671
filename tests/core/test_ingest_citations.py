"""Citations: which notes are short forms of an earlier note, and which are full references.

Each test builds its own small notes list.
"""

from __future__ import annotations

from bot.core.ingest.notes import resolve_short_forms
from bot.core.model import Note


def _refs(notes: list[Note]) -> dict[int, int | None]:
    return {n.number: n.refers_to for n in resolve_short_forms(notes)}


def test_a_note_naming_its_own_dataset_is_a_full_reference_not_a_short_form() -> None:
    src = "River Statistics Office, Barge Ledger Online, Port Tonnage Tables"
    url = "https://ledger.example.org/"
    notes = [
        Note(1, f"{src}.", url),
        Note(2, f"{src}, series 4417.", url),  # a series of its own
        Note(3, f"{src}, series 5520.", url),  # not a pin cite of note 2
        Note(4, f"{src}, grain and timber tables, 2024.", url),  # new words
        Note(5, f"{src}.", url),  # an exact repeat is a full reference again
    ]
    got = _refs(notes)
    assert all(got[k] is None for k in range(1, 6)), got
    assert [n.text for n in resolve_short_forms(notes)] == [n.text for n in notes]


def test_short_forms_with_pin_cites_still_refer_back() -> None:
    notes = [
        Note(1, "Barge Dues and Ferry Routing, 41 Harb. Reg. 2,100-140 (May 3, 2023)."),
        Note(2, "Harbour Gazette, “Dues Rise Again,” 2024."),
        Note(3, "Barge Dues and Ferry Routing, 41 Harb. Reg. 2,105-6; Form HB 12a."),
        Note(4, "Okafor, “Tides and Tolls,” Port Journal, 2019."),
        Note(5, "Okafor 2019, p. 4."),
        Note(6, "Harbour Gazette, p. 2."),
    ]
    got = _refs(notes)
    assert got[3] == 1
    assert got[5] == 4
    assert got[6] == 2


_BRIEFING = "\n\n".join(
    [
        "Press Briefing on River Dues",
        "By Ada Brink",
        "CHAIR OLSEN: Good afternoon. The board has set the new dues for the river ports today.",
        "TOMAS VERDE: Thanks. Tomas Verde with the Harbour Gazette. I want to ask about the "
        "ferry exemption and whether the barge owners were consulted before the vote.",
        "CHAIR OLSEN: The barge owners were consulted twice, in March and again in June.",
    ]
)


def test_a_transcript_turns_sentences_are_its_speakers_never_the_authors() -> None:
    from bot.core.ingest.article import build_article
    from bot.core.ingest.formats import reader_for
    from bot.core.model import Corpus
    from bot.core.search import Searcher

    data = (_BRIEFING + "\n").encode()
    reader = reader_for(".txt", data)
    assert reader is not None
    document, _ = reader.read(data, "seeds/briefing.txt")
    assert document is not None
    article, _ = build_article("briefing", "seeds/briefing.txt", document, {})
    assert article is not None
    asked = [s for s in article.sentences if "ferry exemption" in s.text]
    assert asked and all(s.speaker == "Tomas Verde" for s in asked)
    answered = [s for s in article.sentences if "consulted twice" in s.text]
    assert answered and all(s.speaker == "Chair Olsen" for s in answered)

    searcher = Searcher(Corpus(articles=(article,), built_at="2024-01-01T00:00:00+00:00"))
    for answer in (
        searcher.facts("ferry exemption barge owners consulted before the vote"),
        searcher.quotes("ferry exemption barge owners consulted before the vote"),
    ):
        hit = next(h for h in answer.hits if "ferry exemption" in h.text)
        assert hit.speaker == "Tomas Verde", hit


def test_a_notices_form_labels_and_one_company_label_are_no_transcript() -> None:
    from bot.core.ingest.formats import Block, SourceLine
    from bot.core.ingest.transcripts import find_turns

    paragraphs = [
        "SUPPLEMENTARY INFORMATION: The board proposes new dues for the river ports.",
        "The board received comments from the barge owners in March and again in June.",
        "The Harbour Company: Docket No. HB-2024-0686; Product Identifier 2024-NM-071.",
        "SUPPLEMENTARY INFORMATION: The board proposes new dues for the ferry landings.",
    ]
    blocks = [Block("paragraph", (SourceLine(t, k + 1),)) for k, t in enumerate(paragraphs)]
    turns = find_turns(blocks, "\n".join(paragraphs))
    assert turns.speakers == {}
