# ruff: noqa: E501  (the test articles keep one paragraph per line, as real files do)
"""Ranking rules that hold across documents: which passage answers, among several that match.

A bibliographic note is never an answer; a question in the text follows the statements; the
sentence that introduces an acronym (a syllable acronym too) comes first for it; a sentence
opening with the query's subject is about it; a named day answers "when". The documents are
the tests' own; tests/data/queries_ranking.jsonl scores them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.core.ingest import read_seeds
from bot.core.model import Corpus
from bot.core.search import Searcher
from bot.core.search.evaluation import case_from_json, judge
from bot.core.search.text import note_statement

ROOT = Path(__file__).resolve().parents[2]

PORTS = """[Harbor Notes](#)

# Cranes Without Crews

## How Ports Automate Their Quays

Lena Ortiz

Ports in Europe are buying cranes that need no crew. This brief asks who gains and who pays.

## The Agency

The Harbor Operations Administration (HAROPA), part of the Transport Ministry, funds crane automation in twelve ports.[^1] Under the Quay Safety Program, up to 40 ports receive yearly grants from HAROPA, and HAROPA audits every grant.[^2]

## Speed

Automated cranes move containers about 30 percent faster than manual cranes.[^3] A quay crane is a machine that lifts containers between ship and shore. Most ports bought new quay cranes in 2021, and quay crane orders doubled as quay crane prices fell.

## Jobs

Will automated cranes replace dock workers at every port? Unions expect automated cranes to take over a fifth of dock jobs by 2030. Older cranes need repairs every winter.

## Who pays for the new cranes?

The port authorities do, with help from national grants. A grant covers at most half of the price.

## Deliveries

The new cranes were built in Shanghai for Rotterdam. The first new cranes reach Rotterdam on Friday.[^4]

Lena Ortiz is an engineer at the Harbor Institute.

[^1]: CRS Report R12345, Harbor Operations Administration (HAROPA) Grant Programs, by Ben Carver.
[^2]: Transport Ministry, HAROPA Crane Automation Report, January 5, 2023, p. 9.
[^3]: Lena Ortiz, “Automated Harbor Cranes Move Containers Faster,” Port Weekly, March 3, 2022.
[^4]: In the latest port survey, Rotterdam ranks 2 of 40 in crane automation. Port Council 2023: Survey, p. 4.
"""


@pytest.fixture(scope="module")
def ports(tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    folder = tmp_path_factory.mktemp("ports")
    (folder / "ports.md").write_text(PORTS, encoding="utf-8")
    result = read_seeds(folder)
    assert not [i for i in result.issues if i.level == "error"], result.issues
    return Searcher(Corpus(articles=result.articles, built_at="2024-01-01"))


@pytest.mark.parametrize(
    "note",
    [
        "Lena Ortiz, “Automated Harbor Cranes Move Containers Faster,” Port Weekly, March 3, 2022.",
        '"Crane Market Share Trends". Harbor Counter. Quay Data Services LLC.',
        'Baker, Mia (3 April 2021). "Harbor Chief Steps Down After Crane Dispute". port blog. Harbor.',
        "CRS Report R12345, Harbor Operations Administration (HAROPA) Grant Programs, by Ben Carver.",
        "Transport Ministry, HAROPA Crane Automation Report, January 5, 2023, p. 9.",
        "See Port Council, Crane Survey, Rotterdam.",
    ],
)
def test_bibliographic_references_are_not_statements(note: str) -> None:
    assert note_statement(note) == ""


def test_a_note_that_states_something_still_is_a_statement() -> None:
    assert (
        note_statement(
            "In the latest port survey, Rotterdam ranks 2 of 40. Port Council 2023: Survey."
        )
        == "In the latest port survey, Rotterdam ranks 2 of 40."
    )
    # A quotation in prose is no title: it is in sentence case.
    said = (
        "The minister told reporters “we will not close the northern quay”, a claim disputed later."
    )
    assert note_statement(said) == said


def test_a_reference_note_never_outranks_the_sentence_it_supports(ports: Searcher) -> None:
    hits = ports.facts("automated harbor cranes move containers faster").hits
    assert hits[0].text.startswith("Automated cranes move containers about 30 percent faster")
    assert all(h.kind != "note" for h in hits)
    assert ports.facts("where does Rotterdam rank in crane automation").hits[0].source_note == 4


def test_a_question_in_the_text_follows_the_statements(ports: Searcher) -> None:
    hits = ports.facts("will automated cranes replace dock workers").hits
    assert hits[0].text.startswith("Unions expect automated cranes")
    assert any(h.text.endswith("?") for h in hits)  # still offered, after the answer


def test_the_sentence_introducing_an_acronym_comes_first(ports: Searcher) -> None:
    hit = ports.facts("HAROPA").hits[0]
    assert hit.text.startswith("The Harbor Operations Administration (HAROPA)")


def test_a_sentence_about_the_asked_subject_comes_first(ports: Searcher) -> None:
    assert ports.facts("what is a quay crane").hits[0].text.startswith("A quay crane is a machine")


def test_a_named_day_answers_when(ports: Searcher) -> None:
    hit = ports.facts("when do the new cranes arrive in Rotterdam").hits[0]
    assert hit.text == "The first new cranes reach Rotterdam on Friday."


def test_the_ranking_query_set_scores_fully(ports: Searcher) -> None:
    lines = (ROOT / "tests/data/queries_ranking.jsonl").read_text().splitlines()
    cases = [case_from_json(json.loads(line)) for line in lines if line.strip()]
    missed = [c.query for c in cases if judge(c, ports.facts(c.query)).rank != 1]
    assert not missed


def test_syllable_acronyms_are_found_with_their_long_form() -> None:
    from bot.core.search.acronyms import defined_acronyms

    found = dict(
        defined_acronyms(
            [
                "The U.S. Maritime Administration (MARAD), part of the department, runs the fleet.",
                "The North Atlantic Treaty Organization (NATO) met.",
                "Prices rose (USD) fast, and the Quay Safety Program (QSP) paid.",
                "the Harbor (XYZ) was closed",
            ]
        )
    )
    assert found == {
        "MARAD": "Maritime Administration",
        "NATO": "North Atlantic Treaty Organization",
        "QSP": "Quay Safety Program",
    }


def test_a_note_repeating_a_reference_with_more_cites_its_own_words() -> None:
    from bot.core.answers import resolve_note
    from bot.core.model import Article, Note

    notes = (
        Note(1, "Port Council, Crane Survey, Quay Data."),
        Note(2, "Port Council, Crane Survey, Quay Data, table 310210.", refers_to=1),
        Note(3, "Port Council, Crane Survey.", refers_to=1),
    )
    article = Article(id="a", title="T", source_file="a.txt", notes=notes)
    assert resolve_note(article, 2).text == notes[1].text
    assert resolve_note(article, 2).resolves_to == 1
    assert resolve_note(article, 3).text == notes[0].text  # a short form shows the full one


def test_dotted_and_plain_acronyms_are_one_term() -> None:
    from bot.core.search.text import terms

    assert terms("the U.S. Navy") == terms("the US Navy")
    assert terms("U.S.-flagged ships") == terms("US-flagged ships")
    assert "@us" not in terms("they told us")
