"""`bot.core.asking.ask`: hits carry the page their passage starts on; a /quote's speaker and
query may come the other way round. Real ingest and search, no mocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.answers import Query
from bot.core.asking import ask
from bot.core.ingest import read_seeds
from bot.core.model import Corpus
from bot.core.search import Searcher

ROOT = Path(__file__).resolve().parents[2]
PAGED = """Rail Freight in the Lowlands
Policy Brief
June 2025
By Ada Brink

--- Page 1 ---

Freight trains carried 12 million tonnes of grain last year.1 The main line was doubled in 2019.

--- Page 2 ---

"Freight must move from roads to rails within a decade," said Minister Jan Vos. The new depot
in Arnhem opened in 2022, with 300 staff.2

Notes

1 Lowlands Rail Office 2025: Freight Report, p. 6.
2 Ibid., p. 8.
"""


@pytest.fixture(scope="module")
def paged(tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    folder = tmp_path_factory.mktemp("paged")
    (folder / "rail-freight.txt").write_text(PAGED, encoding="utf-8")
    return Searcher(Corpus(articles=read_seeds(folder).articles))


@pytest.fixture(scope="module")
def seed() -> Searcher:
    return Searcher(Corpus(articles=read_seeds(ROOT / "seeds").articles))


def test_a_hit_carries_the_page_its_sentence_starts_on(paged: Searcher) -> None:
    first = ask(paged, Query("fact", "freight trains grain tonnes")).hits[0]
    second = ask(paged, Query("fact", "Arnhem depot staff")).hits[0]
    assert "grain" in first.text and first.page == "1"
    assert "Arnhem" in second.text and second.page == "2"
    (citation,) = second.citations
    assert (citation.note, citation.resolves_to, citation.page) == (2, 1, "8")
    assert "p. 6" not in citation.text


def test_a_quote_carries_the_page_of_its_sentence(paged: Searcher) -> None:
    answer = ask(paged, Query("quote", "roads to rails"))
    quoted = [h for h in answer.hits if h.kind == "direct"]
    assert quoted and quoted[0].page == "2"


def test_hits_without_pages_stay_without(seed: Searcher) -> None:
    answer = ask(seed, Query("fact", "how many soldiers in NATO Mission Iraq"))
    assert answer.hits and all(h.page is None for h in answer.hits)


def test_speaker_and_query_the_other_way_round(seed: Searcher) -> None:
    right = ask(seed, Query("quote", "foreign deployments", speaker="Masala"))
    swapped = ask(seed, Query("quote", "Masala", speaker="foreign deployments"))
    assert right.hits and swapped.hits
    assert swapped.hits[0].id == right.hits[0].id
    assert swapped.query == "Masala"  # what was asked, as asked


def test_a_speaker_never_quoted_is_still_said_so(seed: Searcher) -> None:
    answer = ask(seed, Query("quote", "foreign deployments", speaker="Putin"))
    assert not answer.hits and answer.unquoted == "Putin"
    assert "Carlo Masala" in answer.speakers
