"""A court's full judgment as plain text: the case name, the date, the front matter, paragraphs."""

from __future__ import annotations

from bot.core.ingest.article import build_article
from bot.core.ingest.formats import reader_for
from bot.core.ingest.judgments import is_judgment
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


# another shape: a High Court judgment, claimant v defendant with "v" between, "[1]" numbers,
# a written date, one judge, no rules between the parts
HIGH_COURT = """Neutral Citation Number: [2025] EWHC 1187 (KB)

Case No: KB-2024-000311
IN THE HIGH COURT OF JUSTICE
KING'S BENCH DIVISION

Date: 6 June 2025

Before:
MRS JUSTICE ADEYEMI

Between:
MARTA KOWALCZYK
Claimant
v
NORTHGATE HOUSING TRUST
Defendant

Mr Ben Tull (instructed by Fenwick Law) for the Claimant
Ms Ruth Gale for the Defendant
Hearing dates: 12-13 May 2025

MRS JUSTICE ADEYEMI:

Background

[1] The claimant rented a flat from the defendant from 2019 to 2023.

[2] She says the flat was damp for most of that time and that the trust knew it.

Damages

[3] I award the claimant 4,800 pounds for the loss of amenity.
"""


def test_a_high_court_judgment_gives_the_case_name_date_and_sections() -> None:
    j = ingest(HIGH_COURT)
    assert j.title == "Marta Kowalczyk v Northgate Housing Trust"
    assert j.date == "2025-06-06"
    assert j.publication == "High Court of Justice"
    texts = [s.text for s in j.sentences]
    assert texts[0] == "The claimant rented a flat from the defendant from 2019 to 2023."
    assert "I award the claimant 4,800 pounds for the loss of amenity." in texts
    assert not any("Claimant" in t or "Hearing dates" in t for t in texts)
    by = {s.text: s.section for s in j.sentences}
    assert by["I award the claimant 4,800 pounds for the loss of amenity."] == "Damages"
    assert j.authors == ("Mrs Justice Adeyemi",)  # one judge: no turns, the judgment is hers


def test_a_numeric_judgment_date_is_day_month_year() -> None:
    j = ingest(HIGH_COURT.replace("Date: 6 June 2025", "Date: 03/11/2025"))
    assert j.date == "2025-11-03"


# negative: a meeting note with a "Between:" line and no party's role is no judgment
NOTE = """Site visit notes

Between:
the depot and the ring road

1. The crossing is used by about 400 pupils a day.

2. The lights change every 90 seconds.
"""


def test_a_between_line_without_parties_is_no_judgment() -> None:
    assert not is_judgment(NOTE)
    j = ingest(NOTE)
    assert j.title == "Site visit notes"
    assert any("400 pupils" in s.text for s in j.sentences)
