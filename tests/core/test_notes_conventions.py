"""Footnote conventions and cross-references, on small documents of the tests' own making."""

from __future__ import annotations

import pytest

from bot.core.ingest.article import build_article
from bot.core.ingest.formats import reader_for
from bot.core.ingest.notes import NoteLine, parse_notes
from bot.core.model import Article, IngestIssue


def ingest(text: str, suffix: str = ".txt") -> tuple[Article, list[IngestIssue]]:
    data = text.encode("utf-8")
    reader = reader_for(suffix, data[:4096])
    assert reader is not None
    document, issues = reader.read(data, f"seeds/n{suffix}")
    assert document is not None
    article, more = build_article("n", f"seeds/n{suffix}", document, {})
    assert article is not None
    return article, issues + more


BODY = "# Title of It\n\nBy Ann Lee\n\n"


@pytest.mark.parametrize(
    "notes",
    [
        "## Notes\n\n1. First source.\n2. Second source.\n",
        "## Endnotes\n\n1 First source.\n\n2 Second source.\n",
        "## References\n\n[1] First source.\n\n[2] Second source.\n",
        "---\n\n1\\. First source.\n\n2\\. Second source.\n",
        "[^1]: First source.\n[^2]: Second source.\n",
    ],
)
def test_notes_lists_of_every_shape(notes: str) -> None:
    article, issues = ingest(
        BODY + "A claim is made here.[^1] Another claim follows.[^2]\n\n" + notes, suffix=".md"
    )
    assert [(s.text, s.notes) for s in article.sentences] == [
        ("A claim is made here.", (1,)),
        ("Another claim follows.", (2,)),
    ]
    assert [(n.number, n.text) for n in article.notes] == [
        (1, "First source."),
        (2, "Second source."),
    ]
    assert not [i for i in issues if "note" in i.message]


def test_superscript_and_glued_markers_never_merge_two_sentences() -> None:
    article, _ = ingest(
        "Title Line\n\nBy Ann Lee\n\nPrices rose sharply.¹ Wages did not.² "
        "Both matter.\n\nNotes\n\n1 Source one.\n2 Source two.\n"
    )
    assert [(s.text, s.notes) for s in article.sentences] == [
        ("Prices rose sharply.", (1,)),
        ("Wages did not.", (2,)),
        ("Both matter.", ()),
    ]


def test_warnings_for_uncited_notes_and_markers_without_notes() -> None:
    _, issues = ingest(BODY + "A claim.[^1] Another.[^3]\n\n[^1]: One.\n[^2]: Two.\n", suffix=".md")
    messages = [(i.message, i.line) for i in issues]
    assert any("marker 3 has no note" in m and line for m, line in messages)
    assert any("note 2 is never cited" in m and line for m, line in messages)


@pytest.mark.parametrize(
    ("text", "refers_to"),
    [
        ("Ibid., p. 4.", 1),
        ("Id. at 7.", 1),
        ("Smith, supra note 1, p. 3.", 1),
        ("Smith 2020, n. 1.", 1),
        ("Smith 2020, p. 9.", 1),  # author and year repeat note 1
        ("Grid Storage Review of Europe, p. 12.", 1),  # the short title repeats note 1
    ],
)
def test_cross_references_resolve(text: str, refers_to: int) -> None:
    notes, _ = parse_notes(
        [
            NoteLine(1, "Smith, J. (2020): Grid Storage Review of Europe, Berlin, pp. 1-40.", 1),
            NoteLine(2, text, 2),
        ],
        "f",
    )
    assert notes[1].refers_to == refers_to


def test_a_different_source_is_not_a_short_form() -> None:
    notes, _ = parse_notes(
        [
            NoteLine(1, "Smith, J. (2020): Grid Storage Review of Europe, Berlin.", 1),
            NoteLine(2, "Jones, K. (2021): Water Policy in the Sahel, Paris.", 2),
        ],
        "f",
    )
    assert notes[1].refers_to is None


def test_markdown_notes_keep_their_link_as_url_and_drop_back_links() -> None:
    article, _ = ingest(
        BODY + "A claim.[1](#fn1)\n\n* * *\n\n"
        "1\\. See [The Report](https://r.example/a.pdf), p. 3. "
        "[Return to text](#f1)\n",
        suffix=".md",
    )
    [note] = article.notes
    assert (note.text, note.url) == ("See The Report, p. 3.", "https://r.example/a.pdf")
