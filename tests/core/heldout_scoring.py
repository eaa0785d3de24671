"""Held-out sets in the tests: their documents read once, and their query sets scored."""

from __future__ import annotations

import json
from pathlib import Path

from bot.core.ingest import read_article, read_seeds
from bot.core.model import Article, Corpus, Sentence
from bot.core.search import Searcher
from bot.core.search.evaluation import case_from_json, judge


def right_first(searcher: Searcher, queries: Path) -> tuple[int, int]:
    """How many of a query set's cases the searcher answers right first, and how many there are.

    A /quote case is asked with its speaker option, as the user gave it.
    """
    lines = [line for line in queries.read_text(encoding="utf-8").splitlines() if line.strip()]
    cases = [case_from_json(json.loads(line)) for line in lines]
    first = 0
    for case in cases:
        if case.command == "quote":
            answer = searcher.quotes(case.query, speaker=case.speaker)
        else:
            answer = searcher.facts(case.query)
        first += judge(case, answer).rank == 1
    return first, len(cases)


def one_sentence(article: Article, start: str) -> Sentence:
    """The one sentence of `article` that starts with `start` (asserted to be just one)."""
    found = [s for s in article.sentences if s.text.startswith(start)]
    assert len(found) == 1, (start, [s.text for s in found])
    return found[0]


class HeldOutSet:
    """A held-out set's folder: each document read once, and one searcher over all of them."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._docs: dict[str, Article] = {}
        self._searcher: Searcher | None = None

    def doc(self, name: str) -> Article:
        """The document `name` of the set, as its reader reads it alone."""
        if name not in self._docs:
            article, issues = read_article(self.folder / name)
            assert article is not None, issues
            self._docs[name] = article
        return self._docs[name]

    def searcher(self) -> Searcher:
        """A searcher over every document of the set, indexed in memory."""
        if self._searcher is None:
            self._searcher = Searcher(Corpus(articles=tuple(read_seeds(self.folder).articles)))
        return self._searcher

    def one(self, name: str, start: str) -> Sentence:
        """The one sentence of document `name` that starts with `start`."""
        return one_sentence(self.doc(name), start)

    def sentence(self, name: str, start: str) -> tuple[str, tuple[int, ...], str | None, str]:
        """(text, notes, speaker, kind) of the one sentence of `name` that starts with `start`."""
        s = self.one(name, start)
        return s.text, tuple(s.notes), s.speaker, s.kind

    def texts(self, name: str) -> list[str]:
        """The sentences of a document, as text."""
        return [s.text for s in self.doc(name).sentences]
