"""The ingest rules one at a time, on small texts: each must hold beyond the seed article."""

from __future__ import annotations

import pytest

from bot.core.ingest.captions import split_credit
from bot.core.ingest.figures import find_figures, number_value
from bot.core.ingest.formats import SourceLine
from bot.core.ingest.glossary import find_glossary, long_form
from bot.core.ingest.layout import Layout, assemble, classify, heading_shape
from bot.core.ingest.markdown import MarkdownReader
from bot.core.ingest.metadata import parse_byline, read_header, translation_note
from bot.core.ingest.notes import note_line, parse_note
from bot.core.ingest.page_breaks import TextBuilder, ends_open, vocabulary
from bot.core.ingest.quotes import direct_quotes, quoted_spans, speaker_after, speaker_before
from bot.core.ingest.sentences import split_sentences, strip_markers
from bot.core.ingest.text_reader import TextReader


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


# --- sentences -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Masala 2023, Munich, pp.40 f. and more.",
        "See Dresen 2023, n. 6, p. 3 for the details.",
        "The report (p.2) and p. 3 agree.",
        "The US-led coalition had 5,000 soldiers.",
        "Prime Minister Mohammed Shia' Al Sudani took office.",
        "Some states, e.g. Iraq, i.e. a partner, joined.",
        "Dr. Jane Doe met Prof. Max Weber.",
        "The analyst J. R. Smith disagreed.",
        "It is important: 1. the state, 2. the militias, and 3. Iran.",
        "Approx. 40 soldiers and cf. Table 2 agree.",
    ],
)
def test_no_split_inside(text: str) -> None:
    assert split(text) == [text]


def test_splits_at_real_ends_and_keeps_quotes_and_markers() -> None:
    text = (
        'He argues: "It has not gone. The world is not safer."¹ The same is true. '
        'Is it? Yes! "Global South" matters.'
    )
    assert split(text) == [
        'He argues: "It has not gone.',
        'The world is not safer."¹',
        "The same is true.",
        "Is it?",
        "Yes!",
        '"Global South" matters.',
    ]


def test_split_after_marker_following_a_term_in_quotes() -> None:
    text = 'NATO developed "projecting stability".³ By connecting missions, it acts.'
    assert split(text) == [
        'NATO developed "projecting stability".³',
        "By connecting missions, it acts.",
    ]


def test_split_at_year_and_number_ends() -> None:
    assert split("It began in 2003. 20 years later it ended.") == [
        "It began in 2003.",
        "20 years later it ended.",
    ]
    assert split("Ibid. The next note.") == ["Ibid.", "The next note."]


def test_dotted_abbreviation_before_a_sentence_start() -> None:
    assert split("Troops left the U.S. The war went on.") == [
        "Troops left the U.S.",
        "The war went on.",
    ]
    assert split("The U.S. Army left.") == ["The U.S. Army left."]


def test_hard_breaks_force_a_split() -> None:
    text = "first item second item"
    assert [text[a:b] for a, b in split_sentences(text, [10])] == ["first item", "second item"]


def test_strip_markers() -> None:
    assert strip_markers('on the other hand."¹') == ('on the other hand."', (1,))
    assert strip_markers("since 2003.¹¹") == ("since 2003.", (11,))
    assert strip_markers("one¹ and two²,³ here.") == ("one and two here.", (1, 2, 3))
    assert strip_markers("an area of 5 km² only") == ("an area of 5 km² only", ())


# --- page breaks ---------------------------------------------------------------------------


def test_ends_open() -> None:
    assert ends_open("the onset of the Russian war of aggression in")
    assert ends_open("tradi-")
    assert not ends_open("This is done.")
    assert not ends_open('the other hand."¹')
    assert not ends_open("Is it?")
    assert not ends_open("particularly important:")


def test_dehyphenation_uses_the_article_vocabulary() -> None:
    words = vocabulary("Iraq has traditionally had strong institutions. Iraqi-Kurdish forces.")
    builder = TextBuilder(words=words)
    builder.add(SourceLine("who favour Iran, tradi-", 1))
    assert builder.add(SourceLine("tionally call for", 3)) == "dehyphenated"
    assert builder.text == "who favour Iran, traditionally call for"
    assert builder.line_at(builder.text.index("call")) == 3
    compound = TextBuilder(words=words)
    compound.add(SourceLine("attacks on Iraqi-", 1))
    assert compound.add(SourceLine("Kurdish forces", 2)) == "compound"
    assert compound.text == "attacks on Iraqi-Kurdish forces"
    known = TextBuilder(words=vocabulary("a well-known case"))
    known.add(SourceLine("a well-", 1))
    known.add(SourceLine("known case", 2))
    assert known.text == "a well-known case"
    suspended = TextBuilder(words=frozenset())
    suspended.add(SourceLine("pre-", 1))
    suspended.add(SourceLine("and post-war", 2))
    assert suspended.text == "pre- and post-war"


def layout_of(text: str) -> Layout:
    blocks = TextReader().blocks(text)
    return assemble(classify(blocks), vocabulary(text))


def test_break_across_caption_and_pull_quote() -> None:
    text = (
        "Opening paragraph that ends well. It repeats a fact: the river floods every spring.\n\n"
        "The second paragraph starts here and is cut in the\n\n\n\n"
        "A bridge at dawn. Photo: © Jane Roe, Agency.\n\n"
        "The river floods every spring.\n\n"
        "middle of its sentence, which goes on after the display lines.\n"
    )
    layout = layout_of(text)
    paragraphs = [p.builder.text for p in layout.paragraphs if p.kind == "body"]
    assert paragraphs[1] == (
        "The second paragraph starts here and is cut in the middle of its "
        "sentence, which goes on after the display lines."
    )
    assert [p.credit for p in layout.paragraphs if p.kind == "caption"] == [
        "Photo: © Jane Roe, Agency."
    ]
    assert [p.text for p in layout.pulls] == ["The river floods every spring."]
    assert [(j.before, j.after, j.lifted) for j in layout.joins] == [(3, 11, (7, 9))]


def test_hard_wrapped_pull_quote() -> None:
    text = (
        "Budgets grew in every year of the decade, and the ministry spent most of the money "
        "on salaries.\n\nBudgets grew in every year\nof the decade.\n\n"
        "A last paragraph.\n"
    )
    layout = layout_of(text)
    assert [p.text for p in layout.pulls] == ["Budgets grew in every year of the decade."]
    assert layout.paragraphs[0].builder.text.startswith(
        "Budgets grew in every year of the decade, and the ministry"
    )


def test_two_equal_one_line_paragraphs_are_a_repeated_line_not_a_pull_quote() -> None:
    # a notice prints its boilerplate in two of its parts; neither copy is a display line
    line = "Comments will be available in the docket shortly after receipt."
    layout = layout_of(f"{line}\n\nA middle paragraph of the notice.\n\n{line}\n\nEnd.\n")
    assert layout.pulls == []
    assert [p.builder.text for p in layout.paragraphs] == [
        line,
        "A middle paragraph of the notice.",
        line,
        "End.",
    ]


def test_a_display_line_repeating_words_of_a_longer_paragraph_is_a_pull_quote() -> None:
    line = "The ministry spent most of the money on salaries."
    text = (
        f"Auditors found the budget hard to follow. {line} Few projects were finished.\n\n"
        f"{line}\n\nEnd of the report.\n"
    )
    assert [(p.text, p.line) for p in layout_of(text).pulls] == [(line, 3)]


def test_a_set_in_quotation_repeating_a_one_line_paragraph_is_still_its_pull_quote() -> None:
    line = "The ministry spent most of the money on salaries."
    text = f"# Audit\n\n{line}\n\nA middle paragraph of the article.\n\n> {line}\n\nEnd.\n"
    document, _ = MarkdownReader().read(text.encode(), "audit.md")
    assert document is not None
    layout = assemble(classify(list(document.blocks)), vocabulary(text))
    assert [p.text for p in layout.pulls] == [line]


def test_short_sentence_that_repeats_nothing_stays_body() -> None:
    text = (
        "A first paragraph about budgets and their long history in parliament.\n\n"
        "This one-line paragraph says something new entirely.\n\n"
        "A third paragraph follows it here.\n"
    )
    layout = layout_of(text)
    assert layout.pulls == []
    assert len(layout.paragraphs) == 3


def test_fragment_list_does_not_swallow_the_next_paragraph() -> None:
    text = (
        "Three tools matter:\n\n- money\n- people\n- time\n\n"
        "The next paragraph starts a new thought.\n"
    )
    layout = layout_of(text)
    assert [p.builder.text for p in layout.paragraphs] == [
        "Three tools matter: money people time",
        "The next paragraph starts a new thought.",
    ]


def test_standalone_list_items_are_separate_sentences() -> None:
    text = "Some intro sentence.\n\n- The first point holds\n- The second point holds\n"
    layout = layout_of(text)
    builder = layout.paragraphs[1].builder
    spans = split_sentences(builder.text, builder.hard_breaks)
    assert [builder.text[a:b] for a, b in spans] == [
        "The first point holds",
        "The second point holds",
    ]


# --- headings, captions, header ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NMI as Part of the 360-Degree Approach", True),
        ("Is NMI a Model for Further Missions in NATO's Southern Periphery?", True),
        ("The Challenges in Iraq", True),
        ("Iraqi and international forces are maintaining pressure on IS.", False),
        ("after the onset of the war in", False),
        (
            "Ukraine in 2022, there has been a major shift in focus from the south to the east and "
            "beyond",
            False,
        ),
    ],
)
def test_heading_shape(text: str, expected: bool) -> None:
    assert heading_shape(text) is expected


def test_fragment_after_an_open_paragraph_is_not_a_heading() -> None:
    text = (
        "Intro paragraph is done.\n\nThis paragraph stops at the Word\n\n"
        "Of God Almighty\n\nAnother paragraph.\n"
    )
    layout = layout_of(text)
    assert layout.sections == []


def test_split_credit() -> None:
    assert split_credit("A dam. It holds. Photo: © J. Roe, dpa.") == (
        "A dam. It holds.",
        "Photo: © J. Roe, dpa.",
    )
    assert split_credit("Nothing to see here. It ends.") is None


def test_header_and_byline() -> None:
    blocks = TextReader().blocks(
        "[Series Name](#)\n\nThe Title\n\nA Subtitle on Things\n\nAnn Lee, Bo Ek and Cy Dee\n\n"
        + "Lead text " * 30
        + "\n"
    )
    header = read_header(blocks)
    assert (header.series, header.title, header.subtitle, header.authors, header.consumed) == (
        "Series Name",
        "The Title",
        "A Subtitle on Things",
        ("Ann Lee", "Bo Ek", "Cy Dee"),
        4,
    )
    assert parse_byline("By Jane Doe and John van der Berg") == ("Jane Doe", "John van der Berg")
    assert parse_byline("NATO Mission Iraq and the Alliance's Role on Its Southern Flank") is None
    assert parse_byline("Looking in All Directions") is None


def test_translation_note() -> None:
    block = TextReader().blocks("– translated from German –\n")[0]
    assert translation_note(block) == "translated from German"
    assert translation_note(TextReader().blocks("A normal line.\n")[0]) is None


# --- notes ---------------------------------------------------------------------------------


def test_note_lines_in_several_styles() -> None:
    assert note_line("- 1 Masala, Carlo 2023: Title") == (1, "Masala, Carlo 2023: Title")
    assert note_line("12. Someone 2020: Book") == (12, "Someone 2020: Book")
    assert note_line("¹⁰ Someone 2020: Book") == (10, "Someone 2020: Book")
    assert note_line("Not a note") is None


def test_parse_note_tail_and_cross_references() -> None:
    note = parse_note(
        4, "Tardy 2022: Role, 11 Feb 2022, in: <https://ogy.de/15zn> [5 Jan 2024].", 3
    )
    assert (note.text, note.url, note.accessed) == (
        "Tardy 2022: Role, 11 Feb 2022.",
        "https://ogy.de/15zn",
        "2024-01-05",
    )
    assert parse_note(9, "Ibid.", 8).refers_to == 8
    ibid = parse_note(5, "Ibid., p. 12.", 4)
    assert (ibid.refers_to, ibid.page) == (4, "12")
    ref = parse_note(8, "Dresen 2023, n. 6, p. 3.", 7)
    assert (ref.refers_to, ref.page) == (6, "3")
    plain = parse_note(1, "Masala, Carlo 2023: Bedingt abwehrbereit, Munich, pp.40 f.", None)
    assert (plain.refers_to, plain.page) == (None, None)
    bare = parse_note(2, "Report, see https://example.org/r.", 1)
    assert bare.url == "https://example.org/r"


# --- quotes --------------------------------------------------------------------------------


def test_quoted_spans_pair_straight_and_curly_marks() -> None:
    text = 'a “normal” country and "a term" and “open'
    assert [text[a:b] for a, b in quoted_spans(text)] == ["“normal”", '"a term"']


def test_speakers() -> None:
    assert (
        speaker_before("Carlo Masala for example argues with regard to the armed forces: ")
        == "Carlo Masala"
    )
    assert speaker_before("Russian President Vladimir Putin said: ") == "Vladimir Putin"
    assert speaker_before("According to Jane Doe, ") == "Jane Doe"
    assert speaker_before("The concept of ") is None
    assert speaker_before("The minister says: ") is None
    assert speaker_after(" said Admiral Peter Brown.") == "Peter Brown"
    assert speaker_after(", Jane Doe says.") == "Jane Doe"
    assert speaker_after(" approach.") is None


def test_direct_quotes_need_a_speaker_and_a_sentence() -> None:
    text = (
        'Jane Doe writes: "The plan failed. It cost too much."² Then "projecting stability" '
        'became a slogan. "Nobody claims this sentence, though it is long enough."'
    )
    spans = split_sentences(text)
    quotes = direct_quotes(text, spans)
    assert [(q.speaker, q.text, q.notes) for q in quotes] == [
        ("Jane Doe", "The plan failed. It cost too much.", (2,)),
    ]
    assert text[quotes[0].start] == '"'


def test_a_quotation_going_on_after_an_attributed_one_is_the_same_speakers() -> None:
    text = (
        '"We will stay as long as needed," said John Roe, the envoy. '
        '"The talks resume in spring, whatever the others decide." '
        'Ann Poe disagreed with him. "The second quotation is not his," she said. '
        '"And this third one has no speaker named near it."'
    )
    quotes = direct_quotes(text, split_sentences(text))
    assert [(q.speaker, q.text) for q in quotes] == [
        ("John Roe", "We will stay as long as needed"),
        ("John Roe", "The talks resume in spring, whatever the others decide."),
        ("Ann Poe", "The second quotation is not his"),
        ("Ann Poe", "And this third one has no speaker named near it."),
    ]


def test_pronoun_speaker_takes_the_last_named_one() -> None:
    text = 'He added: "The second round of talks will begin in spring next year."'
    quotes = direct_quotes(text, split_sentences(text), last_speaker="Jane Doe")
    assert [q.speaker for q in quotes] == ["Jane Doe"]
    assert direct_quotes(text, split_sentences(text)) == []


# --- figures -------------------------------------------------------------------------------


def figures(text: str) -> list[tuple[str, str, float, str, str | None]]:
    found = find_figures(text)
    for f in found:
        assert text[f.start : f.end] == f.text
    return [(f.kind, f.text, f.value, f.unit, f.qualifier) for f in found]


def test_number_values() -> None:
    assert number_value("5,000") == 5000
    assert number_value("40 million") == 40_000_000
    assert number_value("twenty-five") == 25
    assert number_value("1.5 billion") == 1_500_000_000
    assert number_value("one hundred") == 100
    assert number_value("many") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "about 5,000 Iraqi officers",
            [("count", "about 5,000 Iraqi officers", 5000, "Iraqi officers", "about")],
        ),
        ("Some 45 soldiers", [("count", "Some 45 soldiers", 45, "soldiers", "some")]),
        ("in 2003, Iraq", [("year", "2003", 2003, "", None)]),
        ("2,500 soldiers stationed", [("count", "2,500 soldiers", 2500, "soldiers", None)]),
        ("1500 troops left", [("count", "1500 troops", 1500, "troops", None)]),
        ("the 2015 refugee crisis", [("year", "2015", 2015, "", None)]),
        (
            "between 2014 and 2016 elections",
            [("year", "2014", 2014, "", None), ("year", "2016", 2016, "", None)],
        ),
        ("30 per cent of them", [("percent", "30 per cent", 30, "%", None)]),
        ("nearly 12% more", [("percent", "nearly 12%", 12, "%", "nearly")]),
        ("€5 million for it", [("amount", "€5 million", 5_000_000, "€", None)]),
        ("2 billion dollars", [("amount", "2 billion dollars", 2e9, "dollars", None)]),
        ("half of the soldiers", [("fraction", "half of the soldiers", 0.5, "soldiers", None)]),
        ("two thirds of voters", [("fraction", "two thirds of voters", 2 / 3, "voters", None)]),
        ("ranked 27 of 179", [("ordinal", "27 of 179", 27, "of 179", None)]),
        ("the 21st century", [("ordinal", "21st century", 21, "century", None)]),
        ("the early 1990s", [("year", "early 1990s", 1990, "decade", "early")]),
        ("in the summer of 2014", [("date", "summer of 2014", 20140000, "", None)]),
        ("on 3 May 2021", [("date", "3 May 2021", 20210503, "", None)]),
        ("on May 3, 2021", [("date", "May 3, 2021", 20210503, "", None)]),
        ("a five-year mandate", [("duration", "five-year", 5, "year", None)]),
        ("the 360-degree approach", []),
        ("one of the strongest", []),
        ("NDC Research Paper 1, Dec 2018, pp.19–28", [("date", "Dec 2018", 20181200, "", None)]),
        ("see p. 45 pages", []),
    ],
)
def test_figure_rules(text: str, expected: list[tuple[str, str, float, str, str | None]]) -> None:
    got = figures(text)
    assert [(k, t, u, q) for k, t, _, u, q in got] == [(k, t, u, q) for k, t, _, u, q in expected]
    assert [v for *_, v, _, _ in got] == pytest.approx([v for *_, v, _, _ in expected])


def test_note_figures_skip_years_and_dates() -> None:
    found = find_figures("Report 2023, 11 Oct 2023: Iraq is at 27 of 179.", dates=False)
    assert [(f.kind, f.text) for f in found] == [("ordinal", "27 of 179")]


# --- glossary ------------------------------------------------------------------------------


def test_long_forms() -> None:
    assert long_form("NMI", "the last NATO Mission Iraq") == "NATO Mission Iraq"
    assert long_form("IS", "against the so-called Islamic State") == "Islamic State"
    assert (
        long_form("EUAM Iraq", "the civilian European Union Advisory Mission in Iraq")
        == "European Union Advisory Mission in Iraq"
    )
    assert long_form("MNF", "the Multi-National Force") == "Multi-National Force"
    assert long_form("XYZ", "nothing matching here") is None


def test_glossary_reads_both_orders_and_ignores_non_acronyms() -> None:
    entries = find_glossary(
        [
            "NMI (NATO Mission Iraq) is small. It has a smaller footprint (fewer soldiers).",
            "The United Nations Development Programme (UNDP) helps. Later the UNDP (again) acts.",
            "The advisors stay briefly (generally six months) and ABC (unrelated words) too.",
        ]
    )
    assert [(e.short, e.long) for e in entries] == [
        ("NMI", "NATO Mission Iraq"),
        ("UNDP", "United Nations Development Programme"),
    ]


# --- markdown ------------------------------------------------------------------------------


def test_markdown_blocks() -> None:
    text = (
        "# Title\n\nBy Ann Lee\n\n## Part One\n\nSome *body* text with a [link](u) and "
        "a note.[^1]\ncontinued here.\n\n> A pulled line.\n\n![A caption](x.jpg)\n\n"
        "```\ncode is skipped\n```\n\n[^1]: The note text,\n    wrapped.\n"
    )
    blocks = MarkdownReader().blocks(text)
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        ("heading", 1, "Title"),
        ("paragraph", 0, "By Ann Lee"),
        ("heading", 2, "Part One"),
        ("paragraph", 0, "Some body text with a link and a note.¹ continued here."),
        ("quote", 0, "A pulled line."),
        ("image", 0, "A caption"),
        ("notes", 0, "1 The note text, wrapped."),
    ]
    assert [b.line for b in blocks] == [1, 3, 5, 7, 10, 12, 18]


def test_text_reader_keeps_line_numbers_and_gaps() -> None:
    blocks = TextReader().blocks("\n\nOne\n\n\n\nTwo lines\nhere\n\n1. item\n2. item\n")
    assert [(b.kind, b.line, b.gap_before, b.text) for b in blocks] == [
        ("paragraph", 3, 2, "One"),
        ("paragraph", 7, 3, "Two lines here"),
        ("list", 10, 1, "1. item 2. item"),
    ]


def test_a_number_inside_a_name_is_no_count() -> None:
    def counts(text: str) -> list[str]:
        return [f.text for f in find_figures(text) if f.kind == "count"]

    assert counts("Commuters board a Route 12 tram at the depot.") == []
    assert counts("The carrier flies Airbus 320 jets to Lyon.") == []
    assert counts("Passengers at Terminal 5 waited for hours.") == []
    # a count stays a count: after a function word, at the start of a sentence, after a comma
    assert counts("The city runs 23 tram lines.") == ["23 tram lines"]
    assert counts("About 600 soldiers serve there.") == ["About 600 soldiers"]
    assert counts("In Lyon, 40 trams were late.") == ["40 trams"]
