"""Markdown post furniture read for what it is: the date line, an image caption, a table's rows."""

from __future__ import annotations

from bot.core.ingest.post_meta import read_meta_line
from bot.core.model import Article
from tests.core.ingested import ingest as ingest_as
from tests.core.ingested import one, texts


def ingest(text: str, name: str = "post") -> Article:
    return ingest_as(text, ".md", name)


BODY = (
    "The harbour board met on Tuesday to set the mooring fees for next year. "
    "It kept the winter rate and raised the summer rate.\n\n"
    "## What changes\n\n"
    "Boats over twelve metres pay the most.\n"
)


# --- the date line --------------------------------------------------------------------------
def test_a_posted_on_line_is_the_date_and_no_sentence() -> None:
    post = ingest("# Mooring fees rise\n\n_By Ewan Castell_\n\nPosted on 3 May 2024\n\n" + BODY)
    assert post.date == "2024-05-03"
    assert not any("Posted" in t or "2024" in t for t in texts(post))
    assert post.authors == ("Ewan Castell",)


def test_an_iso_updated_line_with_a_reading_time_is_the_date() -> None:
    post = ingest("# Mooring fees rise\n\nUpdated: 2024-05-03 | 4 min read\n\n" + BODY)
    assert post.date == "2024-05-03"
    assert not any("min read" in t or "Updated" in t for t in texts(post))


def test_a_byline_date_and_reading_time_on_one_line_give_the_author_and_the_date() -> None:
    post = ingest("# Fees rise\n\nBy Ewan Castell · 12 March 2023 · 6-minute read\n\n" + BODY)
    assert post.date == "2023-03-12"
    assert post.authors == ("Ewan Castell",)
    assert texts(post)[0].startswith("The harbour board met")


def test_front_matter_date_wins_over_the_printed_line() -> None:
    post = ingest(
        "---\ntitle: Fees rise\ndate: 2024-05-01\n---\n\nPublished 3 May 2024 · 4 min read\n\n"
        + BODY
    )
    assert post.date == "2024-05-01"
    assert not any("Published" in t for t in texts(post))


def test_a_sentence_with_a_date_and_a_separator_is_no_date_line() -> None:
    assert read_meta_line("Fees rose on 3 May 2024 · the board said") is None
    assert read_meta_line("3 May 2024") is None  # a bare date: the shared dateline rule's
    assert read_meta_line("updated on 3 May 2024 when the board met") is None
    assert read_meta_line("Released 2024-13-40 | 3 min read") is None  # no such day
    assert read_meta_line("Reading time: 9 minutes") is not None  # furniture, no date
    meta = read_meta_line("Last updated on May 3, 2024")
    assert meta is not None and meta.date == "2024-05-03"


def test_a_lowercase_wrapped_line_that_starts_with_published_stays_in_its_sentence() -> None:
    post = ingest(
        "# Fees\n\nThe first schedule of fees was\npublished on 3 May 2024\nand it was kept.\n"
    )
    assert texts(post) == [
        "The first schedule of fees was published on 3 May 2024 and it was kept."
    ]


# --- an image's caption ---------------------------------------------------------------------
def test_an_underscored_caption_as_its_own_paragraph_under_the_image_is_a_caption() -> None:
    post = ingest(
        "# Fees\n\nThe board met on Tuesday. It set the fees.\n\n"
        "![](img/pontoon.png)\n\n_The east pontoon, where the new fees apply first._\n\n"
        "The fees start in April.\n"
    )
    assert one(post, "The east pontoon").kind == "caption"
    assert one(post, "The fees start").kind == "body"


def test_a_caption_replaces_the_alt_text_and_the_text_below_stays_body() -> None:
    post = ingest(
        "# Fees\n\nThe board met on Tuesday. It set the fees.\n\n"
        "![Boats moored in a row](img/boats.jpg)\n*Boats at the north quay in June.*\n"
        "The quay holds forty boats.\n\n"
        "It will hold sixty by 2027.\n"
    )
    assert one(post, "Boats at the north quay").kind == "caption"
    assert not any(t.startswith("Boats moored") for t in texts(post))
    assert one(post, "It will hold sixty").kind == "body"


def test_an_italic_paragraph_with_no_image_above_it_is_body_text() -> None:
    post = ingest(
        "# Fees\n\nThe board met on Tuesday. It set the fees.\n\n"
        "*Members voted seven to two for the change.*\n\n![](img/vote.png)\n\n"
        "The fees start in April.\n"
    )
    assert one(post, "Members voted seven").kind != "caption"
    assert one(post, "The fees start").kind != "caption"


def test_an_italic_byline_under_a_header_image_is_the_byline() -> None:
    post = ingest("# Fees\n\n![](img/hero.jpg)\n\n*By Ewan Castell*\n\n" + BODY)
    assert post.authors == ("Ewan Castell",)
    assert not any("Ewan" in t for t in texts(post))


# --- a table's rows -------------------------------------------------------------------------
def test_each_table_row_is_a_sentence_naming_its_values_by_column() -> None:
    post = ingest(
        "# Fees\n\nThe board met on Tuesday. It set the fees.\n\n## The new fees\n\n"
        "| Berth | 2024 | 2025 |\n|:--|--:|--:|\n"
        "| Under 8 m | 410 pounds | 455 pounds |\n"
        "| 8 to 12 m | 720 pounds | | \n"
        "| **Over 12 m** | 1,150 pounds | 1,390 pounds |\n\n"
        "Fees are paid in April.\n"
    )
    row = one(post, "Berth: Over 12 m")
    assert row.text == "Berth: Over 12 m; 2024: 1,150 pounds; 2025: 1,390 pounds."
    assert row.section == "The new fees"
    assert "Berth: 8 to 12 m; 2024: 720 pounds." in texts(post)  # an empty cell is left out
    assert not any(t.startswith("Berth; 2024") or t == "Berth: Berth." for t in texts(post))
    assert any(f.text == "1,390 pounds" for f in post.figures)
    assert texts(post)[-1] == "Fees are paid in April."


def test_a_table_with_an_empty_corner_cell_names_the_row_by_its_first_cell() -> None:
    post = ingest(
        "# Catch\n\nLandings fell again.\n\n"
        "|  | Cod | Haddock |\n|---|---|---|\n| 2023 | 1.2 tonnes | 3.4 tonnes |\n"
    )
    assert "2023; Cod: 1.2 tonnes; Haddock: 3.4 tonnes." in texts(post)


def test_a_numbered_notes_table_is_still_the_notes_list() -> None:
    post = ingest(
        "# Fees\n\nThe fees rose.[1]\n\n---\n\n| No. | Note |\n|---|---|\n"
        "| 1. | Harbour Board minutes, May 2024. |\n"
    )
    assert [n.number for n in post.notes] == [1]
    assert not any("Harbour Board minutes" in t for t in texts(post))
