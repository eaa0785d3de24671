"""The HTML reader on the shapes of saved news pages: folded stories, site names, furniture.

Each test's page is written here, in a layout of its own; the negative cases keep what a
rule must leave alone.
"""

from __future__ import annotations

from tests.core.ingested import ingest, texts

BEFORE_FOLD = [
    "The harbour board voted on Monday to close the northern pier for repairs, a decision "
    "that will move the ferry service to the old quay until the autumn.",
    "Engineers found that the timber piles had rotted below the waterline, and the board "
    "said the cost of waiting another winter would be far higher than the repair.",
]
AFTER_FOLD = [
    "Ferry passengers will walk an extra ten minutes from the station, and the operator "
    "has promised a shuttle bus at peak hours for those who cannot manage the distance.",
    "Local traders on the quay welcomed the change, saying the extra footfall would help "
    "them through a difficult season after two years of falling trade.",
    "The board expects the pier to reopen in October, although the chief engineer warned "
    "that the schedule depends on the weather and on the delivery of new timber.",
    "Residents who live near the old quay asked for limits on the hours when the ferries "
    "may sound their horns, and the board agreed to consider the request next month.",
]


def _folded(before: str) -> str:
    after = "".join(f"<p>{t}</p>" for t in AFTER_FOLD)
    return (
        "<!DOCTYPE html><html><head><title>Pier to close for repairs</title></head><body>"
        "<div class='page'><h1>Pier to close for repairs</h1><div class='story'>"
        f"{before}<div class='advert-box'></div>"
        f"<div class='fold'><a class='expand' href='#'>Continue reading</a>"
        f"<div class='fold-content'>{after}</div></div></div>"
        "<div class='elsewhere'><p><a href='/a'>Council approves the new harbour budget for "
        "next year after a long debate about the cost of dredging the channel</a></p></div>"
        "</div></body></html>"
    )


def test_the_paragraphs_before_a_fold_are_the_story_too() -> None:
    article = ingest(_folded("".join(f"<p>{t}</p>" for t in BEFORE_FOLD)), ".html")
    got = texts(article)
    for sentence in ("The harbour board voted on Monday", "Engineers found that the timber"):
        assert any(s.startswith(sentence) for s in got), got
    assert any(s.startswith("Ferry passengers will walk") for s in got)
    assert got.index(next(s for s in got if s.startswith("Engineers"))) < got.index(
        next(s for s in got if s.startswith("Ferry passengers"))
    )


def test_a_link_or_a_short_line_beside_the_story_stays_out() -> None:
    before = (
        "<p><a href='/x'>Read our full coverage of the harbour redevelopment and the new "
        "ferry timetable here</a></p><p>Updated hourly.</p>"
    )
    got = texts(ingest(_folded(before), ".html"))
    assert not any("full coverage" in s for s in got), got
    assert "Updated hourly." not in got
    assert not any("dredging the channel" in s for s in got)


CHANGES = [
    "New reading room on the second floor, with forty desks and daylight lamps",
    "Opening hours extended to nine in the evening on weekdays",
    "Self-service lending machines at both entrances",
    "Members may now reserve up to twelve books at a time",
    "Children's corner moved next to the garden door",
    "Free wireless network in every room of the building",
    "Printing and scanning priced per page instead of per session",
]


def _notice(lines: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>Library changes</title>"
        "<meta property='og:title' content='What changes at the town library'></head><body>"
        "<table><tr><td><h1>Town Library Blog</h1></td>"
        "<td><a href='/'>Hosted by Pagesmith</a></td></tr></table>"
        f"<div class='entry'><h3>What changes at the town library</h3><p>{lines}</p></div>"
        "</body></html>"
    )


def test_a_list_typed_as_lines_is_read_as_items() -> None:
    got = texts(ingest(_notice("<br>".join(f"+ {t}" for t in CHANGES)), ".html"))
    assert CHANGES[0] in got and CHANGES[-1] in got, got
    assert not any(s.startswith("+") or "+ Opening" in s for s in got)


def test_a_paragraph_of_lines_all_under_one_marker_only_when_every_line_has_one() -> None:
    lines = [f"- {CHANGES[0]}", "and the staff will help anyone who asks", f"- {CHANGES[1]}"]
    got = texts(ingest(_notice("<br>".join(lines)), ".html"))
    assert not any(s == CHANGES[1] for s in got), got  # not a list: the lines stay one text


def test_a_page_of_one_lined_paragraph_leaves_the_masthead_out() -> None:
    got = texts(ingest(_notice("<br>".join(f"* {t}" for t in CHANGES)), ".html"))
    assert not any("Pagesmith" in s or "Town Library Blog" in s for s in got), got


def _post(title: str, head: str = "", article: str = "", footer: str = "") -> str:
    body = "".join(f"<p>{t}</p>" for t in AFTER_FOLD)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body>"
        "<header class='top'><h1><a href='/'>Tidewater</a></h1></header><main><article>"
        "<header><h1>Ferries and the pier: what changes</h1></header>"
        f"<div class='body'>{article}{body}</div><footer>{footer}</footer></article></main>"
        "</body></html>"
    )


def test_the_headline_is_the_longest_h1_the_title_holds_not_the_sites_logo() -> None:
    article = ingest(_post("Ferries and the pier: what changes · Tidewater"), ".html")
    assert article.title == "Ferries and the pier: what changes"
    assert article.publication == "Tidewater"  # the <title>'s other side, across its own colon


def test_a_title_without_the_headline_names_no_site() -> None:
    article = ingest(_post("Ferries and the pier: what changes"), ".html")
    assert article.publication is None  # neither side of the colon is the headline alone


def test_a_post_signed_in_its_footer_has_its_author() -> None:
    article = ingest(
        _post("Ferries and the pier", footer="<p>Posted by Maren Solberg.</p>"), ".html"
    )
    assert article.authors == ("Maren Solberg",)
    assert not any("Posted by" in s for s in texts(article))


def test_a_footer_line_that_is_no_byline_names_nobody() -> None:
    article = ingest(
        _post("Ferries and the pier", footer="<p>Photos by the harbour archive, with thanks.</p>"),
        ".html",
    )
    assert article.authors == ()


def test_a_headings_permalink_sign_is_not_part_of_it() -> None:
    section = (
        f"<h2 id='fares'>Fares and passes <a class='anchor' href='#fares'>¶</a></h2>"
        f"<p>{BEFORE_FOLD[0]}</p><h2 id='quay'>The old quay <a href='#quay'>#</a></h2>"
        f"<p>{BEFORE_FOLD[1]}</p><h2 id='n'>Number <a href='#n'>9</a> berth</h2>"
    )
    article = ingest(_post("Ferries and the pier: what changes", article=section), ".html")
    assert "Fares and passes" in article.sections and "The old quay" in article.sections
    assert "Number 9 berth" in article.sections, article.sections


def test_code_keeps_its_lines_apart() -> None:
    code = "<pre><code>$ make pier<br>built pier<br>$ make quay<br>built quay</code></pre>"
    got = " ".join(texts(ingest(_post("Ferries and the pier", article=code), ".html")))
    assert "built pier" in got and "pierbuilt" not in got and "pier$" not in got, got


def _blog(head: str = "", top: str = "", bottom: str = "", after: str = "") -> str:
    body = "".join(f"<p>{t}</p>" for t in BEFORE_FOLD + AFTER_FOLD)
    return (
        "<!DOCTYPE html><html><head><title>Notes from the quay - Quayside Journal</title>"
        f"{head}</head><body><div id='wrap'><div id='column'><div id='entry'>"
        f"<h1>Notes from the quay</h1>{top}{body}{bottom}</div></div>{after}</div></body></html>"
    )


SITE_NOTE = (
    "<hr><p>Everything written here is my own opinion and not that of any employer, "
    "client or organisation I work with, now or in the past, whatever the subject.</p>"
)


def test_the_sites_closing_note_after_a_rule_is_not_the_story() -> None:
    got = texts(ingest(_blog(after=SITE_NOTE), ".html"))
    assert any(s.startswith("Residents who live near") for s in got)
    assert not any("my own opinion" in s for s in got), got


def test_an_author_tag_with_a_web_address_names_the_author() -> None:
    head = "<meta name='author' content='Ivo Brandt (https://ivo.example.org/)'>"
    assert ingest(_blog(head=head), ".html").authors == ("Ivo Brandt",)
    mail = "<meta name='author' content='Ivo Brandt <ivo@example.org>'>"
    assert ingest(_blog(head=mail), ".html").authors == ("Ivo Brandt",)


def test_a_dated_byline_gives_the_author_and_is_no_sentence() -> None:
    article = ingest(
        _blog(
            top="<p class='when'>Friday 3 May 2024 by Ivo Brandt</p>",
            bottom="<p class='when'>Posted on Friday 3 May 2024 at 18:05 by Ivo Brandt.</p>",
        ),
        ".html",
    )
    assert article.authors == ("Ivo Brandt",)
    assert article.date == "2024-05-03"
    assert not any("Ivo Brandt" in s for s in texts(article)), texts(article)


def test_a_sentence_with_by_and_a_date_stays_a_sentence() -> None:
    line = "The pier was rebuilt in 3 May 1998 by the harbour board and the town council."
    got = texts(ingest(_blog(bottom=f"<p>{line}</p>"), ".html"))
    assert line in got


def test_links_to_the_previous_and_next_post_are_no_sentences() -> None:
    bottom = (
        "<div class='nav'><a href='/older'>← Previous: Winter on the ferry</a></div>"
        "<p><a href='/newer' rel='next'>The lighthouse keepers' strike</a></p>"
        "<p><a href='/steps'>Next steps for the harbour plan are set out here</a></p>"
    )
    got = texts(ingest(_blog(bottom=bottom), ".html"))
    assert not any("Winter on the ferry" in s or "strike" in s for s in got), got
    assert any("Next steps for the harbour plan" in s for s in got)


def test_the_site_name_keeps_the_spaces_the_title_prints() -> None:
    head = "<meta property='og:site_name' content='QuaysideJournal'>"
    article = ingest(_blog(head=head), ".html")
    assert article.publication == "Quayside Journal"
    other = "<meta property='og:site_name' content='Harbour Media'>"
    assert ingest(_blog(head=other), ".html").publication == "Harbour Media"


def _edition(stories: list[tuple[str, str]]) -> str:
    parts = []
    for n, (headline, byline) in enumerate(stories):
        parts.append(
            f"<h2 class='storyHead'><a href='/s/{n}'>{headline}</a></h2>"
            f"<div class='StoryByline'> By <b>{byline}</b><br/>June 4, 2024 </div>"
            + "".join(f"<p>{t}</p>" for t in AFTER_FOLD[n : n + 3])
            + f"<p><a href='/s/{n}#talk'>Comments ({n + 2} posted)</a></p>"
        )
    return (
        "<!DOCTYPE html><html><head><title>Harbour Weekly for June 6, 2024 [Harbour.net]"
        "</title></head><body><div class='Headline'><h1>Harbour Weekly for June 6, 2024</h1>"
        f"</div><div class='Text'>{''.join(parts)}</div></body></html>"
    )


def test_a_page_of_several_stories_keeps_none_of_their_bylines() -> None:
    article = ingest(
        _edition([("Pier closes", "Lena Okafor"), ("Quay reopens", "Tom Reyes")]), ".html"
    )
    got = texts(article)
    assert article.authors == ("Lena Okafor",)  # the first story's, in a camelCase byline class
    assert not any("Okafor" in s or "Reyes" in s or "June 4" in s for s in got), got
    assert not any("posted" in s for s in got), got
    assert article.publication == "Harbour.net"  # "Headline [Site]"


def test_comment_words_in_a_sentence_or_a_link_of_prose_stay() -> None:
    bottom = (
        "<p>12 comments were sent to the board before the vote, most of them in favour.</p>"
        "<p><a href='/plan'>Comments on the draft harbour plan</a></p>"
    )
    got = texts(ingest(_blog(bottom=bottom), ".html"))
    assert any(s.startswith("12 comments were sent") for s in got)
    assert any("Comments on the draft harbour plan" in s for s in got), got


def test_an_authority_class_is_no_byline() -> None:
    top = "<p class='authority'>By order of the harbour master</p>"
    article = ingest(_blog(top=top), ".html")
    assert article.authors == ()


def test_a_quantifier_opening_the_lead_in_is_nobodys_name() -> None:
    bottom = (
        "<p>Another respondent highlighted the ferry: “The ferry is slow, and the pier is old. "
        "We need a new one.”</p>"
        "<p>One survey respondent summed it up: “Fixing the pier is the challenge we face.”</p>"
        "<p>Maren Solberg, another resident, put it plainly: “The quay is our front door.”</p>"
    )
    quotes = ingest(_blog(bottom=bottom), ".html").quotes
    speakers = {q.speaker for q in quotes}
    assert not speakers & {"Another", "One"}, speakers
    assert any(q.speaker == "Maren Solberg" and "front door" in q.text for q in quotes), quotes


def test_a_list_of_items_that_say_something_beside_their_links_is_kept() -> None:
    told = (
        "<h3>New volunteers</h3><ul>"
        "<li>Ana Lind <a href='/1'>repainted the signal box on the old quay</a></li>"
        "<li>Piet Vos <a href='/2'>mended the ferry's rope fenders</a> before the storm</li>"
        "<li>Kai Moro <a href='/3'>catalogued the harbour archive photographs</a></li></ul>"
    )
    got = texts(ingest(_blog(bottom=told), ".html"))
    assert any("repainted the signal box" in s for s in got), got
    assert any("rope fenders" in s for s in got)


def test_a_list_of_links_and_dates_stays_out() -> None:
    links = (
        "<ul><li><a href='/a'>Winter timetable for the ferry</a> December 8, 2020</li>"
        "<li><a href='/b'>The lighthouse keepers' strike</a> January 19, 2021</li>"
        "<li><a href='/c'>Dredging the channel again</a> February 2, 2021</li></ul>"
    )
    got = texts(ingest(_blog(bottom=links), ".html"))
    assert not any("Winter timetable" in s or "Dredging" in s for s in got), got


def _grid(after: str = "") -> str:
    text = [
        f"<div class='cell text'><p>{BEFORE_FOLD[0]}</p><p>{BEFORE_FOLD[1]}</p></div>",
        f"<div class='cell text'><p>{AFTER_FOLD[0]}</p><p>{AFTER_FOLD[1]}</p></div>",
        f"<div class='cell text'><p>{AFTER_FOLD[2]}</p><p>{AFTER_FOLD[3]}</p></div>",
    ]
    titles = ["Why the pier closes", "Getting to the ferry"]
    cells = [text[0]]
    for title, cell in zip(titles, text[1:], strict=True):
        cells.append(f"<div class='cell title'><div class='anchor'><h2>{title}</h2></div></div>")
        cells.append(cell)
    return (
        "<!DOCTYPE html><html><head><title>Pier to close for repairs</title></head><body>"
        "<h1>Pier to close for repairs</h1><div class='page'><div class='grid'>"
        f"{''.join(cells)}</div>{after}</div></body></html>"
    )


def test_a_heading_in_boxes_of_its_own_between_the_storys_boxes_heads_its_section() -> None:
    article = ingest(_grid(), ".html")
    assert article.sections == ("Why the pier closes", "Getting to the ferry"), article.sections


def test_a_heading_box_after_the_story_or_with_more_words_heads_nothing() -> None:
    after = (
        "<div class='cell title'><div><h2>Elsewhere on the coast</h2></div></div>"
        "<div class='cell'><h3>Storm warning</h3><p>Read it</p></div>"
    )
    article = ingest(_grid(after), ".html")
    assert "Elsewhere on the coast" not in article.sections
    assert "Storm warning" not in article.sections


def test_a_date_tag_written_with_slashes_or_words_is_read_when_unambiguous() -> None:
    def date_of(value: str) -> str | None:
        return ingest(_blog(head=f"<meta name='publishdate' content='{value}'>"), ".html").date

    assert date_of("11/23/2019 08:15:00") == "2019-11-23"
    assert date_of("23.11.2019") == "2019-11-23"
    assert date_of("November 23, 2019") == "2019-11-23"
    assert date_of("03/04/2019") is None  # March or April: the tag does not say


def _manual(sections: str, title: str = "Tides and moorings — harbour handbook") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body>"
        "<div class='top'><h1><a href='index.html'>harbour handbook</a></h1></div>"
        "<div class='content'><div class='section' id='tides-and-moorings'>"
        "<h1>Tides and moorings<a class='headerlink' href='#tides-and-moorings'>¶</a></h1>"
        f"<p>{BEFORE_FOLD[0]}</p><p>{BEFORE_FOLD[1]}</p>{sections}</div></div></body></html>"
    )


def test_a_section_whose_id_spells_its_heading_is_read_whatever_the_words() -> None:
    sections = (
        "<div class='section' id='sharing-a-berth-with-another-boat'>"
        "<h2>Sharing a berth with another boat</h2>"
        f"<p>{AFTER_FOLD[0]}</p><p>{AFTER_FOLD[1]}</p></div>"
        f"<h2 id='related-rules'>Related rules</h2><p>{AFTER_FOLD[2]}</p>"
    )
    article = ingest(_manual(sections), ".html")
    got = texts(article)
    assert any(s.startswith("Ferry passengers will walk") for s in got), got
    assert "Sharing a berth with another boat" in article.sections
    assert "Related rules" in article.sections


def test_a_box_named_related_is_still_furniture_under_another_heading() -> None:
    sections = (
        f"<p>{AFTER_FOLD[0]}</p><div id='related-stories'><h2>More from the coast</h2>"
        "<p>Storm damage closes the lighthouse path for the rest of the summer season, "
        "the council says.</p></div>"
    )
    got = texts(ingest(_manual(sections), ".html"))
    assert not any("lighthouse path" in s for s in got), got


def test_the_headline_is_the_storys_h1_not_the_manuals_name_and_has_no_sign() -> None:
    article = ingest(_manual(""), ".html")
    assert article.title == "Tides and moorings"
    assert article.publication == "harbour handbook"


def test_a_quote_followed_by_a_role_and_a_name_is_that_persons() -> None:
    bottom = (
        "<p>“The pier will not survive another winter,” Bergen-based engineer Ola Strand "
        "wrote in a report to the board.</p>"
        "<p>“We expect delays,” harbour spokesperson Mia Holt said on Monday.</p>"
        "<p>“Nobody asked us,” the report by Harbour Watch said.</p>"
        "<p>“It is too early,” officials in Bergen said.</p>"
    )
    quotes = ingest(_blog(bottom=bottom), ".html").quotes
    by = {q.text.split(",")[0].rstrip(".,”"): q.speaker for q in quotes}
    assert by.get("The pier will not survive another winter") == "Ola Strand", by
    assert by.get("We expect delays") == "Mia Holt", by
    assert "Harbour Watch" not in by.values() and "Bergen" not in by.values(), by
