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


# --- a post's byline with its date, a newsletter's issue line -----------------------------------
def test_a_posted_by_line_with_a_date_gives_author_and_date() -> None:
    """ "_Written by Hana Kovač, 2 June 2024_" under the title: author and date, no subtitle."""
    post = ingest(
        "# Why the river flooded\n\n_Written by Hana Kovač, 2 June 2024_\n\n"
        "The river rose two metres in a night. The council has asked for a review.\n"
    )
    assert post.authors == ("Hana Kovač",)
    assert post.date == "2024-06-02"
    assert post.subtitle is None
    assert not any("Written by" in t for t in texts(post))


def test_an_issue_line_dates_the_newsletter() -> None:
    """ "__No. 114 | 3 March 2026__" under the masthead: the issue's date, no text."""
    letter = ingest(
        "# The Harbour Note\n\n__No. 114 | 3 March 2026__\n\n"
        "The ferry timetable changes on Monday. Two sailings are cut.\n"
    )
    assert letter.date == "2026-03-03"
    assert not any(t.startswith("No. 114") for t in texts(letter))


def test_lines_that_only_look_like_meta_lines_stay_text() -> None:
    """An issue number with no date, or a "posted by" clause with no date, is a sentence."""
    from bot.core.ingest.post_meta import read_meta_line

    assert read_meta_line("Issue 42") is None
    assert read_meta_line("Issue 42 of the magazine was late") is None
    assert read_meta_line("Posted by Ana Ruiz, who wrote the first draft.") is None
    assert read_meta_line("By Ana Ruiz and Ben Fox, 3 May 2025") is None
