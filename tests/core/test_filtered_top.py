"""The filtered search's best hits taken from the unfiltered one: exactly, or not at all.

`filtered_top` is checked on hand-made scores (the ties and roundings it must refuse), and the
searcher on a corpus of many near-identical articles (hundreds of tied scores, quotes among
the sentences): its candidates equal the filtered tantivy search's, bit for bit.
"""

from __future__ import annotations

import tantivy

from bot.core.model import Article, Corpus, Quote, Sentence
from bot.core.search import Searcher
from bot.core.search.engine import CANDIDATES
from bot.core.search.filtered_top import f32, f32_below, filtered_top


def test_the_members_come_with_the_filters_score_added_in_32_bit_floats() -> None:
    scores = [3.0, 2.5, 2.0, 1.0]
    top = filtered_top(scores, [True, False, True, True], 0.1, 2, complete=True)
    assert top == ([0, 2], [f32(3.1), f32(2.1)])


def test_a_complete_search_with_fewer_members_than_wanted_gives_them_all() -> None:
    assert filtered_top([2.0, 1.0], [False, True], 0.5, 5, complete=True) == ([1], [1.5])
    assert filtered_top([2.0], [False], 0.5, 5, complete=True) == ([], [])


def test_too_few_members_among_a_cut_search_is_not_enough() -> None:
    assert filtered_top([4.0, 3.0, 2.0], [True, False, False], 0.5, 2, complete=False) is None


def test_the_last_kept_must_score_above_what_a_hit_past_the_search_could() -> None:
    assert filtered_top([4.0, 3.0, 2.0], [True, True, False], 0.5, 2, complete=False) == (
        [0, 1],
        [4.5, 3.5],
    )
    assert filtered_top([4.0, 3.0, 3.0], [True, False, True], 0.5, 2, complete=False) == (
        [0, 2],
        [4.5, 3.5],
    )  # a tie with the last hit: a hit past it has a larger address, so it comes after


def test_a_tie_the_addition_makes_is_refused() -> None:
    high = 1.0
    low = f32_below(high)
    assert low < high and f32(low + 0.75) == f32(high + 0.75)  # the sum rounds them together
    assert filtered_top([high, low], [True, True], 0.75, 2, complete=True) is None
    # with the last hit of a cut search: a lower score past it could round up to the tie
    assert filtered_top([3.0, high], [True, True], 0.75, 2, complete=False) is None


def _corpus(articles: int) -> Corpus:
    built = []
    for a in range(articles):
        aid = f"copy-{a:04d}"
        sentences = tuple(
            Sentence(f"{aid}:s{n:03d}", text, "Mission", n)
            for n, text in enumerate(
                (
                    "The advisory mission trains officers of the army.",
                    f"The mission has {100 + a % 7} advisors in the capital.",
                    "Officers of the army learn logistics from the mission.",
                )
            )
        )
        quotes = (
            Quote(f"{aid}:q001", "The advisory mission trains officers of the army.", "Ann Lee",
                  "direct", f"{aid}:s000"),
        )  # fmt: skip
        built.append(
            Article(
                id=aid,
                title=f"Copy {a}",
                source_file=f"{aid}.txt",
                authors=("Ann Lee",),
                sections=("Mission",),
                sentences=sentences,
                quotes=quotes,
            )
        )
    return Corpus(articles=tuple(built))


def test_the_searchers_candidates_are_the_filtered_searchs_bit_for_bit() -> None:
    searcher = Searcher(_corpus(150))
    taken = 0
    for words in ("advisory mission", "officers army", "mission", "advisors capital", "logistics"):
        query = tantivy.Query.boolean_query(
            [
                (tantivy.Occur.Should, tantivy.Query.term_query(searcher._schema, "terms", t))
                for t in words.split()
            ]
        )
        group = tantivy.Query.term_query(searcher._schema, "group", 0)
        filtered = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, query), (tantivy.Occur.Must, group)]
        )
        hits = searcher._searcher.search(filtered, CANDIDATES, count=False).hits
        numbers = searcher._searcher.fast_field_values("doc", [a for _, a in hits])
        best = searcher._best_of_group(query, 0)
        if best is None:
            continue
        taken += 1
        found, kept = best
        assert kept == numbers
        assert [score for score, _ in found] == [score for score, _ in hits]
        assert [(a.segment_ord, a.doc) for _, a in found] == [
            (a.segment_ord, a.doc) for _, a in hits
        ]
    assert taken >= 3  # the fast path was taken, past the wide search's end too


def test_answers_are_the_same_with_and_without_the_unfiltered_search() -> None:
    fast = Searcher(_corpus(150))
    slow = Searcher(_corpus(150))
    slow._best_of_group = lambda query, group: None  # type: ignore[method-assign]
    for query in ("advisory mission", "how many advisors", "officers army logistics"):
        assert fast.facts(query) == slow.facts(query)
        assert fast.autocomplete("fact", query[:6]) == slow.autocomplete("fact", query[:6])
