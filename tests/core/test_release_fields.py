"""A statistics release's title block in plain text, its numbered headings and related links.

The kind line ("Research briefing") over the title is no title; "Published: 2 April 2026" in
a stack of field lines dates the release and is no text, while "Next update: …" stands as a
sentence of its own; the issuer's line next to the fields is the publication; numbered
headings over bulleted lists head sections; a "See also" list of link titles is no text.
Every document is written for the test, in shapes unlike set W's release.
"""

from __future__ import annotations

from tests.core.ingested import ingest, texts

BRIEFING = """Research briefing

Harbour freight volumes, 2025

Tonnage handled at the county's three ports, with the change on the year.

Kessling Port Authority

Next update: 1 October 2026
Published: 2 April 2026
Provisional figures


1. Summary

* Freight through the three ports rose 4.1% to 12.6 million tonnes.

* Container traffic fell for the second year running.


2. Bulk cargo

Grain exports doubled after the new silo opened in March. Coal imports ended in June.


3. Containers

The largest line moved two weekly calls to a rival port.


See also
Port traffic tables: 2025
Freight methodology note

Figures are provisional until the October update.
"""


def test_the_kind_line_the_dated_fields_and_the_issuer() -> None:
    release = ingest(BRIEFING)
    assert release.title == "Harbour freight volumes, 2025"
    assert release.date == "2026-04-02"
    assert release.publication == "Kessling Port Authority"
    body = texts(release)
    assert "Next update: 1 October 2026." in body
    assert not any("Published:" in t or "Research briefing" in t for t in body)
    assert not any("Kessling Port Authority" in t for t in body)


def test_numbered_headings_over_bulleted_lists_head_sections() -> None:
    release = ingest(BRIEFING)
    assert [s.split(". ", 1)[-1] for s in release.sections][:3] == [
        "Summary",
        "Bulk cargo",
        "Containers",
    ]
    freight = [s for s in release.sentences if s.text.startswith("Freight through")]
    assert freight and freight[0].section.endswith("Summary")


def test_a_see_also_list_of_link_titles_is_no_text() -> None:
    body = texts(ingest(BRIEFING))
    assert not any("Port traffic tables" in t or "See also" in t for t in body)
    assert "Figures are provisional until the October update." in body


def test_lone_fields_prose_under_a_links_label_and_kind_words_in_titles_stay() -> None:
    """Negative cases: one "Published:" line alone is left to the header's dateline rule (no
    field stack), a "See also" label over sentences keeps them, and a title ending in a kind
    word with no longer line under it stays the title."""
    lone = ingest(
        "Annual Harbour Report\n\nPublished: 2 April 2026\n\n"
        "Freight through the three ports rose 4.1% in 2025. Grain exports doubled.\n\n"
        "See also\n\nThe October update will revise these figures.\n"
    )
    assert lone.title == "Annual Harbour Report"
    assert "The October update will revise these figures." in texts(lone)
    stacked = ingest(
        "Harbour Report\n\nKessling Port Authority\n\n"
        "Next update: 1 October 2026\nPublished: 2 April 2026\n\n"
        "Freight through the three ports rose 4.1% in 2025. Grain exports doubled.\n"
    )
    assert stacked.title == "Harbour Report"
    assert stacked.date == "2026-04-02"
