"""Press releases in plain text: the marker, the issuer's lines, the end mark, the contacts.

"NEWS RELEASE" / "FOR IMMEDIATE RELEASE" / "Embargoed until …" and the issuer's lines about
it are no title and no byline: the headline after them is the title, its subhead the
subtitle, the issuer the publication. "-ENDS-", "– 30 –", "# # #" end the text; a contact
block of bare name, phone and e-mail lines is no text, wherever it stands. Every document is
written for the test, in layouts unlike set H's release.
"""

from __future__ import annotations

from tests.core.ingested import ingest, texts

BODY = (
    "The council today published plans for three new branch libraries, the first it has built "
    "since 1994, and set aside £18 million for them in its capital programme for the next "
    "three years.\n\n"
    '"A library is the one public room everyone can use," said Councillor Ruth Abara. '
    '"These branches will be open six days a week."\n\n'
    "Work on the first branch, in Carrow, begins in September."
)

UK_RELEASE = f"""NEWS RELEASE

Northfield Borough Council

12 March 2025

Council Sets Out Plan for Three New Libraries
Branches in Ashby, Carrow and Fenwick will open by 2027

NORTHFIELD – {BODY}

-ENDS-

Notes to editors

The capital programme runs from April 2025 to March 2028.

Press enquiries:
Tom Reyes, Press Office
01632 960123
press@northfield.example.org
"""


def test_a_news_release_under_its_marker_reads_headline_subhead_and_issuer() -> None:
    release = ingest(UK_RELEASE)
    assert release.title == "Council Sets Out Plan for Three New Libraries"
    assert release.subtitle == "Branches in Ashby, Carrow and Fenwick will open by 2027"
    assert release.authors == ()
    assert release.publication == "Northfield Borough Council"
    assert release.date == "2025-03-12"
    body = texts(release)
    assert body[0].startswith("The council today published plans")
    assert not any("NEWS RELEASE" in t or t == "Northfield Borough Council" for t in body)


def test_the_end_mark_and_press_enquiries_are_no_text_but_notes_to_editors_are() -> None:
    body = " ".join(texts(ingest(UK_RELEASE)))
    for furniture in ("-ENDS-", "ENDS", "Press enquiries", "01632 960123", "press@northfield"):
        assert furniture not in body
    assert "The capital programme runs from April 2025 to March 2028." in texts(ingest(UK_RELEASE))


US_RELEASE = f"""OFFICE OF THE COUNTY EXECUTIVE
Harlow County

FOR IMMEDIATE RELEASE: June 3, 2025
Contact: Dana Whitfield, (555) 010-4471

Harlow County Opens Its First Cooling Centers Ahead of Summer
Six sites will stay open until 9 p.m. on days above 95 degrees

HARLOW CITY, Ore. — {BODY}

– 30 –

About the Office of the County Executive
The Office of the County Executive runs the county's departments and its budget of $1.2 billion.
"""


def test_a_dated_marker_gives_the_date_and_its_contact_line_goes_with_it() -> None:
    release = ingest(US_RELEASE)
    assert release.title == "Harlow County Opens Its First Cooling Centers Ahead of Summer"
    assert release.subtitle == "Six sites will stay open until 9 p.m. on days above 95 degrees"
    assert release.publication == "Office of the County Executive"
    assert release.date == "2025-06-03"
    assert release.authors == ()
    body = texts(release)
    assert not any("Dana Whitfield" in t or "FOR IMMEDIATE RELEASE" in t for t in body)
    assert body[0].startswith("The council today published plans")


def test_the_boilerplate_after_the_end_mark_heads_its_own_section() -> None:
    release = ingest(US_RELEASE)
    assert "– 30 –" not in " ".join(texts(release))
    boiler = [s for s in release.sentences if s.text.startswith("The Office of the County")]
    assert len(boiler) == 1
    assert boiler[0].section == "About the Office of the County Executive"
    assert release.sections[-1] == "About the Office of the County Executive"


def test_a_marker_under_the_headline_goes_alone() -> None:
    """The headline above the marker stays the title; the marker is no subtitle or author."""
    text = f"""Council Sets Out Plan for Three New Libraries

FOR IMMEDIATE RELEASE

{BODY}

# # #
"""
    release = ingest(text)
    assert release.title == "Council Sets Out Plan for Three New Libraries"
    assert release.subtitle is None
    assert release.authors == ()
    body = texts(release)
    assert body[0].startswith("The council today published plans")
    assert not any("#" in t or "RELEASE" in t for t in body)


def test_words_like_a_marker_or_a_contact_inside_the_text_stay() -> None:
    """Negative cases: a headline about an embargo, a sentence giving a contact, "30" in text,
    an "About …" line before any end mark."""
    text = """Embargo on Grain Exports Lifted After Six Weeks

By Mara Quint

The ministry lifted the embargo on grain exports today after six weeks of talks.

For more information, contact:
Jo Dale, Engineer; telephone: (816) 329-4059; email: jo.dale@example.gov.

About 30 ships were waiting in the harbour when the news came.

Media enquiries are welcome at the ministry's office on weekdays.
"""
    article = ingest(text)
    assert article.title == "Embargo on Grain Exports Lifted After Six Weeks"
    assert article.authors == ("Mara Quint",)
    body = texts(article)
    assert any("telephone: (816) 329-4059" in t for t in body)
    assert "About 30 ships were waiting in the harbour when the news came." in body
    assert "Media enquiries are welcome at the ministry's office on weekdays." in body


def test_a_contact_label_alone_over_its_details_goes_with_them() -> None:
    text = f"""State Library Extends Opening Hours
Reading rooms will open on Sundays from April

{BODY}

Media contacts:

Ines Borel
(555) 019-3320

Karl Menz
k.menz@library.example.org

ENDS
"""
    body = " ".join(texts(ingest(text)))
    for furniture in ("Media contacts", "Ines Borel", "Karl Menz", "(555) 019-3320", "ENDS"):
        assert furniture not in body
    assert "Work on the first branch, in Carrow, begins in September." in body
