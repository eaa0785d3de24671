"""Markdown memos, newsletters, talk write-ups and shows: a memo's field header, a newsletter's
issue line, run-in lead-ins and platform furniture, a write-up's "Posted by" byline, its event
line and its Q&A, a show's role labels named by its intro."""

from __future__ import annotations

from bot.core.ingest.article import build_article
from bot.core.ingest.formats import reader_for
from bot.core.model import Article, Sentence


def ingest(text: str, name: str = "post") -> Article:
    data = text.encode("utf-8")
    reader = reader_for(".md", data[:4096])
    assert reader is not None
    document, _ = reader.read(data, f"seeds/{name}.md")
    assert document is not None
    article, _ = build_article(name, f"seeds/{name}.md", document, {})
    assert article is not None
    return article


def texts(article: Article) -> list[str]:
    return [s.text for s in article.sentences]


def one(article: Article, start: str) -> Sentence:
    found = [s for s in article.sentences if s.text.startswith(start)]
    assert len(found) == 1, (start, texts(article))
    return found[0]


# --- a talk write-up's Q&A ----------------------------------------------------------------------
LECTURE = """# Mending the grid: Priya Natarajan's lecture on storage

Priya Natarajan, who runs the storage programme at Fenwick University, spoke for an hour.

## Questions

**Q (Alan Brook, Grid Watch):** How long do the batteries last?

**A:** About fifteen years at the current rate of cycling, and we will know more by 2030.

**Q (Ruth Obi, Kent Energy):** Who pays for the new substations?

**A:** The network operator pays, and it recovers the money through bills over forty years.
"""


def test_the_answers_in_a_write_up_are_the_person_whose_talk_the_title_names() -> None:
    """ "… Priya Natarajan's lecture …": the title names whose talk it was with a possessive;
    the bare "A:" answers are hers, the named questioners ask."""
    talk = ingest(LECTURE)
    assert one(talk, "About fifteen years").speaker == "Priya Natarajan"
    assert one(talk, "The network operator pays").speaker == "Priya Natarajan"
    assert one(talk, "How long do the batteries").speaker == "Alan Brook"


def test_a_possessive_in_a_title_names_no_one_the_body_does_not() -> None:
    """The possessive rule only cuts "'s": "Europe's grid" is no person, and the answers keep the
    generic answerer when the body never names the title's words as a person."""
    talk = ingest(LECTURE.replace("Priya Natarajan's lecture", "Europe's lecture").replace(
        "Priya Natarajan, who runs", "The head of"
    ))
    assert one(talk, "About fifteen years").speaker != "Europe"
