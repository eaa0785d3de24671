"""The benchmark's corpus generator: valid, varied, deterministic. No timing here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.bench import DEFAULT_SEED, generate_corpus, parse_seed, query_mix

SEED = Path(__file__).resolve().parents[1] / DEFAULT_SEED
COUNT = 8


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return generate_corpus(tmp_path_factory.mktemp("synthetic"), COUNT, seed=SEED)


def test_parse_seed_round_trips_and_finds_the_structure() -> None:
    text = SEED.read_text(encoding="utf-8")
    doc = parse_seed(text)
    assert doc.render() == text
    roles = [p.role for p in doc.paragraphs]
    assert roles.count("heading") == 4
    assert roles.count("caption") == 2
    assert roles.count("pull") == 4
    assert roles.count("lead") == 1
    assert roles[-1] == "notes"


def test_writes_distinct_articles_in_the_seed_format(corpus: list[Path]) -> None:
    assert len(corpus) == COUNT
    assert len({p.stem for p in corpus}) == COUNT
    texts = [p.read_text(encoding="utf-8") for p in corpus]
    assert len(set(texts)) == COUNT
    seed = SEED.read_text(encoding="utf-8")
    markers = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
    for text in texts:
        assert text.count("\n") == seed.count("\n")
        assert markers.findall(text) == markers.findall(seed)  # notes stay in order
        assert text.count("- ") >= 13
        assert "Photo: ©" in text


def test_generation_is_deterministic(tmp_path: Path, corpus: list[Path]) -> None:
    again = generate_corpus(tmp_path, 2, seed=SEED)
    assert [p.name for p in again] == [p.name for p in corpus[:2]]
    assert [p.read_text(encoding="utf-8") for p in again] == [
        p.read_text(encoding="utf-8") for p in corpus[:2]
    ]


def test_generated_articles_ingest_like_the_seed(corpus: list[Path]) -> None:
    from bot.core import ingest

    seed_article, seed_issues = ingest.read_article(SEED)
    assert seed_article is not None
    result = ingest.read_seeds(corpus[0].parent)
    assert [a.id for a in result.articles] == sorted(p.stem for p in corpus)
    assert not [i for i in result.issues if i.level == "error"]
    assert len(result.issues) <= COUNT * len(seed_issues)
    bodies = set()
    for article in result.articles:
        assert len(article.sections) == len(seed_article.sections)
        assert len(article.notes) == len(seed_article.notes)
        assert len(article.quotes) == len(seed_article.quotes)
        assert abs(len(article.sentences) - len(seed_article.sentences)) <= 3
        bodies.add(tuple(s.text for s in article.sentences))
    assert len(bodies) == COUNT


def test_query_mix_has_every_command_and_short_prefixes() -> None:
    mix = query_mix(200)
    assert len(mix.facts) == len(mix.quotes) == len(mix.autocomplete) == 200
    assert {len(p) for p in mix.autocomplete} == set(range(13))
    assert mix == query_mix(200)


def test_the_memory_target_is_the_serving_bots_not_the_builds() -> None:
    from bot.bench.report import SizeResult, check_targets

    timings = {"p99_ms": 1.0}
    serve = {"peak_mb": 120.0, "queries": dict.fromkeys(("fact", "quote", "autocomplete"), timings)}
    build = {"peak_mb": 360.0, "build_s": 100.0}
    checks = dict(check_targets(SizeResult(1000, build, serve)))
    assert checks["serving peak memory 120 MB < 300 MB"] is True
    serve["peak_mb"] = 310.0
    assert (
        dict(check_targets(SizeResult(1000, build, serve)))["serving peak memory 310 MB < 300 MB"]
        is False
    )
