from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from bot.core.export import export_corpus, export_json_chunks, seeds_name
from bot.core.model import Corpus, IngestIssue
from bot.store.index_db import build_index, load_corpus
from tests.store.synthetic import sample_article, sample_result


def dump(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def test_export_has_the_documented_shape() -> None:
    corpus = Corpus(articles=(sample_article(),), built_at="2024-01-01T00:00:00+00:00")

    data = export_corpus(corpus)

    assert list(data) == ["articles", "issues"]
    (article,) = data["articles"]
    for key in (
        "id",
        "title",
        "subtitle",
        "authors",
        "series",
        "source_file",
        "sections",
        "notes",
        "sentences",
        "quotes",
        "figures",
        "glossary",
    ):
        assert key in article
    assert article["authors"] == ["Lucas Lamberty", "Doe, Jane"]
    assert article["notes"][1] == {
        "number": 2,
        "text": "Ibid.",
        "url": None,
        "accessed": None,
        "refers_to": 1,
        "page": "13",
    }
    assert article["sentences"][1] == {
        "id": "lamberty-2024-sample:s0002",
        "text": "The mission has some 600 soldiers.",
        "section": "NMI as Part of the 360-Degree Approach",
        "kind": "body",
        "notes": [1, 2],
        "paragraph": 2,
        "line": 17,
        "page": None,
        "credit": None,
        "speaker": None,
    }
    assert article["quotes"][0] == {
        "id": "lamberty-2024-sample:q001",
        "text": "The world has not suddenly become safer.",
        "speaker": "Carlo Masala",
        "kind": "direct",
        "notes": [1],
        "sentence": "lamberty-2024-sample:s0002",
    }
    figure = article["figures"][0]
    assert {k: figure[k] for k in ("text", "value", "unit", "qualifier", "sentence")} == {
        "text": "some 600 soldiers",
        "value": 600.0,
        "unit": "soldiers",
        "qualifier": "some",
        "sentence": "lamberty-2024-sample:s0002",
    }
    assert article["glossary"][0] == {"short": "NMI", "long": "NATO Mission Iraq"}
    # nothing about the build leaks into the export
    assert "2024-01-01T00:00:00" not in dump(data).decode()


def test_source_file_is_made_seeds_relative() -> None:
    absolute = dataclasses.replace(sample_article(), source_file="/home/ci/seeds/x.txt")
    windows = dataclasses.replace(sample_article(), id="w", source_file="C:\\work\\seeds\\w.md")
    data = export_corpus(Corpus(articles=(absolute, windows)))
    assert [a["source_file"] for a in data["articles"]] == ["x.txt", "w.md"]
    assert seeds_name("plain.txt") == "plain.txt"


def test_issues_go_to_their_article_or_the_top_level() -> None:
    corpus = Corpus(
        articles=(sample_article(),),
        issues=(
            IngestIssue("/abs/seeds/zz-broken.txt", "unreadable", level="error"),
            IngestIssue("lamberty-2024-sample.txt", "note 5 unused", 140),
            IngestIssue("aa-broken.md", "no title", 1),
        ),
    )
    data = export_corpus(corpus)
    assert data["articles"][0]["issues"] == [
        {
            "file": "lamberty-2024-sample.txt",
            "line": 140,
            "level": "warning",
            "message": "note 5 unused",
        }
    ]
    assert [i["file"] for i in data["issues"]] == ["aa-broken.md", "zz-broken.txt"]


def test_integer_and_float_figure_values_export_alike() -> None:
    article = sample_article()
    as_int = dataclasses.replace(
        article, figures=(dataclasses.replace(article.figures[0], value=600),)
    )
    assert dump(export_corpus(Corpus(articles=(as_int,)))) == dump(
        export_corpus(Corpus(articles=(dataclasses.replace(as_int, figures=article.figures[:1]),)))
    )


async def test_two_builds_export_identical_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "index.sqlite3", tmp_path / "b" / "index.sqlite3"
    one = await build_index(sample_result(), first, built_at="2024-01-01T00:00:00+00:00")
    two = await build_index(sample_result(), second, built_at="2025-06-30T12:00:00+00:00")
    assert one.build_id != two.build_id

    export_one = dump(export_corpus(await load_corpus(first)))
    export_two = dump(export_corpus(await load_corpus(second)))

    assert export_one == export_two
    # and the stored corpus exports exactly like the corpus that was built
    result = sample_result()
    assert export_one == dump(export_corpus(Corpus(articles=result.articles, issues=result.issues)))
    assert "Ausblick – „Zukunft“".encode() in export_one  # ensure_ascii=False keeps the text


def test_chunks_join_to_exactly_the_json_of_the_whole_export() -> None:
    article = sample_article()
    corpora = [
        Corpus(),
        Corpus(issues=(IngestIssue("seeds/broken.txt", "empty file; skipped", level="error"),)),
        Corpus(articles=(article,)),
        Corpus(
            articles=(article, dataclasses.replace(article, id="second", source_file="b.md")),
            issues=(
                IngestIssue("seeds/b.md", 'odd "quote"\nand a newline', 3),
                IngestIssue("seeds/zz.txt", "unsupported"),
            ),
        ),
    ]
    for corpus in corpora:
        whole = json.dumps(export_corpus(corpus), ensure_ascii=False, indent=2)
        assert "".join(export_json_chunks(corpus)) == whole
    assert len(list(export_json_chunks(corpora[3]))) == 4  # opening, two articles, closing
