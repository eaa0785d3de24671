"""Scanned reports read as plain text: OCR digits, symbol footnotes, aligned tables, signatures.

Each document here is written inline, in shapes other than the held-out set M review's.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_article
from bot.core.ingest.aligned_tables import aligned_rows
from bot.core.ingest.closing_signature import closing_signature
from bot.core.ingest.ocr_text import repair_digits
from bot.core.model import Article

_REPORT = """\
HARBOUR TRUST                                      Page 1

Pilotage in 2OO3

The Trust handled 2,140 vessel movements in 2003, the most since l989.\u2021 Fog
closed the channel on nine days.

Night pilotage resumed in March after the new lights were fitted to the
outer buoys.\u00a7

\u2021 Counted from harbour master logs, which begin in 1989.
\u00a7 Funded by the port users' levy.
\fHARBOUR TRUST                                      Page 2

Dredging

The berth pockets were dredged to 9.5 metres, two metres deeper than in
2OO1, so that larger ferries can call at any state of the tide.

  Item                 2001-02     2002-03
  Tonnage dredged        310         455
  Cost (£000)            820       1,140

Benefits of the work:

* fewer tidal delays for ferries
* safer berthing at low water
\fHARBOUR TRUST                                      Page 3

Outlook

The Trust expects ferry calls to rise again in the year ahead.

Priya Nandakumar, Chief Executive
14 May 2004
"""


def _read(tmp_path: Path, text: str, name: str = "harbour-trust-2003.txt") -> Article:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def _texts(article: Article) -> list[str]:
    return [s.text for s in article.sentences]


def test_an_l_read_for_the_digit_1_is_repaired_only_in_numbers() -> None:
    assert repair_digits("the year l989 and l997-98") == "the year 1989 and 1997-98"
    assert repair_digits("from 19l1 to 2OO3") == "from 1911 to 2OO3"  # O for 0 is not this rule
    assert repair_digits("£l2.5 million") == "£12.5 million"
    # words, units and codes stay as written
    for text in ("hello all", "12l of water", "148 Ml/d", "l2", "al998", "l998a", "l-98"):
        assert repair_digits(text) == text


def test_symbol_footnotes_are_notes_of_the_sentences_that_mark_them(tmp_path: Path) -> None:
    report = _read(tmp_path, _REPORT.replace("2OO3", "2003").replace("2OO1", "2001"))
    texts = _texts(report)
    first = next(s for s in report.sentences if s.text.startswith("The Trust handled"))
    assert first.text == "The Trust handled 2,140 vessel movements in 2003, the most since 1989."
    assert "Fog closed the channel on nine days." in texts
    night = next(s for s in report.sentences if s.text.startswith("Night pilotage"))
    notes = {n.number: n.text for n in report.notes}
    assert notes[first.notes[0]] == "Counted from harbour master logs, which begin in 1989."
    assert notes[night.notes[0]] == "Funded by the port users' levy."
    assert not any(t.startswith(("\u2021", "\u00a7")) for t in texts)
    # a bulleted list with no marker in the text stays text, never notes
    assert any("fewer tidal delays for ferries" in t for t in texts)
    assert len(report.notes) == 2


def test_an_aligned_table_with_a_label_column_reads_row_by_row(tmp_path: Path) -> None:
    report = _read(tmp_path, _REPORT)
    texts = _texts(report)
    assert "Tonnage dredged — 2001-02 310; 2002-03 455." in texts
    assert "Cost (£000) — 2001-02 820; 2002-03 1,140." in texts
    assert not any("Item" in t for t in texts) and "Item 2001-02 2002-03" not in report.sections


def test_a_closing_signature_on_one_line_names_the_author_and_date(tmp_path: Path) -> None:
    report = _read(tmp_path, _REPORT)
    assert report.authors == ("Priya Nandakumar",)
    assert report.date == "2004-05-14"
    assert not any("Nandakumar" in t or t.startswith("14 May") for t in _texts(report))


def test_prose_with_double_spaces_and_short_closing_lines_are_kept(tmp_path: Path) -> None:
    text = (
        "Annual Note\n\nThe fund grew by 4 per cent.  Costs rose by 2 per cent.\n"
        "Grants  were  paid  to  12  groups  in  2004.\n\nLooking Ahead\nJune 2005\n"
    )
    note = _read(tmp_path, text, "annual-note.txt")
    texts = _texts(note)
    assert "The fund grew by 4 per cent." in texts
    assert any(t.startswith("Grants were paid to 12 groups") for t in texts)
    assert note.authors == ()  # a heading over a date is no signature


def test_the_table_and_signature_rules_state_their_shapes() -> None:
    rows = aligned_rows(
        ["            2019    2020", "  Sites       14      17", "  Staff    n/a      9"]
    )
    assert rows == {0: "", 1: "Sites — 2019 14; 2020 17.", 2: "Staff — 2020 9."}
    # figures that do not stand under the column names are no table
    assert aligned_rows(["            2019    2020", "  Sites 14 17", "  Staff 3 9"]) == {}
    # one row is no table
    assert aligned_rows(["            2019    2020", "  Sites       14      17"]) == {}
    signed = closing_signature(["A. B. Okoro", "Director of Finance"])
    assert signed is not None and signed.signer == "A. B. Okoro" and signed.date is None
    assert closing_signature(["Water Quality", "Finance"]) is None
    assert closing_signature(["The board met in June.", "Chairman"]) is None


def test_plain_text_without_page_breaks_reads_its_table_and_signature(tmp_path: Path) -> None:
    text = (
        "Friends of Kelder Park\n\nReview of the Year\n\n"
        "Volunteers gave more hours than ever before, and the new orchard was planted.\u2020\n"
        "Membership stayed level.\n\n"
        "\u2020 Apple and pear trees from the county nursery.\n\n"
        "                     2021      2022\n"
        "  Volunteer hours     1,900     2,450\n"
        "  Trees planted          40       115\n\n"
        "We thank every member for their support this year.\n\n"
        "Tomasz Wierzbicki\nChair\n"
    )
    review = _read(tmp_path, text, "kelder-park-review.txt")
    texts = _texts(review)
    assert "Volunteer hours — 2021 1,900; 2022 2,450." in texts
    assert "Trees planted — 2021 40; 2022 115." in texts
    assert review.authors == ("Tomasz Wierzbicki",)
    planted = next(s for s in review.sentences if s.text.startswith("Volunteers gave"))
    assert planted.text.endswith("orchard was planted.") and len(planted.notes) == 1
    assert [n.text for n in review.notes] == ["Apple and pear trees from the county nursery."]
    assert "Membership stayed level." in texts
    assert not any(t in ("Chair", "Tomasz Wierzbicki") for t in texts)
    assert "Chair" not in review.sections and "2021 2022" not in review.sections
