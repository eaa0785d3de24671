"""Wiki and handbook pages in Markdown: a field table over the title, admonitions, related links."""

from __future__ import annotations

from bot.core.ingest.article import build_article
from bot.core.ingest.formats import reader_for
from bot.core.model import Article


def ingest(text: str, name: str = "page") -> Article:
    data = text.encode("utf-8")
    reader = reader_for(".md", data[:4096])
    assert reader is not None
    document, _ = reader.read(data, f"seeds/{name}.md")
    assert document is not None
    article, _ = build_article(name, f"seeds/{name}.md", document, {})
    assert article is not None
    return article


def texts(article: Article) -> list[str]:
    return [s.text for s in article.sentences]


BODY = (
    "Staff may claim travel costs for journeys made on council business. Claims are paid "
    "within one month of approval.\n\n## Mileage\n\nCar journeys are paid at 45 pence a mile "
    "for the first 10,000 miles.\n"
)


def test_a_field_table_read_down_gives_the_owner_and_the_updated_date() -> None:
    """A Confluence-style properties table (label and value on each row) under the title."""
    page = ingest(
        "# Travel Expenses Guide\n\n"
        "| Property | Value |\n|---|---|\n"
        "| Document owner | Tomasz Wren, Finance Directorate |\n"
        "| Created | 2023-01-09 |\n| Last updated | 14 March 2025 |\n| Version | 3.2 |\n\n" + BODY
    )
    assert page.title == "Travel Expenses Guide"
    assert page.date == "2025-03-14"  # the last update over the day the page was made
    assert page.authors == ("Tomasz Wren",)
    # the fields left, the day it was made among them, stay as one line a reader may ask about
    assert "Created: 2023-01-09; Version: 3.2." in texts(page)
    assert not any("Document owner" in t or "March 2025" in t for t in texts(page))
    assert "Travel Expenses Guide" not in page.sections


def test_a_field_table_across_over_the_title_and_its_published_date() -> None:
    page = ingest(
        "| Author | Published | Review due |\n|---|---|---|\n"
        "| Amara Osei and Lena Fisch | 2 May 2024 | May 2025 |\n\n"
        "# Lone Working Procedure\n\n" + BODY
    )
    assert page.title == "Lone Working Procedure"
    assert page.authors == ("Amara Osei", "Lena Fisch")
    assert page.date == "2024-05-02"
    assert "Review due: May 2025." in texts(page)


def test_a_data_table_at_the_top_is_no_field_table() -> None:
    """A table of figures opening a page keeps its rows as text and names no author or date."""
    page = ingest(
        "| Band | Rate | Updated |\n|---|---|---|\n| A | 45p | 2024 |\n| B | 25p | 2024 |\n\n"
        + BODY
    )
    assert page.authors == ()
    assert "Band: A; Rate: 45p; Updated: 2024." in texts(page)


def test_a_field_table_inside_the_body_stays_a_table() -> None:
    """Below a section heading a table of owners is the text's, no page metadata."""
    page = ingest(
        "# Contacts\n\nEach team answers for its own pages of this handbook.\n\n## Owners\n\n"
        "| Owner | Last reviewed |\n|---|---|\n| Priya Nair | 3 June 2025 |\n\n" + BODY
    )
    assert page.authors == ()
    assert page.date != "2025-06-03"
    assert "Owner: Priya Nair; Last reviewed: 3 June 2025." in texts(page)


def test_mkdocs_admonitions_lose_their_markers_and_keep_their_bodies() -> None:
    """`!!! warning` over a body set off by a blank line (no code block), a collapsible
    `???+ info "…"` with a long title kept as a line, and a nested short label dropped."""
    page = ingest(
        "# Parking Rules\n\nThe car park opens at seven each weekday morning.\n\n"
        "!!! warning\n\n    Cars left overnight are removed at the owner's cost.\n\n"
        "    Permits are checked every Friday.\n\n"
        '???+ info "Why the car park closes early on Fridays"\n'
        "    The gates are serviced every Friday afternoon.\n\n"
        "The rules were last changed in 2024.\n"
    )
    body = texts(page)
    assert "Cars left overnight are removed at the owner's cost." in body
    assert "Permits are checked every Friday." in body
    assert "Why the car park closes early on Fridays" in body
    assert "The gates are serviced every Friday afternoon." in body
    assert "The rules were last changed in 2024." in body
    assert not any("!!!" in t or "???" in t or "[!" in t for t in body)


def test_colon_fenced_admonitions_lose_their_markers() -> None:
    """Docusaurus `:::tip[Title]` and Quarto `::: {.callout-note}` … `:::` blocks."""
    page = ingest(
        "# Leave Booking\n\nBook annual leave in the staff portal at least two weeks ahead.\n\n"
        ":::tip[Bank holidays]\nBank holidays are added to your balance automatically.\n:::\n\n"
        '::: {.callout-note title="Carry over"}\nUp to five days may be carried over.\n:::\n\n'
        "Leave not booked by March is lost.\n"
    )
    body = texts(page)
    assert "Bank holidays are added to your balance automatically." in body
    assert "Up to five days may be carried over." in body
    assert "Leave not booked by March is lost." in body
    assert not any(":::" in t or "Bank holidays]" in t or "callout" in t for t in body)


def test_admonition_markers_in_code_or_alone_stay_as_written() -> None:
    """A `!!! note` inside fenced code is code (no text at all); a "??? Really" line over no
    indented body is a line of the text, and a closing `:::`-less fence is left alone."""
    page = ingest(
        "# Writing Help Pages\n\nA help page opens with one plain sentence.\n\n"
        "```\n!!! note\n    This is how a note is written.\n```\n\n"
        "??? Really\n\n::: warning\nThe colons above are never closed here.\n"
    )
    body = texts(page)
    assert not any("how a note is written" in t for t in body)
    assert "Really" in body
    assert any("The colons above are never closed here." in t for t in body)


def test_a_see_also_section_of_wiki_links_is_navigation() -> None:
    """An Obsidian-style "See also" of [[wiki links]] closing a page, and a GitHub wiki's
    "Related" list of relative links before the next section: no section, no text."""
    page = ingest(
        "# Fire Safety\n\nFire doors must be kept closed at all times.\n\n"
        "### Related\n\n1. [Evacuation routes](Evacuation-Routes)\n2. [First aid](First-Aid)\n\n"
        "## Drills\n\nA drill is held every six months.\n\n"
        "## See also\n\n- [[Evacuation routes]]\n- [[Building access|Access to the building]]\n"
    )
    assert page.sections == ("Drills",)
    assert texts(page) == [
        "Fire doors must be kept closed at all times.",
        "A drill is held every six months.",
    ]


def test_link_lists_with_words_or_other_sites_or_subsections_stay() -> None:
    """Items that say more than their link, links to other sites, and a links heading over
    a subsection are text: only a section of nothing but links to the site's pages goes."""
    page = ingest(
        "# Fire Safety\n\nFire doors must be kept closed at all times.\n\n"
        "## Related pages\n\n- [Evacuation routes](routes.md): the map for each floor\n"
        "- [First aid](aid.md)\n\n"
        "## Further reading\n\n- [Fire Safety Order 2005](https://www.legislation.gov.uk/x)\n"
        "- [Home Office guidance](https://www.gov.uk/y)\n\n"
        "## Forms\n\n- [Incident form](forms/incident.md)\n- [Drill log](forms/drill.md)\n\n"
        "### Filling them in\n\nSend each form to the safety officer within a day.\n"
    )
    assert "Related pages" in page.sections
    assert "Further reading" in page.sections
    assert "Forms" in page.sections
    body = texts(page)
    assert "Evacuation routes: the map for each floor" in body
    assert "Home Office guidance" in body
    assert "Drill log" in body


def test_an_office_holder_is_named_without_the_field_of_the_office() -> None:
    """ "Head of Digital Services Amy Chen said": the speaker is "Amy Chen"; "Minister for
    Transport Planning Omar Haddad" is "Omar Haddad"."""
    page = ingest(
        "# Service Launch\n\nThe new booking service opened to the public on Monday.\n\n"
        'Head of Digital Services Amy Chen said at the launch: "Nobody should need to phone us '
        'to book a room."\n\n'
        'Minister for Transport Planning Omar Haddad said: "Rural routes come first."\n'
    )
    assert {q.speaker for q in page.quotes} == {"Amy Chen", "Omar Haddad"}


def test_a_three_word_name_after_an_office_keeps_all_its_words() -> None:
    """A name of three words after one field word stays whole, and so does a name after a
    title with no field ("Deputy Director Jo Ann Bell")."""
    page = ingest(
        "# Service Launch\n\nThe new booking service opened to the public on Monday.\n\n"
        'Director of Policy Mary Ann Okoro said: "The rooms are free for charities."\n\n'
        'Deputy Director Jo Ann Bell said: "We asked for this for years."\n'
    )
    assert {q.speaker for q in page.quotes} == {"Mary Ann Okoro", "Jo Ann Bell"}
