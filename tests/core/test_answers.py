"""Citations: note cross-references, the footnote convention, and one rule for every feature."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.answers import citations_for, resolve_note, resting_notes
from bot.core.briefing import candidates
from bot.core.ingest import read_seeds
from bot.core.model import Article, Corpus, Note, Sentence
from bot.core.search import Searcher

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seed() -> Article:
    (article,) = read_seeds(ROOT / "seeds").articles
    return article


def sentence(n: int, paragraph: int, notes: tuple[int, ...] = ()) -> Sentence:
    return Sentence(
        id=f"a:s{n:04d}", text=f"Sentence {n}.", section="S", paragraph=paragraph, notes=notes
    )


def test_ibid_chains_resolve_to_the_real_reference_and_keep_the_nearest_page() -> None:
    notes = (
        Note(1, "Dresen, Robert 2023: Policy Brief", url="https://x", accessed="2024-03-05"),
        Note(2, "Dresen 2023, n. 1, p. 3.", refers_to=1, page="3"),
        Note(3, "Ibid.", refers_to=2),
        Note(4, "Loop", refers_to=5),
        Note(5, "Loop back", refers_to=4),
    )
    article = Article(id="a", title="T", source_file="a.txt", notes=notes)
    ibid = resolve_note(article, 3)
    assert (ibid.note, ibid.text, ibid.page, ibid.url) == (3, notes[0].text, "3", "https://x")
    assert resolve_note(article, 4).note == 4, "a cycle ends instead of looping"
    assert "missing" in resolve_note(article, 9).text


def test_a_sentence_rests_on_its_own_note_else_the_next_in_its_paragraph_else_none() -> None:
    article = Article(
        id="a",
        title="T",
        source_file="a.txt",
        authors=("A. Author",),
        sentences=(sentence(0, 1), sentence(1, 1, (7,)), sentence(2, 1), sentence(3, 2, (8,))),
    )
    assert resting_notes(article, 0) == (7,)
    assert resting_notes(article, 1) == (7,)
    assert resting_notes(article, 2) == (), "the next paragraph's note does not reach back"
    (citation,) = citations_for(article, resting_notes(article, 2), "S")
    assert citation.note is None and "A. Author" in citation.text


def test_the_briefing_and_search_cite_every_sentence_alike(seed: Article) -> None:
    corpus = Corpus(articles=(seed,))
    searcher = Searcher(corpus)
    cands = candidates(corpus)
    items = [i for i in cands.by_key.values() if i.pool == "fact"]
    assert items
    for item in items[:25]:
        hit = next(h for h in searcher.facts(item.text, limit=5).hits if h.id == item.sentence_id)
        assert hit.citations == item.citations, item.text
