"""Letters pages, book chapters and shortened references, on small documents of our own making."""

from __future__ import annotations

from bot.core.ingest.article import build_article
from bot.core.ingest.formats import reader_for
from bot.core.ingest.notes import NoteLine, parse_notes
from bot.core.model import Article


def ingest(text: str, suffix: str = ".txt") -> Article:
    data = text.encode("utf-8")
    reader = reader_for(suffix, data[:4096])
    assert reader is not None
    document, _ = reader.read(data, f"seeds/t{suffix}")
    assert document is not None
    article, _ = build_article("t", f"seeds/t{suffix}", document, {})
    assert article is not None
    return article


def refs(*texts: str) -> dict[int, tuple[int | None, str | None]]:
    notes, _ = parse_notes([NoteLine(k, t, k) for k, t in enumerate(texts, start=1)], "n.txt")
    return {n.number: (n.refers_to, n.page) for n in notes}


# --- shortened references -----------------------------------------------------------------------
def test_an_author_and_a_shortened_title_refer_to_the_full_note() -> None:
    found = refs(
        "Marsh Institute, Housing Costs in Rural Wales (Cardiff, 2021), p. 4.",
        "Office for Budget Responsibility, Fiscal Risks Report (London, 2023), p. 12.",
        "Marsh Institute, Housing Costs, pp. 9-11.",
    )
    assert found[3] == (1, "9-11")


def test_a_shortened_title_naming_two_full_notes_or_new_words_refers_to_none() -> None:
    found = refs(
        "Marsh Institute, Housing Costs in Rural Wales (Cardiff, 2021), p. 4.",
        "Marsh Institute, Housing Costs in Urban Wales (Cardiff, 2022), p. 8.",
        "Marsh Institute, Housing Costs, p. 9.",  # which of the two?
        "Marsh Institute, Rent Arrears, p. 2.",  # a title of its own
        "Marsh Institute, Housing Costs in Rural Wales.",  # no page: a reference of its own
    )
    assert found[3] == (None, None)
    assert found[4] == (None, None)
    assert found[5][0] is None


# --- book chapters ------------------------------------------------------------------------------
CHAPTER = """Part II

Salt and the Sea Wall
Why Estuaries Flood Twice

Rohan Mistry


The estuary floods when the tide and the river rise together. Most years they do not.

Counting the cost

The surge of 1953 killed 307 people in England. The sea walls were raised after it.

What the walls cannot do

A wall holds back the sea but traps the river behind it. Pumps must lift the water out.
"""


def test_a_part_number_over_the_name_leaves_the_name_the_title() -> None:
    article = ingest(CHAPTER)
    assert article.title == "Salt and the Sea Wall"
    assert article.subtitle == "Why Estuaries Flood Twice"
    assert article.authors == ("Rohan Mistry",)
    assert not any(s.text.startswith("Part II") for s in article.sentences)


def test_a_sentence_or_a_title_starting_like_a_part_is_left_alone() -> None:
    article = ingest(
        "Part of the Problem\n\nBy Ada Lowe\n\nChapter 7 sets out the costs in full.\n"
    )
    assert article.title == "Part of the Problem"
    assert "Chapter 7 sets out the costs in full." in [s.text for s in article.sentences]


def test_sentence_case_lines_over_paragraphs_head_the_sections() -> None:
    article = ingest(CHAPTER)
    assert article.sections == ("Counting the cost", "What the walls cannot do")
    by_text = {s.text: s.section for s in article.sentences}
    assert by_text["The surge of 1953 killed 307 people in England."] == "Counting the cost"
    assert by_text["Pumps must lift the water out."] == "What the walls cannot do"


def test_one_short_line_or_a_cut_sentence_heads_nothing() -> None:
    one = ingest(
        "Salt and the Sea Wall\n\nBy Ada Lowe\n\nThe estuary floods in spring. It is wet.\n\n"
        "Counting the cost\n\nThe surge of 1953 killed 307 people. The walls rose.\n"
    )
    assert one.sections == ()
    cut = ingest(
        "Salt and the Sea Wall\n\nBy Ada Lowe\n\nThe estuary floods in spring. It is wet.\n\n"
        "The walls were raised by the\n\nEnvironment Agency after 1953. They held.\n\n"
        "Pumps lift the water out of the\n\nMarsh Drain every night. It works.\n"
    )
    assert cut.sections == ()
    assert "The walls were raised by the Environment Agency after 1953." in [
        s.text for s in cut.sentences
    ]
