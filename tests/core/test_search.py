"""Search over the real seed: each query kind, the threshold, filters, autocomplete, bad input.

The queries here are the tests' own (tests/data/queries_own.jsonl and inline), not the
development set, so they check the method rather than a list.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.core.ingest import read_seeds
from bot.core.model import Corpus
from bot.core.search import Searcher
from bot.core.search.evaluation import case_from_json, is_right, judge

ROOT = Path(__file__).resolve().parents[2]
OWN_LINES = [
    json.loads(line)
    for line in (ROOT / "tests/data/queries_own.jsonl").read_text().splitlines()
    if line.strip()
]
OWN_QUERIES = [
    pytest.param(
        case_from_json(data),
        id=data["id"],
        marks=[pytest.mark.xfail(reason=data["known_limit"], strict=True)]
        if "known_limit" in data
        else [],
    )
    for data in OWN_LINES
]


@pytest.fixture(scope="module")
def searcher() -> Searcher:
    result = read_seeds(ROOT / "seeds")
    return Searcher(Corpus(articles=result.articles, built_at="2024-01-01T00:00:00+00:00"))


@pytest.mark.parametrize("case", OWN_QUERIES)
def test_own_queries_find_the_meant_passage_first(searcher: Searcher, case) -> None:
    answer = searcher.quotes(case.query) if case.command == "quote" else searcher.facts(case.query)
    outcome = judge(case, answer)
    assert outcome.rank == 1, f"first was {outcome.first!r}"
    assert outcome.cite_ok


def test_every_hit_carries_article_section_context_and_citations(searcher: Searcher) -> None:
    answer = searcher.facts("Bundeswehr soldiers contributing")
    hit = answer.hits[0]
    assert "some 45 soldiers" in hit.text
    assert hit.article.id == "lamberty-2024-nato-mission-iraq"
    assert hit.section == "NMI as Part of the 360-Degree Approach"
    assert hit.text in hit.context and len(hit.context) > len(hit.text)
    assert hit.citations and all(c.text for c in hit.citations)
    assert any(f.text == "some 45 soldiers" for f in hit.figures)
    for figure in hit.figures:
        assert hit.text[figure.start : figure.end] == figure.text


def test_cross_referenced_note_resolves_to_the_real_reference_with_its_page(
    searcher: Searcher,
) -> None:
    # The sentence closing with note 8 ("Dresen 2023, n. 6, p. 3.") must cite Dresen, page 3.
    first = searcher.facts("comprehensive reform of the Iraqi security sector").hits[0]
    assert "long-term goal" in first.text
    (citation,) = first.citations
    assert citation.note == 8
    assert citation.text.startswith("Dresen, Robert 2023")
    assert citation.page == "3"
    assert citation.url and citation.url.startswith("https://")
    assert citation.accessed == "2024-03-05"


def test_sentence_without_a_marker_rests_on_the_next_note_of_its_paragraph(
    searcher: Searcher,
) -> None:
    hit = searcher.facts("short time on the ground for advisors in Baghdad").hits[0]
    assert "generally six months" in hit.text
    assert [c.note for c in hit.citations] == [14]
    assert hit.citations[0].page == "4"


def test_a_sentence_after_the_last_note_of_its_paragraph_cites_the_article(
    searcher: Searcher,
) -> None:
    hit = searcher.facts("NMI's successes encouraging with regard to this goal").hits[0]
    (citation,) = hit.citations
    assert citation.note is None
    assert "Lamberty" in citation.text and "Looking in All Directions" in citation.text


def test_acronym_and_long_form_find_each_other(searcher: Searcher) -> None:
    by_long = searcher.facts("European Union Advisory Mission").hits[0]
    by_short = searcher.facts("EUAM").hits[0]
    assert "EUAM Iraq" in by_long.text
    assert "EUAM Iraq" in by_short.text


def test_a_query_giving_both_forms_finds_what_either_finds(searcher: Searcher) -> None:
    # the long form is left out of the BM25 query when the query states its words itself
    both = searcher.facts("European Union Advisory Mission (EUAM)").hits
    assert "EUAM Iraq" in both[0].text
    assert both[0].id == searcher.facts("EUAM").hits[0].id


def test_question_words_steer_to_the_kind_of_answer(searcher: Searcher) -> None:
    when = searcher.facts("when was the decision on the mission taken").hits[0]
    assert any(f.kind in ("year", "date") for f in when.figures)
    how_many = searcher.facts("how many soldiers does the mission have").hits[0]
    assert "around 600 soldiers" in how_many.text


def test_quotes_carry_their_speaker_and_prefer_direct_quotations(searcher: Searcher) -> None:
    hit = searcher.quotes("foreign deployments necessary").hits[0]
    assert hit.kind == "direct"
    assert hit.speaker == "Carlo Masala"
    assert any("Masala, Carlo" in c.text for c in hit.citations)


def test_pull_quotes_are_quotable_by_the_author(searcher: Searcher) -> None:
    answer = searcher.quotes("NATO standards highest and best")
    assert answer.hits[0].speaker == "Lucas Lamberty"
    texts = [h.text for h in answer.hits]
    assert len(texts) == len(set(texts)), "the pull quote and its sentence shown once"


def test_speaker_filter_keeps_only_that_speaker(searcher: Searcher) -> None:
    answer = searcher.quotes("security", speaker="masala")
    assert answer.hits
    assert all(h.speaker == "Carlo Masala" for h in answer.hits)
    assert searcher.quotes("", speaker="Masala").hits, "a speaker alone lists their quotes"


def test_speaker_filter_tolerates_typos_and_names_unknown_speakers(searcher: Searcher) -> None:
    assert searcher.quotes("", speaker="masalla").hits[0].speaker == "Carlo Masala"
    author_only = searcher.quotes("fragile state", speaker="Lamberty")
    assert author_only.hits and all(h.speaker == "Lucas Lamberty" for h in author_only.hits)
    unknown = searcher.quotes("security", speaker="Angela Merkel")
    assert unknown.error and "Angela Merkel" in unknown.error and not unknown.hits


def test_article_filter(searcher: Searcher) -> None:
    assert searcher.facts("soldiers", article="lamberty-2024-nato-mission-iraq").hits
    answer = searcher.facts("soldiers", article="no-such-article")
    assert answer.error and not answer.hits


@pytest.mark.parametrize("query", ["banana smoothie recipe", "quantum chromodynamics lattice"])
def test_below_the_threshold_nothing_matches_and_suggestions_are_offered(
    searcher: Searcher, query: str
) -> None:
    answer = searcher.facts(query)
    assert not answer.matched
    assert answer.suggestions
    assert all(0 < len(s) <= 100 for s in answer.suggestions)


BAD_QUERIES = [
    "",
    "   \t\n ",
    "x" * 10_000,
    "soldiers " * 2_000,
    "?!.,;:-–—()[]{}",
    "🙂🔥🇮🇶",
    "@everyone @here <@123456789> <@&987>",
    '"',
    "*",
    "NEAR OR AND NOT",
    'soldiers" OR 1=1; DROP TABLE sentences; --',
    "NEAR(soldiers mission, 2)",
    "\u0000\u200b\ufeff",
    "Ｆｕｌｌｗｉｄｔｈ ＮＡＴＯ",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_queries_give_results_or_a_clear_no_match_never_an_exception(
    searcher: Searcher, query: str
) -> None:
    for answer in (searcher.facts(query), searcher.quotes(query)):
        assert answer.matched or answer.error or answer.suggestions is not None
        if answer.error:
            assert len(answer.error) < 120
    assert len(searcher.autocomplete("fact", query)) <= 25


def test_fullwidth_and_sql_text_still_finds_what_it_names(searcher: Searcher) -> None:
    assert searcher.facts("Ｆｕｌｌｗｉｄｔｈ ＮＡＴＯ standards").matched
    sql = searcher.facts('soldiers" OR 1=1; DROP TABLE sentences; --')
    offered = [h.text for h in sql.hits] + list(sql.suggestions)
    assert any("soldiers" in text for text in offered)


@pytest.mark.parametrize("partial", ["", "p", "pesh", "how many sol", "nato mission ", "zzzz"])
@pytest.mark.parametrize("command", ["fact", "quote"])
def test_autocomplete_gives_at_most_25_short_suggestions(
    searcher: Searcher, partial: str, command
) -> None:
    suggestions = searcher.autocomplete(command, partial)
    assert len(suggestions) <= 25
    assert all(0 < len(s) <= 100 for s in suggestions)
    assert len({s.casefold() for s in suggestions}) == len(suggestions)


def test_autocomplete_suggestions_lead_to_real_results(searcher: Searcher) -> None:
    suggestions = searcher.autocomplete("fact", "pesh")
    assert suggestions and suggestions[0].lower().startswith("peshmerga")
    for suggestion in suggestions[:5]:
        assert searcher.facts(suggestion.rstrip("…")).matched, suggestion
    assert searcher.autocomplete("fact", ""), "an empty query still gets starters"


def test_about_counts_the_article(searcher: Searcher) -> None:
    about = searcher.about()
    (summary,) = about.articles
    assert summary.sentences > 100 and summary.notes == 14 and summary.quotes >= 5
    assert about.built_at.startswith("2024")


def test_inflections_and_spelling_variants_match(searcher: Searcher) -> None:
    hit = searcher.facts("stabilizing the iraqi state important skills").hits[0]
    assert "stabilising the Iraqi state" in hit.text
    assert is_right(searcher.facts("advisers in baghdad").hits[0], ["advisors"])
