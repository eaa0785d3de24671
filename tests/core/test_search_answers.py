# ruff: noqa: E501  (the test articles keep one paragraph per line, as real files do)
"""Which passage answers, among several that match.

A question in the text is answered by what follows it: the next speaker's turn in a transcript
(a reporter's setup before the question is part of it), the next sentences after an article's
own question, the opening of a section headed by a question; a sentence announcing a list
("three changes. First, …") is answered by its items, and a general one by the next sentence
when that one puts it in figures. The question repeats the query's words; the answer often repeats none of them. A
reason may open the next paragraph. Length costs a long passage a little. The documents and
queries are the tests' own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.ingest import read_seeds
from bot.core.model import Corpus
from bot.core.search import Searcher, engine

BRIEFING = """---
title: Press Briefing of the Port Board
author: Lena Ortiz
date: 2024-03-01
---

#### Q&A Transcript

**Chair Ortiz:** Good afternoon. The board kept harbor fees unchanged today. The dredging budget pays for the channel and the locks. Will the locks close this winter? Only for two nights in January.

**Tom Baker:** Thanks. Tom Baker, Daily Ledger. How far has the board cut its dredging budget since the spring?

**Chair Ortiz:** So dredging is going as planned. We moved the dredgers to the north quay. I think we are down about 40 million euros now. That shows up in the fees.

**Ann Wu:** Ann Wu, Port Weekly. Will the automated cranes arrive before the winter storms?

**Chair Ortiz:** Yes, the first ones land in October. The rest follow in spring. Automated cranes will need fewer crews at night.

**Ann Wu:** The night crews at the north quay have threatened a walkout in May. Is the programme in danger?

**Chair Ortiz:** No, the dredging crews are contractors outside that dispute. We meet the crews again on Monday.
"""

GUIDE = """# A Guide to Harbor Fees

## What the fees are

Harbor fees are charged on every ship that docks. Container lines complain that harbor fees keep rising.

## Who pays the harbor fees?

The shipping lines do, and they pass most of it on to shippers. Small ferries pay a reduced harbor fee.

## Fee holidays

Do ferries ever dock for free? Yes, on public holidays every ferry docks free of charge. Ferries carry most island freight.

## What the board proposes

The harbor board proposes three changes. First, harbor fees should follow ship length rather than tonnage. Second, ferries should pay by the season. Third, the fee tables should be published every January.

## Ferry scheme

Under the island ferry scheme, the harbor board charges every ferry a flat seasonal fee instead of a fee per call. About 120 ferries paid the seasonal fee last year.

The board cut the ferry landing charge on 3 May 2022 for island routes. About 30 new ferries joined the island routes within a year.

## Moving away

Container lines warn that rising harbor fees will drive their ships to cheaper ports abroad.

But most port boards doubt it, because no cheaper port abroad has water deep enough for the largest ships.
"""


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    folder = tmp_path_factory.mktemp("answers")
    (folder / "briefing.md").write_text(BRIEFING, encoding="utf-8")
    (folder / "guide.md").write_text(GUIDE, encoding="utf-8")
    result = read_seeds(folder)
    assert not [i for i in result.issues if i.level == "error"], result.issues
    return Searcher(Corpus(articles=result.articles, built_at="2024-01-01"))


def first(searcher: Searcher, query: str) -> str:
    hits = searcher.facts(query).hits
    assert hits, f"no answer to {query!r}"
    return hits[0].text


def test_the_answer_turn_holding_the_asked_figure_answers_a_reporters_question(
    searcher: Searcher,
) -> None:
    assert first(searcher, "how much has the board cut the dredging budget") == (
        "I think we are down about 40 million euros now."
    )


def test_a_speaker_answering_their_own_question_answers_it_in_their_turn(
    searcher: Searcher,
) -> None:
    assert first(searcher, "will the locks close this winter") == "Only for two nights in January."


def test_the_answer_turn_opens_with_the_answer(searcher: Searcher) -> None:
    assert first(searcher, "will automated cranes come before the winter storms") == (
        "Yes, the first ones land in October."
    )


def test_a_question_heading_is_answered_by_its_section_opening(searcher: Searcher) -> None:
    assert first(searcher, "who pays the harbor fees") == (
        "The shipping lines do, and they pass most of it on to shippers."
    )


def test_an_articles_own_question_is_answered_by_the_next_sentence(searcher: Searcher) -> None:
    assert first(searcher, "do ferries dock for free") == (
        "Yes, on public holidays every ferry docks free of charge."
    )


def test_without_the_answers_the_questions_win(
    searcher: Searcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The signal is what makes the tests above pass: without it the answers lose."""
    monkeypatch.setattr(engine, "ASKED", 0)
    assert first(searcher, "how much has the board cut the dredging budget") != (
        "I think we are down about 40 million euros now."
    )
    assert first(searcher, "who pays the harbor fees") != (
        "The shipping lines do, and they pass most of it on to shippers."
    )
    assert first(searcher, "island ferry scheme flat seasonal fee") != (
        "About 120 ferries paid the seasonal fee last year."
    )
    hits = searcher.facts("will the walkout stop the dredging").hits
    assert not hits or not hits[0].text.startswith("No, the dredging")
    assert first(searcher, "what does the harbor board propose for ferries") != (
        "Second, ferries should pay by the season."
    )


def test_a_reporters_setup_before_the_question_is_part_of_the_question(
    searcher: Searcher,
) -> None:
    # The query matches the statement leading up to the question, not the question itself.
    assert first(searcher, "will the walkout stop the dredging").startswith(
        "No, the dredging crews are contractors"
    )


def test_the_items_of_a_list_answer_what_announced_it(searcher: Searcher) -> None:
    assert first(searcher, "what does the harbor board propose for ferries") == (
        "Second, ferries should pay by the season."
    )


def test_a_list_is_announced_only_by_the_sentence_before_its_first_item(
    searcher: Searcher,
) -> None:
    # "Third, …" follows "Second, …" but "Second" announces nothing.
    assert (
        first(searcher, "ferries pay by the season") == "Second, ferries should pay by the season."
    )


def test_the_sentence_putting_a_general_one_in_figures_answers(searcher: Searcher) -> None:
    assert first(searcher, "island ferry scheme flat seasonal fee") == (
        "About 120 ferries paid the seasonal fee last year."
    )


def test_a_sentence_with_its_own_date_keeps_its_place_before_the_figures(
    searcher: Searcher,
) -> None:
    assert first(searcher, "board cut the ferry landing charge for island routes").startswith(
        "The board cut the ferry landing charge on 3 May 2022"
    )


def test_a_reason_may_open_the_next_paragraph(searcher: Searcher) -> None:
    assert first(
        searcher, "why will rising harbor fees not drive ships to cheaper ports"
    ).startswith("But most port boards doubt it, because")


def test_a_statement_that_answers_outright_still_comes_first(searcher: Searcher) -> None:
    # "Harbor fees are charged on every ship" says what the fees are; no question is needed.
    assert first(searcher, "which ships are charged harbor fees") == (
        "Harbor fees are charged on every ship that docks."
    )


def test_the_seed_has_no_questions_to_answer() -> None:
    root = Path(__file__).resolve().parents[2]
    result = read_seeds(root / "seeds")
    searcher = Searcher(Corpus(articles=result.articles, built_at="2024-01-01"))
    assert "NATO" in first(searcher, "how many soldiers does NATO Mission Iraq have")


def test_length_costs_a_little_and_never_more_than_a_tie_breaker() -> None:
    from bot.core.search.ranking import LENGTH_WEIGHT, length_penalty

    short, usual, long = length_penalty(6), length_penalty(20), length_penalty(80)
    assert 0 < short < usual < long
    assert long - short < 2 * LENGTH_WEIGHT  # far below what one more query word is worth
    assert length_penalty(0) == 0.0 and length_penalty(-3) == 0.0
