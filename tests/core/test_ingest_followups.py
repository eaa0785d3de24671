"""Follow-ups to the ingest pipeline: rules found by the dev-set checker and the reader authors.

Each test builds its own small document.
"""

from __future__ import annotations

from bot.core.ingest.article import build_article
from bot.core.ingest.formats import reader_for
from bot.core.model import Article


def ingest(text: str, suffix: str) -> Article:
    data = text.encode("utf-8")
    reader = reader_for(suffix, data[:4096])
    assert reader is not None
    document, issues = reader.read(data, f"seeds/doc{suffix}")
    assert document is not None, issues
    article, _ = build_article("doc", f"seeds/doc{suffix}", document, {})
    assert article is not None
    return article


def texts(article: Article) -> list[str]:
    return [s.text for s in article.sentences]


# two paragraphs, the first with no closing full stop: a print layout would join them
OPEN_FIRST = "The council voted on the new dues for the river ports on Monday evening"
SECOND = "members of the public filled the gallery and the vote was delayed twice."
LAST = "The harbour master will publish the new table of dues in the spring."


def test_html_paragraphs_are_never_joined() -> None:
    html = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>River Dues</title>'
        '</head><body><article><h1>River Dues</h1><p class="byline">By Ada Brink</p>'
        f"<p>{OPEN_FIRST}</p><p>{SECOND}</p><p>{LAST}</p></article></body></html>"
    )
    got = texts(ingest(html, ".html"))
    assert SECOND in got
    assert not any(OPEN_FIRST in t and "gallery" in t for t in got)


def test_markdown_paragraphs_are_never_joined() -> None:
    md = f"# River Dues\n\nBy Ada Brink\n\n{OPEN_FIRST}\n\n{SECOND}\n\n{LAST}\n"
    got = texts(ingest(md, ".md"))
    assert SECOND in got
    assert not any(OPEN_FIRST in t and "gallery" in t for t in got)


def test_a_print_export_still_joins_a_paragraph_cut_by_a_page_break() -> None:
    text = f"River Dues\n\nBy Ada Brink\n\n{OPEN_FIRST}\n\n{SECOND}\n\n{LAST}\n"
    got = texts(ingest(text, ".txt"))
    assert any(OPEN_FIRST in t and "gallery" in t for t in got)


def test_a_captions_source_and_notes_lines_are_its_credit() -> None:
    from bot.core.ingest.captions import split_credit

    chart = "Figure 3: Barges per month, thousands Source: River Board statistics"
    assert split_credit(chart, sources=True) == (
        "Figure 3: Barges per month, thousands",
        "Source: River Board statistics",
    )
    table = "Table 2. Dues by port. Notes: in 2020 euros. Sources: Port A; Port B."
    assert split_credit(table, sources=True) == (
        "Table 2. Dues by port.",
        "Notes: in 2020 euros. Sources: Port A; Port B.",
    )
    assert split_credit(chart) is None  # a body paragraph is never cut at "Source:"


def test_a_captions_label_is_not_cut_off_as_a_sentence() -> None:
    from bot.core.ingest.sentences import split_sentences

    for caption in (
        "FIGURE 2. Barges per month on the lower river",
        "Table A-1. Dues by port and year",
        "Figure 2.1. Barges per month",
    ):
        assert split_sentences(caption) == [(0, len(caption))]
    text = "Dues rose by half. Figure 2. Barges per month"
    assert next(text[a:b] for a, b in split_sentences(text)) == "Dues rose by half."


def test_glossary_long_forms_with_a_dotted_prefix_and_or_letters_inside_a_word() -> None:
    from bot.core.ingest.glossary import find_glossary

    text = (
        "The U.K. Hydrographic Office (UKHO) and the U.S. Coast Guard (USCG) met. The "
        "Inland Waterways Administration (IWADM) and the board for harbour and transport "
        "(H&T) agreed, as did the makers of deep ultraviolet (DUV) lamps. Prices rose (CPI)."
    )
    got = {g.short: g.long for g in find_glossary([text])}
    assert got == {
        "UKHO": "U.K. Hydrographic Office",
        "USCG": "U.S. Coast Guard",
        "IWADM": "Inland Waterways Administration",
        "H&T": "harbour and transport",
        "DUV": "deep ultraviolet",
    }


def _figures(text: str) -> list[tuple[str, str, float, str, str | None]]:
    from bot.core.ingest.figures import find_figures

    return [(f.kind, f.text, round(f.value, 3), f.unit, f.qualifier) for f in find_figures(text)]


def test_figures_rates_qualified_numbers_and_a_qualifier_before_an_article() -> None:
    assert _figures("Barges passed at about 40 each day.") == [
        ("count", "about 40 each day", 40, "each day", "about")
    ]
    assert _figures("The fine is up to a $9,000 charge.") == [
        ("amount", "up to a $9,000", 9000, "$", "up to")
    ]
    assert _figures("The board said it is fewer than 60.") == [
        ("count", "fewer than 60", 60, "", "fewer than")
    ]
    assert _figures("Dues rose in 2019.") == [("year", "2019", 2019, "", None)]


def test_figures_fraction_words_and_n_in_m() -> None:
    assert _figures("Freight fell by a fifth.") == [("fraction", "a fifth", 0.2, "", None)]
    assert _figures("Dues rose by about a quarter in May.")[0] == (
        "fraction",
        "about a quarter",
        0.25,
        "",
        "about",
    )
    assert _figures("Nearly 4 in 5 barges paid.") == [
        ("fraction", "Nearly 4 in 5", 0.8, "", "nearly")
    ]
    assert _figures("It won a third prize.") == [("ordinal", "third prize", 3, "prize", None)]
    assert not [f for f in _figures("It came 3 in 2020.") if f[0] == "fraction"]


def test_figure_unit_is_the_head_noun_after_its_modifiers() -> None:
    assert _figures("Four inland river barges sank.") == [
        ("count", "Four inland river barges", 4, "barges", None)
    ]
    assert _figures("Some 30 U.K. port inspectors came.") == [
        ("count", "Some 30 U.K. port inspectors", 30, "U.K. port inspectors", "some")
    ]
    assert _figures("About 20 U.S. coast guard stations shut.") == [
        ("count", "About 20 U.S. coast guard stations", 20, "stations", "about")
    ]
    assert _figures("Two village committees met.") == [
        ("count", "Two village committees", 2, "village committees", None)
    ]


def test_a_fraction_word_is_not_a_period_or_a_compound() -> None:
    assert _figures("The board meets once a quarter.") == []
    assert _figures("It sent a third-party request.") == []
    assert _figures("Dues were set over a 30-day period.") == [
        ("duration", "30-day", 30, "day", None)
    ]
    assert _figures("Title 17 of the Code requires it.") == []


def test_an_author_and_page_short_form_refers_to_that_authors_one_full_note() -> None:
    from bot.core.ingest.notes import resolve_short_forms
    from bot.core.model import Note

    notes = [
        Note(1, "International River Commission (IRC), “Barge Traffic in Dry Years,” May 2, 2025."),
        Note(2, "Harbour Gazette, “Dues Rise Again,” 2024."),
        Note(3, "Harbour Gazette, “Ferries Exempted,” 2021."),
        Note(4, "IRC, p. 7."),
        Note(5, "Harbour Gazette, p. 2."),  # two full notes by that author: ambiguous
        Note(6, "Port Board, p. 3."),  # no full note by this author
    ]
    got = {n.number: (n.refers_to, n.page) for n in resolve_short_forms(notes)}
    assert got[4] == (1, "7")
    assert got[5] == (None, None)
    assert got[6] == (None, None)


def test_a_body_paragraph_that_resembles_another_is_never_a_pull_quote() -> None:
    md = (
        "# River Treaties\n\nBy Ada Brink\n\n"
        "The first treaty sets the dues that every port on the river may charge for barges.\n\n"
        "Article 18 of the Rhine Act contains nearly identical language.\n\n"
        "A later treaty lets the lake ports waive their dues for ferries in winter.\n\n"
        "Article 19 of the Elbe Act contains nearly identical language.\n\n"
        "Both treaties were signed in the spring and came into force a year later.\n"
    )
    article = ingest(md, ".md")
    got = texts(article)
    assert "Article 18 of the Rhine Act contains nearly identical language." in got
    assert "Article 19 of the Elbe Act contains nearly identical language." in got
    assert not [q for q in article.quotes if q.kind == "pull"]


def test_a_display_line_repeating_a_sentence_is_still_a_pull_quote() -> None:
    md = (
        "# River Treaties\n\nBy Ada Brink\n\n"
        "The board met in May. Dues will rise by half for every barge that uses the river "
        "locks at night, the board said after a long meeting.\n\n"
        "> Dues will rise by half for every barge that uses the river locks at night.\n\n"
        "The new table of dues will be published in the spring by the harbour master.\n"
    )
    article = ingest(md, ".md")
    pulls = [q.text for q in article.quotes if q.kind == "pull"]
    assert pulls == ["Dues will rise by half for every barge that uses the river locks at night."]


def test_form_labels_of_a_notice_are_never_speakers() -> None:
    text = "\n\n".join(
        [
            "Proposed Dues for River Ports",
            "AGENCY: River Board, Ministry of Transport.",
            "ACTION: Notice of proposed dues.",
            "SUMMARY: The board proposes new dues. This action would set dues for every agency "
            "barge, and the summary of the action follows.",
            "ADDRESSES: Send comments to the board. Comments with postal addresses are public.",
            "FOR FURTHER INFORMATION CONTACT: Ada Brink, River Board. For further information "
            "on the dues, contact the board.",
            "The board will weigh every comment before it sets the dues for next year.",
        ]
    )
    article = ingest(text + "\n", ".txt")
    assert not [q.speaker for q in article.quotes if q.kind != "pull"]


def test_transcript_speakers_with_common_words_in_their_label_stay_speakers() -> None:
    text = "\n\n".join(
        [
            "Press Briefing on River Dues",
            "CHAIR OLSEN: Good afternoon. The board has set the new dues for the river ports.",
            "AUDIENCE MEMBER: Will the dues rise again next year for every member port?",
            "CHAIR OLSEN: We will look at the dues again in the spring, as the chair said.",
            "REPORTER: And the ferries, will the reporter see the new table soon?",
            "CHAIR OLSEN: The table will be out in May, with the ferries in it.",
        ]
    )
    article = ingest(text + "\n", ".txt")
    speakers = {q.speaker for q in article.quotes if q.kind != "pull"}
    assert "Chair Olsen" in speakers


def test_a_caption_credit_line_never_runs_into_the_next_paragraph() -> None:
    body = (
        "The harbour board met on Monday to set the dues for the coming year, and the\n"
        "members agreed on a table that raises the dues for the largest barges only.\n"
    )
    text = (
        "===== PDF_PAGE 1 =====\nRiver Dues\n\nBy Ada Brink\n\n"
        + body
        + "A barge waits at the lock gate near the old grain mill in the early morning,\n"
        "March 2, 2024. Source: HARBOUR PRESS/\nJan Visser\n\n===== PDF_PAGE 2 =====\n"
        "Second, the ferry operators asked the board for a longer notice period before\n"
        "the new table of dues comes into force next spring.\n"
        + body
        + "A ferry crosses the river. Photo: Jan Visser\n"
        "Third, the board will review the table of dues again in the autumn of next year\n"
        "once the traffic figures for the summer are known to its members.\n"
    )
    article = ingest(text, ".txt")
    for sentence in article.sentences:
        assert not ("Source:" in sentence.text and "ferry operators" in sentence.text)
        assert not ("Photo:" in sentence.text and "Third" in sentence.text)
    got = texts(article)
    assert any(t.startswith("Second, the ferry operators") for t in got), got
    assert any(t.startswith("Third, the board") for t in got), got


def test_a_call_to_action_line_is_never_joined_to_the_next_paragraph() -> None:
    link = "Read the full transcript of her interview"
    nxt = "Ms Brink lands in Leeds later on Friday for her first visit to the port."
    text = f"River Dues\n\nBy Ada Brink\n\n{LAST}\n\n{link}\n\n{nxt}\n\n{OPEN_FIRST}\n\n{SECOND}\n"
    got = texts(ingest(text, ".txt"))
    assert link in got, got
    assert nxt in got, got
    assert any(OPEN_FIRST in t and "gallery" in t for t in got)  # a cut paragraph still joins
