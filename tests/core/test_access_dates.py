"""A reference note's access date, one rule for every reader, on notes of the tests' own making."""

from __future__ import annotations

import pytest

from bot.core.ingest.access_dates import find_access_stamp, without_access_stamps
from bot.core.ingest.article import build_article
from bot.core.ingest.formats import reader_for
from bot.core.ingest.notes import parse_note
from bot.core.model import Article


def ingest(text: str, suffix: str) -> Article:
    data = text.encode("utf-8")
    reader = reader_for(suffix, data[:4096])
    assert reader is not None
    document, _ = reader.read(data, f"seeds/a{suffix}")
    assert document is not None
    article, _ = build_article("a", f"seeds/a{suffix}", document, {})
    assert article is not None
    return article


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Ofgem, Tariff data, https://o.example/t (accessed 14 November 2024).", "2024-11-14"),
        ("Ofgem, Tariff data (accessed November 14, 2024)", "2024-11-14"),
        ("Ofgem, Tariff data. Accessed: 2024-11-14.", "2024-11-14"),
        ("Ofgem, Tariff data, last accessed on 14th Nov. 2024.", "2024-11-14"),
        ("Ofgem, Tariff data. Retrieved 14 Nov 2024.", "2024-11-14"),
        ("Ofgem, Tariff data [accessed 14 November 2024].", "2024-11-14"),
        ("Ofgem, Tariff data, in: <https://o.example/t> [14 Nov 2024].", "2024-11-14"),
        ("Ofgem, Tariff data. Date accessed: 2 September 2021.", "2021-09-02"),
        ("Bundesamt, Tarife, abgerufen am 5. März 2024.", "2024-03-05"),
        ("Ofgem, Tariff data (retrieved on Sept. 9, 2019).", "2019-09-09"),
    ],
)
def test_the_common_forms_of_an_access_date(text: str, iso: str) -> None:
    stamp = find_access_stamp(text)
    assert stamp is not None and stamp.iso == iso
    assert iso[:4] not in without_access_stamps(text)  # the stamp is cut out whole


@pytest.mark.parametrize(
    "text",
    [
        "Ofgem, Tariff data, published 14 November 2024.",  # a publication date, not access
        "Ofgem, Tariff data, 14 November 2024.",
        "Ofgem, Tariff data [14 Brumaire 2024].",  # no month
        "Ofgem, Tariff data (accessed 31 February 2024).",  # no such day
        "Ofgem, Tariff data, accessed 2024-13-02.",
        "The agency was accessed by few tenants in 2024.",
        "Figures were viewed as provisional until 3 May 2024.",
    ],
)
def test_what_is_no_access_date(text: str) -> None:
    assert find_access_stamp(text) is None
    assert without_access_stamps(text) == text


def test_the_stamp_leaves_the_notes_text_and_its_tail() -> None:
    note = parse_note(2, "Ofgem, Tariff data 2024, https://o.example/t (accessed 14 Nov 2024).", 1)
    assert (note.text, note.url, note.accessed) == (
        "Ofgem, Tariff data 2024.",
        "https://o.example/t",
        "2024-11-14",
    )
    bare = parse_note(3, "Ofgem, Tariff data 2024 (last accessed November 14, 2024).", 2)
    assert (bare.text, bare.url, bare.accessed) == ("Ofgem, Tariff data 2024.", None, "2024-11-14")
    # a stamp inside the note, words after it: the words stay, the date is read
    inside = parse_note(4, "Ofgem (accessed 14 Nov 2024); see also the 2023 tables.", 3)
    assert inside.accessed == "2024-11-14" and "see also the 2023 tables" in inside.text
    # a bracket the stamp does not open stays with the text around it
    paren = parse_note(5, "Ofgem (tables, accessed 14 Nov 2024).", 4)
    assert paren.accessed == "2024-11-14" and paren.text.count("(") == paren.text.count(")")


BODY = "The cap rose by a tenth in the winter.{0} Suppliers passed it on at once.{1}\n\n"


def test_plain_text_and_markdown_notes_read_their_access_dates() -> None:
    notes = (
        "Notes\n\n1 Ofgem, Price cap explained, https://o.example/cap (accessed 14 Nov 2024).\n"
        "2 Citizens Advice, Switching survey, 2024.\n"
    )
    text = ingest("Price Cap Note\n\nBy Ann Lee\n\n" + BODY.format("¹", "²") + notes, ".txt")
    md = ingest(
        "# Price Cap Note\n\nBy Ann Lee\n\n"
        + BODY.format("[^1]", "[^2]")
        + "[^1]: Ofgem, Price cap explained (Accessed: 2024-11-14).\n"
        "[^2]: Citizens Advice, Switching survey, 2024.\n",
        ".md",
    )
    for article in (text, md):
        assert [n.accessed for n in article.notes] == ["2024-11-14", None]
        assert article.notes[0].text == "Ofgem, Price cap explained."


def test_a_web_page_notes_share_the_rule() -> None:
    """The HTML page's notes read the same forms (here two its own rule did not know)."""
    page = (
        "<html><head><title>Price Cap Note</title></head><body><article><h1>Price Cap Note</h1>"
        "<p>The cap rose by a tenth in the winter.<sup><a href='#n1' id='r1'>1</a></sup> "
        "Suppliers passed it on at once to most of their customers.<sup><a href='#n2' id='r2'>2"
        "</a></sup></p><p>Tenants on prepayment meters paid the most of anyone in the winter."
        "</p><ol><li id='n1'><a href='#r1'>^</a> Ofgem, Price cap explained. Date accessed: "
        "14th Nov. 2024.</li><li id='n2'><a href='#r2'>^</a> Citizens Advice, Switching survey "
        "(retrieved 2 September 2024).</li></ol></article></body></html>"
    )
    article = ingest(page, ".html")
    assert [(n.number, n.accessed) for n in article.notes] == [
        (1, "2024-11-14"),
        (2, "2024-09-02"),
    ]
    assert [n.text for n in article.notes] == [
        "Ofgem, Price cap explained.",
        "Citizens Advice, Switching survey.",
    ]
