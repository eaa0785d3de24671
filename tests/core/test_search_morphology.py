# ruff: noqa: E501  (the test article keeps one paragraph per line, as real files do)
"""Query words reaching the words the text uses: derivations, compounds, typos, acronyms.

The article and queries are the tests' own. Each query uses a form the text does not: a
derivation (private → privacy), a compound's head (lithography → photolithography), a typo.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.search import Searcher
from bot.core.search.query import Glossary, Want, detect_want, plan_query
from bot.core.search.semantic import SemanticIndex, WordSpace
from bot.core.search.text import analyse, terms
from bot.core.search.vocabulary import Vocabulary, derived
from tests.core.test_search_understanding import hand_made_vectors, searcher_of, write

CHIPS = """[Chip Notes](#)

# Making Chips Abroad

## Machines and Markets

Lena Park

The Dutch firm dominates photolithography equipment, and few rivals come close. Beijing decided to fund its own toolmakers in 2019; the decision surprised investors. Chinese buyers imported 40 percent of the tools in 2020. The firm's chief executive announced his resignation in March. Privacy rules limit what the plant may record about its workers. A state-owned lender financed the new site. The emergency reserve of parts lasts six weeks.

Emerging markets hold a larger reserve of parts. The plant sells its old equipment abroad. Greenhouse gases from the plant fell by a tenth.

Lena Park covers industry for the Notes.
"""

# Each query with the text its first answer must contain.
QUERIES = {
    "lithography equipment": "photolithography equipment",
    "when did Beijing decide to fund toolmakers": "Beijing decided",
    "china share of imported tools": "Chinese buyers imported",
    "why did the chief executive resign": "announced his resignation",
    "private data of workers": "Privacy rules",
    "emergancy reserve of parts": "emergency reserve",
    "toolmakrs funded by beijing": "Beijing decided",
}


@pytest.fixture(scope="module")
def chips(tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    return searcher_of(write(tmp_path_factory.mktemp("chips"), {"chips.md": CHIPS}))


@pytest.mark.parametrize("query", sorted(QUERIES))
def test_a_word_in_another_form_finds_its_sentence(chips: Searcher, query: str) -> None:
    hits = chips.facts(query).hits
    assert hits and QUERIES[query] in hits[0].text


def test_a_look_alike_word_is_no_answer(chips: Searcher) -> None:
    answer = chips.facts("tourism in greece")
    assert not any("Greenhouse" in h.text for h in answer.hits)


def vocabulary_of(*texts: str) -> Vocabulary:
    vocabulary = Vocabulary()
    for text in texts:
        vocabulary.add(*analyse(text))
    vocabulary.freeze()
    return vocabulary


def alternatives(query: str, vocabulary: Vocabulary) -> dict[tuple[str, ...], float]:
    [concept] = plan_query(query, vocabulary, Glossary({})).concepts
    return concept.alternatives


def test_a_compound_stands_for_its_head_and_the_head_for_the_compound() -> None:
    vocabulary = vocabulary_of("Photolithography is costly.", "Lithography is old.")
    assert vocabulary.compound_terms("lithographi") == ["photolithographi"]
    assert vocabulary.compound_terms("photolithographi") == ["lithographi"]
    # the part before must be an English word: "graphi" is not the head of "lithographi"
    assert vocabulary.compound_terms("graphi") == []


def test_a_corrected_typo_counts_as_the_word_typed_right() -> None:
    vocabulary = vocabulary_of("The emergency order was issued.", "Emerging risks grow.")
    found = alternatives("emergancy", vocabulary)
    assert found[("emergenc",)] == 1.0  # the correction, fully
    assert all(w < 1.0 for alt, w in found.items() if alt != ("emergenc",))


def test_derivations_are_related_and_look_alike_words_are_not() -> None:
    assert derived("privat", "privaci") and derived("decid", "decis")
    assert derived("china", "chines") and derived("resign", "resign")
    assert not derived("greec", "green") and not derived("brows", "brown")
    assert not derived("state", "status") and not derived("sheet", "sheer")


def test_a_hyphenated_compound_is_not_a_derivation_of_its_first_part() -> None:
    vocabulary = vocabulary_of("A state-owned lender.", "The statement was short.")
    related = vocabulary.related_terms("state")
    assert "statement" in related and "stateown" not in related


def test_the_parts_of_a_hyphenated_compound_match_its_words(tmp_path: Path) -> None:
    searcher = searcher_of(write(tmp_path, {"chips.md": CHIPS}))
    hits = searcher.facts("lender owned by the state").hits
    assert hits and "state-owned lender" in hits[0].text


def test_a_word_and_its_derivation_by_a_letter_are_related() -> None:
    vocabulary = vocabulary_of("American ships.", "Ships from America.")
    assert vocabulary.related_terms("american") == ["america"]


def test_an_acronym_spelling_a_stopword_takes_the_vector_of_its_dotted_form() -> None:
    vocabulary = vocabulary_of("US ships left the Gulf.", "We saw the ships.")
    assert vocabulary.forms_by_term()["@us"] == ["u.s."]
    vectors = hand_made_vectors({"ships", "gulf", "saw", "u.s."}, {"american": "u.s."})
    space = WordSpace.from_blob(vectors.words, vectors.dims, vectors.blob)
    semantic = SemanticIndex(space, vocabulary.forms_by_term())
    [american, _] = plan_query("american ships", vocabulary, Glossary({}), semantic).concepts
    assert ("@us",) in american.alternatives
    # the pronoun's vector never stands for the acronym
    assert semantic.word_vector("US", "@us") is not None
    assert semantic.word_vector("US", "@it") is None


def test_only_the_letter_changes_of_english_derivation_relate_longer_stems() -> None:
    assert derived("democrat", "democraci") and derived("permit", "permiss")
    assert not derived("colleg", "collect") and not derived("consum", "consult")


def test_a_whole_stem_relates_only_through_a_derivational_suffix() -> None:
    assert derived("neighbor", "neighborhood") and derived("japan", "japanes")
    assert derived("america", "american") and derived("machin", "machineri")
    assert not derived("libra", "librari") and not derived("part", "partner")
    vocabulary = vocabulary_of("Criminal penalties apply.", "Lenders discriminate.")
    assert vocabulary.compound_terms("crimin") == []  # "dis" is a prefix, not a word before


def test_a_stem_that_dropped_its_e_still_takes_its_suffixes() -> None:
    assert derived("polic", "policemen") and derived("nation", "nation")
    assert vocabulary_of("Police and policemen.").related_terms("polic") == ["policemen"]


def test_a_short_stem_changes_its_last_letter_only_as_decide_and_china_do() -> None:
    assert derived("decid", "decis") and derived("china", "chines")
    assert not derived("count", "council") and not derived("count", "counsel")


LEDGER = """[Ledger Notes](#)

# Coins and Rules

## Money

Mara Lind

Stablecoin rules tighten in 2024. Stable prices help coin collectors. The central bank issued a digital coin that holds a stable value.

Mara Lind writes on money for the Notes.
"""


def test_words_the_text_writes_as_one_and_one_it_writes_as_two(tmp_path: Path) -> None:
    searcher = searcher_of(write(tmp_path, {"ledger.md": LEDGER}))
    assert "Stablecoin rules" in searcher.facts("stable coin rules").hits[0].text
    vocabulary = vocabulary_of("Stable prices help coin collectors.")
    assert alternatives("stablecoin", vocabulary) == {("stabl", "coin"): 1.0}


def test_a_capitalised_name_is_not_split_into_words() -> None:
    vocabulary = vocabulary_of("Green fields span the valley.")
    assert alternatives("Greenspan", vocabulary) == {}
    assert alternatives("greenspan", vocabulary) == {("green", "span"): 1.0}


def test_the_most_frequent_english_words_are_no_ones_neighbours() -> None:
    vocabulary = vocabulary_of("The way is long.", "An idea grows slowly.")
    vectors = hand_made_vectors({"way", "long", "idea", "grows", "slowly"}, {"notion": "way"})
    space = WordSpace.from_blob(vectors.words, vectors.dims, vectors.blob)
    forms = vocabulary.forms_by_term()
    assert [t for t, _ in SemanticIndex(space, forms, hubs=()).expand("notion", "notion")] == [
        "way"
    ]
    assert SemanticIndex(space, forms).expand("notion", "notion") == []  # "way" is a hub


def test_british_our_spellings_meet_the_american_ones_before_any_suffix() -> None:
    from bot.core.search.text import stem

    for british, american in [
        ("favouritism", "favoritism"),
        ("behavioural", "behavioral"),
        ("colourful", "colorful"),
        ("labourers", "laborers"),
    ]:
        assert stem(british) == stem(american)
    assert stem("tourism") == "tourism" and stem("journal") == "journal"


def _space_around(query: str, similarity_of: dict[str, float]) -> WordSpace:
    """Unit vectors in 64 dimensions: each word at its given cosine to `query`."""
    import numpy as np

    rng = np.random.default_rng(5)
    center = rng.standard_normal(64)
    center /= np.linalg.norm(center)
    rows = {query: center}
    for word, similarity in similarity_of.items():
        side = rng.standard_normal(64)
        side -= side @ center * center
        side /= np.linalg.norm(side)
        rows[word] = similarity * center + (1 - similarity**2) ** 0.5 * side
    words = sorted(rows)
    return WordSpace(tuple(words), np.asarray([rows[w] for w in words], dtype=np.float32))


def test_a_neighbour_below_the_floor_counts_when_it_stands_out() -> None:
    others = [f"zq{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(40)]
    vocabulary = vocabulary_of(" ".join(["Shiite", *others]) + ".")
    forms = vocabulary.forms_by_term()
    # most terms unrelated (cosine about 0.1): a 0.68 neighbour stands out
    lone = _space_around(
        "shia", {"shiite": 0.68} | {w: 0.05 + 0.005 * i for i, w in enumerate(others)}
    )
    assert [t for t, _ in SemanticIndex(lone, forms).expand("shia", "shia")] == ["shiit"]
    # every term about as near (0.5 to 0.7): a 0.68 neighbour is one of the crowd
    crowd = _space_around(
        "shia", {"shiite": 0.68} | {w: 0.5 + 0.005 * i for i, w in enumerate(others)}
    )
    assert SemanticIndex(crowd, forms).expand("shia", "shia") == []


def test_derivation_does_not_depend_on_the_order_of_the_stems() -> None:
    for a, b in [("emergenc", "emergent"), ("privat", "privaci"), ("greec", "green")]:
        assert derived(a, b) == derived(b, a)
    assert derived("emergent", "emergenc")


def test_an_acronyms_plural_is_the_acronym() -> None:
    assert terms("central bank digital currencies (CBDCs) and NGOs") == terms(
        "central bank digital currencies (CBDC) and NGO"
    )
    assert terms("Is As") == []  # a capital and an s is no acronym


def test_a_plural_acronym_as_typed_finds_the_sentence_introducing_it(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Buses\nauthor: Ana Ruiz\n---\n\n"
        "An estimated 70 percent of the ZEB batteries come from two countries.\n\n"
        "Most of the fleet still runs on diesel, but the city has begun to buy zero-emission "
        "buses (ZEBs), the battery models charged overnight at the depot, for its busiest routes.\n"
    )
    buses = searcher_of(write(tmp_path, {"buses.md": text}))
    singular = buses.facts("what is a ZEB").hits[0]
    assert "zero-emission buses (ZEBs)" in singular.text
    for query in ("what are ZEBs", "what are zebs"):
        hits = buses.facts(query).hits
        # the introduction earns the same bonus as for the singular: "(ZEBs)" introduces ZEB
        assert hits[0].text == singular.text and hits[0].score == singular.score, query


def test_prepositions_and_filler_adverbs_are_no_concepts_of_a_query() -> None:
    vocabulary = vocabulary_of(
        "A vial of carboplatin sells for $15 per vial since 2020.",
        "Who actually pays the levy, via which agency, across the region?",
    )
    for query, content in [
        ("carboplatin supply per vial", ["carboplatin", "supply", "vial"]),
        ("how far has the levy risen upon 2020", ["levy", "risen", "2020"]),
        ("who actually pays the levy", ["pays", "levy"]),
        ("levy paid via the agency across the region", ["levy", "paid", "agency", "region"]),
    ]:
        plan = plan_query(query, vocabulary, Glossary({}))
        assert [c.word for c in plan.concepts] == content, query


@pytest.mark.parametrize(
    ("query", "want"),
    [
        ("families whose wells ran dry", Want.ANY),  # a relative clause asks nothing
        ("people who gave up their car", Want.ANY),
        ("towns where the river flooded", Want.ANY),
        ("so who pays for the buses", Want.PERSON),  # a function word before: it asks
        ("whose idea was the levy", Want.PERSON),
        ("tell me when the levy began", Want.DATE),
        ("in 2019 when the plan began", Want.DATE),
        ("what pumping fee rate did the board approve", Want.QUANTITY),  # a measure noun
        ("cost to fix the canal", Want.QUANTITY),
    ],
)
def test_a_wh_word_after_a_noun_opens_a_relative_clause_not_a_question(
    query: str, want: Want
) -> None:
    assert detect_want(query) is want
