"""Markdown from notes apps and site generators.

A notes app's note: its "created" date, [[wiki links]] read as shown, lines of links to other
pages (and share lines) no text, #tags no text, a callout's short title its label and a quoting
callout the words of the person its title names; a site generator's figure tag gives its
picture's caption; "The X, Name, was …" names Name as the subject a later "she" stands for.
"""

from __future__ import annotations

from tests.core.ingested import ingest, speaker_of, texts


def _note(front: str, body: str) -> str:
    return f"---\n{front}\n---\n\n# Ferry timetable review\n\n{body}\n"


# --- the created date ---------------------------------------------------------------------------
def test_a_notes_created_date_dates_it_and_a_date_key_wins() -> None:
    assert ingest(_note("date_created: 2024-03-07", "The ferry runs hourly."), ".md").date == (
        "2024-03-07"
    )
    both = _note("created: 2024-03-07\ndate: 2024-05-01", "The ferry runs hourly.")
    assert ingest(both, ".md").date == "2024-05-01"
    updated = _note("updated: 2024-06-30", "The ferry runs hourly.")
    assert ingest(updated, ".md").date is None  # an edit is not when the note was written


# --- wiki links ---------------------------------------------------------------------------------
WIKI = """# Harbour dues

The [[Port Authority of Kell|port authority]] raised dues to 14 pounds a berth in [[June 2024]].
The change followed [[Harbour Board minutes#March]] and ![[dues-chart.png]] the survey.
Footnote style [[12]] stays as written, and so does `[[code]]`.
"""


def test_wiki_links_read_as_the_app_shows_them() -> None:
    body = texts(ingest(WIKI, ".md"))
    assert "The port authority raised dues to 14 pounds a berth in June 2024." in body
    assert "The change followed Harbour Board minutes and the survey." in body
    assert any("[[12]]" in t and "[[code]]" in t for t in body)  # no page names: as written


# --- navigation, share lines and tags -----------------------------------------------------------
NAV = """# Cycle lanes on Mill Street

Up: [[Transport index]]

#transport #cycling/lanes

The council painted 1.2 km of lanes in June. #budget

Read [the consultation](https://e.org/c) and [the traffic counts](https://e.org/t) first.

Source: [County traffic survey](https://example.org/s)

The scheme ranked #1 in the county's survey, and C# developers built the counter.

Follow us: [Mastodon](https://example.org/m) | [RSS](https://example.org/r)
"""


def test_lines_of_links_and_tags_are_no_text_but_sentences_with_links_stay() -> None:
    body = texts(ingest(NAV, ".md"))
    assert "The council painted 1.2 km of lanes in June." in body
    assert "Read the consultation and the traffic counts first." in body
    assert "Source: County traffic survey" in body  # one web link after a label: a credit
    assert "The scheme ranked #1 in the county's survey, and C# developers built the counter." in (
        body
    )
    for t in body:
        assert not t.startswith(("Up:", "#", "Follow us")), t
        assert "Mastodon" not in t and "#budget" not in t, t


def test_the_links_line_under_the_title_is_no_subtitle() -> None:
    assert ingest(NAV, ".md").subtitle is None


# --- callouts -----------------------------------------------------------------------------------
CALLOUTS = """# Library opening hours

The central library will open on Sundays from May.

> [!summary] Key facts
> Sunday opening costs 38,000 pounds a year.

> [!note] The pilot ends in March 2026.
> The board reviews it in January.

Staff were consulted in February.

> [!cite] Ana Ruiz, head librarian
> "Sunday is when families can come together. We see it in every branch that tried it."

> [!quote] from the union's letter
> Nobody should work a Sunday without a choice.
"""


def test_a_short_callout_title_is_a_label_a_sentence_title_stays() -> None:
    body = texts(ingest(CALLOUTS, ".md"))
    assert "Key facts" not in body
    assert "Sunday opening costs 38,000 pounds a year." in body
    assert "The pilot ends in March 2026." in body


def test_a_quoting_callout_is_the_quote_of_the_person_its_title_names() -> None:
    article = ingest(CALLOUTS, ".md")
    assert any(
        q.speaker == "Ana Ruiz" and q.text.startswith("Sunday is when families can come together.")
        for q in article.quotes
    )
    assert not any(t.startswith("Ana Ruiz,") for t in texts(article))
    # a title naming no one: the words are quoted, but by nobody the reader can name
    assert speaker_of(article, "Nobody should work a Sunday") is None
    assert "from the union's letter" in texts(article)


# --- figure tags --------------------------------------------------------------------------------
FIGURES = """# The old quay

The quay was rebuilt in 1910.

{{% figure src="/img/quay.jpg" caption="Fishing boats at the old quay in 1912. Photo: Mara Bell" %}}

{% include figure.html image="/img/crane.jpg" caption="The steam crane, scrapped in 1961." %}

{{< youtube id="abc123" title="A film of the harbour" >}}

{{< figure src="/img/map.png" alt="A map of the harbour" >}}

The crane lifted 20 tonnes.
"""


def test_a_figure_tags_caption_is_a_caption_and_other_tags_no_text() -> None:
    article = ingest(FIGURES, ".md")
    kinds = {s.text: s.kind for s in article.sentences}
    assert kinds["Fishing boats at the old quay in 1912."] == "caption"
    assert kinds["The steam crane, scrapped in 1961."] == "caption"
    assert kinds["The crane lifted 20 tonnes."] == "body"
    for t in kinds:
        assert not any(w in t for w in ("Photo:", "youtube", "A film of", "A map of")), t


# --- a subject named in apposition --------------------------------------------------------------
APPOSITION = """# Ferry subsidy

The island ferry lost 2.1 million pounds last year.

The review's co-author, Prof Liam Brandt, was blunt in the annex:
he wrote that "the ferry cannot run on subsidies alone."

Mayor Tom Hale spoke first. The crowd cheered his deputy, Lena Voss, after the rally.
"We will not move on the fares this year," he said.

In Kellmouth, Harbour Road and the quay were closed, and the notice said "no vehicles after six".
"""


def test_a_name_set_off_after_a_description_is_the_subject_a_pronoun_stands_for() -> None:
    quotes = ingest(APPOSITION, ".md").quotes
    assert any(
        (q.speaker or "").endswith("Liam Brandt") and q.text.startswith("the ferry cannot run")
        for q in quotes
    )
    assert not any(q.text.startswith("no vehicles") for q in quotes)  # no person says it
    # a name set off after an object ("cheered his deputy, Lena Voss, after …") is no subject
    said = {q.text: q.speaker for q in quotes}
    assert said["We will not move on the fares this year"] == "Tom Hale"


# --- a quoting callout's quotation marks ------------------------------------------------------
QUOTED_CALLOUTS = """# Bridge works

The bridge closes for repairs in April.

> [!quote] Jo Park, mayor
> "We will reopen the bridge by May.
> The money is in place."

> [!quote] Sam Reyes, engineer
> The council calls it "the May deadline" in every letter.

> "The old span was never meant for lorries."
>
> — Nia Bell, surveyor
"""


def test_marks_wrapped_round_a_quoting_callout_are_off_inner_ones_stay() -> None:
    quotes = {q.speaker: q.text for q in ingest(QUOTED_CALLOUTS, ".md").quotes}
    assert quotes["Jo Park"] == "We will reopen the bridge by May. The money is in place."
    assert quotes["Sam Reyes"] == 'The council calls it "the May deadline" in every letter.'
    # a plain block quote keeps the marks it was written with
    assert quotes["Nia Bell"] == '"The old span was never meant for lorries."'
