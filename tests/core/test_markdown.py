"""Markdown posts read by a real parser: front matter, markup that never reaches a sentence,
pseudo-headings, footnote conventions and datelines."""

from __future__ import annotations

from bot.core.ingest.article import build_article
from bot.core.ingest.formats import reader_for
from bot.core.model import Article, IngestIssue


def ingest(text: str, name: str = "post", suffix: str = ".md") -> tuple[Article, list[IngestIssue]]:
    data = text.encode("utf-8")
    reader = reader_for(suffix, data[:4096])
    assert reader is not None
    document, issues = reader.read(data, f"seeds/{name}{suffix}")
    assert document is not None
    article, more = build_article(name, f"seeds/{name}{suffix}", document, {})
    assert article is not None
    return article, issues + more


def texts(article: Article) -> list[str]:
    return [s.text for s in article.sentences]


FRONT = """---
layout: post
title: A Blog Title About the Speech
subtitle: The Speech's Own Title
author: Ada Lovelace
date: 2024-02-27
tags: [policy]
article_excerpt: "A long excerpt that must never become text."
---
"""


def test_front_matter_gives_metadata_and_never_text() -> None:
    article, _ = ingest(FRONT + "\nThe first real sentence of the post is here. A second one.\n")
    assert article.title == "A Blog Title About the Speech"
    assert article.subtitle == "The Speech's Own Title"
    assert article.authors == ("Ada Lovelace",)
    assert article.date == "2024-02-27"
    assert texts(article) == ["The first real sentence of the post is here.", "A second one."]


def test_html_liquid_kramdown_and_link_definitions_never_reach_a_sentence() -> None:
    article, _ = ingest(
        FRONT + '\n<iframe src="https://video.example/x" allowfullscreen></iframe>\n\n'
        "<script>var x = 1; alert('x');</script>\n\n"
        "<style>.a { color: red; }</style>\n\n"
        'Growth was <span style="color:#ec5e2a;"><strong>strong</strong></span> last year'
        '{:target="_blank"} and {% include note.html %} it held. See [the data](https://d.example).\n\n'
        "[ref]: https://ref.example/\n\n"
        "</div>\n"
    )
    assert texts(article) == ["Growth was strong last year and it held.", "See the data."]


def test_bold_lines_are_headings_over_their_paragraph() -> None:
    article, _ = ingest(
        FRONT + "\n#### Speech Text\n\nOpening words come first.\n\n"
        "**The Labor Market**  \nThe market is tight.\n\n"
        "**_Capital Reform_**\nReform is needed.\n"
    )
    assert article.sections == ("Speech Text", "The Labor Market", "Capital Reform")
    assert [(s.section, s.text) for s in article.sentences][1:] == [
        ("The Labor Market", "The market is tight."),
        ("Capital Reform", "Reform is needed."),
    ]


def test_a_link_only_line_is_not_a_heading_in_markdown() -> None:
    article, _ = ingest(
        FRONT + "\n#### Link\n[Speech](https://x.example/speech.htm)\n\n"
        "#### Speech Text\n\nWords of the speech are here.\n"
    )
    assert article.sections == ("Link", "Speech Text")


def test_link_style_markers_and_return_to_text_notes_after_a_rule() -> None:
    article, issues = ingest(
        FRONT + '\nFirst claim.[1](#fn1 "footnote 1") Second claim here.[2](#fn2) Third.\n\n'
        "* * *\n\n1\\. See [A Report (PDF)](https://a.example/r.pdf), 2020. "
        "[Return to text](#f1)\n\n2\\. Another source. [Return to text](#f2)\n\n"
        "Last Update: February 27, 2024\n"
    )
    assert [(s.text, s.notes) for s in article.sentences] == [
        ("First claim.", (1,)),
        ("Second claim here.", (2,)),
        ("Third.", ()),
    ]
    assert [(n.number, n.text, n.url) for n in article.notes] == [
        (1, "See A Report (PDF), 2020.", "https://a.example/r.pdf"),
        (2, "Another source.", None),
    ]
    assert not [i for i in issues if "marker" in i.message or "cited" in i.message]


def test_dateline_gives_the_date_and_is_not_text() -> None:
    article, _ = ingest(
        "# Title Here\n\nBody sentence one is here.\n\nLast Update: February 27, 2024\n"
    )
    assert article.date == "2024-02-27"
    assert all("Update" not in t for t in texts(article))


def test_footnotes_of_any_label_and_numbers_past_999_stay_apart() -> None:
    article, _ = ingest(
        "# Notes Test\n\nOne claim.[^note-a] Another claim.[^b] A third.[^note-a]\n\n"
        "[^note-a]: First note.\n[^b]: Second note.\n"
    )
    assert [(s.text, s.notes) for s in article.sentences] == [
        ("One claim.", (1,)),
        ("Another claim.", (2,)),
        ("A third.", (1,)),
    ]
    assert [(n.number, n.text) for n in article.notes] == [(1, "First note."), (2, "Second note.")]
    big, _ = ingest(
        "# Big\n\nClaim one.[^1000] Claim two.[^1001]\n\n[^1000]: Note K.\n[^1001]: Note K1.\n"
    )
    assert [(s.text, s.notes) for s in big.sentences] == [
        ("Claim one.", (1000,)),
        ("Claim two.", (1001,)),
    ]
    assert [n.number for n in big.notes] == [1000, 1001]


def test_sup_and_numbered_table_notes() -> None:
    article, _ = ingest(
        "# Sup Test\n\nA claim.<sup>1</sup> Another one.<sup>2</sup>\n\n"
        "| n. | note |\n|---|---|\n| 1. | First source. |\n| 2. | Second source. |\n"
    )
    assert [s.notes for s in article.sentences] == [(1,), (2,)]
    assert [n.text for n in article.notes] == ["First source.", "Second source."]


def test_author_guessed_from_a_tag_the_title_names_with_a_warning() -> None:
    article, issues = ingest(
        "---\ntitle: Governor Rossi Urges Caution\ntags: [policy, Rossi]\n---\n\n"
        "Thank you for having me. As Maria B. Rossi wrote before, caution pays. "
        "More words follow. And more. And yet more here.\n"
    )
    assert article.authors == ("Maria B. Rossi",)
    assert any("best guess" in i.message and "Maria B. Rossi" in i.message for i in issues)


def test_missing_title_and_author_are_warned_about() -> None:
    _, issues = ingest(
        "just text. " * 3 + "\n\nMore text here. And more. Still more. Yet more. Enough.\n",
        suffix=".txt",
    )
    messages = [i.message for i in issues]
    assert any("no title" in m for m in messages)
    assert any("no author" in m for m in messages)


def test_unknown_suffix_with_markdown_content_is_read_as_markdown() -> None:
    data = FRONT + "\nA sentence of the post.\n"
    reader = reader_for(".post", data.encode())
    assert reader is not None and ".md" in reader.suffixes
    assert reader_for(".txt", data.encode()) is not None
    assert ".txt" in reader_for(".txt", data.encode()).suffixes  # type: ignore[union-attr]
    assert reader_for(".bin", b"\x00\x01binary") is None
