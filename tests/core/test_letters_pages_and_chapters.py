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


# --- letters pages ------------------------------------------------------------------------------
LETTERS = """THE DUNMORE COURIER
Friday 3 October 2025

Your letters

Send your letters to letters@dunmorecourier.example. We may shorten them.

Why close the library on Sundays?

The library is the only warm room in the village on a Sunday. Closing it saves £9,000 a year.

Ruth Adeyemi

Potholes cost more than repairs

The county paid £212,000 in pothole claims last year. Mending the roads would cost less.

Prof. Colin Baird, Road Safety Trust

A bus shelter at last

After six years of asking, the shelter on Mill Lane went up in August. Thank you to the parish.

Meena Iyer, Chair, Mill Lane Residents, Dunmore

Page 14 | The Dunmore Courier
"""


def test_a_letters_page_heads_each_letter_and_names_its_writers() -> None:
    page = ingest(LETTERS)
    assert page.title == "Your letters"
    assert page.publication == "The Dunmore Courier"
    assert page.date == "2025-10-03"
    assert page.sections == (
        "Your letters",
        "Why close the library on Sundays?",
        "Potholes cost more than repairs",
        "A bus shelter at last",
    )
    assert page.authors == ("Ruth Adeyemi", "Colin Baird", "Meena Iyer")
    by_text = {s.text: s.section for s in page.sentences}
    assert by_text["Mending the roads would cost less."] == "Potholes cost more than repairs"
    body = " ".join(by_text)
    for furniture in ("letters@", "Page 14", "Ruth Adeyemi", "Colin Baird", "Mill Lane Residents"):
        assert furniture not in body, furniture


def test_an_article_signed_once_or_with_text_between_letters_is_no_letters_page() -> None:
    signed = ingest(
        "The Harbour Plan\n\nBy Ann Lee\n\nThe harbour will be dredged in May. It costs £4m.\n\n"
        "Ann Lee, Editor\n"
    )
    assert signed.title == "The Harbour Plan" and signed.authors == ("Ann Lee",)
    between = ingest(
        "Readers Write\n\nLibrary hours\n\nThe library closes too early. It should open late.\n\n"
        "Ruth Adeyemi\n\nThe council replied on Monday. It will review the hours.\n\n"
        "Bus times\n\nThe 7 bus is always late. It should be retimed.\n\nColin Baird\n"
    )
    assert "Library hours" not in between.sections
    assert between.authors != ("Ruth Adeyemi", "Colin Baird")


# --- pronoun speakers ---------------------------------------------------------------------------
def speakers(text: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in ingest(text).quotes}


def test_a_pronoun_after_and_said_is_the_one_person_named_before() -> None:
    found = speakers(
        "Review of the Plan\n\nBy Ann Lee\n\nThe first draft went to Maria Lopez in March. "
        'She read it twice, crossed out a page and said: "We publish it as it stands, errors '
        'and all."\n'
    )
    assert found == {"We publish it as it stands, errors and all.": "Maria Lopez"}


def test_a_pronoun_with_two_people_or_none_before_it_is_no_ones() -> None:
    two = speakers(
        "Review of the Plan\n\nBy Ann Lee\n\nThe draft owes much to Maria Lopez and Tom Reed. "
        'She read it twice and said: "We publish it as it stands, errors and all."\n'
    )
    assert two == {}
    nobody = speakers(
        "Review of the Plan\n\nBy Ann Lee\n\nMay I thank the staff of the records office? "
        'He came in late and said: "We publish it as it stands, errors and all."\n'
    )
    assert nobody == {}


def test_a_pronoun_does_not_reach_back_over_a_section_heading() -> None:
    found = speakers(
        "Review of the Plan\n\nBy Ann Lee\n\nTom Reed said the plan was sound. It was cheap.\n\n"
        "What Comes Next\n\n"
        'The board meets in May. He said: "We will publish the whole plan in June this year."\n'
    )
    assert found.get("We will publish the whole plan in June this year.") != "Tom Reed"


def test_a_guide_with_two_levels_of_headings_is_no_letters_page() -> None:
    guide = ingest(
        "Help With Costs\n\nBy Ann Lee\n\nThere is help with most household bills.\n\n"
        "Council Tax\n\nWho pays less\n\nA single adult pays 25 per cent less council tax.\n\n"
        "Housing Benefit\n\nWho qualifies\n\nTenants on a low income can claim the benefit.\n\n"
        "Legal Aid\n\nWho can apply\n\nPeople facing eviction can get legal aid.\n\n"
        "Water Bills\n\nWho gets a cap\n\nLarge families can have their water bills capped.\n"
    )
    assert guide.authors == ("Ann Lee",)
    assert guide.title == "Help With Costs"
    assert "Housing Benefit" in guide.sections
