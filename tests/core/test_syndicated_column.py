"""A syndicated column's wire furniture (slug, byline, distribution line, end marker) and quotes."""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_article
from bot.core.model import Article

_COLUMN = """\
AM-OPED-FARMS
Hedgerows are not a luxury

By TOMASZ WIELGOSZ-REID
Syndicated by Fenland Press Features
(c) 2025 Fenland Press Features

ELY, Cambs. -- Every spring the hedges along the drove are cut back a little further. The
farmers who cut them are not vandals; they are paid by the metre of clear verge.

"Would you leave money in the ground?" asked the drainage board's chairman, Alun Prys-Davies.
The board spent 12,000 pounds on flails in 2024.

I asked Megan Corlett, who farms 300 acres at Littleport, what it would take. "Nothing!" she
said. "Just stop paying us to cut."

The hedge is a habit, and habits can be broken.

-30-

Tomasz Wielgosz-Reid farms in the Fens and writes a monthly column.
Fenland Press Features, 2 Market Street, Ely. Reprints on request.
"""

_ARTICLE = """\
Hedgerows are not a luxury

By Tomasz Wielgosz-Reid

Every spring the hedges along the drove are cut back a little further. The farmers who cut
them are not vandals; they are paid by the metre of clear verge.

The hedge is a habit, and habits can be broken.

Tomasz Wielgosz-Reid farms in the Fens and writes a monthly column.
"""


def _read(tmp_path: Path, text: str) -> Article:
    path = tmp_path / "column.txt"
    path.write_text(text, encoding="utf-8")
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def test_a_column_under_a_slug_gives_headline_byline_and_syndicate(tmp_path: Path) -> None:
    column = _read(tmp_path, _COLUMN)
    assert column.title == "Hedgerows are not a luxury"
    assert column.authors == ("Tomasz Wielgosz-Reid",)
    assert column.publication == "Fenland Press Features"
    texts = [s.text for s in column.sentences]
    assert texts[0] == "Every spring the hedges along the drove are cut back a little further."
    assert texts[-1] == "The hedge is a habit, and habits can be broken."
    assert not any("AM-OPED" in t or "Syndicated by" in t or "(c) 2025" in t for t in texts)
    assert not any("-30-" in t or "ELY" in t for t in texts)


def test_a_columns_quotes_have_their_speakers(tmp_path: Path) -> None:
    quotes = _read(tmp_path, _COLUMN).quotes
    assert any(
        q.text.startswith("Would you leave money") and q.speaker == "Alun Prys-Davies"
        for q in quotes
    )
    assert any(
        q.text == "Just stop paying us to cut." and q.speaker == "Megan Corlett" for q in quotes
    )


def test_an_article_without_wire_furniture_is_read_as_before(tmp_path: Path) -> None:
    article = _read(tmp_path, _ARTICLE)
    texts = [s.text for s in article.sentences]
    assert article.title == "Hedgerows are not a luxury"
    assert article.authors == ("Tomasz Wielgosz-Reid",)
    assert texts[-1] == "Tomasz Wielgosz-Reid farms in the Fens and writes a monthly column."


def test_a_scare_quoted_question_word_is_no_quote(tmp_path: Path) -> None:
    text = (
        'Buses in the Wolds\n\nBy Jo Park\n\nPlanners call it the "why bother?" effect, and '
        "it has been described for years by Dr Ana Ruiz of the transport institute.\n"
    )
    assert _read(tmp_path, text).quotes == ()
